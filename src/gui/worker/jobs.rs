//! The jobs the worker runs: what each takes, and how it runs and reports.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{Sender, channel};

use crate::analysis::Analysis;
use crate::display::DisplayModel;
use crate::engine::{
    Cancel, Comparer, Comparison, Decision, Equivalences, Knowledge, Lexicon, Options, Span,
};
use crate::export::Format;
use crate::load::{Document, FileStamp};
use crate::notes::Notes;
use crate::sides::Sides;

use super::{
    Analyser, CollationResult, FindMatch, Found, JobResult, NotesResult, PairResult, Reply,
};

pub(super) struct CompareJob {
    pub(super) generation: u64,
    pub(super) documents: Sides<Arc<Document>>,
    pub(super) options: Options,
    pub(super) taught: Taught,
}

/// What the window's comparisons know beyond the options: the analyst's tables (`None`: the
/// built-in one) and decisions on links, shared with the worker.
#[derive(Clone, Default)]
pub struct Taught {
    /// Equivalent terms, the built-in table with the analyst's rows.
    pub equivalences: Option<Arc<Equivalences>>,
    /// The counterparts vocabulary with the analyst's rows.
    pub lexicon: Option<Arc<Lexicon>>,
    /// The analyst's decisions on links of the pair, as its sides are shown.
    pub decisions: Arc<Vec<Decision>>,
}

impl Taught {
    /// As the engine takes it.
    pub fn knowledge(&self) -> Knowledge<'_> {
        let equivalences = self
            .equivalences
            .as_deref()
            .unwrap_or(Equivalences::builtin_ref());
        Knowledge::new(equivalences)
            .lexicon(self.lexicon.as_deref().unwrap_or(Lexicon::builtin()))
            .decisions(&self.decisions)
    }
}

pub(super) struct AnalyseJob {
    pub(super) generation: u64,
    pub(super) documents: Sides<Arc<Document>>,
    pub(super) comparison: Arc<Comparison>,
    /// The analyst's table of equivalent terms (`None`: the built-in one), as the comparison
    /// had it: names group as the rows do.
    pub(super) equivalences: Option<Arc<Equivalences>>,
    pub(super) analyser: Analyser,
}

pub(super) struct FindJob {
    pub(super) query: String,
    pub(super) scope: super::FindScope,
}

pub(super) struct CollateJob {
    pub(super) generation: u64,
    pub(super) ids: Vec<crate::gui::commands::StatementId>,
    pub(super) documents: Vec<Arc<Document>>,
    pub(super) options: Options,
}

pub(super) enum IoJob {
    ReadNotes {
        generation: u64,
        documents: Sides<Arc<Document>>,
    },
    WriteNotes {
        path: PathBuf,
        notes: Box<Notes>,
    },
    Stat(Vec<(crate::gui::commands::Slot, PathBuf)>),
}

pub(super) fn run_compare(job: CompareJob, cancel: &Cancel, reply: &Reply) {
    let CompareJob {
        generation,
        documents,
        options,
        taught,
    } = job;
    let compared = crate::crash::catch("comparing", || {
        Comparer::new(&options)
            .knowledge(taught.knowledge())
            .cancel(cancel)
            .run(&documents.left.text, &documents.right.text)
            .map(|comparison| {
                let display = Arc::new(DisplayModel::new(&comparison));
                (comparison, display)
            })
    });
    match compared {
        Ok(Ok((comparison, display))) => {
            reply.send(JobResult::Pair(PairResult::Compared {
                generation,
                comparison: Arc::new(comparison),
                display,
                documents,
            }));
        }
        Ok(Err(_cancelled)) => {} // superseded: the newer request reports
        Err(crash) => reply.send(JobResult::Pair(PairResult::CompareFailed {
            generation,
            message: crash.to_string(),
        })),
    }
}

