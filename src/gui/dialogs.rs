//! The window's dialogs: the path field (where no native file dialog can be shown), the text
//! editor (paste or edit a statement) and the export window. Each draws only its content;
//! [`modal`] gives them the same frame: titled, centred, over a backdrop that keeps the
//! keyboard and the pointer inside the dialog (Tab cycles through its widgets only), closed
//! by Escape as by its Cancel button.

use std::path::PathBuf;
use std::sync::Arc;

use egui::Key;

use crate::export::Format;
use crate::load::Document;

use super::commands::Slot;
use super::commands::{AppCommand, Command, DialogCommand, PairCommand};
use super::worker::{DialogResult, Worker};
use super::{Side, Sides};

/// Why the path field is shown instead of the native dialog.
const NO_DIALOG: &str = "No native file dialog is available here (no desktop portal is running).";
const DIALOG_FAILED: &str =
    "The native file dialog could not be shown (no desktop portal answered).";

/// The path field.
#[derive(Debug, Clone)]
struct PathPrompt {
    slot: Slot,
    text: String,
    reason: String,
    /// Whether the path field was given the keyboard (once, when the dialog opens).
    focused: bool,
}

/// The text editor for pasting or editing one side.
#[derive(Debug, Clone)]
struct Editor {
    side: Side,
    text: String,
    /// Where the text came from ("untitled" when pasted).
    origin: String,
    /// Whether the text field was given the keyboard (once, when the editor opens).
    focused: bool,
}

/// The export window.
#[derive(Debug, Clone)]
struct ExportDialog {
    format: Format,
    /// Path field, shown where no native save dialog exists.
    path: Option<String>,
    reason: String,
}

/// The open dialogs (at most one of each).
#[derive(Debug, Default)]
pub struct Dialogs {
    prompt: Option<PathPrompt>,
    editor: Option<Editor>,
    export: Option<ExportDialog>,
}

/// Where rfd can show a dialog: on Linux it asks the desktop portal over the session bus.
fn dialog_available() -> bool {
    if cfg!(target_os = "linux") {
        std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some()
    } else {
        true
    }
}

/// A file name without its extension.
fn stem(name: &str) -> &str {
    name.rsplit_once('.').map_or(name, |(stem, _)| stem)
}

impl Dialogs {
    /// Carries out the dialogs' commands. `documents` are
    /// the open documents, `exported` those a report would show (named in its file name).
    pub fn apply(
        &mut self,
        command: &DialogCommand,
        documents: &Sides<Arc<Document>>,
        exported: Option<&[&Document]>,
        worker: &Worker,
        follow: &mut Vec<Command>,
    ) {
        match command {
            DialogCommand::Open(slot) => self.ask(*slot, documents, worker),
            DialogCommand::CancelPrompt => self.prompt = None,
            DialogCommand::EditText(side, keep) => {
                let document = &documents[*side];
                self.editor = Some(Editor {
                    side: *side,
                    text: if *keep {
                        document.text.clone()
                    } else {
                        String::new()
                    },
                    origin: if *keep {
                        document.name.clone()
                    } else {
                        "untitled".into()
                    },
                    focused: false,
                });
            }
            DialogCommand::ApplyEdit(side, text) => {
                let origin = self
                    .editor
                    .take()
                    .map_or_else(|| "untitled".to_owned(), |e| e.origin);
                let name = if origin == "untitled" {
                    format!("untitled ({})", side.name())
                } else {
                    format!("{} (edited)", origin.trim_end_matches(" (edited)"))
                };
                follow.push(Command::Pair(PairCommand::SetText(
                    *side,
                    name,
                    text.clone(),
                )));
            }
            DialogCommand::CancelEdit => self.editor = None,
            DialogCommand::OpenExport => {
                self.export = Some(ExportDialog {
                    format: Format::Html,
                    path: None,
                    reason: String::new(),
                });
            }
            DialogCommand::ChooseExportPath(format) => {
                let Some((exported, first)) = exported.and_then(|e| Some((e, e.first()?))) else {
                    return;
                };
                let suggested = match exported {
                    [left, right] => format!(
                        "{}-vs-{}.{}",
                        stem(&left.name),
                        stem(&right.name),
                        format.extension()
                    ),
                    _ => format!(
                        "collation-of-{}-statements.{}",
                        exported.len(),
                        format.extension()
                    ),
                };
                if dialog_available() {
                    worker.pick_save(*format, suggested);
                } else {
                    let dir = first.path.as_ref().and_then(|p| p.parent()).map_or_else(
                        || std::env::current_dir().unwrap_or_default(),
                        std::path::Path::to_path_buf,
                    );
                    self.export = Some(ExportDialog {
                        format: *format,
                        path: Some(dir.join(suggested).display().to_string()),
                        reason: NO_DIALOG.into(),
                    });
                }
            }
            DialogCommand::CancelExport => self.export = None,
        }
    }

