//! The outline of a collation report: title, summary, legend, provenance, the similarity
//! matrix, the presence map, the insights (who names what, shared phrases, wording strength),
//! the points in the pivot's reading order, the footer.

use crate::analysis::CollationInsights;
use crate::display::{entity_kind_name, label, labels};
use crate::engine::collate::Share;
use crate::export::Report;
use crate::export::collation::{CollationReport, cell_words};

use super::{
    Anchor, Block, DocumentFacts, DocumentLabel, EntityRow, EntityTable, LIST_AT_MOST,
    NOT_COMPUTED, Outline, OutlineKind, PhraseRow, PointCell, PointRow, Points, PresenceMap,
    Provenance, Similarity, Span, footer, more_line, point_links,
};

/// The outline of `report`.
pub fn collation(report: &CollationReport<'_>) -> Outline {
    let documents: Vec<DocumentLabel> = report
        .documents
        .iter()
        .enumerate()
        .map(|(d, document)| DocumentLabel {
            label: label(d),
            name: document.name.clone(),
        })
        .collect();
    let n = documents.len();
    let (points, all, some, single) = report.counts();
    let pivot = documents
        .get(report.pivot)
        .map_or(String::new(), |d| format!("{} ({})", d.label, d.name));
    let mut blocks = vec![Block::Title(vec![Span::plain(format!(
        "Collation of {n} documents"
    ))])];
    if let Some(insights) = report.insights {
        blocks.extend(brief(report, insights));
    }
    blocks.extend([
        Block::Summary(vec![
            Span::Strong(format!("{points} points")),
            Span::plain(format!(
                " · {all} in every document · {some} in some · {single} in one only. Points in \
                 the reading order of {pivot}."
            )),
        ]),
        Block::Legend(OutlineKind::Collation),
        Block::Heading("Provenance".to_owned(), None),
        Block::Provenance(provenance(report)),
        Block::Heading(
            "Similarity".to_owned(),
            Some(
                "share of the two documents' sentences with a counterpart in the other".to_owned(),
            ),
        ),
        Block::Similarity(Similarity {
            documents: documents.clone(),
            values: report.collation.similarity.clone(),
        }),
        Block::Heading("Presence map".to_owned(), None),
    ]);
    let order = report.order();
    blocks.push(Block::PresenceMap(PresenceMap {
        documents: documents.clone(),
        points: order
            .iter()
            .filter_map(|&index| report.collation.points.get(index))
            .map(|point| (point.kind, (0..n).map(|d| point.has(d)).collect()))
            .collect(),
    }));
    match report.insights {
        Some(insights) => self::insights(&mut blocks, report, insights, &documents),
        None => blocks.push(Block::Paragraph(vec![Span::plain(NOT_COMPUTED)])),
    }
    blocks.push(Block::Heading("Points".to_owned(), None));
    blocks.push(Block::Points(Points {
        documents: documents.clone(),
        points: points_of(report, &order),
    }));
    blocks.push(footer("parallax compare A B C --format json"));
    let names: Vec<&str> = documents.iter().map(|d| d.name.as_str()).collect();
    Outline {
        kind: OutlineKind::Collation,
        title: format!("Parallax collation: {}", names.join(" · ")),
        blocks,
    }
}

/// The brief: what differs among the statements, each line linking to its points.
fn brief(report: &CollationReport<'_>, insights: &CollationInsights) -> [Block; 2] {
    let positions = report.positions();
    [
        Block::Heading("Brief".to_owned(), None),
        Block::List(
            insights
                .brief
                .iter()
                .map(|line| {
                    let mut item = vec![Span::plain(&line.text)];
                    let at = line.positions(&positions);
                    if !at.is_empty() {
                        item.push(Span::plain(" ("));
                        item.extend(point_links(&at));
                        item.push(Span::plain(")"));
                    }
                    item
                })
                .collect(),
        ),
    ]
}

/// The documents, the options, when it was collated.
fn provenance(report: &CollationReport<'_>) -> Provenance {
    Provenance {
        documents: report
            .documents
            .iter()
            .enumerate()
            .map(|(d, document)| DocumentFacts {
                label: label(d),
                name: document.name.clone(),
                origin: Report::origin_of(document),
                bytes: Report::size_of(document),
                sentences: report.collation.sentences.get(d).map_or(0, Vec::len),
                format: document.format.as_str().to_owned(),
                encoding: document.encoding.to_string(),
                sha256: document.sha256.clone(),
            })
            .collect(),
        facts: vec![
            ("Options", report.options_text()),
            (
                "Collated",
                format!(
                    "{} by Parallax {}",
                    report.generated_rfc3339(),
                    env!("CARGO_PKG_VERSION")
                ),
            ),
        ],
    }
}

