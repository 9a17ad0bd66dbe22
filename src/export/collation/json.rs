//! The stable JSON format of a collation (`"format": "parallax-collation"`, `"version": 1`),
//! documented in the README. Fields are only ever added.

use serde::Serialize;

use super::CollationReport;
use crate::engine::Options;
use crate::engine::collate::PointKind;
use crate::export::Report;

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
    documents: Vec<DocumentOut<'a>>,
    points: Vec<PointOut<'a>>,
    similarity: &'a [Vec<f32>],
}

#[derive(Serialize)]
struct DocumentOut<'a> {
    name: &'a str,
    path: Option<String>,
    format: &'a str,
    encoding: &'a str,
    size: u64,
    sha256: &'a str,
    text: &'a str,
    sentences: Vec<SentenceOut>,
}

#[derive(Serialize)]
struct SentenceOut {
    start: usize,
    end: usize,
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
        .map(|(i, document)| DocumentOut {
            name: &document.name,
            path: document.path.as_ref().map(|p| p.display().to_string()),
            format: &document.format,
            encoding: &document.encoding,
            size: Report::size_of(document),
            sha256: &document.sha256,
            text: &document.text,
            sentences: collation
                .sentences
                .get(i)
                .map_or(&[][..], Vec::as_slice)
                .iter()
                .map(|s| SentenceOut {
                    start: s.span.start,
                    end: s.span.end,
                })
                .collect(),
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
    };
    serde_json::to_writer_pretty(&mut *out, &output).map_err(std::io::Error::other)?;
    writeln!(out)
}
