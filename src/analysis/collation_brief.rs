//! The brief of a collation: a few plain lines that say what differs among the statements, as
//! the two-text brief does for a pair ([`super::brief`]), built once as data so that the window
//! and every report show the same lines and link each to its points. Each line names one kind
//! of difference an analyst reading many accounts of one event notes first: a point credited
//! to both sides in one statement and to one party in another, what only one statement
//! reports, what one statement alone leaves out, names only one statement gives, and
//! statements that word a point more strongly than others.
//!
//! Invariants: at most [`MAX_LINES`] lines; every line's points are ascending, distinct
//! indexes of [`Collation::points`]; a line's text has no point numbers (each output numbers
//! points in its own reading order); statements are named by their labels (D1, D2, ...).

use super::brief::{BriefTopic, count, quote, telling_weight};
use super::collation::{CollationEntity, StrengthFinding};
use super::entities::EntityKind;
use super::stance::{Actor, Attribution};
use crate::display::label;
use crate::engine::collate::{Collation, Point};

/// The most lines a collation's brief has.
pub const MAX_LINES: usize = 8;

/// The most statements the lines about one statement each name (those with the most points
/// first).
const MAX_STATEMENTS: usize = 3;

/// The most names a line lists per statement.
const MAX_NAMES: usize = 4;

/// One line of a collation's brief.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CollationBriefLine {
    /// What it is about.
    pub topic: BriefTopic,
    /// The line, in plain words without point numbers.
    pub text: String,
    /// The points it speaks of (indexes in [`Collation::points`]), ascending, distinct.
    pub points: Vec<usize>,
}

impl CollationBriefLine {
    /// The places of the line's points in a reading order (`positions[point]`, from 0),
    /// ascending: what an output numbers them by.
    pub fn positions(&self, positions: &[usize]) -> Vec<usize> {
        let mut out: Vec<usize> = self
            .points
            .iter()
            .map(|&p| positions.get(p).copied().unwrap_or(p))
            .collect();
        out.sort_unstable();
        out
    }
}

/// What a collation's brief is built from.
pub(super) struct Inputs<'a> {
    pub texts: &'a [&'a str],
    pub collation: &'a Collation,
    pub attribution: &'a [Attribution],
    pub entities: &'a [CollationEntity],
    pub strength: &'a [StrengthFinding],
}

/// The brief of a collation: its lines, most telling first.
pub(super) fn build(inputs: &Inputs<'_>) -> Vec<CollationBriefLine> {
    let mut lines = Vec::new();
    if documents(inputs) == 0 {
        return lines;
    }
    credited_to_both(inputs, &mut lines);
    only_one(inputs, &mut lines);
    left_out_by_one(inputs, &mut lines);
    names_of_one(inputs, &mut lines);
    stronger(inputs, &mut lines);
    if lines.is_empty() {
        lines.push(line(
            BriefTopic::Nothing,
            "No statement reports a point alone, leaves out one all others report, credits a \
             point otherwise or words it more strongly"
                .to_owned(),
            Vec::new(),
        ));
    }
    // Stable: within a topic, the order each step gave (most points first).
    lines.sort_by_key(|l| l.topic);
    lines.truncate(MAX_LINES);
    lines
}

/// The documents of a collation the brief reads (those with a text).
fn documents(inputs: &Inputs<'_>) -> usize {
    inputs.texts.len().min(inputs.collation.len())
}

/// Whom a document's sentence credits.
fn actor(inputs: &Inputs<'_>, document: usize, sentence: usize) -> Option<Actor> {
    inputs
        .attribution
        .get(document)?
        .actors
        .get(sentence)
        .copied()
}

/// A document's sentence, as written.
fn content<'a>(inputs: &Inputs<'a>, document: usize, sentence: usize) -> &'a str {
    inputs
        .collation
        .sentences
        .get(document)
        .and_then(|s| s.get(sentence))
        .and_then(|s| inputs.texts.get(document)?.get(s.content.range()))
        .unwrap_or("")
}

/// A point's sentences in one document.
fn sentences_of(point: &Point, document: usize) -> &[usize] {
    point.sentences.get(document).map_or(&[], Vec::as_slice)
}

/// The most telling sentence of `document` among the points `points`: (weight, sentence).
fn most_telling(inputs: &Inputs<'_>, document: usize, points: &[usize]) -> Option<(usize, usize)> {
    points
        .iter()
        .filter_map(|&p| inputs.collation.points.get(p))
        .flat_map(|point| sentences_of(point, document).iter().copied())
        .map(|s| (telling_weight(content(inputs, document, s)), s))
        .max_by_key(|&(weight, s)| (weight, std::cmp::Reverse(s)))
}

/// Per statement with any, the points (indexes) for which `holds(point, statement)`: the
/// statements with the most first, at most [`MAX_STATEMENTS`].
fn per_statement(
    inputs: &Inputs<'_>,
    holds: impl Fn(&Point, usize) -> bool,
) -> Vec<(usize, Vec<usize>)> {
    let mut found: Vec<(usize, Vec<usize>)> = (0..documents(inputs))
        .map(|d| {
            let points = (inputs.collation.points.iter().enumerate())
                .filter(|(_, point)| holds(point, d))
                .map(|(index, _)| index)
                .collect();
            (d, points)
        })
        .filter(|(_, points): &(usize, Vec<usize>)| !points.is_empty())
        .collect();
    found.sort_by_key(|(d, points)| (std::cmp::Reverse(points.len()), *d));
    found.truncate(MAX_STATEMENTS);
    found
}

