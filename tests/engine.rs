//! Engine tests: segmentation, the seed pairs, moved sentences, options, the lossless
//! invariants, and properties over random texts.

use std::collections::BTreeMap;

use parallax::engine::segment::{self, Sentence, sentences};
use parallax::engine::{
    Comparer, Comparison, Decision, Knowledge, LinkKind, OpTag, Options, Row, RowKind, Span,
    Verdict, compare, token_key,
};
use proptest::prelude::*;

use super::common::{ARTICLE, EMBASSY, EMBASSY_PARAPHRASE, FO, MOFA, MOFA_PARAPHRASE, op_texts};

/// The start of the GPL-3 preamble as /usr/share/common-licenses/GPL-3 has it: a centred
/// heading, then hard-wrapped paragraphs with two spaces after each full stop.
const GPL_PREAMBLE: &str = r#"                            Preamble

  The GNU General Public License is a free, copyleft license for
software and other kinds of works.

  The licenses for most software and other practical works are designed
to take away your freedom to share and change the works.  By contrast,
the GNU General Public License is intended to guarantee your freedom to
share and change all versions of a program--to make sure it remains free
software for all its users.  We, the Free Software Foundation, use the
GNU General Public License for most of our software; it applies also to
any other work released this way by its authors.  You can apply it to
your programs, too.
"#;

