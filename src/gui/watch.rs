//! Noticing open files that change on disk: once a second the worker reads their stamps
//! (size and modification time); a changed file is reloaded at once (auto-reload) or offered
//! for reloading in a notice, once per change. Both columns of the pair and every statement
//! of the collation are watched.

use std::path::PathBuf;
use std::sync::Arc;

use crate::load::{Document, FileStamp};

use super::commands::Slot;
use super::commands::{Command, PairCommand, StatementsCommand};
use super::notices::{Level, Notices};
use super::worker::Worker;

/// How often open files are checked for changes on disk, in seconds.
pub const WATCH_INTERVAL: f64 = 1.0;

/// The watcher's state.
#[derive(Debug, Default)]
pub struct Watch {
    /// When the stamps were last asked for (egui time, seconds).
    last: Option<f64>,
    /// Whether an answer is awaited.
    asking: bool,
    /// The stamp last reported as changed, per place and file (so a change is reported once
    /// for each place the file is open in: a column and a statement of the collation).
    reported: Vec<(Slot, PathBuf, FileStamp)>,
}

/// The command that reads the document of `slot` again from `path`.
fn reload(slot: Slot, path: PathBuf) -> Command {
    match slot {
        Slot::Side(side) => Command::Pair(PairCommand::ReloadSide(side)),
        Slot::Statement(id) => Command::Statements(StatementsCommand::Replace(id, path)),
        Slot::NewStatement => Command::Statements(StatementsCommand::Add(vec![path])),
    }
}

impl Watch {
    /// Asks the worker for the stamps of the open files (`open`: where each document is, and
    /// the document; files being loaded are left out by the caller), once per
    /// [`WATCH_INTERVAL`].
    pub fn logic(&mut self, now: f64, open: &[(Slot, Arc<Document>)], worker: &Worker) {
        if self.asking || self.last.is_some_and(|last| now - last < WATCH_INTERVAL) {
            return;
        }
        self.last = Some(now);
        let files: Vec<(Slot, PathBuf)> = open
            .iter()
            .filter(|(_, document)| document.stamp.is_some())
            .filter_map(|(slot, document)| Some((*slot, document.path.clone()?)))
            .collect();
        if !files.is_empty() {
            self.asking = true;
            worker.stat(files);
        }
    }

    /// Takes in the stamps: a changed file is reloaded (`auto_reload`) or offered in a notice.
    pub fn receive(
        &mut self,
        stamps: Vec<(Slot, PathBuf, Option<FileStamp>)>,
        open: &[(Slot, Arc<Document>)],
        auto_reload: bool,
        notices: &mut Notices,
        follow: &mut Vec<Command>,
    ) {
        self.asking = false;
        for (slot, path, current) in stamps {
            let Some((_, document)) = open.iter().find(|(s, _)| *s == slot) else {
                continue;
            };
            // The document may have been replaced while the stamps were read.
            let (Some(stamp), Some(current)) = (document.stamp, current) else {
                continue;
            };
            if document.path.as_ref() != Some(&path) || current == stamp {
                continue;
            }
            if self
                .reported
                .iter()
                .any(|(s, p, stamp)| *s == slot && *p == path && *stamp == current)
            {
                continue;
            }
            self.reported
                .retain(|(s, p, _)| !(*s == slot && *p == path));
            self.reported.push((slot, path.clone(), current));
            let command = reload(slot, path);
            if auto_reload {
                follow.push(command);
            } else {
                let text = match slot {
                    Slot::Side(_) => format!("{} changed on disk.", document.name),
                    _ => format!("{} changed on disk (in the collation).", document.name),
                };
                notices.retain(|n| n.action.as_ref().is_none_or(|(_, a)| *a != command));
                notices.push(text, Level::Info, Some(("Reload".into(), command)));
            }
        }
    }
}
