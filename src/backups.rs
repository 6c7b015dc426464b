//! Backups of a workspace: automatic rolling ones (daily, kept 7 days and 4 weeks by default),
//! "Back up now", and the copies Rapport makes itself before an upgrade or a restore. They live
//! in a folder beside the workspace, `<name>-backups/`, one self-contained SQLite file each,
//! checked with `quick_check` after it is written.
//!
//! Restore never writes to the file it restores from: the backup is copied (with SQLite's
//! backup API, read-only, so it may sit on read-only media), checked, migrated as a copy, and
//! only then renamed over the workspace; the workspace it replaces is kept as a backup.

use std::path::{Path, PathBuf};

use chrono::{DateTime, Datelike, NaiveDateTime, Utc};
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::db::integrity::{self, header_version, open_read_only};
use crate::db::{Db, LATEST_VERSION};
use crate::error::{Error, Result};
use crate::files::temp_beside;

crate::text_enum! {
    /// Why a backup was made.
    #[ts(export)]
    pub enum BackupKind {
        /// The daily automatic backup; only these are pruned.
        Automatic = "auto",
        /// "Back up now" (app) or `rapport-cli backup`.
        Manual = "manual",
        /// Written before a schema upgrade.
        BeforeUpgrade = "before-upgrade",
        /// The workspace a restore replaced.
        BeforeRestore = "before-restore",
    }
}

/// One backup file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct BackupFile {
    pub path: String,
    pub file_name: String,
    pub kind: BackupKind,
    /// When it was made (UTC, RFC 3339).
    pub created_at: String,
    pub size_bytes: i64,
    /// `None` when the file's header is not SQLite's.
    pub schema_version: Option<i64>,
}

/// What restoring a backup would bring back.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct BackupPreview {
    pub file: BackupFile,
    pub people: i64,
    pub interviews: i64,
    pub notes: i64,
    pub findings: i64,
    pub roadmaps: i64,
    pub transcripts: i64,
}

/// How many automatic backups are kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct BackupPolicy {
    pub automatic: bool,
    /// The newest backup of each of the last N days that have one.
    pub keep_daily: u32,
    /// And the newest of each of the last N weeks beyond those.
    pub keep_weekly: u32,
}

impl Default for BackupPolicy {
    fn default() -> Self {
        BackupPolicy {
            automatic: true,
            keep_daily: 7,
            keep_weekly: 4,
        }
    }
}

const POLICY_KEY: &str = "backup_policy";
const MAX_KEEP: u32 = 365;

/// The workspace's backup policy (stored in the workspace, so it travels with it).
pub fn policy(db: &Db) -> Result<BackupPolicy> {
    Ok(crate::settings::get(db, POLICY_KEY)?
        .and_then(|v| serde_json::from_str(&v).ok())
        .unwrap_or_default())
}

pub fn set_policy(db: &Db, p: &BackupPolicy) -> Result<BackupPolicy> {
    for (field, n) in [("keep_daily", p.keep_daily), ("keep_weekly", p.keep_weekly)] {
        if n > MAX_KEEP {
            return Err(Error::invalid(field, format!("Keep at most {MAX_KEEP}")));
        }
    }
    if p.automatic && p.keep_daily + p.keep_weekly == 0 {
        return Err(Error::invalid(
            "keep_daily",
            "Keep at least one automatic backup, or switch them off",
        ));
    }
    let json = serde_json::to_string(p).map_err(|e| Error::Io(std::io::Error::other(e)))?;
    crate::settings::put(db, POLICY_KEY, &json)?;
    policy(db)
}

/// The folder holding the backups of the workspace at `workspace`: `<name>-backups` beside it.
pub fn dir(workspace: &Path) -> PathBuf {
    let stem = stem(workspace);
    workspace.with_file_name(format!("{stem}-backups"))
}

fn stem(workspace: &Path) -> String {
    workspace
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "rapport".into())
}

const STAMP: &str = "%Y%m%dT%H%M%SZ";

