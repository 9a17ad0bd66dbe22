//! Insights across the documents of a collation: who names what, the phrases several documents
//! share, wording strength between documents on one point, order-freeness, and the JSON.

use std::collections::BTreeMap;
use std::path::PathBuf;

use parallax::analysis::{
    Actor, CollationInsights, EntityKind, StrengthLexicon, analyse_collation,
};
use parallax::engine::collate::collate;
use parallax::engine::{Equivalences, Options};
use proptest::prelude::*;
use serde_json::Value;

use super::common::{ARTICLE, EMBASSY, FO, MOFA, run_compare, sample, scratch};

/// The seed's four statements: the embassy's post, the FO's statement, the MoFA's post, the
/// article.
const SEED: [&str; 4] = [EMBASSY, FO, MOFA, ARTICLE];
const EMB: usize = 0;
const FOD: usize = 1;
const MOF: usize = 2;
const ART: usize = 3;

fn insights_of(texts: &[&str]) -> CollationInsights {
    let collation = collate(texts, &Options::default());
    analyse_collation(
        texts,
        &collation,
        Equivalences::builtin_ref(),
        StrengthLexicon::builtin_ref(),
    )
}

/// The counts per document of the entity named `text`.
fn counts(insights: &CollationInsights, text: &str) -> Vec<usize> {
    insights
        .entities
        .iter()
        .find(|e| e.text == text)
        .unwrap_or_else(|| panic!("no entity {text:?}"))
        .counts
        .clone()
}

#[test]
fn the_fo_and_the_article_name_the_bla_the_ttp_and_is_k_and_the_embassy_does_not() {
    let insights = insights_of(&SEED);
    for (group, form) in [
        ("Balochistan Liberation Army", "BLA"),
        ("Tehreek-i-Taliban Pakistan", "TTP"),
        ("Islamic State-Khorasan", "IS-K"),
    ] {
        let entity = insights
            .entities
            .iter()
            .find(|e| e.text == group)
            .unwrap_or_else(|| panic!("{group}"));
        assert_eq!(entity.kind, EntityKind::Name);
        assert!(entity.forms.iter().any(|f| f == form), "{entity:?}");
        assert_eq!(entity.counts[EMB], 0, "{group}: the embassy names none");
        assert_eq!(entity.counts[MOF], 0, "{group}: nor does the MoFA");
        assert_eq!(entity.counts[FOD], 1, "{group}: the FO once");
        assert!(entity.counts[ART] >= 2, "{group}: the article: {entity:?}");
        // Spans are where each document names it.
        for (document, spans) in entity.spans.iter().enumerate() {
            assert_eq!(spans.is_empty(), entity.counts[document] == 0);
            for span in spans {
                let named = &SEED[document][span.range()];
                assert!(entity.forms.iter().any(|f| f == named), "{named:?}");
            }
        }
    }
    assert_eq!(
        counts(&insights, "Balochistan Liberation Army"),
        [0, 1, 0, 3]
    );
    assert_eq!(
        counts(&insights, "Tehreek-i-Taliban Pakistan"),
        [0, 1, 0, 2]
    );
    assert_eq!(counts(&insights, "Islamic State-Khorasan"), [0, 1, 0, 3]);
    // Every document names the US, Pakistan and LoGerfo: they come first.
    let first: Vec<&str> = insights
        .entities
        .iter()
        .take(4)
        .map(|e| e.text.as_str())
        .collect();
    assert!(first.contains(&"United States"), "{first:?}");
    assert!(first.contains(&"Gregory D. LoGerfo"), "{first:?}");
    assert_eq!(counts(&insights, "Gregory D. LoGerfo"), [1, 1, 1, 5]);
    // The call on Dar: the MoFA and the article; the condolences' places: the FO and the article.
    assert_eq!(counts(&insights, "Mohammad Ishaq Dar"), [0, 0, 2, 5]);
    assert_eq!(counts(&insights, "Khuzdar"), [0, 1, 0, 1]);
    assert_eq!(counts(&insights, "Jaffar Express"), [0, 1, 0, 1]);
}

#[test]
fn entities_are_ordered_by_how_many_documents_name_them_then_by_count() {
    let insights = insights_of(&SEED);
    let keys: Vec<(usize, usize)> = insights
        .entities
        .iter()
        .map(|e| (e.documents(), e.total()))
        .collect();
    let mut sorted = keys.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    assert_eq!(keys, sorted);
}

