//! Commands that read or write a file the user picked: CSV export and import, saved reports.
//! The path must have come from a native dialog (see `dialogs`); files are written atomically.

use rapport::csv::{self, CsvExport, CsvImport, ExportOptions, ImportReport};
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

/// Previews (dry run) or applies a CSV import from a picked file.
pub async fn import_csv(state: &AppState, req: CsvImport) -> Reply<ImportReport> {
    let path = state.allowed(&req.path)?;
    let run = move |db: &mut rapport::Db| {
        let file = std::fs::File::open(&path)?;
        csv::import_into(
            db,
            req.kind,
            file,
            &req.overrides,
            req.dry_run,
            req.roadmap_id.as_deref(),
        )
    };
    state.write("csv_import", run).await
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
