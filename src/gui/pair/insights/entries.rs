//! One line of the panel's list, drawn: a heading, a remark, column titles, or an entry that
//! highlights its places (or goes to its row) when clicked, with its counts per side.

use egui::{Rect, RichText, TextWrapMode, pos2, vec2};

use crate::analysis::{Analysis, Entity, Presence, Stronger};
use crate::display::DisplayModel;
use crate::engine::segment::Span;
use crate::gui::Side;
use crate::gui::commands::{Command, ViewCommand};
use crate::gui::pair::session::Shown;
use crate::gui::rows::put_left;

use super::lines::Line;
use super::{COUNT_WIDTH, InsightsPanel, Selection};

/// An entry line: where its parts sit, which entry it is, its label and what is shown.
struct Entry<'a> {
    rects: LineRects,
    this: Selection,
    label: &'a str,
    shown: &'a Shown,
}

/// Where a line's parts sit: the whole line, the entry's name and its two count columns.
struct LineRects {
    whole: Rect,
    name: Rect,
    counts: crate::gui::Sides<Rect>,
}

impl LineRects {
    fn new(rect: Rect) -> Self {
        let counts_width = 2.0 * COUNT_WIDTH;
        let name = Rect::from_min_max(rect.min, pos2(rect.max.x - counts_width, rect.max.y));
        let left = Rect::from_min_size(
            pos2(rect.max.x - counts_width, rect.min.y),
            vec2(COUNT_WIDTH, rect.height()),
        );
        let right = Rect::from_min_size(
            pos2(rect.max.x - COUNT_WIDTH, rect.min.y),
            vec2(COUNT_WIDTH, rect.height()),
        );
        Self {
            whole: rect,
            name,
            counts: crate::gui::Sides::new(left, right),
        }
    }

    /// Puts each side's count in its column.
    fn counts_ui(
        &self,
        ui: &mut egui::Ui,
        left: impl Into<egui::WidgetText>,
        right: impl Into<egui::WidgetText>,
    ) {
        ui.put(self.counts.left, egui::Label::new(left));
        ui.put(self.counts.right, egui::Label::new(right));
    }
}

/// A label cut to one line.
fn one_line(text: RichText) -> egui::Label {
    egui::Label::new(text).wrap_mode(TextWrapMode::Truncate)
}

