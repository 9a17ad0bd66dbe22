//! Slow work off the UI thread. The window asks; results come back over one channel and wake
//! the window with a repaint.
//!
//! - **Lanes** (compare, insights, find): one long-lived thread each, holding at most one
//!   waiting job. A new request replaces the waiting one (it is skipped, never run) and raises
//!   the cancellation flag of the running one, which the engine checks between stages and
//!   every few hundred rows. A slider drag therefore runs at most one comparison at a time,
//!   and the newest one last.
//! - **File I/O** (notes sidecars, file stamps for watching, canonical paths): one thread that
//!   runs jobs in order, so a note written twice is written in the order it was typed.
//! - **Loads, exports and the native dialogs** run on their own short-lived threads: a load
//!   of one side must not wait for a dialog, and none of them may be dropped.
//!
//! Every job is counted from request to result ([`Worker::outstanding`]), so the window's busy
//! state covers them all.
mod jobs;
mod lane;
mod results;

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{Receiver, Sender, channel};

use crate::analysis::Analysis;
use crate::display::DisplayModel;
use crate::engine::collate::Collation;
use crate::engine::{Comparison, Equivalences, Options};
use crate::export::Format;
use crate::load::{Document, LoadOptions, load_file_with};
use crate::notes::Notes;

use super::commands::{Slot, StatementId};
use super::{Side, Sides};
use jobs::{
    AnalyseJob, CollateJob, CollationAnalyseJob, CompareJob, FindJob, IoJob, run_analyse,
    run_collate, run_collation_analyse, run_compare, run_find, start_io,
};
pub use jobs::{CollationExportJob, ExportJob, Taught};
use lane::Lane;
pub use results::{
    CollationResult, DialogResult, FindMatch, Found, JobResult, LoadFailure, Loaded, NotesResult,
    PairResult,
};

/// What a search runs over: the documents shown, and how an offset in one maps to a row.
#[derive(Clone)]
pub struct FindScope {
    /// The documents, by index.
    pub documents: Vec<Arc<Document>>,
    /// From (document, byte offset) to the row that shows it.
    pub locate: Locate,
    /// Keys the result: the generation of what is shown (a collation's is offset so the two
    /// views never share one).
    pub generation: u64,
}

/// How a search maps a place to a row.
#[derive(Clone)]
pub enum Locate {
    /// The two-text view: documents 0 and 1 are left and right.
    Pair(Arc<DisplayModel>),
    /// The collation: the point of the sentence, then its row in the reading order.
    Collation(Arc<Collation>, Arc<Vec<Option<usize>>>),
}

impl Locate {
    /// The row showing byte `offset` of `document`.
    pub fn row_at(&self, document: usize, offset: usize) -> Option<usize> {
        match self {
            Self::Pair(display) => {
                let side = if document == 0 {
                    Side::Left
                } else {
                    Side::Right
                };
                display.row_at(side, offset)
            }
            Self::Collation(collation, row_of_point) => {
                let sentences = collation.sentences.get(document)?;
                let sentence = sentences.partition_point(|s| s.span.end <= offset);
                let point = collation.point_of(document, sentence)?;
                row_of_point.get(point).copied().flatten()
            }
        }
    }
}

/// What computes the insights of a comparison with a table of equivalent terms (the built-in
/// one, or the analyst's): [`crate::analysis::analyse_with`], or a stand-in in tests (one that
/// panics, to see the window survive it).
pub type Analyser = fn(&str, &str, &Comparison, &Equivalences) -> Analysis;

/// Where results go: the channel and the repaint, and the job count.
#[derive(Clone)]
struct Reply {
    sender: Sender<JobResult>,
    repaint: Option<egui::Context>,
    outstanding: Arc<AtomicUsize>,
    /// Results sent and not yet polled ([`awaited`] ones): counted before the job ends, so
    /// that a job that finishes between two frames leaves the window busy until its result is
    /// taken in (else a search done in a frame's gap read as idle, its status left at
    /// "searching…" for a test that looked then).
    unread: Arc<AtomicUsize>,
}

impl Reply {
    /// Sends a result of a job that is finished.
    fn send(&self, result: JobResult) {
        let counted = awaited(&result);
        if counted {
            self.unread.fetch_add(1, Ordering::SeqCst);
        }
        // The app may be gone (window closed): nothing to report to then.
        if self.sender.send(result).is_err() && counted {
            self.unread.fetch_sub(1, Ordering::SeqCst);
        }
        self.wake();
    }

    /// A job ends (after its last result was sent, or skipped without result).
    fn done(&self) {
        self.outstanding.fetch_sub(1, Ordering::SeqCst);
        self.wake();
    }

    fn wake(&self) {
        if let Some(ctx) = &self.repaint {
            ctx.request_repaint();
        }
    }
}

/// Whether a result is one the window waits for (busy until it is taken in): all but the
/// watch's periodic stamps of the open files, which come whether or not anything changed.
fn awaited(result: &JobResult) -> bool {
    !matches!(result, JobResult::Stamps(_))
}

