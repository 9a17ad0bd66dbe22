//! Tests of the grouping of names.

use super::*;
use crate::analysis::entities::Presence;
use crate::analysis::entities::test_support::side;

/// A name mention on `side` at byte `start`, its key and person words from `form`.
fn name(side: usize, form: &str, start: usize) -> Mention {
    let words: Vec<String> = form
        .split([' ', '.'])
        .filter(|w| w.chars().count() > 1)
        .map(str::to_lowercase)
        .collect();
    mention(
        side,
        Key::Name(form.to_lowercase()),
        EntityKind::Name,
        form,
        start,
        words,
    )
}

fn mention(
    side: usize,
    key: Key,
    kind: EntityKind,
    form: &str,
    start: usize,
    words: Vec<String>,
) -> Mention {
    Mention {
        side,
        key,
        kind,
        span: Span::new(start, start + form.len()),
        form: form.to_owned(),
        words,
    }
}

fn texts(entities: &[Entity]) -> Vec<&str> {
    entities.iter().map(|e| e.text.as_str()).collect()
}

#[test]
fn a_surname_joins_the_one_longer_name_it_ends() {
    let mentions = vec![
        name(0, "LoGerfo", 0),
        name(0, "Gregory LoGerfo", 20),
        name(1, "Gregory D. LoGerfo", 0),
    ];
    let entities = group(mentions, &[], Equivalences::builtin_ref());
    assert_eq!(texts(&entities), ["Gregory D. LoGerfo"]);
    let person = &entities[0];
    assert_eq!(
        person.forms,
        ["LoGerfo", "Gregory LoGerfo", "Gregory D. LoGerfo"]
    );
    assert_eq!((person.left, person.right), (2, 1));
}

#[test]
fn a_surname_of_two_people_stays_on_its_own() {
    let mentions = vec![
        name(0, "Asim Munir", 0),
        name(0, "Nabeel Munir", 20),
        name(0, "Munir", 40),
    ];
    let entities = group(mentions, &[], Equivalences::builtin_ref());
    assert_eq!(texts(&entities), ["Asim Munir", "Nabeel Munir", "Munir"]);
}

#[test]
fn a_definition_joins_a_name_and_its_initials_as_one_mention() {
    let text = "The Foreign Terrorist Organization (FTO) list.";
    let side = side(text);
    let long = name(0, "Foreign Terrorist Organization", 4);
    let short = name(0, "FTO", 36);
    let found = [
        Found {
            tokens: 1..4,
            mention: long.clone(),
        },
        Found {
            tokens: 5..6,
            mention: short.clone(),
        },
    ];
    let definitions = definitions(&side.tokens, &found);
    assert_eq!(
        definitions,
        [Definition {
            long: long.key.clone(),
            short: short.key.clone()
        }]
    );
    let entities = group(vec![long, short], &definitions, Equivalences::builtin_ref());
    assert_eq!(texts(&entities), ["Foreign Terrorist Organization"]);
    assert_eq!(
        entities[0].left, 1,
        "the form in brackets is the same mention"
    );
    assert_eq!(entities[0].left_spans.len(), 2);
}

#[test]
fn brackets_that_are_not_initials_define_nothing() {
    let text = "The Foreign Office (Pakistan) spoke.";
    let side = side(text);
    let found = [
        Found {
            tokens: 1..3,
            mention: name(0, "Foreign Office", 4),
        },
        Found {
            tokens: 4..5,
            mention: name(0, "Pakistan", 20),
        },
    ];
    assert!(definitions(&side.tokens, &found).is_empty());
    assert!(definitions(&side.tokens, &[]).is_empty());
}

