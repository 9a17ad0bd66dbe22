//! What an analyst looks for: equivalent terms in the diff, who is named, shared phrases,
//! wording strength; on the seed statements, in the JSON and text output, and as properties.

use std::process::Command;

use parallax::analysis::{Analysis, Entity, Presence, StrengthLexicon, Stronger, analyse};
use parallax::engine::segment::{self, Span};
use parallax::engine::{
    Comparison, Equivalences, OpTag, Options, Row, RowKind, compare, compare_with, token_key,
};
use proptest::prelude::*;
use serde_json::Value;

use super::common::{
    ARTICLE, EMBASSY, EMBASSY_PARAPHRASE, FO, MOFA, MOFA_PARAPHRASE, op_texts, sample, scratch,
};

const BIN: &str = env!("CARGO_BIN_EXE_parallax");

fn analysed(left: &str, right: &str, options: &Options) -> (Comparison, Analysis) {
    let c = compare(left, right, options);
    let a = analyse(
        left,
        right,
        &c,
        Equivalences::builtin_ref(),
        StrengthLexicon::builtin_ref(),
    );
    (c, a)
}

/// The only row of a comparison of two one-sentence texts.
fn only_row(c: &Comparison) -> &Row {
    assert_eq!(c.rows.len(), 1, "{:#?}", c.rows);
    &c.rows[0]
}

/// The entity one of whose forms is `form`.
fn entity<'a>(a: &'a Analysis, form: &str) -> &'a Entity {
    a.entities
        .iter()
        .find(|e| e.text == form || e.forms.iter().any(|f| f == form))
        .unwrap_or_else(|| panic!("no entity {form:?} in {:#?}", a.entities))
}

/// The opening paragraph of the article (the one with the dateline).
fn article_opening() -> (usize, &'static str) {
    let start = ARTICLE.find("ISLAMABAD:").expect("dateline");
    let end = start + ARTICLE[start..].find("\n\n").expect("paragraph end");
    (start, &ARTICLE[start..end + 1])
}

// ---------------------------------------------------------------------------------------------
// Equivalent terms in alignment and word diff
// ---------------------------------------------------------------------------------------------

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
    let c = compare_with(left, right, &Options::default(), &table);
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

// ---------------------------------------------------------------------------------------------
// Who and what is named
// ---------------------------------------------------------------------------------------------

#[test]
fn the_fo_names_groups_and_incidents_the_embassy_does_not() {
    let (_, a) = analysed(EMBASSY, FO, &Options::default());
    for form in [
        "BLA",
        "Tehreek-i-Taliban Pakistan",
        "IS-K",
        "Jaffar Express",
        "Khuzdar",
    ] {
        let e = entity(&a, form);
        assert_eq!(e.presence(), Presence::RightOnly, "{e:?}");
    }
    // The two forms of one group are one entity.
    let isk = entity(&a, "Islamic State-Khorasan");
    assert!(isk.forms.iter().any(|f| f == "IS-K"), "{isk:?}");
    assert_eq!(entity(&a, "BLA").text, "Balochistan Liberation Army");
    let logerfo = entity(&a, "LoGerfo");
    assert_eq!(logerfo.presence(), Presence::Both, "{logerfo:?}");
    assert_eq!(logerfo.text, "Gregory LoGerfo");
    assert_eq!(entity(&a, "Pakistan").presence(), Presence::Both);
    assert_eq!(entity(&a, "United States").presence(), Presence::Both);
    // Sentence-initial common words are not names.
    for noise in [
        "The",
        "Both",
        "Today",
        "Furthermore",
        "It",
        "Reaffirming",
        "We",
    ] {
        assert!(
            !a.entities
                .iter()
                .any(|e| e.forms.iter().any(|f| f == noise)),
            "{noise} listed: {:#?}",
            a.entities
        );
    }
    // Spans are where the forms are.
    for e in &a.entities {
        for (text, spans) in [(EMBASSY, &e.left_spans), (FO, &e.right_spans)] {
            for span in spans.iter() {
                let written = &text[span.range()];
                assert!(
                    e.forms
                        .iter()
                        .any(|f| f.split_whitespace().eq(written.split_whitespace())
                            || fold(f) == fold(written)),
                    "{written:?} not among {:?}",
                    e.forms
                );
            }
        }
        // A short form defined in brackets right after its name is not a second mention.
        let mentions = |spans: &[Span]| {
            spans
                .iter()
                .enumerate()
                .filter(|&(i, s)| i == 0 || s.start > spans[i - 1].end + 2)
                .count()
        };
        assert_eq!(
            (e.left, e.right),
            (mentions(&e.left_spans), mentions(&e.right_spans))
        );
    }
    // "The Foreign Office (FO) said": one mention, two places to highlight.
    let fo = entity(&a, "Foreign Office");
    assert_eq!((fo.right, fo.right_spans.len()), (1, 2));
}