/// Starts jobs and collects their results.
pub struct Worker {
    receiver: Receiver<JobResult>,
    reply: Reply,
    analyser: Analyser,
    compare: Lane<CompareJob>,
    analyse: Lane<AnalyseJob>,
    find: Lane<FindJob>,
    collate: Lane<CollateJob>,
    collation_insights: Lane<CollationAnalyseJob>,
    io: Option<Sender<IoJob>>,
}

impl Worker {
    /// A worker that wakes `repaint` when a job finishes.
    pub fn new(repaint: Option<egui::Context>) -> Self {
        let (sender, receiver) = channel();
        let reply = Reply {
            sender,
            repaint,
            outstanding: Arc::new(AtomicUsize::new(0)),
            unread: Arc::new(AtomicUsize::new(0)),
        };
        let compare = Lane::new("compare", reply.clone(), run_compare);
        let analyse = Lane::new("insights", reply.clone(), run_analyse);
        let find = Lane::new("find", reply.clone(), run_find);
        let collate = Lane::new("collate", reply.clone(), run_collate);
        let collation_insights =
            Lane::new("collation-insights", reply.clone(), run_collation_analyse);
        let io = start_io(reply.clone());
        Self {
            receiver,
            reply,
            analyser: crate::analysis::analyse_with,
            compare,
            analyse,
            find,
            collate,
            collation_insights,
            io,
        }
    }

    /// Replaces what computes the insights (tests use one that panics).
    pub fn set_analyser(&mut self, analyser: Analyser) {
        self.analyser = analyser;
    }

    /// Jobs asked for and not finished yet, of every kind, and results not yet polled.
    pub fn outstanding(&self) -> usize {
        self.reply.outstanding.load(Ordering::SeqCst) + self.reply.unread.load(Ordering::SeqCst)
    }

    /// Comparisons running now (at most one), and the most that ever ran at once.
    pub fn compare_jobs(&self) -> (usize, usize) {
        (self.compare.running(), self.compare.peak())
    }

    fn begin(&self) -> Reply {
        self.reply.outstanding.fetch_add(1, Ordering::SeqCst);
        self.reply.clone()
    }

