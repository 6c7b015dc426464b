//! `rapport-cli` as a script sees it: output, files and exit codes.

use std::process::Command;

fn cli(args: &[&str]) -> (i32, String, String) {
    cli_with_input(args, "")
}

fn cli_with_input(args: &[&str], input: &str) -> (i32, String, String) {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_rapport-cli"))
        .args(args)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn lint_exits_1_when_a_question_leads() {
    let (code, out, _) = cli(&["lint", "Do you have problems with Chef?"]);
    assert_eq!(code, 1);
    assert!(
        out.contains("[confirmation-seeking]") && out.contains("try: "),
        "{out}"
    );
    let (code, out, _) = cli(&["lint", "Walk me through your last deploy."]);
    assert_eq!((code, out.as_str()), (0, ""));
    let dir = tempfile::tempdir().unwrap();
    let guide = dir.path().join("guide.txt");
    std::fs::write(
        &guide,
        "# my guide\nTell me about your last page.\n\nWould you use a deploy bot?\n",
    )
    .unwrap();
    let (code, out, err) = cli(&["lint", "--file", guide.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(
        out.starts_with("line 4: Would you use a deploy bot?"),
        "{out}"
    );
    assert!(err.contains("1 of 2 questions leads"), "{err}");
    let (code, _, err) = cli(&["lint", "--file", "/no/such/file"]);
    assert_eq!(code, 2);
    assert!(err.contains("/no/such/file"), "{err}");
}

#[test]
fn lint_json_gives_scripts_rule_span_explanation_and_rewrite() {
    let input = "Who broke the deploy?\n# skipped\nWhat happened next?\n";
    let (code, out, _) = cli_with_input(&["lint", "--json", "--file", "-"], input);
    assert_eq!(code, 1);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let all = v.as_array().unwrap();
    assert_eq!(all.len(), 2, "{out}");
    assert_eq!(
        (all[0]["line"].as_u64(), all[0]["leading"].as_bool()),
        (Some(1), Some(true))
    );
    assert_eq!(
        (all[1]["line"].as_u64(), all[1]["leading"].as_bool()),
        (Some(3), Some(false))
    );
    let f = &all[0]["findings"][0];
    assert_eq!(f["rule"], "blame");
    let (start, end) = (
        f["span"]["start"].as_u64().unwrap(),
        f["span"]["end"].as_u64().unwrap(),
    );
    assert_eq!(
        &"Who broke the deploy?"[start as usize..end as usize],
        f["trigger"]
    );
    assert!(!f["explanation"].as_str().unwrap().is_empty());
    let rewrite = f["suggestion"].as_str().unwrap();
    assert_eq!(
        cli(&["lint", rewrite]).0,
        0,
        "the rewrite passes: {rewrite}"
    );
    assert!(all[1]["findings"].as_array().unwrap().is_empty());
}

#[test]
fn lint_prose_finds_blame_in_a_postmortem() {
    let text =
        "14:02 The deploy went out.\n14:10 Bob should have checked the canary before merging.\n";
    let (code, out, _) = cli_with_input(&["lint", "--prose", "--file", "-"], text);
    assert_eq!(code, 1, "{out}");
    assert!(out.starts_with("line 2: [blame]"), "{out}");
    let calm = "14:02 The deploy went out.\n14:10 The canary showed errors; the rollout paused.\n";
    let (code, out, _) = cli_with_input(&["lint", "--prose", "--file", "-"], calm);
    assert_eq!((code, out.as_str()), (0, ""));
}

#[test]
fn export_import_restore_with_clear_exit_codes() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("ws.db");
    let db_s = db.to_str().unwrap();
    // A mistyped workspace is an error, never a new empty one.
    let (code, _, err) = cli(&["--db", db_s, "people"]);
    assert_eq!(code, 2);
    assert!(err.contains("no workspace at"), "{err}");
    assert!(!db.exists());

    rapport::open_workspace(&db).unwrap();
    let people_csv = dir.path().join("people.csv");
    std::fs::write(
        &people_csv,
        "Full name,Team,Role\r\nAna,SRE,lead\r\nBo,SRE,ic\r\n",
    )
    .unwrap();
    let (code, _, err) = cli(&[
        "--db",
        db_s,
        "import",
        "people",
        people_csv.to_str().unwrap(),
        "--dry-run",
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("dry run: 2 rows would be imported"), "{err}");
    assert_eq!(cli(&["--db", db_s, "people"]).1, "");

    let bad = dir.path().join("bad.csv");
    std::fs::write(&bad, "name,role\nCy,chief\n").unwrap();
    let (code, out, _) = cli(&["--db", db_s, "import", "people", bad.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(
        out.contains("row 2, column \"role\": “chief” is not one of"),
        "{out}"
    );

    assert_eq!(
        cli(&[
            "--db",
            db_s,
            "import",
            "people",
            people_csv.to_str().unwrap()
        ])
        .0,
        0
    );
    assert_eq!(
        cli(&["--db", db_s, "people"]).1,
        "Ana\tSRE\tlead\tfalse\nBo\tSRE\tic\tfalse\n"
    );

    let (code, out, _) = cli(&["--db", db_s, "export", "people"]);
    assert_eq!(code, 0);
    assert!(
        out.starts_with("id,name,team,role,") && out.contains(",Ana,SRE,lead,"),
        "{out}"
    );
    let backup = dir.path().join("b.sqlite");
    assert_eq!(
        cli(&["--db", db_s, "backup", backup.to_str().unwrap()]).0,
        0
    );
    assert_eq!(
        cli(&[
            "--db",
            db_s,
            "import",
            "people",
            people_csv.to_str().unwrap()
        ])
        .0,
        0
    );
    assert_eq!(cli(&["--db", db_s, "people"]).1.lines().count(), 4);
    let (code, _, err) = cli(&["--db", db_s, "restore", backup.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(cli(&["--db", db_s, "people"]).1.lines().count(), 2);
    assert_eq!(cli(&["--db", db_s, "export", "roadmaps"]).0, 2);
    // Roadmap rows need a target roadmap.
    let rows = dir.path().join("rows.csv");
    std::fs::write(
        &rows,
        "project,goal_what,goal_why\nPilot,Faster CI,so teams ship\n",
    )
    .unwrap();
    let (code, _, err) = cli(&[
        "--db",
        db_s,
        "import",
        "roadmap_rows",
        rows.to_str().unwrap(),
    ]);
    assert_eq!(code, 2);
    assert!(err.contains("Choose the roadmap"), "{err}");
}

#[test]
fn audit_reads_a_transcript_file_without_a_workspace() {
    let file = format!(
        "{}/tests/data/transcripts/interview.vtt",
        env!("CARGO_MANIFEST_DIR")
    );
    let (code, out, _) = cli(&["audit", &file]);
    assert_eq!(code, 1, "{out}");
    assert!(out.starts_with("You asked 8 questions; 3 led."), "{out}");
    assert!(
        out.contains("Took 'Priya Raman' as the interviewer"),
        "{out}"
    );
    let (code, out, _) = cli(&["audit", &file, "--interviewer", "Marcus O'Neil", "--json"]);
    assert_eq!(code, 1, "{out}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(
        (v["asked"].as_u64(), v["leading"].as_u64()),
        (Some(4), Some(1))
    );
    let speakers = v["speakers"].as_array().unwrap();
    for key in ["label", "words", "seconds", "share_words", "share_seconds"] {
        assert!(speakers[0].get(key).is_some(), "{key} in {out}");
    }
    let q = &v["questions"][0];
    for key in ["speaker", "start", "text", "leading", "rules"] {
        assert!(q.get(key).is_some(), "{key} in {out}");
    }
    let bad = format!(
        "{}/tests/data/transcripts/bad_timestamp.vtt",
        env!("CARGO_MANIFEST_DIR")
    );
    let (code, _, err) = cli(&["audit", &bad]);
    assert_eq!(code, 2);
    assert!(err.contains("bad_timestamp.vtt: line 11:"), "{err}");
    let (code, out, _) = cli_with_input(
        &["audit", "-", "--json"],
        "Ana: How do you deploy?\nBen: By hand.\n",
    );
    assert_eq!(code, 0, "{out}");
}

#[test]
fn init_creates_a_workspace_once_and_backups_are_listed() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("team.db");
    let db_s = db.to_str().unwrap();
    let (code, _, err) = cli(&["--db", db_s, "init"]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("created the workspace"), "{err}");
    let (code, _, err) = cli(&["--db", db_s, "init"]);
    assert_eq!(code, 2);
    assert!(err.contains("already exists; nothing was changed"), "{err}");
    let sample = dir.path().join("sample.db");
    assert_eq!(cli(&["init", sample.to_str().unwrap(), "--sample"]).0, 0);
    let (_, out, _) = cli(&["--db", sample.to_str().unwrap(), "people"]);
    assert!(out.lines().count() >= 3, "the sample has people: {out}");
    assert_eq!(
        cli(&["--db", db_s, "people"]).1,
        "",
        "init PATH left --db alone"
    );

    let (code, _, err) = cli(&["--db", db_s, "backup"]);
    assert_eq!(code, 0, "{err}");
    let (_, out, _) = cli(&["--db", db_s, "backups"]);
    let row: Vec<&str> = out.lines().next().unwrap().split('\t').collect();
    assert_eq!(row[1], "manual");
    assert_eq!(row[3], rapport::db::LATEST_VERSION.to_string());
    assert!(row[4].contains("team-backups"), "{out}");
}

#[test]
fn the_cli_warns_while_the_app_has_the_workspace_and_will_not_restore_under_it() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("team.db");
    let db_s = db.to_str().unwrap();
    rapport::open_workspace(&db).unwrap();
    let backup = dir.path().join("b.sqlite");
    assert_eq!(
        cli(&["--db", db_s, "backup", backup.to_str().unwrap()]).0,
        0
    );
    let held = rapport::db::WorkspaceLock::acquire(&db).unwrap().unwrap();
    let (code, _, err) = cli(&["--db", db_s, "people"]);
    assert_eq!(code, 0);
    assert!(err.contains("warning: the Rapport app has"), "{err}");
    let (code, _, err) = cli(&["--db", db_s, "restore", backup.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(err.contains("already has"), "{err}");
    drop(held);
    let (code, _, err) = cli(&["--db", db_s, "restore", backup.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    assert!(!err.contains("warning"), "{err}");
}
