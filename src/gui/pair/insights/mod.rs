//! The summary panel of what an analyst looks for: who and what each side names (shared, only
//! left, only right), the phrases both share, and the rows where one side words a thing more
//! strongly. Clicking an entry highlights its places in both texts and scrolls to the first.
//!
//! The panel is a flat list of one-line entries under three tabs, with a filter. The list is
//! built once per analysis, tab and filter, and only the entries in view are laid out each
//! frame, so a 1 MiB pair with hundreds of names costs a frame what the bundled pair does.
//! Entries too long for the panel are cut with "…"; hovering shows them whole.
//!
//! Colours come from the current [`egui::Visuals`], so the panel follows the theme. Labels use
//! only Latin text (the default fonts have no arrows or emoji).

use std::sync::Arc;

use egui::{Rect, Sense, TextWrapMode, vec2};

use crate::analysis::{Analysis, Presence};
use crate::gui::commands::{AppCommand, Command, ViewCommand};
use crate::gui::pair::session::Shown;
use crate::gui::rows::{BriefEntry, brief_ui};
use crate::gui::{Side, Sides};
use crate::load::Document;

mod entries;
mod lines;
use lines::Line;

/// Which list the panel shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Tab {
    /// Who and what each side names.
    #[default]
    Names,
    /// Runs of words both texts share.
    Phrases,
    /// Rows where one side words a thing more strongly.
    Strength,
    /// Links where the two sides credit, word or qualify a point differently.
    Shifts,
    /// Figures in both, on one side only, or with other values.
    Figures,
}

/// Which entry was clicked last (shown as selected).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Selection {
    Entity(usize),
    Phrase(usize),
    Strength(usize),
    Shift(usize),
    Figure(usize),
    Difference(usize),
    Brief(usize),
}

/// The panel's state: the tab, the filter, the selected entry and the list built for them.
#[derive(Default)]
pub struct InsightsPanel {
    tab: Tab,
    filter: String,
    selected: Option<Selection>,
    /// What `lines` and `summary` were built for.
    built: Option<(Arc<Analysis>, Tab, String, Sides<String>)>,
    lines: Vec<Line>,
    summary: String,
    counts: [usize; 5],
}

/// Width of each count column.
const COUNT_WIDTH: f32 = 44.0;

impl InsightsPanel {
    /// The tab shown.
    pub fn tab(&self) -> Tab {
        self.tab
    }

