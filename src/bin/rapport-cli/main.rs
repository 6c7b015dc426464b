//! `rapport-cli`: the Rapport workspace from scripts.
//! Exit codes: 0 ok; 1 `lint` or `audit` found a leading question, `import` found bad rows or
//! `slo import` an invalid document (nothing written); 2 bad usage or an error.

mod audit;
mod lint;
mod slo;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// Rows per committed step of an import (a few milliseconds of the write lock each).
const IMPORT_STEP: usize = 1_000;
use rapport::people::{self, PersonFilter};

#[derive(Parser)]
#[command(
    name = "rapport-cli",
    version,
    about = "Rapport workspace from the command line"
)]
struct Cli {
    /// Workspace database (default: $RAPPORT_DB, else the app's own database).
    #[arg(long, global = true)]
    db: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Create a new, empty workspace (at --db, or PATH). An existing file is left alone.
    Init {
        path: Option<PathBuf>,
        /// Fill it with the sample workspace (the New CI roadmap, people, interviews).
        #[arg(long)]
        sample: bool,
        /// Fill it with a generated team-scale workspace (10k people, 5k interviews, 100k
        /// notes, 2k findings, 3k follow-ups; the same rows every time), for benchmarks.
        #[arg(long, conflicts_with = "sample")]
        scale: bool,
    },
    /// Print the workspace path and schema version.
    Info,
    /// Back up the workspace with SQLite's online backup (safe while the app runs); the copy
    /// is checked before it is kept. Without OUT it goes into the workspace's backup folder.
    Backup {
        /// Destination file; replaced only once the copy is complete and checked.
        out: Option<PathBuf>,
    },
    /// List the workspace's backups, newest first: time, kind, size, schema, path.
    Backups,
    /// List people as tab-separated name, team, role, core user.
    People {
        /// Include archived people.
        #[arg(long)]
        archived: bool,
    },
    /// Export a list as CSV (RFC 4180, CRLF; columns in docs/csv.md).
    Export {
        /// people, interviews, notes, quotes, findings, questions, guides, roadmap_rows,
        /// slos, slo_readings, postmortems, action_items, toil, …
        kind: String,
        /// Output file (default: standard output).
        #[arg(long, short)]
        out: Option<PathBuf>,
        /// Start with a UTF-8 byte-order mark, for Excel.
        #[arg(long)]
        bom: bool,
    },
    /// Import people, questions, findings, roadmap_rows or slo_readings from CSV: all rows or
    /// none.
    Import {
        kind: String,
        file: PathBuf,
        /// Check and report without writing.
        #[arg(long)]
        dry_run: bool,
        /// Map a field to a header, e.g. --map name="Full name" (repeatable).
        #[arg(long = "map", value_name = "FIELD=HEADER")]
        map: Vec<String>,
        /// For roadmap_rows: the roadmap (id) the rows go into.
        #[arg(long)]
        roadmap: Option<String>,
        /// For slo_readings: the SLO (by name) the readings go into.
        #[arg(long)]
        slo: Option<String>,
    },
    /// Replace the workspace with a backup (the current one is backed up beside it first).
    Restore {
        /// A backup written by `backup` (or the app).
        from: PathBuf,
    },
    /// Check interview questions for leading wording (or prose for blame). Exits 1 if any leads.
    Lint(lint::Args),
    /// Audit the interviewer's questions in a transcript file (no workspace needed): which
    /// led, and the talk-time split. Exits 1 if any question led, 2 on a malformed file.
    Audit(audit::Args),
    /// SLOs: OpenSLO import and export, and where every error budget stands.
    Slo(slo::Args),
}

/// `rapport-cli init`: a new workspace, never over an existing file.
fn init(path: &std::path::Path, sample: bool, scale: bool) -> rapport::Result<()> {
    if path.exists() {
        return Err(rapport::Error::invalid(
            "path",
            format!("{} already exists; nothing was changed", path.display()),
        ));
    }
    let today = chrono::Local::now().date_naive();
    if sample {
        rapport::sample::create(path, today)?;
    } else if scale {
        let db = rapport::open_workspace(path)?;
        rapport::scale::generate(&db, &rapport::scale::Sizes::TEAM, today)?;
    } else {
        rapport::open_workspace(path)?;
    }
    eprintln!("created the workspace {}", path.display());
    Ok(())
}

fn list_kind(s: &str) -> rapport::Result<rapport::csv::ListKind> {
    rapport::csv::ListKind::parse(s).ok_or_else(|| {
        let all: Vec<&str> = rapport::csv::ListKind::ALL
            .iter()
            .map(|k| k.as_str())
            .collect();
        rapport::Error::invalid(
            "kind",
            format!("unknown list {s:?}; one of {}", all.join(", ")),
        )
    })
}

