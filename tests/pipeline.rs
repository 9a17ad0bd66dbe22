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

/// Runs everything an analyst can run on the two texts.
fn whole_pipeline(left: &str, right: &str, options: &Options) {
    let c = compare(left, right, options);
    check_lossless(left, &c, true);
    check_lossless(right, &c, false);
    let analysis = analyse_builtin(left, right, &c);
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

#[test]
fn a_curly_quote_inside_an_abbreviation_is_no_possessive_to_cut() {
    // A typo: an opening curly quote where the dot of "U.S." was. The possessive check folds it
    // to an apostrophe and once cut the text by the folded form's length, inside the quote.
    let typo = "The U\u{2018}S. Acting Coordinator met officials.\n";
    let embassy = include_str!("../samples/us-embassy-x-post.txt");
    whole_pipeline(typo, embassy, &Options::default());
    whole_pipeline(embassy, typo, &Options::default());
}