/// Topic 1: Points one statement credits to both sides and another to one party.
fn credited_to_both(inputs: &Inputs<'_>, lines: &mut Vec<CollationBriefLine>) {
    let n = documents(inputs);
    let mut points = Vec::new();
    let mut example = None;
    for (index, point) in inputs.collation.points.iter().enumerate() {
        if point.documents() < 2 {
            continue;
        }
        // The first statement that credits the point to both sides, and the first that
        // credits all its sentences of the point to one party.
        let (mut joint, mut one) = (None, None);
        for d in 0..n {
            let mut actors = sentences_of(point, d)
                .iter()
                .filter_map(|&s| actor(inputs, d, s))
                .peekable();
            if actors.peek().is_none() {
                continue;
            }
            let (mut any_joint, mut all_one) = (false, true);
            for a in actors {
                any_joint |= a == Actor::Joint;
                all_one &= matches!(a, Actor::Issuer | Actor::Counterpart);
            }
            if any_joint {
                joint.get_or_insert(d);
            } else if all_one {
                one.get_or_insert(d);
            }
        }
        if let (Some(joint), Some(one)) = (joint, one) {
            points.push(index);
            example.get_or_insert((index, joint, one));
        }
    }
    let Some((index, joint, one)) = example else {
        return;
    };
    let Some(point) = inputs.collation.points.get(index) else {
        return;
    };
    // The joint statement's sentence that credits both, the other's first.
    let quoted = |d: usize, wanted: Option<Actor>| {
        let sentences = sentences_of(point, d);
        sentences
            .iter()
            .find(|&&s| wanted.is_none_or(|w| actor(inputs, d, s) == Some(w)))
            .or(sentences.first())
            .map(|&s| quote(content(inputs, d, s)))
            .unwrap_or_default()
    };
    let text = format!(
        "{} credited to both sides in one statement and to one party in another, such as {} \
         “{}” against {} “{}”",
        count(points.len(), "point is", "points are"),
        label(joint),
        quoted(joint, Some(Actor::Joint)),
        label(one),
        quoted(one, None)
    );
    lines.push(line(BriefTopic::Attribution, text, points));
}

/// Topic 2: What only one statement reports: points of one statement alone that credit someone
/// (not a heading or a date line), for the statements with the most of them; the line also
/// says how many points the statement has alone in all, where that is more.
fn only_one(inputs: &Inputs<'_>, lines: &mut Vec<CollationBriefLine>) {
    let found = per_statement(inputs, |point, d| {
        point.documents() == 1
            && point.has(d)
            && sentences_of(point, d)
                .iter()
                .any(|&s| actor(inputs, d, s).is_some_and(|a| a != Actor::Other))
    });
    for (d, points) in found {
        // One-sided formulas alone are no point worth a line.
        let Some((_, example)) = most_telling(inputs, d, &points).filter(|&(w, _)| w > 1) else {
            continue;
        };
        // The count is of points that credit someone: say so, and how many the statement
        // has alone in all, which the presence map shows (an analyst counts both).
        let alone = (inputs.collation.points.iter())
            .filter(|point| point.documents() == 1 && point.has(d))
            .count();
        let all = if alone > points.len() {
            format!(" ({alone} with its background and headings)")
        } else {
            String::new()
        };
        let verb = if points.len() == 1 {
            "credits"
        } else {
            "credit"
        };
        let text = format!(
            "Only {} reports {} that {verb} someone{all}, such as “{}”",
            label(d),
            count(points.len(), "point", "points"),
            quote(content(inputs, d, example))
        );
        lines.push(line(BriefTopic::OnlyOneSide, text, points));
    }
}

/// Topic 3: What one statement alone leaves out: points every other statement has (three or more
/// statements), for the statements that leave out the most.
fn left_out_by_one(inputs: &Inputs<'_>, lines: &mut Vec<CollationBriefLine>) {
    let n = documents(inputs);
    if n < 3 {
        return;
    }
    let found = per_statement(inputs, |point, d| {
        !point.has(d) && point.documents() + 1 == n
    });
    for (d, points) in found {
        // The example in the words of the first other statement.
        let Some(other) = (0..n).find(|&o| o != d) else {
            continue;
        };
        let Some((_, example)) = most_telling(inputs, other, &points) else {
            continue;
        };
        let text = format!(
            "Only {} leaves out {} all the other statements report, such as {} “{}”",
            label(d),
            count(points.len(), "point", "points"),
            label(other),
            quote(content(inputs, other, example))
        );
        lines.push(line(BriefTopic::LeftOut, text, points));
    }
}

