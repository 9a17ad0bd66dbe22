//! Application state, the frame function, and [`ParallaxApp::apply`], the one place that
//! changes state in answer to a [`Command`].

use std::path::PathBuf;
use std::sync::Arc;

use egui::{Color32, Key, KeyboardShortcut, Modifiers, RichText, ThemePreference, Ui};
use serde::{Deserialize, Serialize};

use crate::engine::{Comparison, Options, Span};
use crate::load::{Document, LoadOptions};
use crate::samples::{SAMPLES, default_pair};

use super::insights::InsightsPanel;
use super::view::{self, Palette, RowHeights, ViewInput};
use super::worker::{ExportJob, JobResult, Worker};
use super::{Command, ExportFormat, Side};
use crate::notes::{self, Notes};

/// Settings kept between runs (eframe persistence).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// Comparison options.
    pub options: Options,
    /// Light, dark or following the system.
    pub theme: ThemePreference,
    /// Zoom factor (Ctrl + / Ctrl - / Ctrl 0).
    pub zoom: f32,
    /// Recently opened files, newest first.
    pub recent: Vec<PathBuf>,
    /// Reload files that change on disk without asking.
    pub auto_reload: bool,
    /// Show the insights panel (named entities, shared phrases, wording strength).
    pub show_insights: bool,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            options: Options::default(),
            theme: ThemePreference::System,
            zoom: 1.0,
            recent: Vec::new(),
            auto_reload: false,
            show_insights: true,
        }
    }
}

/// How many recent files are remembered.
const RECENT_MAX: usize = 10;

/// A message shown in the window until dismissed.
#[derive(Debug, Clone, PartialEq)]
pub struct Notice {
    /// The text (names the file and the reason).
    pub text: String,
    /// Whether it reports an error (red) or information.
    pub error: bool,
    /// A button offered with it: its label and what it does.
    pub action: Option<(String, Command)>,
}

impl Notice {
    fn error(text: String) -> Self {
        Self {
            text,
            error: true,
            action: None,
        }
    }

    fn info(text: String) -> Self {
        Self {
            text,
            error: false,
            action: None,
        }
    }
}

/// The text editor for pasting or editing one side.
#[derive(Debug, Clone)]
struct Editor {
    side: Side,
    text: String,
    /// Where the text came from ("untitled" when pasted).
    origin: String,
}

/// The export window.
#[derive(Debug, Clone)]
struct ExportDialog {
    format: ExportFormat,
    /// Path field, shown where no native save dialog exists.
    path: Option<String>,
    reason: String,
}

/// How often open files are checked for changes on disk.
const WATCH_INTERVAL: f64 = 1.0;

/// The path field shown where no native file dialog is available.
#[derive(Debug, Clone, Default)]
struct PathPrompt {
    side: Option<Side>,
    text: String,
    reason: String,
}

/// Find across both sides.
#[derive(Debug, Default)]
struct Find {
    open: bool,
    query: String,
    /// (row, side, span) of each match, in row order.
    matches: Vec<(usize, Side, Span)>,
    current: usize,
    /// (query, comparison generation) the matches were computed for.
    computed_for: (String, u64),
    focus: bool,
}

/// The Parallax window.
pub struct ParallaxApp {
    documents: [Arc<Document>; 2],
    comparison: Option<Arc<Comparison>>,
    /// The documents `comparison` was computed from (the view renders these, never newer
    /// documents that are still being compared).
    compared: [Arc<Document>; 2],
    /// Bumped for every comparison shown (keys caches).
    shown_generation: u64,
    settings: Settings,
    worker: Worker,
    load_generation: [u64; 2],
    loading: [Option<PathBuf>; 2],
    compare_generation: u64,
    comparing: bool,
    notices: Vec<Notice>,
    heights: RowHeights,
    selected: Option<usize>,
    scroll_to: Option<usize>,
    scroll_offset: Option<f32>,
    /// Where the rows were scrolled to last frame, and how tall their view was.
    view: (f32, f32),
    find: Find,
    prompt: Option<PathPrompt>,
    editor: Option<Editor>,
    export: Option<ExportDialog>,
    analysis: Option<Arc<crate::analysis::Analysis>>,
    /// Why the insights of the comparison shown could not be computed (a bug), if so.
    analysis_failed: Option<String>,
    /// Why the last comparison could not be made (a bug), if so.
    compare_failed: Option<String>,
    /// The insights panel's tab, filter and list.
    insights: InsightsPanel,
    /// Places an insights entry asked to highlight.
    highlights: Vec<(Side, Span)>,
    highlight_generation: u64,
    /// (key, marks) of find matches and highlights for the view, rebuilt when either changes.
    marks: (u64, Vec<(usize, Side, Span, bool)>),
    /// Notes of the pair shown, and where they are kept.
    notes: Option<(PathBuf, Notes)>,
    /// Notes placed on rows of the comparison shown: (row, note), by row.
    row_notes: Vec<(usize, String)>,
    /// The note being edited for the selected row.
    note_draft: (Option<usize>, String),
    /// Per side, the file stamp last reported as changed (so it is reported once).
    watched: [Option<crate::load::FileStamp>; 2],
    /// When open files were last checked for changes.
    last_watch: f64,
    title: String,
    /// Rows that are differences, in order.
    differences: Vec<usize>,
    /// For each row: where a moved row's sentence sits in the right document's order.
    moved_targets: Vec<Option<usize>>,
    /// For each row: its sentences' links to sentences in other rows ("also R7").
    cross_refs: Vec<Vec<crate::export::CrossRef>>,
    /// The sentence a cross-reference last jumped to, marked in its row.
    marked: Option<(Side, usize)>,
    rows_of: [Vec<usize>; 2],
    /// Where the central panel was last frame (to tell which half a file was dropped on).
    central: egui::Rect,
    pending: Vec<Command>,
}

impl ParallaxApp {
    /// Builds the app: settings from storage, then the given files or the bundled pair.
    pub fn new(
        cc: &eframe::CreationContext<'_>,
        left: Option<PathBuf>,
        right: Option<PathBuf>,
    ) -> Self {
        let settings: Settings = cc
            .storage
            .and_then(|s| eframe::get_value(s, eframe::APP_KEY))
            .unwrap_or_default();
        cc.egui_ctx.set_theme(settings.theme);
        if (0.5..=3.0).contains(&settings.zoom) {
            cc.egui_ctx.set_zoom_factor(settings.zoom);
        }
        let (sample_left, sample_right) = default_pair();
        let documents = [Arc::new(sample_left), Arc::new(sample_right)];
        let mut app = Self {
            compared: documents.clone(),
            documents,
            comparison: None,
            shown_generation: 0,
            settings,
            worker: Worker::new(Some(cc.egui_ctx.clone())),
            load_generation: [0, 0],
            loading: [None, None],
            compare_generation: 0,
            comparing: false,
            notices: Vec::new(),
            heights: RowHeights::default(),
            selected: None,
            scroll_to: None,
            scroll_offset: None,
            view: (0.0, 0.0),
            find: Find::default(),
            prompt: None,
            editor: None,
            export: None,
            analysis: None,
            analysis_failed: None,
            compare_failed: None,
            insights: InsightsPanel::default(),
            highlights: Vec::new(),
            highlight_generation: 0,
            marks: (u64::MAX, Vec::new()),
            notes: None,
            row_notes: Vec::new(),
            note_draft: (None, String::new()),
            watched: [None, None],
            last_watch: 0.0,
            title: String::new(),
            differences: Vec::new(),
            moved_targets: Vec::new(),
            cross_refs: Vec::new(),
            marked: None,
            rows_of: [Vec::new(), Vec::new()],
            central: egui::Rect::NOTHING,
            pending: Vec::new(),
        };
        let only_left = left.is_some() && right.is_none();
        let mut opened = false;
        for (side, path) in [(Side::Left, left), (Side::Right, right)] {
            if let Some(path) = path {
                app.apply(Command::OpenPath(side, path));
                opened = true;
            }
        }
        if only_left {
            // Opened with one file (from the file manager): it goes on the left, and the
            // window asks for the other; until then the right side is empty.
            app.documents[1] = Arc::new(Document::from_text("(no right statement yet)", ""));
            app.apply(Command::Open(Side::Right));
        }
        if !opened {
            app.request_compare();
        }
        app
    }

