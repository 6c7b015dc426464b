//! OpenSLO v1 import and export: multi-document YAML streams of `Service`, `SLI` and `SLO`
//! documents (`apiVersion: openslo/v1`), so teams can bring the SLOs they already wrote down
//! and take Rapport's back to their tooling.
//!
//! **What is read.** `metadata.name`/`displayName`; a Service's `spec.description`; an SLI's
//! `spec` (its `description`, and everything else, `ratioMetric`/`thresholdMetric` and the
//! queries below them, kept as YAML text, never interpreted or run); an SLO's
//! `spec.description`, `service`, `indicator` (inline, with `metadata` and `spec`) or
//! `indicatorRef` (resolved against the SLI documents anywhere in the same stream),
//! `timeWindow`, `budgetingMethod`, `objectives[]` (`displayName`, `op`, `value`, `target` or
//! `targetPercent`, `timeSliceTarget`, `timeSliceWindow`, and a per-objective
//! `indicator`/`indicatorRef`) and `alertPolicies` (kept as YAML text).
//!
//! **Choices.**
//! - *Several objectives in one SLO* become one Rapport SLO each, named
//!   `<metadata.name>-<slug of the objective's displayName>` (`web-availability-sla`) when
//!   every objective has a displayName whose slugs differ and fit in 63 characters, and
//!   `<metadata.name>-<n>` (counting from 1) otherwise. Each carries its objective's
//!   `displayName`, and exports as an SLO of its own. `compositeWeight` is not used.
//! - *Time windows:* rolling windows are whole days (`28d`, `4w`, and `h`/`m` durations that
//!   are whole days); a rolling `1M`/`1Q`/`1Y` has no fixed length and is refused. Calendar
//!   windows are `1M` or `1Q` with a required `calendar.timeZone`; they start at local
//!   midnight on the first day of the month or quarter, so a `startTime` elsewhere is noted
//!   and otherwise ignored, and export writes `startTime: 2024-01-01 00:00:00`. With no
//!   `timeWindow` (the spec makes it optional) a rolling 28d window is used, with a note.
//! - *`RatioTimeslices`* (the average of per-slice ratios) is refused with a clear error,
//!   rather than silently judged as Timeslices, whose arithmetic differs.
//! - *The journey* comes from the annotation `rapport/journey` when present, else
//!   `spec.description`, else `metadata.displayName`, else `metadata.name`. Export writes the
//!   annotation only when the journey differs from what that rule would find.
//! - *Kept documents:* other kinds (AlertPolicy, AlertCondition, AlertNotificationTarget,
//!   DataSource, …) are kept verbatim, comments and all, and reported as "kept, not used".
//!   Export writes them back as they came.
//! - Fields Rapport does not use (`metadata.labels`, other annotations, unknown keys) are
//!   reported in `notes` and left out on export.
//! - Import is all or nothing: every problem is reported (one per document), as one
//!   `Error::invalid("file", …)` whose lines read like
//!   `document 3 (slo 'checkout-latency'): spec.objectives[0].target must be between 0 and 1 …`.
//!   Documents are counted from 1, skipping empty ones; YAML syntax errors give the line in
//!   the file.
//! - Round trip: `import(&export(&b)?)?.bundle == b` for any imported bundle `b`. Stored YAML
//!   texts (`spec_yaml`, `indicator_yaml`, `alert_policies_yaml`) are written in one canonical
//!   form, so they compare equal after a round trip; kept documents are compared verbatim.
//!
//! **YAML crate.** `serde-saphyr` 2: the actively maintained pure-Rust serde YAML crate (on
//! the saphyr-derived `granit-parser`), panic-free, with resource budgets against alias bombs
//! and error messages that give line and column. `serde_yaml` is archived; its forks
//! `serde_yaml_ng` and `serde_norway` wrap `unsafe-libyaml` (machine-translated C) and are
//! barely maintained (serde_norway's repository had no commit since mid-2024, serde_yaml_ng a
//! handful in 2025, serde-saphyr over a thousand). serde-saphyr has no `Value` type, so this
//! module reads into its own small order-preserving tree. It parses with YAML 1.2 core
//! booleans (`yes`, `on`, `n` stay text, so a key `n:` is not turned into `false:`) and keeps
//! numbers with leading zeros (`0755`) as text.

use std::collections::{HashMap, HashSet};
use std::fmt;

use chrono::{Datelike, NaiveDateTime, Timelike};
use serde::de::{MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use ts_rs::TS;

use super::spec::{self, tidy, BudgetingMethod, CalendarUnit, SloSpec, Window};
use crate::error::{Error, Result};

/// The only `apiVersion` read for Service, SLI and SLO documents.
pub const API_VERSION: &str = "openslo/v1";
/// The annotation carrying Rapport's journey text when it is not the description.
pub const JOURNEY_ANNOTATION: &str = "rapport/journey";
/// OpenSLO's limit on `description`.
pub const DESCRIPTION_MAX: usize = 1050;
/// The `calendar.startTime` written on export: any first day of a quarter at midnight.
pub const CALENDAR_START: &str = "2024-01-01 00:00:00";
/// The window used when an SLO has no `timeWindow`.
pub const DEFAULT_WINDOW_DAYS: u32 = 28;

/// A `Service` document: a grouping of SLOs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ServiceDoc {
    pub name: String,
    pub display_name: Option<String>,
    pub description: Option<String>,
}

/// An `SLI` document: how to read the metrics, kept as text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SliDoc {
    pub name: String,
    pub display_name: Option<String>,
    pub description: Option<String>,
    /// The SLI's `spec` without `description`, as YAML: `ratioMetric` or `thresholdMetric`
    /// and the queries under it. Never interpreted or run.
    pub spec_yaml: String,
}

/// One SLO objective, as Rapport keeps it: the spec it computes with, plus what the OpenSLO
/// document said around it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SloDoc {
    pub spec: SloSpec,
    /// `metadata.displayName`.
    pub display_name: Option<String>,
    /// `spec.description`.
    pub description: Option<String>,
    /// `spec.service`: the Service's name.
    pub service: Option<String>,
    /// The indicator's `metadata.name` (the referenced SLI's name for `indicatorRef`).
    pub indicator_name: String,
    /// True when the document used `indicatorRef` (exported the same way); false for an
    /// inline `indicator`.
    pub indicator_ref: bool,
    /// The indicator as YAML (`metadata` and `spec`), resolved for `indicatorRef`.
    pub indicator_yaml: String,
    /// The objective's `displayName`.
    pub objective_display_name: Option<String>,
    /// The objective's `op` (`lte`, `gte`, `lt`, `gt`) for threshold metrics.
    pub op: Option<String>,
    /// The objective's `value` for threshold metrics (e.g. 500 for "under 500 ms").
    pub value: Option<f64>,
    /// `spec.alertPolicies` as YAML, when not empty.
    pub alert_policies_yaml: Option<String>,
}

/// A document Rapport does not use, kept as it was written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct KeptDoc {
    pub kind: String,
    pub name: Option<String>,
    /// The document's text, verbatim (comments included), ending with a newline.
    pub yaml: String,
}

/// Everything an OpenSLO stream holds, as Rapport reads it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct OpenSloBundle {
    pub services: Vec<ServiceDoc>,
    pub slos: Vec<SloDoc>,
    pub slis: Vec<SliDoc>,
    pub kept: Vec<KeptDoc>,
}

/// An import: the bundle and what the person importing should know (kept documents,
/// fields left out, defaults applied).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct OpenSloImport {
    pub bundle: OpenSloBundle,
    pub notes: Vec<String>,
}

// ---------------------------------------------------------------------------------------
// A small YAML tree that keeps key order.

#[derive(Debug, Clone, PartialEq)]
enum Yaml {
    Null,
    Bool(bool),
    Int(i64),
    UInt(u64),
    Float(f64),
    Str(String),
    Seq(Vec<Yaml>),
    Map(Vec<(Yaml, Yaml)>),
}

impl<'de> Deserialize<'de> for Yaml {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Yaml;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("any YAML value")
            }
            fn visit_unit<E>(self) -> std::result::Result<Yaml, E> {
                Ok(Yaml::Null)
            }
            fn visit_none<E>(self) -> std::result::Result<Yaml, E> {
                Ok(Yaml::Null)
            }
            fn visit_some<D: Deserializer<'de>>(self, d: D) -> std::result::Result<Yaml, D::Error> {
                Yaml::deserialize(d)
            }
            fn visit_bool<E>(self, v: bool) -> std::result::Result<Yaml, E> {
                Ok(Yaml::Bool(v))
            }
            fn visit_i64<E>(self, v: i64) -> std::result::Result<Yaml, E> {
                Ok(Yaml::Int(v))
            }
            fn visit_u64<E>(self, v: u64) -> std::result::Result<Yaml, E> {
                Ok(Yaml::UInt(v))
            }
            fn visit_f64<E>(self, v: f64) -> std::result::Result<Yaml, E> {
                Ok(Yaml::Float(v))
            }
            fn visit_str<E>(self, v: &str) -> std::result::Result<Yaml, E> {
                Ok(Yaml::Str(v.to_owned()))
            }
            fn visit_string<E>(self, v: String) -> std::result::Result<Yaml, E> {
                Ok(Yaml::Str(v))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut a: A) -> std::result::Result<Yaml, A::Error> {
                let mut v = Vec::new();
                while let Some(x) = a.next_element()? {
                    v.push(x);
                }
                Ok(Yaml::Seq(v))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut a: A) -> std::result::Result<Yaml, A::Error> {
                let mut v = Vec::new();
                while let Some(x) = a.next_entry()? {
                    v.push(x);
                }
                Ok(Yaml::Map(v))
            }
        }
        d.deserialize_any(V)
    }
}

impl Serialize for Yaml {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        use serde::ser::{SerializeMap, SerializeSeq};
        match self {
            Yaml::Null => s.serialize_unit(),
            Yaml::Bool(b) => s.serialize_bool(*b),
            Yaml::Int(i) => s.serialize_i64(*i),
            Yaml::UInt(u) => s.serialize_u64(*u),
            Yaml::Float(f) => s.serialize_f64(*f),
            Yaml::Str(x) => s.serialize_str(x),
            Yaml::Seq(v) => {
                let mut q = s.serialize_seq(Some(v.len()))?;
                for x in v {
                    q.serialize_element(x)?;
                }
                q.end()
            }
            Yaml::Map(v) => {
                let mut q = s.serialize_map(Some(v.len()))?;
                for (k, x) in v {
                    q.serialize_entry(k, x)?;
                }
                q.end()
            }
        }
    }
}