fn run(cli: Cli) -> rapport::Result<ExitCode> {
    let command = match cli.command {
        Command::Lint(args) => return lint::run(args).map(ExitCode::from),
        Command::Audit(args) => return audit::run(args).map(ExitCode::from),
        other => other,
    };
    let path = cli.db.unwrap_or_else(rapport::db::default_path);
    if let Command::Init {
        path: at,
        sample,
        scale,
    } = &command
    {
        return init(at.as_deref().unwrap_or(&path), *sample, *scale).map(|_| ExitCode::SUCCESS);
    }
    if let Command::Backups = &command {
        for b in rapport::backups::list(&path)? {
            let schema = b
                .schema_version
                .map(|v| v.to_string())
                .unwrap_or_else(|| "?".into());
            println!(
                "{}\t{}\t{}\t{schema}\t{}",
                b.created_at,
                b.kind.as_str(),
                b.size_bytes,
                b.path
            );
        }
        return Ok(ExitCode::SUCCESS);
    }
    if rapport::db::lock::holder(&path).is_some() {
        if matches!(command, Command::Restore { .. }) {
            return Err(rapport::Error::InUse {
                path: path.display().to_string(),
            });
        }
        eprintln!(
            "warning: the Rapport app has {} open; what this command writes is safe, and the app shows it when a screen is reopened",
            path.display()
        );
    }
    if let Command::Restore { from } = &command {
        let saved = rapport::backups::restore(&path, from, chrono::Utc::now())?;
        eprintln!("restored {} from {}", path.display(), from.display());
        if let Some(saved) = saved {
            eprintln!("the workspace it replaced is kept at {}", saved.path);
        }
        return Ok(ExitCode::SUCCESS);
    }
    // Other commands never create a workspace: a mistyped --db is an error, not a new file.
    let db = rapport::Db::open_existing(&path)?;
    match command {
        Command::Info => {
            let info = db.info()?;
            println!(
                "path\t{}\nschema\t{}\nversion\t{}",
                info.path, info.schema_version, info.app_version
            );
        }
        Command::Backup { out: Some(out) } => {
            rapport::db::integrity::quick_check(db.conn(), db.path())?;
            db.backup_to(&out, |_| {})?;
            eprintln!("backed up {} to {}", db.path().display(), out.display());
        }
        Command::Backup { out: None } => {
            let b = rapport::backups::create(
                &db,
                rapport::backups::BackupKind::Manual,
                chrono::Utc::now(),
            )?;
            eprintln!("backed up {} to {}", db.path().display(), b.path);
        }
        Command::People { archived } => {
            let filter = PersonFilter {
                include_archived: archived,
                ..PersonFilter::default()
            };
            let mut offset = 0;
            loop {
                let page = people::list(
                    &db,
                    &PersonFilter {
                        page: Some(rapport::paging::PageRequest { offset, limit: 500 }),
                        ..filter.clone()
                    },
                )?;
                if page.items.is_empty() {
                    break;
                }
                offset += page.items.len() as i64;
                for p in page.items {
                    println!(
                        "{}\t{}\t{}\t{}",
                        p.name,
                        p.team,
                        p.role.as_str(),
                        p.core_user
                    );
                }
            }
        }
        Command::Export { kind, out, bom } => {
            let kind = list_kind(&kind)?;
            let opts = rapport::csv::ExportOptions { bom };
            let rows = match out {
                Some(path) => rapport::files::write_atomically(&path, |w| {
                    rapport::csv::export(&db, kind, w, opts, |_| {})
                })?,
                None => rapport::csv::export(&db, kind, std::io::stdout().lock(), opts, |_| {})?,
            };
            eprintln!("exported {rows} {} rows", kind.as_str());
        }
        Command::Import {
            kind,
            file,
            dry_run,
            map,
            roadmap,
            slo,
        } => {
            let kind = list_kind(&kind)?;
            let mut overrides = std::collections::HashMap::new();
            for m in map {
                let (field, header) = m.split_once('=').ok_or_else(|| {
                    rapport::Error::invalid("map", format!("--map wants FIELD=HEADER, got {m:?}"))
                })?;
                overrides.insert(field.trim().to_owned(), header.trim().to_owned());
            }
            let opts = rapport::csv::ImportOptions {
                overrides,
                dry_run,
                roadmap_id: roadmap,
                slo_id: match slo {
                    Some(name) => Some(rapport::reliability::objectives::by_name(&db, &name)?.id),
                    None => None,
                },
                today: None,
                // Another program (the app) writes between steps, never waits for all of it.
                step_rows: Some(IMPORT_STEP),
            };
            let report =
                rapport::csv::import(&db, kind, &std::fs::read(&file)?, &opts, &mut |_| true)?;
            eprintln!(
                "  read as {}, separated by {:?}",
                report.encoding, report.delimiter
            );
            for m in &report.mapping {
                eprintln!("  {} <- column {:?}", m.field, m.column);
            }
            if !report.ignored_columns.is_empty() {
                eprintln!("  ignored columns: {}", report.ignored_columns.join(", "));
            }
            for w in &report.warnings {
                eprintln!(
                    "warning: row {}, column {:?}: {}",
                    w.row, w.column, w.message
                );
            }
            for e in &report.errors {
                println!("row {}, column {:?}: {}", e.row, e.column, e.message);
            }
            if report.error_total > 0 {
                if report.error_total > report.errors.len() as u64 {
                    println!(
                        "… and {} more",
                        report.error_total - report.errors.len() as u64
                    );
                }
                eprintln!(
                    "{} error(s) in {} rows; nothing was imported",
                    report.error_total, report.rows
                );
                return Ok(ExitCode::from(1));
            }
            let counts = format!(
                "{} new, {} updated, {} unchanged",
                report.new, report.updated, report.unchanged
            );
            if report.applied {
                eprintln!("imported {} {} rows: {counts}", report.rows, kind.as_str());
            } else {
                eprintln!("dry run: {} rows would be imported: {counts}", report.rows);
            }
        }
        Command::Slo(args) => return slo::run(&db, args).map(ExitCode::from),
        Command::Lint(_)
        | Command::Audit(_)
        | Command::Restore { .. }
        | Command::Init { .. }
        | Command::Backups => {
            unreachable!("handled above")
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn main() -> ExitCode {
    match run(Cli::parse()) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("rapport-cli: {e}");
            ExitCode::from(2)
        }
    }
}