/// What a reader calls each sentence of `text` (content spans).
fn contents(text: &str) -> Vec<&str> {
    sentences(text)
        .iter()
        .map(|s| &text[s.content.range()])
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Segmentation
// ---------------------------------------------------------------------------------------------

#[test]
fn dotted_acronym_and_initial_do_not_end_the_sentence() {
    assert_eq!(
        contents(MOFA),
        [
            "The U.S. Acting Coordinator for Counterterrorism, Gregory D. LoGerfo, today called on \
             the Deputy Prime Minister/Foreign Minister, Senator Mohammad Ishaq Dar.",
            "The DPM/FM Dar was briefed on the discussions held during the Pakistan- U.S. CT \
             Dialogue.",
        ]
    );
    assert_eq!(
        contents("Talks with the U.S. Government resumed. Both sides met."),
        ["Talks with the U.S. Government resumed.", "Both sides met."]
    );
    assert_eq!(
        contents("Gregory D. LoGerfo arrived. He met Dar."),
        ["Gregory D. LoGerfo arrived.", "He met Dar."]
    );
}

#[test]
fn titles_and_suffixes_do_not_end_the_sentence() {
    assert_eq!(
        contents("Mr. Dar met Mr. Rubio in Washington. They discussed trade."),
        [
            "Mr. Dar met Mr. Rubio in Washington.",
            "They discussed trade."
        ]
    );
    assert_eq!(
        contents("Martin Luther King Jr. Day was observed. Offices closed."),
        [
            "Martin Luther King Jr. Day was observed.",
            "Offices closed."
        ]
    );
}

#[test]
fn latin_and_number_abbreviations_do_not_end_the_sentence() {
    assert_eq!(
        contents("Several groups, e.g. BLA and TTP, were named. Others were not."),
        [
            "Several groups, e.g. BLA and TTP, were named.",
            "Others were not."
        ]
    );
    assert_eq!(
        contents("Resolution No. 5 was adopted. It passed unopposed."),
        ["Resolution No. 5 was adopted.", "It passed unopposed."]
    );
}

#[test]
fn closing_quotes_stay_with_their_sentence() {
    assert_eq!(
        contents("He said: “We remain committed.” The FO agreed."),
        ["He said: “We remain committed.”", "The FO agreed."]
    );
    assert_eq!(
        contents("She wrote \"Fine.\" Then she left."),
        ["She wrote \"Fine.\"", "Then she left."]
    );
    // The article's attributed quotation is one sentence.
    assert_eq!(
        contents(EMBASSY_PARAPHRASE)[1],
        "“We remain committed to countering terrorism in all its forms,” the embassy said."
    );
}

#[test]
fn hard_wrapped_lines_do_not_break_blank_lines_and_headings_do() {
    assert_eq!(
        contents(GPL_PREAMBLE),
        [
            "Preamble",
            "The GNU General Public License is a free, copyleft license for\nsoftware and other \
             kinds of works.",
            "The licenses for most software and other practical works are designed\nto take away \
             your freedom to share and change the works.",
            "By contrast,\nthe GNU General Public License is intended to guarantee your freedom \
             to\nshare and change all versions of a program--to make sure it remains free\n\
             software for all its users.",
            "We, the Free Software Foundation, use the\nGNU General Public License for most of our \
             software; it applies also to\nany other work released this way by its authors.",
            "You can apply it to\nyour programs, too.",
        ]
    );
    let ends: Vec<bool> = sentences(GPL_PREAMBLE)
        .iter()
        .map(|s| s.ends_paragraph)
        .collect();
    assert_eq!(ends, [true, true, false, false, false, true]);

    // The same heading directly above its paragraph, with no blank line between.
    let tight = "Preamble\n  The GNU General Public License is a free, copyleft license for\n\
                 software and other kinds of works.\n";
    assert_eq!(
        contents(tight),
        [
            "Preamble",
            "The GNU General Public License is a free, copyleft license for\nsoftware and other \
             kinds of works."
        ]
    );
    // Windows line endings behave the same.
    let crlf = GPL_PREAMBLE.replace('\n', "\r\n");
    assert_eq!(contents(&crlf).len(), 6, "{:?}", contents(&crlf));
}

/// A hard-wrapped line that happens to start with a number and a full stop (GPL-3 section 5 b,
/// "…under section\n7.  This requirement…") continues the reference the line before left
/// open; it is not a numbered list item, so "7." stays with its sentence.
#[test]
fn wrapped_line_starting_with_a_number_is_not_a_list_item() {
    let text = "    b) The work must carry prominent notices stating that it is
    released under this License and any conditions added under section
    7.  This requirement modifies the requirement in section 4 to
    \"keep intact all notices\".
";
    assert_eq!(
        contents(text),
        [
            "b) The work must carry prominent notices stating that it is\n    released under \
             this License and any conditions added under section\n    7.",
            "This requirement modifies the requirement in section 4 to\n    \"keep intact all \
             notices\".",
        ]
    );
}

#[test]
fn seed_headings_stand_alone() {
    assert_eq!(
        contents(FO)[0],
        "Pakistan-US Counter-Terrorism Dialogue Joint Press Statement"
    );
    let article = contents(ARTICLE);
    assert_eq!(
        article[1],
        "Both sides stress developing measures against BLA, TTP, and ISIS-Khorasan: FO"
    );
    assert!(article.contains(&"Pakistan-US Counter-Terrorism Dialogue Joint Press Statement"));
}

// ---------------------------------------------------------------------------------------------
// Invariants
// ---------------------------------------------------------------------------------------------

/// Checks that `sentences` partition `text`: contiguous, in order, non-empty, covering every
/// byte, on character boundaries, each content span the trimmed sentence.
fn check_partition(text: &str, sentences: &[Sentence]) {
    let mut at = 0;
    for (i, s) in sentences.iter().enumerate() {
        assert_eq!(
            s.span.start,
            at,
            "sentence {i} does not start where {} ends",
            i.wrapping_sub(1)
        );
        assert!(s.span.end > s.span.start, "sentence {i} is empty: {s:?}");
        assert!(
            text.is_char_boundary(s.span.end),
            "sentence {i} ends inside a character"
        );
        assert!(
            s.content.start >= s.span.start && s.content.end <= s.span.end,
            "content outside span: {s:?}"
        );
        let piece = &text[s.span.range()];
        let content = &text[s.content.range()];
        assert_eq!(
            content,
            piece.trim(),
            "content of sentence {i} is not its trimmed text"
        );
        at = s.span.end;
    }
    assert_eq!(at, text.len(), "sentences do not cover the text");
    assert_eq!(sentences.is_empty(), text.is_empty());
}

/// The matching keys of one side's tokens, as the engine makes them: tokenized per sentence
/// content, keyed under the options (tokens without a key dropped).
fn keyed_tokens(
    text: &str,
    sentences: &[Sentence],
    options: &Options,
) -> Vec<(Span, String, bool)> {
    let mut out = Vec::new();
    let mut raw = Vec::new();
    for s in sentences {
        raw.clear();
        segment::tokens(text, s.content, &mut raw);
        for t in &raw {
            if let Some(key) = token_key(
                &text[t.span().range()],
                options.ignore_case,
                options.ignore_punctuation,
            ) {
                out.push((t.span(), key, t.is_word()));
            }
        }
    }
    out
}

/// Keys of the tokens that start inside `span`.
fn keys_in(tokens: &[(Span, String, bool)], span: Span) -> Vec<&str> {
    tokens
        .iter()
        .filter(|(t, _, _)| t.start >= span.start && t.start < span.end)
        .map(|(_, k, _)| k.as_str())
        .collect()
}

/// Checks the ops of a paired row: contiguous, exactly covering the row's span on each side,
/// and each tag agreeing with the keys it covers.
fn check_ops(
    c: &Comparison,
    row: &Row,
    left_tokens: &[(Span, String, bool)],
    right_tokens: &[(Span, String, bool)],
) {
    let (ls, rs) = (c.left_span(row), c.right_span(row));
    assert!(!row.ops.is_empty(), "paired row without ops: {row:?}");
    let (mut l, mut r) = (ls.start, rs.start);
    for op in &row.ops {
        assert_eq!(op.left.start, l, "left ops not contiguous: {row:?}");
        assert_eq!(op.right.start, r, "right ops not contiguous: {row:?}");
        assert!(op.left.end >= op.left.start && op.right.end >= op.right.start);
        let (lk, rk) = (
            keys_in(left_tokens, op.left),
            keys_in(right_tokens, op.right),
        );
        match op.tag {
            OpTag::Equal => assert_eq!(lk, rk, "equal op with different keys: {op:?}"),
            OpTag::Delete => assert!(rk.is_empty() && !lk.is_empty(), "bad delete {op:?}"),
            OpTag::Insert => assert!(lk.is_empty() && !rk.is_empty(), "bad insert {op:?}"),
            OpTag::Replace => {
                assert!(!lk.is_empty() && !rk.is_empty(), "bad replace {op:?}");
                assert_ne!(lk, rk, "replace op with equal keys: {op:?}");
            }
            // Tags added later (equivalent wording) still cover words on both sides.
            #[allow(unreachable_patterns)]
            _ => assert!(!lk.is_empty() && !rk.is_empty(), "bad {op:?}"),
        }
        l = op.left.end;
        r = op.right.end;
    }
    assert_eq!(l, ls.end, "left ops do not reach the row's end: {row:?}");
    assert_eq!(r, rs.end, "right ops do not reach the row's end: {row:?}");
    let same = keys_in(left_tokens, ls) == keys_in(right_tokens, rs);
    match row.kind {
        RowKind::Identical => {
            assert!(same, "identical row with different keys: {row:?}");
            assert!(row.ops.iter().all(|o| o.tag == OpTag::Equal));
            assert_eq!(row.similarity, 1.0);
        }
        RowKind::Modified => {
            // Equal plain keys can still differ once equivalent terms are collapsed, which
            // happens within a sentence: "Chargé. d’Affaires" is one term in one sentence and two
            // words across two.
            assert!(
                !same || row.ops.iter().any(|o| o.tag == OpTag::Equivalent),
                "modified row with equal keys: {row:?}"
            );
            assert!(row.ops.iter().any(|o| o.tag != OpTag::Equal));
            assert!((0.0..=1.0).contains(&row.similarity), "{row:?}");
        }
        // A related row's diff marks what it marks; the row says something else than its
        // counterpart, so nothing more is promised of its ops.
        RowKind::Related => {}
        _ => unreachable!(),
    }
}

/// Checks every invariant the engine promises for `compare(left, right, options)`.
fn check_invariants(left: &str, right: &str, c: &Comparison) {
    check_partition(left, &c.left_sentences);
    check_partition(right, &c.right_sentences);
    let left_tokens = keyed_tokens(left, &c.left_sentences, &c.options);
    let right_tokens = keyed_tokens(right, &c.right_sentences, &c.options);

    let mut left_seen = vec![0; c.left_sentences.len()];
    let mut right_seen = vec![0; c.right_sentences.len()];
    let mut left_order: Vec<usize> = Vec::new();
    let mut last_right_in_place: Option<usize> = None;
    for row in &c.rows {
        for side in [&row.left, &row.right] {
            assert!(
                side.windows(2).all(|w| w[1] == w[0] + 1),
                "row side not contiguous: {row:?}"
            );
        }
        for &i in &row.left {
            left_seen[i] += 1;
        }
        for &i in &row.right {
            right_seen[i] += 1;
        }
        left_order.extend(&row.left);
        match row.kind {
            RowKind::LeftOnly => {
                assert!(!row.left.is_empty() && row.right.is_empty(), "{row:?}");
                assert!(
                    row.ops.is_empty() && !row.moved && row.similarity == 0.0,
                    "{row:?}"
                );
            }
            RowKind::RightOnly => {
                assert!(row.left.is_empty() && !row.right.is_empty(), "{row:?}");
                assert!(
                    row.ops.is_empty() && !row.moved && row.similarity == 0.0,
                    "{row:?}"
                );
            }
            RowKind::Identical | RowKind::Modified => {
                assert!(!row.left.is_empty() && !row.right.is_empty(), "{row:?}");
                check_ops(c, row, &left_tokens, &right_tokens);
            }
            RowKind::Related => {
                // One sentence each, its word diff (for reports; the window shows shared
                // terms), and its link is listed as related.
                assert!(row.left.len() == 1 && row.right.len() == 1, "{row:?}");
                check_ops(c, row, &left_tokens, &right_tokens);
                assert!((0.0..=1.0).contains(&row.similarity), "{row:?}");
                let link = c
                    .link(row.left[0], row.right[0])
                    .expect("related row has a link");
                assert_eq!(link.kind, LinkKind::Related, "{row:?}");
            }
        }
        // Rows not moved keep the right side's order too.
        if !row.moved
            && let Some(&first) = row.right.first()
        {
            if let Some(last) = last_right_in_place {
                assert!(first > last, "in-place rows out of right order at {row:?}");
            }
            last_right_in_place = row.right.last().copied();
        }
    }
    assert!(
        left_seen.iter().all(|&n| n == 1),
        "left sentences not each in one row: {left_seen:?}"
    );
    assert!(
        right_seen.iter().all(|&n| n == 1),
        "right sentences not each in one row: {right_seen:?}"
    );
    assert!(
        left_order.iter().copied().eq(0..c.left_sentences.len()),
        "rows not in left reading order: {left_order:?}"
    );

    check_links(c);
    let count = |kind| c.rows.iter().filter(|r| r.kind == kind).count();
    let s = &c.stats;
    assert_eq!(s.related, count(RowKind::Related));
    assert_eq!(s.identical, count(RowKind::Identical));
    assert_eq!(s.modified, count(RowKind::Modified));
    assert_eq!(s.left_only, count(RowKind::LeftOnly));
    assert_eq!(s.right_only, count(RowKind::RightOnly));
    assert_eq!(s.moved, c.rows.iter().filter(|r| r.moved).count());
    assert_eq!(s.left_words, left_tokens.iter().filter(|t| t.2).count());
    assert_eq!(s.right_words, right_tokens.iter().filter(|t| t.2).count());
    assert!((0.0..=1.0).contains(&s.similarity), "{s:?}");
}

/// Links: sorted and unique, in range, scored 0..=1, shared terms only where there is something
/// to share; every pair of a paired row is a link of the row's kind (identical, equivalent for
/// reworded, related), and the counts of linked sentences agree.
fn check_links(c: &Comparison) {
    assert!(
        c.links
            .windows(2)
            .all(|w| (w[0].left, w[0].right) < (w[1].left, w[1].right)),
        "links not sorted and unique"
    );
    for link in &c.links {
        assert!(link.left < c.left_sentences.len() && link.right < c.right_sentences.len());
        assert!((0.0..=1.0).contains(&link.score), "{link:?}");
        let inside = |spans: &[Span], sentence: &Sentence| {
            spans
                .iter()
                .all(|s| sentence.content.start <= s.start && s.end <= sentence.content.end)
        };
        assert!(
            inside(&link.left_spans, &c.left_sentences[link.left]),
            "{link:?}"
        );
        assert!(
            inside(&link.right_spans, &c.right_sentences[link.right]),
            "{link:?}"
        );
        if link.kind == LinkKind::Identical {
            assert!(
                link.shared.is_empty() && link.left_spans.is_empty(),
                "{link:?}"
            );
        }
    }
    for row in &c.rows {
        let kind = match row.kind {
            RowKind::Identical => LinkKind::Identical,
            RowKind::Modified => LinkKind::Equivalent,
            RowKind::Related => LinkKind::Related,
            _ => continue,
        };
        for &l in &row.left {
            for &r in &row.right {
                let link = c.link(l, r).expect("a paired row's sentences are linked");
                assert!(link.kind <= kind, "{link:?} in {row:?}");
            }
        }
    }
    let linked = |side: fn(&parallax::engine::Link) -> usize, n: usize| {
        let mut seen = vec![false; n];
        for link in &c.links {
            seen[side(link)] = true;
        }
        seen.iter().filter(|&&b| b).count()
    };
    assert_eq!(
        c.stats.left_linked,
        linked(|l| l.left, c.left_sentences.len())
    );
    assert_eq!(
        c.stats.right_linked,
        linked(|l| l.right, c.right_sentences.len())
    );
}

fn checked(left: &str, right: &str, options: &Options) -> Comparison {
    let c = compare(left, right, options);
    check_invariants(left, right, &c);
    c
}

// ---------------------------------------------------------------------------------------------
// Seed pairs
// ---------------------------------------------------------------------------------------------

/// The row holding left sentence `i`.
fn row_of_left(c: &Comparison, i: usize) -> &Row {
    c.rows
        .iter()
        .find(|r| r.left.contains(&i))
        .expect("every left sentence has a row")
}

/// Whether some Equal op covers `needle_l` in `left` and `needle_r` in `right`.
fn equal_op_covers(row: &Row, left: &str, needle_l: &str, right: &str, needle_r: &str) -> bool {
    let l = left.find(needle_l).expect("needle in left");
    let r = right.find(needle_r).expect("needle in right");
    row.ops.iter().any(|o| {
        o.tag == OpTag::Equal
            && o.left.start <= l
            && l + needle_l.len() <= o.left.end
            && o.right.start <= r
            && r + needle_r.len() <= o.right.end
    })
}

#[test]
fn embassy_post_against_its_paraphrase() {
    let c = checked(EMBASSY, EMBASSY_PARAPHRASE, &Options::default());
    assert_eq!(c.rows.len(), 2, "{:#?}", c.rows);

    // The long sentence: "Today," dropped, "our" → "their", "this" → "the".
    let long = row_of_left(&c, 1);
    assert_eq!(long.kind, RowKind::Modified);
    assert_eq!(
        (long.left.as_slice(), long.right.as_slice()),
        (&[1][..], &[0][..])
    );
    assert!(!long.moved);
    let changes: Vec<_> = op_texts(long, EMBASSY, EMBASSY_PARAPHRASE)
        .into_iter()
        .filter(|o| o.0 != OpTag::Equal)
        .collect();
    assert_eq!(changes.len(), 3, "{changes:#?}");
    // The left side of the first change is exactly "Today," and nothing else: it is gone from
    // the right, whose sentence opens with the attribution instead.
    let (tag, l, r) = changes[0];
    assert!(matches!(tag, OpTag::Delete | OpTag::Replace), "{changes:?}");
    assert_eq!(l, "Today,");
    assert!(
        r.is_empty() || r == "A post from the US Embassy in Islamabad on X said the",
        "{r:?}"
    );
    assert_eq!(changes[1], (OpTag::Replace, "our", "their"));
    assert_eq!(changes[2], (OpTag::Replace, "this", "the"));
    // Spelling variants are not differences.
    assert!(equal_op_covers(
        long,
        EMBASSY,
        "U.S.-Pakistan",
        EMBASSY_PARAPHRASE,
        "US-Pakistan"
    ));
    assert!(equal_op_covers(
        long,
        EMBASSY,
        "Chargé d'Affaires",
        EMBASSY_PARAPHRASE,
        "Chargé d’Affaires"
    ));

    // The first sentence pairs with the article's quotation; only the quote marks, the comma
    // and the attribution are added.
    let first = row_of_left(&c, 0);
    assert_eq!(first.kind, RowKind::Modified);
    assert_eq!(first.right, [1]);
    assert!(first.moved, "the quotation comes second in the article");
    let added: Vec<_> = op_texts(first, EMBASSY, EMBASSY_PARAPHRASE)
        .into_iter()
        .filter(|o| o.0 != OpTag::Equal)
        .collect();
    assert_eq!(
        added,
        [
            (OpTag::Insert, "", "“"),
            (OpTag::Insert, "", ",” the embassy said")
        ]
    );
    assert_eq!(c.stats.moved, 1);
    assert_eq!((c.stats.left_only, c.stats.right_only), (0, 0));
}

#[test]
fn spelling_variants_are_marked_equivalent_when_asked() {
    let options = Options::default().mark_variants(true);
    let c = checked(EMBASSY, EMBASSY_PARAPHRASE, &options);
    let long = row_of_left(&c, 1);
    let covers = |tag: OpTag, needle_l: &str, needle_r: &str| {
        let l = EMBASSY.find(needle_l).expect("needle in left");
        let r = EMBASSY_PARAPHRASE.find(needle_r).expect("needle in right");
        long.ops.iter().any(|o| {
            o.tag == tag
                && o.left.start <= l
                && l < o.left.end
                && o.right.start <= r
                && r < o.right.end
        })
    };
    assert!(
        covers(OpTag::Equivalent, "U.S.", "US-Pakistan"),
        "{long:#?}"
    );
    assert!(
        covers(OpTag::Equivalent, "d'Affaires", "d’Affaires"),
        "{long:#?}"
    );
    // The alignment and the changed words are the same as without the option.
    let plain = checked(EMBASSY, EMBASSY_PARAPHRASE, &Options::default());
    assert_eq!(c.rows.len(), plain.rows.len());
    assert_eq!(c.stats.similarity, plain.stats.similarity);

    // A sentence that differs only by its quote marks is identical by default and a reworded
    // pair of similarity 1 with the option.
    let (left, right) = ("He said \"yes\" today.", "He said “yes” today.");
    let plain = checked(left, right, &Options::default());
    assert_eq!(plain.rows[0].kind, RowKind::Identical);
    let marked = checked(left, right, &options);
    assert_eq!(marked.rows[0].kind, RowKind::Modified);
    assert_eq!(marked.rows[0].similarity, 1.0);
    assert!(
        marked.rows[0]
            .ops
            .iter()
            .any(|o| o.tag == OpTag::Equivalent)
    );
    // What the options ignore is not marked: case, with ignore-case.
    let cased = checked(
        "The Talks Ended.",
        "the talks ended.",
        &options.ignore_case(true),
    );
    assert_eq!(cased.rows[0].kind, RowKind::Identical);
}

#[test]
fn ministry_post_against_its_paraphrase() {
    let c = checked(MOFA, MOFA_PARAPHRASE, &Options::default());
    assert_eq!(c.left_sentences.len(), 2);
    assert_eq!(c.right_sentences.len(), 2);
    let merged = row_of_left(&c, 0);
    assert_eq!(merged.kind, RowKind::Modified);
    assert_eq!(merged.left, [0, 1], "both ministry sentences in one row");
    assert_eq!(merged.right, [0]);
    assert!(MOFA_PARAPHRASE[c.right_span(merged).range()].starts_with("LoGerfo also called on"));

    let dar: Vec<&Row> = c.rows.iter().filter(|r| r.right.contains(&1)).collect();
    assert_eq!(dar.len(), 1);
    assert_eq!(dar[0].kind, RowKind::RightOnly);
    assert!(MOFA_PARAPHRASE[c.right_span(dar[0]).range()].starts_with("Dar encouraged"));
    assert_eq!(c.rows.len(), 2);
}

#[test]
fn embassy_post_is_carried_verbatim_by_the_article() {
    let c = checked(EMBASSY, ARTICLE, &Options::default());
    for i in 0..c.left_sentences.len() {
        assert_eq!(
            row_of_left(&c, i).kind,
            RowKind::Identical,
            "left sentence {i}"
        );
    }
    assert_eq!(c.stats.left_only, 0);
}

#[test]
fn all_seed_pairs_keep_the_invariants_both_ways_and_are_deterministic() {
    let docs = [
        EMBASSY,
        EMBASSY_PARAPHRASE,
        MOFA,
        MOFA_PARAPHRASE,
        FO,
        ARTICLE,
    ];
    for (i, a) in docs.iter().enumerate() {
        for b in &docs[i..] {
            for options in [
                Options::default(),
                Options::default()
                    .ignore_case(true)
                    .ignore_punctuation(true),
                Options::default().threshold(0.0),
                Options::default().threshold(1.0),
            ] {
                let c = checked(a, b, &options);
                assert_eq!(c, compare(a, b, &options));
                let back = checked(b, a, &options);
                assert_mirrored(&c, &back);
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Moved sentences
// ---------------------------------------------------------------------------------------------

/// The article's sentences, each as its own paragraph, in `order`.
fn reordered(text: &str, order: &[usize]) -> String {
    let parts = contents(text);
    let mut out = String::new();
    for &i in order {
        out.push_str(parts[i]);
        out.push_str("\n\n");
    }
    out
}

#[test]
fn shuffled_document_is_identical_with_the_displaced_sentences_moved() {
    let parts = contents(ARTICLE);
    let n = parts.len();
    assert!(n >= 30, "the article has {n} sentences");
    let displaced = [5, 12, 20];
    let order: Vec<usize> = displaced
        .iter()
        .copied()
        .chain((0..n).filter(|i| !displaced.contains(i)))
        .collect();
    let shuffled = reordered(ARTICLE, &order);
    let expected: Vec<&str> = order.iter().map(|&i| parts[i]).collect();
    assert_eq!(
        contents(&shuffled),
        expected,
        "shuffled text re-segments the same"
    );

    let c = checked(ARTICLE, &shuffled, &Options::default());
    assert_eq!(c.rows.len(), n);
    assert!(
        c.rows.iter().all(|r| r.kind == RowKind::Identical),
        "{:#?}",
        c.rows
    );
    let moved: Vec<usize> = c
        .rows
        .iter()
        .filter(|r| r.moved)
        .map(|r| r.left[0])
        .collect();
    assert_eq!(moved, displaced);
    assert_eq!(c.stats.moved, displaced.len());
    assert_eq!((c.stats.left_only, c.stats.right_only), (0, 0));
    assert_eq!(c.stats.similarity, 1.0);
}

#[test]
fn fully_permuted_document_is_identical_and_partly_moved() {
    let n = contents(ARTICLE).len();
    // A fixed Fisher–Yates shuffle driven by a small LCG.
    let mut order: Vec<usize> = (0..n).collect();
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    for i in (1..n).rev() {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        order.swap(i, (state >> 33) as usize % (i + 1));
    }
    let shuffled = reordered(ARTICLE, &order);
    for (a, b) in [(ARTICLE, shuffled.as_str()), (shuffled.as_str(), ARTICLE)] {
        let c = checked(a, b, &Options::default());
        assert_eq!(c.rows.len(), n);
        assert!(c.rows.iter().all(|r| r.kind == RowKind::Identical));
        assert!(c.stats.moved > 0 && c.stats.moved < n, "{:?}", c.stats);
        assert_eq!((c.stats.left_only, c.stats.right_only), (0, 0));
    }
}

/// Regression: `similar` reports `Delete { old_index: 0, old_len: 1, new_index: 1 }` for
/// ["Dar", "met"] against ["met", "met"] (its compaction leaves the empty side stale); the word
/// diff must still partition both sides.
#[test]
fn word_diff_ops_partition_when_similar_misplaces_a_delete() {
    for (left, right) in [("Dar met.", "met met."), ("met met.", "Dar met.")] {
        let c = checked(left, right, &Options::default());
        assert_eq!(c.rows.len(), 1, "{:#?}", c.rows);
        assert_eq!(c.rows[0].kind, RowKind::Modified);
    }
}

/// Regression: two in-order chains of moved-candidate pairs with the same byte weight (one
/// long sentence against two short ones) used to be chosen by position, so swapping the texts
/// changed how many rows were flagged moved. Now the chain with more pairs stays.
#[test]
fn moved_count_does_not_depend_on_which_text_is_left() {
    let long = "The dialogue was held in Lahore."; // 32 bytes = 15 + 16 + 1
    let (b, c) = ("Both sides met.", "Talks went well.");
    let left = format!("{long}  {b} {c}\n");
    let right = format!("{b} {c} {long}\n");
    let forward = checked(&left, &right, &Options::default());
    let back = checked(&right, &left, &Options::default());
    assert_eq!(forward.stats.moved, 1, "{:#?}", forward.rows);
    assert_eq!(back.stats.moved, 1, "{:#?}", back.rows);
    assert!(
        row_of_left(&forward, 0).moved,
        "the single long sentence moves"
    );
}

/// When a sentence occurs twice on one side, it pairs with the copy that keeps the rows in
/// order, whichever side is the left.
#[test]
fn repeated_sentence_pairs_with_the_copy_that_keeps_order() {
    let left = "Both sides met. The talks covered trade.";
    let right =
        "Other text here. Both sides met. The talks covered trade and security. Both sides met.";
    let forward = checked(left, right, &Options::default());
    let back = checked(right, left, &Options::default());
    assert_eq!(
        row_of_left(&forward, 0).right,
        [1],
        "the copy before the reworded pair"
    );
    assert_eq!(forward.stats.moved, 0);
    assert_eq!(back.stats.moved, 0);
}

/// A reworded phrase is replaced whole: the diff takes the longest shared run first and, among
/// single shared words, the content word ("interactions"), not a stray "and" inside the rewording.
#[test]
fn a_reworded_phrase_is_replaced_whole() {
    let left = "This package contains a tridimensional description of the interactions and should \
                reproduce the spatial distribution of secondaries better than older models.";
    let right = "This package contains a tridimensional description of both electro-magnetic and \
                 hadronic interactions.";
    let c = checked(left, right, &Options::default().threshold(0.0));
    assert_eq!(c.rows.len(), 1, "{:#?}", c.rows);
    let ops = op_texts(&c.rows[0], left, right);
    let equal: Vec<&str> = ops
        .iter()
        .filter(|(tag, ..)| *tag == OpTag::Equal)
        .map(|(_, l, _)| *l)
        .collect();
    assert_eq!(
        equal,
        [
            "This package contains a tridimensional description of",
            "interactions",
            "."
        ],
        "{ops:#?}"
    );
}

/// Words joined by a hyphen are one unit of the diff: a hyphen added or dropped replaces the
/// words, it is not an inserted or deleted "-" between two unchanged words. With punctuation
/// ignored, the hyphen does not count.
#[test]
fn a_hyphenated_compound_is_one_unit_of_the_diff() {
    let left = "This is a direct result of symmetry breaking effects in the states.";
    let right = "This is a direct result of symmetry-breaking effects in the states.";
    let c = checked(left, right, &Options::default());
    let changed: Vec<(OpTag, &str, &str)> = op_texts(&c.rows[0], left, right)
        .into_iter()
        .filter(|(tag, ..)| *tag != OpTag::Equal)
        .collect();
    assert_eq!(
        changed,
        [(OpTag::Replace, "symmetry breaking", "symmetry-breaking")]
    );
    let ignoring = checked(left, right, &Options::default().ignore_punctuation(true));
    assert_eq!(ignoring.rows[0].kind, RowKind::Identical);
}

/// Every official readout pair in the fixtures compares as the mirror of itself swapped.
#[test]
fn readout_pairs_swapped_are_mirrors() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/readouts");
    let mut seen = 0;
    for entry in std::fs::read_dir(&root).expect("readouts folder").flatten() {
        let dir = entry.path();
        let (Ok(a), Ok(b)) = (
            std::fs::read_to_string(dir.join("a.txt")),
            std::fs::read_to_string(dir.join("b.txt")),
        ) else {
            continue;
        };
        for options in [Options::default(), Options::default().threshold(0.0)] {
            assert_mirrored(&checked(&a, &b, &options), &checked(&b, &a, &options));
        }
        seen += 1;
    }
    assert_eq!(seen, 9, "the nine official pairs");
}

// ---------------------------------------------------------------------------------------------
// Options
// ---------------------------------------------------------------------------------------------

#[test]
fn ignore_case_turns_case_only_changes_identical() {
    let upper = FO.to_uppercase();
    assert_eq!(contents(&upper).len(), contents(FO).len());

    let plain = checked(FO, &upper, &Options::default());
    assert_eq!(plain.rows.len(), contents(FO).len());
    assert!(
        plain.rows.iter().all(|r| r.kind == RowKind::Modified),
        "{:#?}",
        plain.rows
    );

    let folded = checked(FO, &upper, &Options::default().ignore_case(true));
    assert!(
        folded
            .rows
            .iter()
            .all(|r| r.kind == RowKind::Identical && !r.moved)
    );
    assert_eq!(folded.stats.similarity, 1.0);
}

#[test]
fn ignore_punctuation_turns_punctuation_only_changes_identical() {
    let bare: String = FO
        .chars()
        .filter(|c| !matches!(c, ',' | '(' | ')' | '’' | '“' | '”'))
        .map(|c| if c == '-' { ' ' } else { c })
        .collect();
    assert_eq!(contents(&bare).len(), contents(FO).len());

    let plain = checked(FO, &bare, &Options::default());
    assert!(plain.stats.modified > 0);
    assert_eq!((plain.stats.left_only, plain.stats.right_only), (0, 0));

    let ignoring = checked(FO, &bare, &Options::default().ignore_punctuation(true));
    assert!(
        ignoring
            .rows
            .iter()
            .all(|r| r.kind == RowKind::Identical && !r.moved)
    );
    assert_eq!(ignoring.stats.similarity, 1.0);
}

#[test]
fn options_builder_clamps_the_threshold() {
    assert_eq!(Options::default().threshold(2.0).threshold, 1.0);
    assert_eq!(Options::default().threshold(-1.0).threshold, 0.0);
    assert_eq!(
        Options::default().threshold(f32::NAN).threshold,
        Options::default().threshold
    );
}

#[test]
fn empty_and_blank_texts() {
    for (a, b) in [
        ("", ""),
        ("", EMBASSY),
        (EMBASSY, ""),
        ("  \n\n", "\r\n"),
        ("\n", EMBASSY),
    ] {
        let c = checked(a, b, &Options::default());
        assert_eq!(c, compare(a, b, &Options::default()));
    }
}

// ---------------------------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------------------------

/// Checks that `back = compare(b, a)` is the mirror of `forward = compare(a, b)`: the same
/// rows with their sides swapped (kinds, similarities, moves and word-diff ops mirrored), the
/// same links, and mirrored counts.
fn assert_mirrored(forward: &Comparison, back: &Comparison) {
    let (f, b) = (&forward.stats, &back.stats);
    assert_eq!(forward.rows.len(), back.rows.len(), "row counts differ");
    assert_eq!(
        (f.identical, f.modified, f.related, f.moved),
        (b.identical, b.modified, b.related, b.moved),
        "identical, modified, related, moved"
    );
    assert_eq!((f.left_only, f.right_only), (b.right_only, b.left_only));
    assert_eq!(
        (f.left_linked, f.right_linked),
        (b.right_linked, b.left_linked)
    );
    assert!(
        (f.similarity - b.similarity).abs() < 1e-5,
        "similarity {} against {}",
        f.similarity,
        b.similarity
    );
    let mirror_kind = |kind: RowKind| match kind {
        RowKind::LeftOnly => RowKind::RightOnly,
        RowKind::RightOnly => RowKind::LeftOnly,
        kind => kind,
    };
    let mirror_tag = |tag: OpTag| match tag {
        OpTag::Delete => OpTag::Insert,
        OpTag::Insert => OpTag::Delete,
        tag => tag,
    };
    type RowKey = (
        Vec<usize>,
        Vec<usize>,
        String,
        bool,
        bool,
        Vec<(String, usize, usize, usize, usize)>,
    );
    let key = |row: &Row, swap: bool| -> (RowKey, f32) {
        let ops = row
            .ops
            .iter()
            .map(|op| {
                let (tag, a, b) = if swap {
                    (mirror_tag(op.tag), op.right, op.left)
                } else {
                    (op.tag, op.left, op.right)
                };
                (format!("{tag:?}"), a.start, a.end, b.start, b.end)
            })
            .collect();
        let (left, right, kind) = if swap {
            (row.right.clone(), row.left.clone(), mirror_kind(row.kind))
        } else {
            (row.left.clone(), row.right.clone(), row.kind)
        };
        (
            (
                left,
                right,
                format!("{kind:?}"),
                row.moved,
                row.paraphrase,
                ops,
            ),
            row.similarity,
        )
    };
    let mut rows_forward: Vec<_> = forward.rows.iter().map(|r| key(r, false)).collect();
    let mut rows_back: Vec<_> = back.rows.iter().map(|r| key(r, true)).collect();
    rows_forward.sort_by(|a, b| a.0.cmp(&b.0));
    rows_back.sort_by(|a, b| a.0.cmp(&b.0));
    for (x, y) in rows_forward.iter().zip(&rows_back) {
        assert_eq!(x.0, y.0, "a row and its mirror differ");
        assert!(
            (x.1 - y.1).abs() < 1e-5,
            "row similarity {} against {}",
            x.1,
            y.1
        );
    }
    let links = |c: &Comparison, swap: bool| -> Vec<(usize, usize, String)> {
        let mut out: Vec<_> = c
            .links
            .iter()
            .map(|l| {
                let (a, b) = if swap {
                    (l.right, l.left)
                } else {
                    (l.left, l.right)
                };
                (a, b, format!("{:?}", l.kind))
            })
            .collect();
        out.sort();
        out
    };
    assert_eq!(links(forward, false), links(back, true), "links differ");
}

/// Paired rows as `(left sentences, right sentences, kind)`, counted.
fn pairings(c: &Comparison, swap: bool) -> BTreeMap<(Vec<usize>, Vec<usize>, bool), usize> {
    let mut out = BTreeMap::new();
    for row in c
        .rows
        .iter()
        .filter(|r| !r.left.is_empty() && !r.right.is_empty())
    {
        let identical = row.kind == RowKind::Identical;
        let key = if swap {
            (row.right.clone(), row.left.clone(), identical)
        } else {
            (row.left.clone(), row.right.clone(), identical)
        };
        *out.entry(key).or_insert(0) += 1;
    }
    out
}

const WORDS: &[&str] = &[
    "the",
    "The",
    "US",
    "U.S.",
    "Pakistan",
    "dialogue",
    "Dialogue",
    "terrorism",
    "counter",
    "café",
    "Chargé",
    "d’Affaires",
    "d'Affaires",
    "—",
    "’",
    "said",
    "Mr.",
    "No.",
    "5",
    "e.g.",
    "“We",
    "agree,”",
    "\"fine\"",
    "LoGerfo",
    "D.",
    "statement",
    "é",
    "e\u{301}",
    "and",
    "of",
    "Dar",
    "FO",
    "2025",
    "BLA",
    "—the",
    "it’s",
];
const SEPARATORS: &[&str] = &[
    " ", " ", " ", " ", ", ", " — ", ". ", ". ", ".\n", ".\n\n", "\n", "\n\n", "\r\n", "\n\n\n",
    "? ", ".” ", "",
];

/// A text from the vocabulary: words with separators after them.
fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(
        (
            prop::sample::select(WORDS),
            prop::sample::select(SEPARATORS),
        ),
        0..48,
    )
    .prop_map(|parts| parts.into_iter().flat_map(|(w, s)| [w, s]).collect())
}

/// A sentence of vocabulary words ending in a full stop.
fn sentence() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(WORDS), 2..9)
        .prop_map(|words| format!("{}.", words.join(" ")))
}

/// Sentences joined into a text with spaces or paragraph breaks.
fn join(sentences: &[String], breaks: &[bool]) -> String {
    let mut out = String::new();
    for (i, s) in sentences.iter().enumerate() {
        out.push_str(s);
        out.push_str(if breaks.get(i).copied().unwrap_or(false) {
            "\n\n"
        } else {
            " "
        });
    }
    out
}

/// Two texts sharing some sentences: a pool of sentences, each side a reordered selection of
/// it, some of the right side's sentences edited by one word.
fn related_pair() -> impl Strategy<Value = (String, String)> {
    (
        prop::collection::vec(sentence(), 1..10),
        prop::collection::vec(any::<prop::sample::Index>(), 0..10),
        prop::collection::vec(any::<prop::sample::Index>(), 0..10),
        prop::collection::vec((any::<bool>(), prop::sample::select(WORDS)), 10),
        prop::collection::vec(any::<bool>(), 10),
    )
        .prop_map(|(pool, left_picks, right_picks, edits, breaks)| {
            let pick = |picks: &[prop::sample::Index]| -> Vec<String> {
                let mut chosen: Vec<usize> = picks.iter().map(|i| i.index(pool.len())).collect();
                let mut seen = std::collections::HashSet::new();
                chosen.retain(|i| seen.insert(*i));
                chosen.iter().map(|&i| pool[i].clone()).collect()
            };
            let left = pick(&left_picks);
            let mut right = pick(&right_picks);
            for (s, (edit, word)) in right.iter_mut().zip(&edits) {
                if *edit {
                    *s = format!("{word} {s}");
                }
            }
            (join(&left, &breaks), join(&right, &breaks[3..]))
        })
}

/// Whether the sentences of `text` are pairwise different under `options`.
fn distinct_sentences(text: &str, options: &Options) -> bool {
    let sents = sentences(text);
    let tokens = keyed_tokens(text, &sents, options);
    let mut seen = std::collections::HashSet::new();
    sents.iter().all(|s| seen.insert(keys_in(&tokens, s.span)))
}

fn any_options() -> impl Strategy<Value = Options> {
    (
        any::<bool>(),
        any::<bool>(),
        prop::sample::select(&[0.0f32, 0.2, 0.4, 0.7, 1.0][..]),
        any::<bool>(),
    )
        .prop_map(|(case, punctuation, threshold, variants)| {
            Options::default()
                .ignore_case(case)
                .ignore_punctuation(punctuation)
                .threshold(threshold)
                .mark_variants(variants)
        })
}

/// Strings made to stress segmentation: line endings, lone combining marks, dots, quotes.
fn awkward_string() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("\r".to_owned()),
        Just("\r\n".to_owned()),
        Just("\n".to_owned()),
        Just("\n\n".to_owned()),
        Just("\u{301}".to_owned()),
        Just("\u{308}\u{301}".to_owned()),
        Just(" ".to_owned()),
        Just("\u{a0}".to_owned()),
        Just("\u{2028}".to_owned()),
        Just(".".to_owned()),
        Just("U.S.".to_owned()),
        Just("”".to_owned()),
        Just("# ".to_owned()),
        Just("- ".to_owned()),
        Just("1. ".to_owned()),
        Just("(a) ".to_owned()),
        "[A-Za-z]{1,6}",
        any::<char>().prop_map(String::from),
    ];
    prop::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

