//! Renderings of a collation of three or more documents ([`crate::engine::collate()`]): terminal
//! text, the stable JSON format (`"format": "parallax-collation"`), a self-contained HTML
//! report and Markdown. One entry point, [`write()`], takes a [`Format`] and a
//! [`CollationReport`]. Points are written in the reading order of the report's pivot. Text,
//! HTML and Markdown render the collation's outline ([`super::outline::collation()`]) with the
//! two-text reports' writers; the JSON is written here.

mod json;

use std::io::Write;

use super::{ExportError, Format, Provenance};
use crate::analysis::CollationInsights;
use crate::engine::collate::{Collation, SentenceWords, Share};
use crate::load::Document;

pub use json::{FORMAT, VERSION};

/// Everything a collation report shows.
pub struct CollationReport<'a> {
    /// The documents, in the order given (the collation's document indexes); borrowed, so the
    /// window's export job writes the documents it shows without copying them.
    pub documents: &'a [&'a Document],
    /// Their collation.
    pub collation: &'a Collation,
    /// The document whose reading order the points follow (0: the first).
    pub pivot: usize,
    /// When it was made.
    pub provenance: Provenance,
    /// Insights across the documents (who names what, shared phrases, wording strength), when
    /// computed (`--analysis`); `None` leaves them out of every format.
    pub insights: Option<&'a CollationInsights>,
}

impl CollationReport<'_> {
    /// The points' indexes in the pivot's reading order.
    pub fn order(&self) -> Vec<usize> {
        self.collation.reading_order(self.pivot)
    }

    /// Per point (index in the collation's points), its place in [`Self::order`]: what the
    /// reports number it by (from 0; shown from 1).
    pub fn positions(&self) -> Vec<usize> {
        let order = self.order();
        let mut positions = vec![0; self.collation.points.len()];
        for (position, &point) in order.iter().enumerate() {
            if let Some(slot) = positions.get_mut(point) {
                *slot = position;
            }
        }
        positions
    }

    /// The documents' texts, in the order given.
    pub fn texts(&self) -> Vec<&str> {
        self.documents.iter().map(|d| d.text.as_str()).collect()
    }

    /// The time of the collation as RFC 3339 (UTC, seconds).
    pub fn generated_rfc3339(&self) -> String {
        humantime::format_rfc3339_seconds(self.provenance.generated).to_string()
    }

    /// Options in words, as every report writes them.
    pub fn options_text(&self) -> String {
        crate::display::options_text(&self.collation.options)
    }

    /// Counts for the summary: (points, in every document, in some, in one only).
    pub fn counts(&self) -> (usize, usize, usize, usize) {
        let n = self.documents.len();
        let points = &self.collation.points;
        let all = points.iter().filter(|p| p.documents() == n).count();
        let single = points.iter().filter(|p| p.documents() <= 1).count();
        (points.len(), all, points.len() - all - single, single)
    }
}

/// Writes `report` in `format` (the formats of every export); `colour` adds ANSI colours to
/// text.
pub fn write(
    out: &mut dyn Write,
    format: Format,
    report: &CollationReport<'_>,
    colour: bool,
) -> std::io::Result<()> {
    match format {
        Format::Text => super::text::write_outline(out, &super::outline::collation(report), colour),
        Format::Json => json::write(out, report),
        Format::Html => super::html::write_outline(out, &super::outline::collation(report)),
        Format::Markdown => super::markdown::write_outline(out, &super::outline::collation(report)),
    }
}

/// Writes `report` in `format` to the file `path`, never over one of the collated files.
pub fn write_file(
    path: &std::path::Path,
    format: Format,
    report: &CollationReport<'_>,
) -> Result<(), ExportError> {
    let inputs: Vec<&std::path::Path> = report
        .documents
        .iter()
        .filter_map(|d| d.path.as_deref())
        .collect();
    super::write_file_with(path, &inputs, |out| write(out, format, report, false))
}

/// The marked words of one document's cell of a point: (text stretch, share), as
/// [`crate::display::collation_cell`] gives them.
pub(crate) fn cell_words<'t>(
    text: &'t str,
    collation: &Collation,
    words: &[SentenceWords],
    point: usize,
    document: usize,
) -> Vec<(&'t str, Share)> {
    crate::display::collation_cell(collation, words, point, document)
        .into_iter()
        .filter_map(|(span, separator, share)| match span {
            Some(span) => text.get(span.range()).map(|piece| (piece, share)),
            None => Some((separator, share)),
        })
        .collect()
}