#[test]
fn shared_phrases_name_the_documents_that_carry_them() {
    let insights = insights_of(&SEED);
    let documents = |text: &str| {
        insights
            .phrases
            .iter()
            .find(|p| p.text == text)
            .unwrap_or_else(|| panic!("no phrase {text:?}"))
            .documents
            .clone()
    };
    // Three documents: the embassy's "committed to countering terrorism in all its forms", the
    // FO's "vital to countering terrorism", and the article's copies of both.
    assert_eq!(documents("to countering terrorism"), [EMB, FOD, ART]);
    assert_eq!(
        documents("to countering terrorism in all its forms"),
        [EMB, ART]
    );
    assert_eq!(documents("effective and enduring"), [FOD, ART]);
    assert_eq!(
        insights.phrases.first().map(|p| p.documents.len()),
        Some(3),
        "a phrase of more documents first"
    );
    for phrase in &insights.phrases {
        for (document, spans) in phrase.spans.iter().enumerate() {
            assert_eq!(spans.is_empty(), !phrase.documents.contains(&document));
            for span in spans {
                // Words are matched by their normalized keys ("U.S." is "US"): the first letter
                // is the same.
                let found = SEED[document].get(span.range()).unwrap_or_default();
                let first = |text: &str| text.chars().next().map(|c| c.to_lowercase().to_string());
                assert_eq!(first(found), first(&phrase.text), "{found:?} {phrase:?}");
            }
        }
    }
}

/// The article, as if it had written "acknowledged" where the FO wrote "applauded".
fn weaker_article() -> String {
    ARTICLE.replace("applauded", "acknowledged")
}

#[test]
fn the_seed_words_no_point_with_different_strength_but_a_weaker_copy_is_found() {
    // Pair by pair, the two-text analysis finds no strength difference in the seed either.
    assert!(insights_of(&SEED).strength.is_empty());

    let article = weaker_article();
    let texts = [EMBASSY, FO, MOFA, article.as_str()];
    let collation = collate(&texts, &Options::default());
    let insights = analyse_collation(
        &texts,
        &collation,
        Equivalences::builtin_ref(),
        StrengthLexicon::builtin_ref(),
    );
    let finding = insights
        .strength
        .iter()
        .find(|f| f.kind == "support")
        .unwrap_or_else(|| panic!("{:?}", insights.strength));
    assert_eq!((finding.stronger, finding.weaker), (FOD, ART));
    assert_eq!(finding.stronger_word, "applauded");
    assert_eq!(finding.weaker_word, "acknowledged");
    let point = &collation.points[finding.point];
    assert!(point.has(FOD) && point.has(ART) && !point.has(EMB));
    assert_eq!(&FO[finding.stronger_span.range()], "applauded");
    assert_eq!(&texts[ART][finding.weaker_span.range()], "acknowledged");
}

/// What the insights say, by content: per entity its counts, per phrase its documents' texts,
/// per finding its words; with documents named through `names` (a document's index → its
/// identity), so that two orders of the same documents compare equal.
type Content = (
    BTreeMap<(String, EntityKind), BTreeMap<usize, usize>>,
    BTreeMap<String, Vec<usize>>,
    Vec<(usize, usize, String, String, String)>,
);

fn content(insights: &CollationInsights, names: &[usize]) -> Content {
    let entities = insights
        .entities
        .iter()
        .map(|e| {
            let counts = e
                .counts
                .iter()
                .enumerate()
                .map(|(d, &c)| (names[d], c))
                .collect();
            ((e.text.clone(), e.kind), counts)
        })
        .collect();
    let phrases = insights
        .phrases
        .iter()
        .map(|p| {
            let mut documents: Vec<usize> = p.documents.iter().map(|&d| names[d]).collect();
            documents.sort_unstable();
            (p.text.clone(), documents)
        })
        .collect();
    let mut strength: Vec<_> = insights
        .strength
        .iter()
        .map(|f| {
            (
                names[f.stronger],
                names[f.weaker],
                f.stronger_word.clone(),
                f.weaker_word.clone(),
                f.kind.clone(),
            )
        })
        .collect();
    strength.sort();
    (entities, phrases, strength)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(12))]

    #[test]
    fn permuting_the_documents_permutes_the_counts(
        perm in Just(vec![0usize, 1, 2, 3]).prop_shuffle(),
        weaker in any::<bool>(),
    ) {
        let article = if weaker { weaker_article() } else { ARTICLE.to_owned() };
        let texts = [EMBASSY, FO, MOFA, article.as_str()];
        let permuted: Vec<&str> = perm.iter().map(|&i| texts[i]).collect();
        let original = insights_of(&texts);
        let shuffled = insights_of(&permuted);
        // Position j of the shuffled documents is document perm[j].
        for entity in &shuffled.entities {
            let same = original
                .entities
                .iter()
                .find(|e| e.text == entity.text && e.kind == entity.kind);
            prop_assert!(same.is_some(), "{} only in the shuffled order", entity.text);
            if let Some(same) = same {
                for (j, &i) in perm.iter().enumerate() {
                    prop_assert_eq!(entity.counts[j], same.counts[i]);
                    prop_assert_eq!(&entity.spans[j], &same.spans[i]);
                }
            }
        }
        prop_assert_eq!(shuffled.entities.len(), original.entities.len());
        let identity: Vec<usize> = (0..4).collect();
        prop_assert_eq!(content(&shuffled, &perm), content(&original, &identity));
        // The order of the entities does not depend on the documents' order either.
        let names = |i: &CollationInsights| -> Vec<String> {
            i.entities.iter().map(|e| e.text.clone()).collect()
        };
        prop_assert_eq!(names(&shuffled), names(&original));
    }
}

