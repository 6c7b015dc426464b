//! The interview report and the quotes sheet: what an interview produced, in the words said.

use crate::clock::Zone;
use crate::db::Db;
use crate::error::Result;
use crate::interviews::{self, notes};
use crate::markup::{Block, Doc, Item};
use crate::people::Person;
use crate::tags::strip_tags;

/// `m:ss` since the interview started.
pub fn mmss(s: Option<i64>) -> Option<String> {
    s.map(|s| format!("{}:{:02}", s / 60, s % 60))
}

fn who(p: &Person) -> String {
    let team = if p.team.is_empty() {
        "no team"
    } else {
        &p.team
    };
    format!("{} ({}, {team})", p.name, p.role.as_str())
}

/// One interview: who, when (in the reader's time zone), and every note and quote in order.
/// Quotes show the words said; their `#tags` are metadata, not speech.
pub fn interview(db: &Db, id: &str, zone: Zone) -> Result<Doc> {
    let i = interviews::get(db, id)?;
    let notes = notes::list(db, id)?;
    let mut doc = Doc::new(&i.title);
    let mut facts = vec![(
        "When".to_owned(),
        format!(
            "{} ({} min planned)",
            zone.format(&i.scheduled_at),
            i.duration_minutes
        ),
    )];
    if let (Some(s), Some(e)) = (&i.started_at, &i.ended_at) {
        if let (Some(s), Some(e)) = (zone.local(s), zone.local(e)) {
            facts.push((
                "Held".to_owned(),
                format!("{} min", (e - s).num_minutes().max(0)),
            ));
        }
    }
    facts.push((
        "With".to_owned(),
        i.interviewees
            .iter()
            .map(who)
            .collect::<Vec<_>>()
            .join("; "),
    ));
    if let Some(t) = &i.note_taker {
        facts.push(("Notes by".to_owned(), t.name.clone()));
    }
    if !i.topic.is_empty() {
        facts.push(("Topic".to_owned(), i.topic.clone()));
    }
    doc.facts(facts).heading(2, "Notes");
    let speaker = |sid: &Option<String>| {
        sid.as_deref()
            .and_then(|s| i.interviewees.iter().find(|p| p.id == s))
            .map(|p| p.name.clone())
    };
    let items = notes
        .iter()
        .map(|n| Item {
            text: if n.is_quote {
                strip_tags(&n.text)
            } else {
                n.text.clone()
            },
            at: mmss(n.offset_seconds),
            quote: n.is_quote,
            by: n.is_quote.then(|| speaker(&n.speaker_id)).flatten(),
            note: (n.is_quote && !n.tags.is_empty()).then(|| {
                n.tags
                    .iter()
                    .map(|t| format!("#{t}"))
                    .collect::<Vec<_>>()
                    .join(" ")
            }),
        })
        .collect();
    doc.list_or(items, "No notes.");
    for t in crate::transcripts::list(db, id)? {
        transcript_audit(
            &mut doc,
            &t.file_name,
            &crate::transcripts::audit_stored(db, &t.id)?,
        );
    }
    Ok(doc)
}

/// The interviewer audit of one transcript: how many questions led, which, and who talked.
fn transcript_audit(doc: &mut Doc, file: &str, a: &crate::transcripts::Audit) {
    doc.heading(2, format!("Interviewer audit: {file}"));
    if a.interviewer.is_empty() {
        doc.para("No speaker is named in this transcript, so the interviewer's questions cannot be told apart.");
    } else {
        let plural = if a.asked == 1 {
            "question"
        } else {
            "questions"
        };
        doc.para(format!(
            "You asked {} {plural}; {} led.",
            a.asked, a.leading
        ));
        if a.interviewer_guessed {
            doc.meta(format!(
                "No speaker is mapped to the interviewer's side, so {} (who asked the most questions) was taken.",
                a.interviewer.join(", ")
            ));
        }
    }
    let led: Vec<Item> = a
        .questions
        .iter()
        .filter(|q| q.leading)
        .map(|q| Item {
            text: q.text.clone(),
            at: Some(q.start.clone()),
            quote: false,
            by: None,
            note: Some(
                q.rules
                    .iter()
                    .map(|f| format!("{}: “{}”", f.rule, f.trigger))
                    .chain(q.rules.first().map(|f| format!("try: {}", f.suggestion)))
                    .collect::<Vec<_>>()
                    .join("; "),
            ),
        })
        .collect();
    if !led.is_empty() {
        doc.heading(3, "Leading questions");
        doc.list(led);
    }
    let pct = |x: f64| format!("{:.0}%", x * 100.0);
    doc.heading(3, "Talk time");
    doc.push(Block::Table {
        head: vec![
            "Speaker".into(),
            "Side".into(),
            "Words".into(),
            "Time".into(),
        ],
        rows: a
            .speakers
            .iter()
            .map(|s| {
                let side = if s.interviewer {
                    "interviewer"
                } else {
                    "interviewee"
                };
                vec![
                    s.label.clone(),
                    side.into(),
                    pct(s.share_words),
                    pct(s.share_seconds),
                ]
            })
            .collect(),
    });
}

/// Every verbatim quote, by interview: the sheet people paste into decks.
pub fn quotes(db: &Db, zone: Zone) -> Result<Doc> {
    let mut stmt = db.conn().prepare(
        "SELECT n.text, p.name, i.title, i.scheduled_at FROM notes n
         JOIN interviews i ON i.id = n.interview_id
         LEFT JOIN people p ON p.id = n.speaker_id
         WHERE n.is_quote = 1 ORDER BY i.scheduled_at, n.created_at",
    )?;
    let rows = stmt
        .query_map([], |r| {
            let day = zone
                .day(&r.get::<_, String>(3)?)
                .map(|d| d.to_string())
                .unwrap_or_default();
            Ok(vec![
                format!("“{}”", strip_tags(&r.get::<_, String>(0)?)),
                r.get::<_, Option<String>>(1)?.unwrap_or_default(),
                r.get(2)?,
                day,
            ])
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let mut doc = Doc::new("Quotes");
    if rows.is_empty() {
        doc.push(Block::Empty {
            text: "No quotes yet.".into(),
        });
    } else {
        doc.push(Block::Table {
            head: vec![
                "Quote".into(),
                "Who".into(),
                "Interview".into(),
                "Day".into(),
            ],
            rows,
        });
    }
    Ok(doc)
}
