//! The documents and the comparison session: which two statements are open,
//! which are loading, the comparison shown with its display model and insights, and the jobs
//! that produce them. A newer load or comparison supersedes an older one: results carry
//! generation numbers and only the newest is taken in.

use std::path::PathBuf;
use std::sync::Arc;

use crate::analysis::Analysis;
use crate::display::DisplayModel;
use crate::engine::{Comparison, Options};
use crate::load::{Document, LoadOptions};
use crate::samples::{SAMPLES, default_pair};

use crate::gui::commands::{Command, PairCommand, Slot};
use crate::gui::notices::Notices;
use crate::gui::worker::{Loaded, PairResult, Taught, Worker};
use crate::gui::{Side, Sides};

/// A comparison on screen, with the documents it was computed from (the view renders these,
/// never newer documents that are still being compared).
#[derive(Clone)]
pub struct Shown {
    /// The comparison.
    pub comparison: Arc<Comparison>,
    /// Its display model (rows of sentences, cross-references, differences).
    pub display: Arc<DisplayModel>,
    /// The documents compared, left then right.
    pub documents: Sides<Arc<Document>>,
    /// Bumped for every comparison shown (keys caches and jobs).
    pub generation: u64,
}

impl Shown {
    /// A comparison of `documents` to show, with its display model (generation 1).
    pub fn new(comparison: Arc<Comparison>, documents: Sides<Arc<Document>>) -> Self {
        Self {
            display: Arc::new(DisplayModel::new(&comparison)),
            comparison,
            documents,
            generation: 1,
        }
    }
}

/// What taking in a job result changed, for the other parts to follow.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Changed {
    /// A new comparison is shown.
    pub shown: bool,
}

/// The open documents and what was computed from them.
pub struct Session {
    /// The open documents, one per column.
    documents: Sides<Arc<Document>>,
    /// Per column, the file being loaded into it, if any.
    loading: Sides<Option<PathBuf>>,
    /// Per column, whether it waits for a statement (its document is an empty placeholder).
    awaited: Sides<bool>,
    /// Per column, the generation of its newest load request.
    load_generation: Sides<u64>,
    /// The generation of the newest comparison request.
    compare_generation: u64,
    /// Whether the newest comparison is still running.
    comparing: bool,
    /// The comparison on screen.
    shown: Option<Shown>,
    shown_count: u64,
    /// Its insights, once computed.
    analysis: Option<Arc<Analysis>>,
    /// Why the insights of the comparison shown could not be computed (a bug), if so.
    analysis_failed: Option<String>,
    /// Why the last comparison could not be made (a bug), if so.
    compare_failed: Option<String>,
    /// The analyst's tables and decisions every comparison applies.
    taught: Taught,
}

impl Default for Session {
    /// The bundled pair, not yet compared.
    fn default() -> Self {
        let (left, right) = default_pair();
        Self {
            documents: Sides::new(Arc::new(left), Arc::new(right)),
            loading: Sides::default(),
            awaited: Sides::default(),
            load_generation: Sides::default(),
            compare_generation: 0,
            comparing: false,
            shown: None,
            shown_count: 0,
            analysis: None,
            analysis_failed: None,
            compare_failed: None,
            taught: Taught::default(),
        }
    }
}

impl Session {
    /// The open documents.
    pub fn documents(&self) -> &Sides<Arc<Document>> {
        &self.documents
    }

    /// The document of a side.
    pub fn document(&self, side: Side) -> &Arc<Document> {
        &self.documents[side]
    }

    /// The file being loaded into a side's column, if any.
    pub fn loading(&self, side: Side) -> Option<&PathBuf> {
        self.loading[side].as_ref()
    }

    /// Whether a load, the comparison or its insights are still being computed.
    pub fn is_busy(&self) -> bool {
        let analysing = self.shown.is_some()
            && self.analysis.is_none()
            && self.analysis_failed.is_none()
            && self.compare_failed.is_none();
        self.comparing || analysing || self.loading.iter().any(Option::is_some)
    }

    /// Whether the newest comparison is still running.
    pub fn comparing(&self) -> bool {
        self.comparing
    }

    /// The comparison on screen.
    pub fn shown(&self) -> Option<&Shown> {
        self.shown.as_ref()
    }

    /// Its insights, once computed.
    pub fn analysis(&self) -> Option<&Arc<Analysis>> {
        self.analysis.as_ref()
    }

