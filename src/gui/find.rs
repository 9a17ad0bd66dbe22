//! Find across both documents: the find bar, the current match, and the search itself, which
//! runs on the worker (a megabyte pair would otherwise stall the frame) and is redone when the
//! query or the comparison changes.

use egui::{Key, Ui};

use super::commands::{AppCommand, Command, FindCommand};
use super::worker::{FindMatch, FindScope, Found, Worker};

/// The find bar's state.
#[derive(Debug, Default)]
pub struct Find {
    open: bool,
    query: String,
    /// (row, document, span) of each match, in row order.
    matches: Vec<FindMatch>,
    current: usize,
    /// (query, comparison generation) the matches are for.
    computed_for: Option<(String, u64)>,
    /// (query, comparison generation) last asked of the worker.
    requested: Option<(String, u64)>,
    focus: bool,
    /// Counts the changes to what [`Find::matches`] gives: the marks' cache key.
    version: u64,
}

impl Find {
    /// Whether the find bar is open.
    pub fn is_open(&self) -> bool {
        self.open
    }

    /// Matches to mark: (row, document, span) in row order, and the current one's index.
    pub fn matches(&self) -> (&[FindMatch], usize) {
        // Matches of another search (the other view's, or an older query) mark nothing.
        if self.open && self.computed_for == self.requested {
            (&self.matches, self.current)
        } else {
            (&[], 0)
        }
    }

    /// A number that changes whenever what [`Find::matches`] gives does (the bar opened or
    /// closed, a search asked for or received, the current match moved).
    pub fn version(&self) -> u64 {
        self.version
    }

    /// Whether a search is under way for the query shown.
    pub fn searching(&self) -> bool {
        self.open && self.requested != self.computed_for
    }

    /// Carries out the find commands. Moving to a match scrolls to its row.
    pub fn apply(&mut self, command: FindCommand, follow: &mut Vec<Command>) {
        self.version += 1;
        match command {
            FindCommand::Open => {
                self.open = true;
                self.focus = true;
            }
            FindCommand::Close => {
                self.open = false;
                self.matches.clear();
                self.computed_for = None;
                self.requested = None;
            }
            FindCommand::Next | FindCommand::Previous => {
                let n = self.matches.len();
                if n > 0 {
                    self.current = if command == FindCommand::Next {
                        (self.current + 1) % n
                    } else {
                        (self.current + n - 1) % n
                    };
                    if let Some(m) = self.matches.get(self.current) {
                        follow.push(Command::App(AppCommand::ScrollToRow(m.row)));
                    }
                }
            }
        }
    }

    /// Asks the worker to search when the query or what is shown changed. `generation`
    /// names what is shown (`None`: nothing yet); `scope` builds the search, only when one is
    /// due (not on every frame).
    pub fn logic(
        &mut self,
        generation: Option<u64>,
        scope: impl FnOnce() -> Option<FindScope>,
        worker: &Worker,
    ) {
        let Some(generation) = generation else { return };
        if !self.open {
            return;
        }
        let asked = matches!(&self.requested, Some((q, g)) if *q == self.query && *g == generation);
        if asked {
            return;
        }
        let Some(scope) = scope() else { return };
        self.requested = Some((self.query.clone(), generation));
        self.version += 1;
        worker.find(self.query.clone(), scope);
    }

    /// Takes in the worker's matches if they are for the query and comparison shown.
    pub fn receive(&mut self, found: Found, follow: &mut Vec<Command>) {
        let Found {
            query,
            generation,
            matches,
        } = found;
        let key = (query, generation);
        if self.requested.as_ref() == Some(&key) {
            self.matches = matches;
            self.current = 0;
            if let Some(first) = self.matches.first() {
                follow.push(Command::App(AppCommand::ScrollToRow(first.row)));
            }
            self.computed_for = Some(key);
            self.version += 1;
        }
    }

    /// The find bar.
    pub fn ui(&mut self, ui: &mut Ui, commands: &mut Vec<Command>) {
        ui.horizontal(|ui| {
            let label = ui.label("Find:");
            let edit = ui.add(
                egui::TextEdit::singleline(&mut self.query)
                    .hint_text("text in any document shown")
                    .desired_width(260.0),
            );
            let edit = edit.labelled_by(label.id);
            if self.focus {
                edit.request_focus();
                self.focus = false;
            }
            if edit.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter)) {
                commands.push(Command::Find(FindCommand::Next));
                edit.request_focus();
            }
            let n = self.matches.len();
            let status = if self.query.is_empty() {
                String::new()
            } else if self.searching() {
                "searching…".to_owned()
            } else if n == 0 {
                "no matches".to_owned()
            } else {
                format!("match {} of {n}", self.current + 1)
            };
            if ui.button("Previous match").clicked() {
                commands.push(Command::Find(FindCommand::Previous));
            }
            if ui.button("Next match").clicked() {
                commands.push(Command::Find(FindCommand::Next));
            }
            ui.label(status);
            if ui.button("Close find").clicked() {
                commands.push(Command::Find(FindCommand::Close));
            }
        });
    }
}
