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
    write_pretty(out, &output)?;
    writeln!(out)
}

/// Writes `value` as serde_json's pretty printer does (two spaces a level), byte for byte, but
/// faster: through a buffer the serializer writes to without a virtual call per piece, and
/// each line break with its indentation in one piece ([`Indented`]) rather than one per level.
/// On the 1 MiB pair, the pretty printer's many small writes through `dyn Write` were a tenth
/// of the run.
pub(crate) fn write_pretty<T: Serialize + ?Sized>(
    out: &mut dyn std::io::Write,
    value: &T,
) -> std::io::Result<()> {
    let mut buffered = std::io::BufWriter::with_capacity(1 << 16, out);
    let mut serializer = serde_json::Serializer::with_formatter(&mut buffered, Indented::default());
    value
        .serialize(&mut serializer)
        .map_err(std::io::Error::other)?;
    std::io::Write::flush(&mut buffered)
}

/// `serde_json::ser::PrettyFormatter` with its default indent (two spaces), writing a line
/// break and its indentation as one slice.
#[derive(Default)]
struct Indented {
    depth: usize,
    has_value: bool,
}

/// A comma, a line break and the indentation of 63 levels, to write from in one piece.
const LINE: [u8; 128] = {
    let mut line = [b' '; 128];
    line[0] = b',';
    line[1] = b'\n';
    line
};

impl Indented {
    /// `,` when not `first`, a line break, and the indentation of the current depth.
    fn line<W: ?Sized + std::io::Write>(&self, writer: &mut W, first: bool) -> std::io::Result<()> {
        let from = usize::from(first);
        match LINE.get(from..2 + 2 * self.depth) {
            Some(piece) => writer.write_all(piece),
            None => {
                writer.write_all(&LINE[from..2])?;
                (0..self.depth).try_for_each(|_| writer.write_all(b"  "))
            }
        }
    }

    /// A line break and the indentation of the current depth.
    fn newline<W: ?Sized + std::io::Write>(&self, writer: &mut W) -> std::io::Result<()> {
        self.line(writer, true)
    }
}

impl serde_json::ser::Formatter for Indented {
    fn begin_array<W: ?Sized + std::io::Write>(&mut self, writer: &mut W) -> std::io::Result<()> {
        self.depth += 1;
        self.has_value = false;
        writer.write_all(b"[")
    }

    fn end_array<W: ?Sized + std::io::Write>(&mut self, writer: &mut W) -> std::io::Result<()> {
        self.depth -= 1;
        if self.has_value {
            self.newline(writer)?;
        }
        writer.write_all(b"]")
    }

    fn begin_array_value<W: ?Sized + std::io::Write>(
        &mut self,
        writer: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        self.line(writer, first)
    }

    fn end_array_value<W: ?Sized + std::io::Write>(
        &mut self,
        _writer: &mut W,
    ) -> std::io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    fn begin_object<W: ?Sized + std::io::Write>(&mut self, writer: &mut W) -> std::io::Result<()> {
        self.depth += 1;
        self.has_value = false;
        writer.write_all(b"{")
    }

    fn end_object<W: ?Sized + std::io::Write>(&mut self, writer: &mut W) -> std::io::Result<()> {
        self.depth -= 1;
        if self.has_value {
            self.newline(writer)?;
        }
        writer.write_all(b"}")
    }

    fn begin_object_key<W: ?Sized + std::io::Write>(
        &mut self,
        writer: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        self.line(writer, first)
    }

    fn begin_object_value<W: ?Sized + std::io::Write>(
        &mut self,
        writer: &mut W,
    ) -> std::io::Result<()> {
        writer.write_all(b": ")
    }

    fn end_object_value<W: ?Sized + std::io::Write>(
        &mut self,
        _writer: &mut W,
    ) -> std::io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}