    /// Why the insights could not be computed, if they could not.
    pub fn analysis_failed(&self) -> Option<&str> {
        self.analysis_failed.as_deref()
    }

    /// Why the last comparison could not be made, if it could not.
    pub fn compare_failed(&self) -> Option<&str> {
        self.compare_failed.as_deref()
    }

    /// Empties a side's column: it waits for a statement (the one-file start's right, a side
    /// whose file given at start could not be opened).
    pub fn await_side(&mut self, side: Side) {
        self.documents[side] = Arc::new(Document::from_text(
            format!("no {} statement yet", side.name()),
            "",
        ));
        self.awaited[side] = true;
    }

    /// Whether a side waits for a statement (nothing is compared with the other yet).
    pub fn awaited(&self, side: Side) -> bool {
        self.awaited[side]
    }

    /// Where a side's statement came from, as the status bar says it: its path, "bundled
    /// sample", "pasted text", "edited copy of s1.txt", or "no statement yet".
    pub fn origin(&self, side: Side) -> String {
        let document = self.document(side);
        if self.awaited(side) {
            return "no statement yet".to_owned();
        }
        if let Some(path) = &document.path {
            return path.display().to_string();
        }
        if let Some(original) = document.name.strip_suffix(" (edited)") {
            return format!("edited copy of {original}");
        }
        if SAMPLES
            .iter()
            .any(|s| s.file == document.name && s.text == document.text)
        {
            return "bundled sample".to_owned();
        }
        "pasted text".to_owned()
    }

    /// Carries out the commands that change documents.
    pub fn apply(
        &mut self,
        command: &PairCommand,
        options: Options,
        worker: &Worker,
        notices: &mut Notices,
    ) {
        match command {
            PairCommand::OpenPath(side, path) => {
                self.load(*side, path.clone(), LoadOptions::default(), worker);
            }
            PairCommand::OpenAnyway(side, path) => {
                self.load(
                    *side,
                    path.clone(),
                    LoadOptions { open_anyway: true },
                    worker,
                );
            }
            PairCommand::OpenSample(side, n) => {
                if let Some(sample) = SAMPLES.get(*n) {
                    self.replace(*side, sample.document());
                    self.request_compare(options, worker);
                }
            }
            PairCommand::Swap => {
                // The decisions follow their sentences to the other side.
                self.taught.decisions = Arc::new(
                    self.taught
                        .decisions
                        .iter()
                        .map(crate::engine::Decision::mirrored)
                        .collect(),
                );
                self.documents.swap();
                self.awaited.swap();
                self.loading.swap();
                self.load_generation.swap();
                self.request_compare(options, worker);
            }
            PairCommand::Reload => {
                for side in [Side::Left, Side::Right] {
                    if let Some(path) = self.document(side).path.clone() {
                        self.load(side, path, LoadOptions::default(), worker);
                    }
                }
                if self.documents.iter().all(|d| d.path.is_none()) {
                    notices
                        .info("Nothing to reload: neither document was opened from a file.".into());
                }
            }
            PairCommand::ReloadSide(side) => {
                notices.retain(|n| {
                    n.action
                        .as_ref()
                        .is_none_or(|(_, c)| *c != Command::Pair(PairCommand::ReloadSide(*side)))
                });
                if let Some(path) = self.document(*side).path.clone() {
                    self.load(*side, path, LoadOptions::default(), worker);
                }
            }
            PairCommand::SetText(side, name, text) => {
                self.replace(*side, Document::from_text(name.clone(), text.clone()));
                self.request_compare(options, worker);
            }
        }
    }

    /// Shows two documents (of the collation) in the two columns and compares them.
    pub fn show_pair(
        &mut self,
        documents: Sides<Arc<Document>>,
        options: Options,
        worker: &Worker,
    ) {
        self.load_generation = self.load_generation.map(|generation| generation + 1);
        self.loading = Sides::default();
        self.awaited = Sides::default();
        self.documents = documents;
        self.request_compare(options, worker);
    }

    /// Replaces a side's document at once, superseding a load in progress.
    fn replace(&mut self, side: Side, document: Document) {
        self.load_generation[side] += 1;
        self.loading[side] = None;
        self.awaited[side] = false;
        self.documents[side] = Arc::new(document);
    }

    fn load(&mut self, side: Side, path: PathBuf, options: LoadOptions, worker: &Worker) {
        self.load_generation[side] += 1;
        self.loading[side] = Some(path.clone());
        worker.load(Slot::Side(side), self.load_generation[side], path, options);
    }

