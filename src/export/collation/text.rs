//! A readable terminal rendering of a collation: the documents, a summary, the similarity
//! matrix, then each point in reading order with its documents' sentences and the documents
//! that lack it. With colour, words every document of the point has are bold and words only
//! one has are cyan.

use std::io::Write;

use super::{
    CollationReport, LIST_AT_MOST, cell_words, entity_kind_name, kind_symbol, label, labels,
};
use crate::analysis::CollationInsights;
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
    match report.insights {
        Some(insights) => write_insights(out, report, insights, paint(BOLD), paint(RESET))?,
        None => writeln!(
            out,
            "(names, shared phrases and wording strength not computed: --analysis never, or a \
             document over 256 KiB with --analysis auto)"
        )?,
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
            for (piece, share) in cell_words(&document.text, collation, &words, index, d) {
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

/// Most characters of a name in the entity table's first column.
const NAME_WIDTH: usize = 36;

/// The insights: an entity table (a count per document, `·` for none), the shared phrases with
/// the documents that carry them, the wording-strength findings.
fn write_insights(
    out: &mut dyn Write,
    report: &CollationReport<'_>,
    insights: &CollationInsights,
    bold: &str,
    reset: &str,
) -> std::io::Result<()> {
    let n = report.documents.len();
    writeln!(
        out,
        "{bold}Who names what ({} entities; count per document, · none){reset}",
        insights.entities.len()
    )?;
    let shown: Vec<(String, &crate::analysis::CollationEntity)> = insights
        .entities
        .iter()
        .take(LIST_AT_MOST)
        .map(|e| (shorten(&e.text, NAME_WIDTH), e))
        .collect();
    let width = shown
        .iter()
        .map(|(name, _)| name.chars().count())
        .max()
        .unwrap_or(0)
        .max(6);
    write!(out, "  {:<width$} {:<6}", "", "")?;
    for d in 0..n {
        write!(out, "{:>4}", label(d))?;
    }
    writeln!(out)?;
    for (name, entity) in &shown {
        write!(out, "  {name:<width$} {:<6}", entity_kind_name(entity.kind))?;
        for d in 0..n {
            match entity.counts.get(d).copied().unwrap_or(0) {
                0 => write!(out, "{:>4}", "·")?,
                count => write!(out, "{count:>4}")?,
            }
        }
        let others: Vec<&str> = entity
            .forms
            .iter()
            .map(String::as_str)
            .filter(|f| *f != entity.text)
            .collect();
        if others.is_empty() {
            writeln!(out)?;
        } else {
            writeln!(out, "  ({})", others.join(", "))?;
        }
    }
    if insights.entities.len() > LIST_AT_MOST {
        writeln!(
            out,
            "  … and {} more",
            insights.entities.len() - LIST_AT_MOST
        )?;
    }
    writeln!(
        out,
        "{bold}Shared phrases ({}; the documents that carry each){reset}",
        insights.phrases.len()
    )?;
    for phrase in insights.phrases.iter().take(LIST_AT_MOST) {
        writeln!(
            out,
            "  [{}] {} words: \"{}\"",
            labels(&phrase.documents),
            phrase.words,
            shorten(&phrase.text, 100)
        )?;
    }
    if insights.phrases.len() > LIST_AT_MOST {
        writeln!(
            out,
            "  … and {} more",
            insights.phrases.len() - LIST_AT_MOST
        )?;
    }
    writeln!(
        out,
        "{bold}Wording strength ({} findings){reset}",
        insights.strength.len()
    )?;
    let positions = report.positions();
    for finding in &insights.strength {
        writeln!(
            out,
            "  point {}: {} \"{}\" is stronger than {} \"{}\" ({})",
            positions.get(finding.point).map_or(0, |p| p + 1),
            label(finding.stronger),
            finding.stronger_word,
            label(finding.weaker),
            finding.weaker_word,
            finding.kind
        )?;
    }
    Ok(())
}

/// `text` cut to at most `max` characters, with "…" where it was cut.
fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let mut cut: String = text.chars().take(max.saturating_sub(1)).collect();
    cut.push('…');
    cut
}

/// Line breaks inside a sentence read as spaces.
fn flatten(piece: &str) -> std::borrow::Cow<'_, str> {
    if piece.contains(['\r', '\n']) {
        piece.replace("\r\n", " ").replace(['\r', '\n'], " ").into()
    } else {
        piece.into()
    }
}
