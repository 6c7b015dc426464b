//! Shareable write-ups generated from the data: an interview report, a findings report and a
//! quotes sheet, as Markdown or print-ready HTML. All user text is escaped for its format.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::db::Db;
use crate::error::Result;
use crate::findings;
use crate::interviews::{self, notes};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum ReportFormat {
    Markdown,
    Html,
}

/// User text inside one Markdown line: whitespace folded, Markdown/HTML characters escaped.
pub fn md(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.split_whitespace().collect::<Vec<_>>().join(" ").chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '&' | '|'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

pub fn html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// A complete, print-ready HTML page around `body` (already escaped).
pub fn html_page(title: &str, body: &str) -> String {
    format!(
        "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>{t}</title>\n\
         <style>body{{font:11pt/1.5 Georgia,serif;max-width:46em;margin:2em auto;color:#111}}\
         h1{{font-size:18pt}}h2{{font-size:13pt;margin-top:1.6em}}blockquote{{margin:.4em 0 .4em 1em;\
         font-style:italic}}.meta{{color:#555;font-size:9.5pt}}li{{margin:.3em 0}}\
         ol.guide li{{margin:0 0 1.2em;break-inside:avoid}}.notes{{border-bottom:1px solid #bbb;\
         height:3.2em}}@page{{margin:2cm}}</style></head>\n<body><h1>{t}</h1>\n{body}</body></html>\n",
        t = html(title)
    )
}

fn mmss(s: Option<i64>) -> String {
    s.map(|s| format!("{}:{:02}", s / 60, s % 60))
        .unwrap_or_default()
}

/// One interview: who, when, and every note and quote in order.
pub fn interview(db: &Db, id: &str, format: ReportFormat) -> Result<String> {
    let i = interviews::get(db, id)?;
    let notes = notes::list(db, id)?;
    let who: Vec<String> = i
        .interviewees
        .iter()
        .map(|p| {
            format!(
                "{} ({}, {})",
                p.name,
                p.role.as_str(),
                if p.team.is_empty() {
                    "no team"
                } else {
                    &p.team
                }
            )
        })
        .collect();
    let speaker = |sid: &Option<String>| {
        sid.as_deref()
            .and_then(|s| i.interviewees.iter().find(|p| p.id == s))
            .map(|p| p.name.clone())
    };
    Ok(match format {
        ReportFormat::Markdown => {
            let mut out = format!("# {}\n\n", md(&i.title));
            out.push_str(&format!(
                "- **When:** {} ({} min)\n- **With:** {}\n",
                i.scheduled_at,
                i.duration_minutes,
                md(&who.join("; "))
            ));
            if let Some(t) = &i.note_taker {
                out.push_str(&format!("- **Notes by:** {}\n", md(&t.name)));
            }
            out.push_str("\n## Notes\n\n");
            for n in &notes {
                if n.is_quote {
                    let by = speaker(&n.speaker_id)
                        .map(|s| format!(" — {}", md(&s)))
                        .unwrap_or_default();
                    out.push_str(&format!(
                        "- `{}` > “{}”{by}\n",
                        mmss(n.offset_seconds),
                        md(&n.text)
                    ));
                } else {
                    out.push_str(&format!("- `{}` {}\n", mmss(n.offset_seconds), md(&n.text)));
                }
            }
            if notes.is_empty() {
                out.push_str("_No notes._\n");
            }
            out
        }
        ReportFormat::Html => {
            let mut body = format!(
                "<p class=\"meta\">{} · {} min · with {}{}</p>\n<h2>Notes</h2>\n<ul>\n",
                html(&i.scheduled_at),
                i.duration_minutes,
                html(&who.join("; ")),
                i.note_taker
                    .as_ref()
                    .map(|t| format!(" · notes by {}", html(&t.name)))
                    .unwrap_or_default()
            );
            for n in &notes {
                let at = html(&mmss(n.offset_seconds));
                if n.is_quote {
                    let by = speaker(&n.speaker_id)
                        .map(|s| format!(" — {}", html(&s)))
                        .unwrap_or_default();
                    body.push_str(&format!("<li><span class=\"meta\">{at}</span><blockquote>“{}”{by}</blockquote></li>\n", html(&n.text)));
                } else {
                    body.push_str(&format!(
                        "<li><span class=\"meta\">{at}</span> {}</li>\n",
                        html(&n.text)
                    ));
                }
            }
            body.push_str("</ul>\n");
            html_page(&i.title, &body)
        }
    })
}

/// Every finding, grouped by tag, with its backing and evidence.
pub fn findings(db: &Db, format: ReportFormat) -> Result<String> {
    let groups = findings::by_tag(db)?;
    let backing = |f: &findings::Finding| {
        format!(
            "{} interviewee{} ({} lead/manager, {} IC/other) · {}",
            f.interviewee_count,
            if f.interviewee_count == 1 { "" } else { "s" },
            f.lead_count,
            f.ic_count,
            f.status.as_str()
        )
    };
    Ok(match format {
        ReportFormat::Markdown => {
            let mut out = String::from("# Findings\n");
            for g in &groups {
                let tag = if g.tag.is_empty() {
                    "Untagged".to_owned()
                } else {
                    format!("#{}", g.tag)
                };
                out.push_str(&format!("\n## {}\n", md(&tag)));
                for f in &g.findings {
                    out.push_str(&format!("\n### {}\n\n_{}_\n\n", md(&f.title), backing(f)));
                    if !f.detail.is_empty() {
                        out.push_str(&format!("{}\n\n", md(&f.detail)));
                    }
                    for e in &f.evidence {
                        let by = e
                            .speaker
                            .as_deref()
                            .map(|s| format!(" — {}", md(s)))
                            .unwrap_or_default();
                        out.push_str(&format!(
                            "- {}{by} ({})\n",
                            md(&e.text),
                            md(&e.interview_title)
                        ));
                    }
                }
            }
            if groups.is_empty() {
                out.push_str("\n_No findings yet._\n");
            }
            out
        }
        ReportFormat::Html => {
            let mut body = String::new();
            for g in &groups {
                let tag = if g.tag.is_empty() {
                    "Untagged".to_owned()
                } else {
                    format!("#{}", g.tag)
                };
                body.push_str(&format!("<h2>{}</h2>\n", html(&tag)));
                for f in &g.findings {
                    body.push_str(&format!(
                        "<h3>{}</h3>\n<p class=\"meta\">{}</p>\n",
                        html(&f.title),
                        html(&backing(f))
                    ));
                    if !f.detail.is_empty() {
                        body.push_str(&format!("<p>{}</p>\n", html(&f.detail)));
                    }
                    body.push_str("<ul>\n");
                    for e in &f.evidence {
                        let by = e
                            .speaker
                            .as_deref()
                            .map(|s| format!(" — {}", html(s)))
                            .unwrap_or_default();
                        body.push_str(&format!(
                            "<li>{}{by} <span class=\"meta\">({})</span></li>\n",
                            html(&e.text),
                            html(&e.interview_title)
                        ));
                    }
                    body.push_str("</ul>\n");
                }
            }
            html_page("Findings", &body)
        }
    })
}

/// Every verbatim quote, by interview: the sheet people paste into decks.
pub fn quotes(db: &Db, format: ReportFormat) -> Result<String> {
    let mut stmt = db.conn().prepare(
        "SELECT n.text, p.name, i.title, i.scheduled_at FROM notes n
         JOIN interviews i ON i.id = n.interview_id
         LEFT JOIN people p ON p.id = n.speaker_id
         WHERE n.is_quote = 1 ORDER BY i.scheduled_at, n.created_at",
    )?;
    let rows: Vec<(String, Option<String>, String, String)> = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(match format {
        ReportFormat::Markdown => {
            let mut out = String::from("# Quotes\n\n| Quote | Who | Interview |\n|---|---|---|\n");
            for (text, who, title, _) in &rows {
                out.push_str(&format!(
                    "| “{}” | {} | {} |\n",
                    md(text),
                    md(who.as_deref().unwrap_or("")),
                    md(title)
                ));
            }
            out
        }
        ReportFormat::Html => {
            let mut body = String::from("<table><thead><tr><th>Quote</th><th>Who</th><th>Interview</th></tr></thead><tbody>\n");
            for (text, who, title, _) in &rows {
                body.push_str(&format!(
                    "<tr><td>“{}”</td><td>{}</td><td>{}</td></tr>\n",
                    html(text),
                    html(who.as_deref().unwrap_or("")),
                    html(title)
                ));
            }
            body.push_str("</tbody></table>\n");
            html_page("Quotes", &body)
        }
    })
}
