//! What the worker's jobs report, nested by the part of the window that asked: the app hands
//! each to its owner in one exhaustive `match` (`app/apply.rs`).

use std::path::PathBuf;
use std::sync::Arc;

use crate::analysis::Analysis;
use crate::display::DisplayModel;
use crate::engine::collate::Collation;
use crate::engine::{Comparison, Span};
use crate::export::Format;
use crate::load::{Document, FileStamp};
use crate::notes::Notes;
use crate::sides::Sides;

use super::super::commands::{Slot, StatementId};

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
        documents: Sides<Arc<Document>>,
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
