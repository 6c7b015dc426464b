//! `rapport-cli`: the Rapport workspace from scripts.
//! Exit codes: 0 ok; 1 `lint` found a leading question; 2 bad usage or an error.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use rapport::people::{self, PersonFilter};
use rapport::questions::lint;

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
    /// Print the workspace path and schema version.
    Info,
    /// Copy the workspace to a file with SQLite's online backup (safe while the app runs).
    Backup {
        /// Destination file; replaced only once the copy is complete.
        out: PathBuf,
    },
    /// List people as tab-separated name, team, role, core user.
    People {
        /// Include archived people.
        #[arg(long)]
        archived: bool,
    },
    /// Check interview questions for leading wording. Exits 1 if any question leads.
    Lint {
        /// The question to check.
        #[arg(required_unless_present = "file", conflicts_with = "file")]
        question: Option<String>,
        /// Check every line of a file instead (blank lines and lines starting with # skipped).
        #[arg(long)]
        file: Option<PathBuf>,
    },
}

/// Prints what the checker finds in each `(line, question)`; returns how many lead.
fn lint_report(questions: &[(usize, String)], show_line: bool) -> usize {
    let mut leading = 0;
    for (line, q) in questions {
        let findings = lint::check(q);
        if findings.is_empty() {
            continue;
        }
        leading += 1;
        let at = if show_line {
            format!("line {line}: ")
        } else {
            String::new()
        };
        println!("{at}{q}");
        for f in &findings {
            println!("  [{}] \"{}\": {}", f.rule, f.trigger, f.explanation);
        }
        println!("  try: {}", findings[0].suggestion);
    }
    let n = questions.len();
    eprintln!(
        "{leading} of {n} question{} lead{}",
        if n == 1 { "" } else { "s" },
        if leading == 1 { "s" } else { "" }
    );
    leading
}

fn run(cli: Cli) -> rapport::Result<ExitCode> {
    if let Command::Lint { question, file } = cli.command {
        let questions: Vec<(usize, String)> = match (question, file) {
            (Some(q), _) => vec![(1, q)],
            (None, Some(path)) => std::fs::read_to_string(&path)?
                .lines()
                .enumerate()
                .map(|(i, l)| (i + 1, l.trim().to_owned()))
                .filter(|(_, l)| !l.is_empty() && !l.starts_with('#'))
                .collect(),
            (None, None) => unreachable!("clap requires a question or --file"),
        };
        let leading = lint_report(&questions, questions.len() > 1);
        return Ok(if leading > 0 {
            ExitCode::from(1)
        } else {
            ExitCode::SUCCESS
        });
    }
    // Reading commands never create a workspace: a mistyped --db is an error, not a new file.
    let db = rapport::Db::open_existing(&cli.db.unwrap_or_else(rapport::db::default_path))?;
    match cli.command {
        Command::Info => {
            let info = db.info()?;
            println!(
                "path\t{}\nschema\t{}\nversion\t{}",
                info.path, info.schema_version, info.app_version
            );
        }
        Command::Backup { out } => {
            db.backup_to(&out, |_| {})?;
            eprintln!("backed up {} to {}", db.path().display(), out.display());
        }
        Command::People { archived } => {
            let filter = PersonFilter {
                include_archived: archived,
                query: None,
            };
            for p in people::list(&db, &filter)? {
                println!(
                    "{}\t{}\t{}\t{}",
                    p.name,
                    p.team,
                    p.role.as_str(),
                    p.core_user
                );
            }
        }
        Command::Lint { .. } => unreachable!("handled above"),
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
