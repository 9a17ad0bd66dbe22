//! Noticing open files that change on disk: once a second the worker reads their stamps
//! (size and modification time); a changed file is reloaded at once (auto-reload) or offered
//! for reloading in a notice, once per change.

use std::path::PathBuf;
use std::sync::Arc;

use crate::load::{Document, FileStamp};

use super::Command;
use super::Side;
use super::notices::Notices;
use super::worker::{JobResult, Worker};

/// How often open files are checked for changes on disk, in seconds.
pub const WATCH_INTERVAL: f64 = 1.0;

/// The watcher's state.
#[derive(Debug, Default)]
pub struct Watch {
    /// When the stamps were last asked for (egui time, seconds).
    last: Option<f64>,
    /// Whether an answer is awaited.
    asking: bool,
    /// The stamp last reported as changed, per file (so a change is reported once).
    reported: Vec<(PathBuf, FileStamp)>,
}

impl Watch {
    /// Asks the worker for the stamps of the open files, once per [`WATCH_INTERVAL`]; files
    /// being loaded are left out.
    pub fn logic(
        &mut self,
        now: f64,
        documents: &[Arc<Document>],
        loading: impl Fn(Side) -> bool,
        worker: &Worker,
    ) {
        if self.asking || self.last.is_some_and(|last| now - last < WATCH_INTERVAL) {
            return;
        }
        self.last = Some(now);
        let files: Vec<(Side, PathBuf)> = [Side::Left, Side::Right]
            .into_iter()
            .filter(|&side| !loading(side))
            .filter_map(|side| {
                let document = documents.get(side.index())?;
                document.stamp?;
                Some((side, document.path.clone()?))
            })
            .collect();
        if !files.is_empty() {
            self.asking = true;
            worker.stat(files);
        }
    }

    /// Takes in the stamps: a changed file is reloaded (`auto_reload`) or offered in a notice.
    pub fn receive(
        &mut self,
        result: JobResult,
        documents: &[Arc<Document>],
        auto_reload: bool,
        notices: &mut Notices,
        follow: &mut Vec<Command>,
    ) -> Result<(), JobResult> {
        let JobResult::Stamps(stamps) = result else {
            return Err(result);
        };
        self.asking = false;
        for (side, path, current) in stamps {
            let Some(document) = documents.get(side.index()) else {
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
                .any(|(p, s)| *p == path && *s == current)
            {
                continue;
            }
            self.reported.retain(|(p, _)| *p != path);
            self.reported.push((path, current));
            if auto_reload {
                follow.push(Command::ReloadSide(side));
            } else {
                let text = format!("{} changed on disk.", document.name);
                notices.retain(|n| n.text != text);
                notices.push(
                    text,
                    false,
                    Some(("Reload".into(), Command::ReloadSide(side))),
                );
            }
        }
        Ok(())
    }
}
