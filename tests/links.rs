//! Counterpart links: scored against hand-made gold links on real readout pairs, and checked
//! on the seed's statements.

use std::path::Path;

use parallax::engine::{Comparison, LinkKind, Options, RowKind, compare};
use serde_json::Value;

use super::common::{ARTICLE, EMBASSY, FO};

/// Gold sentence spans (byte ranges) found in order in `text`.
fn gold_spans(text: &str, sentences: &[Value]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut at = 0;
    for s in sentences {
        let s = s.as_str().expect("gold sentence");
        let start = at + text[at..].find(s).expect("gold sentence in text");
        out.push((start, start + s.len()));
        at = start + s.len();
    }
    out
}

/// For each engine sentence, the gold sentence it overlaps most (as align-score maps them).
fn to_gold(c: &[parallax::engine::Sentence], gold: &[(usize, usize)]) -> Vec<Option<usize>> {
    c.iter()
        .map(|s| {
            let mut best = (0, None);
            for (k, &(start, end)) in gold.iter().enumerate() {
                let overlap = s.span.end.min(end).saturating_sub(s.span.start.max(start));
                if overlap > best.0 {
                    best = (overlap, Some(k));
                }
            }
            best.1
        })
        .collect()
}

/// (right, wrong, equivalent gold links found, equivalent gold links) of one pair.
fn score_pair(dir: &Path) -> (usize, usize, usize, usize) {
    let read = |name: &str| std::fs::read_to_string(dir.join(name)).expect("pair file");
    let (left, right) = (read("a.txt"), read("b.txt"));
    let gold: Value = serde_json::from_str(&read("gold.json")).expect("gold.json");
    let c = compare(&left, &right, &Options::default());
    let left_map = to_gold(
        &c.left_sentences,
        &gold_spans(&left, gold["a_sentences"].as_array().expect("a")),
    );
    let right_map = to_gold(
        &c.right_sentences,
        &gold_spans(&right, gold["b_sentences"].as_array().expect("b")),
    );
    let mut predicted = std::collections::BTreeSet::new();
    for link in &c.links {
        if let (Some(Some(l)), Some(Some(r))) = (left_map.get(link.left), right_map.get(link.right))
        {
            predicted.insert((*l, *r));
        }
    }
    let links: Vec<(usize, usize, String)> = gold["links"]
        .as_array()
        .expect("links")
        .iter()
        .map(|l| {
            (
                l["a"].as_u64().expect("a") as usize,
                l["b"].as_u64().expect("b") as usize,
                l["kind"].as_str().expect("kind").to_owned(),
            )
        })
        .collect();
    let right_links = predicted
        .iter()
        .filter(|p| links.iter().any(|l| (l.0, l.1) == **p))
        .count();
    let equivalent: Vec<_> = links.iter().filter(|l| l.2 == "equivalent").collect();
    let found = equivalent
        .iter()
        .filter(|l| predicted.contains(&(l.0, l.1)))
        .count();
    (
        right_links,
        predicted.len() - right_links,
        found,
        equivalent.len(),
    )
}

#[test]
fn official_readout_pairs_score_at_least_their_floor() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/readouts");
    let mut dirs: Vec<_> = std::fs::read_dir(&root)
        .expect("readouts folder")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_dir())
        .collect();
    dirs.sort();
    assert_eq!(dirs.len(), 9, "the nine official pairs");
    let (mut right, mut wrong, mut found, mut equivalent) = (0, 0, 0, 0);
    let mut table = String::new();
    for dir in &dirs {
        let (r, w, f, e) = score_pair(dir);
        table.push_str(&format!(
            "{}: right {r} wrong {w} found {f} of {e}\n",
            dir.display()
        ));
        right += r;
        wrong += w;
        found += f;
        equivalent += e;
    }
    let precision = right as f64 / (right + wrong).max(1) as f64;
    let recall = found as f64 / equivalent.max(1) as f64;
    let f1 = 2.0 * precision * recall / (precision + recall).max(f64::EPSILON);
    // Measured (the link model of assets/link-model.txt, the links alone, not the rows):
    // P 0.94, R 0.72, F1 0.82 when written; P 0.946, R 0.759, F1 0.842 since the model knows
    // a pair is its shorter sentence's best counterpart (one-to-many links). The floor leaves
    // room for one link either way, not for a regression.
    assert!(
        f1 >= 0.82 && precision >= 0.90,
        "F1 {f1:.3} P {precision:.3} R {recall:.3}\n{table}"
    );
}