impl InsightsPanel {
    /// One line of the list, in `rect`.
    pub(super) fn line_ui<'l>(
        &mut self,
        ui: &mut egui::Ui,
        rect: Rect,
        line: &'l Line,
        analysis: &Analysis,
        shown: &'l Shown,
        commands: &mut Vec<Command>,
    ) {
        let rects = LineRects::new(rect);
        let at = |this: Selection, label: &'l str| Entry {
            rects: LineRects::new(rect),
            this,
            label,
            shown,
        };
        match line {
            Line::Heading(text) => {
                // Cut to the panel's width; egui shows a cut label whole on hover.
                put_left(ui, rect, one_line(RichText::new(text.as_str()).strong()));
            }
            Line::Remark(text) => {
                put_left(ui, rect, one_line(RichText::new(text.as_str()).weak()));
            }
            Line::Columns(first) => columns_ui(ui, &rects, first),
            Line::Entity {
                index,
                label,
                presence,
            } => {
                if let Some(entity) = analysis.entities.get(*index) {
                    let at = at(Selection::Entity(*index), label);
                    self.entity_ui(ui, &at, entity, *presence, commands);
                }
            }
            Line::Phrase { index, label } => {
                if let Some(phrase) = analysis.phrases.get(*index) {
                    let at = at(Selection::Phrase(*index), label);
                    self.phrase_ui(ui, &at, phrase, commands);
                }
            }
            Line::Strength { index, label } => {
                if let Some(d) = analysis.strength.get(*index) {
                    let at = at(Selection::Strength(*index), label);
                    self.strength_ui(ui, &at, d, commands);
                }
            }
            Line::Shift { index, label } => {
                if let Some(shift) = analysis.shifts.get(*index) {
                    let at = at(Selection::Shift(*index), label);
                    self.shift_ui(ui, &at, shift, commands);
                }
            }
            Line::Figure { index, label } => {
                if let Some(figure) = analysis.figures_compared.figures.get(*index) {
                    let at = at(Selection::Figure(*index), label);
                    self.figure_ui(ui, &at, figure, commands);
                }
            }
            Line::Difference { index, label } => {
                if let Some(d) = analysis.figures_compared.differences.get(*index) {
                    let at = at(Selection::Difference(*index), label);
                    self.difference_ui(ui, &at, d, commands);
                }
            }
        }
    }

    /// An entity: tinted when one side only names it; its forms on hover.
    fn entity_ui(
        &mut self,
        ui: &mut egui::Ui,
        at: &Entry<'_>,
        entity: &Entity,
        presence: Presence,
        commands: &mut Vec<Command>,
    ) {
        let &Entry {
            ref rects,
            this,
            label,
            shown,
        } = at;
        // One-sided names are tinted as one-sided rows are in the comparison.
        let palette = crate::gui::pair::view::Palette::new(ui.visuals().dark_mode);
        let tint = match presence {
            Presence::LeftOnly => Some(palette.left_only),
            Presence::RightOnly => Some(palette.right_only),
            Presence::Both => None,
        };
        if let Some(tint) = tint {
            ui.painter().rect_filled(rects.whole, 2.0, tint);
        }
        let response = self.entry(ui, rects.name, this, label).on_hover_ui(|ui| {
            ui.set_max_width(420.0);
            ui.label(label);
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
        rects.counts_ui(ui, count_text(entity.left), count_text(entity.right));
    }

    /// A shared phrase: where it first is on each side on hover.
    fn phrase_ui(
        &mut self,
        ui: &mut egui::Ui,
        at: &Entry<'_>,
        phrase: &crate::analysis::Phrase,
        commands: &mut Vec<Command>,
    ) {
        let &Entry {
            ref rects,
            this,
            label,
            shown,
            ..
        } = at;
        let response = self.entry(ui, rects.name, this, label).on_hover_ui(|ui| {
            ui.set_max_width(480.0);
            ui.label(format!("{label} ({} words)", phrase.words));
            places_tooltip(ui, shown, &phrase.left, &phrase.right);
        });
        if response.clicked() {
            self.selected = Some(this);
            highlight(&shown.display, &phrase.left, &phrase.right, commands);
        }
        rects.counts_ui(
            ui,
            phrase.left.len().to_string(),
            phrase.right.len().to_string(),
        );
    }

    /// A wording-strength difference: goes to its row.
    fn strength_ui(
        &mut self,
        ui: &mut egui::Ui,
        at: &Entry<'_>,
        d: &crate::analysis::StrengthDifference,
        commands: &mut Vec<Command>,
    ) {
        let &Entry {
            ref rects,
            this,
            label,
            ..
        } = at;
        let stronger = match d.stronger {
            Stronger::Left => "the left side",
            Stronger::Right => "the right side",
        };
        let response = self
            .entry(ui, rects.whole, this, label)
            .on_hover_text(format!(
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

    /// A stance shift: highlights its places and goes to its row.
    fn shift_ui(
        &mut self,
        ui: &mut egui::Ui,
        at: &Entry<'_>,
        shift: &crate::analysis::Shift,
        commands: &mut Vec<Command>,
    ) {
        let &Entry {
            ref rects,
            this,
            label,
            shown,
            ..
        } = at;
        let response = self
            .entry(ui, rects.whole, this, label)
            .on_hover_text(format!(
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

    /// A figure: highlights every place it is in.
    fn figure_ui(
        &mut self,
        ui: &mut egui::Ui,
        at: &Entry<'_>,
        figure: &crate::analysis::Figure,
        commands: &mut Vec<Command>,
    ) {
        let &Entry {
            ref rects,
            this,
            label,
            shown,
            ..
        } = at;
        let response = self
            .entry(ui, rects.name, this, label)
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
        rects.counts_ui(
            ui,
            count_text(figure.left.len()),
            count_text(figure.right.len()),
        );
    }

    /// Figures that differ on a link: highlights both and goes to the row.
    fn difference_ui(
        &mut self,
        ui: &mut egui::Ui,
        at: &Entry<'_>,
        d: &crate::analysis::FigureDifference,
        commands: &mut Vec<Command>,
    ) {
        let &Entry {
            ref rects,
            this,
            label,
            shown,
            ..
        } = at;
        let response = self
            .entry(ui, rects.whole, this, label)
            .on_hover_text(format!(
                "{}\nClick to go to its row.",
                d.summary().replace(" ↔ ", "-")
            ));
        if response.clicked() {
            self.selected = Some(this);
            highlight(&shown.display, &[d.left.span], &[d.right.span], commands);
        }
    }
}

/// The column titles of a table: the first column's, then "Left" and "Right".
fn columns_ui(ui: &mut egui::Ui, rects: &LineRects, first: &str) {
    put_left(
        ui,
        rects.name.shrink2(vec2(4.0, 0.0)),
        one_line(RichText::new(first).strong()),
    );
    rects.counts_ui(
        ui,
        RichText::new("Left").strong(),
        RichText::new("Right").strong(),
    );
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
