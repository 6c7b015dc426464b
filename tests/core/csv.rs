//! CSV export and import: format, formula safety, validation, and a round-trip property test.

use std::collections::HashMap;

use rapport::csv::{self, neutralise, unneutralise, ExportOptions, ImportOptions, ListKind};
use rapport::db::Db;
use rapport::people::{self, PersonFilter, PersonInput, Role};
use rapport::questions::{self, QuestionFilter, QuestionInput};

fn export(db: &Db, kind: ListKind, bom: bool) -> String {
    let mut out = Vec::new();
    csv::export(db, kind, &mut out, ExportOptions { bom }, |_| {}).unwrap();
    String::from_utf8(out).unwrap()
}

fn person(name: &str) -> PersonInput {
    PersonInput {
        name: name.into(),
        team: String::new(),
        role: Role::Ic,
        contact: String::new(),
        core_user: false,
        notes: String::new(),
        duplicate_ok: None,
    }
}

fn opts(
    dry_run: bool,
    overrides: &HashMap<String, String>,
    roadmap: Option<&str>,
) -> ImportOptions {
    ImportOptions {
        overrides: overrides.clone(),
        dry_run,
        roadmap_id: roadmap.map(str::to_owned),
        slo_id: None,
        today: None,
        step_rows: None,
    }
}

fn try_import(
    db: &Db,
    kind: ListKind,
    text: &str,
    opts: &ImportOptions,
) -> rapport::Result<csv::ImportReport> {
    csv::import(db, kind, text.as_bytes(), opts, &mut |_| true)
}

fn import(db: &Db, kind: ListKind, text: &str, dry: bool) -> csv::ImportReport {
    try_import(db, kind, text, &opts(dry, &HashMap::new(), None)).unwrap()
}

#[test]
fn neutralising_formulas_is_reversible() {
    for v in [
        "=SUM(A1)", "+1", "-2", "@x", "\tx", "\rx", "'=x", "''+y", "'plain", "plain", "", "a=b",
        "'",
    ] {
        let n = neutralise(v);
        assert!(
            !n.starts_with(['=', '+', '-', '@', '\t', '\r']),
            "{v:?} -> {n:?}"
        );
        assert_eq!(unneutralise(&n), v, "{v:?}");
    }
}

#[test]
fn export_is_rfc4180_with_crlf_optional_bom_and_safe_cells() {
    let db = Db::open_in_memory().unwrap();
    let mut p = person("=HYPERLINK(\"http://evil\")");
    p.notes = "line one\nline \"two\", with comma".into();
    p.core_user = true;
    people::create(&db, &p).unwrap();
    let text = export(&db, ListKind::People, false);
    assert!(text.starts_with(
        "id,name,team,role,contact,core_user,notes,archived_at,created_at,updated_at\r\n"
    ));
    assert!(text.contains(",\"'=HYPERLINK(\"\"http://evil\"\")\",,ic,,true,\"line one\nline \"\"two\"\", with comma\","), "{text}");
    assert!(text.ends_with("\r\n"));
    assert!(export(&db, ListKind::People, true).starts_with('\u{FEFF}'));
}

#[test]
fn every_list_exports_with_its_documented_header() {
    let db = rapport::open_workspace(&tempfile::tempdir().unwrap().path().join("w.db")).unwrap();
    let docs =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/csv.md")).unwrap();
    for kind in ListKind::ALL {
        let text = export(&db, *kind, false);
        let header = text.lines().next().unwrap().trim_end_matches('\r');
        assert_eq!(header, kind.columns().join(","));
        assert!(
            docs.contains(&format!("`{header}`")),
            "docs/csv.md must list the {} columns",
            kind.as_str()
        );
    }
    let questions = export(&db, ListKind::Questions, false);
    assert_eq!(
        questions.matches("\r\n").count() as u64,
        1 + csv::count_rows(&db, ListKind::Questions).unwrap()
    );
}

