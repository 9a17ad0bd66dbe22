//! The window's parts together. `logic()` takes in finished jobs, reads keys and dropped
//! files, and carries out the queued commands, each by the part that owns it
//! ([`ParallaxApp::apply`]); `ui()` only lays the parts out, and their clicks queue commands
//! for the next `logic()`.

use std::path::PathBuf;
use std::sync::Arc;

use egui::Ui;

use crate::engine::Comparison;
use crate::load::Document;

mod apply;
mod input;
mod layout;

use super::commands::{AppCommand, Command, PairCommand};
use super::commands::{Screen, Slot};
use super::dialogs::Dialogs;
use super::find::Find;
use super::help::HelpWindow;
use super::notices::{Notice, Notices};
use super::settings::Settings;
use super::terms::TermsWindow;
use super::watch::{WATCH_INTERVAL, Watch};
use super::worker::{FindScope, Locate, Worker};
use super::{Side, Sides};
use crate::gui::collation::CollationView;
use crate::gui::collation::statements::CollationSession;
use crate::gui::pair::PairView;
use crate::gui::pair::decisions::DecisionsPanel;
use crate::gui::pair::insights::InsightsPanel;
use crate::gui::pair::notes::NotesBar;
use crate::gui::pair::session::Session;

/// The Parallax window.
pub struct ParallaxApp {
    /// Kept between runs.
    settings: Settings,
    /// The documents, the comparison shown and its insights.
    session: Session,
    /// The two-column view: selection, scrolling, marks.
    view: PairView,
    /// The find bar.
    find: Find,
    /// Notes on rows.
    notes: NotesBar,
    /// The analyst's decisions on links: undo, the bar, the list.
    decisions: DecisionsPanel,
    /// The Terms window.
    terms: TermsWindow,
    /// Messages until dismissed.
    notices: Notices,
    /// Files changing on disk.
    watch: Watch,
    /// Path field, editor, export window.
    dialogs: Dialogs,
    /// The insights panel's tab, filter and list.
    insights: InsightsPanel,
    /// The help window.
    help: HelpWindow,
    /// The statements collated together, and their collation.
    collation_session: CollationSession,
    /// The collation view: columns, pivot, selection.
    collation: CollationView,
    /// Which of the two views is shown.
    screen: Screen,
    /// Every slow job.
    worker: Worker,
    /// Commands queued by clicks, keys and jobs, carried out in `logic()`.
    commands: Vec<Command>,
    /// The window title last set.
    title: String,
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
        let mut app = Self {
            settings,
            session: Session::default(),
            view: PairView::default(),
            find: Find::default(),
            notes: NotesBar::default(),
            decisions: DecisionsPanel::default(),
            terms: TermsWindow::default(),
            notices: Notices::default(),
            watch: Watch::default(),
            dialogs: Dialogs::default(),
            insights: InsightsPanel::default(),
            help: HelpWindow::default(),
            collation_session: CollationSession::default(),
            collation: CollationView::default(),
            screen: Screen::default(),
            worker: Worker::new(Some(cc.egui_ctx.clone())),
            commands: Vec::new(),
            title: String::new(),
        };
        // The analyst's terms apply from the first comparison.
        app.session.set_tables(&app.settings.terms);
        let only_left = left.is_some() && right.is_none();
        let mut opened = false;
        for (side, path) in [(Side::Left, left), (Side::Right, right)] {
            if let Some(path) = path {
                // The side is empty until its file is read: a file that cannot be opened
                // leaves it empty, never showing a bundled sample in its place.
                app.session.await_side(side);
                app.apply(Command::Pair(PairCommand::OpenPath(side, path)));
                opened = true;
            }
        }
        if only_left {
            // Opened with one file (from the file manager): it goes on the left, and the
            // window asks for the other; until then the right side is empty.
            app.session.await_side(Side::Right);
            app.apply(Command::App(AppCommand::Open(Side::Right)));
        }
        if !opened {
            app.session
                .request_compare(app.settings.options, &app.worker);
        }
        app
    }

    /// Whether anything is still to be done: queued commands, or a job of any kind (load,
    /// comparison, insights, find, notes, export, dialog).
    pub fn is_busy(&self) -> bool {
        !self.commands.is_empty()
            || self.session.is_busy()
            || self.collation_session.is_busy()
            || self.worker.outstanding() > 0
    }

    /// The open documents.
    pub fn documents(&self) -> Sides<&Document> {
        self.session.documents().as_deref()
    }

    /// The comparison shown, once computed.
    pub fn comparison(&self) -> Option<&Comparison> {
        self.session.shown().map(|s| &*s.comparison)
    }

    /// The selected row.
    pub fn selected(&self) -> Option<usize> {
        self.view.selected()
    }

    /// Why the insights could not be computed, if they could not.
    pub fn analysis_failed(&self) -> Option<&str> {
        self.session.analysis_failed()
    }

    /// Replaces what computes the insights and compares again: for tests, which use one that
    /// panics to check that the window survives it.
    #[doc(hidden)]
    pub fn set_analyser_for_tests(&mut self, analyser: super::worker::Analyser) {
        self.worker.set_analyser(analyser);
        self.session
            .request_compare(self.settings.options, &self.worker);
    }

    /// Comparisons running now, and the most that ever ran at once (a slider drag must not
    /// pile them up).
    pub fn compare_jobs(&self) -> (usize, usize) {
        self.worker.compare_jobs()
    }

    /// The statements collated together and their collation.
    pub fn collation_session(&self) -> &CollationSession {
        &self.collation_session
    }

    /// The collation view's state (columns, pivot, selected point).
    pub fn collation_view(&self) -> &CollationView {
        &self.collation
    }

    /// The sentence a cross-reference last jumped to (outlined in its row).
    pub fn marked(&self) -> Option<(Side, usize)> {
        self.view.marked()
    }

    /// The insights of the comparison shown, once computed.
    pub fn analysis(&self) -> Option<&crate::analysis::Analysis> {
        self.session.analysis().map(|a| &**a)
    }

    /// Whether a row is shown (the filter of points credited differently may hide it).
    pub fn row_shown(&self, row: usize) -> bool {
        self.view.row_shown(row)
    }

    /// Notices shown (errors and information).
    pub fn notices(&self) -> &[Notice] {
        self.notices.list()
    }

    /// The settings as they will be saved.
    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// "n of m" position of the selected difference (n is 0 when none is selected).
    pub fn difference_position(&self) -> (usize, usize) {
        self.view.difference_position(self.session.shown())
    }

    /// The analyst's decisions on links the comparisons apply, as the sides are shown.
    pub fn decisions(&self) -> &[crate::engine::Decision] {
        self.session.decisions()
    }

    /// Whether the Decisions window is open.
    pub fn decisions_open(&self) -> bool {
        self.decisions.is_open()
    }

    /// Whether the Terms window is open.
    pub fn terms_open(&self) -> bool {
        self.terms.is_open()
    }

    /// The notes placed on rows, as exports show them.
    pub fn row_notes(&self) -> &[(usize, String)] {
        self.notes.by_row()
    }

    /// Queues a command, as a click would (carried out in the next `logic()`).
    pub fn push(&mut self, command: impl Into<Command>) {
        self.commands.push(command.into());
    }

    /// Which view the window shows.
    pub fn screen(&self) -> Screen {
        self.screen
    }

    /// Scrolls the rows to this offset in points from the top (the frame benchmark scrolls
    /// step by step with it).
    pub fn scroll_to_offset(&mut self, y: f32) {
        if self.screen == Screen::Collation {
            self.collation.scroll_to_offset(y);
        } else {
            self.view.scroll_to_offset(y);
        }
    }

    /// How far the rows are scrolled, in points from the top (as of the last frame).
    pub fn scroll_position(&self) -> f32 {
        if self.screen == Screen::Collation {
            self.collation.scroll_position()
        } else {
            self.view.viewport().0
        }
    }

    /// Height of all rows in points, as currently measured or estimated.
    pub fn content_height(&self) -> f32 {
        if self.screen == Screen::Collation {
            self.collation.content_height()
        } else {
            self.view.content_height()
        }
    }

    /// The open documents that came from files and are not being loaded: both columns, and
    /// every statement of the collation.
    fn watched(&self) -> Vec<(Slot, Arc<Document>)> {
        let mut open = Vec::new();
        for side in [Side::Left, Side::Right] {
            if self.session.loading(side).is_none() {
                open.push((Slot::Side(side), self.session.document(side).clone()));
            }
        }
        for statement in self.collation_session.statements() {
            if let (None, Some(document)) = (&statement.loading, &statement.document) {
                open.push((Slot::Statement(statement.id), document.clone()));
            }
        }
        open
    }

    fn update_title(&mut self, ctx: &egui::Context) {
        let title = match self.collation_session.shown() {
            Some(shown) if self.screen == Screen::Collation => {
                format!("Parallax — {}", shown.names.join(" · "))
            }
            _ => {
                let Sides { left, right } = self.documents();
                format!("Parallax — {} ↔ {}", left.name, right.name)
            }
        };
        if title != self.title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.title = title;
        }
    }
}

