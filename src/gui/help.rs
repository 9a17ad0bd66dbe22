//! The help the window shows (Help > Help, F1) and the README repeats under "Help": how to read
//! the rows, the links, the collation, notes and options, and the keys. One text for both;
//! a test checks that the README says the same.
//!
//! Edit the sections here and the README's Help section together.
//!
//! [`HelpWindow`] shows them in a window that stays open while the rows are used, with a
//! search field that keeps the paragraphs and keys that contain what is typed.

use egui::{RichText, Ui};

use super::commands::{AppCommand, Command};

/// The help window: whether it is open, and what is searched.
#[derive(Debug, Default)]
pub struct HelpWindow {
    open: bool,
    query: String,
    /// The search field takes the keyboard next frame (the window was just opened).
    focus: bool,
}

impl HelpWindow {
    /// Whether the window is open.
    pub fn is_open(&self) -> bool {
        self.open
    }

    /// Opens or closes the window (F1).
    pub fn toggle(&mut self) {
        self.open = !self.open;
        self.focus = self.open;
    }

    /// Closes the window.
    pub fn close(&mut self) {
        self.open = false;
    }

    /// The window, when open: the search field, then each section with what matches.
    pub fn show(&mut self, ctx: &egui::Context, commands: &mut Vec<Command>) {
        if !self.open {
            return;
        }
        let mut open = true;
        let room = ctx.content_rect().size();
        egui::Window::new("Parallax help")
            .open(&mut open)
            .default_size([(room.x * 0.4).clamp(320.0, 560.0), room.y * 0.7])
            .default_pos([room.x * 0.55, 60.0])
            .resizable(true)
            .collapsible(false)
            .show(ctx, |ui| self.ui(ui));
        if !open {
            commands.push(Command::App(AppCommand::CloseHelp));
        }
    }

    /// The help's content, filtered by the search field.
    pub fn ui(&mut self, ui: &mut Ui) {
        ui.horizontal(|ui| {
            let label = ui.label("Search help");
            let edit = ui
                .add(
                    egui::TextEdit::singleline(&mut self.query)
                        .hint_text("a word: note, moved, gap…")
                        .desired_width(ui.available_width()),
                )
                .labelled_by(label.id);
            // Opened to look something up: what is typed goes to the search at once.
            if std::mem::take(&mut self.focus) {
                edit.request_focus();
            }
        });
        ui.separator();
        let wanted = self.query.trim().to_lowercase();
        let matches = |text: &str| wanted.is_empty() || text.to_lowercase().contains(&wanted);
        egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            .show(ui, |ui| {
                let mut any = false;
                for section in SECTIONS {
                    let shown: Vec<&str> = section
                        .paragraphs
                        .iter()
                        .copied()
                        .filter(|p| matches(p) || matches(section.title))
                        .collect();
                    if shown.is_empty() {
                        continue;
                    }
                    any = true;
                    ui.label(RichText::new(section.title).heading());
                    for paragraph in shown {
                        ui.label(paragraph);
                        ui.add_space(4.0);
                    }
                    ui.add_space(6.0);
                }
                let keys: Vec<(&str, &str)> = keys()
                    .into_iter()
                    .filter(|(k, w)| matches(k) || matches(w) || matches("keys"))
                    .collect();
                if !keys.is_empty() {
                    any = true;
                    ui.label(RichText::new("Keys").heading());
                    egui::Grid::new("help-keys")
                        .num_columns(2)
                        .spacing([20.0, 4.0])
                        .show(ui, |ui| {
                            for (keys, what) in keys {
                                ui.label(RichText::new(keys).strong());
                                ui.label(what);
                                ui.end_row();
                            }
                        });
                    ui.add_space(4.0);
                }
                if matches(DROPPING) {
                    any = true;
                    ui.label(DROPPING);
                }
                if !any {
                    ui.label(format!(
                        "Nothing in the help mentions \"{}\".",
                        self.query.trim()
                    ));
                }
            });
    }
}

/// A section of the help: its title and its paragraphs.
pub struct HelpSection {
    /// The section's title.
    pub title: &'static str,
    /// Its paragraphs.
    pub paragraphs: &'static [&'static str],
}

