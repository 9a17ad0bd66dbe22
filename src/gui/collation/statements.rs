//! The statements of the collation: three or more (or any number from two) documents compared
//! together, with no base text. This part owns the list of statements (each with an id that
//! stays while others are added, removed or replaced), their loads, and the collation jobs;
//! [`crate::gui::collation`] draws it.

use std::path::PathBuf;
use std::sync::Arc;

use crate::analysis::CollationInsights;
use crate::engine::Options;
use crate::engine::collate::Collation;
use crate::load::{Document, LoadOptions};
use crate::samples::SAMPLES;

use crate::gui::Sides;
use crate::gui::commands::{Command, Screen, Slot, StatementId, StatementsCommand};
use crate::gui::notices::Notices;
use crate::gui::worker::{CollationResult, Loaded, Worker};

/// The seed article's statements opened together by Samples → All statements: the embassy's
/// post, the Foreign Office's joint statement, the ministry's post on the call on Dar, and the
/// newspaper's full report.
pub const SEED_STATEMENTS: [&str; 4] = [
    "us-embassy-x-post.txt",
    "fo-joint-press-statement.txt",
    "pakistan-mofa-post-call-on-dar.txt",
    "article-full.txt",
];

/// One statement of the collation.
#[derive(Debug, Clone)]
pub struct Statement {
    /// Stays the statement's while others come and go.
    pub id: StatementId,
    /// The document, once loaded.
    pub document: Option<Arc<Document>>,
    /// The file being loaded into it, if any.
    pub loading: Option<PathBuf>,
    /// The generation of its newest load.
    generation: u64,
}

/// A collation on screen, with the statements it was computed from.
#[derive(Clone)]
pub struct CollationShown {
    /// The collation.
    pub collation: Arc<Collation>,
    /// Its documents, in the order collated.
    pub documents: Vec<Arc<Document>>,
    /// The statement id of each document.
    pub ids: Vec<StatementId>,
    /// Each document's name as the view shows it: its file name, with its folder when two
    /// statements have the same file name.
    pub names: Vec<String>,
    /// Bumped for every collation shown (keys caches).
    pub generation: u64,
}

/// Names that tell documents apart: the file name, or "file (folder)" when two statements have
/// the same file name. The file name leads: a column's header truncates the end of a long
/// name, and "folder/file" lost the file name there ("08-uk-japan-pm-meeti…" twice).
pub fn distinct_names(documents: &[Arc<Document>]) -> Vec<String> {
    documents
        .iter()
        .map(|d| {
            let clash = documents.iter().filter(|o| o.name == d.name).count() > 1;
            let folder = d
                .path
                .as_ref()
                .and_then(|p| p.parent())
                .and_then(|p| p.file_name())
                .map(|f| f.to_string_lossy().into_owned());
            match folder {
                Some(folder) if clash => format!("{} ({folder})", d.name),
                _ => d.name.clone(),
            }
        })
        .collect()
}

impl CollationShown {
    /// The document index of a statement id.
    pub fn index_of(&self, id: StatementId) -> Option<usize> {
        self.ids.iter().position(|&i| i == id)
    }
}

/// The statements and their collation.
#[derive(Default)]
pub struct CollationSession {
    statements: Vec<Statement>,
    next_id: u64,
    /// The generation of the newest collation request.
    request: u64,
    collating: bool,
    failed: Option<String>,
    shown: Option<CollationShown>,
    /// The insights across the statements shown, once computed, or what failed.
    insights: Option<Result<Arc<CollationInsights>, String>>,
    shown_count: u64,
}

impl CollationSession {
    /// The statements, in the order added.
    pub fn statements(&self) -> &[Statement] {
        &self.statements
    }

    /// The collation on screen.
    pub fn shown(&self) -> Option<&CollationShown> {
        self.shown.as_ref()
    }

    /// Why the last collation could not be made (a bug), if so.
    pub fn failed(&self) -> Option<&str> {
        self.failed.as_deref()
    }

    /// The insights across the statements shown: `None` until computed, else them or what
    /// failed.
    pub fn insights(&self) -> Option<&Result<Arc<CollationInsights>, String>> {
        self.insights.as_ref()
    }

    /// Whether a load, the collation or its insights are under way.
    pub fn is_busy(&self) -> bool {
        let analysing = self.shown.is_some() && self.insights.is_none() && self.failed.is_none();
        self.collating || analysing || self.statements.iter().any(|s| s.loading.is_some())
    }