    /// Whether a load, a comparison or its insights are still being computed.
    pub fn is_busy(&self) -> bool {
        let analysing = self.comparison.is_some()
            && self.analysis.is_none()
            && self.analysis_failed.is_none()
            && self.compare_failed.is_none();
        self.comparing || analysing || self.loading.iter().any(Option::is_some)
    }

    /// The open documents (left, right).
    pub fn documents(&self) -> [&Document; 2] {
        [&self.documents[0], &self.documents[1]]
    }

    /// The comparison shown, once computed.
    pub fn comparison(&self) -> Option<&Comparison> {
        self.comparison.as_deref()
    }

    /// The selected row.
    pub fn selected(&self) -> Option<usize> {
        self.selected
    }

    /// Why the insights could not be computed, if they could not.
    pub fn analysis_failed(&self) -> Option<&str> {
        self.analysis_failed.as_deref()
    }

    /// Replaces what computes the insights and compares again: for tests, which use one that
    /// panics to check that the window survives it.
    #[doc(hidden)]
    pub fn set_analyser_for_tests(&mut self, analyser: super::worker::Analyser) {
        self.worker.set_analyser(analyser);
        self.request_compare();
    }

    /// The sentence a cross-reference last jumped to (outlined in its row).
    pub fn marked(&self) -> Option<(Side, usize)> {
        self.marked
    }

    /// Notices shown (errors and information).
    pub fn notices(&self) -> &[Notice] {
        &self.notices
    }

    /// The settings as they will be saved.
    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// "n of m" position of the selected difference (n is 0 when none is selected).
    pub fn difference_position(&self) -> (usize, usize) {
        let n = self
            .selected
            .and_then(|s| self.differences.iter().position(|&d| d == s))
            .map_or(0, |p| p + 1);
        (n, self.differences.len())
    }

    /// Queues a command, as a click would.
    pub fn push(&mut self, command: Command) {
        self.pending.push(command);
    }

    /// Scrolls the rows to this offset in points from the top (the frame benchmark scrolls
    /// step by step with it).
    pub fn scroll_to_offset(&mut self, y: f32) {
        self.scroll_offset = Some(y.max(0.0));
    }

    /// How far the rows are scrolled, in points from the top (as of the last frame).
    pub fn scroll_position(&self) -> f32 {
        self.view.0
    }

    /// Height of all rows in points, as currently measured or estimated.
    pub fn content_height(&self) -> f32 {
        self.heights.total()
    }

    /// Carries out one command.
    pub fn apply(&mut self, command: Command) {
        match command {
            Command::Open(side) => {
                if dialog_available() {
                    self.worker.pick(side);
                } else {
                    self.show_prompt(
                        side,
                        "No native file dialog is available here (no desktop portal is running).",
                    );
                }
            }
            Command::OpenPath(side, path) => self.load(side, path, LoadOptions::default()),
            Command::OpenAnyway(side, path) => {
                self.load(side, path, LoadOptions { open_anyway: true });
            }
            Command::OpenSample(side, n) => {
                if let Some(sample) = SAMPLES.get(n) {
                    self.load_generation[side.index()] += 1;
                    self.loading[side.index()] = None;
                    self.documents[side.index()] = Arc::new(sample.document());
                    self.request_compare();
                }
            }
            Command::Swap => {
                self.documents.swap(0, 1);
                self.loading.swap(0, 1);
                self.load_generation.swap(0, 1);
                self.request_compare();
            }
            Command::Reload => {
                for side in [Side::Left, Side::Right] {
                    if let Some(path) = self.documents[side.index()].path.clone() {
                        self.apply(Command::OpenPath(side, path));
                    }
                }
                if self.documents.iter().all(|d| d.path.is_none()) {
                    self.notices.push(Notice::info(
                        "Nothing to reload: neither document was opened from a file.".into(),
                    ));
                }
            }
            Command::SetOptions(options) => {
                if options != self.settings.options {
                    self.settings.options = options;
                    self.request_compare();
                }
            }
            Command::NextDifference => self.step_difference(true),
            Command::PreviousDifference => self.step_difference(false),
            Command::SelectRow(i) => self.selected = Some(i),
            Command::JumpToRow(i) => {
                self.selected = Some(i);
                self.scroll_to = Some(i);
            }
            Command::JumpToSentence(side, sentence) => {
                let row = self.rows_of[side.index()].get(sentence).copied();
                if let Some(row) = row {
                    self.selected = Some(row);
                    self.scroll_to = Some(row);
                    self.marked = Some((side, sentence));
                }
            }
            Command::OpenFind => {
                self.find.open = true;
                self.find.focus = true;
            }
            Command::CloseFind => {
                self.find.open = false;
                self.find.matches.clear();
                self.find.computed_for = (String::new(), 0);
            }
            Command::FindNext | Command::FindPrevious => {
                let n = self.find.matches.len();
                if n > 0 {
                    self.find.current = if command == Command::FindNext {
                        (self.find.current + 1) % n
                    } else {
                        (self.find.current + n - 1) % n
                    };
                    self.scroll_to = self.find.matches.get(self.find.current).map(|m| m.0);
                }
            }
            Command::SetTheme(theme) => self.settings.theme = theme,
            Command::DismissNotice(i) => {
                if i < self.notices.len() {
                    self.notices.remove(i);
                }
            }
            Command::CancelPrompt => self.prompt = None,
            Command::EditText(side, keep) => {
                let document = &self.documents[side.index()];
                self.editor = Some(Editor {
                    side,
                    text: if keep {
                        document.text.clone()
                    } else {
                        String::new()
                    },
                    origin: if keep {
                        document.name.clone()
                    } else {
                        "untitled".into()
                    },
                });
            }
            Command::ApplyEdit(side, text) => {
                let origin = self
                    .editor
                    .take()
                    .map_or_else(|| "untitled".to_owned(), |e| e.origin);
                let name = if origin == "untitled" {
                    format!("untitled ({})", side.name())
                } else {
                    format!("{} (edited)", origin.trim_end_matches(" (edited)"))
                };
                self.load_generation[side.index()] += 1;
                self.loading[side.index()] = None;
                self.watched[side.index()] = None;
                self.documents[side.index()] = Arc::new(Document::from_text(name, text));
                self.request_compare();
            }
            Command::CancelEdit => self.editor = None,
            Command::ReloadSide(side) => {
                self.notices.retain(|n| {
                    n.action
                        .as_ref()
                        .is_none_or(|(_, c)| *c != Command::ReloadSide(side))
                });
                if let Some(path) = self.documents[side.index()].path.clone() {
                    self.apply(Command::OpenPath(side, path));
                }
            }
            Command::SetAutoReload(on) => self.settings.auto_reload = on,
            Command::OpenExport => {
                self.export = Some(ExportDialog {
                    format: ExportFormat::Html,
                    path: None,
                    reason: String::new(),
                });
            }
            Command::ChooseExportPath(format) => {
                let suggested = format!(
                    "{}-vs-{}.{}",
                    stem(&self.compared[0].name),
                    stem(&self.compared[1].name),
                    format.extension()
                );
                if dialog_available() {
                    self.worker.pick_save(format, suggested);
                } else {
                    let dir = self.compared[0]
                        .path
                        .as_ref()
                        .and_then(|p| p.parent())
                        .map_or_else(
                            || std::env::current_dir().unwrap_or_default(),
                            std::path::Path::to_path_buf,
                        );
                    self.export = Some(ExportDialog {
                        format,
                        path: Some(dir.join(suggested).display().to_string()),
                        reason: "No native file dialog is available here (no desktop portal is running).".into(),
                    });
                }
            }
            Command::ExportTo(format, path) => {
                self.export = None;
                if let Some(comparison) = &self.comparison {
                    self.worker.export(ExportJob {
                        format,
                        path,
                        documents: self.compared.clone(),
                        comparison: comparison.clone(),
                        analysis: self.analysis.clone(),
                        notes: self.row_notes.clone(),
                    });
                }
            }
            Command::CancelExport => self.export = None,
            Command::SetNote(row, text) => self.set_note(row, &text),
            Command::Highlight(places) => {
                self.highlights = places;
                self.highlight_generation += 1;
            }
            Command::ToggleInsights => self.settings.show_insights = !self.settings.show_insights,
        }
    }