/// 200 cases by default (the suite stays fast); `PROPTEST_CASES=N` runs more.
fn config() -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(200);
    ProptestConfig::with_cases(cases)
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn sentences_partition_awkward_strings(text in awkward_string()) {
        check_partition(&text, &sentences(&text));
    }

    #[test]
    fn sentences_partition_any_string(text in any::<String>()) {
        check_partition(&text, &sentences(&text));
    }

    #[test]
    fn random_pairs_keep_the_invariants_and_mirror(
        left in text(),
        right in text(),
        options in any_options(),
    ) {
        let forward = checked(&left, &right, &options);
        let back = checked(&right, &left, &options);
        if distinct_sentences(&left, &options) && distinct_sentences(&right, &options) {
            assert_mirrored(&forward, &back);
            prop_assert_eq!(pairings(&forward, false), pairings(&back, true));
        }
    }

    #[test]
    fn related_pairs_keep_the_invariants_and_mirror((left, right) in related_pair(), options in any_options()) {
        let forward = checked(&left, &right, &options);
        let back = checked(&right, &left, &options);
        if distinct_sentences(&left, &options) && distinct_sentences(&right, &options) {
            assert_mirrored(&forward, &back);
            prop_assert_eq!(pairings(&forward, false), pairings(&back, true));
        }
    }

    #[test]
    fn random_pairs_mirror_even_with_repeated_sentences(
        left in text(),
        right in text(),
        options in any_options(),
    ) {
        assert_mirrored(&compare(&left, &right, &options), &compare(&right, &left, &options));
    }

    #[test]
    fn any_decisions_keep_every_sentence_in_exactly_one_row(
        (left, right) in related_pair(),
        options in any_options(),
        picks in prop::collection::vec(
            (any::<prop::sample::Index>(), any::<prop::sample::Index>(), 0u8..4),
            0..8,
        ),
    ) {
        let plain = compare(&left, &right, &options);
        let text_of = |text: &str, sentences: &[Sentence], i: &prop::sample::Index| {
            if sentences.is_empty() {
                "gone".to_owned()
            } else {
                text[sentences[i.index(sentences.len())].content.range()].to_owned()
            }
        };
        let decisions: Vec<Decision> = picks
            .iter()
            .map(|(l, r, verdict)| {
                Decision::new(
                    text_of(&left, &plain.left_sentences, l),
                    text_of(&right, &plain.right_sentences, r),
                    match verdict {
                        0 => Verdict::Reject,
                        1 => Verdict::Confirm,
                        2 => Verdict::Link(LinkKind::Equivalent),
                        _ => Verdict::Link(LinkKind::Related),
                    },
                )
            })
            .collect();
        let knowing = Knowledge::default().decisions(&decisions);
        let c = Comparer::new(&options).knowledge(knowing).compare(&left, &right);
        check_invariants(&left, &right, &c);
        // No rejected pair shares a row or a link.
        for &(l, r) in &c.rejected {
            prop_assert!(c.link(l, r).is_none());
            prop_assert!(!c.rows.iter().any(|row| row.left.contains(&l) && row.right.contains(&r)));
        }
        // The same decisions, sides swapped, give the mirror's pairs.
        let mirrored: Vec<Decision> = decisions.iter().map(Decision::mirrored).collect();
        let knowing = Knowledge::default().decisions(&mirrored);
        let back = Comparer::new(&options).knowledge(knowing).compare(&right, &left);
        check_invariants(&right, &left, &back);
        if distinct_sentences(&left, &options) && distinct_sentences(&right, &options) {
            prop_assert_eq!(pairings(&c, false), pairings(&back, true));
        }
    }

    #[test]
    fn a_text_against_itself_is_identical(text in text(), options in any_options()) {
        let c = checked(&text, &text, &options);
        prop_assert!(c.rows.iter().all(|r| r.kind == RowKind::Identical && !r.moved));
        prop_assert_eq!(c.rows.len(), c.left_sentences.len());
    }
}