    fn submit<J: Send + 'static>(&self, lane: &Lane<J>, job: J) {
        let reply = self.begin();
        if lane.submit(job) {
            reply.done(); // the job it replaced will never run
        }
    }

    /// Reads `path` for `slot` on its own thread.
    pub fn load(&self, slot: Slot, generation: u64, path: PathBuf, options: LoadOptions) {
        let reply = self.begin();
        let failed = {
            let path = path.clone();
            move |message: String| {
                JobResult::Loaded(Loaded {
                    slot,
                    generation,
                    result: Err(LoadFailure::Crashed(format!(
                        "{}: {message}",
                        path.display()
                    ))),
                    path,
                    canonical: None,
                })
            }
        };
        spawn("load", reply, failed, move |reply| {
            let result =
                match crate::crash::catch("reading the file", || load_file_with(&path, options)) {
                    Ok(loaded) => loaded.map(Box::new).map_err(LoadFailure::Load),
                    Err(crash) => Err(LoadFailure::Crashed(format!(
                        "{}: {crash} (a bug in Parallax; please report it with the file)",
                        path.display()
                    ))),
                };
            let canonical = result
                .is_ok()
                .then(|| std::fs::canonicalize(&path).unwrap_or_else(|_| path.clone()));
            reply.send(JobResult::Loaded(Loaded {
                slot,
                generation,
                path,
                result,
                canonical,
            }));
        });
    }

    /// Compares two documents on the compare lane (superseding any earlier request), then
    /// computes their insights on the insights lane.
    pub fn compare(
        &self,
        generation: u64,
        documents: Sides<Arc<Document>>,
        options: Options,
        taught: Taught,
    ) {
        self.submit(
            &self.compare,
            CompareJob {
                generation,
                documents,
                options,
                taught,
            },
        );
    }

    /// Computes the insights of a comparison shown (superseding any earlier request).
    pub fn analyse(
        &self,
        generation: u64,
        documents: Sides<Arc<Document>>,
        comparison: Arc<Comparison>,
        equivalences: Option<Arc<Equivalences>>,
    ) {
        self.submit(
            &self.analyse,
            AnalyseJob {
                generation,
                documents,
                comparison,
                equivalences,
                analyser: self.analyser,
            },
        );
    }

    /// Finds `query` (ASCII case ignored) in every document of `scope`.
    pub fn find(&self, query: String, scope: FindScope) {
        self.submit(&self.find, FindJob { query, scope });
    }

    /// Collates several documents on the collate lane (superseding any earlier request).
    pub fn collate(
        &self,
        generation: u64,
        ids: Vec<StatementId>,
        documents: Vec<Arc<Document>>,
        options: Options,
    ) {
        self.submit(
            &self.collate,
            CollateJob {
                generation,
                ids,
                documents,
                options,
            },
        );
    }

    /// Computes the insights across the statements of a collation shown (superseding any
    /// earlier request).
    pub fn analyse_collation(
        &self,
        generation: u64,
        documents: Vec<Arc<Document>>,
        collation: Arc<Collation>,
    ) {
        self.submit(
            &self.collation_insights,
            CollationAnalyseJob {
                generation,
                documents,
                collation,
            },
        );
    }

    /// Reads the notes sidecar of the pair compared in `generation`.
    pub fn read_notes(&self, generation: u64, documents: Sides<Arc<Document>>) {
        self.io(IoJob::ReadNotes {
            generation,
            documents,
        });
    }

    /// Writes a notes sidecar (after any earlier write).
    pub fn write_notes(&self, path: PathBuf, notes: Notes) {
        self.io(IoJob::WriteNotes {
            path,
            notes: Box::new(notes),
        });
    }

    /// Reads the current stamps of these files.
    pub fn stat(&self, files: Vec<(Slot, PathBuf)>) {
        self.io(IoJob::Stat(files));
    }

    fn io(&self, job: IoJob) {
        let reply = self.begin();
        let sent = self.io.as_ref().is_some_and(|io| io.send(job).is_ok());
        if !sent {
            reply.done();
        }
    }

    /// Shows the native open dialog on its own thread (it blocks until closed).
    pub fn pick(&self, slot: Slot) {
        let reply = self.begin();
        let failed = move |_| {
            JobResult::Dialog(DialogResult::Picked {
                slot,
                path: None,
                failed_fast: true,
            })
        };
        spawn("open-dialog", reply, failed, move |reply| {
            let started = std::time::Instant::now();
            let path = rfd::FileDialog::new()
                .set_title(slot.title())
                .add_filter("Statements", &["txt", "md", "text"])
                .add_filter("All files", &["*"])
                .pick_file();
            let failed_fast =
                path.is_none() && started.elapsed() < std::time::Duration::from_millis(300);
            reply.send(JobResult::Dialog(DialogResult::Picked {
                slot,
                path,
                failed_fast,
            }));
        });
    }

    /// Shows the native save dialog on its own thread.
    pub fn pick_save(&self, format: Format, suggested: String) {
        let reply = self.begin();
        let failed = move |_| {
            JobResult::Dialog(DialogResult::SavePicked {
                format,
                path: None,
                failed_fast: true,
            })
        };
        spawn("save-dialog", reply, failed, move |reply| {
            let started = std::time::Instant::now();
            let path = rfd::FileDialog::new()
                .set_title(format!("Export {}", format.label()))
                .set_file_name(suggested)
                .add_filter(format.label(), &[format.extension()])
                .save_file();
            let failed_fast =
                path.is_none() && started.elapsed() < std::time::Duration::from_millis(300);
            reply.send(JobResult::Dialog(DialogResult::SavePicked {
                format,
                path,
                failed_fast,
            }));
        });
    }

    /// Writes a report on its own thread.
    pub fn export(&self, job: ExportJob) {
        let reply = self.begin();
        spawn("export", reply, export_failed, move |reply| {
            let result = match crate::crash::catch("writing the report", || job.write()) {
                Ok(written) => written.map(|()| job.path.clone()),
                Err(crash) => Err(format!(
                    "{}: {crash} (a bug in Parallax; please report it)",
                    job.path.display()
                )),
            };
            reply.send(JobResult::Exported(result));
        });
    }

    /// Writes a collation report on its own thread.
    pub fn export_collation(&self, job: CollationExportJob) {
        let reply = self.begin();
        spawn("export", reply, export_failed, move |reply| {
            let result = match crate::crash::catch("writing the report", || job.write()) {
                Ok(written) => written.map(|()| job.path.clone()),
                Err(crash) => Err(format!(
                    "{}: {crash} (a bug in Parallax; please report it)",
                    job.path.display()
                )),
            };
            reply.send(JobResult::Exported(result));
        });
    }

    /// Results that arrived since the last call.
    pub fn poll(&self) -> Vec<JobResult> {
        let results: Vec<JobResult> = self.receiver.try_iter().collect();
        let counted = results.iter().filter(|r| awaited(r)).count();
        self.reply.unread.fetch_sub(counted, Ordering::SeqCst);
        results
    }
}

/// What an export reports when its thread cannot start.
fn export_failed(message: String) -> JobResult {
    JobResult::Exported(Err(message))
}

/// Runs `job` on a new thread, counting it until it ends. When no thread can be started,
/// `failed` makes the job's own result of the failure (a load reports a load that failed,
/// never an export).
fn spawn(
    name: &str,
    reply: Reply,
    failed: impl FnOnce(String) -> JobResult,
    job: impl FnOnce(&Reply) + Send + 'static,
) {
    let thread_reply = reply.clone();
    let spawned = std::thread::Builder::new()
        .name(format!("parallax-{name}"))
        .spawn(move || {
            job(&thread_reply);
            thread_reply.done();
        });
    if spawned.is_err() {
        reply.send(failed(format!("could not start a thread to {name}")));
        reply.done();
    }
}
