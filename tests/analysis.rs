//! The analysis engine on the seed statements and short texts: who and what is named, shared
//! phrases, wording strength.

use parallax::analysis::{Analysis, Entity, Presence, Stronger};
use parallax::engine::segment::Span;
use parallax::engine::{Options, RowKind};

use super::common::{ARTICLE, EMBASSY, FO, MOFA, MOFA_PARAPHRASE, analysed, check_phrases};

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
    // Dates are figures, not names.
    let figure = |form: &str| {
        a.figures
            .iter()
            .find(|e| e.text == form || e.forms.iter().any(|f| f == form))
            .unwrap_or_else(|| panic!("no figure {form:?} in {:#?}", a.figures))
    };
    assert_eq!(figure("Tuesday").kind, parallax::analysis::EntityKind::Date);
    assert_eq!(
        figure("May of last year").kind,
        parallax::analysis::EntityKind::Date
    );
    assert!(
        a.entities
            .iter()
            .all(|e| e.kind != parallax::analysis::EntityKind::Date)
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

// ---------------------------------------------------------------------------------------------
// Shared phrases
// ---------------------------------------------------------------------------------------------

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
// Stance: who is credited, and the shifts on links
// ---------------------------------------------------------------------------------------------

mod stance {
    use parallax::analysis::{Actor, Analysis, ShiftKind, Stronger};
    use parallax::engine::{Comparison, Options};

    use super::super::common::{EMBASSY, FO, analysed};

    /// The index of the first sentence of `side` (0 left, 1 right) containing `needle`.
    fn sentence(c: &Comparison, text: &str, side: usize, needle: &str) -> usize {
        let sentences = if side == 0 {
            &c.left_sentences
        } else {
            &c.right_sentences
        };
        sentences
            .iter()
            .position(|s| text[s.span.range()].contains(needle))
            .unwrap_or_else(|| panic!("no sentence with {needle:?}"))
    }

    fn actor(a: &Analysis, side: usize, index: usize) -> Actor {
        a.attribution[side].actors[index]
    }

    fn readout(pair: &str, file: &str) -> String {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/readouts");
        let dir = std::fs::read_dir(&root)
            .expect("readouts folder")
            .flatten()
            .find(|e| e.file_name().to_string_lossy().starts_with(pair))
            .expect("the pair's folder");
        std::fs::read_to_string(dir.path().join(file)).expect("the readout")
    }

    #[test]
    fn the_fo_credits_both_sides_where_the_embassy_speaks_for_itself() {
        let (c, a) = analysed(FO, EMBASSY, &Options::default());
        let both = sentence(&c, FO, 0, "both sides emphasized that sustained");
        assert!(FO[c.left_sentences[both].span.range()].contains("countering terrorism"));
        let ours = sentence(&c, EMBASSY, 1, "We remain committed");
        assert_eq!(actor(&a, 0, both), Actor::Joint);
        assert_eq!(actor(&a, 1, ours), Actor::Issuer);
        let shift = a
            .shifts
            .iter()
            .find(|s| s.left == both && s.right == ours && s.kind == ShiftKind::Attribution)
            .unwrap_or_else(|| panic!("no attribution shift in {:#?}", a.shifts));
        assert_eq!(shift.left_words, "both sides");
        assert_eq!(shift.right_words, "We");
        assert_eq!(shift.stronger, None);
        // The FO's statement has no opener: its title ("Pakistan-US … Joint Press
        // Statement") names Pakistan first, so what "the US" does is the counterpart's, not
        // the FO's own ("US" is the country, not the pronoun).
        let applauded = sentence(&c, FO, 0, "The US applauded");
        let condolences = sentence(&c, FO, 0, "the US expressed condolences");
        assert_eq!(actor(&a, 0, applauded), Actor::Counterpart);
        assert_eq!(actor(&a, 0, condolences), Actor::Counterpart);
        let between = sentence(&c, FO, 0, "between Pakistan and the US");
        assert_eq!(actor(&a, 0, between), Actor::Joint);
        // The dialogue itself: the two delegations on the FO's side, "our shared resolve" on
        // the embassy's; the shift quotes both, not a dash for the embassy's.
        let delegations = sentence(&c, FO, 0, "the two delegations underscored");
        let resolve = sentence(&c, EMBASSY, 1, "advancing our shared resolve");
        let shift = a
            .shifts
            .iter()
            .find(|s| s.left == delegations && s.right == resolve)
            .unwrap_or_else(|| panic!("no shift on the dialogue in {:#?}", a.shifts));
        assert_eq!(shift.kind, ShiftKind::Attribution);
        assert_eq!(shift.left_words, "the two delegations");
        assert_eq!(shift.right_words, "our");
    }

    #[test]
    fn an_opener_names_the_issuer_and_each_side_is_credited_by_its_officials() {
        let left = readout("07-", "a.txt");
        let right = readout("07-", "b.txt");
        let (c, a) = analysed(&left, &right, &Options::default());
        assert_eq!(
            a.attribution[0].issuer.official,
            "Prime Minister Rishi Sunak"
        );
        assert_eq!(
            a.attribution[0].issuer.counterpart,
            "Japanese Prime Minister Fumio Kishida"
        );
        let condemned = sentence(&c, &left, 0, "Both leaders condemned");
        assert_eq!(actor(&a, 0, condemned), Actor::Joint);
        let aligned = sentence(
            &c,
            &left,
            0,
            "the Prime Minister said that the UK was aligned",
        );
        assert_eq!(actor(&a, 0, aligned), Actor::Issuer);
        let congratulated = sentence(&c, &right, 1, "Prime Minister Kishida congratulated");
        assert_eq!(actor(&a, 1, congratulated), Actor::Issuer);
        let condolences = sentence(&c, &right, 1, "Prime Minister Sunak expressed");
        assert_eq!(actor(&a, 1, condolences), Actor::Counterpart);
        // A date line is nobody's position.
        let date = sentence(&c, &right, 1, "November 4, 2022");
        assert_eq!(actor(&a, 1, date), Actor::Other);
    }

    #[test]
    fn a_condemnation_against_a_discussion_is_a_strength_shift() {
        let left =
            "The two leaders strongly condemned the ballistic missile launches by North Korea.\n";
        let right = "The two leaders discussed the ballistic missile launches by North Korea.\n";
        let (_, a) = analysed(left, right, &Options::default());
        let shift = a
            .shifts
            .iter()
            .find(|s| s.kind == ShiftKind::Strength)
            .unwrap_or_else(|| panic!("no strength shift in {:#?}", a.shifts));
        assert_eq!(shift.stronger, Some(Stronger::Left));
        // The verbs with what they govern, as a careful reader quotes them.
        assert_eq!(
            shift.left_words,
            "strongly condemned the ballistic missile launches by North Korea"
        );
        assert_eq!(
            shift.right_words,
            "discussed the ballistic missile launches by North Korea"
        );
        assert!(a.shifts.iter().all(|s| s.kind != ShiftKind::Attribution));
    }

    #[test]
    fn a_condemnation_against_praise_is_two_points_not_one_worded_more_strongly() {
        let left = "The Prime Minister condemned the provocative missile launches.\n";
        let right = "The Prime Minister commended the provocative missile launches.\n";
        let (_, a) = analysed(left, right, &Options::default());
        assert!(
            a.shifts.iter().all(|s| s.kind != ShiftKind::Strength),
            "{:#?}",
            a.shifts
        );
        // The same verb against a lesser one still is.
        let right = "The Prime Minister noted the provocative missile launches.\n";
        let (_, a) = analysed(left, right, &Options::default());
        assert!(a.shifts.iter().any(|s| s.kind == ShiftKind::Strength));
    }

    #[test]
    fn a_condition_on_one_side_only_is_a_scope_shift() {
        let left = "The two leaders agreed to resume trade talks subject to a ceasefire.\n";
        let right = "The two leaders agreed to resume trade talks.\n";
        let (_, a) = analysed(left, right, &Options::default());
        let shift = a
            .shifts
            .iter()
            .find(|s| s.kind == ShiftKind::Scope)
            .unwrap_or_else(|| panic!("no scope shift in {:#?}", a.shifts));
        assert_eq!(shift.left_words, "subject to");
        assert_eq!(shift.stronger, Some(Stronger::Left));
    }
}

// ---------------------------------------------------------------------------------------------
// Names and phrases as an analyst counts them, on the official readouts
// ---------------------------------------------------------------------------------------------

mod on_the_readouts {
    use parallax::analysis::EntityKind;
    use parallax::engine::{Options, is_stop_word};

    use super::super::common::{analysed, check_phrases};

    /// Every readout pair of the fixtures: (name, left text, right text).
    fn pairs() -> Vec<(String, String, String)> {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/readouts");
        let mut out = Vec::new();
        for entry in std::fs::read_dir(&root).expect("readouts folder").flatten() {
            let dir = entry.path();
            let (Ok(left), Ok(right)) = (
                std::fs::read_to_string(dir.join("a.txt")),
                std::fs::read_to_string(dir.join("b.txt")),
            ) else {
                continue;
            };
            out.push((
                entry.file_name().to_string_lossy().into_owned(),
                left,
                right,
            ));
        }
        assert!(out.len() >= 5, "the readout fixtures are there");
        out
    }

    #[test]
    fn no_shared_phrase_has_fewer_than_two_content_words() {
        for (name, left, right) in pairs() {
            let (_, a) = analysed(&left, &right, &Options::default());
            check_phrases(&left, &right, &a);
            for phrase in &a.phrases {
                let content = phrase
                    .text
                    .split_whitespace()
                    .map(|w| {
                        w.trim_matches(|c: char| !c.is_alphanumeric())
                            .to_lowercase()
                    })
                    .filter(|w| w.chars().any(char::is_alphabetic) && !is_stop_word(w))
                    .count();
                assert!(content >= 2, "{name}: {:?}", phrase.text);
                // The genre's formulas for both parties say nothing on their own.
                let formula = ["the two leaders", "the two sides", "both leaders"]
                    .iter()
                    .any(|f| phrase.text.eq_ignore_ascii_case(f));
                assert!(!formula, "{name}: {:?}", phrase.text);
            }
        }
    }

    #[test]
    fn no_number_is_listed_as_a_name() {
        let mut figures = 0;
        for (name, left, right) in pairs() {
            let (_, a) = analysed(&left, &right, &Options::default());
            for entity in &a.entities {
                assert_ne!(entity.kind, EntityKind::Number, "{name}: {entity:?}");
                assert_ne!(entity.kind, EntityKind::Date, "{name}: {entity:?}");
                if entity.kind == EntityKind::Name {
                    assert!(
                        entity.text.chars().any(char::is_alphabetic),
                        "{name}: {entity:?}"
                    );
                }
            }
            assert!(
                a.figures
                    .iter()
                    .all(|f| matches!(f.kind, EntityKind::Number | EntityKind::Date))
            );
            figures += a.figures.len();
        }
        assert!(figures > 0, "the readouts give figures");
    }

    #[test]
    fn a_figure_on_one_side_is_listed_apart_from_the_names() {
        let left = "The deal is worth £26 billion to Britain.\n";
        let right = "The British side welcomed the deal.\n";
        let (_, a) = analysed(left, right, &Options::default());
        assert!(
            a.figures.iter().any(|f| f.text.contains("26")),
            "{:#?}",
            a.figures
        );
        assert!(a.entities.iter().all(|e| !e.text.contains("26")));
        // "British" counts with Britain, the United Kingdom.
        let uk = a
            .entities
            .iter()
            .find(|e| e.forms.iter().any(|f| f == "British"))
            .unwrap_or_else(|| panic!("{:#?}", a.entities));
        assert_eq!((uk.left, uk.right), (1, 1));
    }
}

mod brief_and_figures {
    use parallax::analysis::{BriefTopic, FigureKind, FigurePresence};
    use parallax::engine::Options;

    use super::super::common::{EMBASSY, FO, analysed};

    /// Which countries one side names and the other leaves out leads the names line, before
    /// places named more often.
    #[test]
    fn the_names_line_leads_with_countries() {
        let left = "The ministers met in the capital. They agreed to meet again.\n";
        let right = "The ministers met in Edmonton. In Edmonton they toured a base. They also \
                     discussed Ukraine. They agreed to meet again.\n";
        let (_, a) = analysed(left, right, &Options::default());
        let names = a
            .brief
            .iter()
            .find(|l| l.topic == BriefTopic::Names)
            .unwrap_or_else(|| panic!("{:#?}", a.brief));
        assert!(
            names
                .text
                .starts_with("Names only the right gives: Ukraine, Edmonton"),
            "{}",
            names.text
        );
    }

    /// A readout that calls its own leader "the Prime Minister" leaves no name out: the other
    /// side's "the Rt Hon Rishi Sunak MP, Prime Minister of the United Kingdom of Great
    /// Britain and Northern Ireland" is no name only it gives; what it alone raises is.
    #[test]
    fn a_leader_called_by_title_is_no_name_the_other_side_alone_gives() {
        let left = "The Prime Minister met Japanese Prime Minister Fumio Kishida today.                     The Prime Minister welcomed the progress on trade.\n";
        let right = "Prime Minister Kishida held a meeting with the Rt Hon Rishi Sunak MP, Prime                      Minister of the United Kingdom of Great Britain and Northern Ireland. Prime                      Minister Sunak welcomed the progress on trade. Prime Minister Kishida                      raised the situation in Myanmar and Taiwan.\n";
        let (_, a) = analysed(left, right, &Options::default());
        let names = a
            .brief
            .iter()
            .find(|l| l.topic == BriefTopic::Names && l.text.contains("right gives"))
            .unwrap_or_else(|| panic!("{:#?}", a.brief));
        assert!(names.text.contains("Myanmar"), "{}", names.text);
        assert!(!names.text.contains("Sunak"), "{}", names.text);
        assert!(!names.text.contains("Northern Ireland"), "{}", names.text);
    }

    /// The samples' brief says the FO credits to both sides what the embassy credits to
    /// itself, and links the row of the embassy's "We remain committed".
    #[test]
    fn the_brief_names_the_samples_attribution_difference_and_its_row() {
        let (c, a) = analysed(EMBASSY, FO, &Options::default());
        assert!((1..=8).contains(&a.brief.len()), "{:#?}", a.brief);
        for line in &a.brief {
            assert!(!line.text.is_empty());
            assert!(line.rows.windows(2).all(|w| w[0] < w[1]), "{line:?}");
            assert!(line.rows.iter().all(|&r| r < c.rows.len()), "{line:?}");
        }
        let line = a
            .brief
            .iter()
            .find(|l| l.topic == BriefTopic::Attribution)
            .unwrap_or_else(|| panic!("{:#?}", a.brief));
        assert!(line.text.starts_with("The right credits"), "{}", line.text);
        let ours = c
            .left_sentences
            .iter()
            .position(|s| EMBASSY[s.content.range()].starts_with("We remain committed"))
            .expect("the embassy's sentence");
        let row = c.rows_of_left()[ours];
        assert!(line.rows.contains(&row), "{line:?} lacks row {row}");
        // The FO's sentences with no counterpart are what only the right reports.
        assert!(
            a.brief
                .iter()
                .any(|l| l.topic == BriefTopic::OnlyOneSide && l.text.contains("right"))
        );
    }

    /// Figures written two ways on the two sides are one figure; other values on a link are
    /// a difference; a figure one side alone gives is in the brief.
    #[test]
    fn figures_are_compared_by_value_and_one_sided_ones_are_briefed() {
        let left = "The two leaders met on 5 July 2025. They agreed a deal worth £26 billion. \
                    Trade grew by 3% last year.";
        let right = "The two leaders met on July 5, 2025. They agreed a deal worth GBP 26bn. \
                     Trade grew by 4 per cent last year. The talks lasted 45 minutes.";
        let (_, a) = analysed(left, right, &Options::default());
        let figures = &a.figures_compared;
        let both: Vec<&str> = figures
            .figures
            .iter()
            .filter(|f| f.presence == FigurePresence::Both)
            .map(|f| f.value.as_str())
            .collect();
        assert_eq!(both, ["5 July 2025", "GBP 26bn"], "{figures:#?}");
        let difference = figures
            .differences
            .iter()
            .find(|d| d.kind == FigureKind::Percent)
            .unwrap_or_else(|| panic!("{figures:#?}"));
        assert_eq!(
            (
                difference.left_value.as_str(),
                difference.right_value.as_str()
            ),
            ("3%", "4%")
        );
        assert!(
            a.brief
                .iter()
                .any(|l| l.topic == BriefTopic::Figures && l.text.contains("45 minutes")),
            "{:#?}",
            a.brief
        );
    }
}

/// A shared sentence is one entry, marked whole; a phrase inside a sentence is not.
#[test]
fn a_shared_sentence_is_one_phrase_marked_whole() {
    let (_, a) = analysed(EMBASSY, ARTICLE, &Options::default());
    let first = a
        .phrases
        .iter()
        .find(|p| p.text == "We remain committed to countering terrorism in all its forms")
        .unwrap_or_else(|| panic!("{:#?}", a.phrases));
    assert!(first.whole_sentence);
    let (_, a) = analysed(ARTICLE, FO, &Options::default());
    let inner = a
        .phrases
        .iter()
        .find(|p| p.text == "effective and enduring")
        .unwrap_or_else(|| panic!("{:#?}", a.phrases));
    assert!(!inner.whole_sentence);
}

/// What the insights read of the texts while the comparison runs (`read_texts`) completes to
/// the same analysis as reading them after it, on the seed's statements and a long text;
/// a reading of other texts, or of other sentences, is set aside, not mixed in.
#[test]
fn reading_the_texts_during_the_comparison_gives_the_same_analysis() {
    use parallax::analysis::{StrengthLexicon, analyse_read, read_texts};
    use parallax::engine::Equivalences;
    let long = ARTICLE.repeat(20);
    let pairs = [
        (EMBASSY, FO),
        (MOFA, MOFA_PARAPHRASE),
        (FO, ARTICLE),
        (long.as_str(), FO),
    ];
    let ignoring = Options {
        ignore_case: true,
        ignore_punctuation: true,
        ..Options::default()
    };
    for options in [Options::default(), ignoring] {
        for (left, right) in pairs {
            let (c, expected) = analysed(left, right, &options);
            let complete = |reading| {
                let equivalences = Equivalences::builtin_ref();
                let lexicon = StrengthLexicon::builtin_ref();
                analyse_read(left, right, &c, reading, equivalences, lexicon)
            };
            let reading = read_texts(left, right, Equivalences::builtin_ref());
            // The engine splits a text alone as it does in a comparison.
            assert!(reading.fits(left, right, &c), "{options:?}");
            assert_eq!(complete(reading), expected, "{options:?}");
            // A reading of other texts is not this pair's.
            let other = read_texts(MOFA, EMBASSY, Equivalences::builtin_ref());
            assert!(!other.fits(left, right, &c) || (left, right) == (MOFA, EMBASSY));
            assert_eq!(complete(other), expected, "{options:?}");
        }
    }
}