/// The actor of the sentence of document `d` that contains `needle`.
fn actor_of(insights: &CollationInsights, texts: &[&str], d: usize, needle: &str) -> Actor {
    let collation = collate(texts, &Options::default());
    let at = texts[d].find(needle).expect("the needle is in the text");
    let sentence = collation.sentences[d]
        .iter()
        .position(|s| s.span.start <= at && at < s.span.end)
        .expect("a sentence holds it");
    insights.attribution[d].actors[sentence]
}

#[test]
fn each_document_of_a_collation_credits_its_sentences_as_a_side_of_a_pair_does() {
    let insights = insights_of(&SEED);
    assert_eq!(insights.attribution.len(), SEED.len());
    for (d, attribution) in insights.attribution.iter().enumerate() {
        let collation = collate(&SEED, &Options::default());
        assert_eq!(
            attribution.actors.len(),
            collation.sentences[d].len(),
            "document {d}"
        );
    }
    // The seed's point: the Foreign Office credits the fight against terrorism to both sides,
    // the embassy to its own.
    assert_eq!(
        actor_of(&insights, &SEED, FOD, "both sides emphasized"),
        Actor::Joint
    );
    assert_eq!(
        actor_of(&insights, &SEED, EMB, "We remain committed"),
        Actor::Issuer
    );
    // A document's attribution does not depend on the others collated with it.
    let alone = insights_of(&[EMBASSY, FO]);
    assert_eq!(alone.attribution[1], insights.attribution[FOD]);
    let reordered = insights_of(&[ARTICLE, MOFA, FO, EMBASSY]);
    assert_eq!(reordered.attribution[2], insights.attribution[FOD]);
    assert_eq!(reordered.attribution[3], insights.attribution[EMB]);
}

// The command line.

fn seed_files() -> Vec<PathBuf> {
    [
        "us-embassy-x-post.txt",
        "fo-joint-press-statement.txt",
        "pakistan-mofa-post-call-on-dar.txt",
        "article-full.txt",
    ]
    .into_iter()
    .map(sample)
    .collect()
}

fn compare_json(files: &[PathBuf], extra: &[&str]) -> Value {
    let mut args: Vec<&std::ffi::OsStr> = files.iter().map(|p| p.as_os_str()).collect();
    args.extend(extra.iter().map(std::ffi::OsStr::new));
    let out = run_compare(&args);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("JSON")
}

