//! Commands that read or write a file the user picked: CSV export and import, saved reports.
//! The path must have come from a native dialog (see `dialogs`); files are written atomically.

use rapport::csv::{self, CsvExport, CsvImport, ExportOptions, ImportOptions, ImportReport};
use rapport::files::{write_atomically, FileKind};
use rapport::markup::DocFormat;
use rapport::reports::{self, ReportRequest};
use tauri::Emitter;

use crate::state::{logged, today, zone, AppState, Reply};

/// Exports a list to CSV, reporting progress as `progress` events; returns the rows written.
pub async fn export_csv(app: tauri::AppHandle, state: &AppState, req: CsvExport) -> Reply<u64> {
    let path = state.allowed(&req.path)?;
    state
        .read("csv_export", move |db| {
            write_atomically(&path, |w| {
                csv::export(db, req.kind, w, ExportOptions { bom: req.bom }, |p| {
                    let _ = app.emit("progress", p);
                })
            })
        })
        .await
}

/// Previews (dry run, on a read connection, so the rest of the app keeps writing) or applies
/// (one transaction on the writer) a CSV import from a picked file. Progress goes out as
/// `progress` events; [`AppState::cancel`] stops it with nothing written.
pub async fn import_csv(
    app: tauri::AppHandle,
    state: &AppState,
    req: CsvImport,
) -> Reply<ImportReport> {
    let path = state.allowed(&req.path)?;
    let cancel = state.start_job();
    let opts = ImportOptions {
        overrides: req.overrides,
        dry_run: req.dry_run,
        roadmap_id: req.roadmap_id,
        slo_id: req.slo_id,
        today: Some(today()),
        // The app's own writes queue behind its import on the one writer; one transaction.
        step_rows: None,
    };
    let kind = req.kind;
    let run = move |db: &rapport::Db| {
        let bytes = std::fs::read(&path)?;
        csv::import(db, kind, &bytes, &opts, &mut |p| {
            let _ = app.emit("progress", p);
            !cancel.load(std::sync::atomic::Ordering::Relaxed)
        })
    };
    if req.dry_run {
        state.read("csv_import", run).await
    } else {
        state.write("csv_import", move |db| run(db)).await
    }
}

/// Asks where to save a report and writes it there in `format`; the saved path, or `None`
/// when the user cancels.
pub async fn save_report(
    app: tauri::AppHandle,
    state: &AppState,
    req: ReportRequest,
    format: DocFormat,
) -> Reply<Option<String>> {
    let request = req.clone();
    let doc = state
        .read("report_save", move |db| {
            reports::build(db, &request, zone(), today())
        })
        .await?;
    let name = format!("{}.{}", req.file_stem(&doc, today()), format.extension());
    let Some(path) = crate::dialogs::pick(app, state, FileKind::Report, true, name).await? else {
        return Ok(None);
    };
    let target = state.allowed(&path)?;
    logged(
        "report_save",
        write_atomically(&target, |w| {
            use std::io::Write;
            w.write_all(doc.render(format).as_bytes())?;
            Ok(())
        }),
    )?;
    Ok(Some(path))
}

/// Imports a transcript file the user picked or dropped into an interview.
pub async fn import_transcript(
    _app: tauri::AppHandle,
    state: &AppState,
    interview_id: String,
    path: String,
) -> Reply<rapport::transcripts::TranscriptSummary> {
    let path = state.allowed(&path)?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    state
        .write("transcripts_import", move |db| {
            let bytes = std::fs::read(&path)?;
            rapport::transcripts::import(db, &interview_id, &name, &bytes)
        })
        .await
}

/// Imports (or previews, with `dry_run`) an OpenSLO file the user picked, all or nothing.
pub async fn import_openslo(
    state: &AppState,
    path: String,
    dry_run: bool,
) -> Reply<rapport::reliability::openslo_io::OpenSloReport> {
    let path = state.allowed(&path)?;
    let run = move |db: &rapport::Db| {
        let text = std::fs::read_to_string(&path).map_err(|e| {
            rapport::Error::invalid(
                "file",
                format!("{} can't be read as text: {e}", path.display()),
            )
        })?;
        rapport::reliability::openslo_io::import(db, &text, dry_run)
    };
    // A preview runs the import in a transaction that is rolled back, so it needs the writer
    // too: the read connection is query-only.
    state.write("openslo_import", move |db| run(db)).await
}

/// Asks where to save the workspace's SLOs as OpenSLO YAML and writes them there; the saved
/// path, or `None` when the user cancels.
pub async fn export_openslo(app: tauri::AppHandle, state: &AppState) -> Reply<Option<String>> {
    let text = state
        .read("openslo_export", rapport::reliability::openslo_io::export)
        .await?;
    let name = format!("rapport-slos-{}.yaml", today());
    let Some(path) = crate::dialogs::pick(app, state, FileKind::OpenSlo, true, name).await? else {
        return Ok(None);
    };
    let target = state.allowed(&path)?;
    logged(
        "openslo_export",
        write_atomically(&target, |w| {
            use std::io::Write;
            w.write_all(text.as_bytes())?;
            Ok(())
        }),
    )?;
    Ok(Some(path))
}
