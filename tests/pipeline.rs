//! The whole pipeline on any text: texts built from tricky pieces (quotes of every kind,
//! abbreviations, initials, possessives, numbers, headings, right-to-left and CJK text,
//! combining marks, emoji, zero-width characters, CR/LF mixes) go through the comparison, the
//! analysis and every exporter without a panic; the comparison stays lossless, the JSON parses
//! back, and HTML and Markdown escape what they must. The pieces are in
//! `tests/fixtures/tricky-pieces.json`.

use std::time::{Duration, SystemTime};

use parallax::analysis::analyse_builtin;
use parallax::engine::{Comparison, Options, compare};
use parallax::export::{Provenance, Report, html, json, markdown, text};
use parallax::load::Document;
use proptest::prelude::*;

/// Pieces a statement is made of, chosen for what has broken text tools before, and what
/// separates them (shared with the structured fuzz target).
fn pieces() -> &'static (Vec<String>, Vec<String>) {
    static PIECES: std::sync::OnceLock<(Vec<String>, Vec<String>)> = std::sync::OnceLock::new();
    PIECES.get_or_init(|| {
        let table: serde_json::Value =
            serde_json::from_str(include_str!("fixtures/tricky-pieces.json"))
                .expect("tricky-pieces.json");
        let list = |key: &str| -> Vec<String> {
            table[key]
                .as_array()
                .expect("a list")
                .iter()
                .map(|v| v.as_str().expect("a string").to_owned())
                .collect()
        };
        (list("pieces"), list("glue"))
    })
}

fn statement() -> impl Strategy<Value = String> {
    let (pieces, glue) = pieces();
    prop::collection::vec(
        (
            prop::sample::select(pieces.clone()),
            prop::sample::select(glue.clone()),
        ),
        0..40,
    )
    .prop_map(|parts| {
        parts
            .into_iter()
            .map(|(piece, glue)| format!("{piece}{glue}"))
            .collect()
    })
}

fn check_lossless(text: &str, c: &Comparison, left: bool) {
    let sentences = if left {
        &c.left_sentences
    } else {
        &c.right_sentences
    };
    let mut at = 0;
    for s in sentences {
        assert_eq!(s.span.start, at, "sentences are contiguous");
        assert!(s.span.end > s.span.start && text.is_char_boundary(s.span.end));
        at = s.span.end;
    }
    assert_eq!(at, text.len(), "sentences cover the text");
}

/// The stance analysis's invariants: one actor per sentence of each side, every shift on a
/// link that is not identical, its quoted words inside its two sentences.
fn check_stance(
    left: &str,
    right: &str,
    c: &parallax::engine::Comparison,
    analysis: &parallax::analysis::Analysis,
) {
    assert_eq!(analysis.attribution[0].actors.len(), c.left_sentences.len());
    assert_eq!(
        analysis.attribution[1].actors.len(),
        c.right_sentences.len()
    );
    for shift in &analysis.shifts {
        let link = c
            .link(shift.left, shift.right)
            .expect("a shift is on a link");
        assert_ne!(link.kind, parallax::engine::LinkKind::Identical);
        for (span, sentence, text, words) in [
            (
                shift.left_span,
                &c.left_sentences[shift.left],
                left,
                &shift.left_words,
            ),
            (
                shift.right_span,
                &c.right_sentences[shift.right],
                right,
                &shift.right_words,
            ),
        ] {
            if span.is_empty() {
                assert!(words.is_empty());
                continue;
            }
            assert!(sentence.span.start <= span.start && span.end <= sentence.span.end);
            assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
        }
    }
}