impl Yaml {
    /// The value under `key`, treating an explicit `null` as absent.
    fn get(&self, key: &str) -> Option<&Yaml> {
        match self {
            Yaml::Map(entries) => entries
                .iter()
                .find(|(k, _)| matches!(k, Yaml::Str(s) if s == key))
                .map(|(_, v)| v)
                .filter(|v| !matches!(v, Yaml::Null)),
            _ => None,
        }
    }

    fn as_str(&self) -> Option<&str> {
        match self {
            Yaml::Str(s) => Some(s),
            _ => None,
        }
    }

    fn as_f64(&self) -> Option<f64> {
        match self {
            Yaml::Int(i) => Some(*i as f64),
            Yaml::UInt(u) => Some(*u as f64),
            Yaml::Float(f) if f.is_finite() => Some(*f),
            _ => None,
        }
    }

    /// How a person would call this value in an error message.
    fn shown(&self) -> String {
        match self {
            Yaml::Null => "empty".to_owned(),
            Yaml::Bool(b) => b.to_string(),
            Yaml::Int(i) => i.to_string(),
            Yaml::UInt(u) => u.to_string(),
            Yaml::Float(f) => f.to_string(),
            Yaml::Str(s) => format!("'{s}'"),
            Yaml::Seq(_) => "a list".to_owned(),
            Yaml::Map(_) => "a mapping".to_owned(),
        }
    }

    fn str_keys(&self) -> Vec<String> {
        match self {
            Yaml::Map(entries) => entries
                .iter()
                .map(|(k, _)| match k {
                    Yaml::Str(s) => s.clone(),
                    other => other.shown(),
                })
                .collect(),
            _ => Vec::new(),
        }
    }
}

fn ystr(s: &str) -> Yaml {
    Yaml::Str(s.to_owned())
}

fn ymap(entries: Vec<(&str, Yaml)>) -> Yaml {
    Yaml::Map(entries.into_iter().map(|(k, v)| (ystr(k), v)).collect())
}

/// Parses one document; `line_offset` is the number of file lines before it, so errors give
/// the line in the file.
fn parse_yaml(text: &str, line_offset: usize) -> std::result::Result<Yaml, String> {
    let options = serde_saphyr::options! {
        strict_booleans: true,
        leading_zero_numbers_as_strings: true,
        non_finite_float_policy: serde_saphyr::options::NonFiniteFloatPolicy::AsString,
        with_snippet: false,
    };
    serde_saphyr::from_str_with_options::<Yaml>(text, options).map_err(|e| {
        let render = serde_saphyr::render_options! {
            line_offset: line_offset as u64,
            formatter: &serde_saphyr::UserMessageFormatter,
        };
        e.render_with_options(render)
    })
}

/// The canonical YAML text of a value (what every stored YAML text is).
fn to_text(y: &Yaml) -> std::result::Result<String, String> {
    serde_saphyr::to_string(y).map_err(|e| format!("could not be written as YAML: {e}"))
}

// ---------------------------------------------------------------------------------------
// Splitting a stream into documents.

struct RawDoc {
    /// 1-based, counting non-empty documents.
    index: usize,
    /// 1-based line in the file of the document's first line.
    first_line: usize,
    text: String,
}

/// Splits a stream at `---` and `...` lines. YAML forbids those markers at the start of a
/// line inside any scalar, so this split is exact and keeps each document's text verbatim.
/// Documents holding only comments, blank lines or directives are skipped.
fn split_documents(text: &str) -> Vec<RawDoc> {
    fn marker<'a>(line: &'a str, m: &str) -> Option<&'a str> {
        let rest = line.strip_prefix(m)?;
        if rest.is_empty() {
            Some("")
        } else if rest.starts_with([' ', '\t']) {
            Some(rest.trim_start())
        } else {
            None
        }
    }
    let mut docs = Vec::new();
    let mut current: Vec<(usize, &str)> = Vec::new();
    let flush = |current: &mut Vec<(usize, &str)>, docs: &mut Vec<RawDoc>| {
        let is_blank = |l: &str| l.trim().is_empty();
        let start = current.iter().position(|(_, l)| !is_blank(l));
        let end = current.iter().rposition(|(_, l)| !is_blank(l));
        if let (Some(s), Some(e)) = (start, end) {
            let lines = &current[s..=e];
            let has_content = lines.iter().any(|(_, l)| {
                let t = l.trim_start();
                !(t.is_empty() || t.starts_with('#') || l.starts_with('%'))
            });
            if has_content {
                let mut text: String = lines.iter().map(|(_, l)| *l).collect::<Vec<_>>().join("\n");
                text.push('\n');
                docs.push(RawDoc {
                    index: docs.len() + 1,
                    first_line: lines[0].0,
                    text,
                });
            }
        }
        current.clear();
    };
    for (i, line) in text.split('\n').enumerate() {
        let n = i + 1;
        if let Some(rest) = marker(line, "---") {
            flush(&mut current, &mut docs);
            if !rest.is_empty() {
                current.push((n, rest));
            }
        } else if marker(line, "...").is_some() {
            flush(&mut current, &mut docs);
        } else {
            current.push((n, line));
        }
    }
    flush(&mut current, &mut docs);
    docs
}

// ---------------------------------------------------------------------------------------
// Import.

type Found<T> = std::result::Result<T, String>;

/// Reads an OpenSLO v1 stream into a bundle, all or nothing (see the module doc). Errors are
/// one `Error::invalid("file", …)` listing every document's problem, one per line.
pub fn import(text: &str) -> Result<OpenSloImport> {
    let text = text
        .strip_prefix('\u{feff}')
        .unwrap_or(text)
        .replace("\r\n", "\n");
    let docs = split_documents(&text);
    if docs.is_empty() {
        return Err(Error::invalid(
            "file",
            "The file holds no YAML documents; an OpenSLO file holds documents with \
             apiVersion: openslo/v1 and a kind such as SLO",
        ));
    }
    // (document index, text): both are reported in document order.
    let mut errors: Vec<(usize, String)> = Vec::new();
    let mut notes: Vec<(usize, String)> = Vec::new();
    let mut bundle = OpenSloBundle::default();

    struct Parsed<'a> {
        raw: &'a RawDoc,
        y: Yaml,
        kind: String,
        label: String,
    }
    let mut parsed = Vec::new();
    for raw in &docs {
        let y = match parse_yaml(&raw.text, raw.first_line - 1) {
            Ok(y) => y,
            Err(msg) => {
                errors.push((
                    raw.index,
                    format!("document {}: not valid YAML: {msg}", raw.index),
                ));
                continue;
            }
        };
        if !matches!(y, Yaml::Map(_)) {
            errors.push((
                raw.index,
                format!(
                    "document {}: expected a mapping with apiVersion, kind, metadata and spec, \
                     found {}",
                    raw.index,
                    y.shown()
                ),
            ));
            continue;
        }
        let name = y
            .get("metadata")
            .and_then(|m| m.get("name"))
            .and_then(Yaml::as_str)
            .map(str::to_owned);
        let Some(kind) = y.get("kind").and_then(Yaml::as_str).map(str::to_owned) else {
            errors.push((
                raw.index,
                format!(
                    "document {}: kind is missing; every OpenSLO document names its kind \
                     (Service, SLI, SLO, AlertPolicy, …)",
                    raw.index
                ),
            ));
            continue;
        };
        let label = doc_label(raw.index, &kind, name.as_deref());
        let ours = matches!(kind.as_str(), "Service" | "SLI" | "SLO");
        if ours {
            let api = y.get("apiVersion");
            if api.and_then(Yaml::as_str) != Some(API_VERSION) {
                let found = api.map_or("nothing".to_owned(), Yaml::shown);
                errors.push((
                    raw.index,
                    format!(
                        "{label}: apiVersion must be {API_VERSION} (found {found}); Rapport \
                         reads OpenSLO v1"
                    ),
                ));
                continue;
            }
        } else {
            notes.push((
                raw.index,
                format!("{label}: kept as written, not used by Rapport"),
            ));
            bundle.kept.push(KeptDoc {
                kind,
                name,
                yaml: raw.text.clone(),
            });
            continue;
        }
        parsed.push(Parsed {
            raw,
            y,
            kind,
            label,
        });
    }

    // Services and SLIs first: SLOs may refer to SLIs written after them.
    let mut seen: HashMap<(String, String), usize> = HashMap::new();
    let mut claim =
        |kind: &str, name: &str, index: usize, label: &str, errors: &mut Vec<(usize, String)>| {
            match seen.get(&(kind.to_owned(), name.to_owned())) {
                Some(first) => {
                    errors.push((
                        index,
                        format!(
                            "{label}: metadata.name '{name}' is already used by document {first}; \
                         names must be unique per kind"
                        ),
                    ));
                    false
                }
                None => {
                    seen.insert((kind.to_owned(), name.to_owned()), index);
                    true
                }
            }
        };
    for p in &parsed {
        let mut doc_notes = Vec::new();
        let result = match p.kind.as_str() {
            "Service" => read_service(&p.y, &mut doc_notes).map(|s| {
                if claim("Service", &s.name, p.raw.index, &p.label, &mut errors) {
                    bundle.services.push(s);
                }
            }),
            "SLI" => read_sli(&p.y, &mut doc_notes).map(|s| {
                if claim("SLI", &s.name, p.raw.index, &p.label, &mut errors) {
                    bundle.slis.push(s);
                }
            }),
            _ => continue,
        };
        if let Err(e) = result {
            errors.push((p.raw.index, format!("{}: {e}", p.label)));
        }
        notes.extend(
            doc_notes
                .into_iter()
                .map(|n| (p.raw.index, format!("{}: {n}", p.label))),
        );
    }
    let slis: HashMap<&str, &SliDoc> = bundle.slis.iter().map(|s| (s.name.as_str(), s)).collect();
    let mut slo_names: HashMap<String, usize> = HashMap::new();
    let mut slos = Vec::new();
    for p in parsed.iter().filter(|p| p.kind == "SLO") {
        let mut doc_notes = Vec::new();
        match read_slo(&p.y, &slis, &mut doc_notes) {
            Ok(docs) => {
                let mut clash = false;
                for d in &docs {
                    if let Some(first) = slo_names.get(&d.spec.name) {
                        errors.push((
                            p.raw.index,
                            format!(
                                "{}: the SLO name '{}' is already used by document {first}; \
                                 names must be unique",
                                p.label, d.spec.name
                            ),
                        ));
                        clash = true;
                    }
                }
                if !clash {
                    for d in docs {
                        slo_names.insert(d.spec.name.clone(), p.raw.index);
                        slos.push(d);
                    }
                }
            }
            Err(e) => errors.push((p.raw.index, format!("{}: {e}", p.label))),
        }
        notes.extend(
            doc_notes
                .into_iter()
                .map(|n| (p.raw.index, format!("{}: {n}", p.label))),
        );
    }
    bundle.slos = slos;

    errors.sort_by_key(|(i, _)| *i);
    notes.sort_by_key(|(i, _)| *i);
    let mut errors: Vec<String> = errors.into_iter().map(|(_, e)| e).collect();
    let notes: Vec<String> = notes.into_iter().map(|(_, n)| n).collect();
    if !errors.is_empty() {
        let message = if errors.len() == 1 {
            errors.remove(0)
        } else {
            format!(
                "{} problems; nothing was imported:\n{}",
                errors.len(),
                errors.join("\n")
            )
        };
        return Err(Error::invalid("file", message));
    }
    Ok(OpenSloImport { bundle, notes })
}