/// Who names what, the shared phrases, the wording-strength findings linking to their points.
fn insights(
    blocks: &mut Vec<Block>,
    report: &CollationReport<'_>,
    insights: &CollationInsights,
    documents: &[DocumentLabel],
) {
    let n = documents.len();
    blocks.push(Block::Heading(
        "Who names what".to_owned(),
        Some(format!(
            "{} entities, named by more documents first; a count per document",
            insights.entities.len()
        )),
    ));
    blocks.push(Block::Entities(EntityTable {
        documents: documents.to_vec(),
        entities: insights
            .entities
            .iter()
            .take(LIST_AT_MOST)
            .map(|entity| EntityRow {
                text: entity.text.clone(),
                others: entity
                    .forms
                    .iter()
                    .filter(|f| **f != entity.text)
                    .cloned()
                    .collect(),
                kind: entity_kind_name(entity.kind),
                counts: (0..n)
                    .map(|d| entity.counts.get(d).copied().unwrap_or(0))
                    .collect(),
            })
            .collect(),
    }));
    blocks.extend(more_line(insights.entities.len()).map(Block::Paragraph));

    blocks.push(Block::Heading(
        "Shared phrases".to_owned(),
        Some(format!(
            "{} runs of three or more words that two or more documents share, carried by more \
             documents first",
            insights.phrases.len()
        )),
    ));
    blocks.push(Block::Phrases(
        insights
            .phrases
            .iter()
            .take(LIST_AT_MOST)
            .map(|phrase| PhraseRow {
                documents: labels(&phrase.documents),
                words: phrase.words,
                text: phrase.text.clone(),
            })
            .collect(),
    ));
    blocks.extend(more_line(insights.phrases.len()).map(Block::Paragraph));

    let findings = insights.strength.len();
    blocks.push(Block::Heading(
        "Wording strength".to_owned(),
        (findings > 0)
            .then(|| format!("{findings} finding{}", if findings == 1 { "" } else { "s" })),
    ));
    if insights.strength.is_empty() {
        blocks.push(Block::Paragraph(vec![Span::plain(
            "No point is worded more strongly by one document than by another.",
        )]));
        return;
    }
    let positions = report.positions();
    blocks.push(Block::List(
        insights
            .strength
            .iter()
            .map(|finding| {
                let position = positions.get(finding.point).copied().unwrap_or(0);
                vec![
                    Span::Link {
                        text: format!("Point {}", position + 1),
                        to: Anchor::Point(position),
                    },
                    Span::plain(format!(": {} ", label(finding.stronger))),
                    Span::Strong(finding.stronger_word.clone()),
                    Span::plain(format!(" is stronger than {} ", label(finding.weaker))),
                    Span::Strong(finding.weaker_word.clone()),
                    Span::plain(format!(" ({})", finding.kind)),
                ]
            })
            .collect(),
    ));
}

/// The points in reading order, each with its documents' cells.
fn points_of(report: &CollationReport<'_>, order: &[usize]) -> Vec<PointRow> {
    let collation = report.collation;
    let texts = report.texts();
    order
        .iter()
        .filter_map(|&index| Some((index, collation.points.get(index)?)))
        .enumerate()
        .map(|(number, (index, point))| {
            let words = collation.point_words(&texts, index);
            let shared = point.documents() > 1;
            let cells = report
                .documents
                .iter()
                .enumerate()
                .map(|(d, document)| {
                    let sentences = point.sentences.get(d).filter(|s| !s.is_empty())?;
                    Some(PointCell {
                        sentences: sentences
                            .iter()
                            .map(|s| format!("S{}", s + 1))
                            .collect::<Vec<_>>()
                            .join(", "),
                        words: cell_words(&document.text, collation, &words, index, d)
                            .into_iter()
                            .map(|(piece, share)| {
                                let share = if shared { share } else { Share::Function };
                                (piece.to_owned(), share)
                            })
                            .collect(),
                    })
                })
                .collect();
            PointRow {
                number,
                kind: point.kind,
                cells,
            }
        })
        .collect()
}
