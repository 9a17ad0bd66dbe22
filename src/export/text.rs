//! A readable terminal rendering: a summary line; what an analyst looks for (who is named on
//! both sides or on one only, shared phrases, wording strength); then each row with its
//! sentences, deleted words marked `[-like this-]` and inserted words `{+like this+}` (dwdiff's
//! convention), in red and green when writing to a terminal, and equivalent wording marked
//! `[=like this=]` / `{=like this=}`.

use std::io::Write;

use crate::analysis::{Analysis, Presence, Stronger};
use crate::display::{DisplayModel, Mark, Side, cell_segments, coverage_text, cross_refs_text};
use crate::engine::{OpTag, Row, RowKind};

use super::Report;

const RED: &str = "\x1b[31m";
const GREEN: &str = "\x1b[32m";
const CYAN: &str = "\x1b[36m";
const DIM: &str = "\x1b[2m";
const BOLD: &str = "\x1b[1m";
const RESET: &str = "\x1b[0m";

/// Most entities listed per group, and most shared phrases listed (the JSON has them all).
const LIST_AT_MOST: usize = 40;

/// Writes `report` as text: summary, the analysis (when computed), then each row with its
/// note; `colour` adds ANSI colours.
pub fn write(out: &mut dyn Write, report: &Report<'_>, colour: bool) -> std::io::Result<()> {
    let (left, right, comparison) = (report.left, report.right, report.comparison);
    let paint = |code: &'static str| if colour { code } else { "" };
    let stats = &comparison.stats;
    writeln!(
        out,
        "{}{} ↔ {}{}",
        paint(BOLD),
        left.name,
        right.name,
        paint(RESET)
    )?;
    if let Some(analysis) = report.analysis {
        write_brief(out, analysis, paint(BOLD), paint(RESET))?;
    }
    writeln!(
        out,
        "similarity {:.0}% · {} identical · {} reworded · {} related · {} moved · {} only left · {} only right",
        stats.similarity * 100.0,
        stats.identical,
        stats.modified,
        stats.related,
        stats.moved,
        stats.left_only,
        stats.right_only
    )?;
    writeln!(out, "{}", coverage_text(comparison))?;
    for line in [report.decisions_text(), report.terms_text()]
        .into_iter()
        .flatten()
    {
        writeln!(out, "{line}")?;
    }
    let display = DisplayModel::new(comparison);
    match report.analysis {
        Some(analysis) => write_analysis(out, analysis, paint(BOLD), paint(RESET))?,
        None => writeln!(
            out,
            "(names, shared phrases and wording strength not computed: --analysis never, or a \
             document over 256 KiB with --analysis auto)"
        )?,
    }
    for (index, row) in comparison.rows.iter().enumerate() {
        writeln!(out)?;
        let moved = match (
            row.moved,
            display.moved_targets.get(index).copied().flatten(),
        ) {
            (true, Some(target)) => format!(" · moved ({})", target.label()),
            (true, None) => " · moved".to_owned(),
            (false, _) => String::new(),
        };
        let refs = cross_refs_text(display.cross_refs(index));
        let mut label = if refs.is_empty() {
            label(row)
        } else {
            format!("{}; {refs}", label(row))
        };
        if report.by_analyst(index) {
            label.push_str("; linked by the analyst");
        }
        match row.kind {
            RowKind::Related | RowKind::Modified
                if row.kind == RowKind::Related || row.paraphrase =>
            {
                let what = if row.paraphrase {
                    "paraphrase"
                } else {
                    "related"
                };
                let shared = match (row.left.first(), row.right.first()) {
                    (Some(&l), Some(&r)) => comparison
                        .link(l, r)
                        .map(|link| link.shared.join(", "))
                        .unwrap_or_default(),
                    _ => String::new(),
                };
                writeln!(
                    out,
                    "{} ≈ {what}{moved} ({label}) · shared: {shared}",
                    index + 1
                )?;
                for (prefix, side, text, open, close) in [
                    ("L", Side::Left, &left.text, "[≈", "≈]"),
                    ("R", Side::Right, &right.text, "{≈", "≈}"),
                ] {
                    let mut line = String::new();
                    for (span, mark_kind) in cell_segments(text, comparison, row, side) {
                        let piece = &text[span.range()];
                        if mark_kind == Mark::Shared {
                            mark(&mut line, piece, open, close, paint(CYAN), paint(RESET));
                        } else {
                            line.push_str(piece);
                        }
                    }
                    writeln!(out, "  {prefix}: {}", clean(&line))?;
                }
            }
            RowKind::Identical => {
                writeln!(
                    out,
                    "{}{} = identical{moved} ({label}){}",
                    paint(DIM),
                    index + 1,
                    paint(RESET)
                )?;
                writeln!(
                    out,
                    "  {}",
                    clean(&left.text[comparison.left_span(row).range()])
                )?;
            }
            RowKind::LeftOnly => {
                writeln!(out, "{} < only left ({label})", index + 1)?;
                writeln!(
                    out,
                    "  {}{}{}",
                    paint(RED),
                    clean(&left.text[comparison.left_span(row).range()]),
                    paint(RESET)
                )?;
            }
            RowKind::RightOnly => {
                writeln!(out, "{} > only right ({label})", index + 1)?;
                writeln!(
                    out,
                    "  {}{}{}",
                    paint(GREEN),
                    clean(&right.text[comparison.right_span(row).range()]),
                    paint(RESET)
                )?;
            }
            RowKind::Related | RowKind::Modified => {
                writeln!(
                    out,
                    "{} ~ reworded {:.0}%{moved} ({label})",
                    index + 1,
                    row.similarity * 100.0
                )?;
                let mut left_line = String::new();
                let mut right_line = String::new();
                for op in &row.ops {
                    let l = &left.text[op.left.range()];
                    let r = &right.text[op.right.range()];
                    match op.tag {
                        OpTag::Equal => {
                            left_line.push_str(l);
                            right_line.push_str(r);
                        }
                        OpTag::Equivalent => {
                            mark(&mut left_line, l, "[=", "=]", paint(CYAN), paint(RESET));
                            mark(&mut right_line, r, "{=", "=}", paint(CYAN), paint(RESET));
                        }
                        OpTag::Delete => {
                            mark(&mut left_line, l, "[-", "-]", paint(RED), paint(RESET))
                        }
                        OpTag::Insert => {
                            mark(&mut right_line, r, "{+", "+}", paint(GREEN), paint(RESET))
                        }
                        OpTag::Replace => {
                            mark(&mut left_line, l, "[-", "-]", paint(RED), paint(RESET));
                            mark(&mut right_line, r, "{+", "+}", paint(GREEN), paint(RESET));
                        }
                    }
                }
                writeln!(out, "  L: {}", clean(&left_line))?;
                writeln!(out, "  R: {}", clean(&right_line))?;
            }
        }
        if let Some(note) = report.note(index) {
            writeln!(out, "  note: {}", clean(note))?;
        }
    }
    Ok(())
}

