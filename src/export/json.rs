//! The stable JSON format (`"format": "parallax-comparison"`, `"version": 2`), documented in
//! the README. Version 2 added the top-level `links` and the row kind `related`; otherwise
//! fields are only ever added.

use serde::Serialize;

use crate::analysis::{Analysis, Entity, Phrase, StrengthDifference, analyse_builtin};
use crate::engine::{Comparison, Link, Options, Row, Sentence, Stats};
use crate::load::Document;

/// Format name written into every file.
pub const FORMAT: &str = "parallax-comparison";
/// Format version.
pub const VERSION: u32 = 2;

#[derive(Serialize)]
struct Output<'a> {
    format: &'static str,
    version: u32,
    parallax_version: &'static str,
    options: &'a Options,
    left: SideOut<'a>,
    right: SideOut<'a>,
    rows: &'a [Row],
    links: &'a [Link],
    stats: &'a Stats,
    entities: &'a [Entity],
    phrases: &'a [Phrase],
    strength: &'a [StrengthDifference],
}

#[derive(Serialize)]
struct SideOut<'a> {
    name: &'a str,
    path: Option<String>,
    format: &'a str,
    encoding: &'a str,
    text: &'a str,
    sentences: Vec<SentenceOut>,
}

#[derive(Serialize)]
struct SentenceOut {
    start: usize,
    end: usize,
}

fn side<'a>(doc: &'a Document, sentences: &[Sentence]) -> SideOut<'a> {
    SideOut {
        name: &doc.name,
        path: doc.path.as_ref().map(|p| p.display().to_string()),
        format: &doc.format,
        encoding: &doc.encoding,
        text: &doc.text,
        sentences: sentences
            .iter()
            .map(|s| SentenceOut {
                start: s.span.start,
                end: s.span.end,
            })
            .collect(),
    }
}

/// Writes the comparison of `left` and `right` as pretty JSON, with its analysis made with
/// the built-in equivalences and strength lexicon.
pub fn write(
    out: &mut dyn std::io::Write,
    left: &Document,
    right: &Document,
    comparison: &Comparison,
) -> std::io::Result<()> {
    let analysis = analyse_builtin(&left.text, &right.text, comparison);
    write_with(out, left, right, comparison, &analysis)
}

/// Writes the comparison of `left` and `right` and its `analysis` as pretty JSON.
pub fn write_with(
    out: &mut dyn std::io::Write,
    left: &Document,
    right: &Document,
    comparison: &Comparison,
    analysis: &Analysis,
) -> std::io::Result<()> {
    let output = Output {
        format: FORMAT,
        version: VERSION,
        parallax_version: env!("CARGO_PKG_VERSION"),
        options: &comparison.options,
        left: side(left, &comparison.left_sentences),
        right: side(right, &comparison.right_sentences),
        rows: &comparison.rows,
        links: &comparison.links,
        stats: &comparison.stats,
        entities: &analysis.entities,
        phrases: &analysis.phrases,
        strength: &analysis.strength,
    };
    serde_json::to_writer_pretty(&mut *out, &output).map_err(std::io::Error::other)?;
    writeln!(out)
}
