//! Tags: how they are written inline (`#deploys`) and how they are stored (lower-case, no
//! `#`). Notes, quotes, findings and questions all share these rules.

/// A tag as stored: lower-case, no leading `#`, words joined by `-`.
pub fn normalize_tag(raw: &str) -> String {
    raw.trim()
        .trim_start_matches('#')
        .split_whitespace()
        .collect::<Vec<_>>()
        .join("-")
        .to_lowercase()
}

/// The `#tags` in a note: `#` then letters, digits, `-` or `_`, lower-cased, without repeats.
pub fn parse_tags(text: &str) -> Vec<String> {
    let mut tags: Vec<String> = Vec::new();
    let mut prev: Option<char> = None;
    for (i, c) in text.char_indices() {
        // A tag starts at '#' that does not follow a word character ("C#", "issue#3" are not tags).
        if c == '#' && !prev.is_some_and(|p| p.is_alphanumeric()) {
            let rest = &text[i + 1..];
            let len: usize = rest
                .chars()
                .take_while(|ch| ch.is_alphanumeric() || *ch == '-' || *ch == '_')
                .map(char::len_utf8)
                .sum();
            let tag = rest[..len].trim_end_matches(['-', '_']).to_lowercase();
            if tag.chars().any(char::is_alphabetic) && !tags.contains(&tag) {
                tags.push(tag);
            }
        }
        prev = Some(c);
    }
    tags
}

/// `text` with its inline `#tags` removed and the spaces they leave folded, ends untouched
/// (for pieces of a longer text, such as a search snippet).
pub fn remove_tags(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut prev: Option<char> = None;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c == '#' && !prev.is_some_and(|p| p.is_alphanumeric()) {
            let rest = &text[i + 1..];
            let len: usize = rest
                .chars()
                .take_while(|ch| ch.is_alphanumeric() || *ch == '-' || *ch == '_')
                .map(char::len_utf8)
                .sum();
            if rest[..len].chars().any(char::is_alphabetic) {
                while chars.peek().is_some_and(|(j, _)| *j <= i + len) {
                    chars.next();
                }
                // Fold the space before the tag with the one after it.
                if out.ends_with(' ') && chars.peek().is_some_and(|(_, c)| *c == ' ') {
                    chars.next();
                }
                prev = Some(' ');
                continue;
            }
        }
        out.push(c);
        prev = Some(c);
    }
    out
}

/// `text` without its inline `#tags`, for a verbatim quote: the words the person said, with the
/// tags kept as metadata. Spaces left around a removed tag are folded; line breaks are kept.
pub fn strip_tags(text: &str) -> String {
    remove_tags(text)
        .lines()
        .map(|l| {
            let mut line = l
                .split(' ')
                .filter(|w| !w.is_empty())
                .collect::<Vec<_>>()
                .join(" ");
            for p in [".", ",", ";", ":", "!", "?"] {
                line = line.replace(&format!(" {p}"), p);
            }
            line
        })
        .collect::<Vec<_>>()
        .join("\n")
        .trim()
        .to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_are_found_and_stripped() {
        let t = "It #deploys slowly, C# aside #ci-speed. #42";
        assert_eq!(parse_tags(t), vec!["deploys", "ci-speed"]);
        assert_eq!(strip_tags(t), "It slowly, C# aside. #42");
        assert_eq!(strip_tags("line one #a\nline two"), "line one\nline two");
        assert_eq!(normalize_tag(" #Team Velocity "), "team-velocity");
        assert_eq!(remove_tags("…waits #slow and hopes"), "…waits and hopes");
    }
}
