//! The commands the window's parts exchange: what a click, a key or a finished job asks for.
//!
//! A command names its owner: [`Command`] has one variant per part of the window, each
//! holding that part's own enum. [`super::ParallaxApp::apply`] hands each to its owner in one
//! exhaustive `match`, and each owner carries out its enum in one exhaustive `match`, so the
//! compiler proves that every command has exactly one handler. A new command goes in the enum
//! of the part that changes state for it (see the module docs of [`super`]).
//!
//! This module only depends on the engine and the export formats, never on a part of the
//! window: the vocabulary the parts share ([`Screen`], [`Slot`], [`NoticeId`],
//! [`PointFilter`], [`StatementId`]) lives here, so no import circle runs through it.

use std::path::PathBuf;

use crate::engine::{Decision, Options, Span};
use crate::export::Format;
use crate::terms::Terms;

use super::Side;

/// Identifies a notice for as long as the window is open.
pub type NoticeId = u64;

/// Identifies a statement of the collation: it stays the statement's while others are added,
/// removed or replaced.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct StatementId(pub u64);

impl std::fmt::Display for StatementId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

/// What the window shows: the two-text view or the collation. The app owns it; a part asks
/// for another by returning one.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Screen {
    /// Two statements side by side, row by row.
    #[default]
    Pair,
    /// Three or more statements, one column each, one row per point.
    Collation,
}

/// Where a file being opened goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Slot {
    /// A column of the two-text view.
    Side(Side),
    /// A new statement of the collation.
    NewStatement,
    /// In place of a statement of the collation.
    Statement(StatementId),
}

impl Slot {
    /// The title of the dialog that asks for it.
    pub fn title(self) -> String {
        match self {
            Self::Side(side) => format!("Open the {} statement", side.name()),
            Self::NewStatement => "Add a statement".to_owned(),
            Self::Statement(_) => "Replace a statement".to_owned(),
        }
    }

    /// The command that opens `path` there.
    pub fn open(self, path: PathBuf) -> Command {
        match self {
            Self::Side(side) => Command::Pair(PairCommand::OpenPath(side, path)),
            Self::NewStatement => Command::Statements(StatementsCommand::Add(vec![path])),
            Self::Statement(id) => Command::Statements(StatementsCommand::Replace(id, path)),
        }
    }
}

/// Which points the collation shows.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum PointFilter {
    /// Every point.
    #[default]
    All,
    /// The points only this statement has, among the columns shown.
    OnlyIn(StatementId),
    /// The points this statement lacks.
    MissingFrom(StatementId),
}

/// Everything the user can ask for, by the part that carries it out. UI code emits commands
/// into the app's one queue; [`super::ParallaxApp::apply`] hands each to its owner.
#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    /// The window as a whole: settings, screens, help, notices, and what acts on whichever
    /// screen is shown (keys, Reload, Export).
    App(AppCommand),
    /// The two documents of the two-text view and their comparison (the session).
    Pair(PairCommand),
    /// The rows of the two-text view: selection, scrolling, marks.
    View(ViewCommand),
    /// Notes on the rows of the pair.
    Notes(NotesCommand),
    /// The analyst's decisions on links.
    Decisions(DecisionsCommand),
    /// The analyst's terms and the Terms window.
    Terms(TermsCommand),
    /// The find bar.
    Find(FindCommand),
    /// The path field, the text editor, the export window.
    Dialog(DialogCommand),
    /// The statements of the collation (the list and its loads).
    Statements(StatementsCommand),
    /// The collation view: columns, pivot, filter, selection.
    Collation(CollationCommand),
}

/// What the app itself carries out (its settings, which screen is shown) or hands to the part
/// of the screen shown.
#[derive(Debug, Clone, PartialEq)]
pub enum AppCommand {
    /// Change the comparison options (recomputes the pair and the collation).
    SetOptions(Options),
    /// Theme choice.
    SetTheme(egui::ThemePreference),
    /// Whether files that change on disk are reloaded without asking.
    SetAutoReload(bool),
    /// Show or hide the insights panel.
    ToggleInsights,
    /// Open or close the help window (F1).
    ToggleHelp,
    /// Close the help window.
    CloseHelp,
    /// Dismiss this notice.
    DismissNotice(NoticeId),
    /// Show the collation of all statements.
    ShowCollation,
    /// Show two statements of the collation in the two-text view.
    ShowPair(StatementId, StatementId),
    /// The next difference of the pair, or the next gap of the collation (F7).
    Next,
    /// The previous difference, or the previous gap (Shift+F7).
    Previous,
    /// Ask for a file for a side of the pair; in the collation, for a new statement (Ctrl+O).
    Open(Side),
    /// Read the files shown again from disk (F5).
    Reload,
    /// Write the report of what is shown in this format to this file.
    Export(Format, PathBuf),
    /// Scroll the rows shown so that this row is in view (without selecting it).
    ScrollToRow(usize),
}

/// The two documents of the two-text view.
#[derive(Debug, Clone, PartialEq)]
pub enum PairCommand {
    /// Open this file on a side.
    OpenPath(Side, PathBuf),
    /// Open this file on a side although a few of its bytes are damaged (they become U+FFFD).
    OpenAnyway(Side, PathBuf),
    /// Open bundled sample `n` on a side.
    OpenSample(Side, usize),
    /// Exchange the two documents.
    Swap,
    /// Read both files again from disk.
    Reload,
    /// Read one side's file again.
    ReloadSide(Side),
    /// Replace a side by a text typed or pasted in the editor, under this name.
    SetText(Side, String, String),
}