/// The analysis: entities by presence, shared phrases, wording strength.
fn write_analysis(
    out: &mut dyn Write,
    analysis: &Analysis,
    bold: &str,
    reset: &str,
) -> std::io::Result<()> {
    for (presence, heading) in [
        (Presence::Both, "Named in both"),
        (Presence::LeftOnly, "Named only left"),
        (Presence::RightOnly, "Named only right"),
    ] {
        let entities: Vec<_> = analysis
            .entities
            .iter()
            .filter(|e| e.presence() == presence)
            .collect();
        writeln!(out)?;
        writeln!(out, "{bold}{heading} ({}){reset}", entities.len())?;
        if entities.is_empty() {
            writeln!(out, "  none")?;
        }
        for entity in entities.iter().take(LIST_AT_MOST) {
            let others = entity.other_forms();
            let forms = if others.is_empty() {
                String::new()
            } else {
                format!(" ({})", others.join(", "))
            };
            let kind = crate::display::entity_kind_tag(entity.kind);
            writeln!(
                out,
                "  {}{forms}{kind} · left {}, right {}",
                entity.text, entity.left, entity.right
            )?;
        }
        if entities.len() > LIST_AT_MOST {
            writeln!(out, "  … and {} more", entities.len() - LIST_AT_MOST)?;
        }
    }

    writeln!(out)?;
    writeln!(
        out,
        "{bold}Shared phrases ({}){reset}",
        analysis.phrases.len()
    )?;
    if analysis.phrases.is_empty() {
        writeln!(out, "  none")?;
    }
    for phrase in analysis.phrases.iter().take(LIST_AT_MOST) {
        writeln!(
            out,
            "  \"{}\" · {} words · left {}×, right {}×",
            phrase.text,
            phrase.words,
            phrase.left.len(),
            phrase.right.len()
        )?;
    }
    if analysis.phrases.len() > LIST_AT_MOST {
        writeln!(
            out,
            "  … and {} more",
            analysis.phrases.len() - LIST_AT_MOST
        )?;
    }

    writeln!(out)?;
    writeln!(
        out,
        "{bold}Wording strength ({}){reset}",
        analysis.strength.len()
    )?;
    if analysis.strength.is_empty() {
        writeln!(
            out,
            "  no paired row words one thing more strongly on one side"
        )?;
    }
    for d in &analysis.strength {
        let sign = match d.stronger {
            Stronger::Left => '>',
            Stronger::Right => '<',
        };
        writeln!(
            out,
            "  row {}: left \"{}\" {sign} right \"{}\" ({})",
            d.row + 1,
            d.left,
            d.right,
            d.kind
        )?;
    }

    writeln!(out)?;
    writeln!(
        out,
        "{bold}Stance shifts ({}){reset}",
        analysis.shifts.len()
    )?;
    if analysis.shifts.is_empty() {
        writeln!(
            out,
            "  no link credits, words or qualifies one point differently on the two sides"
        )?;
    }
    for shift in &analysis.shifts {
        writeln!(out, "  {}", shift.summary())?;
    }

    writeln!(out)?;
    let compared = &analysis.figures_compared;
    writeln!(
        out,
        "{bold}Figures compared ({}){reset}",
        compared.figures.len()
    )?;
    if compared.figures.is_empty() {
        writeln!(
            out,
            "  no amount, percentage, date, duration or number on either side"
        )?;
    }
    for figure in &compared.figures {
        writeln!(out, "  {}", figure.summary())?;
    }
    for difference in &compared.differences {
        writeln!(out, "  {}", difference.summary())?;
    }
    Ok(())
}