fn fold(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace('’', "'")
}

#[test]
fn titles_people_dates_and_acronyms_are_grouped() {
    let (_, a) = analysed(MOFA, MOFA_PARAPHRASE, &Options::default());
    let titles = entity(&a, "Deputy Prime Minister and Foreign Minister");
    assert!(titles.forms.iter().any(|f| f == "DPM/FM"), "{titles:?}");
    assert_eq!(titles.presence(), Presence::Both);
    let dar = entity(&a, "Ishaq Dar");
    assert!(dar.forms.iter().any(|f| f == "Dar"), "{dar:?}");
    assert_eq!(dar.presence(), Presence::Both);

    let (_, a) = analysed(ARTICLE, FO, &Options::default());
    assert_eq!(
        entity(&a, "Tuesday").kind,
        parallax::analysis::EntityKind::Date
    );
    assert_eq!(
        entity(&a, "May of last year").kind,
        parallax::analysis::EntityKind::Date
    );
    assert_eq!(entity(&a, "COAS").text, "Chief of Army Staff");
    // Two people called Munir stay apart.
    assert_ne!(
        entity(&a, "Asim Munir").text,
        entity(&a, "Nabeel Munir").text
    );
    let isk = entity(&a, "IS-K");
    assert!(isk.forms.iter().any(|f| f == "ISIS-Khorasan"), "{isk:?}");
}

// ---------------------------------------------------------------------------------------------
// Shared phrases
// ---------------------------------------------------------------------------------------------

/// The lower-cased words of a text, for comparing phrase occurrences.
fn words(text: &str) -> Vec<String> {
    let mut tokens = Vec::new();
    segment::tokens(text, Span::new(0, text.len()), &mut tokens);
    tokens
        .iter()
        .filter(|t| t.is_word)
        .filter_map(|t| token_key(&text[t.span.range()], true, false))
        .collect()
}

fn check_phrases(left: &str, right: &str, a: &Analysis) {
    for p in &a.phrases {
        assert!(p.words >= 3);
        assert!(!p.left.is_empty() && !p.right.is_empty(), "{p:?}");
        let expected = words(&p.text);
        assert_eq!(expected.len(), p.words);
        for (text, spans) in [(left, &p.left), (right, &p.right)] {
            for span in spans {
                assert_eq!(words(&text[span.range()]), expected, "{p:?}");
            }
        }
    }
    for pair in a.phrases.windows(2) {
        assert!(pair[0].words >= pair[1].words, "not longest first");
    }
}

#[test]
fn effective_and_enduring_is_shared_by_the_article_opening_and_the_fo_statement() {
    let (start, opening) = article_opening();
    let (_, a) = analysed(opening, FO, &Options::default());
    check_phrases(opening, FO, &a);
    let phrase = a
        .phrases
        .iter()
        .find(|p| p.text == "effective and enduring")
        .unwrap_or_else(|| panic!("{:#?}", a.phrases));
    assert_eq!(&opening[phrase.left[0].range()], "effective and enduring");
    assert_eq!(&FO[phrase.right[0].range()], "effective and enduring");

    // Against the whole article too, with a place in the opening paragraph.
    let (_, a) = analysed(ARTICLE, FO, &Options::default());
    check_phrases(ARTICLE, FO, &a);
    let phrase = a
        .phrases
        .iter()
        .find(|p| p.text == "effective and enduring")
        .unwrap_or_else(|| panic!("{:#?}", a.phrases));
    assert!(
        phrase
            .left
            .iter()
            .any(|s| s.start >= start && s.end <= start + opening.len())
    );
}

#[test]
fn countering_terrorism_in_all_its_forms_is_shared_by_the_embassy_and_the_article() {
    let (start, opening) = article_opening();
    let (_, a) = analysed(EMBASSY, ARTICLE, &Options::default());
    check_phrases(EMBASSY, ARTICLE, &a);
    // The embassy's first sentence, carried twice by the article...
    let first = a
        .phrases
        .iter()
        .find(|p| p.text == "We remain committed to countering terrorism in all its forms")
        .unwrap_or_else(|| panic!("{:#?}", a.phrases));
    assert_eq!(first.right.len(), 2);
    // ...and the phrase again in the opening paragraph, in another sentence.
    let again = a
        .phrases
        .iter()
        .find(|p| {
            p.text.contains("countering terrorism in all its forms")
                && p.right
                    .iter()
                    .any(|s| s.start >= start && s.end <= start + opening.len())
        })
        .unwrap_or_else(|| panic!("{:#?}", a.phrases));
    assert!(again.words < first.words);
}

