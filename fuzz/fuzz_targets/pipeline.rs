//! What every fuzz target checks: two texts through the comparison, the analysis and every
//! exporter, with the options given. Included by the targets (`#[path]`), not a target itself.

use std::time::{Duration, SystemTime};

use parallax::analysis::analyse_builtin;
use parallax::engine::{Options, RowKind, compare, segment};
use parallax::export::{Provenance, Report, html, json, markdown, text};
use parallax::load::Document;

/// Options from one byte: each bit an option, the threshold from the high bits.
pub fn options(flags: u8) -> Options {
    Options::default()
        .ignore_case(flags & 1 != 0)
        .ignore_punctuation(flags & 2 != 0)
        .mark_variants(flags & 4 != 0)
        .use_equivalences(flags & 8 == 0)
        .threshold(f32::from(flags >> 4) / 15.0)
}

/// Runs the whole pipeline and checks what it promises.
pub fn check(left: &str, right: &str, options: &Options) {
    let comparison = compare(left, right, options);
    assert!(segment::partitions(&comparison.left_sentences, left.len()));
    assert!(segment::partitions(
        &comparison.right_sentences,
        right.len()
    ));
    let mut seen_left = vec![0u32; comparison.left_sentences.len()];
    let mut seen_right = vec![0u32; comparison.right_sentences.len()];
    for row in &comparison.rows {
        for &s in &row.left {
            seen_left[s] += 1;
        }
        for &s in &row.right {
            seen_right[s] += 1;
        }
        match row.kind {
            RowKind::LeftOnly => assert!(row.right.is_empty() && !row.left.is_empty()),
            RowKind::RightOnly => assert!(row.left.is_empty() && !row.right.is_empty()),
            RowKind::Related => {
                assert!(row.ops.is_empty() && row.left.len() == 1 && row.right.len() == 1);
                assert!(comparison.link(row.left[0], row.right[0]).is_some());
            }
            RowKind::Identical | RowKind::Modified => {
                let (l, r) = (comparison.left_span(row), comparison.right_span(row));
                let (mut at_l, mut at_r) = (l.start, r.start);
                for op in &row.ops {
                    assert_eq!((op.left.start, op.right.start), (at_l, at_r));
                    at_l = op.left.end;
                    at_r = op.right.end;
                }
                assert_eq!((at_l, at_r), (l.end, r.end));
            }
        }
    }
    assert!(seen_left.iter().all(|&n| n == 1));
    assert!(seen_right.iter().all(|&n| n == 1));
    for link in &comparison.links {
        assert!(link.left < seen_left.len() && link.right < seen_right.len());
        assert!((0.0..=1.0).contains(&link.score));
    }

    let analysis = analyse_builtin(left, right, &comparison);
    let (left_doc, right_doc) = (
        Document::from_text("left", left),
        Document::from_text("right", right),
    );
    let notes = vec![(0, "<note>".to_owned())];
    let report = Report {
        left: &left_doc,
        right: &right_doc,
        comparison: &comparison,
        notes: &notes,
        terms: &[],
        analysis: Some(&analysis),
        provenance: Provenance {
            generated: SystemTime::UNIX_EPOCH + Duration::from_secs(1_780_000_000),
        },
    };
    let mut out = Vec::new();
    json::write(&mut out, &report).expect("json");
    let parsed: serde_json::Value = serde_json::from_slice(&out).expect("JSON parses back");
    assert_eq!(parsed["left"]["text"].as_str(), Some(left));
    let mut out = Vec::new();
    text::write(&mut out, &report, true).expect("text");
    let mut out = Vec::new();
    html::write(&mut out, &report).expect("html");
    assert!(!String::from_utf8_lossy(&out).contains("<note>"));
    let mut out = Vec::new();
    markdown::write(&mut out, &report).expect("markdown");
    assert!(!String::from_utf8_lossy(&out).contains("<note>"));

    // Three texts at once: the collation, its insights and every collation report.
    check_collation(&[left, right, &format!("{right}\n{left}")], options);
}

/// Everything an analyst can run on three or more texts: the collation, its insights and every
/// collation report (a pivot for each document), with the collation's invariants: lossless,
/// every reading order a permutation of the points, the JSON parsing back, names escaped.
/// `tests/pipeline.rs` runs it as a property test.
pub fn check_collation(texts: &[&str], options: &Options) {
    use parallax::analysis::{StrengthLexicon, analyse_collation};
    use parallax::engine::Equivalences;
    use parallax::engine::collate::collate;
    use parallax::export::collation::{CollationReport, write};

    let collation = collate(texts, options);
    // Lossless: every sentence of every document in exactly one point.
    for (d, text) in texts.iter().enumerate() {
        let sentences = &collation.sentences[d];
        let mut at = 0;
        for s in sentences {
            assert_eq!(s.span.start, at, "sentences are contiguous");
            at = s.span.end;
        }
        assert_eq!(at, text.len(), "sentences cover the text");
        let mut seen = vec![0; sentences.len()];
        for point in &collation.points {
            for &i in &point.sentences[d] {
                seen[i] += 1;
            }
        }
        assert!(seen.iter().all(|&n| n == 1), "every sentence in one point");
    }
    let insights = analyse_collation(
        texts,
        &collation,
        Equivalences::builtin_ref(),
        StrengthLexicon::builtin_ref(),
    );
    // The brief: a few lines, each naming points of the collation, ascending and distinct.
    assert!(insights.brief.len() <= parallax::analysis::collation_brief::MAX_LINES);
    assert_eq!(
        texts.is_empty(),
        insights.brief.is_empty(),
        "a brief when there are texts"
    );
    for line in &insights.brief {
        assert!(line.points.windows(2).all(|w| w[0] < w[1]), "{line:?}");
        assert!(
            line.points.iter().all(|&p| p < collation.points.len()),
            "{line:?}"
        );
    }
    let documents: Vec<Document> = texts
        .iter()
        .enumerate()
        .map(|(i, t)| Document::from_text(format!("<d{i}>.txt"), *t))
        .collect();
    for pivot in 0..texts.len() {
        let order = collation.reading_order(pivot);
        let mut sorted = order.clone();
        sorted.sort_unstable();
        assert_eq!(sorted, (0..collation.points.len()).collect::<Vec<_>>());
        for point in 0..collation.points.len() {
            for d in 0..texts.len() {
                let _ = parallax::display::collation_cell(
                    &collation,
                    &collation.point_words(texts, point),
                    point,
                    d,
                );
            }
        }
        let documents: Vec<_> = documents.iter().collect();
        let report = CollationReport {
            documents: &documents,
            collation: &collation,
            pivot,
            provenance: Provenance {
                generated: SystemTime::UNIX_EPOCH + Duration::from_secs(1_780_000_000),
            },
            insights: Some(&insights),
        };
        for format in parallax::export::Format::ALL {
            let mut out = Vec::new();
            write(&mut out, format, &report, true).expect("a collation report");
            let written = String::from_utf8(out).expect("UTF-8");
            match format {
                parallax::export::Format::Json => {
                    let parsed: serde_json::Value =
                        serde_json::from_str(&written).expect("the JSON parses back");
                    assert_eq!(parsed["documents"][0]["text"].as_str(), Some(texts[0]));
                }
                parallax::export::Format::Html | parallax::export::Format::Markdown => {
                    assert!(!written.contains("<d0>"), "names are escaped");
                    assert!(!written.contains("<zz>") && !written.contains("</script>"));
                }
                parallax::export::Format::Text => {}
            }
        }
    }
}