/// The brief: what differs, a line each with its rows.
fn write_brief(
    out: &mut dyn Write,
    analysis: &Analysis,
    bold: &str,
    reset: &str,
) -> std::io::Result<()> {
    writeln!(out, "{bold}Brief{reset}")?;
    for line in &analysis.brief {
        writeln!(out, "  - {}", line.plain())?;
    }
    Ok(())
}

/// "L3 ↔ R1-2": the row's sentence numbers (1-based).
fn label(row: &Row) -> String {
    let side = |prefix: &str, s: &[usize]| match (s.first(), s.last()) {
        (Some(a), Some(b)) if a == b => format!("{prefix}{}", a + 1),
        (Some(a), Some(b)) => format!("{prefix}{}-{}", a + 1, b + 1),
        _ => String::new(),
    };
    match (row.left.is_empty(), row.right.is_empty()) {
        (false, false) => format!("{} ↔ {}", side("L", &row.left), side("R", &row.right)),
        (false, true) => side("L", &row.left),
        _ => side("R", &row.right),
    }
}

/// Wraps the words of `piece` in markers, leaving its trailing whitespace outside them.
fn mark(line: &mut String, piece: &str, open: &str, close: &str, on: &str, off: &str) {
    let body = piece.trim_end();
    if body.is_empty() {
        line.push_str(piece);
        return;
    }
    line.push_str(on);
    line.push_str(open);
    line.push_str(body);
    line.push_str(close);
    line.push_str(off);
    line.push_str(&piece[body.len()..]);
}

/// One line per row: line breaks inside a sentence become spaces, ends trimmed.
fn clean(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