#[test]
fn a_bad_file_changes_nothing_and_reports_row_and_column() {
    let db = Db::open_in_memory().unwrap();
    let text = "Name,Team,Role,Core user\r\nAna,SRE,ic,yes\r\n,SRE,ic,no\r\nBo,SRE,boss,no\r\nCy,SRE,lead,maybe\r\nDi,SRE\r\n";
    let r = import(&db, ListKind::People, text, false);
    assert!(!r.applied);
    assert_eq!(r.rows, 5);
    let errs: Vec<(u64, &str)> = r
        .errors
        .iter()
        .map(|e| (e.row, e.column.as_str()))
        .collect();
    assert_eq!(errs, [(3, "Name"), (4, "Role"), (5, "Core user"), (6, "")]);
    assert_eq!(
        r.errors[1].message,
        "“boss” is not one of ic, lead, manager or other"
    );
    assert!(
        people::list(&db, &PersonFilter::default())
            .unwrap()
            .items
            .is_empty(),
        "nothing written"
    );
}

#[test]
fn dry_run_previews_and_apply_writes_in_one_go() {
    let db = Db::open_in_memory().unwrap();
    let text = "\u{FEFF}full name,email,ignored\nAna,ana@x.io,1\nBo,bo@x.io,2\n";
    let dry = import(&db, ListKind::People, text, true);
    assert!(dry.errors.is_empty() && !dry.applied && dry.rows == 2);
    assert_eq!(dry.ignored_columns, ["ignored"]);
    assert_eq!(
        dry.mapping
            .iter()
            .map(|m| (m.field.as_str(), m.column.as_str()))
            .collect::<Vec<_>>(),
        [("name", "full name"), ("contact", "email")]
    );
    assert!(people::list(&db, &PersonFilter::default())
        .unwrap()
        .items
        .is_empty());
    let done = import(&db, ListKind::People, text, false);
    assert!(done.applied);
    assert_eq!(
        people::list(&db, &PersonFilter::default())
            .unwrap()
            .items
            .len(),
        2
    );
    // A missing required column is reported against the header row.
    let r = import(&db, ListKind::People, "team\nSRE\n", false);
    assert_eq!((r.errors[0].row, r.errors[0].column.as_str()), (1, "name"));
    // An explicit mapping rescues an unknown header.
    let overrides = HashMap::from([("name".to_owned(), "Engineer".to_owned())]);
    let r = try_import(
        &db,
        ListKind::People,
        "Engineer\nEve\n",
        &opts(false, &overrides, None),
    )
    .unwrap();
    assert!(r.applied);
    assert_eq!(
        try_import(&db, ListKind::Notes, "x\n", &opts(false, &overrides, None))
            .unwrap_err()
            .code(),
        "validation"
    );
}

/// A tiny deterministic generator (xorshift), so the property test needs no extra crate.
struct Gen(u64);
impl Gen {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn pick<'a>(&mut self, from: &[&'a str]) -> &'a str {
        from[(self.next() % from.len() as u64) as usize]
    }
    /// Text built from awkward pieces: quotes, commas, CR/LF, formulas, emoji, accents.
    fn text(&mut self, multiline: bool, max_pieces: u64) -> String {
        let pieces = [
            "a", "Zoë", "\"", "\"\"", ",", " , ", "=1+1", "+", "-", "@", "'", "'=", "😀", "日本",
            "Ça", "x y", ";", "\\", "#tag",
        ];
        let lines = ["\n", "\r\n"];
        let n = 1 + self.next() % max_pieces;
        let mut s = String::new();
        for _ in 0..n {
            if multiline && self.next().is_multiple_of(5) {
                s.push_str(self.pick(&lines));
            }
            s.push_str(self.pick(&pieces));
        }
        s
    }
}

/// What the core stores for free text: trimmed (and newlines normalised the way a CSV reader
/// hands them back, which is exactly).
fn clean(s: &str) -> String {
    s.trim().to_owned()
}