/// The rows of the two-text view.
#[derive(Debug, Clone, PartialEq)]
pub enum ViewCommand {
    /// Select the next difference.
    NextDifference,
    /// Select the previous difference.
    PreviousDifference,
    /// Select a row.
    SelectRow(usize),
    /// Select a row and scroll to it.
    JumpToRow(usize),
    /// Go to the row of a sentence (a cross-reference's target) and mark the sentence there.
    JumpToSentence(Side, usize),
    /// Scroll the rows so that this row is in view (without selecting it).
    ScrollToRow(usize),
    /// Highlight these places in the two texts (an entity's or a phrase's occurrences).
    Highlight(Vec<(Side, Span)>),
    /// Show only the points one side credits to both and the other to one (or every row).
    CreditedDifferentlyOnly(bool),
}

/// Notes on rows.
#[derive(Debug, Clone, PartialEq)]
pub enum NotesCommand {
    /// Set (or, with an empty text, remove) the note on a row.
    Set(usize, String),
    /// Put the keyboard in the note field of the selected row (key N).
    Edit,
}

/// The analyst's decisions on links.
#[derive(Debug, Clone, PartialEq)]
pub enum DecisionsCommand {
    /// Record the analyst's decision on a link (replacing any earlier one on the same two
    /// sentences); the comparison is made again with it.
    Decide(Decision),
    /// Remove the decision at this index of the list.
    Remove(usize),
    /// Undo the last change of the decisions (Ctrl+Z).
    Undo,
    /// Redo the last change undone (Ctrl+Shift+Z).
    Redo,
    /// Pick a sentence (side, index) to link with one of the other side.
    PickForLink(Side, usize),
    /// Open or close the Decisions window.
    ToggleWindow,
}

/// The analyst's terms.
#[derive(Debug, Clone, PartialEq)]
pub enum TermsCommand {
    /// Open or close the Terms window.
    ToggleWindow,
    /// Replace the analyst's terms (applied at once).
    Set(Terms),
    /// Teach that these two wordings (left, right) mean the same: an equivalent-terms row of
    /// the analyst's.
    Teach(String, String),
    /// Read the analyst's terms from this file (replacing them).
    Import(PathBuf),
    /// Write the analyst's terms to this file.
    Export(PathBuf),
}

/// The find bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FindCommand {
    /// Open the find bar.
    Open,
    /// Close the find bar.
    Close,
    /// Go to the next match.
    Next,
    /// Go to the previous match.
    Previous,
}

/// The dialogs: the path field, the text editor, the export window.
#[derive(Debug, Clone, PartialEq)]
pub enum DialogCommand {
    /// Show the open dialog for this slot (or the path field where no dialog can be shown).
    Open(Slot),
    /// Close the path field.
    CancelPrompt,
    /// Open the text editor on a side: its current text, or empty to paste into.
    EditText(Side, bool),
    /// Replace a side by this text (an untitled or edited document) and compare again.
    ApplyEdit(Side, String),
    /// Close the text editor without changes.
    CancelEdit,
    /// Open the export window.
    OpenExport,
    /// Ask where to save the report in this format (native dialog or path field).
    ChooseExportPath(Format),
    /// Close the export window.
    CancelExport,
}

/// The statements of the collation.
#[derive(Debug, Clone, PartialEq)]
pub enum StatementsCommand {
    /// Add these files as statements of the collation (the two documents of the pair view
    /// first, when the collation is empty).
    Add(Vec<PathBuf>),
    /// Collate these files, in place of any collation open (from the command line, or three
    /// or more files dropped on the two-column view).
    Open(Vec<PathBuf>),
    /// Open every statement of the seed article together.
    OpenAllSamples,
    /// Replace a statement by this file.
    Replace(StatementId, PathBuf),
    /// Open this file as a statement although a few of its bytes are damaged.
    OpenAnyway(StatementId, PathBuf),
    /// Remove a statement from the collation.
    Remove(StatementId),
}

/// The collation view.
#[derive(Debug, Clone, PartialEq)]
pub enum CollationCommand {
    /// Show the insights tab of the collation's side panel (else the overview).
    ShowInsightsTab(bool),
    /// Choose the statement the two-text view button puts on this side.
    ChooseForPair(Side, StatementId),
    /// Move a statement's column by this many places (negative: to the left).
    MoveColumn(StatementId, i32),
    /// Hide or show a statement's column.
    ToggleColumn(StatementId),
    /// Order the points by this statement.
    SetPivot(StatementId),
    /// Highlight these places (document, span) in the collation and go to the first.
    HighlightInStatements(Vec<(usize, Span)>),
    /// Take the highlights of an insights entry off the collation.
    ClearHighlights,
    /// Show all points, or only those one statement alone has, or those it lacks.
    SetPointFilter(PointFilter),
    /// Go to the next point some shown statement lacks.
    NextGap,
    /// Go to the previous point some shown statement lacks.
    PreviousGap,
    /// Select a point (by its row in the reading order) and scroll to it.
    JumpToPoint(usize),
}

macro_rules! owned_by {
    ($($variant:ident($inner:ty)),* $(,)?) => {
        $(impl From<$inner> for Command {
            fn from(command: $inner) -> Self {
                Self::$variant(command)
            }
        })*
    };
}

owned_by!(
    App(AppCommand),
    Pair(PairCommand),
    View(ViewCommand),
    Notes(NotesCommand),
    Decisions(DecisionsCommand),
    Terms(TermsCommand),
    Find(FindCommand),
    Dialog(DialogCommand),
    Statements(StatementsCommand),
    Collation(CollationCommand),
);
