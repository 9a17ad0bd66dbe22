//! The stable JSON format (`"format": "parallax-comparison"`, `"version": 2`), documented in
//! the README. Version 2 added the top-level `links` and the row kind `related`; otherwise
//! fields are only ever added (the provenance of each side, `generated` and `notes` came later
//! within version 2).

use serde::Serialize;

mod string;

use crate::analysis::{Actor, Analysis, Attribution, Issuer};
use crate::engine::{Comparison, Sentence};
use crate::load::Document;

use super::Report;

/// Format name written into every file.
pub const FORMAT: &str = "parallax-comparison";
/// Format version.
pub const VERSION: u32 = 2;

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
    write_ahead(out, report, None)
}

/// The parts of a comparison's JSON that need nothing of its insights (the two texts, the
/// rows, the links: most of the file), written ahead of the rest: the CLI writes them while
/// the insights are being finished, and [`write_ahead`] copies them in.
pub struct Ahead {
    texts: [Vec<u8>; 2],
    rows: Vec<u8>,
    links: Vec<u8>,
}

impl Ahead {
    /// The texts of `left` and `right` and the rows and links of `comparison`, as [`write`]
    /// writes them.
    pub fn new(left: &Document, right: &Document, comparison: &Comparison) -> Self {
        // Writing to memory fails only for a value serde cannot write, which these are not;
        // an empty part would make the file invalid JSON, not a wrong one.
        let string = |text: &str| {
            let mut out = Vec::with_capacity(text.len() + 2);
            let _ = string::write(&mut out, text);
            out
        };
        let member = |value: &dyn Fn(&mut Vec<u8>) -> std::io::Result<()>| {
            let mut out = Vec::new();
            let _ = value(&mut out);
            out
        };
        Self {
            texts: [string(&left.text), string(&right.text)],
            rows: member(&|out| comparison.rows.write_at(out, 1)),
            links: member(&|out| comparison.links.write_at(out, 1)),
        }
    }
}

/// [`write`], copying in the parts written `ahead` (of this report's documents and
/// comparison) instead of writing them again. Written as serde_json's pretty printer writes
/// (two spaces a level), byte for byte, but faster: through a buffer the serializer writes to
/// without a virtual call per piece, and each line break with its indentation in one piece
/// ([`Indented`]) rather than one per level. On the 1 MiB pair, the pretty printer's many
/// small writes through `dyn Write` were a tenth of the run.
pub fn write_ahead(
    out: &mut dyn std::io::Write,
    report: &Report<'_>,
    ahead: Option<&Ahead>,
) -> std::io::Result<()> {
    let mut buffered = std::io::BufWriter::with_capacity(1 << 16, out);
    write_members(&mut buffered, report, ahead)?;
    std::io::Write::write_all(&mut buffered, b"\n")?;
    std::io::Write::flush(&mut buffered)
}

/// The report's object, member by member, in the format's order.
fn write_members<W: std::io::Write>(
    out: &mut W,
    report: &Report<'_>,
    ahead: Option<&Ahead>,
) -> std::io::Result<()> {
    let comparison = report.comparison;
    let empty = Analysis::default();
    let analysis = report.analysis.unwrap_or(&empty);
    let mut top = Object::open(out, 0)?;
    top.member("format", FORMAT)?;
    top.member("version", &VERSION)?;
    top.member("parallax_version", env!("CARGO_PKG_VERSION"))?;
    // When the comparison was made (RFC 3339, UTC).
    top.member("generated", &report.generated_rfc3339())?;
    top.member("options", &comparison.options)?;
    let sides = [
        (report.left, &comparison.left_sentences),
        (report.right, &comparison.right_sentences),
    ];
    for (index, (key, (doc, sentences))) in ["left", "right"].into_iter().zip(sides).enumerate() {
        let attribution = report.analysis.map(|a| &a.attribution[index]);
        let side = attributed_side(doc, sentences, attribution);
        top.key(key)?;
        side.write_at(top.out, 1, ahead.map(|a| a.texts[index].as_slice()))?;
    }
    match ahead {
        Some(ahead) => {
            top.raw("rows", &ahead.rows)?;
            top.raw("links", &ahead.links)?;
        }
        None => {
            top.member("rows", &comparison.rows)?;
            top.member("links", &comparison.links)?;
        }
    }
    // Sentence pairs the analyst rejected as links.
    let rejected: Vec<RejectedOut> = comparison
        .rejected
        .iter()
        .map(|&(left, right)| RejectedOut { left, right })
        .collect();
    top.member("rejected", &rejected)?;
    top.member("stats", &comparison.stats)?;
    top.member("entities", &analysis.entities)?;
    // Numbers, amounts and percentages, never among `entities`.
    top.member("figures", &analysis.figures)?;
    top.member("phrases", &analysis.phrases)?;
    top.member("strength", &analysis.strength)?;
    // Stance shifts on the links (empty when the analysis was skipped).
    top.member("shifts", &analysis.shifts)?;
    // Figures normalised and compared (empty when the analysis was skipped).
    top.member("figures_compared", &analysis.figures_compared)?;
    // A few plain lines on what differs, each with its rows (empty when the analysis was
    // skipped).
    top.member("brief", &analysis.brief)?;
    // Whether `entities`, `phrases` and `strength` were computed (false: skipped, empty).
    top.member("analysed", &report.analysis.is_some())?;
    let notes: Vec<NoteOut<'_>> = report
        .notes
        .iter()
        .map(|(row, note)| NoteOut { row: *row, note })
        .collect();
    top.member("notes", &notes)?;
    top.close()
}

