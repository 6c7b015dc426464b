//! The workspaces a user opened recently, newest first, kept in a small JSON file outside any
//! workspace (the app's config folder), so the app can reopen the last one and offer the rest.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::Result;

/// How many are remembered.
pub const KEEP: usize = 10;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RecentWorkspace {
    pub path: String,
    /// When it was last opened (UTC, RFC 3339).
    pub opened_at: String,
    /// Whether the file is still there.
    #[serde(default)]
    pub exists: bool,
}

/// The list in `file` (empty when missing or unreadable), with `exists` filled in.
pub fn list(file: &Path) -> Vec<RecentWorkspace> {
    let mut all: Vec<RecentWorkspace> = std::fs::read(file)
        .ok()
        .and_then(|b| serde_json::from_slice(&b).ok())
        .unwrap_or_default();
    for r in &mut all {
        r.exists = Path::new(&r.path).is_file();
    }
    all
}

/// Puts `path` at the top of the list in `file` (written atomically).
pub fn touch(
    file: &Path,
    path: &Path,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<Vec<RecentWorkspace>> {
    let path = path.canonicalize().unwrap_or_else(|_| path.to_owned());
    let shown = path.display().to_string();
    let mut all = list(file);
    all.retain(|r| r.path != shown);
    all.insert(
        0,
        RecentWorkspace {
            path: shown,
            opened_at: now.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
            exists: true,
        },
    );
    all.truncate(KEEP);
    let json =
        serde_json::to_vec_pretty(&all).map_err(|e| crate::Error::Io(std::io::Error::other(e)))?;
    crate::files::write_atomically(file, |w| Ok(std::io::Write::write_all(w, &json)?))?;
    Ok(all)
}

/// The most recent workspace that still exists and is not `except` (the sample).
pub fn last(file: &Path, except: &Path) -> Option<PathBuf> {
    let except = except.canonicalize().unwrap_or_else(|_| except.to_owned());
    list(file)
        .into_iter()
        .filter(|r| r.exists)
        .map(|r| PathBuf::from(r.path))
        .find(|p| *p != except)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn newest_first_without_repeats_and_missing_files_flagged() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("cfg").join("recent.json");
        let (a, b, sample) = (
            dir.path().join("a.db"),
            dir.path().join("b.db"),
            dir.path().join("sample.db"),
        );
        for p in [&a, &b, &sample] {
            std::fs::write(p, "x").unwrap();
        }
        let t = |h: u32| {
            chrono::DateTime::parse_from_rfc3339(&format!("2026-11-23T{h:02}:00:00Z"))
                .unwrap()
                .to_utc()
        };
        touch(&file, &a, t(1)).unwrap();
        touch(&file, &b, t(2)).unwrap();
        touch(&file, &a, t(3)).unwrap();
        touch(&file, &sample, t(4)).unwrap();
        let names: Vec<String> = list(&file)
            .iter()
            .map(|r| {
                Path::new(&r.path)
                    .file_name()
                    .unwrap()
                    .to_string_lossy()
                    .into_owned()
            })
            .collect();
        assert_eq!(names, ["sample.db", "a.db", "b.db"]);
        assert_eq!(last(&file, &sample).unwrap().file_name().unwrap(), "a.db");
        std::fs::remove_file(&a).unwrap();
        assert!(!list(&file)[1].exists);
        assert_eq!(last(&file, &sample).unwrap().file_name().unwrap(), "b.db");
        std::fs::write(&file, "not json").unwrap();
        assert!(
            list(&file).is_empty(),
            "a damaged list is an empty one, not an error"
        );
    }
}
