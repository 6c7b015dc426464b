//! `rapport-cli`: the Rapport workspace from scripts. Exit codes: 0 ok, 1 failure, 2 bad usage.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use rapport::people::{self, PersonFilter};
use rapport::Db;

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
}

fn run(cli: Cli) -> rapport::Result<()> {
    let db = Db::open(&cli.db.unwrap_or_else(rapport::db::default_path))?;
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
    }
    Ok(())
}

fn main() -> ExitCode {
    match run(Cli::parse()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("rapport-cli: {e}");
            ExitCode::FAILURE
        }
    }
}
