//! What the keyboard and dropped files ask of the window, as commands.

use egui::{Key, KeyboardShortcut, Modifiers};

use super::super::pair_view::ScrollKey;
use super::super::{Command, Side};
use super::ParallaxApp;

impl ParallaxApp {
    /// Keyboard shortcuts, as commands.
    pub(super) fn shortcuts(&mut self, ctx: &egui::Context) {
        let wants_text = ctx.egui_wants_keyboard_input();
        // A focused widget (the threshold slider) keeps the arrow keys.
        let focused = ctx.memory(|m| m.focused().is_some());
        let find_open = self.find.is_open();
        // A dialog on top takes Escape for itself.
        let help_open = self.help.is_open() && !self.dialogs.is_open();
        let highlighted = self.collection.is_active() && self.collation.has_highlights();
        let row_selected = !self.collection.is_active() && self.view.selected().is_some();
        let row_view = !self.collection.is_active();
        let mut scroll = None;
        ctx.input_mut(|input| {
            let mut take = |modifiers: Modifiers, key: Key| {
                input.consume_shortcut(&KeyboardShortcut::new(modifiers, key))
            };
            let commands = &mut self.commands;
            if take(Modifiers::SHIFT, Key::F7) || take(Modifiers::ALT, Key::ArrowUp) {
                commands.push(Command::PreviousDifference);
            }
            if take(Modifiers::NONE, Key::F7) || take(Modifiers::ALT, Key::ArrowDown) {
                commands.push(Command::NextDifference);
            }
            if take(Modifiers::COMMAND, Key::F) {
                commands.push(Command::OpenFind);
            }
            if take(Modifiers::COMMAND, Key::E) {
                commands.push(Command::OpenExport);
            }
            if row_view && take(Modifiers::COMMAND, Key::D) {
                commands.push(Command::ToggleDecisions);
            }
            if take(Modifiers::COMMAND, Key::T) {
                commands.push(Command::ToggleTerms);
            }
            if take(Modifiers::NONE, Key::F1) {
                commands.push(Command::ToggleHelp);
            }
            if take(Modifiers::NONE, Key::F5) {
                commands.push(Command::Reload);
            }
            // Keyboard scrolling of the rows, when no text field has the keys.
            if !wants_text {
                if row_selected && take(Modifiers::NONE, Key::N) {
                    commands.push(Command::EditNote);
                }
                scroll = if take(Modifiers::NONE, Key::PageDown) {
                    Some(ScrollKey::PageDown)
                } else if take(Modifiers::NONE, Key::PageUp) {
                    Some(ScrollKey::PageUp)
                } else if !focused && take(Modifiers::NONE, Key::ArrowDown) {
                    Some(ScrollKey::LineDown)
                } else if !focused && take(Modifiers::NONE, Key::ArrowUp) {
                    Some(ScrollKey::LineUp)
                } else if take(Modifiers::COMMAND, Key::Home) || take(Modifiers::NONE, Key::Home) {
                    Some(ScrollKey::Home)
                } else if take(Modifiers::COMMAND, Key::End) || take(Modifiers::NONE, Key::End) {
                    Some(ScrollKey::End)
                } else {
                    None
                };
            }
            // Undo and redo of the decisions on links (a text field keeps its own).
            if !wants_text && row_view {
                if take(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z) {
                    commands.push(Command::RedoDecision);
                } else if take(Modifiers::COMMAND, Key::Z) {
                    commands.push(Command::UndoDecision);
                }
            }
            // The most specific first: Ctrl+O would also take Ctrl+Shift+O.
            if take(Modifiers::COMMAND | Modifiers::SHIFT, Key::O) {
                commands.push(Command::Open(Side::Right));
            }
            if take(Modifiers::COMMAND, Key::O) {
                commands.push(Command::Open(Side::Left));
            }
            if find_open && take(Modifiers::NONE, Key::Escape) {
                commands.push(Command::CloseFind);
            } else if highlighted && take(Modifiers::NONE, Key::Escape) {
                commands.push(Command::ClearHighlights);
            } else if help_open && !wants_text && take(Modifiers::NONE, Key::Escape) {
                commands.push(Command::CloseHelp);
            }
            if !wants_text && find_open && take(Modifiers::NONE, Key::Enter) {
                commands.push(Command::FindNext);
            }
        });
        if let Some(key) = scroll {
            if self.collection.is_active() {
                self.collation.scroll_by_keys(key);
            } else {
                self.view.scroll_by_keys(key);
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
        if self.collection.is_active() && !paths.is_empty() {
            self.commands.push(Command::AddPaths(paths));
            return;
        }
        if paths.len() >= 3 {
            self.commands.push(Command::OpenStatements(paths));
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
            self.commands
                .push(Command::OpenPath(side, file.path().to_path_buf()));
        }
    }
}
