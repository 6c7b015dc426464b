//! The application menu. Every item except the predefined Edit ones emits one event, `menu`,
//! with the item's id; the page handles it in `ui/src/components/MenuBridge.tsx` (navigate,
//! theme, zoom, dialogs, the existing commands), so the menu holds no behaviour of its own.
//! Each item has an accelerator or is reached from the keyboard through its menu's mnemonic
//! (Alt+F, Alt+E, Alt+V, Alt+H); the page's "Keyboard shortcuts" sheet lists them all.

use tauri::menu::{Menu, MenuBuilder, MenuItemBuilder, SubmenuBuilder};
use tauri::{Emitter, Runtime};

/// (id, label, accelerator) of the custom items, by menu. The ids are the page's contract.
pub const FILE: &[(&str, &str, Option<&str>)] = &[
    (
        "file-new-workspace",
        "&New workspace…",
        Some("CmdOrCtrl+Shift+N"),
    ),
    (
        "file-open-workspace",
        "&Open workspace…",
        Some("CmdOrCtrl+O"),
    ),
    ("file-backup", "&Back up now", Some("CmdOrCtrl+Shift+B")),
    ("file-import-csv", "&Import CSV…", Some("CmdOrCtrl+Shift+I")),
    ("file-export", "&Export…", Some("CmdOrCtrl+Shift+E")),
];

pub const VIEW: &[(&str, &str, Option<&str>)] = &[
    ("view-today", "&Today", Some("CmdOrCtrl+1")),
    ("view-people", "&People", Some("CmdOrCtrl+2")),
    ("view-interviews", "&Interviews", Some("CmdOrCtrl+3")),
    ("view-questions", "&Questions", Some("CmdOrCtrl+4")),
    ("view-sprints", "&Sprints", Some("CmdOrCtrl+5")),
    ("view-roadmaps", "&Roadmaps", Some("CmdOrCtrl+6")),
    ("view-followups", "&Follow-ups", Some("CmdOrCtrl+7")),
    ("view-findings", "Fi&ndings", Some("CmdOrCtrl+8")),
    ("view-search", "Sear&ch", Some("CmdOrCtrl+9")),
    (
        "view-reliability",
        "Re&liability",
        Some("CmdOrCtrl+Shift+L"),
    ),
    ("view-trash", "Tr&ash", None),
    ("view-workspace", "&Workspace", None),
];

pub const THEME: &[(&str, &str, Option<&str>)] = &[
    ("theme-system", "&System theme", None),
    ("theme-light", "&Light theme", None),
    ("theme-dark", "&Dark theme", None),
];

pub const ZOOM: &[(&str, &str, Option<&str>)] = &[
    ("zoom-in", "Zoom &in", Some("CmdOrCtrl+=")),
    ("zoom-out", "Zoom &out", Some("CmdOrCtrl+-")),
    ("zoom-reset", "&Actual size", Some("CmdOrCtrl+0")),
];

pub const HELP: &[(&str, &str, Option<&str>)] = &[
    ("help-shortcuts", "&Keyboard shortcuts", Some("CmdOrCtrl+/")),
    ("help-logs", "Open &logs folder", None),
    ("help-about", "&About Rapport", None),
];

type Items<'a> = &'a [(&'a str, &'a str, Option<&'a str>)];

/// Adds `list`'s items to a submenu.
fn add<'m, R: Runtime>(
    app: &'m tauri::AppHandle<R>,
    mut b: SubmenuBuilder<'m, R, tauri::AppHandle<R>>,
    list: Items<'_>,
) -> tauri::Result<SubmenuBuilder<'m, R, tauri::AppHandle<R>>> {
    for (id, label, accel) in list {
        let mut item = MenuItemBuilder::with_id(*id, *label);
        if let Some(a) = accel {
            item = item.accelerator(*a);
        }
        b = b.item(&item.build(app)?);
    }
    Ok(b)
}

/// Builds the menu bar.
pub fn build<R: Runtime>(app: &tauri::AppHandle<R>) -> tauri::Result<Menu<R>> {
    let file = add(app, SubmenuBuilder::new(app, "&File"), FILE)?.build()?;
    let edit = SubmenuBuilder::new(app, "&Edit")
        .undo()
        .redo()
        .separator()
        .cut()
        .copy()
        .paste()
        .separator()
        .select_all()
        .build()?;
    let view = add(app, SubmenuBuilder::new(app, "&View"), VIEW)?.separator();
    let view = add(app, view, THEME)?.separator();
    let view = add(app, view, ZOOM)?.build()?;
    let help = add(app, SubmenuBuilder::new(app, "&Help"), HELP)?.build()?;
    MenuBuilder::new(app)
        .items(&[&file, &edit, &view, &help])
        .build()
}

/// Sets the menu on the app and forwards every click to the page as `menu`.
pub fn install(app: &tauri::AppHandle) -> tauri::Result<()> {
    app.set_menu(build(app)?)?;
    app.on_menu_event(|app, event| {
        let _ = app.emit("menu", event.id().0.as_str());
    });
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The page handles every id the menu can send, and lists every accelerator in its sheet.
    #[test]
    fn the_page_handles_every_item() {
        let bridge = include_str!("../../ui/src/components/MenuBridge.tsx");
        let sheet = include_str!("../../ui/src/components/ShortcutsSheet.tsx");
        for (id, _, keys) in [FILE, VIEW, THEME, ZOOM, HELP].concat() {
            assert!(
                bridge.contains(&format!("\"{id}\"")),
                "MenuBridge.tsx does not handle {id}"
            );
            // Ctrl+1 … Ctrl+9 are listed as one range.
            let listed = keys.map(|k| k.replace("CmdOrCtrl", "Ctrl"));
            let in_range = |k: &String| k.len() == 6 && k.ends_with(|c| ('1'..='9').contains(&c));
            if let Some(k) = listed.filter(|k| !in_range(k)) {
                assert!(sheet.contains(&k), "the shortcuts sheet does not list {k}");
            }
        }
        let mut ids: Vec<&str> = [FILE, VIEW, THEME, ZOOM, HELP]
            .concat()
            .iter()
            .map(|(id, _, _)| *id)
            .collect();
        let n = ids.len();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), n, "ids are unique");
    }
}
