//! The Terms window: the analyst's own equivalent terms and counterparts (added, edited,
//! turned off and removed, applied to the comparison at once), shown apart from the built-in
//! rows, and imported from or exported to a plain text file (the format of the command line's
//! `--equivalences`). The rows are kept in the settings; every change is a
//! [`Command::Terms(TermsCommand::Set)`] carried out in `logic()`.

use egui::Ui;

use crate::terms::{BUILTIN_COUNTERPARTS, BUILTIN_EQUIVALENCES, Table, Term, Terms, builtin_rows};

use super::commands::{Command, TermsCommand};

/// The window's own state: open or not, what is typed in its fields.
#[derive(Debug, Default)]
pub struct TermsWindow {
    open: bool,
    /// A new row being typed, per table.
    new_equivalent: String,
    new_counterpart: String,
    /// The terms file to import or export.
    path: String,
}

impl TermsWindow {
    /// Whether the window is open.
    pub fn is_open(&self) -> bool {
        self.open
    }

    /// Opens or closes the window.
    pub fn toggle(&mut self) {
        self.open = !self.open;
    }

    /// The window, when open: the analyst's rows (each editable, with a switch and Remove),
    /// a field to add a row to each table, import and export, and the built-in rows.
    pub fn show(&mut self, ctx: &egui::Context, terms: &Terms, commands: &mut Vec<Command>) {
        if !self.open {
            return;
        }
        let mut open = true;
        let room = ctx.content_rect().size();
        egui::Window::new("Terms")
            .open(&mut open)
            .default_pos([(room.x - 660.0).max(0.0), 100.0])
            .default_width(620.0)
            .default_height(560.0)
            .show(ctx, |ui| self.ui(ui, terms, commands));
        if !open {
            commands.push(Command::Terms(TermsCommand::ToggleWindow));
        }
    }

    fn ui(&mut self, ui: &mut Ui, terms: &Terms, commands: &mut Vec<Command>) {
        ui.label(
            "Teach Parallax the terms of your files: equivalent terms are different wordings \
             of one thing (word diff, links and the names of the insights); counterparts are words that count as one \
             concept when sentences are linked. Your rows apply at once, on top of the \
             built-in ones (a row of yours replaces a built-in group sharing a form).",
        );
        ui.separator();
        let mut edited = terms.clone();
        let mut changed = false;
        for table in [Table::Equivalent, Table::Counterpart] {
            let title = match table {
                Table::Equivalent => "Your equivalent terms",
                Table::Counterpart => "Your counterparts",
            };
            ui.label(egui::RichText::new(title).strong());
            changed |= rows_ui(ui, &mut edited, table);
            changed |= self.new_row_ui(ui, &mut edited, table);
            ui.add_space(6.0);
        }
        if changed {
            commands.push(Command::Terms(TermsCommand::Set(edited)));
        }
        ui.separator();
        self.file_ui(ui, commands);
        ui.separator();
        builtin_ui(ui);
    }

    /// The field and button that add a row to `table`; says whether one was added.
    fn new_row_ui(&mut self, ui: &mut Ui, edited: &mut Terms, table: Table) -> bool {
        let mut changed = false;
        ui.horizontal(|ui| {
            let (field, hint, label) = match table {
                Table::Equivalent => (
                    &mut self.new_equivalent,
                    "COAS | Army Chief | Field Marshal",
                    "New equivalent terms:",
                ),
                Table::Counterpart => (
                    &mut self.new_counterpart,
                    "reaffirm | reiterate | underline",
                    "New counterparts:",
                ),
            };
            let label = ui.label(label);
            let response = ui
                .add(
                    egui::TextEdit::singleline(field)
                        .hint_text(hint)
                        .desired_width((ui.available_width() - 180.0).max(160.0)),
                )
                .labelled_by(label.id);
            let entered = response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            let add = match table {
                Table::Equivalent => "Add equivalent terms",
                Table::Counterpart => "Add counterparts",
            };
            if (ui.button(add).clicked() || entered) && !field.trim().is_empty() {
                edited.rows.push(Term::new(table, field.trim()));
                field.clear();
                changed = true;
            }
        });
        changed
    }

    /// The terms file's path, Import and Export.
    fn file_ui(&mut self, ui: &mut Ui, commands: &mut Vec<Command>) {
        ui.horizontal(|ui| {
            let label = ui.label("Terms file:");
            ui.add(
                egui::TextEdit::singleline(&mut self.path)
                    .hint_text("/path/to/terms.txt (the format of --equivalences)")
                    .desired_width((ui.available_width() - 160.0).max(160.0)),
            )
            .labelled_by(label.id);
            let path = self.path.trim();
            if ui
                .add_enabled(!path.is_empty(), egui::Button::new("Import"))
                .on_hover_text("Replace your rows by the file's")
                .clicked()
            {
                commands.push(Command::Terms(TermsCommand::Import(path.into())));
            }
            if ui
                .add_enabled(!path.is_empty(), egui::Button::new("Export"))
                .on_hover_text(
                    "Write your rows to the file: parallax compare --equivalences FILE reads it",
                )
                .clicked()
            {
                commands.push(Command::Terms(TermsCommand::Export(path.into())));
            }
        });
    }
}

/// The analyst's rows of `table`, each with its switch, its line and Remove, and what is wrong
/// with it; says whether one changed.
fn rows_ui(ui: &mut Ui, edited: &mut Terms, table: Table) -> bool {
    let mut changed = false;
    let mut remove = None;
    let mut any = false;
    for (index, row) in edited.rows.iter_mut().enumerate() {
        if row.table != table {
            continue;
        }
        any = true;
        ui.horizontal(|ui| {
            let n = index + 1;
            let switch = ui
                .checkbox(&mut row.enabled, format!("Use row {n}"))
                .on_hover_text("Off: the row is kept, not applied");
            changed |= switch.changed();
            let label = switch;
            changed |= ui
                .add(
                    egui::TextEdit::singleline(&mut row.line)
                        .desired_width((ui.available_width() - 130.0).max(160.0)),
                )
                .labelled_by(label.id)
                .changed();
            if ui.button(format!("Remove row {n}")).clicked() {
                remove = Some(index);
            }
        });
        if let Some(problem) = row.problem() {
            ui.colored_label(
                ui.visuals().error_fg_color,
                format!("Row {}: not applied: {problem}", index + 1),
            );
        }
    }
    if !any {
        ui.label(egui::RichText::new("none yet").weak());
    }
    if let Some(index) = remove {
        edited.rows.remove(index);
        changed = true;
    }
    changed
}

/// The built-in rows, each table folded.
fn builtin_ui(ui: &mut Ui) {
    for (title, text) in [
        ("Built-in equivalent terms", BUILTIN_EQUIVALENCES),
        ("Built-in counterparts", BUILTIN_COUNTERPARTS),
    ] {
        let rows = builtin_rows(text);
        egui::CollapsingHeader::new(format!("{title} ({} rows)", rows.len()))
            .id_salt(title)
            .show(ui, |ui| {
                let height = ui.text_style_height(&egui::TextStyle::Body);
                egui::ScrollArea::vertical()
                    .id_salt(title)
                    .max_height(180.0)
                    .show_rows(ui, height, rows.len(), |ui, range| {
                        for row in rows.get(range).unwrap_or_default() {
                            ui.label(egui::RichText::new(*row).weak());
                        }
                    });
            });
    }
}
