//! The one table of keyboard shortcuts. The keyboard handling ([`super::app`]'s `shortcuts`),
//! the menus (their shortcut text) and the Help window's list of keys all read it, so a key
//! is added or changed in one place.

use egui::{Key, KeyboardShortcut, Modifiers};

/// What a shortcut does. Most become a command; the scrolling keys move the rows shown, and
/// Escape closes what is on top.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// The help window (F1).
    Help,
    /// The next difference, or the next gap of the collation.
    Next,
    /// The previous difference, or the previous gap.
    Previous,
    /// A note on the selected row.
    EditNote,
    /// The find bar.
    Find,
    /// The next find match (Enter in the find bar).
    FindNext,
    /// Open the left statement (in the collation: add one).
    OpenLeft,
    /// Open the right statement (in the collation: add one).
    OpenRight,
    /// The export window.
    Export,
    /// Undo a decision on a link.
    Undo,
    /// Redo a decision undone.
    Redo,
    /// The Decisions window.
    Decisions,
    /// The Terms window.
    Terms,
    /// Read the files again.
    Reload,
    /// Scroll a page down.
    PageDown,
    /// Scroll a page up.
    PageUp,
    /// Scroll a little down.
    LineDown,
    /// Scroll a little up.
    LineUp,
    /// Go to the first row.
    Home,
    /// Go to the last row.
    End,
    /// egui's own zoom keys (listed for Help only).
    Zoom,
    /// Close the find bar, the highlights or the help (a dialog takes it first).
    Escape,
}

/// One shortcut: the keys as the menus and Help write them, what Help says it does (empty:
/// not listed), the key presses that trigger it, and its action.
pub struct Shortcut {
    /// The keys in words ("Ctrl+Shift+O").
    pub keys: &'static str,
    /// What it does, in Help's words (empty: not listed in Help).
    pub what: &'static str,
    /// The key presses that trigger it (none: egui handles them, or several actions share
    /// the keys in words).
    pub presses: &'static [KeyboardShortcut],
    /// What it does.
    pub action: Action,
}

const fn press(modifiers: Modifiers, key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(modifiers, key)
}

const NONE: Modifiers = Modifiers::NONE;
const SHIFT: Modifiers = Modifiers::SHIFT;
const ALT: Modifiers = Modifiers::ALT;
const COMMAND: Modifiers = Modifiers::COMMAND;
const COMMAND_SHIFT: Modifiers = Modifiers {
    alt: false,
    ctrl: false,
    shift: true,
    mac_cmd: false,
    command: true,
};

