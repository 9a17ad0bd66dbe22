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

use egui::{Rect, RichText, Sense, TextWrapMode, pos2, vec2};

use crate::analysis::{Analysis, Entity, Presence, Stronger};
use crate::display::DisplayModel;
use crate::engine::segment::Span;
use crate::gui::commands::{AppCommand, Command, ViewCommand};
use crate::gui::pair::session::Shown;
use crate::gui::rows::put_left;
use crate::gui::{Side, Sides};
use crate::load::Document;

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

/// One line of the list.
enum Line {
    /// A group heading ("Named in both: 735").
    Heading(String),
    /// A remark in weak text.
    Remark(String),
    /// The column titles of a table: the first column's, then "Left" and "Right" (counts).
    Columns(&'static str),
    /// An entity: its index in the analysis, its label, whether only one side names it.
    Entity {
        index: usize,
        label: String,
        presence: Presence,
    },
    /// A shared phrase: its index and label.
    Phrase { index: usize, label: String },
    /// A wording-strength difference: its index and label.
    Strength { index: usize, label: String },
    /// A stance shift: its index and label.
    Shift { index: usize, label: String },
    /// A figure: its index and label.
    Figure { index: usize, label: String },
    /// Figures that differ on a link: its index and label.
    Difference { index: usize, label: String },
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
                    "Paired rows where one side words a thing more strongly",
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
            "Named: {} in both, {} only left, {} only right. Shared phrases: {}. Wording \
             strength: {}. Stance shifts: {}. Figures: {}.",
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
        let keep = |text: &str| filter.is_empty() || matches_word_start(text, &filter);
        let mut lines = Vec::new();
        match self.tab {
            Tab::Names => {
                // The count before the file name, which a narrow panel cuts.
                for (presence, heading, name) in [
                    (Presence::Both, "Named in both", String::new()),
                    (
                        Presence::LeftOnly,
                        "Named only left",
                        format!(" ({})", names.left),
                    ),
                    (
                        Presence::RightOnly,
                        "Named only right",
                        format!(" ({})", names.right),
                    ),
                ] {
                    let group: Vec<(usize, &Entity)> = analysis
                        .entities
                        .iter()
                        .enumerate()
                        .filter(|(_, e)| e.presence() == presence)
                        .collect();
                    if !lines.is_empty() {
                        lines.push(Line::Remark(String::new()));
                    }
                    let heading_at = lines.len();
                    lines.push(Line::Heading(format!("{heading}: {}{name}", group.len())));
                    let shown: Vec<Line> = group
                        .iter()
                        .map(|&(index, entity)| (index, entity, entity_label(entity)))
                        .filter(|(_, entity, label)| {
                            keep(label) || entity.forms.iter().any(|f| keep(f))
                        })
                        .map(|(index, _, label)| Line::Entity {
                            index,
                            label,
                            presence,
                        })
                        .collect();
                    if !filter.is_empty() && !shown.is_empty() {
                        lines[heading_at] = Line::Heading(format!(
                            "{heading}: {} of {}{name}",
                            shown.len(),
                            group.len()
                        ));
                    }
                    if shown.is_empty() {
                        lines.push(Line::Remark(
                            if group.is_empty() {
                                "None."
                            } else {
                                "None matches the filter."
                            }
                            .to_owned(),
                        ));
                    } else {
                        lines.push(Line::Columns("Entity"));
                        lines.extend(shown);
                    }
                }
            }
            Tab::Phrases => {
                if analysis.phrases.is_empty() {
                    lines.push(Line::Remark(
                        "No run of three or more words is in both texts.".to_owned(),
                    ));
                } else {
                    lines.push(Line::Columns("Phrase (longest first)"));
                }
                lines.extend(
                    analysis
                        .phrases
                        .iter()
                        .enumerate()
                        .filter(|(_, p)| keep(&p.text))
                        .map(|(index, phrase)| Line::Phrase {
                            index,
                            label: if phrase.whole_sentence {
                                format!("\"{}\" [whole sentence]", phrase.text)
                            } else {
                                format!("\"{}\"", phrase.text)
                            },
                        }),
                );
            }
            Tab::Strength => {
                if analysis.strength.is_empty() {
                    lines.push(Line::Remark(
                        "No paired row says a thing more strongly on one side.".to_owned(),
                    ));
                    // What it would find, so that an empty list is not a mystery.
                    for example in [
                        "Looks for graded wording in reworded pairs:",
                        "agreed > discussed, pledged > welcomed > noted,",
                        "condemned > expressed concern, must > should > may",
                        "(assets/strength.txt).",
                    ] {
                        lines.push(Line::Remark(example.to_owned()));
                    }
                }
                lines.extend(
                    analysis
                        .strength
                        .iter()
                        .enumerate()
                        .filter_map(|(index, d)| {
                            let sign = match d.stronger {
                                Stronger::Left => ">",
                                Stronger::Right => "<",
                            };
                            let label = format!(
                                "row {}: left '{}' {sign} right '{}' ({})",
                                d.row + 1,
                                d.left,
                                d.right,
                                d.kind
                            );
                            keep(&label).then_some(Line::Strength { index, label })
                        }),
                );
            }
            Tab::Shifts => {
                if analysis.shifts.is_empty() {
                    lines.push(Line::Remark(
                        "No link credits, words or qualifies a point differently.".to_owned(),
                    ));
                }
                lines.extend(
                    analysis
                        .shifts
                        .iter()
                        .enumerate()
                        .filter_map(|(index, shift)| {
                            let label = shift_label(shift);
                            keep(&label).then_some(Line::Shift { index, label })
                        }),
                );
            }
            Tab::Figures => {
                use crate::analysis::FigurePresence;
                let compared = &analysis.figures_compared;
                for (presence, heading, name) in [
                    (FigurePresence::Both, "In both", String::new()),
                    (
                        FigurePresence::LeftOnly,
                        "Only left",
                        format!(" ({})", names.left),
                    ),
                    (
                        FigurePresence::RightOnly,
                        "Only right",
                        format!(" ({})", names.right),
                    ),
                ] {
                    let group: Vec<Line> = compared
                        .figures
                        .iter()
                        .enumerate()
                        .filter(|(_, f)| f.presence == presence)
                        .map(|(index, f)| (index, format!("{} [{}]", f.value, f.kind.name())))
                        .filter(|(index, label)| {
                            keep(label)
                                || compared.figures.get(*index).is_some_and(|f| {
                                    f.left.iter().chain(&f.right).any(|m| keep(&m.text))
                                })
                        })
                        .map(|(index, label)| Line::Figure { index, label })
                        .collect();
                    if !lines.is_empty() {
                        lines.push(Line::Remark(String::new()));
                    }
                    lines.push(Line::Heading(format!("{heading}: {}{name}", group.len())));
                    if group.is_empty() {
                        lines.push(Line::Remark("None.".to_owned()));
                    } else {
                        lines.push(Line::Columns("Figure"));
                        lines.extend(group);
                    }
                }
                lines.push(Line::Remark(String::new()));
                lines.push(Line::Heading(format!(
                    "Other values on linked sentences: {}",
                    compared.differences.len()
                )));
                lines.extend(
                    compared
                        .differences
                        .iter()
                        .enumerate()
                        .filter_map(|(index, d)| {
                            let label = format!(
                                "L{}-R{}: {} against {}",
                                d.left.sentence + 1,
                                d.right.sentence + 1,
                                d.left.text,
                                d.right.text
                            );
                            keep(&label).then_some(Line::Difference { index, label })
                        }),
                );
            }
        }
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

    /// One line of the list, in `rect`.
    #[allow(clippy::too_many_arguments)]
    fn line_ui(
        &mut self,
        ui: &mut egui::Ui,
        rect: Rect,
        line: &Line,
        analysis: &Analysis,
        shown: &Shown,
        commands: &mut Vec<Command>,
    ) {
        let counts_width = 2.0 * COUNT_WIDTH;
        let name_rect = Rect::from_min_max(rect.min, pos2(rect.max.x - counts_width, rect.max.y));
        let left_rect = Rect::from_min_size(
            pos2(rect.max.x - counts_width, rect.min.y),
            vec2(COUNT_WIDTH, rect.height()),
        );
        let right_rect = Rect::from_min_size(
            pos2(rect.max.x - COUNT_WIDTH, rect.min.y),
            vec2(COUNT_WIDTH, rect.height()),
        );
        let one_line = |text: RichText| egui::Label::new(text).wrap_mode(TextWrapMode::Truncate);
        match line {
            Line::Heading(text) => {
                // Cut to the panel's width; egui shows a cut label whole on hover.
                put_left(ui, rect, one_line(RichText::new(text.as_str()).strong()));
            }
            Line::Remark(text) => {
                put_left(ui, rect, one_line(RichText::new(text.as_str()).weak()));
            }
            Line::Columns(first) => {
                put_left(
                    ui,
                    name_rect.shrink2(vec2(4.0, 0.0)),
                    one_line(RichText::new(*first).strong()),
                );
                ui.put(left_rect, egui::Label::new(RichText::new("Left").strong()));
                ui.put(
                    right_rect,
                    egui::Label::new(RichText::new("Right").strong()),
                );
            }
            Line::Entity {
                index,
                label,
                presence,
            } => {
                let Some(entity) = analysis.entities.get(*index) else {
                    return;
                };
                // One-sided names are tinted as one-sided rows are in the comparison.
                let palette = crate::gui::pair::view::Palette::new(ui.visuals().dark_mode);
                let tint = match presence {
                    Presence::LeftOnly => Some(palette.left_only),
                    Presence::RightOnly => Some(palette.right_only),
                    Presence::Both => None,
                };
                if let Some(tint) = tint {
                    ui.painter().rect_filled(rect, 2.0, tint);
                }
                let this = Selection::Entity(*index);
                let response = self.entry(ui, name_rect, this, label).on_hover_ui(|ui| {
                    ui.set_max_width(420.0);
                    ui.label(label.as_str());
                    if entity.forms.len() > 1 {
                        ui.label(format!("Written as: {}", entity.forms.join("; ")));
                    }
                    ui.weak("Click to highlight every place in both texts.");
                });
                if response.clicked() {
                    self.selected = Some(this);
                    highlight(
                        &shown.display,
                        &entity.left_spans,
                        &entity.right_spans,
                        commands,
                    );
                }
                ui.put(left_rect, egui::Label::new(count_text(entity.left)));
                ui.put(right_rect, egui::Label::new(count_text(entity.right)));
            }
            Line::Phrase { index, label } => {
                let Some(phrase) = analysis.phrases.get(*index) else {
                    return;
                };
                let this = Selection::Phrase(*index);
                let response = self.entry(ui, name_rect, this, label).on_hover_ui(|ui| {
                    ui.set_max_width(480.0);
                    ui.label(format!("{label} ({} words)", phrase.words));
                    places_tooltip(ui, shown, &phrase.left, &phrase.right);
                });
                if response.clicked() {
                    self.selected = Some(this);
                    highlight(&shown.display, &phrase.left, &phrase.right, commands);
                }
                ui.put(left_rect, egui::Label::new(phrase.left.len().to_string()));
                ui.put(right_rect, egui::Label::new(phrase.right.len().to_string()));
            }
            Line::Strength { index, label } => {
                let Some(d) = analysis.strength.get(*index) else {
                    return;
                };
                let this = Selection::Strength(*index);
                let stronger = match d.stronger {
                    Stronger::Left => "the left side",
                    Stronger::Right => "the right side",
                };
                let response = self.entry(ui, rect, this, label).on_hover_text(format!(
                    "{label}\nStronger on {stronger}. Click to go to the row."
                ));
                if response.clicked() {
                    self.selected = Some(this);
                    commands.push(Command::View(ViewCommand::Highlight(vec![
                        (Side::Left, d.left_span),
                        (Side::Right, d.right_span),
                    ])));
                    commands.push(Command::View(ViewCommand::JumpToRow(d.row)));
                }
            }
            Line::Shift { index, label } => {
                let Some(shift) = analysis.shifts.get(*index) else {
                    return;
                };
                let this = Selection::Shift(*index);
                let response = self.entry(ui, rect, this, label).on_hover_text(format!(
                    "{}\nClick to go to its row.",
                    shift.summary().replace(" ↔ ", "-")
                ));
                if response.clicked() {
                    self.selected = Some(this);
                    let places: Vec<(Side, Span)> = [
                        (Side::Left, shift.left_span),
                        (Side::Right, shift.right_span),
                    ]
                    .into_iter()
                    .filter(|(_, span)| !span.is_empty())
                    .collect();
                    commands.push(Command::View(ViewCommand::Highlight(places)));
                    if let Some(row) = shown.display.row_of(Side::Left, shift.left) {
                        commands.push(Command::View(ViewCommand::JumpToRow(row)));
                    }
                }
            }
            Line::Figure { index, label } => {
                let Some(figure) = analysis.figures_compared.figures.get(*index) else {
                    return;
                };
                let this = Selection::Figure(*index);
                let response = self
                    .entry(ui, name_rect, this, label)
                    .on_hover_text(format!(
                        "{}\nClick to highlight every place in both texts.",
                        figure.summary()
                    ));
                if response.clicked() {
                    self.selected = Some(this);
                    let left: Vec<Span> = figure.left.iter().map(|m| m.span).collect();
                    let right: Vec<Span> = figure.right.iter().map(|m| m.span).collect();
                    highlight(&shown.display, &left, &right, commands);
                }
                ui.put(left_rect, egui::Label::new(count_text(figure.left.len())));
                ui.put(right_rect, egui::Label::new(count_text(figure.right.len())));
            }
            Line::Difference { index, label } => {
                let Some(d) = analysis.figures_compared.differences.get(*index) else {
                    return;
                };
                let this = Selection::Difference(*index);
                let response = self.entry(ui, rect, this, label).on_hover_text(format!(
                    "{}\nClick to go to its row.",
                    d.summary().replace(" ↔ ", "-")
                ));
                if response.clicked() {
                    self.selected = Some(this);
                    highlight(&shown.display, &[d.left.span], &[d.right.span], commands);
                }
            }
        }
    }

    /// The brief at the top: what differs, a line each, clicking one goes to its first row.
    fn brief_ui(&mut self, ui: &mut egui::Ui, analysis: &Analysis, commands: &mut Vec<Command>) {
        egui::CollapsingHeader::new(RichText::new("Brief: what differs").strong())
            .id_salt("parallax-insights-brief")
            .default_open(true)
            .show(ui, |ui| {
                egui::ScrollArea::vertical()
                    .id_salt("parallax-insights-brief-lines")
                    .max_height(240.0)
                    .auto_shrink([false, true])
                    .show(ui, |ui| {
                        for (index, line) in analysis.brief.iter().enumerate() {
                            let this = Selection::Brief(index);
                            let text = format!("- {}", line.plain());
                            let response = ui
                                .add(
                                    egui::Button::selectable(self.selected == Some(this), text)
                                        .wrap_mode(TextWrapMode::Wrap),
                                )
                                .on_hover_text(match line.rows.first() {
                                    Some(row) => format!("Click to go to row {}.", row + 1),
                                    None => "Nothing to go to.".to_owned(),
                                });
                            if response.clicked()
                                && let Some(&row) = line.rows.first()
                            {
                                self.selected = Some(this);
                                commands.push(Command::View(ViewCommand::JumpToRow(row)));
                            }
                        }
                    });
            });
    }
}

/// "L6-R1 attribution: “both sides” / “We”", with the stronger side (no arrow: the default
/// fonts have none).
fn shift_label(shift: &crate::analysis::Shift) -> String {
    shift
        .summary()
        .replacen(" ↔ ", "-", 1)
        .replacen(" left ", " ", 1)
        .replacen(", right ", " / ", 1)
}

/// Whether `filter` (in lower case) starts a word of `text` ("dar" finds "Ishaq Dar", not
/// "Khuzdar").
fn matches_word_start(text: &str, filter: &str) -> bool {
    let text = text.to_lowercase();
    text.match_indices(filter).any(|(at, _)| {
        text[..at]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric())
    })
}

