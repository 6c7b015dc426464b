//! Counting the SQL statements a call runs, so tests can hold every list to a small constant
//! number of queries whatever the workspace size (no N+1 loops).

use std::ffi::{c_char, c_int, c_uint, c_void, CStr};

use rusqlite::ffi;

use super::Db;

/// Called by SQLite as each statement starts running; `ctx` is the counter of [`counted`].
/// FTS5 reads its index through statements of its own (on `'main'.'<table>_data'` and the
/// like); those grow with the index, not with our queries, so they are not counted.
unsafe extern "C" fn on_statement(
    _mask: c_uint,
    ctx: *mut c_void,
    _stmt: *mut c_void,
    sql: *mut c_void,
) -> c_int {
    // SAFETY: for SQLITE_TRACE_STMT, `sql` is the statement's NUL-terminated text, and `ctx`
    // points at the counter that `counted` keeps alive while tracing is on.
    unsafe {
        let text = CStr::from_ptr(sql as *const c_char).to_bytes();
        if !text.windows(8).any(|w| w == b"'main'.'") {
            *(ctx as *mut u64) += 1;
        }
    }
    0
}

/// Switches tracing off when dropped, even if the traced call panics.
struct Trace(*mut ffi::sqlite3);

impl Drop for Trace {
    fn drop(&mut self) {
        // SAFETY: the handle is still live: the `Db` it came from is borrowed by `counted`.
        unsafe { ffi::sqlite3_trace_v2(self.0, 0, None, std::ptr::null_mut()) };
    }
}

/// Runs `f` and returns its result with the number of statements it ran on `db`.
pub fn counted<T>(db: &Db, f: impl FnOnce() -> T) -> (T, u64) {
    let mut count = Box::new(0u64);
    // SAFETY: the handle is the live connection of `db`. The callback's context is the boxed
    // counter, which outlives the trace: `Trace` switches it off before the box is read.
    let trace = unsafe {
        let handle = db.conn().handle();
        ffi::sqlite3_trace_v2(
            handle,
            ffi::SQLITE_TRACE_STMT as c_uint,
            Some(on_statement),
            &mut *count as *mut u64 as *mut c_void,
        );
        Trace(handle)
    };
    let out = f();
    drop(trace);
    (out, *count)
}
