//! The outline of a two-text report: title, brief, summary, legend, provenance, the insights
//! (who is named where, shared phrases, wording strength, stance shifts, figures), the rows
//! side by side, the footer.

use crate::analysis::{Analysis, Presence, Stronger};
use crate::display::{DisplayModel, Side, cell_segments, coverage_text, gutter_label, kind_words};
use crate::engine::Row;
use crate::export::Report;

use super::{
    Block, DocumentFacts, LIST_AT_MOST, Line, NOT_COMPUTED, Outline, OutlineKind, PairRow,
    Provenance, Rows, Span, capitalised, footer, more_line, row_links,
};

/// The outline of `report`.
pub fn pair(report: &Report<'_>) -> Outline {
    let (left, right) = (report.left, report.right);
    let mut blocks = vec![Block::Title(vec![
        Span::plain(&left.name),
        Span::plain(" "),
        Span::Weak("vs".to_owned()),
        Span::plain(" "),
        Span::plain(&right.name),
    ])];
    if let Some(analysis) = report.analysis {
        blocks.push(Block::Heading("Brief".to_owned(), None));
        blocks.push(Block::List(
            analysis
                .brief
                .iter()
                .map(|line| {
                    let mut item = vec![Span::plain(&line.text)];
                    if !line.rows.is_empty() {
                        item.push(Span::plain(" ("));
                        item.extend(row_links(&line.rows, line.more_rows));
                        item.push(Span::plain(")"));
                    }
                    item
                })
                .collect(),
        ));
    }
    let s = &report.comparison.stats;
    // What an analyst can quote first: how many sentences have a counterpart; the word
    // overlap last (two readouts of one call share few words however many points they share).
    blocks.push(Block::Summary(vec![
        Span::Strong(capitalised(&coverage_text(report.comparison))),
        Span::Break,
        Span::plain(format!(
            "{} identical · {} reworded · {} related · {} moved · {} only left · {} only right · \
             similarity (shared wording) {:.0}%",
            s.identical,
            s.modified,
            s.related,
            s.moved,
            s.left_only,
            s.right_only,
            s.similarity * 100.0
        )),
    ]));
    blocks.push(Block::Legend(OutlineKind::Pair));
    blocks.push(Block::Heading("Provenance".to_owned(), None));
    blocks.push(Block::Provenance(provenance(report)));
    match report.analysis {
        Some(analysis) => insights(&mut blocks, analysis),
        None => blocks.push(Block::Paragraph(vec![Span::plain(NOT_COMPUTED)])),
    }
    blocks.push(Block::Heading("Side by side".to_owned(), None));
    let display = DisplayModel::new(report.comparison);
    blocks.push(Block::Rows(Rows {
        names: [left.name.clone(), right.name.clone()],
        rows: (0..report.comparison.rows.len())
            .filter_map(|index| pair_row(report, &display, index))
            .collect(),
    }));
    blocks.push(footer("parallax compare --format json"));
    Outline {
        kind: OutlineKind::Pair,
        title: format!("Parallax: {} vs {}", left.name, right.name),
        blocks,
    }
}

/// The documents, the options, the analyst's decisions and terms, when it was compared.
fn provenance(report: &Report<'_>) -> Provenance {
    let comparison = report.comparison;
    let documents = [
        ("Left", report.left, comparison.left_sentences.len()),
        ("Right", report.right, comparison.right_sentences.len()),
    ]
    .into_iter()
    .map(|(label, document, sentences)| DocumentFacts {
        label: label.to_owned(),
        name: document.name.clone(),
        origin: Report::origin_of(document),
        bytes: Report::size_of(document),
        sentences,
        format: document.format.as_str().to_owned(),
        encoding: document.encoding.to_string(),
        sha256: document.sha256.clone(),
    })
    .collect();
    let mut facts = vec![("Options", report.options_text())];
    if let Some(decided) = report.decisions_text() {
        facts.push(("Judged", decided));
    }
    if let Some(terms) = report.terms_text() {
        facts.push(("Terms", terms));
    }
    facts.push((
        "Compared",
        format!(
            "{} by Parallax {}",
            report.generated_rfc3339(),
            env!("CARGO_PKG_VERSION")
        ),
    ));
    Provenance { documents, facts }
}