/// The sentence of `text` that contains `needle`, by index.
fn sentence_with(c: &Comparison, left: bool, text: &str, needle: &str) -> usize {
    let sentences = if left {
        &c.left_sentences
    } else {
        &c.right_sentences
    };
    sentences
        .iter()
        .position(|s| text[s.content.range()].contains(needle))
        .unwrap_or_else(|| panic!("no sentence with {needle:?}"))
}

#[test]
fn every_embassy_sentence_has_a_counterpart_in_the_fo_statement() {
    let c = compare(EMBASSY, FO, &Options::default());
    let committed = sentence_with(&c, true, EMBASSY, "We remain committed");
    let engagement = sentence_with(&c, false, FO, "remains vital to countering terrorism");
    let link = c
        .link(committed, engagement)
        .expect("committed ↔ engagement");
    assert!(link.shared.iter().any(|t| t == "terrorism"), "{link:?}");

    let dialogue = sentence_with(&c, true, EMBASSY, "participated in the U.S.-Pakistan");
    let co_chaired = sentence_with(&c, false, FO, "co-chaired by");
    let link = c.link(dialogue, co_chaired).expect("dialogue ↔ co-chaired");
    assert!(link.shared.iter().any(|t| t == "LoGerfo"), "{link:?}");

    // Both side by side in rows of their own kind, and the summary says so.
    for (l, r) in [(committed, engagement), (dialogue, co_chaired)] {
        let row = c
            .rows
            .iter()
            .find(|row| row.left.contains(&l))
            .expect("a row");
        assert_eq!(row.right, [r], "{row:?}");
        assert_ne!(row.kind, RowKind::LeftOnly);
    }
    assert_eq!(c.stats.left_linked, c.left_sentences.len());
}

#[test]
fn the_embassy_opening_is_linked_to_its_copy_its_quote_and_its_paraphrase() {
    let c = compare(EMBASSY, ARTICLE, &Options::default());
    let committed = sentence_with(&c, true, EMBASSY, "We remain committed");
    let copy = c
        .right_sentences
        .iter()
        .position(|s| ARTICLE[s.content.range()].starts_with("We remain committed"))
        .expect("verbatim copy");
    let quote = sentence_with(&c, false, ARTICLE, "“We remain committed");
    let paraphrase = sentence_with(
        &c,
        false,
        ARTICLE,
        "reaffirmed its commitment to countering",
    );
    assert_eq!(
        c.link(committed, copy).map(|l| l.kind),
        Some(LinkKind::Identical)
    );
    assert_eq!(
        c.link(committed, quote).map(|l| l.kind),
        Some(LinkKind::Equivalent)
    );
    assert!(
        c.link(committed, paraphrase).is_some(),
        "paraphrase not linked"
    );
    // The copy is the row; the quote and the paraphrase are cross-references on it.
    let display = parallax::display::DisplayModel::new(&c);
    let row = display
        .row_of(parallax::engine::Side::Left, committed)
        .expect("row");
    let refs = display.cross_refs(row);
    for target in [quote, paraphrase] {
        assert!(
            refs.iter().any(|r| r.sentence == target),
            "{target} not among {refs:?}"
        );
    }
}

#[test]
fn generic_wording_alone_links_nothing() {
    let left = "The two leaders discussed the importance of the relationship. They welcomed \
                progress on trade.";
    let right = "The Prime Minister stressed shared values and the importance of close \
                 cooperation. Fisheries quotas were set for next year.";
    let c = compare(left, right, &Options::default());
    let opener = c.link(0, 0);
    assert!(opener.is_none(), "generic wording linked: {opener:?}");
}