    /// Closes the export window (its report is being written).
    pub fn close_export(&mut self) {
        self.export = None;
    }

    /// Whether a dialog is open (it takes Escape).
    pub fn is_open(&self) -> bool {
        self.prompt.is_some() || self.editor.is_some() || self.export.is_some()
    }

    /// Asks for a file for `slot`: the native dialog, or the path field where there is none.
    fn ask(&mut self, slot: Slot, documents: &Sides<Arc<Document>>, worker: &Worker) {
        if dialog_available() {
            worker.pick(slot);
        } else {
            self.show_prompt(slot, documents, NO_DIALOG);
        }
    }

    fn show_prompt(&mut self, slot: Slot, documents: &Sides<Arc<Document>>, reason: &str) {
        // Start in the folder of the document it replaces, or of the first one.
        let near = match slot {
            Slot::Side(side) => side,
            _ => Side::Left,
        };
        let text = documents[near]
            .path
            .as_ref()
            .and_then(|p| p.parent())
            .map(|p| format!("{}/", p.display()))
            .unwrap_or_default();
        self.prompt = Some(PathPrompt {
            slot,
            text,
            reason: reason.to_owned(),
            focused: false,
        });
    }

    /// Takes in what a native dialog answered.
    pub fn receive(
        &mut self,
        result: DialogResult,
        documents: &Sides<Arc<Document>>,
        follow: &mut Vec<Command>,
    ) {
        match result {
            DialogResult::Picked {
                slot,
                path,
                failed_fast,
            } => match path {
                Some(path) => follow.push(slot.open(path)),
                None if failed_fast => self.show_prompt(slot, documents, DIALOG_FAILED),
                None => {}
            },
            DialogResult::SavePicked {
                format,
                path,
                failed_fast,
            } => match path {
                Some(path) => follow.push(Command::App(AppCommand::Export(format, path))),
                None if failed_fast => {
                    self.export = Some(ExportDialog {
                        format,
                        path: Some(String::new()),
                        reason: DIALOG_FAILED.into(),
                    });
                }
                None => {}
            },
        }
    }

    /// Draws the open dialogs; Escape cancels the one on top.
    pub fn ui(&mut self, ctx: &egui::Context, commands: &mut Vec<Command>) {
        if let Some(prompt) = &mut self.prompt {
            let title = prompt.slot.title();
            if modal(ctx, &title, None, |ui| prompt_ui(ui, prompt, commands)) {
                commands.push(Command::Dialog(DialogCommand::CancelPrompt));
            }
        }
        if let Some(editor) = &mut self.editor {
            let title = format!("Text of the {} statement", editor.side.name());
            if modal(ctx, &title, Some([720.0, 480.0]), |ui| {
                editor_ui(ui, editor, commands);
            }) {
                commands.push(Command::Dialog(DialogCommand::CancelEdit));
            }
        }
        if let Some(export) = &mut self.export
            && modal(ctx, "Export report", None, |ui| {
                export_ui(ui, export, commands)
            })
        {
            commands.push(Command::Dialog(DialogCommand::CancelExport));
        }
    }
}

/// The frame every dialog shares: a titled, centred modal over a backdrop (the widgets behind
/// take neither the pointer nor the keyboard), `size` wide and at most that tall, or fitted to
/// its content. Returns whether Escape asked to close it.
pub fn modal(
    ctx: &egui::Context,
    title: &str,
    size: Option<[f32; 2]>,
    content: impl FnOnce(&mut egui::Ui),
) -> bool {
    let response = egui::Modal::new(egui::Id::unique(("parallax-dialog", title))).show(ctx, |ui| {
        if let Some([width, height]) = size {
            let room = ctx.content_rect().size() - egui::vec2(48.0, 48.0);
            ui.set_width(width.min(room.x).max(200.0));
            ui.set_max_height(height.min(room.y).max(200.0));
        }
        ui.heading(title);
        ui.add_space(4.0);
        content(ui);
    });
    response.is_top_modal
        && !response.any_popup_open
        && ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, Key::Escape))
}

