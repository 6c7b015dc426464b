//! Files Rapport writes (exports, reports, backups) appear whole or not at all: the content goes
//! to a temporary file beside the target, is flushed to disk, and only then takes the target's
//! name. A crash or a kill mid-write leaves the previous file as it was.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use crate::error::Result;

crate::text_enum! {
    /// What a file dialog is for: it sets the filter and the default extension.
    #[ts(export)]
    pub enum FileKind {
        Csv = "csv",
        Report = "report",
        Backup = "backup",
        Workspace = "workspace",
        Transcript = "transcript",
        OpenSlo = "openslo",
        Calendar = "calendar",
    }
}

impl FileKind {
    /// The dialog's filter: a label and the extensions it shows.
    pub fn filter(self) -> (&'static str, &'static [&'static str]) {
        match self {
            FileKind::Csv => ("CSV", &["csv", "tsv", "txt"]),
            FileKind::Report => ("Reports", &["html", "md", "txt"]),
            FileKind::Backup | FileKind::Workspace => ("Rapport workspaces", &["sqlite", "db"]),
            FileKind::Transcript => ("Transcripts", &["vtt", "srt", "txt"]),
            FileKind::OpenSlo => ("OpenSLO YAML", &["yaml", "yml"]),
            FileKind::Calendar => ("Calendar", &["ics"]),
        }
    }
}

/// The temporary name used beside `target` while it is written (hidden, and recognisable so a
/// leftover from a killed write can be cleaned up).
pub fn temp_beside(target: &Path) -> PathBuf {
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    target.with_file_name(format!(".{name}.rapport-partial-{}", std::process::id()))
}

/// Writes `target` through `fill`, atomically. Returns what `fill` returned.
pub fn write_atomically<T>(
    target: &Path,
    fill: impl FnOnce(&mut BufWriter<&File>) -> Result<T>,
) -> Result<T> {
    if let Some(dir) = target.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)?;
    }
    if let Some(dir) = target.parent() {
        clean_partials(dir);
    }
    let tmp = temp_beside(target);
    let out = (|| {
        let file = File::create(&tmp)?;
        let value = {
            let mut w = BufWriter::new(&file);
            let v = fill(&mut w)?;
            w.flush()?;
            v
        };
        file.sync_all()?;
        std::fs::rename(&tmp, target)?;
        sync_dir(target);
        Ok(value)
    })();
    if out.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    out
}

/// Makes a rename durable: the directory entry itself is flushed.
pub fn sync_dir(path: &Path) {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        if let Ok(d) = File::open(dir) {
            let _ = d.sync_all();
        }
    }
}

/// Removes partial files a killed write left in `dir` (ours only: the `.rapport-partial-` name,
/// and only when the process that wrote it is gone).
pub fn clean_partials(dir: &Path) -> usize {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return 0;
    };
    entries
        .flatten()
        .filter(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            match name.split_once(".rapport-partial-") {
                Some((_, pid)) => !writer_alive(pid, e),
                None => false,
            }
        })
        .filter(|e| std::fs::remove_file(e.path()).is_ok())
        .count()
}

/// Whether the process that writes a partial file may still be writing it: its process is
/// running (Linux), or else the file is less than an hour old.
fn writer_alive(pid: &str, e: &std::fs::DirEntry) -> bool {
    if Path::new("/proc/self").exists() {
        return pid
            .parse::<u32>()
            .is_ok_and(|p| Path::new(&format!("/proc/{p}")).exists());
    }
    e.metadata()
        .and_then(|m| m.modified())
        .is_ok_and(|t| t.elapsed().is_ok_and(|age| age.as_secs() < 3600))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::Error;

    #[test]
    fn a_failed_write_leaves_the_old_file_and_no_partial() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("out.csv");
        std::fs::write(&target, "old").unwrap();
        let r: Result<()> = write_atomically(&target, |w| {
            w.write_all(b"half")?;
            Err(Error::Cancelled)
        });
        assert!(r.is_err());
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "old");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
        write_atomically(&target, |w| Ok(w.write_all(b"new")?)).unwrap();
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "new");
    }

    #[test]
    fn leftovers_of_killed_writes_are_cleaned() {
        let dir = tempfile::tempdir().unwrap();
        // A pid above Linux's largest: its writer is gone.
        std::fs::write(dir.path().join(".x.csv.rapport-partial-4999999"), "x").unwrap();
        // One being written right now by this process stays.
        let live = temp_beside(&dir.path().join("y.csv"));
        std::fs::write(&live, "x").unwrap();
        std::fs::write(dir.path().join("keep.csv"), "x").unwrap();
        assert_eq!(clean_partials(dir.path()), 1);
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 2);
        assert!(live.exists());
    }
}