/// "document 3 (slo 'checkout-latency')".
fn doc_label(index: usize, kind: &str, name: Option<&str>) -> String {
    let kind = match kind {
        "SLO" => "slo",
        "SLI" => "sli",
        "Service" => "service",
        other => other,
    };
    match name {
        Some(n) => format!("document {index} ({kind} '{n}')"),
        None => format!("document {index} ({kind})"),
    }
}

/// Notes every key of `map` not in `known`, as left out.
fn note_unknown(map: &Yaml, known: &[&str], path: &str, notes: &mut Vec<String>) {
    for k in map.str_keys() {
        if !known.contains(&k.as_str()) {
            let at = if path.is_empty() {
                k
            } else {
                format!("{path}.{k}")
            };
            notes.push(format!(
                "{at} is not used by Rapport and is left out on export"
            ));
        }
    }
}

fn opt_str(map: &Yaml, key: &str, path: &str) -> Found<Option<String>> {
    match map.get(key) {
        None => Ok(None),
        Some(Yaml::Str(s)) => Ok(Some(s.clone())),
        Some(other) => Err(format!("{path}.{key} must be text, not {}", other.shown())),
    }
}

fn opt_num(map: &Yaml, key: &str, path: &str) -> Found<Option<f64>> {
    match map.get(key) {
        None => Ok(None),
        Some(v) => v
            .as_f64()
            .map(Some)
            .ok_or_else(|| format!("{path}.{key} must be a number, not {}", v.shown())),
    }
}

fn check_description(d: &Option<String>, path: &str) -> Found<()> {
    if let Some(d) = d {
        let n = d.chars().count();
        if n > DESCRIPTION_MAX {
            return Err(format!(
                "{path} is {n} characters long; OpenSLO allows {DESCRIPTION_MAX}"
            ));
        }
    }
    Ok(())
}

fn check_label(name: &str, path: &str) -> Found<()> {
    if spec::is_label(name) {
        Ok(())
    } else {
        let hint = spec::slug(name, spec::NAME_MAX)
            .map(|s| format!(" (e.g. '{s}')"))
            .unwrap_or_default();
        Err(format!(
            "{path} '{name}' must be an RFC 1123 name: at most 63 lowercase letters, digits and \
             '-', starting and ending with a letter or digit{hint}"
        ))
    }
}

struct Meta {
    name: String,
    display_name: Option<String>,
    journey: Option<String>,
}

/// Reads `metadata`; the journey annotation only when `journey` is asked for.
fn read_metadata(y: &Yaml, journey: bool, notes: &mut Vec<String>) -> Found<Meta> {
    note_unknown(y, &["apiVersion", "kind", "metadata", "spec"], "", notes);
    let Some(meta @ Yaml::Map(_)) = y.get("metadata") else {
        return Err("metadata is required, with at least a name".to_owned());
    };
    note_unknown(
        meta,
        &["name", "displayName", "labels", "annotations"],
        "metadata",
        notes,
    );
    let name =
        opt_str(meta, "name", "metadata")?.ok_or_else(|| "metadata.name is required".to_owned())?;
    check_label(&name, "metadata.name")?;
    let display_name = opt_str(meta, "displayName", "metadata")?;
    if meta.get("labels").is_some() {
        notes.push("metadata.labels is not used by Rapport and is left out on export".to_owned());
    }
    let mut journey_text = None;
    if let Some(ann) = meta.get("annotations") {
        if !matches!(ann, Yaml::Map(_)) {
            return Err(format!(
                "metadata.annotations must be a mapping, not {}",
                ann.shown()
            ));
        }
        for key in ann.str_keys() {
            if journey && key == JOURNEY_ANNOTATION {
                journey_text = opt_str(ann, JOURNEY_ANNOTATION, "metadata.annotations")?
                    .filter(|j| !j.trim().is_empty());
            } else {
                notes.push(format!(
                    "metadata.annotations.{key} is not used by Rapport and is left out on export"
                ));
            }
        }
    }
    Ok(Meta {
        name,
        display_name,
        journey: journey_text,
    })
}

fn read_service(y: &Yaml, notes: &mut Vec<String>) -> Found<ServiceDoc> {
    let meta = read_metadata(y, false, notes)?;
    let description = match y.get("spec") {
        None => None,
        Some(spec @ Yaml::Map(_)) => {
            note_unknown(spec, &["description"], "spec", notes);
            opt_str(spec, "description", "spec")?
        }
        Some(other) => return Err(format!("spec must be a mapping, not {}", other.shown())),
    };
    check_description(&description, "spec.description")?;
    Ok(ServiceDoc {
        name: meta.name,
        display_name: meta.display_name,
        description,
    })
}

/// An SLI spec must say how to count: `ratioMetric` or `thresholdMetric`, not both.
fn check_metric(spec: &Yaml, path: &str) -> Found<()> {
    match (spec.get("ratioMetric"), spec.get("thresholdMetric")) {
        (Some(_), Some(_)) => Err(format!(
            "{path} has both ratioMetric and thresholdMetric; an SLI uses one"
        )),
        (None, None) => Err(format!(
            "{path} needs ratioMetric or thresholdMetric (the metric queries, which Rapport \
             keeps as text)"
        )),
        _ => Ok(()),
    }
}

fn read_sli(y: &Yaml, notes: &mut Vec<String>) -> Found<SliDoc> {
    let meta = read_metadata(y, false, notes)?;
    let Some(spec @ Yaml::Map(entries)) = y.get("spec") else {
        return Err("spec is required: an SLI needs ratioMetric or thresholdMetric".to_owned());
    };
    check_metric(spec, "spec")?;
    let description = opt_str(spec, "description", "spec")?;
    check_description(&description, "spec.description")?;
    let rest = Yaml::Map(
        entries
            .iter()
            .filter(|(k, _)| !matches!(k, Yaml::Str(s) if s == "description"))
            .cloned()
            .collect(),
    );
    Ok(SliDoc {
        name: meta.name,
        display_name: meta.display_name,
        description,
        spec_yaml: to_text(&rest).map_err(|e| format!("spec {e}"))?,
    })
}

/// The indicator (`metadata` + `spec`) an SLI document stands for, as an SLO embeds it.
fn sli_indicator(sli: &SliDoc) -> Found<Yaml> {
    let mut metadata = vec![("name", ystr(&sli.name))];
    if let Some(d) = &sli.display_name {
        metadata.push(("displayName", ystr(d)));
    }
    let mut spec = Vec::new();
    if let Some(d) = &sli.description {
        spec.push((ystr("description"), ystr(d)));
    }
    match parse_yaml(&sli.spec_yaml, 0) {
        Ok(Yaml::Map(entries)) => spec.extend(entries),
        Ok(Yaml::Null) => {}
        Ok(other) => return Err(format!("its spec is {}, not a mapping", other.shown())),
        Err(e) => return Err(format!("its spec is not valid YAML: {e}")),
    }
    Ok(ymap(vec![
        ("metadata", ymap(metadata)),
        ("spec", Yaml::Map(spec)),
    ]))
}

struct Indicator {
    name: String,
    by_ref: bool,
    yaml: String,
}

/// Reads `indicator` or `indicatorRef` from an SLO spec or an objective, if either is there.
fn read_indicator(
    map: &Yaml,
    path: &str,
    slis: &HashMap<&str, &SliDoc>,
) -> Found<Option<Indicator>> {
    match (map.get("indicator"), map.get("indicatorRef")) {
        (Some(_), Some(_)) => Err(format!(
            "{path} has both indicator and indicatorRef; use one"
        )),
        (Some(ind), None) => {
            let p = format!("{path}.indicator");
            let Yaml::Map(_) = ind else {
                return Err(format!("{p} must be a mapping with metadata and spec"));
            };
            let name = ind
                .get("metadata")
                .and_then(|m| m.get("name"))
                .ok_or_else(|| format!("{p}.metadata.name is required"))?
                .as_str()
                .ok_or_else(|| format!("{p}.metadata.name must be text"))?
                .to_owned();
            check_label(&name, &format!("{p}.metadata.name"))?;
            let Some(spec @ Yaml::Map(_)) = ind.get("spec") else {
                return Err(format!(
                    "{p}.spec is required: the indicator needs ratioMetric or thresholdMetric"
                ));
            };
            check_metric(spec, &format!("{p}.spec"))?;
            Ok(Some(Indicator {
                name,
                by_ref: false,
                yaml: to_text(ind).map_err(|e| format!("{p} {e}"))?,
            }))
        }
        (None, Some(r)) => {
            let p = format!("{path}.indicatorRef");
            let name = r
                .as_str()
                .ok_or_else(|| format!("{p} must be an SLI's name, not {}", r.shown()))?;
            let sli = slis
                .get(name)
                .ok_or_else(|| format!("{p} '{name}' matches no SLI document in this file"))?;
            let y = sli_indicator(sli).map_err(|e| format!("{p} '{name}': {e}"))?;
            Ok(Some(Indicator {
                name: name.to_owned(),
                by_ref: true,
                yaml: to_text(&y).map_err(|e| format!("{p} {e}"))?,
            }))
        }
        (None, None) => Ok(None),
    }
}

