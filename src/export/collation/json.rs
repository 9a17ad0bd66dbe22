//! The stable JSON format of a collation (`"format": "parallax-collation"`, `"version": 1`),
//! documented in the README. Fields are only ever added.

use serde::Serialize;

use super::CollationReport;
use crate::analysis::{BriefTopic, CollationInsights, EntityKind};
use crate::engine::Options;
use crate::engine::collate::PointKind;
use crate::engine::segment::Span;

/// Format name written into every file.
pub const FORMAT: &str = "parallax-collation";
/// Format version.
pub const VERSION: u32 = 1;

#[derive(Serialize)]
struct Output<'a> {
    format: &'static str,
    version: u32,
    parallax_version: &'static str,
    options: &'a Options,
    pivot: usize,
    documents: Vec<crate::export::json::SideOut<'a>>,
    points: Vec<PointOut<'a>>,
    similarity: &'a [Vec<f32>],
    /// Absent when the insights were not computed.
    #[serde(skip_serializing_if = "Option::is_none")]
    insights: Option<InsightsOut<'a>>,
}

#[derive(Serialize)]
struct InsightsOut<'a> {
    brief: Vec<BriefOut<'a>>,
    entities: Vec<EntityOut<'a>>,
    phrases: Vec<PhraseOut<'a>>,
    strength: Vec<StrengthOut<'a>>,
}

/// A line of the brief; its points numbered by their place in `points`, ascending.
#[derive(Serialize)]
struct BriefOut<'a> {
    topic: BriefTopic,
    text: &'a str,
    points: Vec<usize>,
}

#[derive(Serialize)]
struct EntityOut<'a> {
    text: &'a str,
    kind: EntityKind,
    forms: &'a [String],
    counts: &'a [usize],
    spans: Vec<Vec<[usize; 2]>>,
}

#[derive(Serialize)]
struct PhraseOut<'a> {
    text: &'a str,
    words: usize,
    documents: &'a [usize],
    spans: Vec<Vec<[usize; 2]>>,
}

#[derive(Serialize)]
struct StrengthOut<'a> {
    point: usize,
    stronger: usize,
    weaker: usize,
    stronger_word: &'a str,
    weaker_word: &'a str,
    stronger_span: [usize; 2],
    weaker_span: [usize; 2],
    kind: &'a str,
}

/// `[[start, end], ...]` per document.
fn span_lists(lists: &[Vec<Span>]) -> Vec<Vec<[usize; 2]>> {
    lists
        .iter()
        .map(|list| list.iter().map(|s| [s.start, s.end]).collect())
        .collect()
}

/// The insights as written: findings' points numbered by their place in `points`.
fn insights_out<'a>(insights: &'a CollationInsights, positions: &[usize]) -> InsightsOut<'a> {
    InsightsOut {
        brief: insights
            .brief
            .iter()
            .map(|line| BriefOut {
                topic: line.topic,
                text: &line.text,
                points: line.positions(positions),
            })
            .collect(),
        entities: insights
            .entities
            .iter()
            .map(|e| EntityOut {
                text: &e.text,
                kind: e.kind,
                forms: &e.forms,
                counts: &e.counts,
                spans: span_lists(&e.spans),
            })
            .collect(),
        phrases: insights
            .phrases
            .iter()
            .map(|p| PhraseOut {
                text: &p.text,
                words: p.words,
                documents: &p.documents,
                spans: span_lists(&p.spans),
            })
            .collect(),
        strength: insights
            .strength
            .iter()
            .map(|f| StrengthOut {
                point: positions.get(f.point).copied().unwrap_or(f.point),
                stronger: f.stronger,
                weaker: f.weaker,
                stronger_word: &f.stronger_word,
                weaker_word: &f.weaker_word,
                stronger_span: [f.stronger_span.start, f.stronger_span.end],
                weaker_span: [f.weaker_span.start, f.weaker_span.end],
                kind: &f.kind,
            })
            .collect(),
    }
}

#[derive(Serialize)]
struct PointOut<'a> {
    sentences: &'a [Vec<usize>],
    kind: PointKind,
}

/// Writes the collation as pretty JSON.
pub fn write(out: &mut dyn std::io::Write, report: &CollationReport<'_>) -> std::io::Result<()> {
    let collation = report.collation;
    let documents = report
        .documents
        .iter()
        .enumerate()
        .map(|(i, document)| {
            let sentences = collation.sentences.get(i).map_or(&[][..], Vec::as_slice);
            let attribution = report
                .insights
                .and_then(|insights| insights.attribution.get(i));
            crate::export::json::attributed_side(document, sentences, attribution)
        })
        .collect();
    let points = report
        .order()
        .into_iter()
        .filter_map(|i| collation.points.get(i))
        .map(|p| PointOut {
            sentences: &p.sentences,
            kind: p.kind,
        })
        .collect();
    let output = Output {
        format: FORMAT,
        version: VERSION,
        parallax_version: env!("CARGO_PKG_VERSION"),
        options: &collation.options,
        pivot: report.pivot,
        documents,
        points,
        similarity: &collation.similarity,
        insights: report
            .insights
            .map(|insights| insights_out(insights, &report.positions())),
    };
    serde_json::to_writer_pretty(&mut *out, &output).map_err(std::io::Error::other)?;
    writeln!(out)
}
