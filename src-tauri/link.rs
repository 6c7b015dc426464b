// Shared by the build scripts of rapport-app and of its size reference (benches/bare-tauri), so
// both are linked the same way.

/// Packs the binary's relative relocations (DT_RELR, `-z pack-relative-relocs`): about a
/// megabyte less to download and map, with position independence (ASLR) kept. Only where the C
/// library can load such binaries (glibc 2.36, Debian 12); elsewhere they link as before.
fn pack_relocations() {
    let glibc = std::process::Command::new("getconf")
        .arg("GNU_LIBC_VERSION")
        .output()
        .ok()
        .and_then(|o| String::from_utf8(o.stdout).ok())
        .and_then(|v| {
            let (major, minor) = v.trim().strip_prefix("glibc ")?.split_once('.')?;
            Some((major.parse::<u32>().ok()?, minor.parse::<u32>().ok()?))
        });
    if glibc.is_some_and(|v| v >= (2, 36)) {
        println!("cargo:rustc-link-arg-bins=-Wl,-z,pack-relative-relocs");
    }
}