#[test]
fn phrases_of_function_words_only_and_contained_phrases_are_left_out() {
    let left = "It was one of the best. The joint working group on border security met today.";
    let right = "This is one of the best. The joint working group on border security met again.";
    let (_, a) = analysed(left, right, &Options::default());
    check_phrases(left, right, &a);
    let texts: Vec<&str> = a.phrases.iter().map(|p| p.text.as_str()).collect();
    assert_eq!(
        texts,
        [
            "The joint working group on border security met",
            "one of the best"
        ],
        "{:#?}",
        a.phrases
    );
}

// ---------------------------------------------------------------------------------------------
// Wording strength
// ---------------------------------------------------------------------------------------------

#[test]
fn agreed_is_stronger_than_discussed() {
    let left = "Both sides agreed to expand cooperation.";
    let right = "Both sides discussed expanding cooperation.";
    let (c, a) = analysed(left, right, &Options::default());
    assert_eq!(c.rows.len(), 1, "the two sentences pair: {:#?}", c.rows);
    assert_eq!(a.strength.len(), 1, "{:#?}", a.strength);
    let d = &a.strength[0];
    assert_eq!(
        (d.row, d.left.as_str(), d.right.as_str()),
        (0, "agreed", "discussed")
    );
    assert_eq!(d.stronger, Stronger::Left);
    assert_eq!(d.kind, "agreement");
    assert_eq!(&left[d.left_span.range()], "agreed");
    assert_eq!(&right[d.right_span.range()], "discussed");
}

#[test]
fn strength_kinds_modals_and_what_is_not_counted() {
    for (left, right, stronger, kind) in [
        (
            "The ministry expressed concern over the attack on the convoy.",
            "The ministry condemned the attack on the convoy.",
            Stronger::Right,
            "condemnation",
        ),
        (
            "Pakistan will host the next round of the dialogue.",
            "Pakistan may host the next round of the dialogue.",
            Stronger::Left,
            "modality",
        ),
        (
            "Both sides reaffirmed the joint statement on maritime security.",
            "Both sides noted the joint statement on maritime security.",
            Stronger::Left,
            "commitment",
        ),
        (
            "The United States praised Pakistan's counterterrorism efforts.",
            "The United States appreciated Pakistan's counterterrorism efforts.",
            Stronger::Left,
            "support",
        ),
    ] {
        let (_, a) = analysed(left, right, &Options::default());
        assert_eq!(a.strength.len(), 1, "{left} / {right}: {:#?}", a.strength);
        assert_eq!(
            (a.strength[0].stronger, a.strength[0].kind.as_str()),
            (stronger, kind)
        );
    }
    // A denial, a noun and a month are not grades.
    for (left, right) in [
        (
            "Both sides did not agree on the border security plan.",
            "Both sides discussed the border security plan.",
        ),
        (
            "The agreed text on border security was released.",
            "The discussed text on border security was released.",
        ),
        (
            "The talks on border security were held in May last year.",
            "The talks on border security will be held next year.",
        ),
    ] {
        let (c, a) = analysed(left, right, &Options::default());
        assert!(
            c.rows.iter().any(|r| r.kind == RowKind::Modified),
            "{left} / {right}: {:#?}",
            c.rows
        );
        assert!(a.strength.is_empty(), "{left} / {right}: {:#?}", a.strength);
    }
}

// ---------------------------------------------------------------------------------------------
// Output
// ---------------------------------------------------------------------------------------------

fn run(args: &[&std::ffi::OsStr]) -> std::process::Output {
    Command::new(BIN)
        .arg("compare")
        .args(args)
        .output()
        .expect("run parallax")
}