    /// Reads the notes of the pair shown (once per pair) and places them on rows.
    fn load_notes(&mut self) {
        let [left, right] = &self.compared;
        let Some(path) = notes::sidecar_path(left, right) else {
            return;
        };
        let same_pair = self.notes.as_ref().is_some_and(|(p, _)| *p == path);
        if !same_pair {
            let loaded = match notes::read(&path) {
                Ok(Some(existing)) => {
                    let changed = existing.changed_since(left, right);
                    if !changed.is_empty() && !existing.notes.is_empty() {
                        self.notices.push(Notice::info(format!(
                            "Notes restored from {}; {} changed since they were written: check that they still apply.",
                            path.display(),
                            changed.join(" and ")
                        )));
                    }
                    existing
                }
                Ok(None) => Notes::new(left, right),
                Err(message) => {
                    self.notices.push(Notice::error(format!(
                        "Could not read the notes: {message}."
                    )));
                    Notes::new(left, right)
                }
            };
            self.notes = Some((path, loaded));
        }
        self.row_notes = match (&self.notes, &self.comparison) {
            (Some((_, n)), Some(c)) => n.by_row(c, left, right),
            _ => Vec::new(),
        };
        self.note_draft = (None, String::new());
    }

    fn set_note(&mut self, row: usize, text: &str) {
        let Some(comparison) = self.comparison.clone() else {
            return;
        };
        let [left, right] = self.compared.clone();
        let Some((path, notes)) = &mut self.notes else {
            return;
        };
        notes.set(&comparison, row, &left, &right, text);
        if let Err(message) = notes::write(path, notes) {
            self.notices.push(Notice::error(format!(
                "Could not save the note: {message}."
            )));
        }
        self.row_notes = notes.by_row(&comparison, &left, &right);
    }

    /// The notes placed on rows, as exports show them.
    pub fn row_notes(&self) -> &[(usize, String)] {
        &self.row_notes
    }

    /// Row holding byte `offset` of a side of the comparison shown.
    fn row_at(&self, comparison: &Comparison, side: Side, offset: usize) -> Option<usize> {
        let sentences = match side {
            Side::Left => &comparison.left_sentences,
            Side::Right => &comparison.right_sentences,
        };
        let sentence = sentences.partition_point(|s| s.span.end <= offset);
        self.rows_of[side.index()].get(sentence).copied()
    }

    /// Find matches and insights highlights as the view marks them, sorted by row:
    /// (row, side, span, emphasised).
    fn view_marks(&self, comparison: &Comparison) -> Vec<(usize, Side, Span, bool)> {
        let mut marks: Vec<(usize, Side, Span, bool)> = self
            .find
            .matches
            .iter()
            .enumerate()
            .map(|(k, &(row, side, span))| (row, side, span, k == self.find.current))
            .collect();
        for &(side, span) in &self.highlights {
            if let Some(row) = self.row_at(comparison, side, span.start) {
                marks.push((row, side, span, true));
            }
        }
        marks.sort_by_key(|m| (m.0, m.1.index(), m.2.start));
        marks
    }

    /// A number that changes whenever the find highlights do.
    fn find_generation(&self) -> u64 {
        use std::hash::{Hash, Hasher};
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        self.highlight_generation.hash(&mut hasher);
        (
            self.find.open,
            &self.find.computed_for,
            self.find.current,
            self.find.matches.len(),
        )
            .hash(&mut hasher);
        hasher.finish()
    }

    fn show_prompt(&mut self, side: Side, reason: &str) {
        let text = self.documents[side.index()]
            .path
            .as_ref()
            .and_then(|p| p.parent())
            .map(|p| format!("{}/", p.display()))
            .unwrap_or_default();
        self.prompt = Some(PathPrompt {
            side: Some(side),
            text,
            reason: reason.to_owned(),
        });
    }

    fn step_difference(&mut self, forward: bool) {
        if self.differences.is_empty() {
            return;
        }
        let at = self
            .selected
            .unwrap_or(if forward { usize::MAX } else { 0 });
        let next = if forward {
            self.differences
                .iter()
                .copied()
                .find(|&d| at == usize::MAX || d > at)
                .unwrap_or(self.differences[0])
        } else {
            self.differences
                .iter()
                .rev()
                .copied()
                .find(|&d| d < at)
                .unwrap_or(self.differences[self.differences.len() - 1])
        };
        self.selected = Some(next);
        self.scroll_to = Some(next);
    }

    fn load(&mut self, side: Side, path: PathBuf, options: LoadOptions) {
        let i = side.index();
        self.load_generation[i] += 1;
        self.loading[i] = Some(path.clone());
        self.worker
            .load(side, self.load_generation[i], path, options);
    }

    fn request_compare(&mut self) {
        if self.loading.iter().any(Option::is_some) {
            return; // compared when the load finishes
        }
        self.compare_generation += 1;
        self.comparing = true;
        self.worker.compare(
            self.compare_generation,
            self.documents.clone(),
            self.settings.options,
        );
    }

    /// Takes in finished background work.
    fn receive(&mut self) {
        for result in self.worker.poll() {
            match result {
                JobResult::Loaded {
                    side,
                    generation,
                    result,
                    can_open_anyway,
                } => {
                    let i = side.index();
                    if generation != self.load_generation[i] {
                        continue; // superseded
                    }
                    self.loading[i] = None;
                    match result {
                        Ok(document) => {
                            if let Some(path) = &document.path {
                                remember(&mut self.settings.recent, path.clone());
                            }
                            self.notices
                                .retain(|n| !n.error || !n.text.contains(&document.name));
                            if document.encoding.contains("replaced with U+FFFD") {
                                self.notices.push(Notice::info(format!(
                                    "{} opened anyway: {} (shown as \u{FFFD}; reports record \
                                     it).",
                                    document.name, document.encoding
                                )));
                            }
                            self.documents[i] = Arc::new(document);
                            self.watched[i] = None;
                        }
                        Err(message) => self.notices.push(Notice {
                            text: format!(
                                "Could not open {message}. The {} document stays as it was.",
                                side.name()
                            ),
                            error: true,
                            action: can_open_anyway.map(|path| {
                                ("Open anyway".to_owned(), Command::OpenAnyway(side, path))
                            }),
                        }),
                    }
                    self.request_compare();
                }
                JobResult::Picked {
                    side,
                    path,
                    failed_fast,
                } => match path {
                    Some(path) => self.apply(Command::OpenPath(side, path)),
                    None if failed_fast => {
                        self.show_prompt(side, "The native file dialog could not be shown (no desktop portal answered).");
                    }
                    None => {}
                },
                JobResult::SavePicked {
                    format,
                    path,
                    failed_fast,
                } => match path {
                    Some(path) => self.apply(Command::ExportTo(format, path)),
                    None if failed_fast => {
                        self.export = Some(ExportDialog {
                            format,
                            path: Some(String::new()),
                            reason: "The native file dialog could not be shown (no desktop portal answered).".into(),
                        });
                    }
                    None => {}
                },
                JobResult::Exported(result) => match result {
                    Ok(path) => self
                        .notices
                        .push(Notice::info(format!("Report saved to {}.", path.display()))),
                    Err(message) => self.notices.push(Notice::error(format!(
                        "Could not save the report: {message}."
                    ))),
                },
                JobResult::Analysed {
                    generation,
                    analysis,
                } => {
                    if generation == self.compare_generation {
                        self.analysis = Some(analysis);
                    }
                }
                JobResult::AnalysisFailed {
                    generation,
                    message,
                } => {
                    if generation == self.compare_generation {
                        self.analysis = None;
                        self.analysis_failed = Some(message);
                    }
                }
                JobResult::CompareFailed {
                    generation,
                    message,
                } => {
                    if generation != self.compare_generation {
                        continue;
                    }
                    self.comparing = false;
                    self.notices.push(Notice::error(format!(
                        "The comparison could not be made for these texts: {message}. This is \
                         a bug in Parallax; please report it with both files. The documents \
                         stay open."
                    )));
                    self.compare_failed = Some(message);
                }
                JobResult::Compared {
                    generation,
                    comparison,
                    documents,
                } => {
                    if generation != self.compare_generation {
                        continue;
                    }
                    self.comparing = false;
                    self.analysis = None;
                    self.analysis_failed = None;
                    self.compare_failed = None;
                    self.show(comparison, documents);
                }
            }
        }
    }