fn prompt_ui(ui: &mut egui::Ui, prompt: &mut PathPrompt, commands: &mut Vec<Command>) {
    ui.label(&prompt.reason);
    ui.label("Type or paste the path of the file instead:");
    let label = ui.label("Path:");
    let edit = ui
        .add(egui::TextEdit::singleline(&mut prompt.text).desired_width(420.0))
        .labelled_by(label.id);
    // The field takes the keyboard when the dialog opens (the cursor after the folder it
    // starts in).
    if !prompt.focused {
        edit.request_focus();
        prompt.focused = true;
    }
    let submitted = edit.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
    ui.horizontal(|ui| {
        if ui.button("Open").clicked() || submitted {
            let path = PathBuf::from(prompt.text.trim());
            if !path.as_os_str().is_empty() {
                commands.push(prompt.slot.open(path));
                commands.push(Command::Dialog(DialogCommand::CancelPrompt));
            }
        }
        if ui.button("Cancel").clicked() {
            commands.push(Command::Dialog(DialogCommand::CancelPrompt));
        }
    });
}

fn editor_ui(ui: &mut egui::Ui, editor: &mut Editor, commands: &mut Vec<Command>) {
    ui.label(if editor.origin == "untitled" {
        "Paste the statement here (Ctrl+V), or type it, then compare.".to_owned()
    } else {
        format!(
            "Editing a copy of {}: the file on disk is never changed.",
            editor.origin
        )
    });
    let label = ui.label("Statement text:");
    egui::ScrollArea::vertical()
        .max_height(380.0)
        .show(ui, |ui| {
            let edit = ui
                .add(
                    egui::TextEdit::multiline(&mut editor.text)
                        .desired_width(f32::INFINITY)
                        .desired_rows(18)
                        .hint_text("Statement text"),
                )
                .labelled_by(label.id);
            // The keyboard goes to the text as the editor opens, so typing edits at once.
            if !editor.focused {
                edit.request_focus();
                editor.focused = true;
            }
        });
    ui.horizontal(|ui| {
        let ready = !editor.text.trim().is_empty();
        if ui
            .add_enabled(ready, egui::Button::new("Compare with this text"))
            .clicked()
        {
            commands.push(Command::Dialog(DialogCommand::ApplyEdit(
                editor.side,
                editor.text.clone(),
            )));
        }
        if ui.button("Cancel").clicked() {
            commands.push(Command::Dialog(DialogCommand::CancelEdit));
        }
    });
}

fn export_ui(ui: &mut egui::Ui, dialog: &mut ExportDialog, commands: &mut Vec<Command>) {
    ui.label(
        "A report of this comparison, with provenance (files, sizes, SHA-256, options, time) \
         and your notes.",
    );
    for format in Format::ALL {
        ui.radio_value(&mut dialog.format, format, format.label());
    }
    if let Some(path) = &mut dialog.path {
        ui.label(&dialog.reason);
        let label = ui.label("Save to:");
        ui.add(egui::TextEdit::singleline(path).desired_width(420.0))
            .labelled_by(label.id);
    }
    ui.horizontal(|ui| {
        match &dialog.path {
            Some(path) => {
                let path = path.trim();
                if ui
                    .add_enabled(!path.is_empty(), egui::Button::new("Save"))
                    .clicked()
                {
                    commands.push(Command::App(AppCommand::Export(
                        dialog.format,
                        PathBuf::from(path),
                    )));
                }
            }
            None => {
                if ui.button("Save as…").clicked() {
                    commands.push(Command::Dialog(DialogCommand::ChooseExportPath(
                        dialog.format,
                    )));
                }
            }
        }
        if ui.button("Cancel").clicked() {
            commands.push(Command::Dialog(DialogCommand::CancelExport));
        }
    });
}