#[test]
fn openers_and_titles_are_counterparts() {
    let left = "Secretary Blinken’s Call with Foreign Minister Hayashi\n\nSecretary of State \
                Antony Blinken spoke today with Japanese Foreign Minister Hayashi. They \
                discussed Ukraine.";
    let right = "Japan-U.S. Foreign Ministers’ Telephone Talk\n\nOn January 6, Mr. HAYASHI \
                 Yoshimasa, Minister for Foreign Affairs of Japan, held a telephone talk with \
                 the Honorable Antony Blinken, Secretary of State of the United States. The \
                 overview is as follows.";
    let c = compare(left, right, &Options::default());
    assert_eq!(c.link(0, 0).map(|l| l.kind), Some(LinkKind::Equivalent));
    assert_eq!(c.link(1, 1).map(|l| l.kind), Some(LinkKind::Equivalent));
}

/// The row holding left sentence `l`.
fn row_of_left(c: &Comparison, l: usize) -> &parallax::engine::Row {
    c.rows
        .iter()
        .find(|row| row.left.contains(&l))
        .expect("every sentence is in a row")
}

#[test]
fn a_sentence_without_its_full_stop_pairs_with_its_counterpart() {
    // An X post's line, a bullet, the last line of a PDF: no final stop, but a sentence.
    let cases = [
        (
            "Secretary Blinken spoke with Foreign Minister Hayashi about the alliance today\n\nThey agreed to meet in Tokyo.\n",
            "Foreign Minister Hayashi held a telephone talk with Secretary Blinken.\n\nSecretary Blinken spoke with Foreign Minister Hayashi about the alliance today.\n\nThey agreed to meet in Tokyo.\n",
            "about the alliance today",
        ),
        (
            "Outcomes:\n\n- The two sides agreed to expand trade in critical minerals\n- They launched a dialogue on export controls\n",
            "The two sides agreed to expand trade in critical minerals. They also discussed visas.\n",
            "critical minerals",
        ),
        (
            "They welcomed the café talks in Genève and agreed to meet again in the spring\n",
            "They welcomed the café talks in Genève and agreed to meet again in the spring.\n",
            "café talks",
        ),
    ];
    for (left, right, needle) in cases {
        let c = compare(left, right, &Options::default());
        let l = sentence_with(&c, true, left, needle);
        let r = sentence_with(&c, false, right, needle);
        let row = row_of_left(&c, l);
        assert!(
            row.right.contains(&r),
            "{needle:?} stands apart from its counterpart: {:?}",
            c.rows
        );
        assert!(
            matches!(row.kind, RowKind::Identical | RowKind::Modified),
            "{row:?}"
        );
    }
}

#[test]
fn a_title_and_a_date_line_are_still_headings_and_titles_pair() {
    let left = "Japan-U.S. Foreign Ministers' Telephone Talk\n\nJanuary 6, 2022\n\nForeign Minister Hayashi held a telephone talk with Secretary Blinken.\n";
    let right = "Secretary Blinken's Call with Japanese Foreign Minister Hayashi\n\nSecretary Blinken spoke with Japanese Foreign Minister Hayashi today.\n";
    let c = compare(left, right, &Options::default());
    let title = c.link(0, 0).expect("the two titles are linked");
    assert_eq!(title.kind, LinkKind::Equivalent);
    let opener = sentence_with(&c, true, left, "held a telephone talk");
    let their = sentence_with(&c, false, right, "spoke with");
    assert!(c.link(opener, their).is_some(), "the openers are linked");
    // The date line links to nothing.
    let date = sentence_with(&c, true, left, "January 6");
    assert!(
        c.links.iter().all(|link| link.left != date),
        "{:?}",
        c.links
    );
}

#[test]
fn a_headline_stands_for_the_opener_of_a_side_without_a_title_and_a_label_does_not() {
    // A headline that reports the call ("... hold phone talks") says what the other side's
    // opener says, in other words; a side without a title gives no title to pair it with.
    let body = "Foreign Minister Qureshi spoke on telephone with Foreign Minister Wang Yi on \
                Tuesday.\n\nThe two ministers discussed bilateral ties.\n";
    let headline = "Chinese, Pakistani FMs hold phone talks\n\nBEIJING, March 8 -- Chinese \
                    Foreign Minister Wang Yi on Tuesday held a phone conversation with \
                    Pakistani Foreign Minister Shah Mahmood Qureshi.\n\nWang condemned the \
                    attack in Peshawar.\n";
    let c = compare(body, headline, &Options::default());
    let link = c
        .link(0, 0)
        .expect("the headline is linked to the other side's opener");
    assert_eq!(link.kind, LinkKind::Equivalent);
    // A label that only names the meeting is no report of it.
    let label = headline.replace(
        "Chinese, Pakistani FMs hold phone talks",
        "China-Pakistan Telephone Talks",
    );
    let c = compare(body, &label, &Options::default());
    assert!(c.link(0, 0).is_none(), "{:?}", c.links);
}

