//! Damage is caught before it spreads: SQLite's `quick_check` runs when a workspace opens,
//! after every backup is written and before any file is restored.

use std::path::Path;

use rusqlite::{Connection, OpenFlags};

use crate::error::{Error, Result};

/// Problems reported at most; a damaged file can list thousands.
const MAX_PROBLEMS: usize = 5;

/// Runs `PRAGMA quick_check` (every page and index entry is read, without the cross-checks of
/// a full `integrity_check`). A damaged file is `Error::Corrupt`, naming `path`.
pub fn quick_check(conn: &Connection, path: &Path) -> Result<()> {
    let corrupt = |detail: String| Error::Corrupt {
        path: path.display().to_string(),
        detail,
    };
    let mut stmt = match conn.prepare(&format!("PRAGMA quick_check({MAX_PROBLEMS})")) {
        Ok(s) => s,
        Err(e) if is_damage(&e) => return Err(corrupt(e.to_string())),
        Err(e) => return Err(e.into()),
    };
    let rows: rusqlite::Result<Vec<String>> =
        stmt.query_map([], |r| r.get(0)).and_then(Iterator::collect);
    match rows {
        Ok(rows) if rows.len() == 1 && rows[0] == "ok" => Ok(()),
        Ok(rows) => Err(corrupt(rows.join("; "))),
        Err(e) if is_damage(&e) => Err(corrupt(e.to_string())),
        Err(e) => Err(e.into()),
    }
}

/// Errors that mean the file itself is damaged (rather than busy or missing).
pub fn is_damage(e: &rusqlite::Error) -> bool {
    matches!(
        e.sqlite_error_code(),
        Some(rusqlite::ErrorCode::DatabaseCorrupt | rusqlite::ErrorCode::NotADatabase)
    )
}

/// Opens `path` without ever writing to it or beside it, so a file on read-only media (or one a
/// user wants kept byte-for-byte) can be read. A WAL file with no `-shm` on read-only media is
/// read as immutable.
pub fn open_read_only(path: &Path) -> Result<Connection> {
    if !path.is_file() {
        return Err(Error::Io(std::io::Error::new(
            std::io::ErrorKind::NotFound,
            format!("no file at {}", path.display()),
        )));
    }
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY
        | OpenFlags::SQLITE_OPEN_NO_MUTEX
        | OpenFlags::SQLITE_OPEN_URI;
    let plain = Connection::open_with_flags(path, flags).and_then(|c| {
        c.query_row("SELECT count(*) FROM sqlite_master", [], |r| {
            r.get::<_, i64>(0)
        })
        .map(|_| c)
    });
    match plain {
        Ok(c) => Ok(c),
        Err(e) if is_damage(&e) => Err(Error::Corrupt {
            path: path.display().to_string(),
            detail: e.to_string(),
        }),
        Err(_) => {
            let uri = format!("file:{}?immutable=1", uri_path(path));
            let c = Connection::open_with_flags(uri, flags)?;
            Ok(c)
        }
    }
}

/// `path` escaped for an SQLite `file:` URI.
fn uri_path(path: &Path) -> String {
    let mut out = String::new();
    for c in path.display().to_string().chars() {
        match c {
            '?' | '#' | '%' => out.push_str(&format!("%{:02X}", c as u32)),
            _ => out.push(c),
        }
    }
    out
}

/// The schema version written in a database file's header (bytes 60–63), read without opening
/// it with SQLite; `None` when the file is not an SQLite database.
pub fn header_version(path: &Path) -> Option<i64> {
    use std::io::Read;
    let mut head = [0u8; 64];
    std::fs::File::open(path).ok()?.read_exact(&mut head).ok()?;
    if &head[..16] != b"SQLite format 3\0" {
        return None;
    }
    Some(i64::from(i32::from_be_bytes([
        head[60], head[61], head[62], head[63],
    ])))
}