/// "Tehreek-i-Taliban Pakistan (TTP)", with the kind for titles, dates and numbers.
fn entity_label(entity: &Entity) -> String {
    let others = entity.other_forms();
    let mut text = entity.text.clone();
    if !others.is_empty() {
        text.push_str(&format!(" ({})", others.join(", ")));
    }
    text.push_str(&crate::display::entity_kind_tag(entity.kind));
    text
}

fn count_text(n: usize) -> String {
    if n == 0 {
        "-".to_owned()
    } else {
        n.to_string()
    }
}

/// Highlights every place on both sides and jumps to the row of the first (left first).
fn highlight(display: &DisplayModel, left: &[Span], right: &[Span], commands: &mut Vec<Command>) {
    let places: Vec<(Side, Span)> = left
        .iter()
        .map(|&s| (Side::Left, s))
        .chain(right.iter().map(|&s| (Side::Right, s)))
        .collect();
    let first = places.first().copied();
    commands.push(Command::View(ViewCommand::Highlight(places)));
    if let Some((side, span)) = first
        && let Some(row) = display.row_at(side, span.start)
    {
        commands.push(Command::View(ViewCommand::JumpToRow(row)));
    }
}

/// A tooltip naming the rows of a phrase's first place on each side, with the sentences.
fn places_tooltip(ui: &mut egui::Ui, shown: &Shown, left: &[Span], right: &[Span]) {
    let (comparison, documents) = (&shown.comparison, &shown.documents);
    ui.set_max_width(480.0);
    for (side, spans, document) in [
        (Side::Left, left, &documents.left),
        (Side::Right, right, &documents.right),
    ] {
        let Some(first) = spans.first() else { continue };
        let row = shown.display.row_at(side, first.start).map_or(0, |r| r + 1);
        let more = if spans.len() > 1 {
            format!(" and {} more", spans.len() - 1)
        } else {
            String::new()
        };
        ui.strong(format!(
            "{} ({}), row {row}{more}:",
            side.name(),
            document.name
        ));
        let sentences = match side {
            Side::Left => &comparison.left_sentences,
            Side::Right => &comparison.right_sentences,
        };
        let at = sentences.partition_point(|s| s.span.end <= first.start);
        if let Some(sentence) = sentences.get(at)
            && let Some(text) = document.text.get(sentence.content.range())
        {
            ui.label(text.split_whitespace().collect::<Vec<_>>().join(" "));
        }
    }
    ui.weak("Click to highlight every place in both texts.");
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
    let (Some(analysis), Some(shown)) = (session.analysis(), session.shown()) else {
        ui.spinner();
        return;
    };
    commands.extend(panel.ui(ui, analysis, shown));
}