    fn show(&mut self, comparison: Arc<Comparison>, documents: [Arc<Document>; 2]) {
        self.compared = documents;
        self.shown_generation += 1;
        self.differences = comparison
            .rows
            .iter()
            .enumerate()
            .filter(|(_, r)| r.is_difference())
            .map(|(i, _)| i)
            .collect();
        // One index gives each row's cross-references and where each sentence sits.
        let index = crate::export::LinkIndex::new(&comparison);
        self.cross_refs = (0..comparison.rows.len())
            .map(|i| index.cross_refs(&comparison, i))
            .collect();
        self.rows_of = index.into_rows_of();
        let rows_of_right = &self.rows_of[1];
        self.moved_targets = comparison
            .rows
            .iter()
            .map(|row| {
                if !row.moved {
                    return None;
                }
                let first = *row.right.first()?;
                let last = *row.right.last()?;
                // The row just after the right neighbour that precedes this sentence.
                let before = first.checked_sub(1).and_then(|r| rows_of_right.get(r));
                let after = rows_of_right.get(last + 1);
                before.or(after).copied()
            })
            .collect();
        self.marked = None;
        if self.selected.is_some_and(|s| s >= comparison.rows.len()) {
            self.selected = None;
        }
        self.find.computed_for = (String::new(), 0);
        self.highlights.clear();
        self.comparison = Some(comparison);
        self.load_notes();
    }

    fn update_find(&mut self) {
        let Some(comparison) = &self.comparison else {
            return;
        };
        let key = (self.find.query.clone(), self.shown_generation);
        if !self.find.open || self.find.computed_for == key {
            return;
        }
        self.find.computed_for = key;
        self.find.matches.clear();
        self.find.current = 0;
        let needle = self.find.query.as_bytes();
        if needle.is_empty() {
            return;
        }
        for side in [Side::Left, Side::Right] {
            let text = self.compared[side.index()].text.as_bytes();
            let mut at = 0;
            while let Some(found) = find_ascii_ci(&text[at..], needle) {
                let start = at + found;
                let end = start + needle.len();
                if let Some(row) = self.row_at(comparison, side, start) {
                    self.find.matches.push((row, side, Span::new(start, end)));
                }
                at = end;
            }
        }
        self.find
            .matches
            .sort_by_key(|m| (m.0, m.1.index(), m.2.start));
        if let Some(first) = self.find.matches.first() {
            self.scroll_to = Some(first.0);
        }
    }

    fn shortcuts(&mut self, ctx: &egui::Context) {
        let wants_text = ctx.egui_wants_keyboard_input();
        // A focused widget (the threshold slider) keeps the arrow keys.
        let focused = ctx.memory(|m| m.focused().is_some());
        ctx.input_mut(|input| {
            let mut take = |modifiers: Modifiers, key: Key| {
                input.consume_shortcut(&KeyboardShortcut::new(modifiers, key))
            };
            if take(Modifiers::SHIFT, Key::F7) || take(Modifiers::ALT, Key::ArrowUp) {
                self.pending.push(Command::PreviousDifference);
            }
            if take(Modifiers::NONE, Key::F7) || take(Modifiers::ALT, Key::ArrowDown) {
                self.pending.push(Command::NextDifference);
            }
            if take(Modifiers::COMMAND, Key::F) {
                self.pending.push(Command::OpenFind);
            }
            if take(Modifiers::COMMAND, Key::E) {
                self.pending.push(Command::OpenExport);
            }
            if take(Modifiers::NONE, Key::F5) {
                self.pending.push(Command::Reload);
            }
            // Keyboard scrolling of the rows, when no text field has the keys.
            if !wants_text {
                let (offset, height) = self.view;
                let page = (height - 60.0).max(40.0);
                let total = self.heights.total();
                let target = if take(Modifiers::NONE, Key::PageDown) {
                    Some(offset + page)
                } else if take(Modifiers::NONE, Key::PageUp) {
                    Some(offset - page)
                } else if !focused && take(Modifiers::NONE, Key::ArrowDown) {
                    Some(offset + 40.0)
                } else if !focused && take(Modifiers::NONE, Key::ArrowUp) {
                    Some(offset - 40.0)
                } else if take(Modifiers::COMMAND, Key::Home) || take(Modifiers::NONE, Key::Home) {
                    Some(0.0)
                } else if take(Modifiers::COMMAND, Key::End) || take(Modifiers::NONE, Key::End) {
                    Some(total)
                } else {
                    None
                };
                if let Some(y) = target {
                    self.scroll_offset = Some(y.clamp(0.0, (total - height).max(0.0)));
                }
            }
            // The most specific first: Ctrl+O would also take Ctrl+Shift+O.
            if take(Modifiers::COMMAND | Modifiers::SHIFT, Key::O) {
                self.pending.push(Command::Open(Side::Right));
            }
            if take(Modifiers::COMMAND, Key::O) {
                self.pending.push(Command::Open(Side::Left));
            }
            if self.find.open && take(Modifiers::NONE, Key::Escape) {
                self.pending.push(Command::CloseFind);
            }
            if !wants_text && self.find.open && take(Modifiers::NONE, Key::Enter) {
                self.pending.push(Command::FindNext);
            }
        });
    }

    fn dropped_files(&mut self, ctx: &egui::Context) {
        let (dropped, pointer) =
            ctx.input(|i| (i.raw.dropped_files.clone(), i.pointer.latest_pos()));
        for (n, file) in dropped.iter().enumerate() {
            let side = match pointer {
                _ if dropped.len() == 2 => {
                    if n == 0 {
                        Side::Left
                    } else {
                        Side::Right
                    }
                }
                Some(pos) if pos.x > self.central.center().x => Side::Right,
                _ => Side::Left,
            };
            self.pending
                .push(Command::OpenPath(side, file.path().to_path_buf()));
        }
    }

