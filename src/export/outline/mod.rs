//! The report outline: what a report says, decided once, as format-neutral blocks (a title,
//! headings, paragraphs and lists of styled spans, the provenance, tables, the compared rows or
//! points). [`pair()`] builds it from a two-text [`Report`](super::Report) and [`collation()`]
//! from a [`CollationReport`](super::collation::CollationReport); the text, HTML and Markdown
//! writers only mark it up (difftastic's display layer, ripgrep's printer: content apart from
//! markup). JSON is a data format and does not go through it.
//!
//! Invariants: every piece of wording a reader sees is here, unescaped (each writer escapes for
//! its markup); statement text is kept raw, line breaks and all, so each writer flattens it as
//! its markup needs; every writer renders every block, in order, so the three formats have the
//! same sections in the same order.

mod collation;
mod pair;

pub use collation::collation;
pub use pair::pair;

use crate::display::{CrossRef, Mark, MovedTarget};
use crate::engine::RowKind;
use crate::engine::collate::{PointKind, Share};

/// A report: its plain title (a page's `<title>`) and its blocks in order.
pub struct Outline {
    /// What the report is of, which picks a page's style.
    pub kind: OutlineKind,
    /// The title in plain words.
    pub title: String,
    /// The blocks, in reading order.
    pub blocks: Vec<Block>,
}

/// What a report is of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutlineKind {
    /// Two texts compared.
    Pair,
    /// Three or more texts collated.
    Collation,
}

/// A stretch of wording and how it stands out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Span {
    /// Ordinary words.
    Plain(String),
    /// Words that stand out (bold).
    Strong(String),
    /// Words in the background (a muted colour).
    Weak(String),
    /// A command, a hash: set in code type.
    Code(String),
    /// Words that lead to a row or a point of the report.
    Link {
        /// The words.
        text: String,
        /// Where they lead.
        to: Anchor,
    },
    /// A line break inside the block.
    Break,
}

impl Span {
    /// A plain span of `text`.
    pub fn plain(text: impl Into<String>) -> Self {
        Self::Plain(text.into())
    }

    /// The span's words, without markup ("" for a break).
    pub fn text(&self) -> &str {
        match self {
            Self::Plain(text) | Self::Strong(text) | Self::Weak(text) | Self::Code(text) => text,
            Self::Link { text, .. } => text,
            Self::Break => "",
        }
    }
}

/// A place in the report a link leads to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchor {
    /// A compared row (index from 0; shown and anchored from 1).
    Row(usize),
    /// A collation's point (its place in the reading order, from 0; shown from 1).
    Point(usize),
}

impl Anchor {
    /// The fragment a link goes to: "row-3", "point-7".
    pub fn id(self) -> String {
        match self {
            Self::Row(row) => format!("row-{}", row + 1),
            Self::Point(point) => format!("point-{}", point + 1),
        }
    }
}

/// A line of styled spans.
pub type Line = Vec<Span>;

/// One block of a report.
pub enum Block {
    /// The report's title (a first-level heading).
    Title(Line),
    /// A section's heading, and what it shows in a few words (after the heading in text, a
    /// paragraph under it in HTML and Markdown).
    Heading(String, Option<String>),
    /// The summary under the title.
    Summary(Line),
    /// A paragraph.
    Paragraph(Line),
    /// A list, an item a line.
    List(Vec<Line>),
    /// The key to the marks the report's markup uses: each writer writes its own, since it
    /// explains that writer's markup.
    Legend(OutlineKind),
    /// Where the documents came from and how they were compared.
    Provenance(Provenance),
    /// The collation's similarity matrix.
    Similarity(Similarity),
    /// Which document has which point.
    PresenceMap(PresenceMap),
    /// Who names what, a count per document.
    Entities(EntityTable),
    /// The shared phrases with the documents that carry them.
    Phrases(Vec<PhraseRow>),
    /// A comparison's rows, side by side.
    Rows(Rows),
    /// A collation's points, a column per document.
    Points(Points),
    /// The closing line.
    Footer(Line),
}

impl Block {
    /// The heading's words, if this is a title or a heading.
    pub fn heading(&self) -> Option<String> {
        match self {
            Self::Title(line) => Some(line.iter().map(Span::text).collect()),
            Self::Heading(text, _) => Some(text.clone()),
            _ => None,
        }
    }
}

