//! Reading a CSV file someone made elsewhere: its encoding (UTF-8 with or without a BOM,
//! UTF-16 with a BOM, Windows-1252), its delimiter (comma, semicolon or tab, as Excel writes in
//! different locales), its header, and its rows with their spreadsheet row numbers. Files that
//! are not text, have a header twice, or no rows get a clear error instead of a debug dump.

use std::collections::HashMap;

use ::csv as rcsv;

use super::{unneutralise, ColumnMap, RowError};

use crate::error::{Error, Result};

/// A field an import takes: its name, whether it must have a column, and the headers that
/// name it (first is the documented one).
pub struct Field {
    pub name: &'static str,
    pub required: bool,
    pub headers: &'static [&'static str],
}

/// Shorthand for the field tables of the lists.
pub const fn field(name: &'static str, required: bool, headers: &'static [&'static str]) -> Field {
    Field {
        name,
        required,
        headers,
    }
}

/// A parsed file: its header, its rows (with the row number a spreadsheet shows; the header is
/// row 1), and what was detected.
#[derive(Debug)]
pub struct Table {
    pub headers: Vec<String>,
    /// Each row, or why it could not be read at all (wrong cell count, bad quoting).
    pub rows: Vec<(u64, std::result::Result<rcsv::StringRecord, String>)>,
    pub encoding: &'static str,
    pub delimiter: char,
}

/// Decodes `bytes` to text, naming the encoding it found.
pub fn decode(bytes: &[u8]) -> Result<(String, &'static str)> {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return utf8(rest).map(|t| (t, "UTF-8 with BOM"));
    }
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        let le = bytes.starts_with(b"\xFF\xFE");
        let units: Vec<u16> = bytes[2..]
            .chunks(2)
            .map(|c| {
                let pair = [c[0], *c.get(1).unwrap_or(&0)];
                if le {
                    u16::from_le_bytes(pair)
                } else {
                    u16::from_be_bytes(pair)
                }
            })
            .collect();
        let text = String::from_utf16(&units).map_err(|_| {
            Error::invalid("file", "The file says it is UTF-16 but is not valid UTF-16")
        })?;
        return Ok((text, if le { "UTF-16LE" } else { "UTF-16BE" }));
    }
    if bytes.contains(&0) {
        return Err(Error::invalid(
            "file",
            "This is not a text file (it contains NUL bytes). Export the sheet as CSV and try again.",
        ));
    }
    match std::str::from_utf8(bytes) {
        Ok(t) => Ok((t.to_owned(), "UTF-8")),
        Err(_) => {
            // Excel's "CSV" in Western locales: Windows-1252. Anything with control bytes a
            // text file never has is refused instead of being decoded into nonsense.
            let (text, _, _) = encoding_rs::WINDOWS_1252.decode(bytes);
            if text
                .chars()
                .any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
            {
                return Err(Error::invalid(
                    "file",
                    "This file is not UTF-8 or Windows-1252 text. Save it as “CSV UTF-8” and try again.",
                ));
            }
            Ok((text.into_owned(), "Windows-1252"))
        }
    }
}

fn utf8(bytes: &[u8]) -> Result<String> {
    String::from_utf8(bytes.to_vec()).map_err(|e| {
        let line = bytes[..e.utf8_error().valid_up_to()]
            .iter()
            .filter(|b| **b == b'\n')
            .count()
            + 1;
        Error::invalid(
            "file",
            format!("The file says it is UTF-8 but line {line} is not valid UTF-8"),
        )
    })
}

