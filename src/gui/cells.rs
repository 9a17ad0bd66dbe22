//! How a cell looks: the colours of the two themes and the layout job of a cell's text (its
//! marked stretches from the display model, find matches on top). The two-column view and
//! the collation view draw their cells with these.

use egui::text::{LayoutJob, TextFormat};
use std::sync::Arc;

use egui::{Color32, FontId, Galley, Stroke};

use crate::display::{Mark, cell_segments};
use crate::engine::{Comparison, Row, Span};

use super::Side;

/// Colours of the view, for the light or the dark theme.
#[derive(Clone, Copy)]
pub struct Palette {
    /// Background of deleted words (left).
    pub deleted: Color32,
    /// Background of inserted words (right).
    pub inserted: Color32,
    /// Tint of a left-only cell.
    pub left_only: Color32,
    /// Tint of a right-only cell.
    pub right_only: Color32,
    /// Strike/underline colour of deleted words.
    pub deleted_line: Color32,
    /// Underline colour of inserted words.
    pub inserted_line: Color32,
    /// Marker of moved rows.
    pub moved: Color32,
    /// Background of equivalent wording (same thing, different words).
    pub equivalent: Color32,
    /// Background of find matches.
    pub find: Color32,
    /// Background of the current find match.
    pub find_current: Color32,
    /// Outline of the selected row.
    pub selected: Color32,
    /// Text colour.
    pub text: Color32,
    /// Secondary text (gutter).
    pub weak: Color32,
    /// Empty counterpart cell.
    pub empty: Color32,
    /// Tint of a related pair's cells (same topic, different statements).
    pub related: Color32,
    /// Background of a term a related pair shares.
    pub shared: Color32,
    /// Underline of a term a related pair shares, and the gutter's "related" label.
    pub shared_line: Color32,
    /// Tint of a paraphrase's cells (the same statement in mostly other words).
    pub paraphrase: Color32,
    /// The gutter's "paraphrase" label and the legend's.
    pub paraphrase_line: Color32,
}

impl Palette {
    /// The palette for dark or light visuals.
    pub fn new(dark: bool) -> Self {
        if dark {
            Self {
                deleted: Color32::from_rgb(110, 38, 38),
                inserted: Color32::from_rgb(28, 84, 48),
                left_only: Color32::from_rgb(62, 30, 32),
                right_only: Color32::from_rgb(24, 52, 34),
                deleted_line: Color32::from_rgb(255, 150, 150),
                inserted_line: Color32::from_rgb(140, 230, 160),
                moved: Color32::from_rgb(140, 170, 255),
                equivalent: Color32::from_rgb(40, 60, 110),
                find: Color32::from_rgb(120, 100, 20),
                find_current: Color32::from_rgb(200, 140, 0),
                selected: Color32::from_rgb(120, 160, 255),
                text: Color32::from_gray(225),
                weak: Color32::from_gray(150),
                empty: Color32::from_gray(38),
                related: Color32::from_rgb(48, 42, 28),
                shared: Color32::from_rgb(96, 72, 20),
                shared_line: Color32::from_rgb(240, 190, 90),
                paraphrase: Color32::from_rgb(44, 36, 62),
                paraphrase_line: Color32::from_rgb(200, 165, 255),
            }
        } else {
            Self {
                deleted: Color32::from_rgb(255, 205, 205),
                inserted: Color32::from_rgb(190, 240, 200),
                left_only: Color32::from_rgb(255, 236, 236),
                right_only: Color32::from_rgb(230, 248, 234),
                deleted_line: Color32::from_rgb(170, 20, 20),
                inserted_line: Color32::from_rgb(20, 120, 50),
                moved: Color32::from_rgb(40, 80, 200),
                equivalent: Color32::from_rgb(214, 226, 255),
                find: Color32::from_rgb(255, 240, 140),
                find_current: Color32::from_rgb(255, 180, 40),
                selected: Color32::from_rgb(40, 90, 220),
                text: Color32::from_gray(20),
                weak: Color32::from_gray(95),
                empty: Color32::from_gray(244),
                related: Color32::from_rgb(251, 246, 234),
                shared: Color32::from_rgb(255, 232, 180),
                shared_line: Color32::from_rgb(150, 95, 0),
                paraphrase: Color32::from_rgb(244, 238, 252),
                paraphrase_line: Color32::from_rgb(115, 55, 170),
            }
        }
    }
}