/// Runs everything an analyst can run on the two texts.
fn whole_pipeline(left: &str, right: &str, options: &Options) {
    let c = compare(left, right, options);
    check_lossless(left, &c, true);
    check_lossless(right, &c, false);
    let analysis = analyse_builtin(left, right, &c);
    check_stance(left, right, &c, &analysis);
    let (left_doc, right_doc) = (
        Document::from_text("left", left),
        Document::from_text("right", right),
    );

    let notes = vec![(0, "<note> & *note*".to_owned())];
    let report = Report {
        left: &left_doc,
        right: &right_doc,
        comparison: &c,
        notes: &notes,
        terms: &[],
        analysis: Some(&analysis),
        provenance: Provenance {
            generated: SystemTime::UNIX_EPOCH + Duration::from_secs(1_780_000_000),
        },
    };
    let mut out = Vec::new();
    json::write(&mut out, &report).expect("json");
    let parsed: serde_json::Value = serde_json::from_slice(&out).expect("the JSON parses back");
    assert_eq!(parsed["left"]["text"].as_str(), Some(left));
    assert_eq!(parsed["right"]["text"].as_str(), Some(right));

    let mut out = Vec::new();
    text::write(&mut out, &report, true).expect("text");
    String::from_utf8(out).expect("text output is UTF-8");

    let mut out = Vec::new();
    html::write(&mut out, &report).expect("html");
    let page = String::from_utf8(out).expect("html is UTF-8");
    assert!(!page.contains("<zz>") && !page.contains("</script>") && !page.contains("<note>"));
    let mut out = Vec::new();
    markdown::write(&mut out, &report).expect("markdown");
    let md = String::from_utf8(out).expect("markdown is UTF-8");
    assert!(
        !md.contains("<zz>") && !md.contains("<note>"),
        "markdown escapes tags"
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(150))]

    #[test]
    fn any_text_goes_through_every_stage_and_export(
        left in statement(),
        right in statement(),
        ignore_case in any::<bool>(),
        ignore_punctuation in any::<bool>(),
        mark_variants in any::<bool>(),
        equivalences in any::<bool>(),
    ) {
        let options = Options::default()
            .ignore_case(ignore_case)
            .ignore_punctuation(ignore_punctuation)
            .mark_variants(mark_variants)
            .use_equivalences(equivalences);
        whole_pipeline(&left, &right, &options);
    }
}

/// The fuzz targets' check of a collation (lossless, every report for each pivot), shared.
#[allow(dead_code)] // its two-text check is run by `whole_pipeline` here
#[path = "../fuzz/fuzz_targets/pipeline.rs"]
mod fuzz_check;

use fuzz_check::check_collation as whole_collation;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn any_texts_go_through_the_collation_and_every_report(
        first in statement(),
        second in statement(),
        third in statement(),
        ignore_case in any::<bool>(),
    ) {
        let options = Options::default().ignore_case(ignore_case);
        whole_collation(&[&first, &second, &third], &options);
    }
}

#[test]
fn a_curly_quote_inside_an_abbreviation_is_no_possessive_to_cut() {
    // A typo: an opening curly quote where the dot of "U.S." was. The possessive check folds it
    // to an apostrophe and once cut the text by the folded form's length, inside the quote.
    let typo = "The U\u{2018}S. Acting Coordinator met officials.\n";
    let embassy = super::common::EMBASSY;
    whole_pipeline(typo, embassy, &Options::default());
    whole_pipeline(embassy, typo, &Options::default());
}

/// The engine's invariants and the analysis on statements made of equivalence-table forms, with
/// the table on and off.
mod equivalences {
    use parallax::analysis::Analysis;
    use parallax::engine::segment::{self, Span};
    use parallax::engine::{Comparison, OpTag, Options, RowKind, compare, token_key};
    use proptest::prelude::*;

    use super::super::common::{analysed, check_phrases};

    /// Words and forms of equivalence groups, to build random statements from.
    const VOCABULARY: &[&str] = &[
        "US",
        "U.S.",
        "United States",
        "us",
        "America",
        "IS-K",
        "ISIS-Khorasan",
        "Islamic State-Khorasan",
        "DPM/FM",
        "Deputy Prime Minister and Foreign Minister",
        "Deputy Prime Minister",
        "Foreign Minister",
        "FM",
        "CT",
        "counter-terrorism",
        "counterterrorism",
        "Pakistan's",
        "Pakistan",
        "Pakistan’s",
        "FO",
        "Foreign Office",
        "TTP",
        "the",
        "talks",
        "agreed",
        "discussed",
        "will",
        "may",
        "security",
        "Dar",
        "Ishaq Dar",
        "in",
        "May",
        "2025",
        ",",
        "(",
        ")",
        "—",
    ];

    fn statement() -> impl Strategy<Value = String> {
        prop::collection::vec(
            (
                prop::collection::vec(prop::sample::select(VOCABULARY), 1..12),
                prop::sample::select(&[". ", ".\n\n", "? ", ".\n"][..]),
            ),
            0..6,
        )
        .prop_map(|sentences| {
            sentences
                .into_iter()
                .map(|(words, end)| format!("{}{end}", words.join(" ")))
                .collect()
        })
    }