pub(super) fn run_collate(job: CollateJob, cancel: &Cancel, reply: &Reply) {
    if cancel.is_cancelled() {
        return;
    }
    let CollateJob {
        generation,
        ids,
        documents,
        options,
    } = job;
    let collated = crate::crash::catch("collating", || {
        let texts: Vec<&str> = documents.iter().map(|d| d.text.as_str()).collect();
        crate::engine::collate::collate_cancellable(
            &texts,
            &options,
            Equivalences::builtin_ref(),
            cancel,
        )
    });
    if cancel.is_cancelled() {
        return; // superseded while it ran
    }
    let collation = match collated {
        Ok(Ok(collation)) => Arc::new(collation),
        Ok(Err(_cancelled)) => return,
        Err(crash) => {
            reply.send(JobResult::Collation(CollationResult::Failed {
                generation,
                message: crash.to_string(),
            }));
            return;
        }
    };
    reply.send(JobResult::Collation(CollationResult::Collated {
        generation,
        collation,
        ids,
        documents,
    }));
}

/// The insights across collated statements, asked for once the collation is shown (on their
/// own lane, so that a newer collation does not wait for an older one's insights).
pub(super) struct CollationAnalyseJob {
    pub(super) generation: u64,
    pub(super) documents: Vec<Arc<Document>>,
    pub(super) collation: Arc<crate::engine::collate::Collation>,
}

pub(super) fn run_collation_analyse(job: CollationAnalyseJob, cancel: &Cancel, reply: &Reply) {
    if cancel.is_cancelled() {
        return;
    }
    let CollationAnalyseJob {
        generation,
        documents,
        collation,
    } = job;
    let insights = crate::crash::catch("computing the insights across the statements", || {
        let texts: Vec<&str> = documents.iter().map(|d| d.text.as_str()).collect();
        crate::analysis::analyse_collation(
            &texts,
            &collation,
            Equivalences::builtin_ref(),
            crate::analysis::StrengthLexicon::builtin_ref(),
        )
    });
    if cancel.is_cancelled() {
        return;
    }
    reply.send(JobResult::Collation(CollationResult::Analysed {
        generation,
        insights: insights.map(Arc::new).map_err(|crash| crash.to_string()),
    }));
}

pub(super) fn run_analyse(job: AnalyseJob, cancel: &Cancel, reply: &Reply) {
    if cancel.is_cancelled() {
        return;
    }
    let AnalyseJob {
        generation,
        documents,
        comparison,
        equivalences,
        analyser,
    } = job;
    let equivalences = equivalences
        .as_deref()
        .unwrap_or(Equivalences::builtin_ref());
    let analysed = crate::crash::catch("computing the insights", || {
        analyser(
            &documents.left.text,
            &documents.right.text,
            &comparison,
            equivalences,
        )
    });
    reply.send(match analysed {
        Ok(analysis) => JobResult::Pair(PairResult::Analysed {
            generation,
            analysis: Arc::new(analysis),
        }),
        Err(crash) => JobResult::Pair(PairResult::AnalysisFailed {
            generation,
            message: crash.to_string(),
        }),
    });
}

pub(super) fn run_find(job: FindJob, cancel: &Cancel, reply: &Reply) {
    let needle = job.query.as_bytes();
    let scope = &job.scope;
    let mut matches = Vec::new();
    if !needle.is_empty() {
        for (document, doc) in scope.documents.iter().enumerate() {
            let text = doc.text.as_bytes();
            let mut at = 0;
            while let Some(found) = find_ascii_ci(text.get(at..).unwrap_or_default(), needle) {
                if cancel.is_cancelled() {
                    return;
                }
                let start = at + found;
                let end = start + needle.len();
                if let Some(row) = scope.locate.row_at(document, start) {
                    matches.push(FindMatch {
                        row,
                        document,
                        span: Span::new(start, end),
                    });
                }
                at = end;
            }
        }
    }
    matches.sort_by_key(|m| (m.row, m.document, m.span.start));
    reply.send(JobResult::Found(Found {
        query: job.query,
        generation: scope.generation,
        matches,
    }));
}

/// Byte offset of the first ASCII-case-insensitive occurrence of `needle` in `hay`.
fn find_ascii_ci(hay: &[u8], needle: &[u8]) -> Option<usize> {
    let first = needle.first()?;
    if needle.len() > hay.len() {
        return None;
    }
    (0..=hay.len() - needle.len()).find(|&i| {
        hay[i].eq_ignore_ascii_case(first) && hay[i..i + needle.len()].eq_ignore_ascii_case(needle)
    })
}