/// A duration shorthand ("28d", "1M"): a positive integer and one of m h d w M Q Y.
fn shorthand(text: &str) -> Option<(u64, char)> {
    let unit = text.chars().last()?;
    if !"mhdwMQY".contains(unit) {
        return None;
    }
    let digits = &text[..text.len() - unit.len_utf8()];
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let n: u64 = digits.parse().ok()?;
    (n > 0).then_some((n, unit))
}

fn read_time_window(spec: &Yaml, notes: &mut Vec<String>) -> Found<Window> {
    let items = match spec.get("timeWindow") {
        None => {
            notes.push(format!(
                "spec.timeWindow is missing; Rapport uses a rolling {DEFAULT_WINDOW_DAYS}d \
                 window"
            ));
            return Ok(Window::Rolling {
                days: DEFAULT_WINDOW_DAYS,
            });
        }
        Some(Yaml::Seq(items)) => items,
        Some(other) => {
            return Err(format!(
                "spec.timeWindow must be a list holding one window, not {}",
                other.shown()
            ))
        }
    };
    if items.len() != 1 {
        return Err(format!(
            "spec.timeWindow must hold exactly one window (it holds {})",
            items.len()
        ));
    }
    let p = "spec.timeWindow[0]";
    let item = &items[0];
    if !matches!(item, Yaml::Map(_)) {
        return Err(format!("{p} must be a mapping with duration and isRolling"));
    }
    note_unknown(item, &["duration", "isRolling", "calendar"], p, notes);
    let duration = opt_str(item, "duration", p)?
        .ok_or_else(|| format!("{p}.duration is required, e.g. 28d or 1M"))?;
    let (n, unit) = shorthand(&duration).ok_or_else(|| {
        format!("{p}.duration '{duration}' is not a duration such as 28d, 4w, 1M or 1Q")
    })?;
    let is_rolling = match item.get("isRolling") {
        None => None,
        Some(Yaml::Bool(b)) => Some(*b),
        Some(other) => {
            return Err(format!(
                "{p}.isRolling must be true or false, not {}",
                other.shown()
            ))
        }
    };
    let calendar = match (is_rolling, item.get("calendar")) {
        (Some(true), Some(_)) => {
            return Err(format!(
                "{p} has isRolling: true and a calendar; a window is one or the other"
            ))
        }
        (Some(false), None) => {
            return Err(format!(
                "{p}.calendar is required when isRolling is false (with startTime and timeZone)"
            ))
        }
        (_, calendar) => calendar,
    };
    let Some(cal) = calendar else {
        let days = match unit {
            'd' => Some(n),
            'w' => n.checked_mul(7),
            'h' if n % 24 == 0 => Some(n / 24),
            'm' if n % 1440 == 0 => Some(n / 1440),
            'M' | 'Q' | 'Y' => {
                return Err(format!(
                    "{p}.duration {duration}: a rolling window of months, quarters or years has \
                     no fixed length in Rapport; use days (e.g. 30d or 90d), or a calendar \
                     window"
                ))
            }
            _ => {
                return Err(format!(
                    "{p}.duration {duration}: rolling windows are whole days (e.g. 28d or 4w)"
                ))
            }
        };
        let days = days
            .and_then(|d| u32::try_from(d).ok())
            .filter(|d| (1..=spec::MAX_WINDOW_DAYS).contains(d))
            .ok_or_else(|| {
                format!(
                    "{p}.duration {duration}: a rolling window is 1 to {} days long",
                    spec::MAX_WINDOW_DAYS
                )
            })?;
        return Ok(Window::Rolling { days });
    };
    let unit = match (n, unit) {
        (1, 'M') => CalendarUnit::Month,
        (1, 'Q') => CalendarUnit::Quarter,
        _ => {
            return Err(format!(
                "{p}.duration {duration}: Rapport supports calendar windows of 1M (a month) or \
                 1Q (a quarter)"
            ))
        }
    };
    if !matches!(cal, Yaml::Map(_)) {
        return Err(format!(
            "{p}.calendar must be a mapping with startTime and timeZone"
        ));
    }
    let cp = format!("{p}.calendar");
    note_unknown(cal, &["startTime", "timeZone"], &cp, notes);
    let tz = opt_str(cal, "timeZone", &cp)?
        .ok_or_else(|| format!("{cp}.timeZone is required, e.g. America/New_York"))?;
    if spec::parse_time_zone(&tz).is_err() {
        return Err(format!(
            "{cp}.timeZone '{tz}' is not an IANA time zone (e.g. America/New_York, UTC)"
        ));
    }
    if let Some(start) = opt_str(cal, "startTime", &cp)? {
        let parsed = NaiveDateTime::parse_from_str(&start, "%Y-%m-%d %H:%M:%S")
            .or_else(|_| NaiveDateTime::parse_from_str(&start, "%Y-%m-%dT%H:%M:%S"))
            .map_err(|_| {
                format!(
                    "{cp}.startTime '{start}' is not a date and time such as 2024-01-01 00:00:00"
                )
            })?;
        let (what, aligned_month) = match unit {
            CalendarUnit::Month => ("month", true),
            CalendarUnit::Quarter => ("quarter", parsed.month0() % 3 == 0),
        };
        let aligned = aligned_month
            && parsed.day() == 1
            && parsed.hour() == 0
            && parsed.minute() == 0
            && parsed.second() == 0;
        if !aligned {
            notes.push(format!(
                "{cp}.startTime {start} is not the start of a {what}; Rapport's windows start at \
                 local midnight on the first day of each {what}"
            ));
        }
    }
    Ok(Window::Calendar {
        unit,
        time_zone: tz.trim().to_owned(),
    })
}

#[derive(Clone, Copy, PartialEq)]
enum Method {
    Occurrences,
    Timeslices,
}

fn read_method(spec: &Yaml) -> Found<Method> {
    let m = opt_str(spec, "budgetingMethod", "spec")?
        .ok_or_else(|| "spec.budgetingMethod is required: Occurrences or Timeslices".to_owned())?;
    match m.to_ascii_lowercase().as_str() {
        "occurrences" => Ok(Method::Occurrences),
        "timeslices" => Ok(Method::Timeslices),
        "ratiotimeslices" => Err(
            "spec.budgetingMethod RatioTimeslices (the average of each slice's ratio) is not \
             supported; change it to Timeslices with a timeSliceTarget, or to Occurrences"
                .to_owned(),
        ),
        _ => Err(format!(
            "spec.budgetingMethod '{m}' is not Occurrences or Timeslices"
        )),
    }
}

/// Minutes of a `timeSliceWindow`: a number of minutes, or a shorthand in m, h or d.
fn read_slice_minutes(v: &Yaml, path: &str) -> Found<u32> {
    let bad = || {
        format!(
            "{path} {} is not a slice length Rapport supports: 1 minute to 1 day, e.g. 1m or 5m",
            v.shown()
        )
    };
    let minutes = match v {
        Yaml::Str(s) => match shorthand(s) {
            Some((n, 'm')) => Some(n),
            Some((n, 'h')) => n.checked_mul(60),
            Some((n, 'd')) => n.checked_mul(1440),
            _ => None,
        },
        other => other
            .as_f64()
            .filter(|f| f.fract() == 0.0 && *f > 0.0 && *f <= 1e9)
            .map(|f| f as u64),
    };
    minutes
        .and_then(|m| u32::try_from(m).ok())
        .filter(|m| (1..=spec::MAX_SLICE_MINUTES).contains(m))
        .ok_or_else(bad)
}

/// What objective `i` of `n` is called: see the module doc.
fn objective_suffixes(name: &str, objectives: &[Yaml]) -> Vec<String> {
    let room = spec::NAME_MAX.saturating_sub(name.len() + 1);
    let slugs: Vec<Option<String>> = objectives
        .iter()
        .map(|o| {
            o.get("displayName")
                .and_then(Yaml::as_str)
                .and_then(|d| spec::slug(d, spec::NAME_MAX))
                .filter(|s| s.len() <= room)
        })
        .collect();
    let distinct: HashSet<&Option<String>> = slugs.iter().collect();
    if slugs.iter().all(Option::is_some) && distinct.len() == slugs.len() {
        slugs.into_iter().flatten().collect()
    } else {
        (1..=objectives.len()).map(|i| i.to_string()).collect()
    }
}

/// The journey when no annotation gives it: the description, else the display name, else
/// the name.
fn default_journey(
    description: &Option<String>,
    display_name: &Option<String>,
    name: &str,
) -> String {
    [description, display_name]
        .into_iter()
        .flatten()
        .find(|t| !t.trim().is_empty())
        .cloned()
        .unwrap_or_else(|| name.to_owned())
}

const SLO_SPEC_KEYS: &[&str] = &[
    "description",
    "service",
    "indicator",
    "indicatorRef",
    "timeWindow",
    "budgetingMethod",
    "objectives",
    "alertPolicies",
];

const OBJECTIVE_KEYS: &[&str] = &[
    "displayName",
    "op",
    "value",
    "target",
    "targetPercent",
    "timeSliceTarget",
    "timeSliceWindow",
    "indicator",
    "indicatorRef",
    "compositeWeight",
];