    /// The invariants the engine promises, with `OpTag::Equivalent` in the picture.
    fn check_lossless(left: &str, right: &str, c: &Comparison) {
        for (text, sentences) in [(left, &c.left_sentences), (right, &c.right_sentences)] {
            assert!(segment::partitions(sentences, text.len()));
        }
        let mut seen = [
            vec![0; c.left_sentences.len()],
            vec![0; c.right_sentences.len()],
        ];
        let key = |text: &str, span: Span| -> Vec<String> {
            let mut tokens = Vec::new();
            segment::tokens(text, span, &mut tokens);
            tokens
                .iter()
                .filter_map(|t| {
                    token_key(
                        &text[t.span().range()],
                        c.options.ignore_case,
                        c.options.ignore_punctuation,
                    )
                })
                .collect()
        };
        for row in &c.rows {
            for &i in &row.left {
                seen[0][i] += 1;
            }
            for &i in &row.right {
                seen[1][i] += 1;
            }
            if !matches!(
                row.kind,
                RowKind::Identical | RowKind::Modified | RowKind::Related
            ) {
                assert!(row.ops.is_empty());
                continue;
            }
            let (ls, rs) = (c.left_span(row), c.right_span(row));
            let (mut l, mut r) = (ls.start, rs.start);
            for op in &row.ops {
                assert_eq!((op.left.start, op.right.start), (l, r), "{row:?}");
                let (lk, rk) = (key(left, op.left), key(right, op.right));
                match op.tag {
                    OpTag::Equal => assert_eq!(lk, rk, "{op:?}"),
                    OpTag::Equivalent => {
                        assert!(!lk.is_empty() && !rk.is_empty() && lk != rk, "{op:?}");
                    }
                    OpTag::Delete => assert!(rk.is_empty() && !lk.is_empty(), "{op:?}"),
                    OpTag::Insert => assert!(lk.is_empty() && !rk.is_empty(), "{op:?}"),
                    OpTag::Replace => assert!(!lk.is_empty() && !rk.is_empty(), "{op:?}"),
                }
                (l, r) = (op.left.end, op.right.end);
            }
            assert_eq!((l, r), (ls.end, rs.end), "{row:?}");
            match row.kind {
                RowKind::Identical => {
                    assert!(row.ops.iter().all(|o| o.tag == OpTag::Equal));
                    assert_eq!(row.similarity, 1.0);
                }
                _ => {
                    assert!(row.ops.iter().any(|o| o.tag != OpTag::Equal), "{row:?}");
                    let only_equivalent = row
                        .ops
                        .iter()
                        .all(|o| matches!(o.tag, OpTag::Equal | OpTag::Equivalent));
                    if only_equivalent {
                        assert_eq!(row.similarity, 1.0, "{row:?}");
                    }
                    assert!((0.0..=1.0).contains(&row.similarity));
                }
            }
        }
        assert!(seen.iter().flatten().all(|&n| n == 1), "{seen:?}");
        assert!((0.0..=1.0).contains(&c.stats.similarity));
    }

    fn check_analysis(left: &str, right: &str, a: &Analysis) {
        for e in &a.entities {
            for (text, spans) in [(left, &e.left_spans), (right, &e.right_spans)] {
                for s in spans.iter() {
                    assert!(s.start < s.end && s.end <= text.len());
                    assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
                }
            }
            assert!(e.left + e.right > 0);
        }
        check_phrases(left, right, a);
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]

        #[test]
        fn lossless_with_equivalences(
            left in statement(),
            right in statement(),
            ignore_case in any::<bool>(),
            ignore_punctuation in any::<bool>(),
        ) {
            let options = Options::default()
                .ignore_case(ignore_case)
                .ignore_punctuation(ignore_punctuation);
            let (c, a) = analysed(&left, &right, &options);
            check_lossless(&left, &right, &c);
            check_analysis(&left, &right, &a);
            prop_assert_eq!(&c, &compare(&left, &right, &options));
            // Equivalences do not change where sentences are.
            let plain = compare(&left, &right, &options.use_equivalences(false));
            prop_assert_eq!(plain.left_sentences, c.left_sentences);
        }
    }
}
