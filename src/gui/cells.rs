//! How a cell looks: the colours of the two themes and the layout job of a cell's text (its
//! marked stretches from the display model, find matches on top). The two-column view and
//! the collation view draw their cells with these.

use egui::text::{LayoutJob, TextFormat};
use std::sync::Arc;

use egui::{Color32, FontId, Galley, Stroke};

pub use super::palette::Palette;

use crate::display::{Mark, cell_segments};
use crate::engine::{Comparison, Row, Span};

use super::Side;

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
