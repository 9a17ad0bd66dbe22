//! Messages shown under the toolbar until dismissed: load errors, saved reports, files
//! changed on disk. Each has an id, so dismissing or acting on one never touches another
//! (an index would shift when an action removes its own notice first).

use egui::Ui;

use super::commands::{AppCommand, Command};

pub use super::commands::NoticeId;

/// A message shown in the window until dismissed.
#[derive(Debug, Clone, PartialEq)]
pub struct Notice {
    /// Its id.
    pub id: NoticeId,
    /// The text (names the file and the reason).
    pub text: String,
    /// Whether it reports an error (red) or information.
    pub error: bool,
    /// A button offered with it: its label and what it does.
    pub action: Option<(String, Command)>,
}

/// The notices shown, oldest first.
#[derive(Debug, Default)]
pub struct Notices {
    list: Vec<Notice>,
    next_id: NoticeId,
}

impl Notices {
    /// Shows a notice; returns its id.
    pub fn push(
        &mut self,
        text: String,
        error: bool,
        action: Option<(String, Command)>,
    ) -> NoticeId {
        let id = self.next_id;
        self.next_id += 1;
        self.list.push(Notice {
            id,
            text,
            error,
            action,
        });
        id
    }

    /// Shows an error.
    pub fn error(&mut self, text: String) -> NoticeId {
        self.push(text, true, None)
    }

    /// Shows a piece of information.
    pub fn info(&mut self, text: String) -> NoticeId {
        self.push(text, false, None)
    }

    /// A document was opened: its earlier errors go, and a file opened with damaged bytes
    /// replaced says so. (Both the two columns and the collation open files.)
    pub fn opened(&mut self, document: &crate::load::Document) {
        self.retain(|n| !n.error || !n.text.contains(&document.name));
        if document.encoding.contains("replaced with U+FFFD") {
            self.info(format!(
                "{} opened anyway: {} (shown as \u{FFFD}; reports record it).",
                document.name, document.encoding
            ));
        }
    }

    /// Removes the notices `keep` says no to.
    pub fn retain(&mut self, keep: impl FnMut(&Notice) -> bool) {
        self.list.retain(keep);
    }

    /// The notices shown, oldest first.
    pub fn list(&self) -> &[Notice] {
        &self.list
    }

    /// Takes a notice off the window (Dismiss, or its action was taken).
    pub fn dismiss(&mut self, id: NoticeId) {
        self.list.retain(|n| n.id != id);
    }

    /// One line per notice, with its action and a Dismiss button.
    pub fn ui(&self, ui: &mut Ui, commands: &mut Vec<Command>) {
        for notice in &self.list {
            ui.horizontal(|ui| {
                let colour = if notice.error {
                    ui.visuals().error_fg_color
                } else {
                    ui.visuals().text_color()
                };
                ui.colored_label(colour, &notice.text);
                if let Some((label, command)) = &notice.action
                    && ui.small_button(label).clicked()
                {
                    commands.push(command.clone());
                    commands.push(Command::App(AppCommand::DismissNotice(notice.id)));
                }
                if ui.small_button("Dismiss").clicked() {
                    commands.push(Command::App(AppCommand::DismissNotice(notice.id)));
                }
            });
        }
    }
}