/// Builds the layout job of one cell: word highlights from the row's ops, find matches on top.
#[allow(clippy::too_many_arguments)]
pub fn cell_job(
    text: &str,
    comparison: &Comparison,
    row: &Row,
    side: Side,
    palette: &Palette,
    font: &FontId,
    wrap_width: f32,
    find: &[(Span, bool)],
) -> LayoutJob {
    let marks = cell_segments(text, comparison, row, side);
    let mut job = LayoutJob::default();
    job.wrap.max_width = wrap_width;
    for (span, mark) in marks {
        let mut format = cell_format(font, palette.text);
        match mark {
            Mark::Plain => {}
            Mark::Deleted => {
                format.background = palette.deleted;
                format.strikethrough = Stroke::new(1.0, palette.deleted_line);
            }
            Mark::Inserted => {
                format.background = palette.inserted;
                format.underline = Stroke::new(1.5, palette.inserted_line);
            }
            Mark::Equivalent => {
                format.background = palette.equivalent;
                format.italics = true;
            }
            Mark::Shared => {
                format.background = palette.shared;
                format.underline = Stroke::new(1.5, palette.shared_line);
            }
        }
        let find_colours = (palette.find, palette.find_current);
        append_found(&mut job, text, span.range(), &format, find, find_colours);
    }
    job
}

/// The plain format of a cell's text.
pub fn cell_format(font: &FontId, colour: Color32) -> TextFormat {
    TextFormat::simple(font.clone(), colour)
}

/// A cell laid out: its text, and its words' underlines as a layer of their own.
///
/// egui draws a word's underline at the bottom of its line, and the next line's backgrounds
/// after it: wherever the next line was marked too, its background covered the underline, so
/// a run of inserted words kept its underline on its last line only (and the legend promises
/// inserted words readable without colour). The underlines are therefore laid out apart (the
/// same text and wrapping, nothing else visible) and painted over the text and every
/// background.
#[derive(Clone)]
pub struct CellGalley {
    /// The text with its colours and backgrounds, without underlines.
    pub text: Arc<Galley>,
    /// The underlines alone, when any word is underlined.
    pub underlines: Option<Arc<Galley>>,
}

impl CellGalley {
    /// Lays out a cell's `job`, its underlines apart.
    pub fn lay_out(ui: &egui::Ui, job: LayoutJob) -> Self {
        let mut underlines = job.clone();
        let underlined = underlines
            .sections
            .iter()
            .any(|section| !section.format.underline.is_empty());
        for section in &mut underlines.sections {
            section.format.color = Color32::TRANSPARENT;
            section.format.background = Color32::TRANSPARENT;
            section.format.strikethrough = Stroke::NONE;
        }
        let mut text = job;
        for section in &mut text.sections {
            section.format.underline = Stroke::NONE;
        }
        Self {
            text: ui.fonts_mut(|f| f.layout_job(text)),
            underlines: underlined.then(|| ui.fonts_mut(|f| f.layout_job(underlines))),
        }
    }

    /// The cell's size.
    pub fn size(&self) -> egui::Vec2 {
        self.text.size()
    }

    /// Puts the text (selectable) at the top left of `rect`, its underlines over it.
    pub fn put(&self, ui: &mut egui::Ui, rect: egui::Rect) -> egui::Response {
        let response = ui.put(rect, egui::Label::new(self.text.clone()).selectable(true));
        if let Some(underlines) = &self.underlines {
            ui.painter()
                .galley(response.rect.min, underlines.clone(), Color32::TRANSPARENT);
        }
        response
    }
}

/// Appends `text[range]` in `format`, cut at find matches, which get the find background
/// (`colours`: of a match, of the current one). Shared by the two-text and collation cells.
pub fn append_found(
    job: &mut LayoutJob,
    text: &str,
    range: std::ops::Range<usize>,
    format: &TextFormat,
    found: &[(Span, bool)],
    colours: (Color32, Color32),
) {
    let mut at = range.start;
    while at < range.end {
        let hit = found.iter().find(|(m, _)| m.start <= at && at < m.end);
        let next = match hit {
            Some((m, _)) => m.end.min(range.end),
            None => found
                .iter()
                .filter(|(m, _)| m.start > at)
                .map(|(m, _)| m.start)
                .min()
                .unwrap_or(range.end)
                .min(range.end),
        };
        let mut piece = format.clone();
        if let Some((_, current)) = hit {
            piece.background = if *current { colours.1 } else { colours.0 };
        }
        job.append(&display(text.get(at..next).unwrap_or_default()), 0.0, piece);
        at = next.max(at + 1);
    }
}

/// Text as shown in a cell: line breaks inside a sentence (hard wrapping) become spaces, so the
/// text wraps to the column instead of to the file's old line width.
fn display(text: &str) -> String {
    text.replace(['\r', '\n'], " ")
}
