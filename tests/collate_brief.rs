//! The brief of a collation: what differs among the statements, on the seed's statements and
//! on small made-up ones, in the data, the JSON, the reports and the window's overview.

use std::ffi::OsStr;

use parallax::analysis::{
    BriefTopic, CollationBriefLine, CollationInsights, StrengthLexicon, analyse_collation,
};
use parallax::engine::collate::{Collation, collate};
use parallax::engine::{Equivalences, Options};
use serde_json::Value;

use super::common::{
    ARTICLE, EMBASSY, EMBASSY_PARAPHRASE, FO, MOFA, MOFA_PARAPHRASE, run_compare, sample,
};

fn collated(texts: &[&str]) -> (Collation, CollationInsights) {
    let collation = collate(texts, &Options::default());
    let insights = analyse_collation(
        texts,
        &collation,
        Equivalences::builtin_ref(),
        StrengthLexicon::builtin_ref(),
    );
    (collation, insights)
}

/// The brief's line of a topic whose text contains `needle`.
fn line<'a>(
    insights: &'a CollationInsights,
    topic: BriefTopic,
    needle: &str,
) -> &'a CollationBriefLine {
    insights
        .brief
        .iter()
        .find(|l| l.topic == topic && l.text.contains(needle))
        .unwrap_or_else(|| panic!("no {topic:?} line with {needle:?} in {:#?}", insights.brief))
}

/// The point holding the sentence of document `d` that contains `needle`.
fn point_with(collation: &Collation, texts: &[&str], d: usize, needle: &str) -> usize {
    let at = texts[d].find(needle).expect("needle in the text");
    let sentence = collation.sentences[d].partition_point(|s| s.span.end <= at);
    collation
        .point_of(d, sentence)
        .expect("every sentence is in a point")
}

#[test]
fn the_seed_brief_says_who_credits_both_sides_and_what_only_the_fo_reports() {
    // D1 the embassy's post, D2 the FO's joint statement, D3 the MoFA's post, D4 and D5 the
    // article's paraphrases of the two posts.
    let texts = [EMBASSY, FO, MOFA, EMBASSY_PARAPHRASE, MOFA_PARAPHRASE];
    let (collation, insights) = collated(&texts);
    assert!(!insights.brief.is_empty() && insights.brief.len() <= 8);
    for l in &insights.brief {
        assert!(
            l.points.windows(2).all(|w| w[0] < w[1]),
            "ascending, distinct: {l:?}"
        );
        assert!(
            l.points.iter().all(|&p| p < collation.points.len()),
            "{l:?}"
        );
    }
    // The FO credits "countering terrorism" to both sides, the embassy to itself ("We").
    let credited = line(&insights, BriefTopic::Attribution, "D2 “");
    assert!(
        credited.text.contains("against D1 “We remain committed"),
        "{credited:?}"
    );
    let countering = point_with(&collation, &texts, 0, "We remain committed");
    assert!(credited.points.contains(&countering), "{credited:?}");
    // What only the FO reports: the BLA, IS-K and the TTP, the condolences.
    let only = line(&insights, BriefTopic::OnlyOneSide, "Only D2 reports");
    let condolences = point_with(&collation, &texts, 1, "expressed condolences");
    assert!(only.points.contains(&condolences), "{only:?}");
    // It counts the points that credit someone, and says how many the FO has alone in all,
    // as the presence map shows them.
    let alone = (collation.points.iter())
        .filter(|p| p.documents() == 1 && p.has(1))
        .count();
    assert!(
        only.text
            .contains(&format!("{} points that credit someone", only.points.len()))
    );
    if alone > only.points.len() {
        assert!(
            only.text
                .contains(&format!("({alone} with its background and headings)")),
            "{only:?}, {alone} points the FO alone has"
        );
    }
    // Names only the FO gives.
    let names = line(
        &insights,
        BriefTopic::Names,
        "Names only one statement gives",
    );
    assert!(names.text.contains("D2 "), "{names:?}");
    assert!(
        names.text.contains("Balochistan Liberation Army"),
        "{names:?}"
    );
    // The lines come in the topics' order.
    assert!(
        insights.brief.windows(2).all(|w| w[0].topic <= w[1].topic),
        "{:#?}",
        insights.brief
    );
}