    /// Checks once a second whether an open file changed on disk; reloads it or offers to.
    fn watch_files(&mut self, ctx: &egui::Context) {
        let now = ctx.input(|i| i.time);
        if now - self.last_watch < WATCH_INTERVAL {
            return;
        }
        self.last_watch = now;
        for side in [Side::Left, Side::Right] {
            let i = side.index();
            let document = &self.documents[i];
            let (Some(path), Some(stamp)) = (&document.path, document.stamp) else {
                continue;
            };
            if self.loading[i].is_some() {
                continue;
            }
            let Some(current) = crate::load::FileStamp::of(path) else {
                continue;
            };
            if current == stamp || self.watched[i] == Some(current) {
                continue;
            }
            self.watched[i] = Some(current);
            if self.settings.auto_reload {
                self.pending.push(Command::ReloadSide(side));
            } else {
                let text = format!("{} changed on disk.", document.name);
                self.notices.retain(|n| n.text != text);
                self.notices.push(Notice {
                    text,
                    error: false,
                    action: Some(("Reload".into(), Command::ReloadSide(side))),
                });
            }
        }
        ctx.request_repaint_after(std::time::Duration::from_secs_f64(WATCH_INTERVAL));
    }

    fn insights_panel_ui(&mut self, ui: &mut Ui) {
        // Keep the width the user gave the panel, whatever it shows (a spinner at first).
        ui.set_min_width(ui.available_width());
        ui.horizontal(|ui| {
            ui.heading("Insights");
            if ui
                .small_button("Hide")
                .on_hover_text("Show again from the View menu")
                .clicked()
            {
                self.pending.push(Command::ToggleInsights);
            }
        });
        if let Some(message) = &self.analysis_failed {
            ui.colored_label(
                ui.visuals().error_fg_color,
                format!("The insights could not be computed for these texts: {message}"),
            );
            ui.label(
                "The rows and the documents are unaffected. This is a bug in Parallax; please \
                 report it with both files and these details.",
            );
            if ui.button("Copy details").clicked() {
                let details = format!(
                    "Parallax {}: {message}\nLeft: {}\nRight: {}",
                    env!("CARGO_PKG_VERSION"),
                    self.compared[0].name,
                    self.compared[1].name
                );
                ui.ctx().copy_text(details);
            }
            return;
        }
        let (Some(analysis), Some(comparison)) = (self.analysis.clone(), self.comparison.clone())
        else {
            ui.spinner();
            return;
        };
        let documents = [&*self.compared[0], &*self.compared[1]];
        let commands = self.insights.ui(ui, &analysis, &comparison, documents);
        self.pending.extend(commands);
    }

    fn note_ui(&mut self, ui: &mut Ui) {
        let Some(row) = self.selected else { return };
        if self.note_draft.0 != Some(row) {
            let existing = self
                .row_notes
                .iter()
                .find(|(r, _)| *r == row)
                .map(|(_, n)| n.clone());
            self.note_draft = (Some(row), existing.unwrap_or_default());
        }
        ui.horizontal(|ui| {
            let label = ui.label(format!("Note on row {}:", row + 1));
            ui.add(
                egui::TextEdit::singleline(&mut self.note_draft.1)
                    .hint_text("a remark for this row, kept with the pair and shown in exports")
                    .desired_width(ui.available_width() - 220.0),
            )
            .labelled_by(label.id);
            if ui.button("Save note").clicked() {
                self.pending
                    .push(Command::SetNote(row, self.note_draft.1.clone()));
            }
            if ui.button("Remove note").clicked() {
                self.note_draft.1.clear();
                self.pending.push(Command::SetNote(row, String::new()));
            }
        });
    }

    fn export_ui(&mut self, ctx: &egui::Context) {
        let Some(dialog) = &mut self.export else {
            return;
        };
        let mut choose = None;
        let mut write = None;
        let mut cancel = false;
        egui::Window::new("Export report")
            .collapsible(false)
            .resizable(false)
            .anchor(egui::Align2::CENTER_CENTER, [0.0, 0.0])
            .show(ctx, |ui| {
                ui.label("A report of this comparison, with provenance (files, sizes, SHA-256, options, time) and your notes.");
                for format in [ExportFormat::Html, ExportFormat::Markdown, ExportFormat::Json] {
                    ui.radio_value(&mut dialog.format, format, format.label());
                }
                if let Some(path) = &mut dialog.path {
                    ui.label(&dialog.reason);
                    let label = ui.label("Save to:");
                    ui.add(egui::TextEdit::singleline(path).desired_width(420.0)).labelled_by(label.id);
                }
                ui.horizontal(|ui| {
                    match &dialog.path {
                        Some(path) => {
                            if ui.add_enabled(!path.trim().is_empty(), egui::Button::new("Save")).clicked() {
                                write = Some(PathBuf::from(path.trim()));
                            }
                        }
                        None => {
                            if ui.button("Save as…").clicked() {
                                choose = Some(dialog.format);
                            }
                        }
                    }
                    if ui.button("Cancel").clicked() {
                        cancel = true;
                    }
                });
            });
        if let Some(path) = write {
            self.pending.push(Command::ExportTo(dialog.format, path));
        } else if let Some(format) = choose {
            self.pending.push(Command::ChooseExportPath(format));
        } else if cancel {
            self.pending.push(Command::CancelExport);
        }
    }

    fn editor_ui(&mut self, ctx: &egui::Context) {
        let Some(editor) = &mut self.editor else {
            return;
        };
        let side = editor.side;
        let mut apply = false;
        let mut cancel = false;
        egui::Window::new(format!("Text of the {} statement", side.name()))
            .collapsible(false)
            .default_size([720.0, 480.0])
            .anchor(egui::Align2::CENTER_CENTER, [0.0, 0.0])
            .show(ctx, |ui| {
                ui.label(if editor.origin == "untitled" {
                    "Paste the statement here (Ctrl+V), or type it, then compare.".to_owned()
                } else {
                    format!(
                        "Editing a copy of {}: the file on disk is never changed.",
                        editor.origin
                    )
                });
                let label = ui.label("Statement text:");
                egui::ScrollArea::vertical()
                    .max_height(380.0)
                    .show(ui, |ui| {
                        let edit = ui
                            .add(
                                egui::TextEdit::multiline(&mut editor.text)
                                    .desired_width(f32::INFINITY)
                                    .desired_rows(18)
                                    .hint_text("Statement text"),
                            )
                            .labelled_by(label.id);
                        if editor.text.is_empty() && !edit.has_focus() {
                            edit.request_focus();
                        }
                    });
                ui.horizontal(|ui| {
                    let ready = !editor.text.trim().is_empty();
                    if ui
                        .add_enabled(ready, egui::Button::new("Compare with this text"))
                        .clicked()
                    {
                        apply = true;
                    }
                    if ui.button("Cancel").clicked() {
                        cancel = true;
                    }
                });
            });
        if apply {
            let text = editor.text.clone();
            self.pending.push(Command::ApplyEdit(side, text));
        } else if cancel {
            self.pending.push(Command::CancelEdit);
        }
    }

    fn update_title(&mut self, ctx: &egui::Context) {
        let title = format!(
            "Parallax — {} ↔ {}",
            self.documents[0].name, self.documents[1].name
        );
        if title != self.title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.title = title;
        }
    }
}

/// Where rfd can show a dialog: on Linux it asks the desktop portal over the session bus.
fn dialog_available() -> bool {
    if cfg!(target_os = "linux") {
        std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some()
    } else {
        true
    }
}

/// A file name without its extension.
fn stem(name: &str) -> &str {
    name.rsplit_once('.').map_or(name, |(stem, _)| stem)
}

fn remember(recent: &mut Vec<PathBuf>, path: PathBuf) {
    let path = std::fs::canonicalize(&path).unwrap_or(path);
    recent.retain(|p| p != &path);
    recent.insert(0, path);
    recent.truncate(RECENT_MAX);
}

/// Byte offset of the first ASCII-case-insensitive occurrence of `needle` in `hay`.
fn find_ascii_ci(hay: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() || needle.len() > hay.len() {
        return None;
    }
    (0..=hay.len() - needle.len()).find(|&i| hay[i..i + needle.len()].eq_ignore_ascii_case(needle))
}

