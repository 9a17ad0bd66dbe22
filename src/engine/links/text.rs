//! What a sentence's text alone says to the links: whether it ends with a stop, whether it is a
//! heading, and where a long sentence's clauses are.

/// Whether a sentence ends with final punctuation (`.`, `!`, `?`, `…`, `;`, before any
/// closing quote or bracket).
pub(super) fn ends_with_stop(content: &str) -> bool {
    let trimmed = content
        .trim_end()
        .trim_end_matches(['"', '\'', '”', '’', ')', ']', '»']);
    trimmed.ends_with(['.', '!', '?', '…', ';'])
}

/// Whether a sentence is a heading (a title, a date line, a place line, a section heading) by
/// how it looks, not merely by its missing full stop: no final punctuation, and short (at most
/// [`HEADING_WORDS`] words), and either title-like (most longer words capitalised) or a date
/// or place line (a few words with a digit), and with no word of a finite verb in the past
/// ("spoke", "discussed", "met"): a sentence without its stop (an X post, a bullet, a PDF's
/// line) says what happened, a heading names it.
pub fn is_heading(content: &str) -> bool {
    if ends_with_stop(content) {
        return false;
    }
    let words: Vec<&str> = content.split_whitespace().collect();
    if words.is_empty() || words.len() > HEADING_WORDS {
        return false;
    }
    let date_or_place = words.len() <= 6
        && (content.chars().any(|c| c.is_ascii_digit())
            || words
                .iter()
                .all(|w| w.starts_with(|c: char| c.is_uppercase() || !c.is_alphabetic())));
    let longer: Vec<&str> = words
        .iter()
        .copied()
        .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() > 3)
        .collect();
    let capitalised = longer
        .iter()
        .filter(|w| w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()))
        .count();
    let title_like = longer.is_empty() || capitalised * 3 >= longer.len() * 2;
    (date_or_place || title_like) && !has_past_verb(&words)
}

/// Whether a line has a word of a finite verb in the past after its first word ("spoke",
/// "discussed"): it reports what happened.
pub(super) fn has_past_verb(words: &[&str]) -> bool {
    words.iter().skip(1).any(|w| {
        let w = w.trim_matches(|c: char| !c.is_alphabetic());
        w.starts_with(|c: char| c.is_lowercase())
            && ((w.len() > 4 && w.ends_with("ed")) || PAST_VERBS.contains(&w))
    })
}

/// Whether a title is worded as a headline that reports the meeting ("Prime Minister speaks
/// with ...", "FMs hold phone talks"): a verb of meeting after its first word, in the forms a
/// headline uses. A label that names the meeting ("Japan-UK Summit Meeting", "Foreign Leader
/// Calls") has none: its words of meeting are nouns.
pub(super) fn is_headline(words: &[&str]) -> bool {
    let word = |i: usize| {
        words.get(i).map_or(String::new(), |w| {
            w.trim_matches(|c: char| !c.is_alphabetic()).to_lowercase()
        })
    };
    (1..words.len()).any(|i| {
        let w = word(i);
        HEADLINE_VERBS.contains(&w.as_str())
            // "calls on" is a courtesy call ("Ambassador calls on the Foreign Minister");
            // "calls" alone is as often a noun ("Foreign Leader Calls").
            || (matches!(w.as_str(), "calls" | "called") && word(i + 1) == "on")
    })
}

/// Verbs of meeting in a headline's forms; not "calls", "talks", "visits", which headlines
/// also use as nouns.
const HEADLINE_VERBS: &[&str] = &[
    "speaks",
    "speak",
    "spoke",
    "meets",
    "meet",
    "met",
    "holds",
    "hold",
    "held",
    "hosts",
    "hosted",
    "receives",
    "received",
    "welcomes",
    "welcomed",
    "telephones",
    "phones",
];

/// Most words a heading has.
const HEADING_WORDS: usize = 16;

/// Irregular past tenses readouts use ("spoke", "met"): a line with one reports, it is not a
/// heading.
const PAST_VERBS: &[&str] = &[
    "spoke", "met", "held", "said", "told", "gave", "took", "made", "saw", "sent", "began", "led",
    "paid", "won", "felt", "knew", "brought", "sought", "thought", "found", "left", "went", "came",
    "was", "were", "had", "did",
];

/// Byte ranges (absolute, from `offset`) of the clauses of a long sentence: it is cut at
/// semicolons and colons, and before the conjunctions that start a new statement.
pub(super) fn clause_ranges(content: &str, offset: usize) -> Vec<std::ops::Range<usize>> {
    // Order matters: ';' first, ':' second, the ", ..." cuts, " and that ", '.' last.
    const CUTS: &[&str] = &[
        "; ",
        ": ",
        ", and that ",
        ", and ",
        " and that ",
        ", while ",
        ", as well as ",
        ", including ",
        ", although ",
        ", which ",
        ", but ",
        ". ",
    ];
    let lower = content.as_bytes();
    let mut cuts: Vec<usize> = Vec::new();
    let mut at = 0;
    while at < lower.len() {
        // Every cut starts with one of these bytes; the rest are skipped at once.
        let candidates: &[&str] = match lower[at] {
            b';' => &CUTS[..1],
            b':' => &CUTS[1..2],
            b'.' => &CUTS[CUTS.len() - 1..],
            b',' => &CUTS[2..CUTS.len() - 1],
            b' ' if lower
                .get(at + 1)
                .is_some_and(|b| b.eq_ignore_ascii_case(&b'a')) =>
            {
                &CUTS[4..5]
            }
            _ => {
                at += 1;
                continue;
            }
        };
        let rest = &lower[at..];
        let found = candidates
            .iter()
            .find(|c| rest.len() >= c.len() && rest[..c.len()].eq_ignore_ascii_case(c.as_bytes()));
        match found {
            Some(cut) => {
                cuts.push(at);
                at += cut.len();
            }
            None => at += 1,
        }
    }
    let mut out = Vec::with_capacity(cuts.len() + 1);
    let mut start = 0;
    for cut in cuts {
        if cut > start {
            out.push(offset + start..offset + cut);
        }
        start = cut;
    }
    if start < content.len() {
        out.push(offset + start..offset + content.len());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headline(text: &str) -> bool {
        is_headline(&text.split_whitespace().collect::<Vec<_>>())
    }

    #[test]
    fn a_headline_reports_the_meeting_and_a_label_names_it() {
        for text in [
            "Prime Minister speaks with the Prime Minister of the United Kingdom",
            "Chinese, Pakistani FMs hold phone talks",
            "Secretary Blinken Meets With Japanese Foreign Minister Hayashi",
            "U.S. Acting Coordinator calls on Deputy Prime Minister Dar",
        ] {
            assert!(headline(text), "{text}");
        }
        for text in [
            "Japan-UK Summit Meeting",
            "Japan-UK Prime Ministers' Informal Talks (Summary)",
            "Readout of President-elect Biden's Foreign Leader Calls",
            "PM call with Taoiseach Leo Varadkar",
            "Meeting with the Foreign Minister",
        ] {
            assert!(!headline(text), "{text}");
        }
    }
}
