//! A readable terminal rendering of a collation: the documents, a summary, the similarity
//! matrix, then each point in reading order with its documents' sentences and the documents
//! that lack it. With colour, words every document of the point has are bold and words only
//! one has are cyan.

use std::io::Write;

use super::{CollationReport, cell_words, kind_symbol, label};
use crate::engine::collate::Share;

const CYAN: &str = "\x1b[36m";
const DIM: &str = "\x1b[2m";
const BOLD: &str = "\x1b[1m";
const RESET: &str = "\x1b[0m";

/// Writes the collation as text; `colour` adds ANSI colours.
pub fn write(
    out: &mut dyn Write,
    report: &CollationReport<'_>,
    colour: bool,
) -> std::io::Result<()> {
    let paint = |code: &'static str| if colour { code } else { "" };
    let collation = report.collation;
    let documents = report.documents;
    let n = documents.len();
    writeln!(
        out,
        "{}Collation of {n} documents{} (points in the reading order of {})",
        paint(BOLD),
        paint(RESET),
        label(report.pivot)
    )?;
    for (i, document) in documents.iter().enumerate() {
        let sentences = collation.sentences.get(i).map_or(0, Vec::len);
        writeln!(
            out,
            "  {}  {} ({sentences} sentences)",
            label(i),
            document.name
        )?;
    }
    let (points, all, some, single) = report.counts();
    writeln!(
        out,
        "{points} points · {all} in every document · {some} in some · {single} in one only"
    )?;
    writeln!(
        out,
        "Similarity (share of the two documents' sentences with a counterpart in the other):"
    )?;
    write!(out, "      ")?;
    for j in 0..n {
        write!(out, "{:>6}", label(j))?;
    }
    writeln!(out)?;
    for (i, row) in collation.similarity.iter().enumerate() {
        write!(out, "  {:<4}", label(i))?;
        for value in row {
            write!(out, "{:>5.0}%", value * 100.0)?;
        }
        writeln!(out)?;
    }
    writeln!(
        out,
        "Marks: = identical · ≈ equivalent · ~ related · • only one document · - absent"
    )?;
    let texts = report.texts();
    for (number, &index) in report.order().iter().enumerate() {
        let Some(point) = collation.points.get(index) else {
            continue;
        };
        let presence: String = (0..n)
            .map(|d| {
                if point.has(d) {
                    kind_symbol(point.kind)
                } else {
                    "-"
                }
            })
            .collect::<Vec<_>>()
            .join(" ");
        writeln!(
            out,
            "\n{}Point {} [{presence}] {}{}",
            paint(BOLD),
            number + 1,
            point.kind.name(),
            paint(RESET)
        )?;
        let words = collation.point_words(&texts, index);
        let of = point.documents();
        for (d, indexes) in point.sentences.iter().enumerate() {
            if indexes.is_empty() {
                continue;
            }
            let Some(document) = documents.get(d) else {
                continue;
            };
            let numbers: Vec<String> = indexes.iter().map(|s| format!("S{}", s + 1)).collect();
            write!(out, "  {} {}: ", label(d), numbers.join(","))?;
            for (piece, share) in cell_words(&document.text, collation, &words, d, of) {
                let piece = flatten(piece);
                match share {
                    Share::All if colour && of > 1 => write!(out, "{BOLD}{piece}{RESET}")?,
                    Share::Alone if colour && of > 1 => write!(out, "{CYAN}{piece}{RESET}")?,
                    _ => write!(out, "{piece}")?,
                }
            }
            writeln!(out)?;
        }
        let absent: Vec<String> = (0..n).filter(|&d| !point.has(d)).map(label).collect();
        if !absent.is_empty() {
            writeln!(
                out,
                "  {}not in {}{}",
                paint(DIM),
                absent.join(", "),
                paint(RESET)
            )?;
        }
    }
    Ok(())
}

/// Line breaks inside a sentence read as spaces.
fn flatten(piece: &str) -> std::borrow::Cow<'_, str> {
    if piece.contains(['\r', '\n']) {
        piece.replace("\r\n", " ").replace(['\r', '\n'], " ").into()
    } else {
        piece.into()
    }
}
