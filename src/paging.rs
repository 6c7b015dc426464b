//! Long lists are read a page at a time: the screen asks for the rows it is about to show, and
//! learns how many there are in all (for its scrollbar) without receiving them.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The most rows one page carries, whatever is asked.
pub const MAX_LIMIT: i64 = 500;

/// Which rows to return: `limit` rows from `offset` (both clamped to sane values).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PageRequest {
    pub offset: i64,
    pub limit: i64,
}

impl Default for PageRequest {
    fn default() -> Self {
        PageRequest {
            offset: 0,
            limit: MAX_LIMIT,
        }
    }
}

impl PageRequest {
    /// `(limit, offset)` for SQL, clamped.
    pub fn sql(self) -> (i64, i64) {
        (self.limit.clamp(1, MAX_LIMIT), self.offset.max(0))
    }
}

/// One page of a list, and how many rows the whole list has.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Page<T> {
    pub total: i64,
    pub offset: i64,
    pub items: Vec<T>,
}