#[test]
fn property_export_then_import_reproduces_people_and_questions_exactly() {
    let mut g = Gen(0x9E37_79B9_7F4A_7C15);
    for case in 0..60u32 {
        let src = Db::open_in_memory().unwrap();
        for _ in 0..(1 + g.next() % 6) {
            let mut p = person(&clean(&g.text(false, 6)));
            if p.name.is_empty() {
                p.name = "x".into();
            }
            p.team = clean(&g.text(false, 3));
            p.contact = clean(&g.text(false, 3));
            p.notes = clean(&g.text(true, 10));
            p.role = Role::ALL[(g.next() % 4) as usize];
            p.core_user = g.next().is_multiple_of(2);
            people::create(&src, &p).unwrap();
            let q = QuestionInput {
                text: {
                    let t = clean(&g.text(true, 8));
                    if t.is_empty() {
                        "q".into()
                    } else {
                        t
                    }
                },
                topic: clean(&g.text(false, 2)).to_lowercase(),
                tags: vec![format!("t{}", g.next() % 5), "ops".into()],
                leading_version: if g.next().is_multiple_of(2) {
                    None
                } else {
                    Some(clean(&g.text(true, 5))).filter(|s| !s.is_empty())
                },
                rationale: clean(&g.text(true, 6)),
            };
            questions::create(&src, &q).unwrap();
        }
        let dst = Db::open_in_memory().unwrap();
        for kind in [ListKind::People, ListKind::Questions] {
            let text = export(&src, kind, case.is_multiple_of(2));
            let r = import(&dst, kind, &text, false);
            assert!(r.applied, "case {case} {kind:?}: {:?}\n{text}", r.errors);
        }
        let key = |p: &people::Person| {
            (
                p.name.clone(),
                p.team.clone(),
                p.role.as_str(),
                p.contact.clone(),
                p.core_user,
                p.notes.clone(),
            )
        };
        let mut a: Vec<_> = people::list(&src, &PersonFilter::default())
            .unwrap()
            .items
            .iter()
            .map(key)
            .collect();
        let mut b: Vec<_> = people::list(&dst, &PersonFilter::default())
            .unwrap()
            .items
            .iter()
            .map(key)
            .collect();
        a.sort();
        b.sort();
        assert_eq!(a, b, "case {case}");
        let qkey = |q: &questions::Question| {
            (
                q.text.clone(),
                q.topic.clone(),
                q.tags.clone(),
                q.leading_version.clone(),
                q.rationale.clone(),
            )
        };
        let mut a: Vec<_> = questions::list(&src, &QuestionFilter::default())
            .unwrap()
            .items
            .iter()
            .map(qkey)
            .collect();
        let mut b: Vec<_> = questions::list(&dst, &QuestionFilter::default())
            .unwrap()
            .items
            .iter()
            .map(qkey)
            .collect();
        a.sort();
        b.sort();
        assert_eq!(a, b, "case {case}");
    }
}

#[test]
fn roadmap_rows_round_trip_into_another_interval() {
    let db = Db::open_in_memory().unwrap();
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    let sample = rapport::sample::load(&db, today).unwrap();
    let text = export(&db, ListKind::RoadmapRows, false);
    assert_eq!(
        text.matches("\r\n").count(),
        1 + 8,
        "header + one line per deliverable"
    );
    let target = rapport::roadmaps::create(
        &db,
        &rapport::roadmaps::RoadmapInput {
            title: "Copy".into(),
            starts_on: "2026-11-09".into(),
            ends_on: String::new(),
            cadence: rapport::roadmaps::Cadence::Weekly,
        },
    )
    .unwrap();
    let none = try_import(
        &db,
        ListKind::RoadmapRows,
        &text,
        &opts(false, &HashMap::new(), None),
    )
    .unwrap_err();
    assert_eq!(none.code(), "validation", "a roadmap must be chosen");
    let into = opts(false, &HashMap::new(), Some(&target.id));
    let r = try_import(&db, ListKind::RoadmapRows, &text, &into).unwrap();
    assert!(r.applied, "{:?}", r.errors);
    // Each row and its deliverables, as comparable text.
    let shape = |id: &str| -> Vec<String> {
        let r = rapport::roadmaps::get(&db, id).unwrap();
        r.rows
            .iter()
            .map(|w| {
                let ds: Vec<String> = w
                    .deliverables
                    .iter()
                    .map(|d| {
                        format!(
                            "{}/{}/{:?}/{}",
                            d.title,
                            d.owner,
                            d.due_on,
                            d.status.as_str()
                        )
                    })
                    .collect();
                format!(
                    "{}|{}|{}|{}|{}|{}",
                    w.project,
                    w.stakeholders,
                    w.goal_what,
                    w.goal_why,
                    w.priority.as_str(),
                    ds.join(";")
                )
            })
            .collect()
    };
    assert_eq!(shape(&target.id), shape(&sample));
    // A bad line stops the whole file.
    let bad = "project,goal_what,goal_why,deliverable,due_on\r\nX,Faster CI,so people ship,Do it,someday\r\n";
    let r = try_import(&db, ListKind::RoadmapRows, bad, &into).unwrap();
    assert_eq!(
        (r.applied, r.errors[0].row, r.errors[0].column.as_str()),
        (false, 2, "due_on")
    );
    assert_eq!(
        rapport::roadmaps::get(&db, &target.id).unwrap().rows.len(),
        3
    );
}