#[test]
fn entities_are_ordered_shared_then_left_then_right_then_by_kind_and_count() {
    let year = |side, start| {
        mention(
            side,
            Key::Date("2025".to_owned()),
            EntityKind::Date,
            "2025",
            start,
            Vec::new(),
        )
    };
    let mentions = vec![
        name(1, "Doha", 0),
        year(0, 0),
        year(1, 10),
        name(0, "Kabul", 10),
        name(0, "Islamabad", 20),
        name(0, "Islamabad", 40),
        name(1, "Islamabad", 20),
    ];
    let entities = group(mentions, &[], Equivalences::builtin_ref());
    assert_eq!(texts(&entities), ["Islamabad", "2025", "Kabul", "Doha"]);
    let presence: Vec<Presence> = entities.iter().map(Entity::presence).collect();
    assert_eq!(
        presence,
        [
            Presence::Both,
            Presence::Both,
            Presence::LeftOnly,
            Presence::RightOnly
        ]
    );
}

#[test]
fn forms_differ_by_letters_not_by_apostrophes() {
    let mentions = vec![
        mention(
            0,
            Key::Name("o'neill".to_owned()),
            EntityKind::Name,
            "O\u{2019}Neill",
            0,
            vec!["o'neill".to_owned()],
        ),
        mention(
            1,
            Key::Name("o'neill".to_owned()),
            EntityKind::Name,
            "O'Neill",
            0,
            vec!["o'neill".to_owned()],
        ),
        name(1, "O'NEILL", 20),
    ];
    let entities = group(mentions, &[], Equivalences::builtin_ref());
    assert_eq!(entities.len(), 1);
    assert_eq!(entities[0].forms, ["O\u{2019}Neill", "O'NEILL"]);
    assert_eq!(
        entities[0].text, "O\u{2019}Neill",
        "the first of the most complete"
    );
}

#[test]
fn the_most_complete_form_names_an_entity_not_in_the_table() {
    let mentions = vec![
        mention(
            0,
            Key::Name("x".to_owned()),
            EntityKind::Name,
            "ISLAMABAD",
            0,
            vec![],
        ),
        mention(
            0,
            Key::Name("x".to_owned()),
            EntityKind::Name,
            "Islamabad",
            20,
            vec![],
        ),
        mention(
            0,
            Key::Name("x".to_owned()),
            EntityKind::Name,
            "ISLAMABAD",
            40,
            vec![],
        ),
    ];
    let entities = group(mentions, &[], Equivalences::builtin_ref());
    assert_eq!(texts(&entities), ["Islamabad"]);
    assert_eq!(entities[0].forms, ["ISLAMABAD", "Islamabad"]);
    assert_eq!(entities[0].left, 3);
}

#[test]
fn a_known_name_is_named_by_its_canonical_form() {
    let table =
        Equivalences::parse("Tehreek-i-Taliban Pakistan | TTP\n").unwrap_or_else(|e| panic!("{e}"));
    let mentions = vec![mention(
        0,
        Key::Group(0),
        EntityKind::Name,
        "TTP",
        0,
        Vec::new(),
    )];
    let entities = group(mentions, &[], &table);
    assert_eq!(texts(&entities), ["Tehreek-i-Taliban Pakistan"]);
    assert_eq!(entities[0].other_forms(), ["TTP"]);
}

#[test]
fn no_mentions_no_entities() {
    assert!(group(Vec::new(), &[], Equivalences::builtin_ref()).is_empty());
}

#[test]
fn mentions_right_after_each_other_count_once() {
    let span = Span::new;
    assert_eq!(count_mentions(&[]), 0);
    assert_eq!(count_mentions(&[span(0, 5)]), 1);
    assert_eq!(count_mentions(&[span(0, 5), span(7, 9)]), 1);
    assert_eq!(count_mentions(&[span(0, 5), span(8, 10)]), 2);
}

#[test]
fn marks_fold_to_straight_quotes_and_hyphens() {
    assert_eq!(
        fold_marks("O\u{2019}Neill \u{201C}IS\u{2013}K\u{201D}"),
        "O'Neill \"IS-K\""
    );
    assert_eq!(fold_marks(""), "");
}

#[test]
fn initials_are_of_capitalised_words() {
    let side = side("Ministry of Foreign Affairs");
    assert_eq!(initials(&side.tokens), "MFA");
    assert_eq!(initials(&[]), "");
}