#[test]
fn the_json_has_the_documented_insights() {
    let json = compare_json(&seed_files(), &["--format", "json"]);
    let insights = &json["insights"];
    let bla = insights["entities"]
        .as_array()
        .expect("entities")
        .iter()
        .find(|e| e["text"] == "Balochistan Liberation Army")
        .expect("the BLA");
    assert_eq!(bla["kind"], "name");
    assert_eq!(bla["counts"], serde_json::json!([0, 1, 0, 3]));
    let spans = bla["spans"].as_array().expect("spans per document");
    assert_eq!(spans.len(), 4);
    let fo_text = json["documents"][1]["text"].as_str().expect("text");
    let first = &spans[1][0];
    let (start, end) = (
        first[0].as_u64().expect("start") as usize,
        first[1].as_u64().expect("end") as usize,
    );
    assert_eq!(&fo_text[start..end], "BLA");
    assert_eq!(spans[0], serde_json::json!([]));

    let phrase = insights["phrases"]
        .as_array()
        .expect("phrases")
        .iter()
        .find(|p| p["text"] == "to countering terrorism")
        .expect("a phrase of three documents");
    assert_eq!(phrase["words"], 3);
    assert_eq!(phrase["documents"], serde_json::json!([0, 1, 3]));
    assert_eq!(phrase["spans"].as_array().map(Vec::len), Some(4));
    assert_eq!(insights["strength"], serde_json::json!([]));

    // Each document says whom its sentences credit, and who issued it.
    for document in json["documents"].as_array().expect("documents") {
        let sentences = document["sentences"].as_array().expect("sentences");
        assert!(
            sentences.iter().all(|s| s["actor"].is_string()),
            "{document}"
        );
        assert!(document["issuer"].is_object(), "{}", document["name"]);
    }
    let fo = &json["documents"][1];
    let fo_text = fo["text"].as_str().expect("text");
    let at = fo_text
        .find("both sides emphasized")
        .expect("the FO's point");
    let joint = fo["sentences"]
        .as_array()
        .expect("sentences")
        .iter()
        .find(|s| s["start"].as_u64() <= Some(at as u64) && Some(at as u64) < s["end"].as_u64())
        .expect("its sentence");
    assert_eq!(joint["actor"], "joint");

    let never = compare_json(&seed_files(), &["--format", "json", "--analysis", "never"]);
    assert!(
        never.get("insights").is_none(),
        "no insights with --analysis never"
    );
    let first = &never["documents"][0];
    assert!(first.get("issuer").is_none() && first["sentences"][0].get("actor").is_none());
}

#[test]
fn a_strength_finding_in_the_json_names_its_point_and_documents() {
    let dir = scratch("collate_insights", "strength_json");
    let mut files = seed_files();
    let weaker = dir.join("article-weaker.txt");
    std::fs::write(&weaker, weaker_article()).expect("write");
    files[ART] = weaker;
    let json = compare_json(&files, &["--format", "json"]);
    let findings = json["insights"]["strength"].as_array().expect("strength");
    let finding = findings
        .iter()
        .find(|f| f["kind"] == "support")
        .unwrap_or_else(|| panic!("{findings:?}"));
    assert_eq!(finding["stronger"], FOD);
    assert_eq!(finding["weaker"], ART);
    assert_eq!(finding["stronger_word"], "applauded");
    assert_eq!(finding["weaker_word"], "acknowledged");
    let point = finding["point"].as_u64().expect("point") as usize;
    let sentences = &json["points"][point]["sentences"];
    assert!(!sentences[FOD].as_array().expect("FO").is_empty());
    assert!(!sentences[ART].as_array().expect("article").is_empty());
}

#[test]
fn text_html_and_markdown_show_who_names_what() {
    let files = seed_files();
    let args = |format: &str| -> String {
        let mut args: Vec<&std::ffi::OsStr> = files.iter().map(|p| p.as_os_str()).collect();
        let extra = ["--format", format];
        args.extend(extra.iter().map(std::ffi::OsStr::new));
        let out = run_compare(&args);
        assert!(out.status.success());
        String::from_utf8(out.stdout).expect("UTF-8")
    };
    let text = args("text");
    assert!(text.contains("Who names what (46 entities"), "{text}");
    let bla = text
        .lines()
        .find(|l| l.contains("Balochistan Liberation Army"))
        .expect("a row");
    assert_eq!(
        bla.split_whitespace().collect::<Vec<_>>(),
        [
            "Balochistan",
            "Liberation",
            "Army",
            "name",
            "·",
            "1",
            "·",
            "3",
            "(BLA)"
        ]
    );
    assert!(text.contains("[D1 D2 D4] 3 words: \"to countering terrorism\""));

    let html = args("html");
    assert!(html.contains("<h2>Who names what</h2>"));
    assert!(html.contains(
        "<tr><th>Balochistan Liberation Army <small>(BLA)</small></th><td class=\"kind\">name</td>\
         <td class=\"none\" title=\"D1 does not name it\"></td><td class=\"named\">1</td>\
         <td class=\"none\" title=\"D3 does not name it\"></td><td class=\"named\">3</td></tr>"
    ), "{html}");
    assert!(html.contains("<h2>Shared phrases</h2>"));

    let markdown = args("markdown");
    assert!(markdown.contains("| **Balochistan Liberation Army** (BLA) | name |  | 1 |  | 3 |"));
    assert!(markdown.contains("| D1 D2 D4 | 3 | to countering terrorism |"));
}