    fn add(&mut self, document: Option<Arc<Document>>) -> StatementId {
        let id = StatementId(self.next_id);
        self.next_id += 1;
        self.statements.push(Statement {
            id,
            document,
            loading: None,
            generation: 0,
        });
        id
    }

    fn load(&mut self, id: StatementId, path: PathBuf, worker: &Worker) {
        self.load_with(id, path, LoadOptions::default(), worker);
    }

    fn load_with(&mut self, id: StatementId, path: PathBuf, options: LoadOptions, worker: &Worker) {
        if let Some(statement) = self.statements.iter_mut().find(|s| s.id == id) {
            statement.generation += 1;
            statement.loading = Some(path.clone());
            worker.load(Slot::Statement(id), statement.generation, path, options);
        }
    }

    /// Carries out the statements' commands; returns the screen the window is to show after
    /// it, when it changes (`None`: the screen shown stays). `pair` are the two documents of
    /// the two-text view: the collation starts from them when a statement is added to an
    /// empty collation.
    pub fn apply(
        &mut self,
        command: &StatementsCommand,
        pair: &Sides<Arc<Document>>,
        options: Options,
        worker: &Worker,
    ) -> Option<Screen> {
        match command {
            StatementsCommand::Add(paths) => {
                if self.statements.is_empty() && paths.len() < 3 {
                    for document in pair {
                        self.add(Some(document.clone()));
                    }
                }
                for path in paths {
                    let id = self.add(None);
                    self.load(id, path.clone(), worker);
                }
                self.request(options, worker);
                Some(Screen::Collation)
            }
            StatementsCommand::Open(paths) => {
                self.statements.clear();
                for path in paths {
                    let id = self.add(None);
                    self.load(id, path.clone(), worker);
                }
                self.request(options, worker);
                Some(Screen::Collation)
            }
            StatementsCommand::OpenAllSamples => {
                self.statements.clear();
                for name in SEED_STATEMENTS {
                    if let Some(sample) = SAMPLES.iter().find(|s| s.file == name) {
                        self.add(Some(Arc::new(sample.document())));
                    }
                }
                self.request(options, worker);
                Some(Screen::Collation)
            }
            StatementsCommand::Replace(id, path) => {
                self.load(*id, path.clone(), worker);
                None
            }
            StatementsCommand::OpenAnyway(id, path) => {
                self.load_with(*id, path.clone(), LoadOptions { open_anyway: true }, worker);
                None
            }
            StatementsCommand::Remove(id) => {
                self.statements.retain(|s| s.id != *id);
                self.request(options, worker);
                (self.statements.len() < 2).then_some(Screen::Pair)
            }
        }
    }

    /// Reads every statement that came from a file again (F5 in the collation).
    pub fn reload(&mut self, options: Options, worker: &Worker, notices: &mut Notices) {
        let files: Vec<(StatementId, PathBuf)> = self
            .statements
            .iter()
            .filter_map(|s| Some((s.id, s.document.as_ref()?.path.clone()?)))
            .collect();
        if files.is_empty() {
            notices.info("Nothing to reload: no statement was opened from a file.".into());
        }
        // Reloading answers the "changed on disk" notices of these statements.
        notices.retain(|n| {
            !matches!(
                &n.action,
                Some((_, Command::Statements(StatementsCommand::Replace(..))))
            )
        });
        for (id, path) in files {
            self.load(id, path, worker);
        }
        self.request(options, worker);
    }

    /// Collates the loaded statements again (after any load in progress).
    pub fn request(&mut self, options: Options, worker: &Worker) {
        if self.statements.iter().any(|s| s.loading.is_some()) {
            return;
        }
        let (ids, documents): (Vec<StatementId>, Vec<Arc<Document>>) = self
            .statements
            .iter()
            .filter_map(|s| Some((s.id, s.document.clone()?)))
            .unzip();
        if documents.len() < 2 {
            // Nothing to collate; a collation still running is stale.
            self.request += 1;
            self.collating = false;
            self.shown = None;
            self.insights = None;
            return;
        }
        self.request += 1;
        self.collating = true;
        worker.collate(self.request, ids, documents, options);
    }