impl eframe::App for ParallaxApp {
    fn ui(&mut self, ui: &mut Ui, _frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        self.receive();
        self.shortcuts(&ctx);
        self.dropped_files(&ctx);
        for command in std::mem::take(&mut self.pending) {
            self.apply(command);
        }
        ctx.set_theme(self.settings.theme);
        self.settings.zoom = ctx.zoom_factor();
        self.update_find();
        self.watch_files(&ctx);
        self.update_title(&ctx);

        egui::Panel::top("menu").show(ui, |ui| self.menu_ui(ui));
        egui::Panel::top("toolbar").show(ui, |ui| self.toolbar_ui(ui));
        egui::Panel::bottom("status").show(ui, |ui| self.status_ui(ui));
        if self.find.open {
            egui::Panel::bottom("find").show(ui, |ui| self.find_ui(ui));
        }
        if self.selected.is_some() && self.comparison.is_some() {
            egui::Panel::bottom("note").show(ui, |ui| self.note_ui(ui));
        }
        if self.settings.show_insights {
            egui::Panel::right("insights")
                .resizable(true)
                .default_size(340.0)
                // At most 40% of the window, so narrow windows keep readable columns.
                .size_range(200.0..=(ui.available_width() * 0.4).clamp(200.0, 720.0))
                .show(ui, |ui| self.insights_panel_ui(ui));
        }
        egui::CentralPanel::default().show(ui, |ui| self.central_ui(ui));
        if self.prompt.is_some() {
            self.prompt_ui(&ctx);
        }
        if self.editor.is_some() {
            self.editor_ui(&ctx);
        }
        if self.export.is_some() {
            self.export_ui(&ctx);
        }
        for command in std::mem::take(&mut self.pending) {
            self.apply(command);
        }
        if self.is_busy() {
            ctx.request_repaint_after(std::time::Duration::from_millis(100));
        }
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, eframe::APP_KEY, &self.settings);
    }
}

