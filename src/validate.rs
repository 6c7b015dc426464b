//! Shared input checks. Each returns the cleaned value or a validation error on its field, so
//! every domain module reports bad input the same way.

use crate::error::{Error, Result};

/// Trims `value`; refuses it if empty or longer than `max` characters.
pub fn required(field: &str, label: &str, value: &str, max: usize) -> Result<String> {
    let v = optional(field, label, value, max)?;
    if v.is_empty() {
        return Err(Error::invalid(field, format!("{label} is required")));
    }
    Ok(v)
}

/// Trims `value`; refuses it if longer than `max` characters or if it holds control characters
/// other than newlines and tabs (which would break CSV and reports).
pub fn optional(field: &str, label: &str, value: &str, max: usize) -> Result<String> {
    let v = value.trim();
    let len = v.chars().count();
    if len > max {
        return Err(Error::invalid(
            field,
            format!("{label} is too long ({len} characters; at most {max})"),
        ));
    }
    if v.chars()
        .any(|c| c.is_control() && c != '\n' && c != '\t' && c != '\r')
    {
        return Err(Error::invalid(
            field,
            format!("{label} contains a control character"),
        ));
    }
    Ok(v.to_owned())
}

/// Like [`optional`] but for one-line values: newlines are refused too.
pub fn single_line(field: &str, label: &str, value: &str, max: usize) -> Result<String> {
    let v = optional(field, label, value, max)?;
    if v.contains(['\n', '\r', '\t']) {
        return Err(Error::invalid(
            field,
            format!("{label} must be a single line"),
        ));
    }
    Ok(v)
}

/// [`required`] and [`single_line`] at once: a name, a title.
pub fn required_line(field: &str, label: &str, value: &str, max: usize) -> Result<String> {
    let v = single_line(field, label, value, max)?;
    if v.is_empty() {
        return Err(Error::invalid(field, format!("{label} is required")));
    }
    Ok(v)
}

/// A name or title: required, one line, and without the invisible bidirectional controls that
/// can make a name display as something else ("Trojan Source" tricks).
pub fn name(field: &str, label: &str, value: &str, max: usize) -> Result<String> {
    let v = required_line(field, label, value, max)?;
    if v.chars().any(is_bidi_control) {
        return Err(Error::invalid(
            field,
            format!("{label} contains an invisible text-direction character; retype it"),
        ));
    }
    Ok(v)
}

/// Unicode's explicit bidirectional formatting characters (embeddings, overrides, isolates,
/// marks).
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{200E}' | '\u{200F}' | '\u{061C}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// `s` for a `LIKE … ESCAPE '\\'` pattern: `%`, `_` and `\\` match themselves.
pub fn like_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(c, '%' | '_' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// The lower-cased needle of a list filter, or `None` when the query is blank. Matching is
/// done in Rust with Unicode case folding ("élise" finds "Élise"), which SQLite's `LIKE`
/// only does for ASCII.
pub fn needle(query: Option<&str>) -> Option<String> {
    query
        .map(str::trim)
        .filter(|q| !q.is_empty())
        .map(str::to_lowercase)
}

/// Whether any of `fields` contains `needle` (already lower-cased), ignoring case.
pub fn any_contains(needle: &str, fields: &[&str]) -> bool {
    fields.iter().any(|f| f.to_lowercase().contains(needle))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field_of(r: Result<String>) -> String {
        match r {
            Err(Error::Validation { field, .. }) => field,
            other => panic!("expected a validation error, got {other:?}"),
        }
    }

    #[test]
    fn required_trims_and_refuses_blank() {
        assert_eq!(required("f", "F", "  a b ", 10).unwrap(), "a b");
        assert_eq!(field_of(required("name", "Name", " \n ", 10)), "name");
    }

    #[test]
    fn names_refuse_bidi_controls() {
        assert_eq!(
            field_of(name("name", "Name", "Ana\u{202E}gnp.exe", 50)),
            "name"
        );
        assert_eq!(name("name", "Name", " Ana ", 50).unwrap(), "Ana");
        assert_eq!(like_escape("100%_a\\"), "100\\%\\_a\\\\");
    }

    #[test]
    fn length_is_counted_in_characters() {
        assert!(optional("f", "F", "ééééé", 5).is_ok());
        let err = optional("f", "F", "éééééé", 5).unwrap_err();
        assert_eq!(err.to_string(), "F is too long (6 characters; at most 5)");
    }

    #[test]
    fn control_characters_and_newlines() {
        assert_eq!(field_of(optional("f", "F", "a\u{7}b", 10)), "f");
        assert!(optional("f", "F", "a\nb", 10).is_ok());
        assert_eq!(field_of(single_line("team", "Team", "a\nb", 10)), "team");
        assert_eq!(field_of(required_line("name", "Name", "  ", 10)), "name");
        assert_eq!(required_line("name", "Name", " Ana ", 10).unwrap(), "Ana");
    }
}
