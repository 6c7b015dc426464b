//! Command-line arguments. Settings reach the app as arguments, not environment variables, so
//! a test driver can set them.

use std::path::PathBuf;

use rapport::clock::Zone;

#[derive(Debug, Default)]
pub struct Args {
    /// `--db PATH`: the workspace; the default path when absent.
    pub db: Option<PathBuf>,
    /// `--tz NAME`: the user's IANA time zone; the system's when absent.
    pub zone: Option<Zone>,
    /// `--test-dialog-dir DIR`: the E2E seam that answers file dialogs from DIR.
    pub test_dialog_dir: Option<PathBuf>,
}

impl Args {
    pub fn parse(args: impl IntoIterator<Item = String>) -> Result<Args, String> {
        let args: Vec<String> = args.into_iter().collect();
        Ok(Args {
            db: value(&args, "--db")?.map(PathBuf::from),
            zone: value(&args, "--tz")?
                .map(|z| Zone::named(&z).map_err(|e| e.to_string()))
                .transpose()?,
            test_dialog_dir: value(&args, "--test-dialog-dir")?.map(PathBuf::from),
        })
    }
}

/// The value of `--name VALUE` or `--name=VALUE`; an error when the flag has no value, never
/// a silent fall-back (to the user's real workspace, say).
fn value(args: &[String], name: &str) -> Result<Option<String>, String> {
    let eq = format!("{name}=");
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let v = if a == name {
            it.next().cloned()
        } else if let Some(v) = a.strip_prefix(eq.as_str()) {
            Some(v.to_owned())
        } else {
            continue;
        };
        return match v.filter(|v| !v.is_empty() && !v.starts_with("--")) {
            Some(v) => Ok(Some(v)),
            None => Err(format!("{name} needs a value")),
        };
    }
    Ok(None)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(a: &[&str]) -> Result<Args, String> {
        Args::parse(a.iter().map(|s| s.to_string()))
    }

    #[test]
    fn argument_forms() {
        assert_eq!(
            parse(&["--db", "/t/a.db"]).unwrap().db,
            Some(PathBuf::from("/t/a.db"))
        );
        assert_eq!(
            parse(&["-x", "--db=/t/b.db"]).unwrap().db,
            Some(PathBuf::from("/t/b.db"))
        );
        assert_eq!(parse(&[]).unwrap().db, None);
        assert!(parse(&["--db"]).is_err());
        assert!(parse(&["--db="]).is_err());
        assert!(parse(&["--db", "--verbose"]).is_err());
        assert_eq!(
            parse(&["--tz", "Asia/Kolkata"])
                .unwrap()
                .zone
                .unwrap()
                .name(),
            "Asia/Kolkata"
        );
        assert!(parse(&["--tz", "Mars/Base"]).is_err());
    }
}
