//! Fails when ui/src/bindings does not match the Rust types; `UPDATE_BINDINGS=1` rewrites it.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

fn read_tree(dir: &Path) -> BTreeMap<PathBuf, String> {
    let mut out = BTreeMap::new();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return out;
    };
    for e in entries {
        let path = e.unwrap().path();
        if path.is_dir() {
            for (k, v) in read_tree(&path) {
                out.insert(Path::new(path.file_name().unwrap()).join(k), v);
            }
        } else {
            let text = std::fs::read_to_string(&path).unwrap();
            out.insert(PathBuf::from(path.file_name().unwrap()), text);
        }
    }
    out
}

#[test]
fn ui_bindings_are_current() {
    let committed = Path::new(env!("CARGO_MANIFEST_DIR")).join("ui/src/bindings");
    let fresh = tempfile::tempdir().unwrap();
    rapport::bindings::export_all(fresh.path()).unwrap();
    let want = read_tree(fresh.path());
    assert!(
        want.len() >= 5,
        "expected the IPC types, got {:?}",
        want.keys()
    );
    if std::env::var_os("UPDATE_BINDINGS").is_some() {
        let _ = std::fs::remove_dir_all(&committed);
        for (rel, text) in &want {
            let dest = committed.join(rel);
            std::fs::create_dir_all(dest.parent().unwrap()).unwrap();
            std::fs::write(dest, text).unwrap();
        }
        return;
    }
    let have = read_tree(&committed);
    let stale: Vec<_> = want
        .iter()
        .filter(|(k, v)| have.get(*k) != Some(v))
        .map(|(k, _)| k.display().to_string())
        .chain(
            have.keys()
                .filter(|k| !want.contains_key(*k))
                .map(|k| format!("{} (extra)", k.display())),
        )
        .collect();
    assert!(
        stale.is_empty(),
        "ui/src/bindings is stale: {stale:?}. Run `make bindings` and commit the result."
    );
}