/// Converts `src` with headless LibreOffice (`soffice --convert-to`), as a user's "open in
/// LibreOffice Calc, save as CSV" does, into `out_dir`; returns the new file.
fn soffice_convert(
    profile: &std::path::Path,
    src: &std::path::Path,
    filter: &str,
    infilter: Option<&str>,
    out_dir: &std::path::Path,
) -> std::path::PathBuf {
    let mut cmd = std::process::Command::new("soffice");
    cmd.arg(format!(
        "-env:UserInstallation=file://{}",
        profile.display()
    ))
    .args(["--headless", "--norestore"]);
    if let Some(f) = infilter {
        cmd.arg(format!("--infilter={f}"));
    }
    let out = cmd
        .args(["--convert-to", filter, "--outdir"])
        .arg(out_dir)
        .arg(src)
        .output()
        .expect("soffice runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let ext = filter.split(':').next().unwrap();
    let made = out_dir.join(src.with_extension(ext).file_name().unwrap());
    assert!(made.exists(), "soffice wrote no {}", made.display());
    made
}

#[test]
fn an_export_edited_in_libreoffice_imports_as_updates_in_place() {
    if std::process::Command::new("soffice")
        .arg("--version")
        .output()
        .is_err()
    {
        crate::common::external_missing("LibreOffice (soffice)");
        return;
    }
    let db = Db::open_in_memory().unwrap();
    let mut zoe = person("Zoë Ñúñez");
    zoe.team = "Payments".into();
    zoe.notes = "line one\nline \"two\", with comma".into();
    zoe.core_user = true;
    let zoe = people::create(&db, &zoe).unwrap();
    let formula = people::create(&db, &person("=HYPERLINK(\"http://evil\")")).unwrap();
    let gone = people::create(&db, &person("Archie Ved")).unwrap();
    people::set_archived(&db, &gone.id, true).unwrap();
    let before = people::list(&db, &PersonFilter::default()).unwrap().items;

    // Export, then a user's edit: Zoë moves team.
    let dir = tempfile::tempdir().unwrap();
    let exported = export(&db, ListKind::People, true);
    assert_eq!(exported.matches(",Payments,").count(), 1);
    let edited = dir.path().join("people.csv");
    std::fs::write(&edited, exported.replace(",Payments,", ",Checkout,")).unwrap();
    // Through LibreOffice and back: CSV (UTF-8, comma) → its own format → CSV.
    let profile = dir.path().join("lo-profile");
    let ods = soffice_convert(
        &profile,
        &edited,
        "ods",
        Some("CSV:44,34,76,1"),
        &dir.path().join("ods"),
    );
    let saved = soffice_convert(
        &profile,
        &ods,
        "csv:Text - txt - csv (StarCalc):44,34,76,1",
        None,
        &dir.path().join("saved"),
    );
    let text = String::from_utf8(std::fs::read(&saved).unwrap()).unwrap();
    assert_ne!(text, exported, "LibreOffice rewrote the file");

    let preview = import(&db, ListKind::People, &text, true);
    assert_eq!(preview.error_total, 0, "{:?}", preview.errors);
    assert_eq!((preview.new, preview.updated, preview.unchanged), (0, 1, 2));
    let done = import(&db, ListKind::People, &text, false);
    assert!(done.applied);
    let after = people::list(&db, &PersonFilter::default()).unwrap().items;
    assert_eq!(after.len(), before.len(), "updated in place, nothing added");
    let now = people::get(&db, &zoe.id).unwrap();
    assert_eq!(now.team, "Checkout");
    assert_eq!(now.name, "Zoë Ñúñez");
    assert_eq!(now.notes, "line one\nline \"two\", with comma");
    assert!(now.core_user);
    assert_eq!(
        people::get(&db, &formula.id).unwrap().name,
        "=HYPERLINK(\"http://evil\")"
    );
    assert!(
        people::get(&db, &gone.id).unwrap().archived_at.is_some(),
        "still archived"
    );

    // The same file again changes nothing.
    let again = import(&db, ListKind::People, &text, false);
    assert_eq!((again.new, again.updated, again.unchanged), (0, 0, 3));
}