/// The sections, in the order shown.
pub const SECTIONS: &[HelpSection] = &[
    HelpSection {
        title: "Rows and colours",
        paragraphs: &[
            "Each row pairs a sentence on the left with the sentence or sentences on the right that say the same thing, even when moved, merged, split or reworded. Click a sentence (or the row's background) to select its row.",
            "Inside a pair: red struck-out words are only on the left, green underlined words only on the right, blue italics the same thing worded differently (US / United States). The marks read without colour too: struck out, underlined, italic.",
            "A sand-tinted related row pairs two sentences on the same topic, event or person that say different things; the terms they share are underlined. A tinted row beside a hatched cell is a sentence the other side does not have.",
            "The gutter gives each pair's similarity: = for identical, a percentage of shared words for a reworded pair, paraphrase for the same statement in mostly other words.",
        ],
    },
    HelpSection {
        title: "Links and cross-references",
        paragraphs: &[
            "A bar at both edges marks a pair out of order. Its gutter link, 'moved: after R12', says where its right sentence sits in the right document (just after sentence 12 there); click it to go to that row, where R12 is outlined.",
            "'also R7' in the gutter: the sentence has another counterpart, sentence 7 on the right (a quote, a paraphrase); click to go there. A one-sided row with such a link reads 'unpaired': the other side says it, in another row.",
            "The Insights panel (View > Insights panel shows it again after Hide) opens with the brief, a few lines on what differs (click one to go to its first row), then lists who each side names, shared phrases, stronger words in paired rows, stance shifts and figures; click an entry to highlight its places.",
            "Each cell carries a small marker by the gutter saying whom its sentence credits: both (both sides), own (the side that issued the statement) or them (the counterpart); hover it for the words. The checkbox over the rows, 'Only points one side credits to both and the other to one', hides every other row.",
        ],
    },
    HelpSection {
        title: "The collation",
        paragraphs: &[
            "Three or more statements (File > Add statement, dropping three files, or Samples > All the seed's statements together) are collated: one column per statement (D1, D2, ... as the insights name them), one row per point.",
            "A point keeps its number (P1, P2, ... in the order of the statement the points are ordered by) whatever Show and hidden columns leave out; a point that only hidden statements have is left out (the header says how many statements are hidden). Order by picks that statement; Show keeps the points one statement alone has among the columns shown, or those it lacks, and says why when there are none.",
            "In a row, green words are said by every statement that has the point (hidden columns included; a row names its hidden statements in the gutter), underlined words by some, amber italics by this one only; a hatched cell: the statement lacks the point. Next gap (F7) goes to a point some statement lacks.",
            "The side panel's Overview leads, once the insights are in, with the brief: a few lines that say what differs among the statements (points one credits to both sides and another to one party, one wording a point more strongly than another, what only one reports, what one alone leaves out, names only one gives); clicking a line highlights the sentences of its points in every statement and goes to the first. The reports open with the same lines, linking to their points. Below it, the presence map (= identical, ≈ equivalent, ~ related, • one only) and the similarity of each two statements (the share of sentences with a counterpart in the other); its Insights tab says who names what.",
            "Compare these two opens a pair in two columns; its Collation button comes back.",
        ],
    },
    HelpSection {
        title: "Your decisions on links",
        paragraphs: &[
            "Select a row: the bar under the rows lists the links of its sentences (L3–R5, each with its kind and who found it). Confirm keeps a link whatever the options; Reject removes it, and the two sentences go to their next best counterpart or stand alone. To draw a link Parallax missed, Pick a sentence on one side, select the row of a sentence on the other side and Link them as equivalent or related: the two stand level at once.",
            "Decisions are kept with the pair's notes (next to the left file), by the sentences' text, so they come back when the pair is opened again and survive other edits; parallax compare applies them too. Rows you decided read 'you:' in the gutter, and every report marks them. Ctrl+Z undoes a decision, Ctrl+Shift+Z redoes it.",
            "View > Decisions (Ctrl+D) lists every decision; Remove takes one back. A decision whose sentence is no longer in the texts is kept and shown as stale, never dropped, until you remove it.",
        ],
    },
    HelpSection {
        title: "Terms you teach",
        paragraphs: &[
            "View > Terms (Ctrl+T) shows the tables Parallax uses: equivalent terms (US = U.S. = United States: the same wording for the word diff, the links and the names in the insights) and counterparts (reaffirm | reiterate: one concept for the links). The built-in rows are listed apart from yours.",
            "Add a row (forms separated by |; for counterparts the concept first), edit it, turn it off or remove it: the comparison follows at once. Your rows are kept in the settings. Export writes them to a plain text file that parallax compare --equivalences reads (counterparts after a [counterparts] line); Import reads such a file back.",
            "On a reworded row, the bar under the rows offers the wordings it replaces under These mean the same (“Field Marshal” = “COAS”): a click teaches the two as equivalent terms, and the row follows at once.",
        ],
    },
    HelpSection {
        title: "Notes and options",
        paragraphs: &[
            "Select a row and press N (or click the note field at the bottom) to write a note. Enter or Save note saves it; leaving the row saves it too. Notes are kept next to the left file and follow their sentences when the sides are swapped.",
            "The options (Ignore case, Ignore punctuation, Mark spelling variants, Reworded pairing) are kept between runs. When any is off its default, the summary strip names it, with Reset options to set them all back.",
            "Reworded pairing is the least share of content words (rare words weigh more) two sentences must have to be paired as a reworded copy. It is not the gutter's percentage, which counts every word alike.",
        ],
    },
];

/// The keys: (keys, what they do), from the one table of shortcuts.
pub fn keys() -> Vec<(&'static str, &'static str)> {
    super::shortcuts::help_keys().collect()
}

/// Dropping files, after the keys.
pub const DROPPING: &str = "Drop a file on either half of the window to open it there; drop three or more to collate them, or any onto the collation to add it.";
