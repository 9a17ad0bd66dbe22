//! A Markdown report of a collation for a wiki or a ticket: provenance, the similarity matrix,
//! a presence map (a row per point, a column per document, marked `=` identical, `≈`
//! equivalent, `~` related, `•` one document only, `·` absent), then the points as a table with
//! one column per document, "—" where a document lacks the point. Words every document of a
//! point has are **bold**. Statement text goes through [`escape`], so it cannot break a table.

use std::io::Write;

use super::{CollationReport, cell_words, kind_symbol, label};
use crate::engine::collate::Share;
use crate::export::Report;
use crate::export::markdown::escape;

/// Writes the collation as Markdown (GitHub-flavoured tables).
pub fn write(out: &mut dyn Write, report: &CollationReport<'_>) -> std::io::Result<()> {
    let collation = report.collation;
    let documents = report.documents;
    let n = documents.len();
    writeln!(out, "# Collation of {n} statements\n")?;
    let (points, all, some, single) = report.counts();
    writeln!(
        out,
        "**{points} points** · {all} in every document · {some} in some · {single} in one only. \
         Points in the reading order of {}.\n",
        label(report.pivot)
    )?;
    writeln!(
        out,
        "Legend: `=` identical · `≈` equivalent · `~` related · `•` one document only · `·` / — \
         absent · **bold**: every document of the point has the word.\n"
    )?;
    writeln!(out, "## Provenance\n")?;
    writeln!(
        out,
        "| | file | bytes | format | SHA-256 |\n|---|---|---|---|---|"
    )?;
    for (i, document) in documents.iter().enumerate() {
        writeln!(
            out,
            "| {} | {} ({}) | {} | {} · {} | `{}` |",
            label(i),
            escape(&document.name),
            escape(&Report::origin_of(document)),
            Report::size_of(document),
            escape(&document.format),
            escape(&document.encoding),
            document.sha256
        )?;
    }
    writeln!(
        out,
        "\nOptions: {}. Collated {} by Parallax {}.\n",
        report.options_text(),
        report.generated_rfc3339(),
        env!("CARGO_PKG_VERSION")
    )?;

    writeln!(out, "## Similarity\n")?;
    writeln!(
        out,
        "The share of two documents' sentences that have a counterpart in the other.\n"
    )?;
    let header: Vec<String> = (0..n).map(label).collect();
    writeln!(out, "| | {} |", header.join(" | "))?;
    writeln!(out, "|---|{}", "---:|".repeat(n))?;
    for (i, row) in collation.similarity.iter().enumerate() {
        let cells: Vec<String> = row.iter().map(|v| format!("{:.0}%", v * 100.0)).collect();
        writeln!(out, "| {} | {} |", label(i), cells.join(" | "))?;
    }

    let order = report.order();
    writeln!(out, "\n## Presence map\n")?;
    writeln!(out, "| point | kind | {} |", header.join(" | "))?;
    writeln!(out, "|---:|---|{}", ":---:|".repeat(n))?;
    for (number, &index) in order.iter().enumerate() {
        let Some(point) = collation.points.get(index) else {
            continue;
        };
        let cells: Vec<&str> = (0..n)
            .map(|d| {
                if point.has(d) {
                    kind_symbol(point.kind)
                } else {
                    "·"
                }
            })
            .collect();
        writeln!(
            out,
            "| [{}](#point-{}) | {} | {} |",
            number + 1,
            number + 1,
            point.kind.name(),
            cells.join(" | ")
        )?;
    }

    writeln!(out, "\n## Points\n")?;
    let columns: Vec<String> = documents
        .iter()
        .enumerate()
        .map(|(d, document)| format!("{} {}", label(d), escape(&document.name)))
        .collect();
    writeln!(out, "| point | {} |", columns.join(" | "))?;
    writeln!(out, "|---|{}", "---|".repeat(n))?;
    let texts = report.texts();
    for (number, &index) in order.iter().enumerate() {
        let Some(point) = collation.points.get(index) else {
            continue;
        };
        let words = collation.point_words(&texts, index);
        let of = point.documents();
        let mut cells = Vec::with_capacity(n);
        for (d, document) in documents.iter().enumerate() {
            let indexes = point.sentences.get(d).map_or(&[][..], Vec::as_slice);
            if indexes.is_empty() {
                cells.push("—".to_owned());
                continue;
            }
            let numbers: Vec<String> = indexes.iter().map(|s| format!("S{}", s + 1)).collect();
            let mut cell = format!("_{}_ ", numbers.join(", "));
            for (piece, share) in cell_words(&document.text, collation, &words, d, of) {
                let text = escape(piece);
                if share == Share::All && of > 1 && !text.trim().is_empty() {
                    cell.push_str(&format!("**{text}**"));
                } else {
                    cell.push_str(&text);
                }
            }
            cells.push(cell);
        }
        writeln!(
            out,
            "| <a id=\"point-{}\"></a>{} {} {} | {} |",
            number + 1,
            number + 1,
            kind_symbol(point.kind),
            point.kind.name(),
            cells.join(" | ")
        )?;
    }
    Ok(())
}
