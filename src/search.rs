//! Full-text search (SQLite FTS5) over everything a user writes: interview notes and quotes, transcripts,
//! findings, people, roadmap rows, deliverables, status updates, services, SLOs, postmortems
//! and their action items. Snippets come back as
//! plain-text parts (hits marked), so the UI never renders markup from the database.
//!
//! Speed at team scale comes from three choices, each measured in `benches/scale.rs`:
//! - only the word being typed (the last one) is a prefix; finished words match exactly, so a
//!   three-word query does not expand every word into thousands of terms;
//! - each source returns at most `limit` hits, ranked with bm25 (titles weigh more than bodies),
//!   and the sources are merged by score;
//! - a query whose rarest word is in a large share of the notes (like "the") is not worth
//!   ranking: those notes come back newest first, which FTS5 answers without scoring them all.

use rusqlite::params;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::db::Db;
use crate::error::{Error, Result};
use crate::tags::remove_tags;

pub const QUERY_MAX: usize = 200;
const OPEN: char = '\u{1}';
const CLOSE: char = '\u{2}';
/// A word in more notes than this is too common to rank by; see the module documentation.
const RANK_LIMIT_DOCS: i64 = 5_000;

crate::text_enum! {
    #[ts(export)]
    pub enum HitKind {
        Note = "note",
        Quote = "quote",
        Finding = "finding",
        Person = "person",
        RoadmapRow = "roadmap-row",
        Deliverable = "deliverable",
        Update = "update",
        /// Words in a transcript: `id` is `<transcript id>/<cue seq>`, the moment to open.
        Transcript = "transcript",
        Service = "service",
        Slo = "slo",
        Postmortem = "postmortem",
        /// A postmortem action item: `parent_id` is its postmortem.
        ActionItem = "action-item",
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
    /// The matching record's id (note, finding, person, row, deliverable, update).
    pub id: String,
    /// The record that holds it, to open: the interview of a note, the roadmap of a row,
    /// deliverable or update.
    pub parent_id: Option<String>,
    /// The row a deliverable or update belongs to, to highlight.
    pub row_id: Option<String>,
    /// A title for the hit: the interview, the person, the project…
    pub title: String,
    /// Where it comes from, in words: "Quote · Deploy interview", "Roadmap row · New CI".
    pub context: String,
    pub snippet: Vec<SnippetPart>,
}

/// The words of what a person types, safe for FTS5 (its syntax is never interpreted). A part
/// in double quotes is a phrase; the last word is a prefix unless the query ends in a space or
/// a closing quote.
fn fts_query(input: &str) -> String {
    let mut parts = Vec::new();
    let mut phrase = false;
    for (i, chunk) in input.split('"').enumerate() {
        phrase = i % 2 == 1;
        let words: Vec<&str> = chunk
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect();
        if words.is_empty() {
            continue;
        }
        if phrase {
            parts.push(format!("\"{}\"", words.join(" ")));
        } else {
            parts.extend(words.iter().map(|w| format!("\"{w}\"")));
        }
    }
    let typing = !(input.ends_with(char::is_whitespace) || phrase || input.ends_with('"'));
    if typing {
        if let Some(last) = parts.last_mut() {
            if last.chars().filter(|c| c.is_alphanumeric()).count() >= 2 {
                last.push('*');
            }
        }
    }
    parts.join(" ")
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

/// About how many rows of a large index (`vocab`: its fts5vocab table) the rarest word of `q`
/// is in (for a prefix, its most common completion): a cheap lookup in the index's vocabulary,
/// before any row is scored.
fn rarest_word_docs(db: &Db, vocab: &str, q: &str) -> Result<i64> {
    let mut exact = db.conn().prepare_cached(&format!(
        "SELECT coalesce(max(doc), 0) FROM {vocab} WHERE term = ?1"
    ))?;
    let mut prefix = db.conn().prepare_cached(&format!(
        "SELECT coalesce(max(doc), 0) FROM {vocab} WHERE term >= ?1 AND term < ?1 || char(1114111)"
    ))?;
    let mut counts = Vec::new();
    for w in q.split("\" ") {
        let is_prefix = w.ends_with('*');
        let term = crate::people::name_key(w.trim_matches(['"', '*', ' ']));
        if term.is_empty() || term.contains(' ') {
            continue;
        }
        counts.push(if is_prefix {
            prefix.query_row([&term], |r| r.get::<_, i64>(0))?
        } else {
            exact.query_row([&term], |r| r.get::<_, i64>(0))?
        });
    }
    Ok(counts.into_iter().min().unwrap_or(0))
}

/// The best `limit` matches for `query` across every source.
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
    notes(db, &q, limit, &mut ranked)?;
    cues(db, &q, limit, &mut ranked)?;
    others(db, &q, limit, &mut ranked)?;
    ranked.sort_by(|a, b| a.0.total_cmp(&b.0));
    Ok(ranked
        .into_iter()
        .take(limit as usize)
        .map(|(_, h)| h)
        .collect())
}

fn notes(db: &Db, q: &str, limit: i64, out: &mut Vec<(f64, SearchHit)>) -> Result<()> {
    let common = rarest_word_docs(db, "notes_vocab", q)? > RANK_LIMIT_DOCS;
    // Ranked: bm25 of the matching notes. Too common to rank: the newest matches, each given
    // a score that puts them after ranked hits of other sources.
    let sql = if common {
        "SELECT 0.0, n.id, n.is_quote, i.id, i.title,
                snippet(notes_fts, 0, char(1), char(2), '…', 16)
         FROM notes_fts JOIN notes n ON n.rowid = notes_fts.rowid
         JOIN interviews i ON i.id = n.interview_id
         WHERE notes_fts MATCH ?1 ORDER BY notes_fts.rowid DESC LIMIT ?2"
    } else {
        "SELECT bm25(notes_fts), n.id, n.is_quote, i.id, i.title,
                snippet(notes_fts, 0, char(1), char(2), '…', 16)
         FROM notes_fts JOIN notes n ON n.rowid = notes_fts.rowid
         JOIN interviews i ON i.id = n.interview_id
         WHERE notes_fts MATCH ?1 ORDER BY bm25(notes_fts) LIMIT ?2"
    };
    let mut stmt = db.conn().prepare_cached(sql)?;
    let rows = stmt.query_map(params![q, limit], |r| {
        let quote: bool = r.get(2)?;
        let title: String = r.get(4)?;
        let mut snippet = parts(&r.get::<_, String>(5)?);
        if quote {
            // A quote is shown without its #tags, in the snippet too.
            for p in &mut snippet {
                p.text = remove_tags(&p.text);
            }
            snippet.retain(|p| !p.text.trim().is_empty());
        }
        Ok((
            r.get::<_, f64>(0)?,
            SearchHit {
                kind: if quote { HitKind::Quote } else { HitKind::Note },
                id: r.get(1)?,
                parent_id: Some(r.get(3)?),
                row_id: None,
                context: format!("{} · {title}", if quote { "Quote" } else { "Note" }),
                title,
                snippet,
            },
        ))
    })?;
    for row in rows {
        out.push(row?);
    }
    Ok(())
}

/// Transcript cues, ranked like notes (and newest first when the query is too common).
fn cues(db: &Db, q: &str, limit: i64, out: &mut Vec<(f64, SearchHit)>) -> Result<()> {
    let common = rarest_word_docs(db, "cues_vocab", q)? > RANK_LIMIT_DOCS;
    let (score, order) = if common {
        ("0.0", "cues_fts.rowid DESC")
    } else {
        ("bm25(cues_fts)", "bm25(cues_fts)")
    };
    let mut stmt = db.conn().prepare_cached(&format!(
        "SELECT {score}, c.transcript_id, c.seq, c.speaker, c.start_ms, i.id, i.title,
                snippet(cues_fts, 0, char(1), char(2), '…', 16)
         FROM cues_fts JOIN transcript_cues c ON c.rowid = cues_fts.rowid
         JOIN transcripts t ON t.id = c.transcript_id
         JOIN interviews i ON i.id = t.interview_id
         WHERE cues_fts MATCH ?1 ORDER BY {order} LIMIT ?2"
    ))?;
    let rows = stmt.query_map(params![q, limit], |r| {
        let start_ms: i64 = r.get(4)?;
        let title: String = r.get(6)?;
        Ok((
            r.get::<_, f64>(0)?,
            SearchHit {
                kind: HitKind::Transcript,
                id: format!("{}/{}", r.get::<_, String>(1)?, r.get::<_, i64>(2)?),
                parent_id: Some(r.get(5)?),
                row_id: None,
                context: format!(
                    "Transcript · {} at {} · {title}",
                    r.get::<_, String>(3)?,
                    crate::transcripts::hms(start_ms.max(0) as u64)
                ),
                title,
                snippet: parts(&r.get::<_, String>(7)?),
            },
        ))
    })?;
    for row in rows {
        out.push(row?);
    }
    Ok(())
}

/// People, findings, roadmap rows, deliverables, updates, services, SLOs, postmortems and
/// action items, from the shared index. Titles weigh three times the body.
fn others(db: &Db, q: &str, limit: i64, out: &mut Vec<(f64, SearchHit)>) -> Result<()> {
    let mut stmt = db.conn().prepare_cached(
        "WITH m AS (
             SELECT rowid, bm25(search_index, 3.0, 1.0) AS score,
                    snippet(search_index, -1, char(1), char(2), '…', 14) AS snip
             FROM search_index WHERE search_index MATCH ?1
             ORDER BY bm25(search_index, 3.0, 1.0) LIMIT ?2)
         SELECT m.score, m.snip, m.rowid % 16,
                p.id, p.name, p.team,
                f.id, f.title, f.status,
                w.id, w.project, w.roadmap_id, wr.title,
                d.id, d.title, dw.id, dw.project, dw.roadmap_id,
                u.id, u.meeting_on, uw.id, uw.project, uw.roadmap_id,
                sv.id, coalesce(sv.display_name, sv.name),
                so.id, so.name, sov.name,
                pm.id, pm.title, pm.severity,
                ai.id, ai.title, ai.postmortem_id, aip.title
         FROM m
         LEFT JOIN people p ON m.rowid % 16 = 1 AND p.rowid = m.rowid / 16
         LEFT JOIN findings f ON m.rowid % 16 = 2 AND f.rowid = m.rowid / 16
         LEFT JOIN roadmap_rows w ON m.rowid % 16 = 3 AND w.rowid = m.rowid / 16
         LEFT JOIN roadmaps wr ON wr.id = w.roadmap_id
         LEFT JOIN deliverables d ON m.rowid % 16 = 4 AND d.rowid = m.rowid / 16
         LEFT JOIN roadmap_rows dw ON dw.id = d.row_id
         LEFT JOIN row_updates u ON m.rowid % 16 = 5 AND u.rowid = m.rowid / 16
         LEFT JOIN roadmap_rows uw ON uw.id = u.row_id
         LEFT JOIN services sv ON m.rowid % 16 = 7 AND sv.rowid = m.rowid / 16
         LEFT JOIN slos so ON m.rowid % 16 = 8 AND so.rowid = m.rowid / 16
         LEFT JOIN services sov ON sov.id = so.service_id
         LEFT JOIN postmortems pm ON m.rowid % 16 = 9 AND pm.rowid = m.rowid / 16
         LEFT JOIN action_items ai ON m.rowid % 16 = 10 AND ai.rowid = m.rowid / 16
         LEFT JOIN postmortems aip ON aip.id = ai.postmortem_id",
    )?;
    let rows = stmt.query_map(params![q, limit], |r| {
        let score: f64 = r.get(0)?;
        let snippet = parts(&r.get::<_, String>(1)?);
        let s = |i: usize| r.get::<_, Option<String>>(i);
        let hit = match r.get::<_, i64>(2)? {
            1 => s(3)?.map(|id| -> rusqlite::Result<SearchHit> {
                let team = s(5)?.unwrap_or_default();
                Ok(SearchHit {
                    kind: HitKind::Person,
                    id,
                    parent_id: None,
                    row_id: None,
                    title: s(4)?.unwrap_or_default(),
                    context: if team.is_empty() {
                        "Person".into()
                    } else {
                        format!("Person · {team}")
                    },
                    snippet,
                })
            }),
            2 => s(6)?.map(|id| {
                Ok(SearchHit {
                    kind: HitKind::Finding,
                    id,
                    parent_id: None,
                    row_id: None,
                    title: s(7)?.unwrap_or_default(),
                    context: format!("Finding · {}", s(8)?.unwrap_or_default()),
                    snippet,
                })
            }),
            3 => s(9)?.map(|id| {
                Ok(SearchHit {
                    kind: HitKind::RoadmapRow,
                    row_id: Some(id.clone()),
                    id,
                    parent_id: s(11)?,
                    title: s(10)?.unwrap_or_default(),
                    context: format!("Roadmap row · {}", s(12)?.unwrap_or_default()),
                    snippet,
                })
            }),
            4 => s(13)?.map(|id| {
                Ok(SearchHit {
                    kind: HitKind::Deliverable,
                    id,
                    parent_id: s(17)?,
                    row_id: s(15)?,
                    title: s(14)?.unwrap_or_default(),
                    context: format!("Deliverable · {}", s(16)?.unwrap_or_default()),
                    snippet,
                })
            }),
            5 => s(18)?.map(|id| {
                Ok(SearchHit {
                    kind: HitKind::Update,
                    id,
                    parent_id: s(22)?,
                    row_id: s(20)?,
                    title: s(21)?.unwrap_or_default(),
                    context: format!("Status update · {}", s(19)?.unwrap_or_default()),
                    snippet,
                })
            }),
            7 => s(23)?.map(|id| {
                Ok(SearchHit {
                    kind: HitKind::Service,
                    id,
                    parent_id: None,
                    row_id: None,
                    title: s(24)?.unwrap_or_default(),
                    context: "Service".into(),
                    snippet,
                })
            }),
            8 => s(25)?.map(|id| {
                Ok(SearchHit {
                    kind: HitKind::Slo,
                    id,
                    parent_id: None,
                    row_id: None,
                    title: s(26)?.unwrap_or_default(),
                    context: format!("SLO · {}", s(27)?.unwrap_or_default()),
                    snippet,
                })
            }),
            9 => s(28)?.map(|id| {
                Ok(SearchHit {
                    kind: HitKind::Postmortem,
                    id,
                    parent_id: None,
                    row_id: None,
                    title: s(29)?.unwrap_or_default(),
                    context: format!("Postmortem · {}", s(30)?.unwrap_or_default()),
                    snippet,
                })
            }),
            10 => s(31)?.map(|id| {
                Ok(SearchHit {
                    kind: HitKind::ActionItem,
                    id,
                    parent_id: s(33)?,
                    row_id: None,
                    title: s(32)?.unwrap_or_default(),
                    context: format!("Action item · {}", s(34)?.unwrap_or_default()),
                    snippet,
                })
            }),
            _ => None,
        }
        .transpose()?;
        Ok(hit.map(|h| (score, h)))
    })?;
    for row in rows {
        if let Some(hit) = row? {
            out.push(hit);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_word_being_typed_is_a_prefix_and_fts_syntax_is_inert() {
        assert_eq!(fts_query("deploy pipe"), "\"deploy\" \"pipe\"*");
        assert_eq!(fts_query("deploy pipe "), "\"deploy\" \"pipe\"");
        assert_eq!(
            fts_query("a OR b* NEAR(c) -dd"),
            "\"a\" \"OR\" \"b\" \"NEAR\" \"c\" \"dd\"*"
        );
        assert_eq!(
            fts_query("\"green build\" flaky"),
            "\"green build\" \"flaky\"*"
        );
        assert_eq!(fts_query("\"green build\""), "\"green build\"");
        assert_eq!(fts_query("x"), "\"x\"", "one letter is not expanded");
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
