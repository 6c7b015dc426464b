//! Full-text search (SQLite FTS5) over interview notes, quotes and findings, with highlighted
//! snippets returned as plain-text parts so the UI never renders markup from the database.

use rusqlite::params;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::db::Db;
use crate::error::{Error, Result};

pub const QUERY_MAX: usize = 200;
const OPEN: char = '\u{1}';
const CLOSE: char = '\u{2}';

crate::text_enum! {
    #[ts(export)]
    pub enum HitKind {
        Note = "note",
        Quote = "quote",
        Finding = "finding",
    }
}

/// A piece of a snippet; `hit` pieces matched the query.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SnippetPart {
    pub text: String,
    pub hit: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SearchHit {
    pub kind: HitKind,
    /// The note's or finding's id.
    pub id: String,
    /// For notes and quotes: the interview to open.
    pub interview_id: Option<String>,
    /// Where it comes from: the interview title, or the finding's status.
    pub context: String,
    pub snippet: Vec<SnippetPart>,
}

/// Turns what a person types into a safe FTS5 query: every word must match, as a prefix, and
/// FTS syntax characters are never interpreted.
fn fts_query(input: &str) -> String {
    input
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| format!("\"{w}\"*"))
        .collect::<Vec<_>>()
        .join(" ")
}

fn parts(snippet: &str) -> Vec<SnippetPart> {
    let mut out = Vec::new();
    let mut hit = false;
    let mut buf = String::new();
    for c in snippet.chars() {
        if c == OPEN || c == CLOSE {
            if !buf.is_empty() {
                out.push(SnippetPart {
                    text: std::mem::take(&mut buf),
                    hit,
                });
            }
            hit = c == OPEN;
        } else {
            buf.push(c);
        }
    }
    if !buf.is_empty() {
        out.push(SnippetPart { text: buf, hit });
    }
    out
}

/// The best `limit` matches for `query` across notes, quotes and findings.
pub fn search(db: &Db, query: &str, limit: usize) -> Result<Vec<SearchHit>> {
    if query.chars().count() > QUERY_MAX {
        return Err(Error::invalid(
            "query",
            format!("A search is at most {QUERY_MAX} characters"),
        ));
    }
    let q = fts_query(query);
    if q.is_empty() {
        return Ok(Vec::new());
    }
    let limit = limit.clamp(1, 500) as i64;
    let mut ranked: Vec<(f64, SearchHit)> = Vec::new();
    let mut stmt = db.conn().prepare(
        "SELECT bm25(notes_fts), n.id, n.is_quote, i.id, i.title,
                snippet(notes_fts, 0, char(1), char(2), '…', 16)
         FROM notes_fts JOIN notes n ON n.rowid = notes_fts.rowid
         JOIN interviews i ON i.id = n.interview_id
         WHERE notes_fts MATCH ?1 ORDER BY bm25(notes_fts) LIMIT ?2",
    )?;
    let rows = stmt.query_map(params![q, limit], |r| {
        let quote: bool = r.get(2)?;
        Ok((
            r.get::<_, f64>(0)?,
            SearchHit {
                kind: if quote { HitKind::Quote } else { HitKind::Note },
                id: r.get(1)?,
                interview_id: Some(r.get(3)?),
                context: r.get(4)?,
                snippet: parts(&r.get::<_, String>(5)?),
            },
        ))
    })?;
    for row in rows {
        ranked.push(row?);
    }
    let mut stmt = db.conn().prepare(
        "SELECT bm25(findings_fts), f.id, f.status,
                snippet(findings_fts, -1, char(1), char(2), '…', 16)
         FROM findings_fts JOIN findings f ON f.rowid = findings_fts.rowid
         WHERE findings_fts MATCH ?1 ORDER BY bm25(findings_fts) LIMIT ?2",
    )?;
    let rows = stmt.query_map(params![q, limit], |r| {
        Ok((
            r.get::<_, f64>(0)?,
            SearchHit {
                kind: HitKind::Finding,
                id: r.get(1)?,
                interview_id: None,
                context: format!("Finding · {}", r.get::<_, String>(2)?),
                snippet: parts(&r.get::<_, String>(3)?),
            },
        ))
    })?;
    for row in rows {
        ranked.push(row?);
    }
    ranked.sort_by(|a, b| a.0.total_cmp(&b.0));
    Ok(ranked
        .into_iter()
        .take(limit as usize)
        .map(|(_, h)| h)
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn queries_are_words_as_prefixes_and_never_fts_syntax() {
        assert_eq!(fts_query("deploy pipe"), "\"deploy\"* \"pipe\"*");
        assert_eq!(
            fts_query("\"a\" OR b* NEAR(c) -d"),
            "\"a\"* \"OR\"* \"b\"* \"NEAR\"* \"c\"* \"d\"*"
        );
        assert_eq!(fts_query("  ()*\" "), "");
    }

    #[test]
    fn snippets_split_into_plain_and_hit_parts() {
        let s = format!("…the {OPEN}deploy{CLOSE} took {OPEN}40{CLOSE}");
        let p = parts(&s);
        assert_eq!(
            p.iter()
                .map(|x| (x.text.as_str(), x.hit))
                .collect::<Vec<_>>(),
            [
                ("…the ", false),
                ("deploy", true),
                (" took ", false),
                ("40", true)
            ]
        );
    }
}
