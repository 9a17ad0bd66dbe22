//! The window: two statements side by side.
//!
//! - [`app`]: state, commands and the one `apply` that changes state;
//! - [`view`]: the aligned rows (virtualised);
//! - [`insights`]: the summary panel of names, shared phrases and wording strength;
//! - [`worker`]: loading and comparing off the UI thread.

pub mod app;
pub mod insights;
pub mod view;
pub mod worker;

use std::path::PathBuf;
use std::process::ExitCode;

pub use app::ParallaxApp;

pub use crate::engine::Side;

/// Everything the user can ask for. UI code emits commands; [`ParallaxApp::apply`] carries
/// them out, so state changes in one place.
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
    /// Dismiss the notice at this index.
    DismissNotice(usize),
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
    ChooseExportPath(ExportFormat),
    /// Write the report in this format to this file.
    ExportTo(ExportFormat, PathBuf),
    /// Close the export window.
    CancelExport,
    /// Show or hide the insights panel.
    ToggleInsights,
    /// Set (or, with an empty text, remove) the note on a row.
    SetNote(usize, String),
    /// Highlight these places in the two texts (an entity's or a phrase's occurrences).
    Highlight(Vec<(Side, crate::engine::Span)>),
}

/// Formats a report can be exported in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum ExportFormat {
    /// Self-contained HTML.
    Html,
    /// Markdown.
    Markdown,
    /// The stable JSON format.
    Json,
}

impl ExportFormat {
    /// File extension.
    pub fn extension(self) -> &'static str {
        match self {
            Self::Html => "html",
            Self::Markdown => "md",
            Self::Json => "json",
        }
    }

    /// Name for menus.
    pub fn label(self) -> &'static str {
        match self {
            Self::Html => "HTML report",
            Self::Markdown => "Markdown report",
            Self::Json => "JSON (stable format)",
        }
    }
}

/// The window's icon (taskbar, window switcher): `assets/icons/parallax-256.png`, made from
/// `assets/icons/parallax.svg` by `assets/icons/render.sh`.
pub fn icon() -> Option<egui::IconData> {
    eframe::icon_data::from_png_bytes(include_bytes!("../../assets/icons/parallax-256.png")).ok()
}

/// The window's options: OpenGL through glow, its title, app id, size, drag and drop, and the
/// icon ([`icon`]).
pub fn native_options() -> eframe::NativeOptions {
    let mut viewport = egui::ViewportBuilder::default();
    if let Some(icon) = icon() {
        viewport = viewport.with_icon(icon);
    }
    eframe::NativeOptions {
        renderer: eframe::Renderer::Glow,
        viewport: viewport
            .with_title("Parallax")
            .with_app_id("parallax")
            .with_inner_size([1280.0, 820.0])
            .with_min_inner_size([640.0, 400.0])
            .with_drag_and_drop(true),
        ..Default::default()
    }
}

/// Opens the window on `left` and `right` (or the bundled sample pair) and runs until closed;
/// with `left` only, it opens that and asks for the right statement.
pub fn run(
    left: Option<PathBuf>,
    right: Option<PathBuf>,
    theme: Option<egui::ThemePreference>,
) -> ExitCode {
    let options = native_options();
    let result = eframe::run_native(
        "Parallax",
        options,
        Box::new(move |cc| {
            let mut app = ParallaxApp::new(cc, left, right);
            if let Some(theme) = theme {
                app.apply(Command::SetTheme(theme));
            }
            Ok(Box::new(app))
        }),
    );
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("parallax: could not open the window: {error}");
            ExitCode::from(2)
        }
    }
}