/// Topic 4: Names only one statement gives (people, organisations, places, events; not titles, not
/// a common noun capitalised at a sentence's start), most named first.
fn names_of_one(inputs: &Inputs<'_>, lines: &mut Vec<CollationBriefLine>) {
    let n = documents(inputs);
    let mut per_document: Vec<Vec<&CollationEntity>> = vec![Vec::new(); n];
    for entity in inputs.entities {
        if entity.kind != EntityKind::Name
            || entity.documents() != 1
            || super::brief::common_noun(&entity.forms, entity.written_in_lower_case)
        {
            continue;
        }
        if let Some(d) = entity.counts.iter().position(|&c| c > 0)
            && let Some(list) = per_document.get_mut(d)
        {
            list.push(entity);
        }
    }
    let mut parts = Vec::new();
    let mut points = Vec::new();
    let mut order: Vec<usize> = (0..n).filter(|&d| !per_document[d].is_empty()).collect();
    order.sort_by_key(|&d| (std::cmp::Reverse(per_document[d].len()), d));
    for d in order {
        let names = &mut per_document[d];
        names.sort_by_key(|e| std::cmp::Reverse(e.total()));
        let mut shown: Vec<String> = names
            .iter()
            .take(MAX_NAMES)
            .map(|e| super::brief::as_written(&e.text, &e.forms))
            .collect();
        if names.len() > shown.len() {
            shown.push(format!("{} more", names.len() - shown.len()));
        }
        parts.push(format!("{} {}", label(d), shown.join(", ")));
        let sentences = inputs
            .collation
            .sentences
            .get(d)
            .map_or(&[][..], Vec::as_slice);
        for span in names.iter().filter_map(|e| e.spans.get(d)).flatten() {
            let sentence = sentences.partition_point(|s| s.span.end <= span.start);
            points.extend(inputs.collation.point_of(d, sentence));
        }
    }
    if parts.is_empty() {
        return;
    }
    let text = format!("Names only one statement gives: {}", parts.join("; "));
    lines.push(line(BriefTopic::Names, text, points));
}

/// Topic 5: Statements that word points more strongly than others: one line per statement,
/// its points and words, naming every statement it is stronger than on those points (fifty
/// statements of one text gave a line per pair, the same words over and over); the lines with
/// the most points first.
fn stronger(inputs: &Inputs<'_>, lines: &mut Vec<CollationBriefLine>) {
    let mut pairs: Vec<((usize, usize), Vec<&StrengthFinding>)> = Vec::new();
    for finding in inputs.strength {
        let key = (finding.stronger, finding.weaker);
        match pairs.iter_mut().find(|(k, _)| *k == key) {
            Some((_, list)) => list.push(finding),
            None => pairs.push((key, vec![finding])),
        }
    }
    pairs.sort_by_key(|(key, _)| *key);
    // Pairs of one stronger statement with the same points and words make one line.
    let mut merged: Vec<Stronger<'_>> = Vec::new();
    for ((stronger, weaker), found) in pairs {
        let Some(first) = found.first() else { continue };
        let mut points: Vec<usize> = found.iter().map(|f| f.point).collect();
        points.sort_unstable();
        points.dedup();
        let words = (first.stronger_word.as_str(), first.weaker_word.as_str());
        match merged
            .iter_mut()
            .find(|m| m.stronger == stronger && m.points == points && m.words == words)
        {
            Some(line) => line.weaker.push(weaker),
            None => merged.push(Stronger {
                stronger,
                weaker: vec![weaker],
                points,
                words,
            }),
        }
    }
    merged.sort_by_key(|m| {
        let first_weaker = m.weaker.first().copied();
        let most = (
            std::cmp::Reverse(m.points.len()),
            std::cmp::Reverse(m.weaker.len()),
        );
        (most, m.stronger, first_weaker)
    });
    for m in merged.into_iter().take(MAX_STATEMENTS) {
        let text = format!(
            "{} words {} more strongly than {}, such as “{}” against “{}”",
            label(m.stronger),
            count(m.points.len(), "point", "points"),
            labels(&m.weaker),
            m.words.0,
            m.words.1
        );
        lines.push(line(BriefTopic::Strength, text, m.points));
    }
}

/// One line of topic 5: a statement stronger than `weaker` on `points`, with the words of
/// its first finding.
struct Stronger<'a> {
    stronger: usize,
    weaker: Vec<usize>,
    points: Vec<usize>,
    words: (&'a str, &'a str),
}

/// Statements' labels as a sentence says them: "D1", "D1 and D3", "D1, D3 and D4", "D1, D3,
/// D4 and 40 more".
fn labels(documents: &[usize]) -> String {
    let names: Vec<String> = documents.iter().map(|&d| label(d)).collect();
    match names.as_slice() {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] if names.len() <= MAX_STATEMENTS => {
            format!("{} and {last}", rest.join(", "))
        }
        _ => format!(
            "{} and {} more",
            names[..MAX_STATEMENTS].join(", "),
            names.len() - MAX_STATEMENTS
        ),
    }
}

/// A line with its points sorted and distinct.
fn line(topic: BriefTopic, text: String, mut points: Vec<usize>) -> CollationBriefLine {
    points.sort_unstable();
    points.dedup();
    CollationBriefLine {
        topic,
        text,
        points,
    }
}