/// Where each document came from, then the facts of the comparison ("Options", "Compared").
pub struct Provenance {
    /// A line per document.
    pub documents: Vec<DocumentFacts>,
    /// (label, value): the options, the analyst's decisions and terms, when it was made.
    pub facts: Vec<(&'static str, String)>,
}

/// What a report records of one document.
pub struct DocumentFacts {
    /// "Left", "Right", "D1", ...
    pub label: String,
    /// The document's name.
    pub name: String,
    /// Its path, or "(not from a file)".
    pub origin: String,
    /// Its size in bytes.
    pub bytes: u64,
    /// How many sentences it was read as.
    pub sentences: usize,
    /// Its format ("text", "pdf", ...).
    pub format: String,
    /// Its encoding ("UTF-8", ...).
    pub encoding: String,
    /// The SHA-256 of its bytes, in hex.
    pub sha256: String,
}

/// A collated document's short label and name: "D1", "us-embassy-x-post.txt".
#[derive(Debug, Clone)]
pub struct DocumentLabel {
    /// "D1", "D2", ...
    pub label: String,
    /// The document's name.
    pub name: String,
}

/// The share of each two documents' sentences with a counterpart in the other.
pub struct Similarity {
    /// The documents.
    pub documents: Vec<DocumentLabel>,
    /// A row per document, a share (0 to 1) per document.
    pub values: Vec<Vec<f32>>,
}

/// Which document has which point, in reading order.
pub struct PresenceMap {
    /// The documents.
    pub documents: Vec<DocumentLabel>,
    /// Per point in reading order: its kind and, per document, whether it has the point.
    pub points: Vec<(PointKind, Vec<bool>)>,
}

/// Who names what across the collated documents: an entity per row, a count per document.
pub struct EntityTable {
    /// The documents (the count columns).
    pub documents: Vec<DocumentLabel>,
    /// The entities listed, named by more documents first.
    pub entities: Vec<EntityRow>,
}

/// One entity of an [`EntityTable`].
pub struct EntityRow {
    /// Its name.
    pub text: String,
    /// The other forms it is written in.
    pub others: Vec<String>,
    /// Its kind in words ("name", "title", ...).
    pub kind: &'static str,
    /// How many times each document names it.
    pub counts: Vec<usize>,
}

/// One shared phrase with the documents that carry it.
pub struct PhraseRow {
    /// The documents' labels: "D1 D2 D4".
    pub documents: String,
    /// How many words it has.
    pub words: usize,
    /// The phrase.
    pub text: String,
}

/// A comparison's rows with the two documents' names.
pub struct Rows {
    /// The left and right documents' names (the columns' headings).
    pub names: [String; 2],
    /// The rows, in order.
    pub rows: Vec<PairRow>,
}

/// One compared row, with everything each markup says of it.
pub struct PairRow {
    /// Its index (from 0; shown from 1).
    pub index: usize,
    /// Its kind.
    pub kind: RowKind,
    /// Whether a reworded row is a paraphrase.
    pub paraphrase: bool,
    /// Its kind in words ("reworded", "paraphrase", "unpaired", ...): a one-sided row whose
    /// sentence has a counterpart in another row is "unpaired", as in the window's gutter.
    pub kind_words: &'static str,
    /// The gutter's label ("=", "87%", "related", "unpaired", ...), as the window writes it.
    pub gutter: String,
    /// The share of words the two sides have in common, in percent.
    pub similarity: f32,
    /// Its sentences: "L3 ↔ R1-2".
    pub sentences: String,
    /// Whether it is moved, and beside which right sentence it sits.
    pub moved: Option<Option<MovedTarget>>,
    /// Whether the analyst drew or confirmed its link.
    pub by_analyst: bool,
    /// Its sentences' links to sentences in other rows ("also R7 (related)").
    pub cross_refs: Vec<CrossRef>,
    /// The terms a related pair's link rests on.
    pub shared: Vec<String>,
    /// The left and right cells: each side's marked stretches, `None` for an empty side.
    pub cells: [Option<Vec<(String, Mark)>>; 2],
    /// The analyst's note on it.
    pub note: Option<String>,
}

/// A collation's points, in reading order.
pub struct Points {
    /// The documents (the columns' headings).
    pub documents: Vec<DocumentLabel>,
    /// The points, in order.
    pub points: Vec<PointRow>,
}

/// One collation point.
pub struct PointRow {
    /// Its place in the reading order (from 0; shown from 1).
    pub number: usize,
    /// Its kind.
    pub kind: PointKind,
    /// A cell per document: its sentences' numbers and marked words, `None` where the document
    /// lacks the point.
    pub cells: Vec<Option<PointCell>>,
}

/// One document's cell of a point.
pub struct PointCell {
    /// Its sentences' numbers: "S1, S3".
    pub sentences: String,
    /// The words, raw, with how widely the point's documents share each; every share is
    /// [`Share::Function`] when the point is in one document only.
    pub words: Vec<(String, Share)>,
}

/// "row 3" or "rows 3, 5 and 9": links to rows (0-based), with "N more" unlinked.
pub fn row_links(rows: &[usize], more: usize) -> Line {
    numbered_links(("row ", "rows "), rows, more, Anchor::Row)
}

/// The most points a line of a collation's brief links to (the rest are "N more").
const POINT_LINKS: usize = 12;

/// "point 3" or "points 3, 5 and 9": links to a collation's points by their places in the
/// reading order (0-based), the first twelve, the rest as "N more" unlinked.
pub fn point_links(positions: &[usize]) -> Line {
    let shown = positions.get(..POINT_LINKS).unwrap_or(positions);
    numbered_links(
        ("point ", "points "),
        shown,
        positions.len() - shown.len(),
        Anchor::Point,
    )
}

/// Links to numbered things (0-based, shown from 1), joined as "a, b and c", after the noun
/// (`(one, many)`), with "N more" unlinked.
fn numbered_links(
    (one, many): (&str, &str),
    numbers: &[usize],
    more: usize,
    anchor: fn(usize) -> Anchor,
) -> Line {
    let mut items: Vec<Span> = numbers
        .iter()
        .map(|&n| Span::Link {
            text: (n + 1).to_string(),
            to: anchor(n),
        })
        .collect();
    if more > 0 {
        items.push(Span::plain(format!("{more} more")));
    }
    let mut line = vec![Span::plain(if items.len() == 1 { one } else { many })];
    let count = items.len();
    for (n, item) in items.into_iter().enumerate() {
        if n > 0 {
            line.push(Span::plain(if n + 1 == count { " and " } else { ", " }));
        }
        line.push(item);
    }
    line
}

/// Most entities and phrases the text, HTML and Markdown reports list (the JSON has them all).
pub const LIST_AT_MOST: usize = 40;

/// "… and 12 more (all in the JSON)": the line closing a list cut at [`LIST_AT_MOST`], if it
/// was cut.
pub fn more_line(total: usize) -> Option<Line> {
    (total > LIST_AT_MOST).then(|| {
        vec![Span::plain(format!(
            "… and {} more (all in the JSON).",
            total - LIST_AT_MOST
        ))]
    })
}

/// Made with Parallax, and where the offsets and full texts are.
fn footer(command: &str) -> Block {
    Block::Footer(vec![
        Span::plain(format!(
            "Made with Parallax {}. Offsets and full texts: ",
            env!("CARGO_PKG_VERSION")
        )),
        Span::Code(command.to_owned()),
        Span::plain("."),
    ])
}

/// The column headings of the entity table, in lower case (HTML capitalises them) (before a column per document).
pub const ENTITY_COLUMNS: [&str; 2] = ["entity", "kind"];

/// The column headings of the shared phrases' table.
pub const PHRASE_COLUMNS: [&str; 3] = ["documents", "words", "phrase"];

/// The heading of the points' column (of the points' table and of a presence map read a point
/// a row), and of the points' kinds.
pub const POINT_COLUMNS: [&str; 2] = ["point", "kind"];

/// Words with their first letter capitalised (a column heading in HTML).
pub fn capitalised(words: &str) -> String {
    let mut chars = words.chars();
    match chars.next() {
        Some(first) => format!("{}{}", first.to_uppercase(), chars.as_str()),
        None => String::new(),
    }
}

/// A heading's detail as a sentence, for a paragraph under the heading: its first letter
/// capitalised and a full stop at its end.
pub fn sentence(detail: &str) -> String {
    if detail.is_empty() {
        return String::new();
    }
    format!("{}.", capitalised(detail))
}

/// Why the insights are missing, when they were not computed.
const NOT_COMPUTED: &str = "(names, shared phrases and wording strength not computed: \
     --analysis never, or a document over 256 KiB with --analysis auto)";

#[cfg(test)]
mod tests;