    /// Asks for a comparison of the open documents (after any load in progress).
    pub fn request_compare(&mut self, options: Options, worker: &Worker) {
        if self.loading.iter().any(Option::is_some) {
            return; // compared when the load finishes
        }
        self.compare_generation += 1;
        self.comparing = true;
        worker.compare(
            self.compare_generation,
            self.documents.clone(),
            options,
            self.taught.clone(),
        );
    }

    /// The analyst's decisions the comparisons apply, as the sides are shown.
    pub fn decisions(&self) -> &[crate::engine::Decision] {
        &self.taught.decisions
    }

    /// Applies these decisions from now on, comparing again when they changed.
    pub fn set_decisions(
        &mut self,
        decisions: Vec<crate::engine::Decision>,
        options: Options,
        worker: &Worker,
    ) {
        if *self.taught.decisions != decisions {
            self.taught.decisions = Arc::new(decisions);
            self.request_compare(options, worker);
        }
    }

    /// Applies these tables (the analyst's terms) to the comparisons asked for from now on.
    pub fn set_tables(&mut self, terms: &crate::terms::Terms) {
        if terms.any_enabled() {
            self.taught.equivalences = Some(Arc::new(terms.equivalences()));
            self.taught.lexicon = Some(Arc::new(terms.lexicon()));
        } else {
            self.taught.equivalences = None;
            self.taught.lexicon = None;
        }
    }

    /// Takes in a load for `side`. `recent` receives the canonical path of a file opened.
    pub fn receive_load(
        &mut self,
        side: Side,
        loaded: Loaded,
        options: Options,
        worker: &Worker,
        notices: &mut Notices,
        recent: &mut dyn FnMut(PathBuf),
    ) {
        let Loaded {
            generation,
            path,
            result,
            canonical,
            ..
        } = loaded;
        if generation != self.load_generation[side] {
            return; // superseded
        }
        self.loading[side] = None;
        match result {
            Ok(document) => {
                if let Some(path) = canonical {
                    recent(path);
                }
                notices.opened(&document);
                self.awaited[side] = false;
                self.documents[side] = Arc::from(document);
            }
            Err(failure) => {
                let stays = if self.awaited[side] {
                    format!("The {} side stays empty.", side.name())
                } else {
                    format!("The {} document stays as it was.", side.name())
                };
                notices.could_not_open(
                    path.clone(),
                    format!("Could not open {failure}. {stays}"),
                    failure.can_open_anyway().then(|| {
                        (
                            "Open anyway".to_owned(),
                            Command::Pair(PairCommand::OpenAnyway(side, path)),
                        )
                    }),
                );
            }
        }
        self.request_compare(options, worker);
    }

    /// Takes in a comparison or its insights; says whether a new comparison is shown.
    pub fn receive(
        &mut self,
        result: PairResult,
        worker: &Worker,
        notices: &mut Notices,
    ) -> Changed {
        match result {
            PairResult::Compared {
                generation,
                comparison,
                display,
                documents,
            } => {
                if generation != self.compare_generation {
                    return Changed::default();
                }
                self.comparing = false;
                self.analysis = None;
                self.analysis_failed = None;
                self.compare_failed = None;
                self.shown_count += 1;
                worker.analyse(
                    generation,
                    documents.clone(),
                    comparison.clone(),
                    self.taught.equivalences.clone(),
                );
                self.shown = Some(Shown {
                    comparison,
                    display,
                    documents,
                    generation: self.shown_count,
                });
                Changed { shown: true }
            }
            PairResult::CompareFailed {
                generation,
                message,
            } => {
                if generation == self.compare_generation {
                    self.comparing = false;
                    notices.error(format!(
                        "The comparison could not be made for these texts: {message}. This is \
                         a bug in Parallax; please report it with both files. The documents \
                         stay open."
                    ));
                    self.compare_failed = Some(message);
                }
                Changed::default()
            }
            PairResult::Analysed {
                generation,
                analysis,
            } => {
                if generation == self.compare_generation && !self.comparing {
                    self.analysis = Some(analysis);
                }
                Changed::default()
            }
            PairResult::AnalysisFailed {
                generation,
                message,
            } => {
                if generation == self.compare_generation && !self.comparing {
                    self.analysis = None;
                    self.analysis_failed = Some(message);
                }
                Changed::default()
            }
        }
    }
}
