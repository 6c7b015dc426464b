//! The document kit every report is written with. A report is built once as a [`Doc`] (title and
//! blocks) and rendered to plain text, Markdown or a print-ready HTML page, so the formats always
//! say the same thing. The UI receives the same `Doc` to preview and print it as text nodes:
//! user text is escaped for each format here and never reaches the page as HTML.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

crate::text_enum! {
    /// The file formats a report can be saved or copied in.
    #[ts(export)]
    pub enum DocFormat {
        Text = "text",
        Markdown = "markdown",
        Html = "html",
    }
}

impl DocFormat {
    /// The file extension for a saved report.
    pub fn extension(self) -> &'static str {
        match self {
            DocFormat::Text => "txt",
            DocFormat::Markdown => "md",
            DocFormat::Html => "html",
        }
    }
}

/// A report: a title and its blocks, in reading order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Doc {
    pub title: String,
    pub blocks: Vec<Block>,
}

/// One line of a list.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Item {
    pub text: String,
    /// A small prefix such as a time (`12:03`).
    pub at: Option<String>,
    /// Words said verbatim: shown as a quotation.
    pub quote: bool,
    /// Who said it.
    pub by: Option<String>,
    /// A small suffix such as `(3 min)` or a source.
    pub note: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[ts(export)]
pub enum Block {
    /// A section heading (level 2) or sub-heading (level 3).
    Heading {
        level: u8,
        text: String,
    },
    Para {
        text: String,
    },
    /// A small grey line: dates, counts, who was there.
    Meta {
        text: String,
    },
    /// Label/value pairs: "When", "With", …
    Facts {
        facts: Vec<(String, String)>,
    },
    List {
        items: Vec<Item>,
        ordered: bool,
        /// Leave room to write under each item when printed (interview guides).
        writing_space: bool,
    },
    Table {
        head: Vec<String>,
        rows: Vec<Vec<String>>,
    },
    /// Said when a section has nothing in it ("No notes.").
    Empty {
        text: String,
    },
}

impl Doc {
    pub fn new(title: impl Into<String>) -> Doc {
        Doc {
            title: title.into(),
            blocks: Vec::new(),
        }
    }

    pub fn heading(&mut self, level: u8, text: impl Into<String>) -> &mut Self {
        self.push(Block::Heading {
            level,
            text: text.into(),
        })
    }

    pub fn para(&mut self, text: impl Into<String>) -> &mut Self {
        self.push(Block::Para { text: text.into() })
    }

    pub fn meta(&mut self, text: impl Into<String>) -> &mut Self {
        self.push(Block::Meta { text: text.into() })
    }

    pub fn facts(&mut self, facts: Vec<(String, String)>) -> &mut Self {
        self.push(Block::Facts { facts })
    }

    pub fn list(&mut self, items: Vec<Item>) -> &mut Self {
        self.push(Block::List {
            items,
            ordered: false,
            writing_space: false,
        })
    }

    /// A list, or `empty` when there is nothing to list.
    pub fn list_or(&mut self, items: Vec<Item>, empty: &str) -> &mut Self {
        if items.is_empty() {
            self.push(Block::Empty {
                text: empty.to_owned(),
            })
        } else {
            self.list(items)
        }
    }

    pub fn push(&mut self, b: Block) -> &mut Self {
        self.blocks.push(b);
        self
    }

    pub fn render(&self, format: DocFormat) -> String {
        match format {
            DocFormat::Text => self.text(),
            DocFormat::Markdown => self.markdown(),
            DocFormat::Html => self.html(),
        }
    }

    fn text(&self) -> String {
        let mut out = format!(
            "{}\n{}\n",
            self.title,
            "=".repeat(self.title.chars().count())
        );
        for b in &self.blocks {
            match b {
                Block::Heading { text, .. } => {
                    out.push_str(&format!("\n{text}\n{}\n", "-".repeat(text.chars().count())))
                }
                Block::Para { text } | Block::Meta { text } | Block::Empty { text } => {
                    out.push_str(&format!("\n{text}\n"))
                }
                Block::Facts { facts } => {
                    out.push('\n');
                    for (k, v) in facts {
                        out.push_str(&format!("{k}: {v}\n"));
                    }
                }
                Block::List { items, ordered, .. } => {
                    out.push('\n');
                    for (n, i) in items.iter().enumerate() {
                        let bullet = if *ordered {
                            format!("{}.", n + 1)
                        } else {
                            "-".to_owned()
                        };
                        out.push_str(&format!(
                            "  {bullet} {}\n",
                            indent(&item_line(i, |s| s.to_owned()), "    ")
                        ));
                    }
                }
                Block::Table { head, rows } => {
                    out.push('\n');
                    out.push_str(&head.join(" | "));
                    out.push('\n');
                    for r in rows {
                        out.push_str(&r.join(" | "));
                        out.push('\n');
                    }
                }
            }
        }
        out
    }

