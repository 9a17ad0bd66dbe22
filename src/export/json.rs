//! The stable JSON format (`"format": "parallax-comparison"`, `"version": 2`), documented in
//! the README. Version 2 added the top-level `links` and the row kind `related`; otherwise
//! fields are only ever added (the provenance of each side, `generated` and `notes` came later
//! within version 2).

use serde::Serialize;

use crate::analysis::{
    Actor, Analysis, Attribution, BriefLine, Entity, FiguresCompared, Issuer, Phrase, Shift,
    StrengthDifference,
};
use crate::engine::{Link, Options, Row, Sentence, Stats};
use crate::load::Document;

use super::Report;

/// Format name written into every file.
pub const FORMAT: &str = "parallax-comparison";
/// Format version.
pub const VERSION: u32 = 2;

#[derive(Serialize)]
struct Output<'a> {
    format: &'static str,
    version: u32,
    parallax_version: &'static str,
    /// When the comparison was made (RFC 3339, UTC).
    generated: String,
    options: &'a Options,
    left: SideOut<'a>,
    right: SideOut<'a>,
    rows: &'a [Row],
    links: &'a [Link],
    /// Sentence pairs the analyst rejected as links.
    rejected: Vec<RejectedOut>,
    stats: &'a Stats,
    entities: &'a [Entity],
    /// Numbers, amounts and percentages, never among `entities`.
    figures: &'a [Entity],
    phrases: &'a [Phrase],
    strength: &'a [StrengthDifference],
    /// Stance shifts on the links (empty when the analysis was skipped).
    shifts: &'a [Shift],
    /// Figures normalised and compared (empty when the analysis was skipped).
    figures_compared: &'a FiguresCompared,
    /// A few plain lines on what differs, each with its rows (empty when the analysis was
    /// skipped).
    brief: &'a [BriefLine],
    /// Whether `entities`, `phrases` and `strength` were computed (false: skipped, empty).
    analysed: bool,
    notes: Vec<NoteOut<'a>>,
}

#[derive(Serialize)]
struct RejectedOut {
    left: usize,
    right: usize,
}

#[derive(Serialize)]
struct NoteOut<'a> {
    row: usize,
    note: &'a str,
}

/// A document as every JSON output writes it: its provenance, its text and its sentences.
#[derive(Serialize)]
pub(crate) struct SideOut<'a> {
    name: &'a str,
    path: Option<String>,
    format: &'a str,
    encoding: String,
    /// Bytes of the file (of the text's UTF-8 for a document not read from a file).
    size: u64,
    sha256: &'a str,
    text: &'a str,
    /// Who issued the document (only when the analysis ran).
    #[serde(skip_serializing_if = "Option::is_none")]
    issuer: Option<&'a Issuer>,
    sentences: Vec<SentenceOut>,
}

#[derive(Serialize)]
pub(crate) struct SentenceOut {
    start: usize,
    end: usize,
    /// To whom the sentence credits what it reports (only when the analysis ran).
    #[serde(skip_serializing_if = "Option::is_none")]
    actor: Option<Actor>,
}

/// `doc` with its `sentences`, for JSON.
pub(crate) fn side<'a>(doc: &'a Document, sentences: &[Sentence]) -> SideOut<'a> {
    SideOut {
        name: &doc.name,
        path: doc.path.as_ref().map(|p| p.display().to_string()),
        format: doc.format.as_str(),
        encoding: doc.encoding.to_string(),
        size: Report::size_of(doc),
        sha256: &doc.sha256,
        text: &doc.text,
        issuer: None,
        sentences: sentences
            .iter()
            .map(|s| SentenceOut {
                start: s.span.start,
                end: s.span.end,
                actor: None,
            })
            .collect(),
    }
}

/// `doc` with its `sentences`, each credited to its actor, and its issuer.
pub(crate) fn attributed_side<'a>(
    doc: &'a Document,
    sentences: &[Sentence],
    attribution: Option<&'a Attribution>,
) -> SideOut<'a> {
    let mut out = side(doc, sentences);
    if let Some(attribution) = attribution {
        out.issuer = Some(&attribution.issuer);
        for (sentence, actor) in out.sentences.iter_mut().zip(&attribution.actors) {
            sentence.actor = Some(*actor);
        }
    }
    out
}

/// Writes `report` as pretty JSON: both documents with their provenance, the rows, links and
/// stats, the analysis (empty lists when it was not computed) and the notes.
pub fn write(out: &mut dyn std::io::Write, report: &Report<'_>) -> std::io::Result<()> {
    let comparison = report.comparison;
    let empty = Analysis::default();
    let analysis = report.analysis.unwrap_or(&empty);
    let output = Output {
        format: FORMAT,
        version: VERSION,
        parallax_version: env!("CARGO_PKG_VERSION"),
        generated: report.generated_rfc3339(),
        options: &comparison.options,
        left: attributed_side(
            report.left,
            &comparison.left_sentences,
            report.analysis.map(|a| &a.attribution[0]),
        ),
        right: attributed_side(
            report.right,
            &comparison.right_sentences,
            report.analysis.map(|a| &a.attribution[1]),
        ),
        rows: &comparison.rows,
        links: &comparison.links,
        rejected: comparison
            .rejected
            .iter()
            .map(|&(left, right)| RejectedOut { left, right })
            .collect(),
        stats: &comparison.stats,
        entities: &analysis.entities,
        figures: &analysis.figures,
        phrases: &analysis.phrases,
        strength: &analysis.strength,
        shifts: &analysis.shifts,
        figures_compared: &analysis.figures_compared,
        brief: &analysis.brief,
        analysed: report.analysis.is_some(),
        notes: report
            .notes
            .iter()
            .map(|(row, note)| NoteOut { row: *row, note })
            .collect(),
    };
    serde_json::to_writer_pretty(&mut *out, &output).map_err(std::io::Error::other)?;
    writeln!(out)
}
