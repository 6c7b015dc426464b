//! `rapport-cli slo`: OpenSLO files in and out of a workspace, and where every SLO stands.

use std::io::Write;
use std::path::PathBuf;

use chrono::{DateTime, Utc};
use rapport::reliability::objectives::{self, number, MethodKind, SloSummary};
use rapport::reliability::{openslo_io, percent};
use rapport::{Db, Error};

#[derive(clap::Args)]
pub struct Args {
    #[command(subcommand)]
    command: Command,
}

#[derive(clap::Subcommand)]
enum Command {
    /// Import an OpenSLO v1 YAML file (Service, SLI and SLO documents; other kinds are kept
    /// as written). All or nothing; exits 1 when a document is invalid.
    Import {
        file: PathBuf,
        /// Check and report without writing.
        #[arg(long)]
        dry_run: bool,
    },
    /// Export every service, SLI and SLO as OpenSLO v1 YAML.
    Export {
        /// Output file (default: standard output).
        #[arg(long, short)]
        out: Option<PathBuf>,
    },
    /// Per SLO: target, window, events or minutes, budget consumed and remaining, burn rate,
    /// policy state and which burn-rate alerts would fire.
    Status {
        /// Print JSON: one object per SLO.
        #[arg(long)]
        json: bool,
        /// Evaluate at this instant (RFC 3339) instead of now.
        #[arg(long)]
        at: Option<String>,
    },
}

/// Exit code 1 for an invalid OpenSLO file (nothing imported), 0 otherwise.
pub fn run(db: &Db, args: Args) -> rapport::Result<u8> {
    match args.command {
        Command::Import { file, dry_run } => {
            let text = std::fs::read_to_string(&file)
                .map_err(|e| Error::invalid("file", format!("{}: {e}", file.display())))?;
            let report = match openslo_io::import(db, &text, dry_run) {
                Ok(r) => r,
                Err(Error::Validation { field, message }) if field == "file" => {
                    println!("{message}");
                    eprintln!("{}: nothing was imported", file.display());
                    return Ok(1);
                }
                Err(e) => return Err(e),
            };
            for n in &report.notes {
                eprintln!("note: {n}");
            }
            eprintln!(
                "{} {}: services {} new, {} updated; SLOs {} new, {} updated, {} unchanged; {} SLIs; \
                 {} other documents kept",
                if report.applied { "imported" } else { "dry run, would import" },
                file.display(),
                report.services_new,
                report.services_updated,
                report.slos_new,
                report.slos_updated,
                report.slos_unchanged,
                report.slis,
                report.kept
            );
            Ok(0)
        }
        Command::Export { out } => {
            let text = openslo_io::export(db)?;
            match out {
                Some(path) => {
                    rapport::files::write_atomically(&path, |w| Ok(w.write_all(text.as_bytes())?))?;
                    eprintln!("exported to {}", path.display());
                }
                None => print!("{text}"),
            }
            Ok(0)
        }
        Command::Status { json, at } => {
            let now = match at {
                Some(t) => DateTime::parse_from_rfc3339(t.trim())
                    .map(|t| t.with_timezone(&Utc))
                    .map_err(|_| Error::invalid("at", format!("--at {t:?} is not RFC 3339")))?,
                None => Utc::now(),
            };
            let all = objectives::summaries(db, None, now)?;
            if json {
                println!(
                    "{}",
                    serde_json::to_string_pretty(&all).expect("summaries serialise")
                );
            } else {
                print!("{}", table(&all));
            }
            Ok(0)
        }
    }
}

/// One tab-separated line per SLO, under a header.
fn table(all: &[SloSummary]) -> String {
    let mut out = String::from(
        "slo\tservice\ttarget\twindow\tbad\tallowed\tconsumed\tremaining\tburn_rate\tstate\talerts\n",
    );
    for s in all {
        let (bad, allowed) = match s.method {
            MethodKind::Occurrences => (
                format!("{} events", number(s.events_bad)),
                format!("{} events", number(s.events_allowed)),
            ),
            MethodKind::Timeslices => (
                format!("{} min", number(s.minutes_bad.unwrap_or(0.0))),
                format!("{} min", number(s.minutes_allowed)),
            ),
        };
        out.push_str(&format!(
            "{}\t{}\t{}\t{}\t{bad}\t{allowed}\t{}\t{}\t{}\t{}\t{}\n",
            s.name,
            s.service_name,
            percent(s.target),
            s.window,
            percent(s.consumed),
            percent(s.remaining),
            s.burn_rate.map_or("-".into(), number),
            s.state.as_str(),
            if s.firing.is_empty() {
                "none".to_owned()
            } else {
                s.firing.join(",")
            }
        ));
    }
    out
}