impl SideOut<'_> {
    /// This side as an object `depth` levels in, as its `Serialize` writes it, with its text
    /// written ahead (`text`, a JSON string) if given.
    fn write_at<W: std::io::Write>(
        &self,
        out: &mut W,
        depth: usize,
        text: Option<&[u8]>,
    ) -> std::io::Result<()> {
        let mut side = Object::open(out, depth)?;
        side.member("name", self.name)?;
        side.member("path", &self.path)?;
        side.member("format", self.format)?;
        side.member("encoding", &self.encoding)?;
        side.member("size", &self.size)?;
        side.member("sha256", self.sha256)?;
        match text {
            Some(text) => side.raw("text", text)?,
            None => {
                side.key("text")?;
                string::write(side.out, self.text)?;
            }
        }
        if let Some(issuer) = self.issuer {
            side.member("issuer", issuer)?;
        }
        side.member("sentences", &self.sentences)?;
        side.close()
    }
}

/// A JSON object written one member at a time, byte for byte as serde_json's pretty printer
/// writes an object `depth` levels in ([`Indented`]); a member written ahead goes in as it is.
struct Object<'w, W: std::io::Write> {
    out: &'w mut W,
    depth: usize,
    first: bool,
}

impl<'w, W: std::io::Write> Object<'w, W> {
    fn open(out: &'w mut W, depth: usize) -> std::io::Result<Self> {
        out.write_all(b"{")?;
        Ok(Self {
            out,
            depth,
            first: true,
        })
    }

    /// The line break, indentation and key of the next member.
    fn key(&mut self, key: &str) -> std::io::Result<()> {
        Indented::at(self.depth + 1).line(self.out, self.first)?;
        self.first = false;
        serde_json::to_writer(&mut *self.out, key).map_err(std::io::Error::other)?;
        self.out.write_all(b": ")
    }

    fn member<T: Serialize + ?Sized>(&mut self, key: &str, value: &T) -> std::io::Result<()> {
        self.key(key)?;
        value.write_at(self.out, self.depth + 1)
    }

    /// A member whose value, `json`, was written ahead at this depth.
    fn raw(&mut self, key: &str, json: &[u8]) -> std::io::Result<()> {
        self.key(key)?;
        self.out.write_all(json)
    }

    fn close(self) -> std::io::Result<()> {
        if !self.first {
            Indented::at(self.depth).newline(self.out)?;
        }
        self.out.write_all(b"}")
    }
}

/// A value written as serde_json's pretty printer writes it `depth` levels in.
trait WriteAt {
    fn write_at<W: std::io::Write>(&self, out: &mut W, depth: usize) -> std::io::Result<()>;
}

impl<T: Serialize + ?Sized> WriteAt for T {
    fn write_at<W: std::io::Write>(&self, out: &mut W, depth: usize) -> std::io::Result<()> {
        let mut serializer = serde_json::Serializer::with_formatter(out, Indented::at(depth));
        self.serialize(&mut serializer)
            .map_err(std::io::Error::other)
    }
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
    /// The formatter of a value `depth` levels in.
    fn at(depth: usize) -> Self {
        Self {
            depth,
            has_value: false,
        }
    }

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

#[cfg(test)]
mod tests {
    use super::*;

    /// A side written member by member is what its derived `Serialize` writes (the collation's
    /// JSON writes it so), with and without an issuer and actors, its text written here or
    /// ahead: the two lists of its members cannot drift apart.
    #[test]
    fn a_side_written_member_by_member_is_its_serialization() {
        let text = "He said: \"Yes.\"\tThe envoy met Ishaq Dar.\n\nZoë left.";
        let doc = Document::from_text("left.txt", text);
        let sentences = crate::engine::segment::sentences(text);
        let attribution = Attribution {
            issuer: Issuer {
                official: "The Prime Minister".into(),
                counterpart: "Ishaq Dar".into(),
                opener: Some(1),
            },
            actors: vec![Actor::Issuer, Actor::Counterpart, Actor::Other],
            mentions: Vec::new(),
        };
        for attribution in [None, Some(&attribution)] {
            let side = attributed_side(&doc, &sentences, attribution);
            let mut by_member = Vec::new();
            side.write_at(&mut by_member, 1, None).expect("in memory");
            let mut serialized = Vec::new();
            WriteAt::write_at(&side, &mut serialized, 1).expect("in memory");
            assert_eq!(
                String::from_utf8_lossy(&by_member),
                String::from_utf8_lossy(&serialized)
            );
            let mut ahead = Vec::new();
            let escaped = serde_json::to_vec(text).expect("a string");
            side.write_at(&mut ahead, 1, Some(&escaped))
                .expect("in memory");
            assert_eq!(ahead, serialized);
        }
    }
}
