//! What the keyboard and dropped files ask of the window, as commands.

use super::super::Side;
use super::super::commands::{
    AppCommand, CollationCommand, Command, DecisionsCommand, DialogCommand, FindCommand,
    NotesCommand, PairCommand, Screen, StatementsCommand, TermsCommand,
};
use super::super::rows::ScrollKey;
use super::super::shortcuts::{self, Action};
use super::ParallaxApp;

/// What decides whether a shortcut applies this frame.
struct KeyState {
    /// A text field has the keyboard.
    wants_text: bool,
    /// A widget has the focus (it keeps the arrows).
    focused: bool,
    find_open: bool,
    help_open: bool,
    /// The collation shows highlights of an insights entry (Escape takes them off).
    highlighted: bool,
    row_selected: bool,
    /// The two-text view is shown.
    pair: bool,
}

/// What a shortcut does this frame.
enum Step {
    Command(Command),
    Scroll(ScrollKey),
}

impl KeyState {
    /// What `action` does now, if it applies (`scrolled`: a scrolling key was taken already
    /// this frame).
    fn step(&self, action: Action, scrolled: bool) -> Option<Step> {
        let command = |c: Command| Some(Step::Command(c));
        let rows_keys = !self.wants_text;
        let scroll = |key: ScrollKey| (rows_keys && !scrolled).then_some(Step::Scroll(key));
        match action {
            Action::Help => command(Command::App(AppCommand::ToggleHelp)),
            Action::Next => command(Command::App(AppCommand::Next)),
            Action::Previous => command(Command::App(AppCommand::Previous)),
            Action::EditNote if rows_keys && self.row_selected => {
                command(Command::Notes(NotesCommand::Edit))
            }
            Action::EditNote => None,
            Action::Find => command(Command::Find(FindCommand::Open)),
            Action::FindNext if !self.wants_text && self.find_open => {
                command(Command::Find(FindCommand::Next))
            }
            Action::FindNext => None,
            Action::OpenLeft => command(Command::App(AppCommand::Open(Side::Left))),
            Action::OpenRight => command(Command::App(AppCommand::Open(Side::Right))),
            Action::Export => command(Command::Dialog(DialogCommand::OpenExport)),
            Action::Undo if rows_keys && self.pair => {
                command(Command::Decisions(DecisionsCommand::Undo))
            }
            Action::Redo if rows_keys && self.pair => {
                command(Command::Decisions(DecisionsCommand::Redo))
            }
            Action::Undo | Action::Redo => None,
            Action::Decisions if self.pair => {
                command(Command::Decisions(DecisionsCommand::ToggleWindow))
            }
            Action::Decisions => None,
            Action::Terms => command(Command::Terms(TermsCommand::ToggleWindow)),
            Action::Reload => command(Command::App(AppCommand::Reload)),
            Action::PageDown => scroll(ScrollKey::PageDown),
            Action::PageUp => scroll(ScrollKey::PageUp),
            Action::LineDown if !self.focused => scroll(ScrollKey::LineDown),
            Action::LineUp if !self.focused => scroll(ScrollKey::LineUp),
            Action::LineDown | Action::LineUp => None,
            Action::Home => scroll(ScrollKey::Home),
            Action::End => scroll(ScrollKey::End),
            Action::Zoom => None,
            Action::Escape => {
                if self.find_open {
                    command(Command::Find(FindCommand::Close))
                } else if self.highlighted {
                    command(Command::Collation(CollationCommand::ClearHighlights))
                } else if self.help_open && !self.wants_text {
                    command(Command::App(AppCommand::CloseHelp))
                } else {
                    None
                }
            }
        }
    }
}

impl ParallaxApp {
    /// Keyboard shortcuts ([`shortcuts::SHORTCUTS`]), as commands: each press is taken only
    /// when its action applies now (a text field keeps its keys, a focused widget the
    /// arrows, the two-text view alone has decisions).
    pub(super) fn shortcuts(&mut self, ctx: &egui::Context) {
        let state = KeyState {
            wants_text: ctx.egui_wants_keyboard_input(),
            // A focused widget (the threshold slider) keeps the arrow keys.
            focused: ctx.memory(|m| m.focused().is_some()),
            find_open: self.find.is_open(),
            // A dialog on top takes Escape for itself.
            help_open: self.help.is_open() && !self.dialogs.is_open(),
            highlighted: self.screen == Screen::Collation && self.collation.has_highlights(),
            row_selected: self.screen == Screen::Pair && self.view.selected().is_some(),
            pair: self.screen == Screen::Pair,
        };
        let mut scroll = None;
        let presses = shortcuts::presses();
        ctx.input_mut(|input| {
            for (press, action) in presses {
                let Some(step) = state.step(action, scroll.is_some()) else {
                    continue;
                };
                if !input.consume_shortcut(&press) {
                    continue;
                }
                match step {
                    Step::Command(command) => self.commands.push(command),
                    Step::Scroll(key) => scroll = Some(key),
                }
            }
        });
        if let Some(key) = scroll {
            match self.screen {
                Screen::Collation => self.collation.scroll_by_keys(key),
                Screen::Pair => self.view.scroll_by_keys(key),
            }
        }
    }

    /// Files dropped on the window: two open as left and right, one where it was dropped,
    /// three or more (or any on the collation) as statements of the collation.
    pub(super) fn dropped_files(&mut self, ctx: &egui::Context) {
        let (dropped, pointer) =
            ctx.input(|i| (i.raw.dropped_files.clone(), i.pointer.latest_pos()));
        // Any onto the collation: more statements of it. Three or more onto the two columns:
        // a collation of those.
        let paths: Vec<std::path::PathBuf> =
            dropped.iter().map(|f| f.path().to_path_buf()).collect();
        if self.screen == Screen::Collation && !paths.is_empty() {
            self.commands
                .push(Command::Statements(StatementsCommand::Add(paths)));
            return;
        }
        if paths.len() >= 3 {
            self.commands
                .push(Command::Statements(StatementsCommand::Open(paths)));
            return;
        }
        for (n, file) in dropped.iter().enumerate() {
            let side = match pointer {
                _ if dropped.len() == 2 => {
                    if n == 0 {
                        Side::Left
                    } else {
                        Side::Right
                    }
                }
                Some(pos) => self.view.side_at(pos.x),
                None => Side::Left,
            };
            self.commands.push(Command::Pair(PairCommand::OpenPath(
                side,
                file.path().to_path_buf(),
            )));
        }
    }
}
