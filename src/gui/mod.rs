//! The window: two statements side by side, or three and more collated. Each part owns its
//! state, carries out its own commands (`apply`, one exhaustive `match` over its own enum) and
//! draws itself (`ui`); [`app`] holds the parts and the [`Screen`] shown, hands each command
//! to its owner in `logic()` (one exhaustive `match` over [`Command`]), and lays the parts out
//! in `ui()`.
//!
//! The tree mirrors the screens: what belongs to the two-text view is under [`pair`], what
//! belongs to the collation under [`collation`], what both share at this level.
//!
//! - [`app`]: the parts together, the frame (`logic` then `ui`), the routing of commands and
//!   finished jobs (`app/apply.rs`), keys and dropped files (`app/input.rs`), the layout of
//!   panels (`app/layout.rs`), the public surface for tests;
//! - [`commands`]: what UI code and finished jobs ask for, nested by owner, and the
//!   vocabulary the parts share (screens, slots, statement ids, the point filter);
//! - [`shortcuts`]: the one table of keys, read by the keyboard handling, the menus and Help;
//! - [`pair`]: the two-text view: its state (headers, scrolling, selection, marks) and its
//!   parts: [`pair::session`] (the documents, the comparison and its insights, their jobs),
//!   [`pair::view`] (drawing the aligned rows), [`pair::toolbar`] (summary, legend, options,
//!   status bar), [`pair::insights`] (names, phrases, wording strength), [`pair::notes`]
//!   (notes on rows), [`pair::decisions`] (the analyst's decisions on links);
//! - [`collation`]: three or more statements: the view (columns, points, pivot, filter) and
//!   its parts: [`collation::statements`] (the statements, their loads and the collation
//!   jobs), [`collation::insights`] (who names what across the statements), and its cells,
//!   frame, overview and toolbar;
//! - [`rows`]: the rows kit both views are built from (heights, keyboard scrolling, stepping,
//!   per-row marks, the cell cache and its key); [`cells`]: colours and cell layout shared by
//!   both views;
//! - [`find`]: the find bar and its search (on the worker), over whichever view is shown;
//! - [`terms`]: the Terms window, the analyst's equivalent terms and counterparts;
//! - [`notices`]: messages with ids and levels, dismissed one by one;
//! - [`settings`]: what is kept between runs;
//! - [`watch`]: noticing files that change on disk (stats on the worker);
//! - [`dialogs`]: the path field, the text editor and the export window, in one frame;
//! - [`help`]: the help window and its text (the README's Help section says the same);
//! - [`menu`]: the menu bar;
//! - [`worker`]: every slow job, off the UI thread, superseded jobs cancelled; its results
//!   are nested by owner as the commands are.

pub mod app;
pub mod cells;
pub mod collation;
pub mod commands;
pub mod dialogs;
pub mod find;
pub mod help;
pub mod menu;
pub mod notices;
pub mod pair;
pub mod palette;
pub mod rows;
pub mod settings;
pub mod shortcuts;
pub mod terms;
pub mod watch;
pub mod worker;

use std::path::PathBuf;
use std::process::ExitCode;

pub use app::ParallaxApp;
use commands::{AppCommand, StatementsCommand};
pub use commands::{Command, Screen};

pub use crate::engine::Side;
pub use crate::sides::Sides;

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
/// with `left` only, it opens that and asks for the right statement; with `more`, all the
/// statements are collated.
pub fn run(
    left: Option<PathBuf>,
    right: Option<PathBuf>,
    more: Vec<PathBuf>,
    theme: Option<egui::ThemePreference>,
) -> ExitCode {
    let options = native_options();
    let result = eframe::run_native(
        "Parallax",
        options,
        Box::new(move |cc| {
            // Three or more statements: the first two in the two columns, all collated.
            let all: Vec<PathBuf> = if more.is_empty() {
                Vec::new()
            } else {
                left.iter()
                    .chain(right.iter())
                    .chain(more.iter())
                    .cloned()
                    .collect()
            };
            let mut app = ParallaxApp::new(cc, left, right);
            if !all.is_empty() {
                app.apply(Command::Statements(StatementsCommand::Open(all)));
            }
            if let Some(theme) = theme {
                app.apply(Command::App(AppCommand::SetTheme(theme)));
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