#[test]
fn json_has_entities_phrases_strength_and_equivalent_ops() {
    let out = run(&[
        sample("pakistan-mofa-post-call-on-dar.txt").as_os_str(),
        sample("article-paraphrase-of-mofa-post.txt").as_os_str(),
        "--format".as_ref(),
        "json".as_ref(),
    ]);
    assert!(out.status.success(), "{out:?}");
    let json: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(json["options"]["use_equivalences"], true);
    let tags: Vec<&str> = json["rows"]
        .as_array()
        .expect("rows")
        .iter()
        .flat_map(|r| r["ops"].as_array().expect("ops"))
        .map(|o| o["tag"].as_str().expect("tag"))
        .collect();
    assert!(tags.contains(&"equivalent"), "{tags:?}");

    let entities = json["entities"].as_array().expect("entities");
    let dar = entities
        .iter()
        .find(|e| e["text"] == "Deputy Prime Minister and Foreign Minister")
        .expect("titles");
    assert!(
        dar["forms"]
            .as_array()
            .expect("forms")
            .iter()
            .any(|f| f == "DPM/FM")
    );
    assert_eq!(dar["left"], 2);
    assert_eq!(dar["right"], 1);
    assert_eq!(dar["left_spans"].as_array().expect("spans").len(), 2);
    assert_eq!(dar["left_spans"][0].as_array().expect("pair").len(), 2);

    let phrases = json["phrases"].as_array().expect("phrases");
    let briefed = phrases
        .iter()
        .find(|p| p["text"] == "was briefed on the discussions held during the")
        .expect("shared phrase");
    let left_text = json["left"]["text"].as_str().expect("text");
    let span = &briefed["left"][0];
    let (s, e) = (
        span[0].as_u64().expect("s") as usize,
        span[1].as_u64().expect("e") as usize,
    );
    assert_eq!(
        &left_text[s..e],
        "was briefed on the discussions held during the"
    );
    assert!(json["strength"].as_array().expect("strength").is_empty());
}

#[test]
fn json_strength_entry_has_the_documented_fields() {
    let dir = scratch("insights", "strength");
    let (left, right) = (dir.join("left.txt"), dir.join("right.txt"));
    std::fs::write(&left, "Both sides agreed to expand cooperation.\n").expect("write");
    std::fs::write(&right, "Both sides discussed expanding cooperation.\n").expect("write");
    let out = run(&[
        left.as_os_str(),
        right.as_os_str(),
        "--format".as_ref(),
        "json".as_ref(),
    ]);
    assert!(out.status.success(), "{out:?}");
    let json: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let d = &json["strength"][0];
    assert_eq!(d["row"], 0);
    assert_eq!(d["left"], "agreed");
    assert_eq!(d["right"], "discussed");
    assert_eq!(d["stronger"], "left");
    assert_eq!(d["kind"], "agreement");
}

#[test]
fn text_output_has_the_analyst_sections() {
    let out = run(&[
        sample("us-embassy-x-post.txt").as_os_str(),
        sample("fo-joint-press-statement.txt").as_os_str(),
    ]);
    assert!(out.status.success(), "{out:?}");
    let text = String::from_utf8(out.stdout).expect("UTF-8");
    for heading in [
        "Named in both",
        "Named only left",
        "Named only right",
        "Shared phrases",
        "Wording strength",
    ] {
        assert!(text.contains(heading), "{heading} missing:\n{text}");
    }
    let only_right = &text[text.find("Named only right").expect("section")
        ..text.find("Shared phrases").expect("section")];
    for name in [
        "Balochistan Liberation Army (BLA)",
        "Tehreek-i-Taliban Pakistan",
        "IS-K",
        "Jaffar Express",
        "Khuzdar",
    ] {
        assert!(
            only_right.contains(name),
            "{name} not only right:\n{only_right}"
        );
    }

    let out = run(&[
        sample("pakistan-mofa-post-call-on-dar.txt").as_os_str(),
        sample("article-paraphrase-of-mofa-post.txt").as_os_str(),
    ]);
    let text = String::from_utf8(out.stdout).expect("UTF-8");
    assert!(
        text.contains("[=Deputy Prime Minister/Foreign Minister=]")
            && text.contains("{=Deputy Prime Minister and Foreign Minister=}"),
        "{text}"
    );
}

