//! Equivalent terms in alignment and word diff: "US" and "United States" pair sentences and
//! show as their own kind of op, on short texts and on the seed statements.

use parallax::engine::{Comparer, Comparison, Equivalences, OpTag, Options, Row, RowKind, compare};

use super::common::{ARTICLE, EMBASSY, EMBASSY_PARAPHRASE, MOFA, MOFA_PARAPHRASE, op_texts};

/// The only row of a comparison of two one-sentence texts.
fn only_row(c: &Comparison) -> &Row {
    assert_eq!(c.rows.len(), 1, "{:#?}", c.rows);
    &c.rows[0]
}

#[test]
fn a_row_differing_only_by_equivalent_terms_is_modified_with_similarity_one() {
    for (left, right, l, r) in [
        (
            "The talks covered IS-K threats.",
            "The talks covered Islamic State-Khorasan threats.",
            "IS-K",
            "Islamic State-Khorasan",
        ),
        (
            "The talks covered ISIS-Khorasan threats.",
            "The talks covered Islamic State-Khorasan threats.",
            "ISIS-Khorasan",
            "Islamic State-Khorasan",
        ),
        (
            "The FO issued a statement.",
            "The Foreign Office issued a statement.",
            "FO",
            "Foreign Office",
        ),
        (
            "Both sides discussed CT cooperation.",
            "Both sides discussed counterterrorism cooperation.",
            "CT",
            "counterterrorism",
        ),
        (
            "Both sides discussed counter-terrorism cooperation.",
            "Both sides discussed counterterrorism cooperation.",
            "counter-terrorism",
            "counterterrorism",
        ),
        (
            "He met the DPM/FM today.",
            "He met the Deputy Prime Minister and Foreign Minister today.",
            "DPM/FM",
            "Deputy Prime Minister and Foreign Minister",
        ),
        (
            "The United States welcomed Pakistan's steps.",
            "The US welcomed Islamic Republic of Pakistan's steps.",
            "United States",
            "US",
        ),
    ] {
        let c = compare(left, right, &Options::default());
        let row = only_row(&c);
        assert_eq!(row.kind, RowKind::Modified, "{left} / {right}");
        assert_eq!(row.similarity, 1.0, "{left} / {right}");
        assert_eq!(c.stats.similarity, 1.0);
        let ops = op_texts(row, left, right);
        assert!(
            ops.iter()
                .all(|o| matches!(o.0, OpTag::Equal | OpTag::Equivalent)),
            "{ops:?}"
        );
        assert!(ops.contains(&(OpTag::Equivalent, l, r)), "{ops:?}");
        // Switched off, the same wording is a replacement (or too different to pair).
        let plain = compare(left, right, &Options::default().use_equivalences(false));
        assert!(plain.stats.similarity < 1.0);
        assert!(
            plain
                .rows
                .iter()
                .flat_map(|r| &r.ops)
                .all(|o| o.tag != OpTag::Equivalent)
        );
    }
}

#[test]
fn spelling_variants_of_one_form_stay_equal() {
    // "U.S." and "US" are one form: equal, not merely equivalent.
    let c = compare(EMBASSY, EMBASSY_PARAPHRASE, &Options::default());
    let row = c
        .rows
        .iter()
        .find(|r| r.left == [1])
        .expect("the long sentence");
    let l = EMBASSY.find("U.S.-Pakistan").expect("left");
    let r = EMBASSY_PARAPHRASE.find("US-Pakistan").expect("right");
    assert!(
        row.ops.iter().any(|o| o.tag == OpTag::Equal
            && o.left.start <= l
            && l + "U.S.".len() <= o.left.end
            && o.right.start <= r
            && r + "US".len() <= o.right.end),
        "{:?}",
        op_texts(row, EMBASSY, EMBASSY_PARAPHRASE)
    );
    assert!(row.ops.iter().all(|o| o.tag != OpTag::Equivalent));
    // Identical wording is still identical.
    let c = compare(EMBASSY, ARTICLE, &Options::default());
    assert_eq!(c.stats.identical, 2);
}

#[test]
fn acronyms_match_only_in_capitals_unless_case_is_ignored() {
    let c = compare(
        "They told us about it.",
        "They told the United States about it.",
        &Options::default(),
    );
    assert!(
        c.rows
            .iter()
            .flat_map(|r| &r.ops)
            .all(|o| o.tag != OpTag::Equivalent)
    );
    // A case-only change stays a case-only change when case is ignored.
    let c = compare(
        "They met US officials.",
        "they met us officials.",
        &Options::default().ignore_case(true),
    );
    assert_eq!(only_row(&c).kind, RowKind::Identical);
}

#[test]
fn ministry_post_pairs_with_its_paraphrase_with_the_titles_equivalent() {
    let c = compare(MOFA, MOFA_PARAPHRASE, &Options::default());
    let row = c
        .rows
        .iter()
        .find(|r| r.right.contains(&0))
        .expect("the paraphrase's first sentence has a row");
    assert_eq!(row.kind, RowKind::Modified);
    assert!(row.left.contains(&0), "{row:?}");
    assert!(MOFA_PARAPHRASE[c.right_span(row).range()].starts_with(
        "LoGerfo also called on Deputy Prime Minister and Foreign Minister Ishaq Dar"
    ));
    assert!(MOFA[c.left_span(row).range()].contains(
        "called on the Deputy Prime Minister/Foreign Minister, Senator Mohammad Ishaq Dar"
    ));
    let ops = op_texts(row, MOFA, MOFA_PARAPHRASE);
    assert!(
        ops.contains(&(
            OpTag::Equivalent,
            "Deputy Prime Minister/Foreign Minister",
            "Deputy Prime Minister and Foreign Minister"
        )),
        "{ops:#?}"
    );
    // "called on" is shared just before the titles.
    let titles = ops
        .iter()
        .position(|o| o.0 == OpTag::Equivalent)
        .expect("equivalent op");
    assert!(
        ops[..titles]
            .iter()
            .any(|o| o.0 == OpTag::Equal && o.2.ends_with("called on")),
        "{ops:#?}"
    );
}

#[test]
fn a_user_table_extends_the_builtin_one() {
    let left = "The Frobnian delegation met the PM.";
    let right = "The delegation of Frobnia met the Prime Minister.";
    let mut table = Equivalences::builtin();
    table.extend(
        Equivalences::parse("Frobnian delegation | delegation of Frobnia\n").expect("table"),
    );
    let options = Options::default();
    let c = Comparer::new(&options)
        .equivalences(&table)
        .compare(left, right);
    let ops = op_texts(only_row(&c), left, right);
    assert!(
        ops.contains(&(
            OpTag::Equivalent,
            "Frobnian delegation",
            "delegation of Frobnia"
        )),
        "{ops:?}"
    );
    assert!(
        ops.contains(&(OpTag::Equivalent, "PM.", "Prime Minister."))
            || ops.contains(&(OpTag::Equivalent, "PM", "Prime Minister")),
        "{ops:?}"
    );
}
