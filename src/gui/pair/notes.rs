//! Notes on rows: the note bar under the selected row, and the notes of the pair shown, kept
//! in a sidecar file ([`crate::notes`]). The sidecar is read and written on the worker's file
//! thread, in order; the window only places notes on rows.
//!
//! What is typed is a draft of its row until it is saved: by Enter, by Save note, or by leaving
//! the row (another row selected, another comparison shown). A draft is never dropped. When the
//! sides are swapped, the pair's notes follow (their anchors swap with the sides).

use std::path::PathBuf;
use std::sync::Arc;

use egui::Ui;

use crate::engine::Comparison;
use crate::load::Document;
use crate::notes::{Notes, Placed};

use crate::gui::Sides;

use crate::gui::commands::{Command, NotesCommand};
use crate::gui::notices::Notices;
use crate::gui::pair::session::Shown;
use crate::gui::worker::{NotesResult, Worker};

/// The notes of the pair shown.
#[derive(Debug, Default)]
pub struct NotesBar {
    /// The pair's notes and where they are kept, once read.
    sidecar: Option<(PathBuf, Notes)>,
    /// The comparison generation a read was asked for, until it arrives.
    reading: Option<u64>,
    /// Notes placed on rows of the comparison shown: (row, note), by row.
    by_row: Vec<(usize, String)>,
    /// Rows whose note was written on other text (its sentences changed) and placed on the
    /// row most like it, with the text it was written on: (row, left, right).
    inexact: Vec<(usize, String, String)>,
    /// The comparison and documents the notes are placed on (a draft is saved against them).
    placed_on: Option<(Arc<Comparison>, Sides<Arc<Document>>)>,
    /// Text typed on a row and not saved yet: (row, text).
    draft: Option<(usize, String)>,
    /// The note field takes the keyboard next frame (key N).
    focus: bool,
    /// Whether the notes in memory have their sides swapped from the sidecar's (written
    /// back in the sidecar's own order).
    swapped: bool,
}

impl NotesBar {
    /// The notes placed on rows, as the rows and exports show them.
    pub fn by_row(&self) -> &[(usize, String)] {
        &self.by_row
    }

    /// A new comparison is shown: places the notes again, reading them first when the pair
    /// is another one.
    /// A draft left behind is saved first, on the row it was typed on.
    pub fn on_shown(&mut self, shown: &Shown, worker: &Worker) {
        self.save_draft(worker);
        let Sides { left, right } = &shown.documents;
        let kept_in = |l: &Document, r: &Document| matches!((&self.sidecar, crate::notes::sidecar_path(l, r)), (Some((p, _)), Some(q)) if *p == q);
        // The same pair, or the same two documents with the sides swapped: the same notes,
        // kept in the same sidecar, their anchors on the sides as shown.
        let (direct, reversed) = (kept_in(left, right), kept_in(right, left));
        if direct || reversed {
            let swapped = !direct;
            if swapped != self.swapped
                && let Some((_, notes)) = &mut self.sidecar
            {
                notes.swap_sides();
                self.swapped = swapped;
            }
            self.place(shown);
        } else {
            self.by_row.clear();
            self.inexact.clear();
            self.placed_on = None;
            self.reading = Some(shown.generation);
            worker.read_notes(shown.generation, shown.documents.clone());
        }
    }

    fn place(&mut self, shown: &Shown) {
        let Sides { left, right } = &shown.documents;
        match &self.sidecar {
            Some((_, notes)) => {
                let placed = notes.placed(&shown.comparison, left, right);
                (self.by_row, self.inexact) = split_placed(notes, placed);
            }
            None => {
                self.by_row.clear();
                self.inexact.clear();
            }
        }
        self.placed_on = Some((shown.comparison.clone(), shown.documents.clone()));
    }

