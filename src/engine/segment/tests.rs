//! Tests of segment.

use super::*;

fn split(text: &str) -> Vec<&str> {
    sentences(text)
        .iter()
        .map(|s| &text[s.content.range()])
        .collect()
}

#[test]
fn abbreviations_and_initials_do_not_end_sentences() {
    let text = "The U.S. Acting Coordinator, Gregory D. LoGerfo, met Mr. Dar. He left.";
    assert_eq!(
        split(text),
        [
            "The U.S. Acting Coordinator, Gregory D. LoGerfo, met Mr. Dar.",
            "He left."
        ]
    );
}

#[test]
fn an_acronym_after_a_hyphen_does_not_end_a_sentence() {
    assert_eq!(
        split("Mr. Motegi held a Japan-U.S. Foreign Ministers’ Telephone Talk today. It ended."),
        [
            "Mr. Motegi held a Japan-U.S. Foreign Ministers’ Telephone Talk today.",
            "It ended."
        ]
    );
}

#[test]
fn dotted_acronym_before_an_opener_ends_the_sentence() {
    assert_eq!(
        split("He flew to the U.S. The talks began."),
        ["He flew to the U.S.", "The talks began."]
    );
}

#[test]
fn number_and_latin_abbreviations() {
    let text = "See Resolution No. 5 on this, e.g. the annex. Smith Jr. spoke. Next.";
    assert_eq!(
        split(text),
        [
            "See Resolution No. 5 on this, e.g. the annex.",
            "Smith Jr. spoke.",
            "Next."
        ]
    );
}

#[test]
fn closing_quotes_stay_with_their_sentence() {
    let text = "He said: “We agree.” Then he left. “Fine,” she said.";
    assert_eq!(
        split(text),
        ["He said: “We agree.”", "Then he left.", "“Fine,” she said."]
    );
}

#[test]
fn hard_wrapped_lines_do_not_break_but_blank_lines_do() {
    let text = "This program is free software; you can\nredistribute it under the terms of\nthe licence.\n\nSecond paragraph.\n";
    assert_eq!(
        split(text),
        [
            "This program is free software; you can\nredistribute it under the terms of\nthe licence.",
            "Second paragraph."
        ]
    );
}

#[test]
fn a_numbered_heading_keeps_its_number() {
    assert_eq!(
        split(
            "1. Introduction\n\nThe ministers met. They talked.\n\n2.3. Background\n\nIV. Annex\n"
        ),
        [
            "1. Introduction",
            "The ministers met.",
            "They talked.",
            "2.3. Background",
            "IV. Annex"
        ]
    );
    // Not at the start of a line, a number ends its sentence as any word does.
    assert_eq!(
        split("The talks lasted until 2. Then they ate."),
        ["The talks lasted until 2.", "Then they ate."]
    );
    assert_eq!(
        split("See FIG. 3 and Fig. [2] here."),
        ["See FIG. 3 and Fig. [2] here."]
    );
}

#[test]
fn headings_and_list_items_stand_alone() {
    let text = "Joint Press Statement\nBoth sides met today.\n- First point\n- Second point\n# Notes\nText here";
    assert_eq!(
        split(text),
        [
            "Joint Press Statement",
            "Both sides met today.",
            "- First point",
            "- Second point",
            "# Notes",
            "Text here"
        ]
    );
}

#[test]
fn a_number_after_a_reference_word_continues_the_line() {
    // A list after an open line is still a list ...
    assert_eq!(
        split("The sides agreed to\n1. expand trade\n2. meet again"),
        ["The sides agreed to", "1. expand trade", "2. meet again"]
    );
    // ... but "section\n7." is one hard-wrapped sentence.
    assert_eq!(
        split("as set out in Section\n7. of the accord, both sides will meet."),
        ["as set out in Section\n7. of the accord, both sides will meet."]
    );
}

#[test]
fn whitespace_belongs_to_a_sentence_and_spans_partition() {
    for text in [
        "",
        "  \n\n",
        "\n\nA. B.\n\n\n",
        "One.  Two.\r\nThree.\rFour.",
        "a",
    ] {
        let s = sentences(text);
        assert!(partitions(&s, text.len()), "{text:?}: {s:?}");
    }
}

#[test]
fn dotted_tokens_keep_their_dot() {
    let text = "the U.S.-Pakistan talks, e.g. now";
    let mut out = Vec::new();
    tokens(text, Span::new(0, text.len()), &mut out);
    let words: Vec<&str> = out.iter().map(|t| &text[t.span().range()]).collect();
    assert_eq!(
        words,
        ["the", "U.S.", "-", "Pakistan", "talks", ",", "e.g.", "now"]
    );
}

/// A block met again splits as its first: the copy is what splitting it again gives.
#[test]
fn a_repeated_block_splits_as_its_first() {
    let block = "The U.S. Acting Coordinator met Mr. Dar. He left.\nThe talks\nwent on.";
    let text = format!(
        "\n\n{block}\n\n1. Trade was discussed.\n2. So was the U.N.\n\n{block}\n\nHeading Here\n\
         Text follows.\n\n1. Trade was discussed.\n{block}\n\n\n{block}"
    );
    let mut fresh: Vec<Sentence> = Vec::new();
    for block in blocks(&text) {
        let first = fresh.len();
        split_block(&text, block, &mut fresh);
        if fresh.len() > first
            && let Some(last) = fresh.last_mut()
        {
            last.ends_paragraph = true;
        }
    }
    if let Some(first) = fresh.first_mut() {
        first.span.start = 0;
    }
    let copied = sentences(&text);
    assert_eq!(copied, fresh);
    let contents: Vec<&str> = copied.iter().map(|s| &text[s.content.range()]).collect();
    assert_eq!(contents.iter().filter(|&&s| s == "He left.").count(), 4);
}
