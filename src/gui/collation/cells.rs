//! How a collation cell looks: the palette of both themes, the legend of the word marks, and
//! the layout job of a cell (each word marked by how many of the row's statements have it,
//! find matches on top).

use egui::text::{LayoutJob, TextFormat};
use egui::{FontId, RichText, Sense, Stroke, Ui, vec2};

use crate::engine::Span;
use crate::engine::collate::{SentenceWords, Share};

use crate::gui::collation::statements::CollationShown;
use crate::gui::palette::Palette;
use crate::gui::rows::empty_cell;

/// The legend of the word marks.
pub(super) fn legend_ui(ui: &mut Ui) {
    let palette = Palette::new(ui.visuals().dark_mode);
    ui.horizontal(|ui| {
        ui.label(RichText::new("Words:").weak());
        legend_sample(ui, " said by all with the point ", Share::All, &palette).on_hover_text(
            "Every statement that has the point says the word, hidden columns included \
             (a row names its hidden statements in the gutter)",
        );
        legend_sample(ui, " by some ", Share::Some, &palette);
        legend_sample(ui, " by this one only ", Share::Alone, &palette);
        let (rect, _) = ui.allocate_exact_size(vec2(40.0, 16.0), Sense::hover());
        empty_cell(ui.painter(), rect, palette.empty, ui.visuals().dark_mode);
        ui.label("the statement lacks the point");
        crate::gui::rows::credit_legend_ui(
            ui,
            (
                palette.kinds[1],
                palette.kinds[2],
                ui.visuals().weak_text_color(),
            ),
            "Who a sentence credits with what it reports, each statement read on its own: \
             both sides; the side that issued the statement, as its opening names it (own); \
             the other party (them)",
        );
    });
}

/// How a word said by `share` of a point's statements is drawn (the cells and the legend).
fn share_format(plain: &TextFormat, share: Share, palette: &Palette) -> TextFormat {
    let mut format = plain.clone();
    match share {
        Share::All => format.background = palette.all,
        Share::Some => format.underline = Stroke::new(1.5, palette.some),
        Share::Alone => {
            format.italics = true;
            format.background = palette.alone;
        }
        Share::Function => {}
    }
    format
}

/// A legend sample drawn as the cells draw a word of that share.
fn legend_sample(ui: &mut Ui, text: &str, share: Share, palette: &Palette) -> egui::Response {
    let font = egui::TextStyle::Body.resolve(ui.style());
    let plain = crate::gui::cells::cell_format(&font, palette.text);
    let job = LayoutJob::single_section(text.to_owned(), share_format(&plain, share, palette));
    ui.label(job)
}

/// The layout job of one cell: the point's sentences in `document`, each word marked by how
/// many of the point's statements have it.
#[allow(clippy::too_many_arguments)]
pub(super) fn cell_job(
    shown: &CollationShown,
    point: usize,
    document: usize,
    words: &[SentenceWords],
    width: f32,
    font: &FontId,
    palette: &Palette,
    found: &[(Span, bool)],
) -> LayoutJob {
    let mut job = LayoutJob::default();
    job.wrap.max_width = width;
    let Some(text) = shown.documents.get(document).map(|d| d.text.as_str()) else {
        return job;
    };
    let plain = crate::gui::cells::cell_format(font, palette.text);
    // A point one statement alone has is tinted as a whole; its words are not marked.
    let single = shown
        .collation
        .points
        .get(point)
        .is_none_or(|p| p.documents() < 2);
    for (span, separator, share) in
        crate::display::collation_cell(&shown.collation, words, point, document)
    {
        let Some(span) = span else {
            job.append(separator, 0.0, plain.clone());
            continue;
        };
        let format = if single {
            plain.clone()
        } else {
            share_format(&plain, share, palette)
        };
        append(&mut job, text, span.range(), &format, found, palette);
    }
    job
}

/// Appends `text[range]` with `format`, cut at find matches (the two-text cells' way).
fn append(
    job: &mut LayoutJob,
    text: &str,
    range: std::ops::Range<usize>,
    format: &TextFormat,
    found: &[(Span, bool)],
    palette: &Palette,
) {
    let colours = (palette.find, palette.find_current);
    crate::gui::cells::append_found(job, text, range, format, found, colours);
}