fn read_slo(
    y: &Yaml,
    slis: &HashMap<&str, &SliDoc>,
    notes: &mut Vec<String>,
) -> Found<Vec<SloDoc>> {
    let meta = read_metadata(y, true, notes)?;
    let Some(spec @ Yaml::Map(_)) = y.get("spec") else {
        return Err("spec is required".to_owned());
    };
    note_unknown(spec, SLO_SPEC_KEYS, "spec", notes);
    let description = opt_str(spec, "description", "spec")?;
    check_description(&description, "spec.description")?;
    let service = opt_str(spec, "service", "spec")?;
    let slo_indicator = read_indicator(spec, "spec", slis)?;
    let window = read_time_window(spec, notes)?;
    let method = read_method(spec)?;
    let objectives =
        match spec.get("objectives") {
            Some(Yaml::Seq(v)) if !v.is_empty() => v,
            _ => return Err(
                "spec.objectives is required: a list with at least one objective and its target"
                    .to_owned(),
            ),
        };
    let alert_policies_yaml = match spec.get("alertPolicies") {
        None => None,
        Some(Yaml::Seq(v)) if v.is_empty() => None,
        Some(v) => Some(to_text(v).map_err(|e| format!("spec.alertPolicies {e}"))?),
    };
    let suffixes = objective_suffixes(&meta.name, objectives);
    let many = objectives.len() > 1;
    let mut out = Vec::new();
    for (i, obj) in objectives.iter().enumerate() {
        let path = format!("spec.objectives[{i}]");
        if !matches!(obj, Yaml::Map(_)) {
            return Err(format!("{path} must be a mapping with a target"));
        }
        note_unknown(obj, OBJECTIVE_KEYS, &path, notes);
        if obj.get("compositeWeight").is_some() {
            notes.push(format!(
                "{path}.compositeWeight is not used (each objective is its own SLO in Rapport) \
                 and is left out on export"
            ));
        }
        let objective_display_name = opt_str(obj, "displayName", &path)?;
        let op = opt_str(obj, "op", &path)?;
        if let Some(o) = &op {
            if !["lte", "gte", "lt", "gt"].contains(&o.as_str()) {
                return Err(format!(
                    "{path}.op must be one of lte, gte, lt, gt, not '{o}'"
                ));
            }
        }
        let value = opt_num(obj, "value", &path)?;
        let target = match (
            opt_num(obj, "target", &path)?,
            opt_num(obj, "targetPercent", &path)?,
        ) {
            (Some(_), Some(_)) => {
                return Err(format!("{path} has both target and targetPercent; use one"))
            }
            (Some(t), None) => {
                if !(t > 0.0 && t < 1.0) {
                    return Err(format!(
                        "{path}.target must be between 0 and 1, e.g. 0.999 for 99.9% (it is {t}); \
                         percents go in targetPercent"
                    ));
                }
                t
            }
            (None, Some(p)) => {
                if !(p > 0.0 && p < 100.0) {
                    return Err(format!(
                        "{path}.targetPercent must be between 0 and 100, e.g. 99.9 (it is {p})"
                    ));
                }
                tidy(p / 100.0)
            }
            (None, None) => {
                return Err(format!(
                    "{path} needs a target (e.g. 0.999) or a targetPercent (e.g. 99.9)"
                ))
            }
        };
        let budgeting = match method {
            Method::Occurrences => {
                for k in ["timeSliceTarget", "timeSliceWindow"] {
                    if obj.get(k).is_some() {
                        notes.push(format!(
                            "{path}.{k} does not apply to Occurrences and is left out on export"
                        ));
                    }
                }
                BudgetingMethod::Occurrences
            }
            Method::Timeslices => {
                let slice_target = opt_num(obj, "timeSliceTarget", &path)?.ok_or_else(|| {
                    format!(
                        "{path}.timeSliceTarget is required with Timeslices: the share of good \
                         events that makes a slice good, e.g. 0.95"
                    )
                })?;
                if !(slice_target > 0.0 && slice_target <= 1.0) {
                    return Err(format!(
                        "{path}.timeSliceTarget must be above 0 and at most 1, e.g. 0.95 (it is \
                         {slice_target})"
                    ));
                }
                let window = obj.get("timeSliceWindow").ok_or_else(|| {
                    format!("{path}.timeSliceWindow is required with Timeslices, e.g. 1m or 5m")
                })?;
                BudgetingMethod::Timeslices {
                    slice_minutes: read_slice_minutes(window, &format!("{path}.timeSliceWindow"))?,
                    slice_target,
                }
            }
        };
        let indicator = match read_indicator(obj, &path, slis)? {
            Some(ind) => ind,
            None => match &slo_indicator {
                Some(ind) => Indicator {
                    name: ind.name.clone(),
                    by_ref: ind.by_ref,
                    yaml: ind.yaml.clone(),
                },
                None => {
                    return Err(
                        "spec.indicator or spec.indicatorRef is required: the SLI this SLO \
                         measures"
                            .to_owned(),
                    )
                }
            },
        };
        let name = if many {
            format!("{}-{}", meta.name, suffixes[i])
        } else {
            meta.name.clone()
        };
        if !spec::is_label(&name) {
            return Err(format!(
                "metadata.name '{}' is too long to name its {} objectives ('{name}' has more \
                 than 63 characters); shorten it",
                meta.name,
                objectives.len()
            ));
        }
        let journey = meta
            .journey
            .clone()
            .unwrap_or_else(|| default_journey(&description, &meta.display_name, &meta.name));
        let slo = SloSpec {
            name,
            journey,
            target,
            window: window.clone(),
            method: budgeting,
        };
        slo.validate().map_err(|e| {
            let field = e.field().unwrap_or("").to_owned();
            let at = match field.as_str() {
                "name" => "metadata.name".to_owned(),
                "journey" if meta.journey.is_some() => {
                    format!("metadata.annotations.{JOURNEY_ANNOTATION}")
                }
                "journey" => "spec.description".to_owned(),
                "target" => format!("{path}.target"),
                "window" => "spec.timeWindow[0].duration".to_owned(),
                "time_zone" => "spec.timeWindow[0].calendar.timeZone".to_owned(),
                "slice_minutes" => format!("{path}.timeSliceWindow"),
                "slice_target" => format!("{path}.timeSliceTarget"),
                other => other.to_owned(),
            };
            format!("{at}: {e}")
        })?;
        out.push(SloDoc {
            spec: slo,
            display_name: meta.display_name.clone(),
            description: description.clone(),
            service: service.clone(),
            indicator_name: indicator.name,
            indicator_ref: indicator.by_ref,
            indicator_yaml: indicator.yaml,
            objective_display_name,
            op,
            value,
            alert_policies_yaml: alert_policies_yaml.clone(),
        });
    }
    Ok(out)
}

// ---------------------------------------------------------------------------------------
// Export.

/// Writes a bundle as an OpenSLO v1 stream: Services, then SLIs, then SLOs (one objective
/// each), then the kept documents as they came, separated by `---`. Refuses (naming
/// `services`, `slis`, `slos` or `kept`) what would not import back: an invalid SLO, an
/// `indicatorRef` to an SLI not in the bundle, stored YAML that does not parse.
pub fn export(bundle: &OpenSloBundle) -> Result<String> {
    let mut parts: Vec<String> = Vec::new();
    let write = |y: &Yaml, field: &str, what: &str| {
        to_text(y).map_err(|e| Error::invalid(field, format!("{what} {e}")))
    };
    for s in &bundle.services {
        spec::validate_name(&s.name)
            .map_err(|e| Error::invalid("services", format!("Service '{}': {e}", s.name)))?;
        let mut metadata = vec![("name", ystr(&s.name))];
        if let Some(d) = &s.display_name {
            metadata.push(("displayName", ystr(d)));
        }
        let mut doc = vec![
            ("apiVersion", ystr(API_VERSION)),
            ("kind", ystr("Service")),
            ("metadata", ymap(metadata)),
        ];
        if let Some(d) = &s.description {
            doc.push(("spec", ymap(vec![("description", ystr(d))])));
        }
        parts.push(write(
            &ymap(doc),
            "services",
            &format!("Service '{}'", s.name),
        )?);
    }
    let mut slis: HashSet<&str> = HashSet::new();
    for s in &bundle.slis {
        let what = format!("SLI '{}'", s.name);
        spec::validate_name(&s.name).map_err(|e| Error::invalid("slis", format!("{what}: {e}")))?;
        let indicator =
            sli_indicator(s).map_err(|e| Error::invalid("slis", format!("{what}: {e}")))?;
        let mut doc = vec![
            (ystr("apiVersion"), ystr(API_VERSION)),
            (ystr("kind"), ystr("SLI")),
        ];
        if let Yaml::Map(entries) = indicator {
            doc.extend(entries);
        }
        parts.push(write(&Yaml::Map(doc), "slis", &what)?);
        slis.insert(s.name.as_str());
    }
    for d in &bundle.slos {
        let what = format!("SLO '{}'", d.spec.name);
        let fail = |m: String| Error::invalid("slos", format!("{what}: {m}"));
        d.spec.validate().map_err(|e| fail(e.to_string()))?;
        parts.push(write(&slo_yaml(d, &slis).map_err(fail)?, "slos", &what)?);
    }
    for k in &bundle.kept {
        let mut text = k.yaml.clone();
        if !text.ends_with('\n') {
            text.push('\n');
        }
        parts.push(text);
    }
    Ok(parts.join("---\n"))
}

/// The indicator of an SLO made in Rapport, whose readings are entered by hand: a ratio
/// metric whose sources say so, in the canonical text every stored indicator has, so it
/// exports as a valid OpenSLO indicator and reads back unchanged.
pub fn manual_indicator(name: &str) -> String {
    let source = || {
        ymap(vec![(
            "metricSource",
            ymap(vec![
                ("type", ystr("manual")),
                (
                    "spec",
                    ymap(vec![("note", ystr("counts entered in Rapport by hand"))]),
                ),
            ]),
        )])
    };
    let y = ymap(vec![
        ("metadata", ymap(vec![("name", ystr(name))])),
        (
            "spec",
            ymap(vec![(
                "ratioMetric",
                ymap(vec![
                    ("counter", Yaml::Bool(true)),
                    ("good", source()),
                    ("total", source()),
                ]),
            )]),
        ),
    ]);
    to_text(&y).unwrap_or_default()
}