    /// Shows the panel. Returns the commands its clicks ask for: [`Command::View(ViewCommand::Highlight)`] with
    /// every place of the entry, and [`Command::View(ViewCommand::JumpToRow)`] to the row of its first place.
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        analysis: &Arc<Analysis>,
        shown: &Shown,
    ) -> Vec<Command> {
        let documents = shown.documents.as_deref();
        let mut commands = Vec::new();
        self.rebuild(analysis, documents);
        self.brief_ui(ui, analysis, &mut commands);
        ui.label(self.summary.as_str());
        ui.horizontal_wrapped(|ui| {
            for (tab, title, count, hover) in [
                (
                    Tab::Names,
                    "Names",
                    self.counts[0],
                    "Who and what each side names: in both, only left, only right",
                ),
                (
                    Tab::Phrases,
                    "Phrases",
                    self.counts[1],
                    "Runs of three or more words both texts share, longest first",
                ),
                (
                    Tab::Strength,
                    "Strength",
                    self.counts[2],
                    "Paired rows where one side uses a stronger word of one kind (“must” \
                     against “may”); the Shifts tab compares every linked sentence",
                ),
                (
                    Tab::Shifts,
                    "Shifts",
                    self.counts[3],
                    "Linked sentences that credit a point differently (both sides against \
                     one), word it more strongly, or qualify it on one side only",
                ),
                (
                    Tab::Figures,
                    "Figures",
                    self.counts[4],
                    "Amounts, percentages, dates, durations and numbers: in both, on one side \
                     only, or with other values on linked sentences",
                ),
            ] {
                ui.selectable_value(&mut self.tab, tab, format!("{title} ({count})"))
                    .on_hover_text(hover);
            }
        });
        ui.horizontal(|ui| {
            let label = ui.label("Filter:");
            // Room for the Clear button is kept even while it is hidden, so the panel does not
            // grow when it appears.
            let clear_width = 60.0;
            ui.add(
                egui::TextEdit::singleline(&mut self.filter)
                    .hint_text("part of a name, phrase or word")
                    .desired_width((ui.available_width() - clear_width).max(80.0)),
            )
            .labelled_by(label.id);
            if !self.filter.is_empty() && ui.small_button("Clear").clicked() {
                self.filter.clear();
            }
        });
        self.rebuild(analysis, documents);

        let line_height = ui.spacing().interact_size.y;
        let lines = std::mem::take(&mut self.lines);
        egui::ScrollArea::vertical()
            .id_salt(("parallax-insights-list", self.tab as u8))
            .auto_shrink([false, false])
            .show_rows(ui, line_height, lines.len(), |ui, range| {
                for line in &lines[range] {
                    let (rect, _) = ui.allocate_exact_size(
                        vec2(ui.available_width(), line_height),
                        Sense::hover(),
                    );
                    self.line_ui(ui, rect, line, analysis, shown, &mut commands);
                }
            });
        self.lines = lines;
        commands
    }

    /// Builds the list again when the analysis, the tab, the filter or a name changed.
    fn rebuild(&mut self, analysis: &Arc<Analysis>, documents: Sides<&Document>) {
        // Called twice a frame: the check allocates nothing.
        if let Some((built, tab, filter, built_names)) = &self.built
            && Arc::ptr_eq(built, analysis)
            && *tab == self.tab
            && *filter == self.filter
            && built_names.left == documents.left.name
            && built_names.right == documents.right.name
        {
            return;
        }
        let names = documents.map(|d| d.name.clone());
        if !self
            .built
            .as_ref()
            .is_some_and(|(built, ..)| Arc::ptr_eq(built, analysis))
        {
            self.selected = None;
        }
        let count = |p: Presence| {
            analysis
                .entities
                .iter()
                .filter(|e| e.presence() == p)
                .count()
        };
        self.summary = format!(
            "Named: {} in both, {} only left, {} only right. Shared phrases: {}. Stronger \
             words in paired rows: {}. Stance shifts: {}. Figures: {}.",
            count(Presence::Both),
            count(Presence::LeftOnly),
            count(Presence::RightOnly),
            analysis.phrases.len(),
            analysis.strength.len(),
            analysis.shifts.len(),
            analysis.figures_compared.figures.len(),
        );
        self.counts = [
            analysis.entities.len(),
            analysis.phrases.len(),
            analysis.strength.len(),
            analysis.shifts.len(),
            analysis.figures_compared.figures.len(),
        ];
        let filter = self.filter.trim().to_lowercase();
        let mut lines = match self.tab {
            Tab::Names => lines::names_lines(analysis, &names, &filter),
            Tab::Phrases => lines::phrases_lines(analysis, &filter),
            Tab::Strength => lines::strength_lines(analysis, &filter),
            Tab::Shifts => lines::shifts_lines(analysis, &filter),
            Tab::Figures => lines::figures_lines(analysis, &names, &filter),
        };
        if !filter.is_empty()
            && !lines
                .iter()
                .any(|l| !matches!(l, Line::Heading(_) | Line::Remark(_)))
            && self.tab != Tab::Names
        {
            lines.push(Line::Remark("Nothing matches the filter.".to_owned()));
        }
        self.lines = lines;
        self.built = Some((Arc::clone(analysis), self.tab, self.filter.clone(), names));
    }

    /// A clickable entry on one line in `rect`, shown selected when it is the last clicked.
    fn entry(&self, ui: &mut egui::Ui, rect: Rect, this: Selection, label: &str) -> egui::Response {
        ui.put(
            rect,
            // The growing atom after the text keeps it left-aligned in the cell.
            egui::Button::selectable(self.selected == Some(this), (label, egui::Atom::grow()))
                .wrap_mode(TextWrapMode::Truncate),
        )
    }

    /// The brief at the top: what differs, a line each, clicking one goes to its first row.
    fn brief_ui(&mut self, ui: &mut egui::Ui, analysis: &Analysis, commands: &mut Vec<Command>) {
        let entries = analysis
            .brief
            .iter()
            .enumerate()
            .map(|(index, line)| BriefEntry {
                text: format!("- {}", line.plain()),
                hover: match line.rows.first() {
                    Some(row) => format!("Click to go to row {}.", row + 1),
                    None => "Nothing to go to.".to_owned(),
                },
                selected: self.selected == Some(Selection::Brief(index)),
            });
        // The brief takes up to half the panel's height: its lines are what an analyst reads
        // first, the tabs below scroll on their own.
        let height = (ui.available_height() * 0.5).clamp(160.0, 420.0);
        let clicked = brief_ui(ui, "parallax-insights-brief", height, entries);
        if let Some(index) = clicked
            && let Some(&row) = analysis.brief.get(index).and_then(|l| l.rows.first())
        {
            self.selected = Some(Selection::Brief(index));
            commands.push(Command::View(ViewCommand::JumpToRow(row)));
        }
    }
}

/// The insights panel with its heading: the list once the insights are computed, a spinner
/// until then, or what failed.
pub fn panel_ui(
    ui: &mut egui::Ui,
    panel: &mut InsightsPanel,
    session: &crate::gui::pair::session::Session,
    commands: &mut Vec<Command>,
) {
    // Keep the width the user gave the panel, whatever it shows (a spinner at first).
    ui.set_min_width(ui.available_width());
    ui.horizontal(|ui| {
        ui.heading("Insights");
        if ui
            .small_button("Hide")
            .on_hover_text("Show again from the View menu")
            .clicked()
        {
            commands.push(Command::App(AppCommand::ToggleInsights));
        }
    });
    if let Some(message) = session.analysis_failed() {
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
                session.document(Side::Left).name,
                session.document(Side::Right).name
            );
            ui.ctx().copy_text(details);
        }
        return;
    }
    // One statement alone is compared with nothing: what it "only" says, whom it names
    // "only", would be claims about an empty side.
    if let Some(side) = [Side::Left, Side::Right]
        .into_iter()
        .find(|&side| session.awaited(side))
    {
        ui.label(format!(
            "Nothing to compare yet: open the {} statement (File menu, or drop a file on its \
             column) to see what differs.",
            side.name()
        ));
        return;
    }
    let (Some(analysis), Some(shown)) = (session.analysis(), session.shown()) else {
        ui.spinner();
        return;
    };
    commands.extend(panel.ui(ui, analysis, shown));
}