#[test]
fn a_title_pairs_with_the_other_title_not_with_the_opener_under_it() {
    let left = "PM call with Taoiseach Leo Varadkar\n\nThe Prime Minister spoke to the Irish \
                Taoiseach Leo Varadkar yesterday afternoon.\n";
    let right = "Taoiseach speaks with UK Prime Minister, Rishi Sunak\n\nTaoiseach Leo \
                 Varadkar and the UK Prime Minister, Rishi Sunak had a good conversation by \
                 telephone this afternoon.\n";
    let c = compare(left, right, &Options::default());
    assert!(c.link(0, 0).is_some(), "the titles: {:?}", c.links);
    assert!(c.link(1, 1).is_some(), "the openers: {:?}", c.links);
    assert!(
        c.link(0, 1).is_none(),
        "a title against the opener: {:?}",
        c.links
    );
    assert!(
        c.link(1, 0).is_none(),
        "an opener against the title: {:?}",
        c.links
    );
}

#[test]
fn one_shared_common_word_is_not_a_link() {
    // (Not the texts' first sentences: two first sentences saying who met or welcomed whom
    // are the two openers, linked whatever their words.)
    let left = "The budget was published on Monday.\n\nThe Prime Minister welcomed the progress on the trade agreement.\n\nHe raised the case of the detained journalist.\n";
    let right = "Fisheries quotas were set for next year.\n\nThe Chancellor welcomed the visit of the delegation from the islands.\n\nThey spoke about the weather.\n";
    let c = compare(left, right, &Options::default());
    assert!(c.links.is_empty(), "{:?}", c.links);
}

#[test]
fn closers_and_congratulations_are_counterparts_whatever_their_words() {
    let left = "The President spoke with Prime Minister Carney today.\n\nThe President congratulated the Prime Minister on his election victory.\n\nThey looked forward to speaking again soon.\n";
    let right = "Prime Minister Carney received a call from the President.\n\nThe Prime Minister thanked the President for his warm congratulations.\n\nThe leaders agreed to stay in close contact.\n";
    let c = compare(left, right, &Options::default());
    for (l, r) in [
        ("congratulated", "congratulations"),
        ("looked forward", "close contact"),
    ] {
        let (l, r) = (
            sentence_with(&c, true, left, l),
            sentence_with(&c, false, right, r),
        );
        assert!(c.link(l, r).is_some(), "{l} ↔ {r}: {:?}", c.links);
    }
}

#[test]
fn a_revised_sentence_keeps_its_word_diff() {
    // Heavily revised, but one sentence: most of the shorter one's words are in the other.
    let left = "Sensors make a significant impact in everyday life, with applications ranging from health to environment.\n";
    let right = "This has led to chemical sensors with many societal benefits and everyday life applications ranging from health to environment.\n";
    let c = compare(left, right, &Options::default());
    assert_eq!(c.rows.len(), 1, "{:?}", c.rows);
    let row = &c.rows[0];
    assert_eq!(row.kind, RowKind::Modified, "{row:?}");
    assert!(!row.paraphrase);
    assert!(
        row.ops
            .iter()
            .any(|op| op.tag == parallax::engine::OpTag::Equal),
        "{row:?}"
    );
}