/// Who is named where, the shared phrases, wording strength, stance shifts, figures: a heading
/// with its count each, and a line saying so when there is none.
fn insights(blocks: &mut Vec<Block>, analysis: &Analysis) {
    names(blocks, analysis);
    let phrases = analysis.phrases.iter().take(LIST_AT_MOST).map(|phrase| {
        vec![Span::plain(format!(
            "“{}” · {} words · left {}×, right {}×",
            phrase.text,
            phrase.words,
            phrase.left.len(),
            phrase.right.len()
        ))]
    });
    section(
        blocks,
        format!("Shared phrases ({})", analysis.phrases.len()),
        phrases.chain(more_line(analysis.phrases.len())).collect(),
        "none",
    );

    let strength = analysis.strength.iter().map(|d| {
        let side = match d.stronger {
            Stronger::Left => "left",
            Stronger::Right => "right",
        };
        vec![
            Span::Link {
                text: format!("row {}", d.row + 1),
                to: super::Anchor::Row(d.row),
            },
            Span::plain(format!(
                ": left “{}”, right “{}” ({}): stronger on the {side}",
                d.left, d.right, d.kind
            )),
        ]
    });
    section(
        blocks,
        format!(
            "Stronger words in paired rows ({})",
            analysis.strength.len()
        ),
        strength.collect(),
        "no paired row uses a stronger word of one kind on one side (the stance shifts below \
         compare every linked sentence)",
    );

    section(
        blocks,
        format!("Stance shifts ({})", analysis.shifts.len()),
        analysis
            .shifts
            .iter()
            .map(|shift| vec![Span::plain(shift.summary())])
            .collect(),
        "no link credits, words or qualifies one point differently on the two sides",
    );

    let compared = &analysis.figures_compared;
    let figures = compared.figures.iter().map(|f| f.summary());
    let differences = compared.differences.iter().map(|d| d.summary());
    section(
        blocks,
        format!("Figures compared ({})", compared.figures.len()),
        figures
            .chain(differences)
            .map(|line| vec![Span::plain(line)])
            .collect(),
        "no amount, percentage, date, duration or number on either side",
    );
}

/// Who is named in both texts, only the left, only the right: a line per entity with its other
/// forms, its kind and its counts.
fn names(blocks: &mut Vec<Block>, analysis: &Analysis) {
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
        let items = entities.iter().take(LIST_AT_MOST).map(|entity| {
            let others = entity.other_forms();
            let forms = if others.is_empty() {
                String::new()
            } else {
                format!(" ({})", others.join(", "))
            };
            vec![Span::plain(format!(
                "{}{forms}{} · left {}, right {}",
                entity.text,
                crate::display::entity_kind_tag(entity.kind),
                entity.left,
                entity.right
            ))]
        });
        section(
            blocks,
            format!("{heading} ({})", entities.len()),
            items.chain(more_line(entities.len())).collect(),
            "none",
        );
    }
}

/// A heading and its list, or the list's one line `none` when it is empty.
fn section(blocks: &mut Vec<Block>, heading: String, items: Vec<Line>, none: &str) {
    blocks.push(Block::Heading(heading, None));
    blocks.push(Block::List(if items.is_empty() {
        vec![vec![Span::plain(none)]]
    } else {
        items
    }));
}

/// Row `index` with everything the writers say of it.
fn pair_row(report: &Report<'_>, display: &DisplayModel, index: usize) -> Option<PairRow> {
    let comparison = report.comparison;
    let row = comparison.rows.get(index)?;
    let cross_refs = display.cross_refs(index).to_vec();
    let shared = match (row.left.first(), row.right.first()) {
        (Some(&l), Some(&r)) => comparison
            .link(l, r)
            .map(|link| link.shared.clone())
            .unwrap_or_default(),
        _ => Vec::new(),
    };
    let cell = |side: Side| {
        let (document, sentences) = match side {
            Side::Left => (report.left, &row.left),
            Side::Right => (report.right, &row.right),
        };
        (!sentences.is_empty()).then(|| {
            cell_segments(&document.text, comparison, row, side)
                .into_iter()
                .filter_map(|(span, mark)| {
                    Some((document.text.get(span.range())?.to_owned(), mark))
                })
                .collect()
        })
    };
    Some(PairRow {
        index,
        kind: row.kind,
        paraphrase: row.paraphrase,
        kind_words: kind_words(row, !cross_refs.is_empty()),
        gutter: gutter_label(row, !cross_refs.is_empty()),
        similarity: row.similarity,
        sentences: sentences_label(row),
        moved: row
            .moved
            .then(|| display.moved_targets.get(index).copied().flatten()),
        by_analyst: report.by_analyst(index),
        cross_refs,
        shared,
        cells: [cell(Side::Left), cell(Side::Right)],
        note: report.note(index).map(str::to_owned),
    })
}

/// "L3 ↔ R1-2": the row's sentence numbers (from 1).
fn sentences_label(row: &Row) -> String {
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