impl ParallaxApp {
    fn menu_ui(&mut self, ui: &mut Ui) {
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button("File", |ui| {
                for side in [Side::Left, Side::Right] {
                    let shortcut = if side == Side::Left {
                        "Ctrl+O"
                    } else {
                        "Ctrl+Shift+O"
                    };
                    if ui
                        .add(
                            egui::Button::new(format!("Open {}…", side.name()))
                                .shortcut_text(shortcut),
                        )
                        .clicked()
                    {
                        self.pending.push(Command::Open(side));
                    }
                }
                ui.menu_button("Open recent", |ui| {
                    if self.settings.recent.is_empty() {
                        ui.label("No recent files yet");
                    }
                    for path in self.settings.recent.clone() {
                        ui.menu_button(path.display().to_string(), |ui| {
                            for side in [Side::Left, Side::Right] {
                                if ui.button(format!("Open as {}", side.name())).clicked() {
                                    self.pending.push(Command::OpenPath(side, path.clone()));
                                }
                            }
                        });
                    }
                });
                ui.separator();
                for side in [Side::Left, Side::Right] {
                    if ui.button(format!("Paste as {}…", side.name())).clicked() {
                        self.pending.push(Command::EditText(side, false));
                    }
                }
                for side in [Side::Left, Side::Right] {
                    if ui.button(format!("Edit {} text…", side.name())).clicked() {
                        self.pending.push(Command::EditText(side, true));
                    }
                }
                ui.separator();
                if ui
                    .add(egui::Button::new("Export report…").shortcut_text("Ctrl+E"))
                    .clicked()
                {
                    self.pending.push(Command::OpenExport);
                }
                ui.separator();
                let mut auto = self.settings.auto_reload;
                if ui
                    .checkbox(&mut auto, "Reload changed files automatically")
                    .changed()
                {
                    self.pending.push(Command::SetAutoReload(auto));
                }
                if ui.button("Swap sides").clicked() {
                    self.pending.push(Command::Swap);
                }
                if ui
                    .add(egui::Button::new("Reload").shortcut_text("F5"))
                    .clicked()
                {
                    self.pending.push(Command::Reload);
                }
                ui.separator();
                if ui.button("Quit").clicked() {
                    ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
                }
            });
            ui.menu_button("Samples", |ui| {
                ui.label(RichText::new("Bundled statements from the seed article").weak());
                for (n, sample) in SAMPLES.iter().enumerate() {
                    ui.menu_button(sample.title, |ui| {
                        for side in [Side::Left, Side::Right] {
                            if ui.button(format!("Open as {}", side.name())).clicked() {
                                self.pending.push(Command::OpenSample(side, n));
                            }
                        }
                    });
                }
            });
            ui.menu_button("View", |ui| {
                for (theme, name) in [
                    (ThemePreference::System, "Follow system theme"),
                    (ThemePreference::Light, "Light theme"),
                    (ThemePreference::Dark, "Dark theme"),
                ] {
                    if ui.radio(self.settings.theme == theme, name).clicked() {
                        self.pending.push(Command::SetTheme(theme));
                    }
                }
                ui.separator();
                if ui
                    .add(egui::Button::new("Find…").shortcut_text("Ctrl+F"))
                    .clicked()
                {
                    self.pending.push(Command::OpenFind);
                }
                ui.label(RichText::new("Zoom: Ctrl+Plus, Ctrl+Minus, Ctrl+0").weak());
            });
            ui.menu_button("Help", |ui| {
                ui.set_min_width(360.0);
                ui.strong("How to read the comparison");
                for line in [
                    "Each row pairs a sentence on the left with the sentence(s) on the right \
                     that say the same thing, even when moved, merged, split or reworded.",
                    "Inside a pair: red struck-out words are only on the left, green underlined \
                     words only on the right, blue italics the same thing worded differently \
                     (US / United States).",
                    "A sand-tinted 'related' row pairs two sentences on the same topic, event or \
                     person that say different things; the terms they share are underlined.",
                    "'also R7' in the gutter: the sentence has another counterpart, sentence 7 \
                     on the right (a quote, a paraphrase); click to go there. A one-sided row \
                     with such a link reads 'unpaired': the other side says it, in another row.",
                    "A tinted row beside a hatched cell is a sentence the other side does not \
                     have. A bar at both edges marks a pair out of order; 'moved: R12' in the \
                     gutter names the sentence on the right and jumps to where it sits there.",
                    "The gutter gives each pair's similarity (= for identical). The Insights \
                     panel lists who each side names, shared phrases and wording strength.",
                ] {
                    ui.label(line);
                }
                ui.separator();
                ui.strong("Keys");
                egui::Grid::new("help-keys")
                    .num_columns(2)
                    .spacing([20.0, 4.0])
                    .show(ui, |ui| {
                        for (keys, what) in [
                            ("F7, Alt+Down", "next difference"),
                            ("Shift+F7, Alt+Up", "previous difference"),
                            ("Ctrl+F", "find in both documents (Enter: next, Esc: close)"),
                            ("Ctrl+O", "open the left statement"),
                            ("Ctrl+Shift+O", "open the right statement"),
                            ("Ctrl+E", "export a report"),
                            ("F5", "reload both files from disk"),
                            ("Page Up / Page Down", "scroll the rows a page"),
                            ("Up / Down", "scroll the rows a little"),
                            ("Home / End", "go to the first / last row"),
                            ("Ctrl + / Ctrl - / Ctrl 0", "zoom in, out, reset"),
                        ] {
                            ui.label(RichText::new(keys).strong());
                            ui.label(what);
                            ui.end_row();
                        }
                    });
                ui.label("Drop a file on either half of the window to open it there.");
            });
        });
    }

    fn toolbar_ui(&mut self, ui: &mut Ui) {
        ui.add_space(2.0);
        ui.horizontal_wrapped(|ui| {
            let mut options = self.settings.options;
            ui.checkbox(&mut options.ignore_case, "Ignore case");
            ui.checkbox(&mut options.ignore_punctuation, "Ignore punctuation");
            ui.checkbox(&mut options.mark_variants, "Mark spelling variants")
                .on_hover_text(
                    "Show \"U.S.\" / \"US\" and curly / straight quotes as equivalent wording \
                     (blue) instead of as the same words",
                );
            ui.add(
                egui::Slider::new(&mut options.threshold, 0.1..=0.9)
                    .text("Reworded pairing")
                    .fixed_decimals(2),
            )
            .on_hover_text(
                "How much wording two sentences must share (0.1 to 0.9) to be paired as a \
                 reworded copy, with a word diff. Counterparts that say the same thing in other \
                 words, and related sentences, are linked whatever this is set to.",
            );
            if options != self.settings.options {
                self.pending.push(Command::SetOptions(options));
            }
            ui.separator();
            // Previous, the counter and Next stay together when the toolbar wraps: a nested
            // row cannot wrap, so it starts a new line when it would not fit.
            if ui.max_rect().right() - ui.cursor().left() < 300.0 {
                ui.end_row();
            }
            ui.horizontal(|ui| {
                if ui
                    .button("Previous")
                    .on_hover_text("Previous difference (Shift+F7, Alt+Up)")
                    .clicked()
                {
                    self.pending.push(Command::PreviousDifference);
                }
                let (n, m) = self.difference_position();
                let position = if m == 0 {
                    "No differences".to_owned()
                } else if n == 0 {
                    format!("{m} differences")
                } else {
                    format!("Difference {n} of {m}")
                };
                // A fixed width, so that Next does not move under the pointer as the count grows.
                ui.add_sized(
                    [150.0, ui.spacing().interact_size.y],
                    egui::Label::new(RichText::new(position).strong()),
                )
                .on_hover_text("Rows that are reworded, on one side only, or moved");
                if ui
                    .button("Next")
                    .on_hover_text("Next difference (F7, Alt+Down)")
                    .clicked()
                {
                    self.pending.push(Command::NextDifference);
                }
            });
            ui.separator();
            if ui
                .button("Swap sides")
                .on_hover_text("Exchange left and right")
                .clicked()
            {
                self.pending.push(Command::Swap);
            }
            if ui
                .button("Find")
                .on_hover_text("Find in both documents (Ctrl+F)")
                .clicked()
            {
                self.pending.push(Command::OpenFind);
            }
        });
        ui.add_space(2.0);
        self.summary_ui(ui);
        for (i, notice) in self.notices.iter().enumerate() {
            ui.horizontal(|ui| {
                let colour = if notice.error {
                    ui.visuals().error_fg_color
                } else {
                    ui.visuals().text_color()
                };
                ui.colored_label(colour, &notice.text);
                if let Some((label, command)) = &notice.action
                    && ui.small_button(label).clicked()
                {
                    self.pending.push(command.clone());
                    self.pending.push(Command::DismissNotice(i));
                }
                if ui.small_button("Dismiss").clicked() {
                    self.pending.push(Command::DismissNotice(i));
                }
            });
        }
        ui.add_space(2.0);
    }

    fn summary_ui(&mut self, ui: &mut Ui) {
        let palette = Palette::new(ui.visuals().dark_mode);
        ui.horizontal_wrapped(|ui| {
            match &self.comparison {
                Some(c) => {
                    let s = &c.stats;
                    ui.label(
                        RichText::new(format!("Similarity {:.0}%", s.similarity * 100.0)).strong(),
                    )
                    .on_hover_text(
                        "Share of both texts' words that are shared in paired sentences",
                    );
                    ui.label(format!(
                        "· {} identical · {} reworded · {} related · {} only left · {} only right",
                        s.identical, s.modified, s.related, s.left_only, s.right_only
                    ));
                    ui.label(
                        RichText::new(format!(
                            "· counterparts: left {} of {}, right {} of {}",
                            s.left_linked, s.left_sentences, s.right_linked, s.right_sentences
                        ))
                        .strong(),
                    )
                    .on_hover_text(crate::export::coverage_text(c));
                    if s.moved > 0 {
                        ui.label(format!("· {} of the pairs moved", s.moved))
                            .on_hover_text(
                                "Pairs out of order (identical or reworded, counted there too): \
                                 the sentence sits elsewhere in the right document",
                            );
                    }
                }
                None if self.compare_failed.is_some() => {
                    ui.colored_label(
                        ui.visuals().error_fg_color,
                        "The comparison could not be made (see the notice above)",
                    );
                }
                None => {
                    ui.spinner();
                    ui.label("Comparing…");
                }
            }
            ui.separator();
            ui.label(RichText::new("Legend:").weak());
            chip(ui, "deleted", palette.deleted, palette.text, true, false);
            chip(ui, "inserted", palette.inserted, palette.text, false, true);
            let equivalent = RichText::new(" equivalent ").background_color(palette.equivalent).color(palette.text).italics();
            ui.add(egui::Label::new(equivalent).wrap_mode(egui::TextWrapMode::Extend)).on_hover_text("Different wording of the same thing (US / United States), by the table of equivalent terms");
            chip(
                ui,
                "only left",
                palette.left_only,
                palette.deleted_line,
                false,
                false,
            );
            chip(
                ui,
                "only right",
                palette.right_only,
                palette.inserted_line,
                false,
                false,
            );
            let shared = RichText::new(" related: shared term ")
                .background_color(palette.shared)
                .color(palette.text)
                .underline();
            ui.add(egui::Label::new(shared).wrap_mode(egui::TextWrapMode::Extend))
                .on_hover_text(
                    "A related pair: two sentences on the same topic, event or person that say \
                     different things; the terms they share are underlined",
                );
            // As moved rows show: a bar at the edge (bar and word kept together).
            ui.horizontal(|ui| {
                ui.spacing_mut().item_spacing.x = 4.0;
                let (bar, _) = ui.allocate_exact_size(egui::vec2(3.0, 16.0), egui::Sense::hover());
                ui.painter().rect_filled(bar, 0.0, palette.moved);
                ui.label(RichText::new("moved").color(palette.moved))
                    .on_hover_text("A pair out of order: a bar at both edges, and a link in the gutter");
            });
            ui.add(
                egui::Label::new(
                    RichText::new("Gutter: = identical, 54% = similarity").color(palette.weak),
                )
                .wrap_mode(egui::TextWrapMode::Extend),
            )
            .on_hover_text("The middle column says how alike a pair's two sentences are");
        });
    }

    fn status_ui(&mut self, ui: &mut Ui) {
        ui.horizontal(|ui| {
            // Each side gets at most half the bar; a long path is cut with "…" (shown whole
            // on hover).
            let half = (ui.available_width() / 2.0 - 40.0).max(120.0);
            for side in [Side::Left, Side::Right] {
                let doc = &self.documents[side.index()];
                let where_from = doc
                    .path
                    .as_ref()
                    .map_or("bundled sample".to_owned(), |p| p.display().to_string());
                let sentences = self.comparison.as_ref().map_or(0, |c| match side {
                    Side::Left => c.left_sentences.len(),
                    Side::Right => c.right_sentences.len(),
                });
                ui.scope(|ui| {
                    ui.set_max_width(half);
                    ui.add(
                        egui::Label::new(format!(
                            "{}: {} · {} · {} · {} sentences",
                            if side == Side::Left { "Left" } else { "Right" },
                            where_from,
                            doc.format,
                            doc.encoding,
                            sentences
                        ))
                        .truncate(),
                    );
                });
                if self.loading[side.index()].is_some() {
                    ui.spinner();
                    ui.label("loading…");
                }
                ui.separator();
            }
            if self.comparing {
                ui.spinner();
                ui.label("comparing…");
            }
        });
    }

    fn find_ui(&mut self, ui: &mut Ui) {
        ui.horizontal(|ui| {
            let label = ui.label("Find:");
            let edit = ui.add(
                egui::TextEdit::singleline(&mut self.find.query)
                    .hint_text("text in either document")
                    .desired_width(260.0),
            );
            let edit = edit.labelled_by(label.id);
            if self.find.focus {
                edit.request_focus();
                self.find.focus = false;
            }
            if edit.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter)) {
                self.pending.push(Command::FindNext);
                edit.request_focus();
            }
            let n = self.find.matches.len();
            let status = if self.find.query.is_empty() {
                String::new()
            } else if n == 0 {
                "no matches".to_owned()
            } else {
                format!("match {} of {n}", self.find.current + 1)
            };
            if ui.button("Previous match").clicked() {
                self.pending.push(Command::FindPrevious);
            }
            if ui.button("Next match").clicked() {
                self.pending.push(Command::FindNext);
            }
            ui.label(status);
            if ui.button("Close find").clicked() {
                self.pending.push(Command::CloseFind);
            }
        });
    }

    fn prompt_ui(&mut self, ctx: &egui::Context) {
        let Some(prompt) = &mut self.prompt else {
            return;
        };
        let side = prompt.side.unwrap_or(Side::Left);
        let mut open = None;
        let mut cancel = false;
        egui::Window::new(format!("Open the {} statement", side.name()))
            .collapsible(false)
            .resizable(false)
            .anchor(egui::Align2::CENTER_CENTER, [0.0, 0.0])
            .show(ctx, |ui| {
                ui.label(&prompt.reason);
                ui.label("Type or paste the path of the file instead:");
                let label = ui.label("Path:");
                let edit = ui
                    .add(egui::TextEdit::singleline(&mut prompt.text).desired_width(420.0))
                    .labelled_by(label.id);
                if !edit.has_focus() && prompt.text.is_empty() {
                    edit.request_focus();
                }
                let submitted = edit.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
                ui.horizontal(|ui| {
                    if ui.button("Open").clicked() || submitted {
                        open = Some(PathBuf::from(prompt.text.trim()));
                    }
                    if ui.button("Cancel").clicked() {
                        cancel = true;
                    }
                });
            });
        if let Some(path) = open.filter(|p| !p.as_os_str().is_empty()) {
            self.pending.push(Command::OpenPath(side, path));
            self.pending.push(Command::CancelPrompt);
        } else if cancel {
            self.pending.push(Command::CancelPrompt);
        }
    }

    fn central_ui(&mut self, ui: &mut Ui) {
        self.central = ui.max_rect();
        let palette = Palette::new(ui.visuals().dark_mode);
        // Column headers: each document's name (cut with "…" when longer than its column;
        // hovering shows the path) and its open button, over the column they name.
        let width = ui.available_width();
        let column = ((width - view::GUTTER) / 2.0).max(80.0);
        let (header, _) = ui.allocate_exact_size(egui::vec2(width, 24.0), egui::Sense::hover());
        for side in [Side::Left, Side::Right] {
            let x = match side {
                Side::Left => header.min.x,
                Side::Right => header.max.x - column,
            };
            let rect =
                egui::Rect::from_min_size(egui::pos2(x, header.min.y), egui::vec2(column, 24.0));
            ui.scope_builder(
                egui::UiBuilder::new()
                    .max_rect(rect)
                    .layout(egui::Layout::left_to_right(egui::Align::Center)),
                |ui| {
                    let doc = &self.documents[side.index()];
                    let button_width = 64.0;
                    ui.scope(|ui| {
                        ui.set_max_width((column - button_width).max(40.0));
                        ui.add(
                            egui::Label::new(RichText::new(&doc.name).strong().size(15.0))
                                .truncate(),
                        )
                        .on_hover_text(
                            doc.path
                                .as_ref()
                                .map_or("bundled sample".to_owned(), |p| p.display().to_string()),
                        );
                    });
                    if ui
                        .small_button("Open…")
                        .on_hover_text(format!("Open the {} statement", side.name()))
                        .clicked()
                    {
                        self.pending.push(Command::Open(side));
                    }
                },
            );
        }
        ui.separator();

        let hovering = ui.ctx().input(|i| !i.raw.hovered_files.is_empty());
        let Some(comparison) = self.comparison.clone() else {
            ui.centered_and_justified(|ui| {
                ui.spinner();
            });
            return;
        };
        // The bar always shows: a solid bar that came and went with the content's height would
        // change the columns' width, rewrap the rows and flip again (laying out every row on
        // every frame).
        let mut area = egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            .scroll_bar_visibility(egui::scroll_area::ScrollBarVisibility::AlwaysVisible)
            .id_salt("rows");
        if let Some(y) = self.scroll_offset.take() {
            area = area.vertical_scroll_offset(y);
        }
        if let Some(row) = self.scroll_to.take() {
            // Leave a little context above the row.
            area = area.vertical_scroll_offset((self.heights.top(row) - 40.0).max(0.0));
        }
        let marks_key = self.find_generation() ^ self.shown_generation.rotate_left(32);
        if self.marks.0 != marks_key {
            self.marks = (marks_key, self.view_marks(&comparison));
        }
        let input = ViewInput {
            documents: [&self.compared[0], &self.compared[1]],
            comparison: &comparison,
            generation: self.shown_generation,
            palette,
            selected: self.selected,
            find: &self.marks.1,
            find_generation: marks_key,
            moved_targets: &self.moved_targets,
            cross_refs: &self.cross_refs,
            marked: self.marked,
            notes: &self.row_notes,
        };
        let heights = &mut self.heights;
        // A solid scroll bar in its own column (a floating one covered the moved bars at the
        // right edge), with a thumb still big enough to grab on a megabyte document.
        ui.spacing_mut().scroll = egui::style::ScrollStyle {
            bar_width: 10.0,
            handle_min_length: 32.0,
            ..egui::style::ScrollStyle::solid()
        };
        let output = area.show_viewport(ui, |ui, viewport| {
            view::rows_ui(ui, viewport, heights, &input)
        });
        self.view = (output.state.clamped_offset().y, output.inner_rect.height());
        self.heights.refresh();
        self.pending.extend(output.inner);
        if comparison.rows.is_empty() {
            ui.label("Both documents are empty.");
        }
        if hovering {
            let rect = self.central;
            let painter = ui.painter();
            let half = if ui
                .ctx()
                .input(|i| i.pointer.latest_pos())
                .is_some_and(|p| p.x > rect.center().x)
            {
                egui::Rect::from_min_max(egui::pos2(rect.center().x, rect.min.y), rect.max)
            } else {
                egui::Rect::from_min_max(rect.min, egui::pos2(rect.center().x, rect.max.y))
            };
            painter.rect_filled(half, 6.0, Color32::from_rgba_unmultiplied(60, 110, 220, 60));
            painter.text(
                half.center(),
                egui::Align2::CENTER_CENTER,
                "Drop to open here",
                egui::FontId::proportional(22.0),
                ui.visuals().strong_text_color(),
            );
        }
    }
}

/// A small coloured legend entry with the same non-colour cue as the text it explains.
fn chip(
    ui: &mut Ui,
    text: &str,
    background: Color32,
    colour: Color32,
    strike: bool,
    underline: bool,
) {
    let mut rich = RichText::new(format!(" {text} "))
        .background_color(background)
        .color(colour);
    if strike {
        rich = rich.strikethrough();
    }
    if underline {
        rich = rich.underline();
    }
    // A chip stays whole when the legend wraps.
    ui.add(egui::Label::new(rich).wrap_mode(egui::TextWrapMode::Extend));
}