    fn markdown(&self) -> String {
        let mut out = format!("# {}\n", md(&self.title));
        for b in &self.blocks {
            out.push('\n');
            match b {
                Block::Heading { level, text } => {
                    out.push_str(&format!(
                        "{} {}\n",
                        "#".repeat((*level).clamp(2, 4) as usize),
                        md(text)
                    ));
                }
                Block::Para { text } => out.push_str(&format!("{}\n", md(text))),
                Block::Meta { text } | Block::Empty { text } => {
                    out.push_str(&format!("_{}_\n", md(text)))
                }
                Block::Facts { facts } => {
                    for (k, v) in facts {
                        out.push_str(&format!("- **{}:** {}\n", md(k), md(v)));
                    }
                }
                Block::List { items, ordered, .. } => {
                    for (n, i) in items.iter().enumerate() {
                        let bullet = if *ordered {
                            format!("{}.", n + 1)
                        } else {
                            "-".to_owned()
                        };
                        let at =
                            i.at.as_deref()
                                .map(|a| format!("`{a}` "))
                                .unwrap_or_default();
                        let body = if i.quote {
                            format!("> “{}”", md(&i.text))
                        } else {
                            md(&i.text)
                        };
                        let by =
                            i.by.as_deref()
                                .map(|b| format!(" — {}", md(b)))
                                .unwrap_or_default();
                        let note = i
                            .note
                            .as_deref()
                            .map(|n| format!(" _{}_", md(n)))
                            .unwrap_or_default();
                        out.push_str(&format!("{bullet} {at}{body}{by}{note}\n"));
                    }
                }
                Block::Table { head, rows } => {
                    let cells = |r: &[String]| {
                        format!(
                            "| {} |\n",
                            r.iter().map(|c| md(c)).collect::<Vec<_>>().join(" | ")
                        )
                    };
                    out.push_str(&cells(head));
                    out.push_str(&format!("|{}\n", "---|".repeat(head.len())));
                    for r in rows {
                        out.push_str(&cells(r));
                    }
                }
            }
        }
        out
    }

    fn html(&self) -> String {
        let mut body = String::new();
        for b in &self.blocks {
            match b {
                Block::Heading { level, text } => {
                    let l = (*level).clamp(2, 4);
                    body.push_str(&format!("<h{l}>{}</h{l}>\n", html(text)));
                }
                Block::Para { text } => body.push_str(&format!("<p>{}</p>\n", html(text))),
                Block::Meta { text } => {
                    body.push_str(&format!("<p class=\"meta\">{}</p>\n", html(text)))
                }
                Block::Empty { text } => {
                    body.push_str(&format!("<p><em>{}</em></p>\n", html(text)))
                }
                Block::Facts { facts } => {
                    body.push_str("<dl class=\"facts\">\n");
                    for (k, v) in facts {
                        body.push_str(&format!("<dt>{}</dt><dd>{}</dd>\n", html(k), html(v)));
                    }
                    body.push_str("</dl>\n");
                }
                Block::List {
                    items,
                    ordered,
                    writing_space,
                } => {
                    let tag = if *ordered { "ol" } else { "ul" };
                    let class = if *writing_space {
                        " class=\"guide\""
                    } else {
                        ""
                    };
                    body.push_str(&format!("<{tag}{class}>\n"));
                    for i in items {
                        let at =
                            i.at.as_deref()
                                .map(|a| format!("<span class=\"meta\">{}</span> ", html(a)))
                                .unwrap_or_default();
                        let by =
                            i.by.as_deref()
                                .map(|b| format!(" — {}", html(b)))
                                .unwrap_or_default();
                        let note = i
                            .note
                            .as_deref()
                            .map(|n| format!(" <span class=\"meta\">{}</span>", html(n)))
                            .unwrap_or_default();
                        let text = html(&i.text).replace('\n', "<br>");
                        let main = if i.quote {
                            format!("<blockquote>“{text}”{by}</blockquote>")
                        } else {
                            format!("{text}{by}")
                        };
                        let space = if *writing_space {
                            "<div class=\"notes\"></div>"
                        } else {
                            ""
                        };
                        body.push_str(&format!("<li>{at}{main}{note}{space}</li>\n"));
                    }
                    body.push_str(&format!("</{tag}>\n"));
                }
                Block::Table { head, rows } => {
                    body.push_str("<table><thead><tr>");
                    for h in head {
                        body.push_str(&format!("<th>{}</th>", html(h)));
                    }
                    body.push_str("</tr></thead><tbody>\n");
                    for r in rows {
                        body.push_str("<tr>");
                        for c in r {
                            body.push_str(&format!("<td>{}</td>", html(c)));
                        }
                        body.push_str("</tr>\n");
                    }
                    body.push_str("</tbody></table>\n");
                }
            }
        }
        html_page(&self.title, &body)
    }
}