/// The delimiter of the header line: the most frequent of `,` `;` and tab outside quotes
/// (comma on a tie, or when there is none).
pub fn sniff_delimiter(text: &str) -> char {
    let line = text.lines().next().unwrap_or("");
    let mut quoted = false;
    let mut counts = [0usize; 3];
    for c in line.chars() {
        match c {
            '"' => quoted = !quoted,
            ',' if !quoted => counts[0] += 1,
            ';' if !quoted => counts[1] += 1,
            '\t' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    let best = [',', ';', '\t']
        .into_iter()
        .zip(counts)
        .max_by_key(|(d, n)| (*n, *d == ','))
        .map(|(d, _)| d);
    best.unwrap_or(',')
}

/// Parses a whole file into a [`Table`].
pub fn table(bytes: &[u8]) -> Result<Table> {
    let (text, encoding) = decode(bytes)?;
    if text.trim().is_empty() {
        return Err(Error::invalid("file", "The file is empty"));
    }
    let delimiter = sniff_delimiter(&text);
    let mut reader = rcsv::ReaderBuilder::new()
        .delimiter(delimiter as u8)
        .flexible(true)
        .from_reader(text.as_bytes());
    let headers: Vec<String> = reader
        .headers()
        .map_err(|e| Error::invalid("file", format!("The header row can't be read: {e}")))?
        .iter()
        .map(|h| h.trim().to_owned())
        .collect();
    let mut seen: HashMap<String, usize> = HashMap::new();
    for (i, h) in headers.iter().enumerate() {
        if h.is_empty() {
            continue;
        }
        if let Some(first) = seen.insert(norm(h), i) {
            return Err(Error::invalid(
                "file",
                format!(
                    "The column “{h}” appears twice (columns {} and {}); rename or remove one",
                    first + 1,
                    i + 1
                ),
            ));
        }
    }
    let mut rows = Vec::new();
    // The line each row starts on, counted from its byte offset (blank lines are skipped by
    // the reader but still count as lines in a spreadsheet).
    let (mut at_byte, mut at_line) = (0usize, 1u64);
    for record in reader.records() {
        let byte = match &record {
            Ok(r) => r.position().map(|p| p.byte() as usize),
            Err(e) => e.position().map(|p| p.byte() as usize),
        }
        .unwrap_or(at_byte)
        .clamp(at_byte, text.len());
        // The reader's position may sit on the blank lines it skipped before the row.
        let byte = byte
            + text.as_bytes()[byte..]
                .iter()
                .take_while(|b| matches!(b, b'\n' | b'\r'))
                .count();
        at_line += text.as_bytes()[at_byte..byte]
            .iter()
            .filter(|b| **b == b'\n')
            .count() as u64;
        at_byte = byte;
        let row = at_line;
        match record {
            Ok(r) if r.iter().all(|c| c.trim().is_empty()) => {}
            Ok(r) if r.len() != headers.len() => rows.push((
                row,
                Err(format!(
                    "{} cells where the header has {}",
                    r.len(),
                    headers.len()
                )),
            )),
            Ok(r) => rows.push((row, Ok(r))),
            Err(e) => rows.push((row, Err(format!("This row can't be read: {}", plain(&e))))),
        }
    }
    if rows.is_empty() {
        return Err(Error::invalid(
            "file",
            "The file has a header but no rows to import",
        ));
    }
    Ok(Table {
        headers,
        rows,
        encoding,
        delimiter,
    })
}

/// A CSV error in words, without the reader's internal positions.
fn plain(e: &rcsv::Error) -> String {
    match e.kind() {
        rcsv::ErrorKind::Utf8 { .. } => "it is not valid text".into(),
        rcsv::ErrorKind::UnequalLengths { .. } => "its cells don't line up with the header".into(),
        _ => "its quoting is broken".into(),
    }
}

/// A header as compared: case, spacing and `-`/`_` ignored.
pub fn norm(h: &str) -> String {
    h.trim()
        .trim_start_matches('\u{FEFF}')
        .to_lowercase()
        .replace(['-', '_'], " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Which column feeds which field.
pub struct Mapping {
    index: HashMap<&'static str, usize>,
    headers: Vec<String>,
}

impl Mapping {
    /// Maps `fields` to the table's columns (an override names a column by hand). Missing
    /// required fields are errors against the header row.
    pub fn new(
        table: &Table,
        fields: &'static [Field],
        overrides: &HashMap<String, String>,
    ) -> (Mapping, Vec<ColumnMap>, Vec<String>, Vec<RowError>) {
        let mut index = HashMap::new();
        let mut mapped = Vec::new();
        let mut errors = Vec::new();
        for f in fields {
            let wanted: Vec<String> = match overrides.get(f.name) {
                Some(o) => vec![norm(o)],
                None => f.headers.iter().map(|h| norm(h)).collect(),
            };
            match table.headers.iter().position(|h| wanted.contains(&norm(h))) {
                Some(i) if !index.values().any(|v| *v == i) => {
                    index.insert(f.name, i);
                    mapped.push(ColumnMap {
                        field: f.name.to_owned(),
                        column: table.headers[i].clone(),
                    });
                }
                _ if f.required => errors.push(RowError {
                    row: 1,
                    column: f.name.to_owned(),
                    message: format!(
                        "No column for the required field “{}” (expected a header such as “{}”)",
                        f.name, f.headers[0]
                    ),
                }),
                _ => {}
            }
        }
        let ignored = table
            .headers
            .iter()
            .enumerate()
            .filter(|(i, _)| !index.values().any(|v| v == i))
            .map(|(_, h)| h.clone())
            .collect();
        (
            Mapping {
                index,
                headers: table.headers.clone(),
            },
            mapped,
            ignored,
            errors,
        )
    }

    /// The cell for `field` in `record` (a neutralised formula restored), or "".
    pub fn get(&self, record: &rcsv::StringRecord, field: &str) -> String {
        self.index
            .get(field)
            .and_then(|&i| record.get(i))
            .map(|v| unneutralise(v).to_owned())
            .unwrap_or_default()
    }

    /// Whether the file has a column for `field`.
    pub fn has(&self, field: &str) -> bool {
        self.index.contains_key(field)
    }

    /// The header a field came from, for error messages (the field's name if unmapped).
    pub fn column_of(&self, field: &str) -> String {
        self.index
            .get(field)
            .map(|&i| self.headers[i].clone())
            .unwrap_or_else(|| field.to_owned())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodings_are_detected_or_refused_in_words() {
        assert_eq!(
            decode(b"\xEF\xBB\xBFa,b").unwrap(),
            ("a,b".into(), "UTF-8 with BOM")
        );
        let utf16: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("né,x".encode_utf16().flat_map(|u| u.to_le_bytes()))
            .collect();
        assert_eq!(decode(&utf16).unwrap(), ("né,x".into(), "UTF-16LE"));
        assert_eq!(decode(b"caf\xE9").unwrap(), ("café".into(), "Windows-1252"));
        let err = decode(b"PK\x03\x04\x00\x00").unwrap_err().to_string();
        assert!(err.contains("not a text file"), "{err}");
    }

    #[test]
    fn delimiters_follow_the_header() {
        assert_eq!(sniff_delimiter("name;team;role\nA;B;C"), ';');
        assert_eq!(sniff_delimiter("name\tteam"), '\t');
        assert_eq!(sniff_delimiter("\"a;b\",c"), ',');
        assert_eq!(sniff_delimiter("name"), ',');
    }

    #[test]
    fn duplicate_headers_and_header_only_files_are_errors() {
        let e = table(b"Name,team,name\nA,B,C\n").unwrap_err().to_string();
        assert!(e.contains("“name” appears twice (columns 1 and 3)"), "{e}");
        let e = table(b"name,team\r\n").unwrap_err().to_string();
        assert!(e.contains("no rows"), "{e}");
        let t = table("name;team\nAna;SRE\n\nBo;Ops\n".as_bytes()).unwrap();
        assert_eq!((t.delimiter, t.rows.len(), t.rows[1].0), (';', 2, 4));
    }
}