/// Starts the file I/O thread.
pub(super) fn start_io(reply: Reply) -> Option<Sender<IoJob>> {
    let (sender, receiver) = channel::<IoJob>();
    let spawned = std::thread::Builder::new()
        .name("parallax-io".into())
        .spawn(move || {
            for job in receiver {
                let result = crate::crash::catch("reading or writing a file", || run_io(job));
                match result {
                    Ok(result) => reply.send(result),
                    Err(crash) => reply.send(JobResult::Notes(NotesResult::Written(Err(
                        crash.to_string()
                    )))),
                }
                reply.done();
            }
        });
    spawned.ok().map(|_| sender)
}

fn run_io(job: IoJob) -> JobResult {
    match job {
        IoJob::ReadNotes {
            generation,
            documents,
        } => {
            let Sides { left, right } = &documents;
            let path = crate::notes::sidecar_path(left, right);
            let (result, changed) = match path.as_deref().map(crate::notes::read) {
                Some(Ok(Some(existing))) => {
                    let changed = if existing.notes.is_empty() {
                        Vec::new()
                    } else {
                        existing.changed_since(left, right)
                    };
                    (Ok(Box::new(existing)), changed)
                }
                Some(Ok(None)) | None => (Ok(Box::new(Notes::new(left, right))), Vec::new()),
                Some(Err(message)) => (Err(message), Vec::new()),
            };
            JobResult::Notes(NotesResult::Read {
                generation,
                path,
                result,
                changed,
            })
        }
        IoJob::WriteNotes { path, notes } => {
            JobResult::Notes(NotesResult::Written(crate::notes::write(&path, &notes)))
        }
        IoJob::Stat(files) => JobResult::Stamps(
            files
                .into_iter()
                .map(|(slot, path)| {
                    let stamp = FileStamp::of(&path);
                    (slot, path, stamp)
                })
                .collect(),
        ),
    }
}

/// Everything a report export needs, taken from what the window already shows.
pub struct ExportJob {
    /// Report format.
    pub format: Format,
    /// File to write.
    pub path: PathBuf,
    /// The documents compared.
    pub documents: Sides<Arc<Document>>,
    /// The comparison shown.
    pub comparison: Arc<Comparison>,
    /// Its insights, when they have arrived (computed by the job otherwise, before the
    /// report is written).
    pub analysis: Option<Arc<Analysis>>,
    /// Notes placed on rows.
    pub notes: Vec<(usize, String)>,
    /// The analyst's terms that applied, for the provenance.
    pub terms: Vec<String>,
}

impl ExportJob {
    /// Writes the report through the one export entry point (which never writes over an
    /// input file).
    pub(super) fn write(&self) -> Result<(), String> {
        let analysis = self.analysis.clone().unwrap_or_else(|| {
            Arc::new(crate::analysis::analyse_builtin(
                &self.documents.left.text,
                &self.documents.right.text,
                &self.comparison,
            ))
        });
        let report = crate::export::Report {
            left: &self.documents.left,
            right: &self.documents.right,
            comparison: &self.comparison,
            notes: &self.notes,
            terms: &self.terms,
            analysis: Some(&analysis),
            provenance: crate::export::Provenance {
                generated: std::time::SystemTime::now(),
            },
        };
        crate::export::write_file(&self.path, self.format, &report).map_err(|e| e.to_string())
    }
}

/// Everything a collation report export needs, taken from what the window shows.
pub struct CollationExportJob {
    /// Report format.
    pub format: Format,
    /// File to write.
    pub path: PathBuf,
    /// The statements collated, in order.
    pub documents: Vec<Arc<Document>>,
    /// Their collation.
    pub collation: Arc<crate::engine::collate::Collation>,
    /// The insights across them, when they have arrived (the report says when they have not).
    pub insights: Option<Arc<crate::analysis::CollationInsights>>,
    /// The statement whose reading order the points follow, as in the window.
    pub pivot: usize,
}

impl CollationExportJob {
    /// Writes the report through the collation's export entry point (never over an input).
    pub(super) fn write(&self) -> Result<(), String> {
        let documents: Vec<&Document> = self.documents.iter().map(|d| &**d).collect();
        let report = crate::export::collation::CollationReport {
            documents: &documents,
            collation: &self.collation,
            pivot: self.pivot,
            provenance: crate::export::Provenance {
                generated: std::time::SystemTime::now(),
            },
            insights: self.insights.as_deref(),
        };
        crate::export::collation::write_file(&self.path, self.format, &report)
            .map_err(|e| e.to_string())
    }
}