/// A long generated pair with a sentence repeated in every section: no copy is paired with a
/// far copy while a nearer one stands unpaired.
#[test]
fn a_repeated_sentence_pairs_with_its_nearest_copy() {
    let boiler = "Nothing in this section limits the remedies available under the law.";
    let section = |i: usize| {
        format!(
            "Section {i}. The parties shall review clause {i} every {} months. {boiler} Notices under clause {i} go to the registry of district {}.\n\n",
            i % 7 + 2,
            i * 3 + 1
        )
    };
    let left: String = (0..60).map(section).collect();
    // The right: some sections lose the repeated sentence, three move to the end.
    let mut right = String::new();
    let mut moved = String::new();
    for i in 0..60 {
        let mut s = section(i);
        if i % 9 == 4 {
            s = s.replace(boiler, "");
        }
        if i == 5 || i == 17 || i == 30 {
            moved.push_str(&s);
        } else {
            right.push_str(&s);
        }
    }
    right.push_str(&moved);
    let c = compare(&left, &right, &Options::default());
    let texts = |text: &str, sentences: &[parallax::engine::Sentence]| -> Vec<String> {
        sentences
            .iter()
            .map(|s| text[s.content.range()].to_owned())
            .collect()
    };
    let (lt, rt) = (
        texts(&left, &c.left_sentences),
        texts(&right, &c.right_sentences),
    );
    let (nl, nr) = (lt.len() as f64, rt.len() as f64);
    let mut paired_right = vec![false; rt.len()];
    let mut pairs = Vec::new();
    for row in &c.rows {
        if row.kind == RowKind::Identical {
            for (&l, &r) in row.left.iter().zip(&row.right) {
                paired_right[r] = true;
                pairs.push((l, r));
            }
        }
    }
    for (l, r) in pairs {
        let at = l as f64 / nl;
        let far = (r as f64 / nr - at).abs();
        for (r2, text) in rt.iter().enumerate() {
            if *text == lt[l] && !paired_right[r2] {
                let near = (r2 as f64 / nr - at).abs();
                assert!(
                    near >= far || (r2 as isize - r as isize).abs() < 8,
                    "L{l} {:?} is paired with R{r} while R{r2} is nearer and free",
                    lt[l]
                );
            }
        }
    }
}

/// A sentence an edit left a word short in place, and inserted word for word far away on the
/// other side, pairs in place with its edited copy; the far identical copy stands unpaired, a
/// cross-reference (left sentence 6 of the 1 MiB make-bench-pair pair was paired with its far
/// inserted copy, "moved after R5838", while its edited copy two rows down stood unpaired).
#[test]
fn an_edited_copy_in_place_wins_over_a_far_identical_copy() {
    let definition = "\"Derivative Works\" shall mean any work that is based on the Work and for which the editorial revisions represent, as a whole, an original work of authorship.";
    let edited = definition.replace("which the editorial", "which editorial");
    let section = |i: usize| {
        format!(
            "Section {i}. The parties shall review clause {i} every {} months. Notices under clause {i} go to the registry of district {}.\n\n",
            i % 7 + 2,
            i * 3 + 1
        )
    };
    let (mut left, mut right) = (String::new(), String::new());
    for i in 0..40 {
        left.push_str(&section(i));
        right.push_str(&section(i));
        if i == 3 {
            left.push_str(&format!("{definition}\n\n"));
            right.push_str(&format!("{edited}\n\n"));
        }
        if i == 35 {
            right.push_str(&format!("{definition}\n\n"));
        }
    }
    let c = compare(&left, &right, &Options::default());
    let l = sentence_with(&c, true, &left, "the editorial revisions");
    let near = sentence_with(&c, false, &right, "which editorial revisions");
    let far = sentence_with(&c, false, &right, "which the editorial revisions");
    let row_of = |l: usize| c.rows.iter().find(|row| row.left.contains(&l));
    let row = row_of(l).expect("a row for every left sentence");
    assert_eq!(row.right, vec![near], "{row:?}");
    assert_eq!(row.kind, RowKind::Modified, "{row:?}");
    assert!(!row.moved, "{row:?}");
    let far_row = c.rows.iter().find(|row| row.right.contains(&far));
    assert!(
        far_row.is_some_and(|row| row.left.is_empty()),
        "the far copy stands unpaired: {far_row:?}"
    );
    assert!(
        c.link(l, far).is_some(),
        "the far copy is a cross-reference: {:?}",
        c.links
    );
}