pub(crate) fn path_for(workspace: &Path, kind: BackupKind, at: DateTime<Utc>) -> PathBuf {
    let name = format!(
        "{}-{}-{}.sqlite",
        stem(workspace),
        kind.as_str(),
        at.format(STAMP)
    );
    let mut path = dir(workspace).join(&name);
    // Two backups in the same second (a test, a double click) get distinct names.
    let mut n = 1;
    while path.exists() {
        n += 1;
        path = dir(workspace).join(name.replace(".sqlite", &format!("-{n}.sqlite")));
    }
    path
}

/// Reads kind and time from a backup's file name; `None` for other files.
fn parse_name(name: &str) -> Option<(BackupKind, DateTime<Utc>)> {
    let base = name.strip_suffix(".sqlite")?;
    // An optional "-N" after the stamp (same-second backups).
    let base = match base.rsplit_once('-') {
        Some((b, n)) if !n.is_empty() && n.bytes().all(|c| c.is_ascii_digit()) && n.len() < 4 => b,
        _ => base,
    };
    let (rest, stamp) = base.rsplit_once('-')?;
    let at = NaiveDateTime::parse_from_str(stamp, STAMP).ok()?.and_utc();
    BackupKind::ALL
        .iter()
        .find(|k| rest.ends_with(&format!("-{}", k.as_str())))
        .map(|k| (*k, at))
}

fn describe(path: &Path) -> Option<BackupFile> {
    let name = path.file_name()?.to_string_lossy().into_owned();
    let (kind, at) = parse_name(&name)?;
    Some(BackupFile {
        path: path.display().to_string(),
        file_name: name,
        kind,
        created_at: at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        size_bytes: std::fs::metadata(path).map(|m| m.len() as i64).unwrap_or(0),
        schema_version: header_version(path),
    })
}

/// Every backup of the workspace, newest first.
pub fn list(workspace: &Path) -> Result<Vec<BackupFile>> {
    let Ok(entries) = std::fs::read_dir(dir(workspace)) else {
        return Ok(Vec::new());
    };
    let mut all: Vec<BackupFile> = entries
        .flatten()
        .filter_map(|e| describe(&e.path()))
        .collect();
    all.sort_by(|a, b| {
        b.created_at
            .cmp(&a.created_at)
            .then(b.file_name.cmp(&a.file_name))
    });
    Ok(all)
}

/// Backs up the open workspace into its backup folder. A damaged workspace is not backed up
/// (a copy would spread the damage over good backups); the copy is checked once written.
/// After an automatic backup, automatic backups beyond the policy are removed.
pub fn create(db: &Db, kind: BackupKind, now: DateTime<Utc>) -> Result<BackupFile> {
    integrity::quick_check(db.conn(), db.path())?;
    let dest = path_for(db.path(), kind, now);
    db.backup_to(&dest, |_| {})?;
    if kind == BackupKind::Automatic {
        prune(db.path(), &policy(db)?)?;
    }
    describe(&dest).ok_or_else(|| Error::Io(std::io::Error::other("backup name")))
}

/// Whether the daily automatic backup is due: none in the last 24 hours.
pub fn due(workspace: &Path, now: DateTime<Utc>) -> Result<bool> {
    let newest = list(workspace)?
        .into_iter()
        .filter(|b| b.kind == BackupKind::Automatic)
        .filter_map(|b| DateTime::parse_from_rfc3339(&b.created_at).ok())
        .max();
    Ok(newest.is_none_or(|t| now.signed_duration_since(t) >= chrono::Duration::hours(24)))
}

/// The automatic backups the policy keeps: the newest of each of the last `keep_daily` days
/// that have one, then the newest of each of the `keep_weekly` weeks before those.
fn kept(autos: &[BackupFile], p: &BackupPolicy) -> Vec<String> {
    let at = |b: &BackupFile| {
        DateTime::parse_from_rfc3339(&b.created_at)
            .map(|t| t.with_timezone(&Utc))
            .ok()
    };
    let mut keep = Vec::new();
    let mut days = Vec::new();
    let mut weeks = Vec::new();
    // `autos` is newest first, so the first seen of a day or week is its newest.
    for b in autos {
        let Some(t) = at(b) else { continue };
        let day = t.date_naive();
        let week = (t.iso_week().year(), t.iso_week().week());
        if days.contains(&day) || weeks.contains(&week) {
            continue;
        }
        if days.len() < p.keep_daily as usize {
            days.push(day);
            keep.push(b.path.clone());
        } else if weeks.len() < p.keep_weekly as usize
            && !days
                .iter()
                .any(|d| (d.iso_week().year(), d.iso_week().week()) == week)
        {
            weeks.push(week);
            keep.push(b.path.clone());
        }
    }
    keep
}

