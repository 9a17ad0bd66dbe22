//! The commands the window's parts exchange: what a click, a key or a finished job asks for.

use std::path::PathBuf;

use crate::export::Format;

use super::Side;
use super::notices::NoticeId;

/// Where a file being opened goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Slot {
    /// A column of the two-text view.
    Side(Side),
    /// A new statement of the collation.
    NewStatement,
    /// In place of a statement of the collation (by its id).
    Statement(u64),
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
            Self::Side(side) => Command::OpenPath(side, path),
            Self::NewStatement => Command::AddPaths(vec![path]),
            Self::Statement(id) => Command::ReplaceStatementPath(id, path),
        }
    }
}

/// Everything the user can ask for. UI code emits commands into the app's one queue;
/// [`super::ParallaxApp::apply`] hands each to the part of the window that owns it, so state
/// changes in one place per concern.
#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    /// Show the open dialog for a side (or the path field where no dialog can be shown).
    Open(Side),
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
    /// Change the comparison options (recomputes).
    SetOptions(crate::engine::Options),
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
    /// Open the find bar.
    OpenFind,
    /// Close the find bar.
    CloseFind,
    /// Go to the next find match.
    FindNext,
    /// Go to the previous find match.
    FindPrevious,
    /// Theme choice.
    SetTheme(egui::ThemePreference),
    /// Dismiss this notice.
    DismissNotice(NoticeId),
    /// Close the path field.
    CancelPrompt,
    /// Open the text editor on a side: its current text, or empty to paste into.
    EditText(Side, bool),
    /// Replace a side by this text (an untitled or edited document) and compare again.
    ApplyEdit(Side, String),
    /// Close the text editor without changes.
    CancelEdit,
    /// Read one side's file again.
    ReloadSide(Side),
    /// Whether files that change on disk are reloaded without asking.
    SetAutoReload(bool),
    /// Open the export window.
    OpenExport,
    /// Ask where to save the report in this format (native dialog or path field).
    ChooseExportPath(Format),
    /// Write the report in this format to this file.
    ExportTo(Format, PathBuf),
    /// Close the export window.
    CancelExport,
    /// Show or hide the insights panel.
    ToggleInsights,
    /// Set (or, with an empty text, remove) the note on a row.
    SetNote(usize, String),
    /// Open or close the help window (F1).
    ToggleHelp,
    /// Close the help window.
    CloseHelp,
    /// Put the keyboard in the note field of the selected row (key N).
    EditNote,
    /// Highlight these places in the two texts (an entity's or a phrase's occurrences).
    Highlight(Vec<(Side, crate::engine::Span)>),
    /// Show only the points one side credits to both and the other to one (or every row).
    CreditedDifferentlyOnly(bool),
    /// Scroll the rows so that this row is in view (without selecting it).
    ScrollToRow(usize),
    /// Replace a side by a text typed or pasted in the editor, under this name.
    SetText(Side, String, String),
    /// Show the open dialog for a new statement of the collation.
    AddStatement,
    /// Add these files as statements of the collation (the two documents of the pair view
    /// first, when the collation is empty).
    AddPaths(Vec<PathBuf>),
    /// Collate these files, in place of any collation open (from the command line, or three
    /// or more files dropped on the two-column view).
    OpenStatements(Vec<PathBuf>),
    /// Open every statement of the seed article together.
    OpenAllSamples,
    /// Show the insights tab of the collation's side panel (else the overview).
    ShowInsightsTab(bool),
    /// Choose the first (0) or second (1) statement the two-text view button compares.
    ChooseForPair(u8, u64),
    /// Show the open dialog to replace a statement of the collation (by id).
    ReplaceStatement(u64),
    /// Replace a statement of the collation (by id) by this file.
    ReplaceStatementPath(u64, PathBuf),
    /// Open this file as a statement (by id) although a few of its bytes are damaged.
    OpenStatementAnyway(u64, PathBuf),
    /// Remove a statement (by id) from the collation.
    RemoveStatement(u64),
    /// Move a statement's column by this many places (negative: to the left).
    MoveColumn(u64, i32),
    /// Hide or show a statement's column.
    ToggleColumn(u64),
    /// Order the points by this statement (by id).
    SetPivot(u64),
    /// Highlight these places (document, span) in the collation and go to the first.
    HighlightInStatements(Vec<(usize, crate::engine::Span)>),
    /// Take the highlights of an insights entry off the collation.
    ClearHighlights,
    /// Show all points, or only those one statement alone has, or those it lacks.
    SetPointFilter(super::collation_view::PointFilter),
    /// Go to the next point some shown statement lacks.
    NextGap,
    /// Go to the previous point some shown statement lacks.
    PreviousGap,
    /// Select a point (by its row in the reading order) and scroll to it.
    JumpToPoint(usize),
    /// Show the collation of all statements.
    ShowCollation,
    /// Show two statements of the collation (by id) in the two-text view.
    ShowPair(u64, u64),
    /// Record the analyst's decision on a link (replacing any earlier one on the same two
    /// sentences); the comparison is made again with it.
    Decide(crate::engine::Decision),
    /// Remove the decision at this index of the list.
    RemoveDecision(usize),
    /// Undo the last change of the decisions (Ctrl+Z).
    UndoDecision,
    /// Redo the last change undone (Ctrl+Shift+Z).
    RedoDecision,
    /// Pick a sentence (side, index) to link with one of the other side.
    PickForLink(Side, usize),
    /// Open or close the Decisions window.
    ToggleDecisions,
    /// Open or close the Terms window.
    ToggleTerms,
    /// Replace the analyst's terms (applied at once).
    SetTerms(crate::terms::Terms),
    /// Teach that these two wordings (left, right) mean the same: an equivalent-terms row of
    /// the analyst's.
    TeachTerm(String, String),
    /// Read the analyst's terms from this file (replacing them).
    ImportTerms(PathBuf),
    /// Write the analyst's terms to this file.
    ExportTerms(PathBuf),
}
