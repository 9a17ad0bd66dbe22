//! A Markdown report of a collation for a wiki or a ticket: provenance, the similarity matrix,
//! a presence map (a row per point, a column per document, marked `=` identical, `≈`
//! equivalent, `~` related, `•` one document only, `·` absent), then the points as a table with
//! one column per document, "—" where a document lacks the point. Words every document of a
//! point has are **bold**. With the insights: who names what (a row per entity, a count per
//! document), the shared phrases with their documents, and the wording-strength findings. Statement text goes through [`escape`], so it cannot break a table.

use std::io::Write;

use super::{
    CollationReport, LIST_AT_MOST, cell_words, entity_kind_name, kind_symbol, label, labels,
};
use crate::analysis::CollationInsights;
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
            escape(document.format.as_str()),
            escape(&document.encoding.to_string()),
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

    if let Some(insights) = report.insights {
        write_insights(out, report, insights)?;
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
            for (piece, share) in cell_words(&document.text, collation, &words, index, d) {
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

/// Who names what (a row per entity, a count per document, blank for none), the shared
/// phrases with the documents that carry them, the wording-strength findings.
fn write_insights(
    out: &mut dyn Write,
    report: &CollationReport<'_>,
    insights: &CollationInsights,
) -> std::io::Result<()> {
    let n = report.documents.len();
    writeln!(out, "\n## Who names what\n")?;
    writeln!(
        out,
        "{} entities, named by more documents first; a cell is how many times the document \
         names it, blank for none.\n",
        insights.entities.len()
    )?;
    let header: Vec<String> = (0..n).map(label).collect();
    writeln!(out, "| entity | kind | {} |", header.join(" | "))?;
    writeln!(out, "|---|---|{}", ":---:|".repeat(n))?;
    for entity in insights.entities.iter().take(LIST_AT_MOST) {
        let others: Vec<String> = entity
            .forms
            .iter()
            .filter(|f| **f != entity.text)
            .map(|f| escape(f))
            .collect();
        let forms = if others.is_empty() {
            String::new()
        } else {
            format!(" ({})", others.join(", "))
        };
        let cells: Vec<String> = (0..n)
            .map(|d| match entity.counts.get(d).copied().unwrap_or(0) {
                0 => String::new(),
                count => count.to_string(),
            })
            .collect();
        writeln!(
            out,
            "| **{}**{forms} | {} | {} |",
            escape(&entity.text),
            entity_kind_name(entity.kind),
            cells.join(" | ")
        )?;
    }
    if insights.entities.len() > LIST_AT_MOST {
        writeln!(
            out,
            "\n… and {} more (all in the JSON).",
            insights.entities.len() - LIST_AT_MOST
        )?;
    }
    writeln!(out, "\n## Shared phrases\n")?;
    writeln!(out, "| documents | words | phrase |\n|---|---:|---|")?;
    for phrase in insights.phrases.iter().take(LIST_AT_MOST) {
        writeln!(
            out,
            "| {} | {} | {} |",
            labels(&phrase.documents),
            phrase.words,
            escape(&phrase.text)
        )?;
    }
    if insights.phrases.len() > LIST_AT_MOST {
        writeln!(
            out,
            "\n… and {} more (all in the JSON).",
            insights.phrases.len() - LIST_AT_MOST
        )?;
    }
    writeln!(out, "\n## Wording strength\n")?;
    if insights.strength.is_empty() {
        writeln!(
            out,
            "No point is worded more strongly by one document than by another."
        )?;
    }
    let positions = report.positions();
    for finding in &insights.strength {
        let number = positions.get(finding.point).map_or(0, |p| p + 1);
        writeln!(
            out,
            "- [Point {number}](#point-{number}): {} **{}** is stronger than {} **{}** ({})",
            label(finding.stronger),
            escape(&finding.stronger_word),
            label(finding.weaker),
            escape(&finding.weaker_word),
            escape(&finding.kind)
        )?;
    }
    Ok(())
}
