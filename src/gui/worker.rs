//! Slow work off the UI thread: loading files and comparing. Each request runs on its own
//! thread and sends its result over a channel, then asks for a repaint. Requests carry a
//! generation number; the app keeps only the result of the newest request of each kind, so a
//! newer request supersedes an older one.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender, channel};

use crate::engine::{Comparison, Options, compare};
use crate::load::{Document, load_file};

use super::Side;

/// What a background job reports.
pub enum JobResult {
    /// A file was read (or failed to be).
    Loaded {
        /// Which side asked.
        side: Side,
        /// The request's generation for that side.
        generation: u64,
        /// The document, or the message naming the file and the reason.
        result: Result<Document, String>,
    },
    /// The native file dialog closed.
    Picked {
        /// Which side it was for.
        side: Side,
        /// The chosen file, if any.
        path: Option<PathBuf>,
        /// Whether it closed too fast for a person to have cancelled it (no dialog was shown).
        failed_fast: bool,
    },
    /// A comparison finished.
    Compared {
        /// The request's generation.
        generation: u64,
        /// The result.
        comparison: Arc<Comparison>,
        /// The documents it compared (so a result never mixes with newer documents).
        documents: [Arc<Document>; 2],
    },
}

/// Spawns jobs and collects their results.
pub struct Worker {
    sender: Sender<JobResult>,
    receiver: Receiver<JobResult>,
    repaint: Option<egui::Context>,
}

impl Worker {
    /// A worker that wakes `ctx` when a job finishes.
    pub fn new(repaint: Option<egui::Context>) -> Self {
        let (sender, receiver) = channel();
        Self {
            sender,
            receiver,
            repaint,
        }
    }

    /// Reads `path` for `side` in the background.
    pub fn load(&self, side: Side, generation: u64, path: PathBuf) {
        let sender = self.sender.clone();
        let repaint = self.repaint.clone();
        std::thread::spawn(move || {
            let result = load_file(&path).map_err(|e| e.to_string());
            // The app may be gone (window closed): nothing to report to then.
            let _ = sender.send(JobResult::Loaded {
                side,
                generation,
                result,
            });
            if let Some(ctx) = repaint {
                ctx.request_repaint();
            }
        });
    }

    /// Compares two documents in the background.
    pub fn compare(&self, generation: u64, documents: [Arc<Document>; 2], options: Options) {
        let sender = self.sender.clone();
        let repaint = self.repaint.clone();
        std::thread::spawn(move || {
            let comparison = Arc::new(compare(&documents[0].text, &documents[1].text, &options));
            let _ = sender.send(JobResult::Compared {
                generation,
                comparison,
                documents,
            });
            if let Some(ctx) = repaint {
                ctx.request_repaint();
            }
        });
    }

    /// Shows the native open dialog on its own thread (it blocks until closed).
    pub fn pick(&self, side: Side) {
        let sender = self.sender.clone();
        let repaint = self.repaint.clone();
        std::thread::spawn(move || {
            let started = std::time::Instant::now();
            let path = rfd::FileDialog::new()
                .set_title(format!("Open the {} statement", side.name()))
                .add_filter("Statements", &["txt", "md", "text"])
                .add_filter("All files", &["*"])
                .pick_file();
            let failed_fast =
                path.is_none() && started.elapsed() < std::time::Duration::from_millis(300);
            let _ = sender.send(JobResult::Picked {
                side,
                path,
                failed_fast,
            });
            if let Some(ctx) = repaint {
                ctx.request_repaint();
            }
        });
    }

    /// Results that arrived since the last call.
    pub fn poll(&self) -> Vec<JobResult> {
        self.receiver.try_iter().collect()
    }
}
