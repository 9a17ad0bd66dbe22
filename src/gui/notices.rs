//! Messages shown under the toolbar until dismissed: load errors, saved reports, files
//! changed on disk. Each has an id, so dismissing or acting on one never touches another
//! (an index would shift when an action removes its own notice first).

use std::path::PathBuf;

use egui::Ui;

use super::commands::{AppCommand, Command};

pub use super::commands::NoticeId;

/// How a notice is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    /// Information (a report saved, a file changed on disk).
    Info,
    /// Something failed (red).
    Error,
}

/// A message shown in the window until dismissed.
#[derive(Debug, Clone, PartialEq)]
pub struct Notice {
    /// Its id.
    pub id: NoticeId,
    /// The text (names the file and the reason).
    pub text: String,
    /// Information or an error.
    pub level: Level,
    /// The file it is about, when it says a file could not be opened: opening that file
    /// answers it.
    pub about: Option<PathBuf>,
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
        level: Level,
        action: Option<(String, Command)>,
    ) -> NoticeId {
        self.push_about(None, text, level, action)
    }

    fn push_about(
        &mut self,
        about: Option<PathBuf>,
        text: String,
        level: Level,
        action: Option<(String, Command)>,
    ) -> NoticeId {
        let id = self.next_id;
        self.next_id += 1;
        self.list.push(Notice {
            id,
            text,
            level,
            about,
            action,
        });
        id
    }

    /// Shows an error.
    pub fn error(&mut self, text: String) -> NoticeId {
        self.push(text, Level::Error, None)
    }

    /// Shows a piece of information.
    pub fn info(&mut self, text: String) -> NoticeId {
        self.push(text, Level::Info, None)
    }

    /// Shows that the file `path` could not be opened (an error, answered when the file is
    /// opened later), with an action such as Open anyway.
    pub fn could_not_open(
        &mut self,
        path: PathBuf,
        text: String,
        action: Option<(String, Command)>,
    ) -> NoticeId {
        self.push_about(Some(path), text, Level::Error, action)
    }

    /// A document was opened: its earlier errors go, and a file opened with damaged bytes
    /// replaced says so. (Both the two columns and the collation open files.)
    pub fn opened(&mut self, document: &crate::load::Document) {
        self.retain(|n| n.level != Level::Error || n.about.is_none() || n.about != document.path);
        if document.encoding.replaced > 0 {
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
                let colour = if notice.level == Level::Error {
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