/// What find searches now: the collation's statements when it is shown, else the pair.
fn find_scope(
    screen: Screen,
    collation_session: &CollationSession,
    collation: &CollationView,
    session: &Session,
) -> Option<FindScope> {
    let generation = find_generation(screen, collation_session, collation, session)?;
    if screen == Screen::Collation {
        let shown = collation_session.shown()?;
        Some(FindScope {
            documents: shown.documents.clone(),
            locate: Locate::Collation(shown.collation.clone(), collation.row_of_point()),
            generation,
        })
    } else {
        let shown = session.shown()?;
        Some(FindScope {
            documents: shown.documents.iter().cloned().collect(),
            locate: Locate::Pair(shown.display.clone()),
            generation,
        })
    }
}

/// Names what find searches now: the pair's comparison, or the collation in its reading order
/// (another pivot, filter or set of columns puts the matches in other rows).
fn find_generation(
    screen: Screen,
    collation_session: &CollationSession,
    collation: &CollationView,
    session: &Session,
) -> Option<u64> {
    if screen == Screen::Collation {
        let shown = collation_session.shown()?;
        Some((shown.generation << 32) ^ collation.reading_generation() | (1 << 63))
    } else {
        session.shown().map(|s| s.generation)
    }
}

impl eframe::App for ParallaxApp {
    fn logic(&mut self, ctx: &egui::Context, _frame: &mut eframe::Frame) {
        self.receive();
        self.shortcuts(ctx);
        self.dropped_files(ctx);
        for command in std::mem::take(&mut self.commands) {
            self.apply(command);
        }
        // A note typed on a row the selection has left is saved there.
        self.notes
            .follow_selection(self.view.selected(), &self.worker);
        // The collation's derived state (reading order, gaps) is brought up to date here, not
        // while drawing.
        if let Some(shown) = self.collation_session.shown() {
            self.collation.sync(shown);
        }
        ctx.set_theme(self.settings.theme);
        self.settings.zoom = ctx.zoom_factor();
        if self.find.is_open() {
            let (collation_session, collation, session) =
                (&self.collation_session, &self.collation, &self.session);
            let screen = self.screen;
            let generation = find_generation(screen, collation_session, collation, session);
            let scope = || find_scope(screen, collation_session, collation, session);
            self.find.logic(generation, scope, &self.worker);
        }
        let now = ctx.input(|i| i.time);
        let open = self.watched();
        self.watch.logic(now, &open, &self.worker);
        ctx.request_repaint_after(std::time::Duration::from_secs_f64(WATCH_INTERVAL));
        self.update_title(ctx);
        if self.is_busy() {
            ctx.request_repaint_after(std::time::Duration::from_millis(100));
        }
    }

    fn ui(&mut self, ui: &mut Ui, _frame: &mut eframe::Frame) {
        self.layout(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, eframe::APP_KEY, &self.settings);
    }
}