    /// The analyst's decisions kept in the pair's sidecar, as the sides are shown; `None`
    /// until the sidecar is read (or where there can be none).
    pub fn decisions(&self) -> Option<&[crate::engine::Decision]> {
        match (&self.sidecar, self.reading) {
            (Some((_, notes)), None) => Some(&notes.decisions),
            _ => None,
        }
    }

    /// Keeps these decisions in the pair's sidecar (written on the worker's file thread);
    /// returns whether there is a sidecar to keep them in.
    pub fn set_decisions(
        &mut self,
        decisions: Vec<crate::engine::Decision>,
        worker: &Worker,
    ) -> bool {
        let (Some((path, notes)), None) = (&mut self.sidecar, self.reading) else {
            return false;
        };
        notes.decisions = decisions;
        if let Some((_, Sides { left, right })) = &self.placed_on {
            notes.left = crate::notes::Notes::new(left, right).left;
            notes.right = crate::notes::Notes::new(left, right).right;
        }
        let mut kept = notes.clone();
        if self.swapped {
            kept.swap_sides();
        }
        worker.write_notes(path.clone(), kept);
        true
    }

    /// The selection is now `selected`: a draft typed on another row is saved there.
    pub fn follow_selection(&mut self, selected: Option<usize>, worker: &Worker) {
        if self
            .draft
            .as_ref()
            .is_some_and(|(row, _)| Some(*row) != selected)
        {
            self.save_draft(worker);
        }
    }

    /// The note field of the selected row takes the keyboard (key N).
    pub fn request_focus(&mut self) {
        self.focus = true;
    }

    /// Saves the draft, if any, on its row of the comparison the notes are placed on.
    fn save_draft(&mut self, worker: &Worker) {
        let Some((row, text)) = self.draft.take() else {
            return;
        };
        let saved = self
            .by_row
            .iter()
            .find(|(r, _)| *r == row)
            .map(|(_, n)| n.as_str());
        if saved.unwrap_or_default() == text.trim() {
            return;
        }
        if !self.set(row, &text, worker) {
            // The notes are still being read: the draft waits for them.
            self.draft = Some((row, text));
        }
    }

    /// Sets the note of `row` on the comparison placed, writes the sidecar, places again;
    /// returns whether it could (not while the notes are read).
    fn set(&mut self, row: usize, text: &str, worker: &Worker) -> bool {
        let (Some((comparison, documents)), Some((path, notes))) =
            (&self.placed_on, &mut self.sidecar)
        else {
            return false;
        };
        let Sides { left, right } = documents;
        notes.set(comparison, row, left, right, text);
        let mut kept = notes.clone();
        if self.swapped {
            kept.swap_sides();
        }
        worker.write_notes(path.clone(), kept);
        let placed = notes.placed(comparison, left, right);
        (self.by_row, self.inexact) = split_placed(notes, placed);
        true
    }

    /// Sets (or with an empty text removes) the note on a row, and saves the notes.
    pub fn apply(&mut self, command: &NotesCommand, shown: Option<&Shown>, worker: &Worker) {
        match command {
            NotesCommand::Set(row, text) => {
                if self.draft.as_ref().is_some_and(|(r, _)| r == row) {
                    self.draft = None;
                }
                if shown.is_some() {
                    self.set(*row, text, worker);
                }
            }
            NotesCommand::Edit => self.request_focus(),
        }
    }

