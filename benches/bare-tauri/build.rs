include!("../../src-tauri/link.rs");

fn main() {
    pack_relocations();
    tauri_build::build();
}