/// Removes the automatic backups the policy no longer keeps; returns them.
pub fn prune(workspace: &Path, p: &BackupPolicy) -> Result<Vec<PathBuf>> {
    let autos: Vec<BackupFile> = list(workspace)?
        .into_iter()
        .filter(|b| b.kind == BackupKind::Automatic)
        .collect();
    let keep = kept(&autos, p);
    let mut removed = Vec::new();
    for b in autos.iter().filter(|b| !keep.contains(&b.path)) {
        std::fs::remove_file(&b.path)?;
        removed.push(PathBuf::from(&b.path));
    }
    Ok(removed)
}

/// Opens a file to restore from without writing to it, and refuses one that is damaged, is not
/// a Rapport workspace, or comes from a newer Rapport.
fn open_source(path: &Path) -> Result<Connection> {
    let conn = open_read_only(path)?;
    integrity::quick_check(&conn, path)?;
    let found: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    if found > LATEST_VERSION {
        return Err(Error::NewerSchema {
            found,
            supported: LATEST_VERSION,
        });
    }
    let has_people: bool = conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE name = 'people')",
        [],
        |r| r.get(0),
    )?;
    if found == 0 || !has_people {
        return Err(Error::NotAWorkspace {
            path: path.display().to_string(),
        });
    }
    Ok(conn)
}

/// What restoring `path` would bring back: its counts, read without changing it.
pub fn preview(path: &Path) -> Result<BackupPreview> {
    let conn = open_source(path)?;
    let count = |table: &str| -> Result<i64> {
        let exists: bool = conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?1)",
            [table],
            |r| r.get(0),
        )?;
        if !exists {
            return Ok(0);
        }
        Ok(conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))?)
    };
    let file = describe(path).unwrap_or_else(|| BackupFile {
        path: path.display().to_string(),
        file_name: path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default(),
        kind: BackupKind::Manual,
        created_at: std::fs::metadata(path)
            .and_then(|m| m.modified())
            .map(|t| DateTime::<Utc>::from(t).to_rfc3339_opts(chrono::SecondsFormat::Secs, true))
            .unwrap_or_default(),
        size_bytes: std::fs::metadata(path).map(|m| m.len() as i64).unwrap_or(0),
        schema_version: header_version(path),
    });
    Ok(BackupPreview {
        file,
        people: count("people")?,
        interviews: count("interviews")?,
        notes: count("notes")?,
        findings: count("findings")?,
        roadmaps: count("roadmaps")?,
        transcripts: count("transcripts")?,
    })
}

/// Replaces the workspace at `workspace` (closed by the caller) with the backup `from`, which
/// is never written to. The workspace it replaces is kept as a `before-restore` backup (a
/// damaged one is moved there as it is); returns that backup, if there was a workspace.
pub fn restore(workspace: &Path, from: &Path, now: DateTime<Utc>) -> Result<Option<BackupFile>> {
    let same = |a: &Path, b: &Path| matches!((a.canonicalize(), b.canonicalize()), (Ok(a), Ok(b)) if a == b);
    if same(workspace, from) {
        return Err(Error::invalid(
            "path",
            "That is the workspace itself; pick a backup",
        ));
    }
    if let Some(d) = workspace.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(d)?;
    }
    // 1. Copy the backup beside the workspace, checked, and bring the copy up to date.
    let source = open_source(from)?;
    let copy = temp_beside(workspace);
    let staged = (|| -> Result<()> {
        {
            let mut out = Connection::open(&copy)?;
            let backup = rusqlite::backup::Backup::new(&source, &mut out)?;
            backup.run_to_completion(256, std::time::Duration::from_millis(5), None)?;
        }
        let db = Db::open_copy(&copy)?;
        db.conn().pragma_update(None, "journal_mode", "DELETE")?;
        integrity::quick_check(db.conn(), &copy)
    })();
    drop(source);
    if let Err(e) = staged {
        let _ = std::fs::remove_file(&copy);
        return Err(e);
    }
    // 2. Keep what it replaces.
    let kept = if workspace.is_file() {
        match keep_replaced(workspace, now) {
            Ok(k) => Some(k),
            Err(e) => {
                let _ = std::fs::remove_file(&copy);
                return Err(e);
            }
        }
    } else {
        None
    };
    // 3. Swap it in. The old write-ahead log must go first: applied to the restored file it
    // would damage it (its content is in the kept backup).
    for ext in ["-wal", "-shm"] {
        let side = PathBuf::from(format!("{}{ext}", workspace.display()));
        if side.exists() {
            std::fs::remove_file(side)?;
        }
    }
    std::fs::rename(&copy, workspace)?;
    crate::files::sync_dir(workspace);
    Ok(kept)
}