    /// Takes in a notes file read or written on the worker.
    pub fn receive(&mut self, result: NotesResult, shown: Option<&Shown>, notices: &mut Notices) {
        match result {
            NotesResult::Read {
                generation,
                path,
                result,
                changed,
            } => {
                if self.reading != Some(generation) {
                    return; // another pair is shown by now
                }
                self.reading = None;
                let Some(shown) = shown else { return };
                let Sides { left, right } = &shown.documents;
                let notes = match result {
                    Ok(notes) => *notes,
                    Err(message) => {
                        notices.error(format!("Could not read the notes: {message}."));
                        Notes::new(left, right)
                    }
                };
                let path_shown = path.as_ref().map(|p| p.display().to_string());
                self.sidecar = path.map(|path| (path, notes));
                self.swapped = false;
                self.place(shown);
                if let Some(path) = path_shown
                    && !changed.is_empty()
                {
                    let moved = match self.inexact.as_slice() {
                        [] => String::new(),
                        [(row, ..)] => format!(
                            " 1 note no longer matches its sentences and is shown on the most \
                             similar row ({}).",
                            row + 1
                        ),
                        inexact => format!(
                            " {} notes no longer match their sentences and are shown on the most \
                             similar rows ({}).",
                            inexact.len(),
                            inexact
                                .iter()
                                .map(|(row, ..)| (row + 1).to_string())
                                .collect::<Vec<_>>()
                                .join(", ")
                        ),
                    };
                    notices.info(format!(
                        "Notes restored from {path}; {} changed since they were written: check \
                         that they still apply.{moved}",
                        changed.join(" and ")
                    ));
                }
            }
            NotesResult::Written(result) => {
                if let Err(message) = result {
                    notices.error(format!("Could not save the note: {message}."));
                }
            }
        }
    }

    /// The note bar of the selected row: its draft if one is typed, else its saved note.
    /// Enter saves, as Save note does.
    pub fn ui(&mut self, ui: &mut Ui, row: usize, commands: &mut Vec<Command>) {
        let saved = self
            .by_row
            .iter()
            .find(|(r, _)| *r == row)
            .map(|(_, n)| n.as_str())
            .unwrap_or_default();
        let mut text = match &self.draft {
            Some((r, draft)) if *r == row => draft.clone(),
            _ => saved.to_owned(),
        };
        ui.horizontal(|ui| {
            let label = ui.label(format!("Note on row {}:", row + 1));
            let edit = ui
                .add(
                    egui::TextEdit::singleline(&mut text)
                        .hint_text(
                            "a remark for this row, kept with the pair and shown in exports \
                             (Enter saves)",
                        )
                        .desired_width((ui.available_width() - 220.0).max(120.0)),
                )
                .labelled_by(label.id);
            if std::mem::take(&mut self.focus) {
                edit.request_focus();
            }
            if edit.changed() {
                self.draft = Some((row, text.clone()));
            }
            let entered = edit.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            if ui.button("Save note").clicked() || entered {
                commands.push(Command::Notes(NotesCommand::Set(row, text.clone())));
            }
            if !saved.is_empty() && ui.button("Remove note").clicked() {
                commands.push(Command::Notes(NotesCommand::Set(row, String::new())));
            }
            if self
                .draft
                .as_ref()
                .is_some_and(|(r, d)| *r == row && d.trim() != saved)
            {
                ui.label(egui::RichText::new("unsaved").weak());
            }
        });
        if let Some((_, left, right)) = self.inexact.iter().find(|(r, ..)| *r == row) {
            let quoted = |text: &str| {
                if text.is_empty() {
                    "(nothing)".to_owned()
                } else {
                    format!("“{}”", text.trim())
                }
            };
            ui.colored_label(
                ui.visuals().warn_fg_color,
                format!(
                    "This note was written on other text (a file changed): left {}, right {}. \
                     Save note keeps it on this row; Remove note drops it.",
                    quoted(left),
                    quoted(right)
                ),
            );
        }
    }
}

/// Notes placed on rows, as the rows show them ((row, note), by row) and the inexact ones
/// with the text they were written on ((row, left, right)).
#[allow(clippy::type_complexity)]
fn split_placed(
    notes: &Notes,
    placed: Vec<Placed>,
) -> (Vec<(usize, String)>, Vec<(usize, String, String)>) {
    let inexact = placed
        .iter()
        .filter(|p| !p.exact)
        .filter_map(|p| {
            let note = notes.notes.get(p.index)?;
            Some((p.row, note.left.clone(), note.right.clone()))
        })
        .collect();
    (
        placed.into_iter().map(|p| (p.row, p.note)).collect(),
        inexact,
    )
}
