//! A Markdown report for a wiki or a ticket: summary, provenance, then each row as paired
//! quotes. Deletions are `~~struck through~~`, insertions **bold** (Markdown has no underline),
//! equivalent wording _italic_. Statement text is escaped so it cannot break the markup.

use std::io::Write;

use super::Report;
use crate::display::{DisplayModel, Mark, Side, cell_segments, coverage_text, kind_label};
use crate::engine::RowKind;
use crate::load::Document;

/// Escapes Markdown's special characters in statement text.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '{' | '}' | '[' | ']' | '<' | '>' | '#' | '|' | '~' | '!' => {
                out.push('\\');
                out.push(c);
            }
            '\r' | '\n' => out.push(' '),
            other => out.push(other),
        }
    }
    out
}

/// Writes the report as Markdown (GitHub-flavoured: strikethrough, tables).
pub fn write(out: &mut dyn Write, report: &Report<'_>) -> std::io::Result<()> {
    let (left, right, comparison) = (report.left, report.right, report.comparison);
    let s = &comparison.stats;
    writeln!(out, "# {} vs {}\n", escape(&left.name), escape(&right.name))?;
    if let Some(analysis) = report.analysis {
        writeln!(out, "## Brief\n")?;
        for line in &analysis.brief {
            writeln!(out, "- {}", escape(&line.plain()))?;
        }
        writeln!(out)?;
    }
    writeln!(
        out,
        "**Similarity {:.0}%** · {} identical · {} reworded · {} related · {} moved · {} only left · {} only right  \n{}\n",
        s.similarity * 100.0,
        s.identical,
        s.modified,
        s.related,
        s.moved,
        s.left_only,
        s.right_only,
        escape(&coverage_text(comparison))
    )?;
    writeln!(
        out,
        "Legend: ~~deleted~~ (left) · **inserted** (right) · _equivalent wording_ · **shared term** in a related row · moved rows are marked _moved_.\n"
    )?;
    writeln!(out, "## Provenance\n")?;
    writeln!(
        out,
        "| | file | bytes | format | SHA-256 |\n|---|---|---|---|---|"
    )?;
    for (label, document) in [("Left", left), ("Right", right)] {
        provenance_row(out, label, document)?;
    }
    writeln!(
        out,
        "\nOptions: {}. Compared {} by Parallax {}.\n",
        report.options_text(),
        report.generated_rfc3339(),
        env!("CARGO_PKG_VERSION")
    )?;
    for line in [report.decisions_text(), report.terms_text()]
        .into_iter()
        .flatten()
    {
        writeln!(out, "{}.\n", escape(&line))?;
    }
    if let Some(analysis) = report.analysis {
        use crate::analysis::Presence;
        writeln!(out, "## Who and what is named\n")?;
        for (presence, heading) in [
            (Presence::LeftOnly, "Only left"),
            (Presence::RightOnly, "Only right"),
            (Presence::Both, "Both"),
        ] {
            let names: Vec<String> = analysis
                .entities
                .iter()
                .filter(|e| e.presence() == presence)
                .map(|e| escape(&e.text))
                .collect();
            if !names.is_empty() {
                writeln!(out, "- **{heading}:** {}", names.join(" · "))?;
            }
        }
        if !analysis.phrases.is_empty() {
            writeln!(out, "\n## Shared phrases\n")?;
            for phrase in analysis.phrases.iter().take(30) {
                writeln!(out, "- “{}”", escape(&phrase.text))?;
            }
        }
        if !analysis.shifts.is_empty() {
            writeln!(out, "\n## Stance shifts\n")?;
            for shift in &analysis.shifts {
                writeln!(out, "- {}", escape(&shift.summary()))?;
            }
        }
        let compared = &analysis.figures_compared;
        if !compared.figures.is_empty() {
            writeln!(out, "\n## Figures compared\n")?;
            for figure in &compared.figures {
                writeln!(out, "- {}", escape(&figure.summary()))?;
            }
            for difference in &compared.differences {
                writeln!(out, "- {}", escape(&difference.summary()))?;
            }
        }
        writeln!(out)?;
    }
    writeln!(out, "## Side by side\n")?;
    let display = DisplayModel::new(comparison);
    for (i, row) in comparison.rows.iter().enumerate() {
        let mut heading = format!("**Row {}** · {}", i + 1, kind_label(row));
        if row.kind == RowKind::Modified {
            heading.push_str(&format!(" · {:.0}%", row.similarity * 100.0));
        }
        if row.moved {
            heading.push_str(" · _moved_");
            if let Some(target) = display.moved_targets.get(i).copied().flatten() {
                heading.push_str(&format!(" ({}, row {})", target.label(), target.row + 1));
            }
        }
        if report.by_analyst(i) {
            heading.push_str(" · **linked by the analyst**");
        }
        let refs = display.cross_refs(i);
        if !refs.is_empty() {
            let parts: Vec<String> = refs
                .iter()
                .map(|r| format!("{} ({}, row {})", r.label(), r.kind.name(), r.row + 1))
                .collect();
            heading.push_str(&format!(" · also {}", parts.join(", ")));
        }
        writeln!(out, "{heading}\n")?;
        for (side, document) in [(Side::Left, left), (Side::Right, right)] {
            let present = match side {
                Side::Left => !row.left.is_empty(),
                Side::Right => !row.right.is_empty(),
            };
            if present {
                writeln!(
                    out,
                    "> **{}:** {}",
                    if side == Side::Left { "Left" } else { "Right" },
                    cell(report, i, side, document)
                )?;
                writeln!(out, ">")?;
            }
        }
        if let Some(note) = report.note(i) {
            writeln!(out, "> _Note:_ {}", escape(note))?;
        }
        writeln!(out)?;
    }
    Ok(())
}

fn provenance_row(out: &mut dyn Write, label: &str, document: &Document) -> std::io::Result<()> {
    let path = Report::origin_of(document);
    writeln!(
        out,
        "| {label} | {} ({}) | {} | {} · {} | `{}` |",
        escape(&document.name),
        escape(&path),
        Report::size_of(document),
        escape(document.format.as_str()),
        escape(&document.encoding.to_string()),
        document.sha256
    )
}

fn cell(report: &Report<'_>, i: usize, side: Side, document: &Document) -> String {
    let row = &report.comparison.rows[i];
    let mut out = String::new();
    for (span, mark) in cell_segments(&document.text, report.comparison, row, side) {
        let text = escape(&document.text[span.range()]);
        if text.trim().is_empty() {
            out.push_str(&text);
            continue;
        }
        match mark {
            Mark::Plain => out.push_str(&text),
            Mark::Deleted => out.push_str(&format!("~~{text}~~")),
            Mark::Inserted => out.push_str(&format!("**{text}**")),
            Mark::Equivalent => out.push_str(&format!("_{text}_")),
            Mark::Shared => out.push_str(&format!("**{text}**")),
        }
    }
    out
}