    /// Takes in a load for statement `id`; returns [`Screen::Pair`] when too few statements
    /// are left to collate.
    pub fn receive_load(
        &mut self,
        id: StatementId,
        loaded: Loaded,
        options: Options,
        worker: &Worker,
        notices: &mut Notices,
        recent: &mut dyn FnMut(PathBuf),
    ) -> Option<Screen> {
        let Loaded {
            generation,
            path,
            result,
            canonical,
            ..
        } = loaded;
        let Some(statement) = self.statements.iter_mut().find(|s| s.id == id) else {
            return None; // removed meanwhile
        };
        if statement.generation != generation {
            return None;
        }
        statement.loading = None;
        let mut screen = None;
        match result {
            Ok(document) => {
                if let Some(path) = canonical {
                    recent(path);
                }
                notices.opened(&document);
                // A "changed on disk" notice of this statement is answered.
                notices.retain(|n| {
                    !matches!(
                        &n.action,
                        Some((_, Command::Statements(StatementsCommand::Replace(i, _)))) if *i == id
                    )
                });
                statement.document = Some(Arc::from(document));
            }
            Err(failure) => {
                let kept = statement.document.is_some();
                let damaged = failure.can_open_anyway();
                notices.could_not_open(
                    path.clone(),
                    format!(
                        "Could not open {failure}. {}",
                        if kept {
                            "The statement stays as it was."
                        } else if damaged {
                            "Open anyway adds it to the collation."
                        } else {
                            "It is not added to the collation."
                        }
                    ),
                    damaged.then(|| {
                        (
                            "Open anyway".to_owned(),
                            Command::Statements(StatementsCommand::OpenAnyway(id, path)),
                        )
                    }),
                );
                if !kept && !damaged {
                    self.statements.retain(|s| s.id != id);
                }
                if self
                    .statements
                    .iter()
                    .filter(|s| s.document.is_some() || s.loading.is_some())
                    .count()
                    < 2
                {
                    screen = Some(Screen::Pair);
                }
            }
        }
        self.request(options, worker);
        screen
    }

    /// Takes in a collation or its insights; returns whether a new collation is shown.
    pub fn receive(
        &mut self,
        result: CollationResult,
        worker: &Worker,
        notices: &mut Notices,
    ) -> bool {
        match result {
            CollationResult::Collated {
                generation,
                collation,
                ids,
                documents,
            } => {
                if generation != self.request {
                    return false;
                }
                self.collating = false;
                self.failed = None;
                self.insights = None;
                self.shown_count += 1;
                worker.analyse_collation(generation, documents.clone(), collation.clone());
                self.shown = Some(CollationShown {
                    collation,
                    names: distinct_names(&documents),
                    documents,
                    ids,
                    generation: self.shown_count,
                });
                true
            }
            CollationResult::Analysed {
                generation,
                insights,
            } => {
                if generation == self.request && !self.collating {
                    self.insights = Some(insights);
                }
                false
            }
            CollationResult::Failed {
                generation,
                message,
            } => {
                if generation == self.request {
                    self.collating = false;
                    notices.error(format!(
                        "The collation could not be made for these texts: {message}. This is a \
                         bug in Parallax; please report it with the files. The statements stay \
                         open."
                    ));
                    self.failed = Some(message);
                }
                false
            }
        }
    }

    /// The documents of two statements (by id), for the two-text view.
    pub fn pair(&self, first: StatementId, second: StatementId) -> Option<Sides<Arc<Document>>> {
        let find = |id: StatementId| {
            self.statements
                .iter()
                .find(|s| s.id == id)
                .and_then(|s| s.document.clone())
        };
        Some(Sides::new(find(first)?, find(second)?))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn document(path: &str) -> Arc<Document> {
        let path = std::path::PathBuf::from(path);
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        Arc::new(Document {
            path: Some(path),
            ..Document::from_text(name, "A statement.")
        })
    }

    #[test]
    fn a_name_two_files_share_keeps_the_file_first_and_adds_its_folder() {
        let documents = [
            document("/data/08-uk-japan/a.txt"),
            document("/data/09-uk-japan/a.txt"),
            document("/data/09-uk-japan/b.txt"),
        ];
        assert_eq!(
            distinct_names(&documents),
            ["a.txt (08-uk-japan)", "a.txt (09-uk-japan)", "b.txt"]
        );
    }
}
