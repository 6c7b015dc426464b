//! `rapport-cli audit`: the interviewer audit of a transcript file, with no workspace.

use std::path::PathBuf;

use rapport::questions::lint;
use rapport::transcripts;

#[derive(clap::Args)]
pub struct Args {
    /// A WebVTT, SubRip or plain-text transcript (`-` reads standard input).
    file: PathBuf,
    /// The interviewer's speaker label (repeat for several). Without it, the speaker who asks
    /// the most questions is taken, and the report says so.
    #[arg(long)]
    interviewer: Vec<String>,
    /// Print the audit as JSON: speakers (label, words, seconds, share_words, share_seconds),
    /// questions (speaker, start, text, leading, rules), asked, leading.
    #[arg(long)]
    json: bool,
}

/// Exit code 1 when a question led, 0 otherwise; a malformed file is an error (exit 2) that
/// names its line.
pub fn run(args: Args) -> rapport::Result<u8> {
    let (bytes, name) = if args.file.as_os_str() == "-" {
        let mut b = Vec::new();
        std::io::Read::read_to_end(&mut std::io::stdin(), &mut b)?;
        (b, None)
    } else {
        let b = std::fs::read(&args.file).map_err(|e| {
            rapport::Error::invalid("file", format!("{}: {e}", args.file.display()))
        })?;
        (
            b,
            args.file
                .file_name()
                .map(|n| n.to_string_lossy().into_owned()),
        )
    };
    let shown = name.clone().unwrap_or_else(|| "standard input".into());
    let t = transcripts::parse(&bytes, name.as_deref())
        .map_err(|e| rapport::Error::invalid("file", format!("{shown}: {e}")))?;
    let audit = transcripts::audit(&t, &args.interviewer, &lint::check);
    if args.json {
        println!(
            "{}",
            serde_json::to_string_pretty(&audit).expect("the audit serialises")
        );
    } else {
        print!("{}", transcripts::render_text(&audit));
    }
    Ok(u8::from(audit.leading > 0))
}