#[test]
fn equivalences_file_extends_and_a_bad_one_is_one_line_and_exit_2() {
    let dir = scratch("insights", "equivalences");
    let (left, right) = (dir.join("left.txt"), dir.join("right.txt"));
    std::fs::write(&left, "The Frobnian delegation arrived.\n").expect("write");
    std::fs::write(&right, "The delegation of Frobnia arrived.\n").expect("write");
    let table = dir.join("terms.txt");
    std::fs::write(
        &table,
        "# mine\nFrobnian delegation | delegation of Frobnia\n",
    )
    .expect("write");
    let out = run(&[
        left.as_os_str(),
        right.as_os_str(),
        "--equivalences".as_ref(),
        table.as_os_str(),
        "--format".as_ref(),
        "json".as_ref(),
    ]);
    assert!(out.status.success(), "{out:?}");
    let json: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(json["rows"][0]["similarity"].as_f64(), Some(1.0));
    assert_eq!(json["rows"][0]["ops"][1]["tag"], "equivalent");

    // Switched off, the same pair is a replacement.
    let out = run(&[
        left.as_os_str(),
        right.as_os_str(),
        "--equivalences".as_ref(),
        table.as_os_str(),
        "--no-equivalences".as_ref(),
        "--format".as_ref(),
        "json".as_ref(),
    ]);
    let json: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(json["options"]["use_equivalences"], false);
    assert!(json["rows"][0]["similarity"].as_f64() < Some(1.0));

    for (contents, reason) in [("A | B\nC || D\n", "line 2"), ("A | B\nC | a\n", "line 2")] {
        std::fs::write(&table, contents).expect("write");
        let out = run(&[
            left.as_os_str(),
            right.as_os_str(),
            "--equivalences".as_ref(),
            table.as_os_str(),
        ]);
        assert_eq!(out.status.code(), Some(2), "{out:?}");
        assert!(out.stdout.is_empty());
        let stderr = String::from_utf8(out.stderr).expect("UTF-8");
        assert_eq!(stderr.lines().count(), 1, "{stderr}");
        assert!(
            stderr.contains("terms.txt") && stderr.contains(reason),
            "{stderr}"
        );
    }
    let missing = dir.join("missing.txt");
    let out = run(&[
        left.as_os_str(),
        right.as_os_str(),
        "--equivalences".as_ref(),
        missing.as_os_str(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).expect("UTF-8");
    assert!(stderr.contains("missing.txt: no such file"), "{stderr}");
}

// ---------------------------------------------------------------------------------------------
// The summary panel
// ---------------------------------------------------------------------------------------------

#[cfg(feature = "gui")]
mod panel {
    use egui_kittest::Harness;
    use egui_kittest::kittest::Queryable;
    use std::sync::Arc;

    use parallax::gui::insights::InsightsPanel;
    use parallax::gui::session::Shown;
    use parallax::gui::{Command, Side};
    use parallax::load::Document;

    use super::*;

    /// The comparison of two documents as the window shows it.
    fn shown(c: &Comparison, documents: &[Document; 2]) -> Shown {
        Shown::new(
            Arc::new(c.clone()),
            [
                Arc::new(documents[0].clone()),
                Arc::new(documents[1].clone()),
            ],
        )
    }

    #[test]
    fn clicking_an_entity_highlights_its_places_and_jumps_to_its_row() {
        let (c, a) = analysed(EMBASSY, FO, &Options::default());
        let a = Arc::new(a);
        let documents = [
            Document::from_text("us-embassy-x-post.txt", EMBASSY),
            Document::from_text("fo-joint-press-statement.txt", FO),
        ];
        let shown = shown(&c, &documents);
        let mut harness = Harness::builder()
            .with_size(egui::vec2(640.0, 1400.0))
            .build_ui_state(
                |ui, (panel, commands): &mut (InsightsPanel, Vec<Command>)| {
                    commands.extend(panel.ui(ui, &a, &shown));
                },
                (InsightsPanel::default(), Vec::new()),
            );
        harness.run();
        harness.get_by_label_contains("Named only right: 10 (fo-joint-press-statement.txt)");
        harness.get_by_label_contains("Named in both: ");
        harness.get_by_label_contains("Phrases (");
        harness.get_by_label_contains("Strength (0)");
        harness.get_by_label("Balochistan Liberation Army (BLA)");

        harness.get_by_label("Khuzdar").click();
        harness.run();
        let khuzdar = FO.find("Khuzdar").expect("in the FO statement");
        let row = c
            .rows
            .iter()
            .position(|r| {
                let span = c.right_span(r);
                !r.right.is_empty() && span.start <= khuzdar && khuzdar < span.end
            })
            .expect("row");
        assert_eq!(
            harness.state().1.as_slice(),
            [
                Command::Highlight(vec![(
                    Side::Right,
                    Span::new(khuzdar, khuzdar + "Khuzdar".len())
                )]),
                Command::JumpToRow(row),
            ]
        );

        // Types into the panel's filter.
        let filter = |harness: &mut Harness<'_, (InsightsPanel, Vec<Command>)>, text: &str| {
            let role = egui::accesskit::Role::TextInput;
            harness.get_by_role_and_label(role, "Filter:").focus();
            harness.step();
            harness
                .get_by_role_and_label(role, "Filter:")
                .type_text(text);
            harness.run();
        };

        // The filter keeps the names that contain it, in every group.
        filter(&mut harness, "taliban");
        harness.get_by_label_contains("Tehreek-i-Taliban Pakistan");
        harness.get_by_label("Named only right: 1 of 10 (fo-joint-press-statement.txt)");
        assert!(harness.query_by_label("Khuzdar").is_none());
        assert!(harness.query_by_label_contains("Nabeel Munir").is_none());
        // Only the FO names the TTP: the two other groups say so.
        assert_eq!(
            harness
                .query_all_by_label_contains("None matches the filter.")
                .count(),
            2
        );
        harness.get_by_label("Clear").click();
        harness.run();
        harness.get_by_label("Khuzdar");

        // The filter matches the starts of words: "uzdar" is inside "Khuzdar", not a start.
        filter(&mut harness, "uzdar");
        assert!(harness.query_by_label("Khuzdar").is_none());
        harness.get_by_label("Clear").click();
        harness.run();

        // A phrase highlights its places on both sides.
        harness.state_mut().1.clear();
        harness.get_by_label_contains("Phrases (").click();
        harness.run();
        assert!(harness.query_by_label("Khuzdar").is_none());
        harness
            .get_by_label_contains("\"to countering terrorism\"")
            .click();
        harness.run();
        match harness.state().1.first() {
            Some(Command::Highlight(places)) => {
                assert!(places.iter().any(|p| p.0 == Side::Left));
                assert!(places.iter().any(|p| p.0 == Side::Right));
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn clicking_a_strength_row_jumps_to_it() {
        let (left, right) = (
            "Both sides agreed to expand cooperation.",
            "Both sides discussed expanding cooperation.",
        );
        let (c, a) = analysed(left, right, &Options::default());
        let a = Arc::new(a);
        let documents = [
            Document::from_text("left.txt", left),
            Document::from_text("right.txt", right),
        ];
        let shown = shown(&c, &documents);
        let mut harness = Harness::builder()
            .with_size(egui::vec2(640.0, 800.0))
            .build_ui_state(
                |ui, (panel, commands): &mut (InsightsPanel, Vec<Command>)| {
                    commands.extend(panel.ui(ui, &a, &shown));
                },
                (InsightsPanel::default(), Vec::new()),
            );
        harness.run();
        harness.get_by_label("Strength (1)").click();
        harness.run();
        harness
            .get_by_label("row 1: left 'agreed' > right 'discussed' (agreement)")
            .click();
        harness.run();
        assert_eq!(
            harness.state().1.as_slice(),
            [
                Command::Highlight(vec![
                    (Side::Left, Span::new(11, 17)),
                    (Side::Right, Span::new(11, 20)),
                ]),
                Command::JumpToRow(0),
            ]
        );
    }
}

// ---------------------------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------------------------

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
                    &text[t.span.range()],
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
        if !matches!(row.kind, RowKind::Identical | RowKind::Modified) {
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

#[test]
fn emphasis_capitals_list_markers_and_sentence_starts_are_not_names() {
    let left = "THE SOFTWARE IS PROVIDED WITHOUT WARRANTY OF ANY KIND, INCLUDING FITNESS FOR \
                A PURPOSE. The warranty covers fitness, including damage. However, the \
                Ministry of Interior met the BLA delegation. Officials said, however, that \
                talks would resume.\n\nB. Use the form that the Ministry of Interior gives.";
    let right = "The Ministry of Interior met officials in Quetta. The form is for use by \
                 everyone. Everyone agreed.";
    let (_, a) = analysed(left, right, &Options::default());
    let names: Vec<&str> = a.entities.iter().map(|e| e.text.as_str()).collect();
    for name in [
        "Ministry of Interior",
        "Balochistan Liberation Army",
        "Quetta",
    ] {
        assert!(names.contains(&name), "{name} missing from {names:?}");
    }
    for noise in [
        "However",
        "INCLUDING",
        "WARRANTY",
        "SOFTWARE",
        "FITNESS",
        "ANY",
        "KIND",
        "Use",
        "B",
        "B. Use",
        "Everyone",
    ] {
        assert!(
            !names
                .iter()
                .any(|n| n.split([' ', '.']).any(|w| w == noise) || *n == noise),
            "{noise} taken for a name: {names:?}"
        );
    }
}
