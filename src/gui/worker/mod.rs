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

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{Receiver, Sender, channel};

use crate::analysis::Analysis;
use crate::display::DisplayModel;
use crate::engine::collate::Collation;
use crate::engine::{Comparison, Equivalences, Options, Span};
use crate::export::Format;
use crate::load::{Document, FileStamp, LoadOptions, load_file_with};
use crate::notes::Notes;

use super::Side;
use super::commands::{Slot, StatementId};
use jobs::{
    AnalyseJob, CollateJob, CollationAnalyseJob, CompareJob, FindJob, IoJob, run_analyse,
    run_collate, run_collation_analyse, run_compare, run_find, start_io,
};
pub use jobs::{CollationExportJob, ExportJob, Taught};
use lane::Lane;

/// What a background job reports, by the part that asked for it: the app hands each to its
/// owner in one exhaustive `match`.
pub enum JobResult {
    /// A file was read (or failed to be): for a side of the pair or a statement, by its slot.
    Loaded(Loaded),
    /// The pair's comparison and its insights (the session).
    Pair(PairResult),
    /// The collation and its insights (the statements).
    Collation(CollationResult),
    /// Find matches for a query in what is shown (the find bar).
    Found(Found),
    /// The notes sidecar of a pair (the notes bar).
    Notes(NotesResult),
    /// The current stamps of watched files (the watch).
    Stamps(Vec<(Slot, PathBuf, Option<FileStamp>)>),
    /// A native dialog closed (the dialogs).
    Dialog(DialogResult),
    /// A report was written (or failed to be).
    Exported(Result<PathBuf, String>),
}

/// A file read for a slot, or why it could not be.
pub struct Loaded {
    /// Where the document goes.
    pub slot: Slot,
    /// The request's generation for that slot.
    pub generation: u64,
    /// The file asked for.
    pub path: PathBuf,
    /// The document, or why it could not be read.
    pub result: Result<Box<Document>, LoadFailure>,
    /// The file's canonical path (for the recent-files list), when it could be read.
    pub canonical: Option<PathBuf>,
}

/// Why a file could not be opened: the loader's error as it said it, or a crash of the loader
/// (a bug).
#[derive(Debug)]
pub enum LoadFailure {
    /// The loader's error (names the file and the reason).
    Load(crate::load::LoadError),
    /// The loader panicked: what failed and where, naming the file.
    Crashed(String),
}

impl LoadFailure {
    /// Whether it failed only for a few damaged bytes: the file can be opened anyway.
    pub fn can_open_anyway(&self) -> bool {
        matches!(self, Self::Load(crate::load::LoadError::Damaged { .. }))
    }
}

impl std::fmt::Display for LoadFailure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Load(error) => error.fmt(f),
            Self::Crashed(message) => f.write_str(message),
        }
    }
}

/// What the comparison lanes report.
pub enum PairResult {
    /// A comparison finished.
    Compared {
        /// The request's generation.
        generation: u64,
        /// The result.
        comparison: Arc<Comparison>,
        /// Its display model, built on the worker.
        display: Arc<DisplayModel>,
        /// The documents it compared (so a result never mixes with newer documents).
        documents: [Arc<Document>; 2],
    },
    /// The insights of a comparison finished.
    Analysed {
        /// The comparison request's generation.
        generation: u64,
        /// Entities, phrases, wording strength.
        analysis: Arc<Analysis>,
    },
    /// The comparison failed (a bug: the job panicked).
    CompareFailed {
        /// The request's generation.
        generation: u64,
        /// What failed and where, for the window and a bug report.
        message: String,
    },
    /// The insights failed (a bug: the job panicked); the comparison itself was sent.
    AnalysisFailed {
        /// The comparison request's generation.
        generation: u64,
        /// What failed and where, for the window and a bug report.
        message: String,
    },
}

/// What the collation lanes report.
pub enum CollationResult {
    /// A collation finished.
    Collated {
        /// The request's generation.
        generation: u64,
        /// The result.
        collation: Arc<Collation>,
        /// The statement id of each document.
        ids: Vec<StatementId>,
        /// The documents collated, in order.
        documents: Vec<Arc<Document>>,
    },
    /// The insights across the collated statements finished (after the collation was sent).
    Analysed {
        /// The collation request's generation.
        generation: u64,
        /// Entities per statement, shared phrases, wording strength; or what failed (a bug).
        insights: Result<Arc<crate::analysis::CollationInsights>, String>,
    },
    /// The collation failed (a bug: the job panicked).
    Failed {
        /// The request's generation.
        generation: u64,
        /// What failed and where.
        message: String,
    },
}

/// One place a query was found: the row that shows it, the document (0 and 1: left and
/// right in the pair; the collation's document index there) and the span in its text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FindMatch {
    /// The row showing it.
    pub row: usize,
    /// The document's index.
    pub document: usize,
    /// Where in the document's text.
    pub span: Span,
}

/// Find matches for a query in what is shown.
pub struct Found {
    /// The query.
    pub query: String,
    /// The generation searched.
    pub generation: u64,
    /// Each match, by row, document and offset.
    pub matches: Vec<FindMatch>,
}

/// What the notes I/O reports.
pub enum NotesResult {
    /// The notes sidecar of a pair was read.
    Read {
        /// The comparison generation they were read for.
        generation: u64,
        /// Where they are kept (`None`: nowhere to keep notes).
        path: Option<PathBuf>,
        /// The notes (new and empty when there was no file), or why they could not be read.
        result: Result<Box<Notes>, String>,
        /// Documents changed since the notes were written (names).
        changed: Vec<String>,
    },
    /// A notes sidecar was written (or failed to be).
    Written(Result<(), String>),
}

/// What a native dialog answered.
pub enum DialogResult {
    /// The native file dialog closed.
    Picked {
        /// Where the chosen file goes.
        slot: Slot,
        /// The chosen file, if any.
        path: Option<PathBuf>,
        /// Whether it closed too fast for a person to have cancelled it (no dialog was shown).
        failed_fast: bool,
    },
    /// The native save dialog closed.
    SavePicked {
        /// The format being exported.
        format: Format,
        /// The chosen file, if any.
        path: Option<PathBuf>,
        /// Whether it closed too fast for a person to have cancelled it.
        failed_fast: bool,
    },
}

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
}

impl Reply {
    /// Sends a result of a job that is finished.
    fn send(&self, result: JobResult) {
        // The app may be gone (window closed): nothing to report to then.
        let _ = self.sender.send(result);
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

    /// Jobs asked for and not finished yet, of every kind.
    pub fn outstanding(&self) -> usize {
        self.reply.outstanding.load(Ordering::SeqCst)
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
        documents: [Arc<Document>; 2],
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
        documents: [Arc<Document>; 2],
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
    pub fn read_notes(&self, generation: u64, documents: [Arc<Document>; 2]) {
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
        self.receiver.try_iter().collect()
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
