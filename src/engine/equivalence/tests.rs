//! Tests of equivalence.

use super::*;

fn found(table: &Equivalences, text: &str) -> Vec<(String, String)> {
    table
        .find(text)
        .into_iter()
        .map(|f| {
            (
                text[f.span.range()].to_owned(),
                table.canonical(f.group).to_owned(),
            )
        })
        .collect()
}

#[test]
fn builtin_table_parses() {
    let table = Equivalences::parse(BUILTIN).expect("built-in table");
    assert!(table.len() > 100);
    for (form, canonical) in [
        ("U.S.", "United States"),
        ("USA", "United States"),
        ("America", "United States"),
        ("ISIS-Khorasan", "Islamic State-Khorasan"),
        ("IS-K", "Islamic State-Khorasan"),
        ("TTP", "Tehreek-i-Taliban Pakistan"),
        ("Tehrik-e-Taliban Pakistan", "Tehreek-i-Taliban Pakistan"),
        ("FO", "Foreign Office"),
        ("MOFA", "Foreign Office"),
        ("CT", "counterterrorism"),
        ("counter-terrorism", "counterterrorism"),
        ("DPM/FM", "Deputy Prime Minister and Foreign Minister"),
        ("FM", "Foreign Minister"),
        ("PM", "Prime Minister"),
        ("U.N.", "United Nations"),
        ("COAS", "Chief of Army Staff"),
        ("Britain", "United Kingdom"),
        ("PRC", "People's Republic of China"),
        ("Amb.", "Ambassador"),
    ] {
        let group = table
            .group_of(form)
            .unwrap_or_else(|| panic!("{form} not found"));
        assert_eq!(table.canonical(group), canonical, "{form}");
    }
    assert_ne!(table.group_of("American"), table.group_of("US"));
}

#[test]
fn longest_form_wins_and_case_matters_for_acronyms() {
    let table = Equivalences::builtin();
    assert_eq!(
        found(
            &table,
            "The DPM/FM met the Deputy Prime Minister and Foreign Minister of the U.S."
        ),
        [
            (
                "DPM/FM".into(),
                "Deputy Prime Minister and Foreign Minister".into()
            ),
            (
                "Deputy Prime Minister and Foreign Minister".into(),
                "Deputy Prime Minister and Foreign Minister".into()
            ),
            ("U.S.".into(), "United States".into()),
        ]
    );
    // "us" and "pm" are not acronyms; "Latin America" is not "America".
    assert_eq!(
        found(&table, "Join us at 5 pm in Latin America."),
        [("Latin America".into(), "Latin America".into())]
    );
    // Possessive: the group, without the "'s".
    let hits = table.find("Pakistan’s resolve.");
    assert_eq!(hits.len(), 1);
    assert!(hits[0].possessive);
    assert_eq!(hits[0].span, Span::new(0, "Pakistan".len()));
    // Any apostrophe the matcher folds, cut where the text has it (a reversed quote is
    // three bytes, not the one of the folded "'").
    for text in [
        "Pakistan‘s resolve.",
        "Pakistan‘S resolve.",
        "Pakistan’S resolve.",
    ] {
        let hits = table.find(text);
        assert_eq!(hits.len(), 1, "{text}");
        assert!(hits[0].possessive, "{text}");
        assert_eq!(hits[0].span, Span::new(0, "Pakistan".len()), "{text}");
    }
}

#[test]
fn parse_errors_name_the_line() {
    let err = Equivalences::parse("# c\nA | B\nC || D\n").expect_err("empty form");
    assert_eq!(err.line, 3);
    let err = Equivalences::parse("A | B\nC | b\n").expect_err("form in two groups");
    assert_eq!(err.line, 2);
    assert!(err.message.contains("\"A\""), "{err}");
    let err = Equivalences::parse("A | ...\n").expect_err("no word");
    assert_eq!(err.line, 1);
    let err = Equivalences::parse("!\n").expect_err("bare removal");
    assert_eq!(err.line, 1);
    assert_eq!(
        err.to_string(),
        "line 1: \"!\" must be followed by a form to remove"
    );
    // Same form twice on one line ("U.S." is "US"): kept once.
    let table = Equivalences::parse("US | U.S. | America").expect("table");
    assert_eq!(table.forms(0), ["US", "America"]);
}

#[test]
fn user_table_extends_and_overrides() {
    let mut table = Equivalences::builtin();
    let before = table.len();
    let user =
        Equivalences::parse("Washington | United States | US   # redefine\n!TTP\nFrobnia | FRB\n")
            .expect("user table");
    table.extend(user);
    let us = table.group_of("U.S.").expect("US");
    assert_eq!(table.canonical(us), "Washington");
    assert_eq!(table.group_of("America"), None, "the old group is replaced");
    assert_eq!(table.group_of("Tehreek-i-Taliban Pakistan"), None);
    assert_eq!(
        table.canonical(table.group_of("FRB").expect("new")),
        "Frobnia"
    );
    assert_eq!(table.len(), before - 2 + 2);
}

/// A table's matcher is compiled once per setting and shared; a table extended afterwards
/// compiles again and finds its new forms; a copy compiles its own and equals the original.
#[test]
fn a_matcher_is_compiled_once_per_table_and_setting() {
    let mut table = Equivalences::parse("United States | US\n").expect("table");
    let first: *const Matcher = table.matcher(false, false);
    assert!(std::ptr::eq(first, table.matcher(false, false)));
    assert!(!std::ptr::eq(first, table.matcher(true, false)));
    assert!(!std::ptr::eq(
        table.matcher(true, false),
        table.matcher(true, true)
    ));
    assert_eq!(
        found(&table, "TTP and the US met."),
        [("US".into(), "United States".into())]
    );
    let copy = table.clone();
    assert_eq!(copy, table);
    assert!(!std::ptr::eq(
        copy.matcher(false, false),
        table.matcher(false, false)
    ));
    table.extend(Equivalences::parse("Tehreek-i-Taliban Pakistan | TTP\n").expect("table"));
    assert_ne!(copy, table);
    assert_eq!(
        found(&table, "TTP and the US met."),
        [
            ("TTP".into(), "Tehreek-i-Taliban Pakistan".into()),
            ("US".into(), "United States".into())
        ]
    );
    assert_eq!(found(&copy, "TTP and the US met.").len(), 1);
}

/// A plain form's keys are its words, as the tokeniser makes them: every form of the
/// built-in tables (equivalences and counterparts), and forms that look plain but are not.
#[test]
fn a_plain_forms_keys_are_what_the_tokeniser_makes() {
    let counterparts = include_str!("../../../assets/counterparts.txt");
    let forms = BUILTIN
        .lines()
        .chain(counterparts.lines())
        .map(|line| line.split('#').next().unwrap_or(""))
        .flat_map(|line| {
            line.split(['|', '=', ':', '!'])
                .map(str::to_owned)
                .collect::<Vec<_>>()
        })
        .flat_map(|form| [form.trim().to_owned(), form]);
    let tricky = [
        "a  b",
        " a",
        "a ",
        "Timor-Leste",
        "U.S.",
        "G7",
        "Zoë",
        "",
        " ",
        "A B",
    ];
    let mut plain = 0;
    for form in forms.chain(tricky.map(str::to_owned)) {
        for ignore_punctuation in [false, true] {
            let keys = form_keys(&form, ignore_punctuation);
            assert_eq!(
                keys,
                tokenised_form_keys(&form, ignore_punctuation),
                "{form:?}"
            );
            plain += usize::from(is_plain(&form));
        }
    }
    assert!(plain > 600, "{plain}");
}