fn slo_yaml(d: &SloDoc, slis: &HashSet<&str>) -> Found<Yaml> {
    let s = &d.spec;
    let mut metadata = vec![("name", ystr(&s.name))];
    if let Some(n) = &d.display_name {
        metadata.push(("displayName", ystr(n)));
    }
    if s.journey != default_journey(&d.description, &d.display_name, &s.name) {
        metadata.push((
            "annotations",
            ymap(vec![(JOURNEY_ANNOTATION, ystr(&s.journey))]),
        ));
    }
    let mut spec = Vec::new();
    if let Some(x) = &d.description {
        spec.push(("description", ystr(x)));
    }
    if let Some(x) = &d.service {
        spec.push(("service", ystr(x)));
    }
    if d.indicator_ref {
        if !slis.contains(d.indicator_name.as_str()) {
            return Err(format!(
                "it refers to SLI '{}', which is not among the SLIs exported",
                d.indicator_name
            ));
        }
        spec.push(("indicatorRef", ystr(&d.indicator_name)));
    } else {
        let ind = match parse_yaml(&d.indicator_yaml, 0) {
            Ok(y @ Yaml::Map(_)) => y,
            Ok(other) => return Err(format!("its indicator is {}, not a mapping", other.shown())),
            Err(e) => return Err(format!("its indicator is not valid YAML: {e}")),
        };
        spec.push(("indicator", ind));
    }
    let window = match &s.window {
        Window::Rolling { days } => ymap(vec![
            ("duration", ystr(&format!("{days}d"))),
            ("isRolling", Yaml::Bool(true)),
        ]),
        Window::Calendar { unit, time_zone } => ymap(vec![
            (
                "duration",
                ystr(match unit {
                    CalendarUnit::Month => "1M",
                    CalendarUnit::Quarter => "1Q",
                }),
            ),
            (
                "calendar",
                ymap(vec![
                    ("startTime", ystr(CALENDAR_START)),
                    ("timeZone", ystr(time_zone)),
                ]),
            ),
            ("isRolling", Yaml::Bool(false)),
        ]),
    };
    spec.push(("timeWindow", Yaml::Seq(vec![window])));
    let mut objective = Vec::new();
    if let Some(n) = &d.objective_display_name {
        objective.push(("displayName", ystr(n)));
    }
    if let Some(op) = &d.op {
        objective.push(("op", ystr(op)));
    }
    if let Some(v) = d.value {
        // Whole numbers are written as integers ("500", not "500.0"), as people write them.
        let whole = v.fract() == 0.0 && v.abs() < 9.0e15;
        objective.push((
            "value",
            if whole {
                Yaml::Int(v as i64)
            } else {
                Yaml::Float(v)
            },
        ));
    }
    objective.push(("target", Yaml::Float(s.target)));
    match &s.method {
        BudgetingMethod::Occurrences => spec.push(("budgetingMethod", ystr("Occurrences"))),
        BudgetingMethod::Timeslices {
            slice_minutes,
            slice_target,
        } => {
            spec.push(("budgetingMethod", ystr("Timeslices")));
            objective.push(("timeSliceTarget", Yaml::Float(*slice_target)));
            objective.push(("timeSliceWindow", ystr(&format!("{slice_minutes}m"))));
        }
    }
    spec.push(("objectives", Yaml::Seq(vec![ymap(objective)])));
    if let Some(text) = &d.alert_policies_yaml {
        match parse_yaml(text, 0) {
            Ok(y) => spec.push(("alertPolicies", y)),
            Err(e) => return Err(format!("its alertPolicies are not valid YAML: {e}")),
        }
    }
    Ok(ymap(vec![
        ("apiVersion", ystr(API_VERSION)),
        ("kind", ystr("SLO")),
        ("metadata", ymap(metadata)),
        ("spec", ymap(spec)),
    ]))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A realistic stream written after the OpenSLO v1 README's examples.
    const SHOP: &str = r#"# The web shop's SLOs, as the platform team keeps them.
apiVersion: openslo/v1
kind: Service
metadata:
  name: web-shop
  displayName: Web shop
spec:
  description: The customer-facing shop
---
apiVersion: openslo/v1
kind: DataSource
metadata:
  name: prometheus-datasource
  displayName: Prometheus
spec:
  type: Prometheus
  connectionDetails:
    url: http://prometheus.internal:9090   # reached from the office only
---
apiVersion: openslo/v1
kind: SLI
metadata:
  name: checkout-success
  displayName: Checkout requests that succeed
spec:
  description: Non-5xx responses to POST /checkout
  ratioMetric:
    counter: true
    good:
      metricSource:
        metricSourceRef: prometheus-datasource
        type: Prometheus
        spec:
          query: sum(rate(http_requests_total{route="/checkout",code!~"5.."}[5m]))
    total:
      metricSource:
        metricSourceRef: prometheus-datasource
        type: Prometheus
        spec:
          query: sum(rate(http_requests_total{route="/checkout"}[5m]))
---
apiVersion: openslo/v1
kind: SLO
metadata:
  name: checkout-availability
  displayName: Checkout availability
  labels:
    team:
      - payments
spec:
  description: Customers can pay for their basket
  service: web-shop
  indicatorRef: checkout-success
  timeWindow:
    - duration: 4w
      isRolling: true
  budgetingMethod: Occurrences
  objectives:
    - displayName: Checkout succeeds
      targetPercent: 99.9
  alertPolicies:
    - alertPolicyRef: checkout-fast-burn
---
# SLO that measures the time of searching for an item in the shop.
apiVersion: openslo/v1
kind: SLO
metadata:
  name: search-slo
  displayName: Searching time
spec:
  description: Searches answer within 500 ms, however many run at once
  service: web-shop
  indicator:
    metadata:
      name: search-latency
      displayName: Latency of user searches
    spec:
      thresholdMetric:
        metricSource:
          type: Datadog
          spec:
            query: avg:trace.search.request.duration{env:prod}
  timeWindow:
    - duration: 2w
      isRolling: true
  budgetingMethod: Occurrences
  objectives:
    - displayName: Good experience
      op: lt
      value: 500
      target: 0.99
  alertPolicies:
---
apiVersion: openslo/v1
kind: SLO
metadata:
  name: web-availability
  displayName: Web availability
spec:
  service: web-shop
  indicator:
    metadata:
      name: web-up
    spec:
      ratioMetric:
        good:
          metricSource:
            type: Prometheus
            spec:
              query: sum(probe_success{job="shop"})
        total:
          metricSource:
            type: Prometheus
            spec:
              query: count(probe_success{job="shop"})
  timeWindow:
    - duration: 1M
      isRolling: false
      calendar:
        startTime: 2022-01-01 00:00:00
        timeZone: America/New_York
  budgetingMethod: Timeslices
  objectives:
    - displayName: Internal objective
      op: gt
      target: 0.995
      timeSliceTarget: 0.99
      timeSliceWindow: 1m
    - displayName: SLA
      target: 0.99
      timeSliceTarget: 0.99
      timeSliceWindow: 5
---
apiVersion: openslo/v1
kind: AlertPolicy
metadata:
  name: checkout-fast-burn
  displayName: Checkout fast burn
spec:
  description: Page the payments on-call when checkout burns its budget fast
  alertWhenBreaching: true
  alertWhenResolved: false
  conditions:
    - conditionRef: fast-burn
  notificationTargets:
    - targetRef: payments-pager
---
apiVersion: openslo/v1
kind: AlertCondition
metadata:
  name: fast-burn
spec:
  severity: page
  condition:
    kind: burnrate
    op: gte
    threshold: 14.4
    lookbackWindow: 1h
    alertAfter: 5m
---
apiVersion: openslo/v1
kind: AlertNotificationTarget
metadata:
  name: payments-pager
spec:
  description: The payments on-call rotation
  target: pagerduty
"#;

    fn msg(text: &str) -> String {
        let e = import(text).unwrap_err();
        assert_eq!(e.field(), Some("file"));
        e.to_string()
    }

    fn slo_doc(objectives: &str) -> String {
        format!(
            "apiVersion: openslo/v1\nkind: SLO\nmetadata:\n  name: checkout-latency\nspec:\n  \
             indicator:\n    metadata:\n      name: latency\n    spec:\n      thresholdMetric:\n        \
             metricSource:\n          type: Any\n  timeWindow:\n    - duration: 28d\n      \
             isRolling: true\n  budgetingMethod: Occurrences\n  objectives:\n{objectives}"
        )
    }

    #[test]
    fn imports_a_realistic_stream() {
        let got = import(SHOP).unwrap();
        let b = &got.bundle;
        assert_eq!(
            b.services,
            vec![ServiceDoc {
                name: "web-shop".into(),
                display_name: Some("Web shop".into()),
                description: Some("The customer-facing shop".into()),
            }]
        );
        assert_eq!(b.slis.len(), 1);
        let sli = &b.slis[0];
        assert_eq!(sli.name, "checkout-success");
        assert_eq!(
            sli.description.as_deref(),
            Some("Non-5xx responses to POST /checkout")
        );
        assert!(
            sli.spec_yaml
                .starts_with("ratioMetric:\n  counter: true\n  good:\n"),
            "{}",
            sli.spec_yaml
        );
        assert!(sli
            .spec_yaml
            .contains(r#"http_requests_total{route="/checkout",code!~"5.."}[5m]"#));

        let names: Vec<&str> = b.slos.iter().map(|s| s.spec.name.as_str()).collect();
        assert_eq!(
            names,
            vec![
                "checkout-availability",
                "search-slo",
                "web-availability-internal-objective",
                "web-availability-sla"
            ]
        );
        let checkout = &b.slos[0];
        assert_eq!(
            checkout.spec,
            SloSpec {
                name: "checkout-availability".into(),
                journey: "Customers can pay for their basket".into(),
                target: 0.999,
                window: Window::Rolling { days: 28 },
                method: BudgetingMethod::Occurrences,
            }
        );
        assert_eq!(checkout.service.as_deref(), Some("web-shop"));
        assert_eq!(
            checkout.display_name.as_deref(),
            Some("Checkout availability")
        );
        assert_eq!(
            checkout.objective_display_name.as_deref(),
            Some("Checkout succeeds")
        );
        assert!(checkout.indicator_ref);
        assert_eq!(checkout.indicator_name, "checkout-success");
        assert!(checkout.indicator_yaml.starts_with(
            "metadata:\n  name: checkout-success\n  displayName: Checkout requests that succeed\n\
             spec:\n  description: Non-5xx responses to POST /checkout\n  ratioMetric:\n"
        ), "{}", checkout.indicator_yaml);
        assert_eq!(
            checkout.alert_policies_yaml.as_deref(),
            Some("- alertPolicyRef: checkout-fast-burn\n")
        );

        let search = &b.slos[1];
        assert_eq!(search.spec.target, 0.99);
        assert_eq!(search.spec.window, Window::Rolling { days: 14 });
        assert_eq!(
            (search.op.as_deref(), search.value),
            (Some("lt"), Some(500.0))
        );
        assert!(!search.indicator_ref);
        assert_eq!(search.indicator_name, "search-latency");
        assert_eq!(
            search.indicator_yaml,
            "metadata:\n  name: search-latency\n  displayName: Latency of user searches\nspec:\n  \
             thresholdMetric:\n    metricSource:\n      type: Datadog\n      spec:\n        \
             query: avg:trace.search.request.duration{env:prod}\n"
        );
        assert_eq!(
            search.alert_policies_yaml, None,
            "an empty alertPolicies is none"
        );

        let internal = &b.slos[2];
        let sla = &b.slos[3];
        let month_ny = Window::Calendar {
            unit: CalendarUnit::Month,
            time_zone: "America/New_York".into(),
        };
        assert_eq!(internal.spec.window, month_ny);
        assert_eq!(internal.spec.target, 0.995);
        assert_eq!(
            internal.spec.method,
            BudgetingMethod::Timeslices {
                slice_minutes: 1,
                slice_target: 0.99
            }
        );
        assert_eq!(internal.op.as_deref(), Some("gt"));
        assert_eq!(
            internal.spec.journey, "Web availability",
            "no description: displayName"
        );
        assert_eq!(sla.spec.target, 0.99);
        assert_eq!(
            sla.spec.method,
            BudgetingMethod::Timeslices {
                slice_minutes: 5,
                slice_target: 0.99
            }
        );
        assert_eq!(sla.objective_display_name.as_deref(), Some("SLA"));
        assert_eq!(sla.indicator_name, "web-up");
        assert_eq!(sla.indicator_yaml, internal.indicator_yaml);

        let kept: Vec<(&str, Option<&str>)> = b
            .kept
            .iter()
            .map(|k| (k.kind.as_str(), k.name.as_deref()))
            .collect();
        assert_eq!(
            kept,
            vec![
                ("DataSource", Some("prometheus-datasource")),
                ("AlertPolicy", Some("checkout-fast-burn")),
                ("AlertCondition", Some("fast-burn")),
                ("AlertNotificationTarget", Some("payments-pager")),
            ]
        );
        assert!(
            b.kept[0]
                .yaml
                .contains("9090   # reached from the office only\n"),
            "verbatim"
        );
        assert!(b.kept[0]
            .yaml
            .starts_with("apiVersion: openslo/v1\nkind: DataSource\n"));
        assert_eq!(
            got.notes,
            vec![
                "document 2 (DataSource 'prometheus-datasource'): kept as written, not used by \
                 Rapport",
                "document 4 (slo 'checkout-availability'): metadata.labels is not used by Rapport \
                 and is left out on export",
                "document 7 (AlertPolicy 'checkout-fast-burn'): kept as written, not used by \
                 Rapport",
                "document 8 (AlertCondition 'fast-burn'): kept as written, not used by Rapport",
                "document 9 (AlertNotificationTarget 'payments-pager'): kept as written, not used \
                 by Rapport",
            ]
        );
    }

    #[test]
    fn round_trip() {
        let first = import(SHOP).unwrap().bundle;
        let text = export(&first).unwrap();
        let again = import(&text).unwrap();
        assert_eq!(again.bundle, first);
        assert_eq!(export(&again.bundle).unwrap(), text, "export is stable");
        // Only the kept documents are noted the second time: nothing else is left out.
        assert!(
            again
                .notes
                .iter()
                .all(|n| n.ends_with("kept as written, not used by Rapport")),
            "{:?}",
            again.notes
        );
        assert!(text.contains("indicatorRef: checkout-success\n"));
        assert!(text.contains("  name: web-availability-sla\n"));
        assert!(
            text.contains("    startTime: \"2024-01-01 00:00:00\"\n"),
            "{text}"
        );
        assert!(text.contains("    value: 500\n"), "{text}");
        assert!(
            text.starts_with("apiVersion: openslo/v1\nkind: Service\n"),
            "{text}"
        );
    }

    #[test]
    fn round_trip_of_a_built_bundle_with_a_journey() {
        let spec = SloSpec {
            name: "ci-results".into(),
            journey: "Engineers see their CI result within 10 minutes".into(),
            target: 0.98,
            window: Window::Calendar {
                unit: CalendarUnit::Quarter,
                time_zone: "Europe/Berlin".into(),
            },
            method: BudgetingMethod::Timeslices {
                slice_minutes: 1440,
                slice_target: 1.0,
            },
        };
        let b = OpenSloBundle {
            services: vec![ServiceDoc {
                name: "ci".into(),
                display_name: None,
                description: None,
            }],
            slis: vec![],
            slos: vec![SloDoc {
                spec,
                display_name: None,
                description: Some("CI: results".into()),
                service: Some("ci".into()),
                indicator_name: "ci-duration".into(),
                indicator_ref: false,
                indicator_yaml: "metadata:\n  name: ci-duration\nspec:\n  thresholdMetric:\n    \
                                 metricSource:\n      type: \"yes\"\n"
                    .into(),
                objective_display_name: None,
                op: None,
                value: None,
                alert_policies_yaml: None,
            }],
            kept: vec![],
        };
        let text = export(&b).unwrap();
        assert!(
            text.contains("rapport/journey: Engineers see their CI result within 10 minutes"),
            "{text}"
        );
        assert!(text.contains("duration: 1Q"));
        assert!(text.contains("timeSliceWindow: 1440m"));
        assert_eq!(import(&text).unwrap().bundle, b);
    }

    #[test]
    fn errors_name_the_document_and_the_field() {
        let text = format!(
            "apiVersion: openslo/v1\nkind: Service\nmetadata:\n  name: shop\n---\n{}",
            slo_doc("    - target: 99.9\n")
        );
        assert_eq!(
            msg(&text),
            "document 2 (slo 'checkout-latency'): spec.objectives[0].target must be between 0 \
             and 1, e.g. 0.999 for 99.9% (it is 99.9); percents go in targetPercent"
        );
        assert!(msg(&slo_doc("    - targetPercent: 100\n"))
            .contains("spec.objectives[0].targetPercent must be between 0 and 100"));
        assert!(
            msg(&slo_doc("    - target: 0.9\n      targetPercent: 90\n"))
                .contains("has both target and targetPercent")
        );
        assert!(msg(&slo_doc("    - displayName: x\n")).contains("needs a target"));
        assert!(msg(&slo_doc("    - target: \"0.99\"\n"))
            .contains("spec.objectives[0].target must be a number, not '0.99'"));
        assert!(msg(&slo_doc("    - target: 0.9\n      op: below\n"))
            .contains("spec.objectives[0].op must be one of lte, gte, lt, gt"));
        assert!(msg(&slo_doc("")).contains("spec.objectives is required"));
    }

    #[test]
    fn unresolved_indicator_ref() {
        let text = "apiVersion: openslo/v1\nkind: SLO\nmetadata:\n  name: checkout\nspec:\n  \
                    indicatorRef: checkout-succes\n  budgetingMethod: Occurrences\n  objectives:\n    \
                    - target: 0.99\n---\napiVersion: openslo/v1\nkind: SLI\nmetadata:\n  name: \
                    checkout-success\nspec:\n  ratioMetric:\n    counter: true\n";
        assert_eq!(
            msg(text),
            "document 1 (slo 'checkout'): spec.indicatorRef 'checkout-succes' matches no SLI \
             document in this file"
        );
        // Referring to an SLI written later in the stream works.
        let fixed = text.replace("checkout-succes\n", "checkout-success\n");
        let got = import(&fixed).unwrap();
        assert_eq!(got.bundle.slos[0].indicator_name, "checkout-success");
        assert_eq!(got.bundle.slos[0].spec.window, Window::Rolling { days: 28 });
        assert_eq!(
            got.notes,
            vec!["document 1 (slo 'checkout'): spec.timeWindow is missing; Rapport uses a rolling 28d window"]
        );
        let neither = text.replace("  indicatorRef: checkout-succes\n", "");
        assert!(msg(&neither).contains("spec.indicator or spec.indicatorRef is required"));
    }

    #[test]
    fn budgeting_methods() {
        let doc = |method: &str, objective: &str| {
            slo_doc(objective).replace(
                "budgetingMethod: Occurrences",
                &format!("budgetingMethod: {method}"),
            )
        };
        let e = msg(&doc(
            "RatioTimeslices",
            "    - target: 0.99\n      timeSliceWindow: 1m\n",
        ));
        assert_eq!(
            e,
            "document 1 (slo 'checkout-latency'): spec.budgetingMethod RatioTimeslices (the \
             average of each slice's ratio) is not supported; change it to Timeslices with a \
             timeSliceTarget, or to Occurrences"
        );
        assert!(msg(&doc(
            "Timeslices",
            "    - target: 0.99\n      timeSliceWindow: 1m\n"
        ))
        .contains("spec.objectives[0].timeSliceTarget is required with Timeslices"));
        assert!(msg(&doc(
            "Timeslices",
            "    - target: 0.99\n      timeSliceTarget: 0.9\n"
        ))
        .contains("spec.objectives[0].timeSliceWindow is required"));
        assert!(msg(&doc(
            "Timeslices",
            "    - target: 0.99\n      timeSliceTarget: 0.9\n      timeSliceWindow: 2d\n"
        ))
        .contains("spec.objectives[0].timeSliceWindow '2d' is not a slice length"));
        assert!(msg(&doc(
            "Timeslices",
            "    - target: 0.99\n      timeSliceTarget: 1.5\n      timeSliceWindow: 1m\n"
        ))
        .contains("timeSliceTarget must be above 0 and at most 1"));
        let ok = import(&doc(
            "Timeslices",
            "    - target: 0.99\n      timeSliceTarget: 1\n      timeSliceWindow: 1h\n",
        ))
        .unwrap();
        assert_eq!(
            ok.bundle.slos[0].spec.method,
            BudgetingMethod::Timeslices {
                slice_minutes: 60,
                slice_target: 1.0
            }
        );
        assert!(msg(&doc("Weekly", "    - target: 0.99\n"))
            .contains("'Weekly' is not Occurrences or Timeslices"));
        let occ = import(&slo_doc("    - target: 0.99\n      timeSliceWindow: 1m\n")).unwrap();
        assert_eq!(
            occ.notes,
            vec!["document 1 (slo 'checkout-latency'): spec.objectives[0].timeSliceWindow does not apply to Occurrences and is left out on export"]
        );
    }

    #[test]
    fn time_windows() {
        let window = |w: &str| {
            slo_doc("    - target: 0.99\n").replace(
                "  timeWindow:\n    - duration: 28d\n      isRolling: true\n",
                &format!("  timeWindow:\n{w}"),
            )
        };
        let read = |w: &str| import(&window(w)).map(|i| i.bundle.slos[0].spec.window.clone());
        assert_eq!(
            read("    - duration: 672h\n").unwrap(),
            Window::Rolling { days: 28 }
        );
        assert_eq!(
            read("    - duration: 30d\n").unwrap(),
            Window::Rolling { days: 30 }
        );
        assert_eq!(
            read("    - duration: 1Q\n      calendar:\n        timeZone: Europe/Berlin\n").unwrap(),
            Window::Calendar {
                unit: CalendarUnit::Quarter,
                time_zone: "Europe/Berlin".into()
            }
        );
        let err = |w: &str| msg(&window(w));
        assert!(err("    - duration: 1M\n      isRolling: true\n").contains(
            "spec.timeWindow[0].duration 1M: a rolling window of months, quarters or years has no fixed length"
        ));
        assert!(err(
            "    - duration: 1w\n      isRolling: false\n      calendar:\n        timeZone: UTC\n"
        )
        .contains("supports calendar windows of 1M (a month) or 1Q (a quarter)"));
        assert!(err(
            "    - duration: 1M\n      calendar:\n        startTime: 2024-01-01 00:00:00\n"
        )
        .contains("spec.timeWindow[0].calendar.timeZone is required"));
        assert!(
            err("    - duration: 1M\n      calendar:\n        timeZone: Mars/Base\n")
                .contains("calendar.timeZone 'Mars/Base' is not an IANA time zone")
        );
        assert!(err("    - duration: 1M\n      isRolling: false\n")
            .contains("calendar is required when isRolling is false"));
        assert!(err("    - duration: 12h\n").contains("rolling windows are whole days"));
        assert!(err("    - duration: 500d\n").contains("a rolling window is 1 to 400 days"));
        assert!(err("    - duration: soon\n").contains("'soon' is not a duration"));
        assert!(err("    - duration: 1d\n    - duration: 2d\n")
            .contains("exactly one window (it holds 2)"));
    }

    #[test]
    fn multiple_objectives_without_usable_names_are_numbered() {
        let got = import(&slo_doc("    - displayName: Fast\n      target: 0.9\n    - displayName: fast!\n      target: 0.99\n")).unwrap();
        let names: Vec<&str> = got
            .bundle
            .slos
            .iter()
            .map(|s| s.spec.name.as_str())
            .collect();
        assert_eq!(names, vec!["checkout-latency-1", "checkout-latency-2"]);
        let long = slo_doc("    - target: 0.9\n    - target: 0.99\n").replace(
            "name: checkout-latency",
            &format!("name: {}", "a".repeat(62)),
        );
        assert!(msg(&long).contains("is too long to name its 2 objectives"));
    }

    #[test]
    fn composite_objectives_use_their_own_indicator() {
        let text = format!(
            "{}---\napiVersion: openslo/v1\nkind: SLI\nmetadata:\n  name: errors\nspec:\n  \
             ratioMetric:\n    counter: true\n",
            slo_doc(
                "    - displayName: Latency\n      target: 0.99\n    - displayName: Errors\n      \
                 target: 0.999\n      indicatorRef: errors\n      compositeWeight: 2\n"
            )
        );
        let got = import(&text).unwrap();
        let slos = &got.bundle.slos;
        assert_eq!(slos[0].spec.name, "checkout-latency-latency");
        assert_eq!(
            (slos[0].indicator_name.as_str(), slos[0].indicator_ref),
            ("latency", false)
        );
        assert_eq!(slos[1].spec.name, "checkout-latency-errors");
        assert_eq!(
            (slos[1].indicator_name.as_str(), slos[1].indicator_ref),
            ("errors", true)
        );
        assert_eq!(slos[1].spec.target, 0.999);
        assert_eq!(
            got.notes,
            vec![
                "document 1 (slo 'checkout-latency'): spec.objectives[1].compositeWeight is not \
                 used (each objective is its own SLO in Rapport) and is left out on export"
            ]
        );
        assert_eq!(
            import(&export(&got.bundle).unwrap()).unwrap().bundle,
            got.bundle
        );
    }

    #[test]
    fn names_and_duplicates() {
        assert!(msg(&slo_doc("    - target: 0.99\n")
            .replace("name: checkout-latency", "name: Checkout Latency"))
        .contains("metadata.name 'Checkout Latency' must be an RFC 1123 name"));
        let two = format!(
            "{}---\n{}",
            slo_doc("    - target: 0.99\n"),
            slo_doc("    - target: 0.9\n")
        );
        assert_eq!(
            msg(&two),
            "document 2 (slo 'checkout-latency'): the SLO name 'checkout-latency' is already used \
             by document 1; names must be unique"
        );
    }

    #[test]
    fn every_problem_is_listed_with_file_lines() {
        let text = format!(
            "apiVersion: openslo/v1\nkind: Service\nmetadata:\n  name: a\n---\nkind: [oops\n---\n{}---\n\
             apiVersion: openslo/v1alpha\nkind: SLO\nmetadata:\n  name: old\n---\n- just\n- a list\n",
            slo_doc("    - target: 2\n")
        );
        let m = msg(&text);
        let lines: Vec<&str> = m.lines().collect();
        assert_eq!(lines[0], "4 problems; nothing was imported:");
        assert_eq!(
            lines[1],
            "document 2: not valid YAML: unclosed bracket '[' at line 6, column 7"
        );
        assert!(
            lines[2].starts_with("document 3 (slo 'checkout-latency'): spec.objectives[0].target")
        );
        assert_eq!(
            lines[3],
            "document 4 (slo 'old'): apiVersion must be openslo/v1 (found 'openslo/v1alpha'); \
             Rapport reads OpenSLO v1"
        );
        assert!(
            lines[4].starts_with("document 5: expected a mapping"),
            "{}",
            lines[4]
        );
        assert!(msg("# nothing here\n---\n\n").contains("holds no YAML documents"));
        assert!(msg("apiVersion: openslo/v1\nmetadata:\n  name: x\n")
            .contains("document 1: kind is missing"));
        assert!(msg(
            "kind: SLI\napiVersion: openslo/v1\nmetadata:\n  name: x\nspec:\n  description: d\n"
        )
        .contains("document 1 (sli 'x'): spec needs ratioMetric or thresholdMetric"));
        assert!(msg("a: 1\na: 2\n").contains("duplicate mapping key"));
    }

    #[test]
    fn splitting_keeps_documents_verbatim() {
        let text = "%YAML 1.2\n---\n# lead comment\nkind: Custom\nmetadata:\n  name: one\nspec:\n  \
                    text: |\n    ---not a marker\n    x\n...\n---   # trailing comment\nkind: Custom\n\
                    metadata: {name: two}\n\r\n";
        let got = import(&text.replace('\r', "")).unwrap();
        let kept = &got.bundle.kept;
        assert_eq!(kept.len(), 2);
        assert_eq!(
            kept[0].yaml,
            "# lead comment\nkind: Custom\nmetadata:\n  name: one\nspec:\n  text: |\n    ---not a marker\n    x\n"
        );
        assert_eq!(
            kept[1].yaml,
            "# trailing comment\nkind: Custom\nmetadata: {name: two}\n"
        );
        assert_eq!(kept[1].name.as_deref(), Some("two"));
        // CRLF files and a BOM read the same.
        let crlf = format!("\u{feff}{}", SHOP.replace('\n', "\r\n"));
        assert_eq!(import(&crlf).unwrap().bundle, import(SHOP).unwrap().bundle);
    }

    #[test]
    fn yaml_12_booleans_and_texts_survive() {
        let sli = "apiVersion: openslo/v1\nkind: SLI\nmetadata:\n  name: odd\nspec:\n  thresholdMetric:\n    \
                   metricSource:\n      spec:\n        n: 1\n        on: yes\n        mode: 0755\n        \
                   flag: true\n        ratio: 1.50\n        big: 12345678901234567890\n        neg: -3\n";
        let got = import(sli).unwrap();
        let y = &got.bundle.slis[0].spec_yaml;
        assert!(y.contains("\"n\": 1\n"), "{y}");
        assert!(y.contains("\"on\": \"yes\"\n"), "{y}");
        assert!(y.contains("mode: \"0755\"\n"), "{y}");
        assert!(y.contains("flag: true\n"), "{y}");
        assert!(y.contains("ratio: 1.5\n"), "{y}");
        let again = import(&export(&got.bundle).unwrap()).unwrap();
        assert_eq!(again.bundle, got.bundle);
    }

    #[test]
    fn export_refuses_what_would_not_import() {
        let mut b = import(SHOP).unwrap().bundle;
        b.slis.clear();
        let e = export(&b).unwrap_err();
        assert_eq!(e.field(), Some("slos"));
        assert_eq!(
            e.to_string(),
            "SLO 'checkout-availability': it refers to SLI 'checkout-success', which is not \
             among the SLIs exported"
        );
        let mut b = import(SHOP).unwrap().bundle;
        b.slos[1].spec.target = 1.0;
        assert_eq!(export(&b).unwrap_err().field(), Some("slos"));
        let mut b = import(SHOP).unwrap().bundle;
        b.slos[1].indicator_yaml = "[unclosed".into();
        assert!(export(&b)
            .unwrap_err()
            .to_string()
            .contains("its indicator is not valid YAML"));
    }
}