#[test]
fn a_point_every_statement_but_one_reports_is_named_with_the_one_that_leaves_it_out() {
    let with = "The ministers discussed the new trade agreement on rare earth minerals in Geneva.";
    let other = "The two sides agreed to hold the next round of talks on fisheries in Oslo.";
    let a = format!("{with}\n\n{other}\n");
    let b = format!("{with}\n\n{other}\n");
    let c = format!("{other}\n");
    let texts = [a.as_str(), b.as_str(), c.as_str()];
    let (collation, insights) = collated(&texts);
    let left_out = line(&insights, BriefTopic::LeftOut, "Only D3 leaves out 1 point");
    assert!(
        left_out.text.contains("D1 “The ministers discussed"),
        "{left_out:?}"
    );
    assert_eq!(
        left_out.points,
        [point_with(&collation, &texts, 0, "rare earth")]
    );
}

#[test]
fn a_statement_that_words_a_point_more_strongly_is_named_with_its_words() {
    let weaker = ARTICLE.replace("applauded", "acknowledged");
    let texts = [EMBASSY, FO, MOFA, weaker.as_str()];
    let (collation, insights) = collated(&texts);
    let stronger = line(
        &insights,
        BriefTopic::Strength,
        "D2 words 1 point more strongly than D4",
    );
    assert!(
        stronger.text.contains("“applauded” against “acknowledged”"),
        "{stronger:?}"
    );
    assert_eq!(
        stronger.points,
        [point_with(&collation, &texts, 1, "applauded")]
    );
}

/// One statement stronger than several on the same point, in the same words, is one line
/// naming them all (not a line per pair).
#[test]
fn a_statement_stronger_than_several_is_one_line_naming_them() {
    let weaker = ARTICLE.replace("applauded", "acknowledged");
    let weaker_too = format!("{weaker}\n\nThe talks ended in the evening.\n");
    let texts = [EMBASSY, FO, weaker.as_str(), weaker_too.as_str()];
    let (collation, insights) = collated(&texts);
    let stronger: Vec<&CollationBriefLine> = (insights.brief.iter())
        .filter(|l| l.topic == BriefTopic::Strength)
        .collect();
    assert_eq!(stronger.len(), 1, "{:#?}", insights.brief);
    assert!(
        stronger[0]
            .text
            .starts_with("D2 words 1 point more strongly than D3 and D4, such as “applauded”"),
        "{:?}",
        stronger[0]
    );
    assert_eq!(
        stronger[0].points,
        [point_with(&collation, &texts, 1, "applauded")]
    );
}

#[test]
fn statements_that_say_the_same_have_a_one_line_brief() {
    let text = "The ministers discussed the new trade agreement in Geneva.\n";
    let (_, insights) = collated(&[text, text, text]);
    assert_eq!(insights.brief.len(), 1, "{:#?}", insights.brief);
    assert_eq!(insights.brief[0].topic, BriefTopic::Nothing);
    assert!(insights.brief[0].points.is_empty());
}

/// The CLI's collation of the seed's five statements (as in the first test) in `format`.
fn seed_report(format: &str) -> std::process::Output {
    let files = [
        "us-embassy-x-post.txt",
        "fo-joint-press-statement.txt",
        "pakistan-mofa-post-call-on-dar.txt",
        "article-paraphrase-of-embassy-post.txt",
        "article-paraphrase-of-mofa-post.txt",
    ]
    .map(sample);
    let mut args: Vec<&OsStr> = files.iter().map(|f| f.as_os_str()).collect();
    args.extend(["--format", format].map(OsStr::new));
    run_compare(&args)
}

#[test]
fn the_json_and_every_report_lead_with_the_brief() {
    let out = seed_report("json");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: Value = serde_json::from_slice(&out.stdout).expect("json");
    let brief = json["insights"]["brief"].as_array().expect("a brief");
    let points = json["points"].as_array().expect("points").len();
    let first = &brief[0];
    assert_eq!(first["topic"], "attribution");
    assert!(
        first["text"]
            .as_str()
            .is_some_and(|t| t.contains("both sides"))
    );
    for line in brief {
        let at: Vec<u64> = line["points"]
            .as_array()
            .expect("points")
            .iter()
            .filter_map(Value::as_u64)
            .collect();
        assert!(at.windows(2).all(|w| w[0] < w[1]), "{line}");
        assert!(at.iter().all(|&p| (p as usize) < points), "{line}");
    }

    for (format, heading) in [
        ("text", "\nBrief\n"),
        ("markdown", "## Brief"),
        ("html", ">Brief</h2>"),
    ] {
        let out = seed_report(format);
        let report = String::from_utf8_lossy(&out.stdout);
        let brief_at = report
            .find(heading)
            .unwrap_or_else(|| panic!("{format}: {report}"));
        let summary_at = report
            .find("8 points")
            .unwrap_or_else(|| panic!("{format}: {report}"));
        assert!(brief_at < summary_at, "{format}: the brief comes first");
        assert!(
            report.contains("Only D2 reports 5 points"),
            "{format}: {report}"
        );
    }
}
