//! Notes on rows: the note bar under the selected row, and the notes of the pair shown, kept
//! in a sidecar file ([`crate::notes`]). The sidecar is read and written on the worker's file
//! thread, in order; the window only places notes on rows.

use std::path::PathBuf;

use egui::Ui;

use crate::notes::Notes;

use super::Command;
use super::notices::Notices;
use super::session::Shown;
use super::worker::{JobResult, Worker};

/// The notes of the pair shown.
#[derive(Debug, Default)]
pub struct NotesBar {
    /// The pair's notes and where they are kept, once read.
    sidecar: Option<(PathBuf, Notes)>,
    /// The comparison generation a read was asked for, until it arrives.
    reading: Option<u64>,
    /// Notes placed on rows of the comparison shown: (row, note), by row.
    by_row: Vec<(usize, String)>,
    /// The row whose note is being edited, and the text typed.
    draft_row: Option<usize>,
    draft: String,
}

impl NotesBar {
    /// The notes placed on rows, as the rows and exports show them.
    pub fn by_row(&self) -> &[(usize, String)] {
        &self.by_row
    }

    /// A new comparison is shown: places the notes again, reading them first when the pair
    /// is another one.
    pub fn on_shown(&mut self, shown: &Shown, worker: &Worker) {
        let [left, right] = &shown.documents;
        let path = crate::notes::sidecar_path(left, right);
        let same_pair = matches!((&self.sidecar, &path), (Some((p, _)), Some(q)) if p == q);
        if same_pair {
            self.place(shown);
        } else {
            self.by_row.clear();
            self.reading = Some(shown.generation);
            worker.read_notes(shown.generation, shown.documents.clone());
        }
        self.draft_row = None;
        self.draft.clear();
    }

    fn place(&mut self, shown: &Shown) {
        let [left, right] = &shown.documents;
        self.by_row = match &self.sidecar {
            Some((_, notes)) => notes.by_row(&shown.comparison, left, right),
            None => Vec::new(),
        };
    }

    /// Sets (or with an empty text removes) the note on a row, and saves the notes.
    pub fn apply(&mut self, command: &Command, shown: Option<&Shown>, worker: &Worker) -> bool {
        let Command::SetNote(row, text) = command else {
            return false;
        };
        let (Some(shown), Some((path, notes))) = (shown, &mut self.sidecar) else {
            return true;
        };
        let [left, right] = &shown.documents;
        notes.set(&shown.comparison, *row, left, right, text);
        worker.write_notes(path.clone(), notes.clone());
        self.place(shown);
        true
    }

    /// Takes in a notes file read or written on the worker.
    pub fn receive(
        &mut self,
        result: JobResult,
        shown: Option<&Shown>,
        notices: &mut Notices,
    ) -> Result<(), JobResult> {
        match result {
            JobResult::NotesRead {
                generation,
                path,
                result,
                changed,
            } => {
                if self.reading != Some(generation) {
                    return Ok(()); // another pair is shown by now
                }
                self.reading = None;
                let Some(shown) = shown else { return Ok(()) };
                let [left, right] = &shown.documents;
                let notes = match result {
                    Ok(notes) => *notes,
                    Err(message) => {
                        notices.error(format!("Could not read the notes: {message}."));
                        Notes::new(left, right)
                    }
                };
                if let Some(path) = path {
                    if !changed.is_empty() {
                        notices.info(format!(
                            "Notes restored from {}; {} changed since they were written: check \
                             that they still apply.",
                            path.display(),
                            changed.join(" and ")
                        ));
                    }
                    self.sidecar = Some((path, notes));
                } else {
                    self.sidecar = None;
                }
                self.place(shown);
                Ok(())
            }
            JobResult::NotesWritten(result) => {
                if let Err(message) = result {
                    notices.error(format!("Could not save the note: {message}."));
                }
                Ok(())
            }
            other => Err(other),
        }
    }

    /// The note bar of the selected row.
    pub fn ui(&mut self, ui: &mut Ui, row: usize, commands: &mut Vec<Command>) {
        if self.draft_row != Some(row) {
            self.draft = self
                .by_row
                .iter()
                .find(|(r, _)| *r == row)
                .map(|(_, n)| n.clone())
                .unwrap_or_default();
            self.draft_row = Some(row);
        }
        ui.horizontal(|ui| {
            let label = ui.label(format!("Note on row {}:", row + 1));
            ui.add(
                egui::TextEdit::singleline(&mut self.draft)
                    .hint_text("a remark for this row, kept with the pair and shown in exports")
                    .desired_width(ui.available_width() - 220.0),
            )
            .labelled_by(label.id);
            if ui.button("Save note").clicked() {
                commands.push(Command::SetNote(row, self.draft.clone()));
            }
            if ui.button("Remove note").clicked() {
                self.draft.clear();
                commands.push(Command::SetNote(row, String::new()));
            }
        });
    }
}