/// An item as one line of plain text.
fn item_line(i: &Item, esc: impl Fn(&str) -> String) -> String {
    let mut s = String::new();
    if let Some(a) = &i.at {
        s.push_str(&format!("[{}] ", esc(a)));
    }
    if i.quote {
        s.push_str(&format!("“{}”", esc(&i.text)));
    } else {
        s.push_str(&esc(&i.text));
    }
    if let Some(b) = &i.by {
        s.push_str(&format!(" — {}", esc(b)));
    }
    if let Some(n) = &i.note {
        s.push_str(&format!(" {}", esc(n)));
    }
    s
}

/// Continuation lines of a multi-line item, indented under their bullet.
fn indent(s: &str, pad: &str) -> String {
    s.replace('\n', &format!("\n{pad}"))
}

/// User text inside Markdown: Markdown/HTML characters escaped; a line break is kept as a hard
/// break so multi-line notes stay multi-line.
pub fn md(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for (n, line) in s.lines().enumerate() {
        if n > 0 {
            out.push_str("  \n  ");
        }
        for c in line
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .chars()
        {
            if matches!(
                c,
                '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '&' | '|'
            ) {
                out.push('\\');
            }
            out.push(c);
        }
    }
    out
}

/// User text inside HTML.
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
fn html_page(title: &str, body: &str) -> String {
    format!(
        "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>{t}</title>\n\
         <style>body{{font:11pt/1.5 Georgia,serif;max-width:46em;margin:2em auto;color:#111}}\
         h1{{font-size:18pt}}h2{{font-size:13pt;margin-top:1.6em}}blockquote{{margin:.4em 0 .4em 1em;\
         font-style:italic}}.meta{{color:#555;font-size:9.5pt}}li{{margin:.3em 0}}\
         dl.facts{{display:grid;grid-template-columns:max-content auto;gap:.2em 1em}}dd{{margin:0}}\
         table{{border-collapse:collapse}}td,th{{border:1px solid #bbb;padding:.3em .5em;text-align:left;\
         vertical-align:top}}ol.guide li{{margin:0 0 1.2em;break-inside:avoid}}.notes{{border-bottom:1px solid #bbb;\
         height:3.2em}}@page{{margin:2cm}}</style></head>\n<body><h1>{t}</h1>\n{body}</body></html>\n",
        t = html(title)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Doc {
        let mut d = Doc::new("Deploys <today>");
        d.facts(vec![("When".into(), "Mon 23 Nov 2026, 18:00".into())])
            .heading(2, "Notes")
            .list(vec![
                Item {
                    text: "Two lines\nhere *bold*".into(),
                    at: Some("0:42".into()),
                    ..Item::default()
                },
                Item {
                    text: "It's slow".into(),
                    quote: true,
                    by: Some("Ana".into()),
                    ..Item::default()
                },
            ]);
        d
    }

    #[test]
    fn every_format_escapes_user_text_and_keeps_line_breaks() {
        let d = sample();
        let h = d.render(DocFormat::Html);
        assert!(h.contains("<h1>Deploys &lt;today&gt;</h1>"));
        assert!(h.contains("Two lines<br>here *bold*"));
        assert!(h.contains("<blockquote>“It&#39;s slow” — Ana</blockquote>"));
        let m = d.render(DocFormat::Markdown);
        assert!(m.starts_with("# Deploys \\<today\\>\n"));
        assert!(m.contains("- `0:42` Two lines  \n  here \\*bold\\*\n"));
        assert!(m.contains("- > “It's slow” — Ana\n"));
        let t = d.render(DocFormat::Text);
        assert!(t.contains("When: Mon 23 Nov 2026, 18:00"));
        assert!(t.contains("  - [0:42] Two lines\n    here *bold*\n"));
    }

    #[test]
    fn the_doc_serialises_for_the_ui() {
        let v = serde_json::to_value(Block::Meta { text: "x".into() }).unwrap();
        assert_eq!(v, serde_json::json!({"kind": "meta", "text": "x"}));
    }
}