/// Copies a healthy workspace into its backups as `before-restore`; moves a damaged one there
/// untouched (with its write-ahead log), since a copy through SQLite could not read it.
fn keep_replaced(workspace: &Path, now: DateTime<Utc>) -> Result<BackupFile> {
    let dest = path_for(workspace, BackupKind::BeforeRestore, now);
    let healthy = Db::open_reader(workspace)
        .and_then(|db| integrity::quick_check(db.conn(), workspace).map(|_| db));
    match healthy {
        Ok(db) => db.backup_to(&dest, |_| {})?,
        Err(_) => {
            std::fs::create_dir_all(dir(workspace))?;
            std::fs::rename(workspace, &dest)?;
            for ext in ["-wal", "-shm"] {
                let side = PathBuf::from(format!("{}{ext}", workspace.display()));
                if side.exists() {
                    std::fs::rename(&side, format!("{}{ext}", dest.display()))?;
                }
            }
        }
    }
    describe(&dest).ok_or_else(|| Error::Io(std::io::Error::other("backup name")))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn auto(day: &str) -> BackupFile {
        let t = NaiveDateTime::parse_from_str(&format!("{day} 03:00:00"), "%Y-%m-%d %H:%M:%S")
            .unwrap()
            .and_utc();
        BackupFile {
            path: format!("/b/{day}"),
            file_name: String::new(),
            kind: BackupKind::Automatic,
            created_at: t.to_rfc3339(),
            size_bytes: 0,
            schema_version: Some(1),
        }
    }

    #[test]
    fn names_round_trip() {
        let at = NaiveDateTime::parse_from_str("2026-11-23 10:20:30", "%Y-%m-%d %H:%M:%S")
            .unwrap()
            .and_utc();
        for kind in BackupKind::ALL {
            let p = path_for(Path::new("/x/my-team.db"), *kind, at);
            let name = p.file_name().unwrap().to_str().unwrap();
            assert_eq!(parse_name(name), Some((*kind, at)), "{name}");
        }
        assert_eq!(
            parse_name("my-team-auto-20261123T102030Z-2.sqlite").map(|p| p.0),
            Some(BackupKind::Automatic)
        );
        assert_eq!(parse_name("notes.sqlite"), None);
        assert_eq!(
            dir(Path::new("/x/my-team.db")),
            Path::new("/x/my-team-backups")
        );
    }

    #[test]
    fn retention_keeps_seven_days_then_four_weeks() {
        // One backup a day for 60 days, newest first, ending Monday 2026-11-23.
        let end = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        let autos: Vec<BackupFile> = (0..60)
            .map(|i| auto(&(end - chrono::Duration::days(i)).to_string()))
            .collect();
        let keep = kept(&autos, &BackupPolicy::default());
        let days: Vec<&str> = keep.iter().map(|p| &p[3..]).collect();
        assert_eq!(
            days,
            [
                // The last 7 days…
                "2026-11-23",
                "2026-11-22",
                "2026-11-21",
                "2026-11-20",
                "2026-11-19",
                "2026-11-18",
                "2026-11-17",
                // …then the newest of each of the 4 weeks before (the week of 11-16 is the
                // week of kept days 11-17 … 11-22, so it is skipped; its Sunday is 11-15).
                "2026-11-15",
                "2026-11-08",
                "2026-11-01",
                "2026-10-25",
            ]
        );
    }
}