/// Every shortcut, in the order Help lists them.
pub const SHORTCUTS: &[Shortcut] = &[
    Shortcut {
        keys: "F1",
        what: "this help",
        presses: &[press(NONE, Key::F1)],
        action: Action::Help,
    },
    Shortcut {
        keys: "F7, Alt+Down",
        what: "next difference (in the collation: next gap)",
        presses: &[press(NONE, Key::F7), press(ALT, Key::ArrowDown)],
        action: Action::Next,
    },
    Shortcut {
        keys: "Shift+F7, Alt+Up",
        what: "previous difference (previous gap)",
        presses: &[press(SHIFT, Key::F7), press(ALT, Key::ArrowUp)],
        action: Action::Previous,
    },
    Shortcut {
        keys: "N",
        what: "write a note on the selected row",
        presses: &[press(NONE, Key::N)],
        action: Action::EditNote,
    },
    Shortcut {
        keys: "Ctrl+F",
        what: "find in every document shown (Enter: next, Esc: close)",
        presses: &[press(COMMAND, Key::F)],
        action: Action::Find,
    },
    Shortcut {
        keys: "Enter",
        what: "",
        presses: &[press(NONE, Key::Enter)],
        action: Action::FindNext,
    },
    Shortcut {
        keys: "Ctrl+O",
        what: "open the left statement",
        presses: &[press(COMMAND, Key::O)],
        action: Action::OpenLeft,
    },
    Shortcut {
        keys: "Ctrl+Shift+O",
        what: "open the right statement",
        presses: &[press(COMMAND_SHIFT, Key::O)],
        action: Action::OpenRight,
    },
    Shortcut {
        keys: "Ctrl+E",
        what: "export a report",
        presses: &[press(COMMAND, Key::E)],
        action: Action::Export,
    },
    Shortcut {
        keys: "Ctrl+Z / Ctrl+Shift+Z",
        what: "undo / redo a decision on a link",
        presses: &[],
        action: Action::Undo,
    },
    Shortcut {
        keys: "Ctrl+Z",
        what: "",
        presses: &[press(COMMAND, Key::Z)],
        action: Action::Undo,
    },
    Shortcut {
        keys: "Ctrl+Shift+Z",
        what: "",
        presses: &[press(COMMAND_SHIFT, Key::Z)],
        action: Action::Redo,
    },
    Shortcut {
        keys: "Ctrl+D",
        what: "the list of your decisions on links",
        presses: &[press(COMMAND, Key::D)],
        action: Action::Decisions,
    },
    Shortcut {
        keys: "Ctrl+T",
        what: "the terms: yours and the built-in ones",
        presses: &[press(COMMAND, Key::T)],
        action: Action::Terms,
    },
    Shortcut {
        keys: "F5",
        what: "reload the files from disk",
        presses: &[press(NONE, Key::F5)],
        action: Action::Reload,
    },
    Shortcut {
        keys: "Page Up / Page Down",
        what: "scroll the rows a page",
        presses: &[],
        action: Action::PageDown,
    },
    Shortcut {
        keys: "Page Down",
        what: "",
        presses: &[press(NONE, Key::PageDown)],
        action: Action::PageDown,
    },
    Shortcut {
        keys: "Page Up",
        what: "",
        presses: &[press(NONE, Key::PageUp)],
        action: Action::PageUp,
    },
    Shortcut {
        keys: "Up / Down",
        what: "scroll the rows a little",
        presses: &[],
        action: Action::LineDown,
    },
    Shortcut {
        keys: "Down",
        what: "",
        presses: &[press(NONE, Key::ArrowDown)],
        action: Action::LineDown,
    },
    Shortcut {
        keys: "Up",
        what: "",
        presses: &[press(NONE, Key::ArrowUp)],
        action: Action::LineUp,
    },
    Shortcut {
        keys: "Home / End",
        what: "go to the first / last row",
        presses: &[],
        action: Action::Home,
    },
    Shortcut {
        keys: "Home",
        what: "",
        presses: &[press(COMMAND, Key::Home), press(NONE, Key::Home)],
        action: Action::Home,
    },
    Shortcut {
        keys: "End",
        what: "",
        presses: &[press(COMMAND, Key::End), press(NONE, Key::End)],
        action: Action::End,
    },
    Shortcut {
        keys: "Ctrl + / Ctrl - / Ctrl 0",
        what: "zoom in, out, reset",
        presses: &[],
        action: Action::Zoom,
    },
    Shortcut {
        keys: "Esc",
        what: "close a dialog, the find bar or the help",
        presses: &[press(NONE, Key::Escape)],
        action: Action::Escape,
    },
];

/// The shortcuts Help lists: (keys, what they do).
pub fn help_keys() -> impl Iterator<Item = (&'static str, &'static str)> {
    SHORTCUTS
        .iter()
        .filter(|s| !s.what.is_empty())
        .map(|s| (s.keys, s.what))
}

/// The keys of `action` as a menu writes them beside its item ("Ctrl+E").
pub fn keys(action: Action) -> &'static str {
    SHORTCUTS
        .iter()
        .find(|s| s.action == action && !s.presses.is_empty())
        .map_or("", |s| s.keys)
}

/// The presses to try each frame, the most specific first (Ctrl+Shift+O before Ctrl+O,
/// which would also take it), each with its action.
pub fn presses() -> Vec<(KeyboardShortcut, Action)> {
    let mut all: Vec<(KeyboardShortcut, Action)> = SHORTCUTS
        .iter()
        .flat_map(|s| s.presses.iter().map(move |&p| (p, s.action)))
        .collect();
    let weight = |m: Modifiers| {
        [m.alt, m.ctrl, m.shift, m.command, m.mac_cmd]
            .iter()
            .filter(|&&on| on)
            .count()
    };
    // A stable sort: among equally specific presses, the table's order.
    all.sort_by_key(|(p, _)| std::cmp::Reverse(weight(p.modifiers)));
    all
}
