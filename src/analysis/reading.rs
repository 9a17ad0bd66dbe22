//! The insights in two stages: what they read of the two texts alone (each side's tokens, the
//! names, the shared phrases), which needs no comparison and so can be read while the
//! comparison runs ([`read_texts`]), and what needs the comparison's links (who is credited,
//! the stance shifts, wording strength, figures compared) with the brief ([`analyse_read`]).

use super::*;
use crate::engine::parallel::both;

/// What the insights read from the two texts alone, before any comparison: each side's
/// tokens, the names and the shared phrases ([`read_texts`]). A caller reads it while the
/// comparison runs, and [`analyse_read`] completes it.
pub struct TextReading<'a> {
    sentences: [Vec<Sentence>; 2],
    sides: [SideTokens<'a>; 2],
    entities: Vec<Entity>,
    phrases: Vec<Phrase>,
    /// Who each side's sentences credit, and the stance forms in them.
    stance: [stance::SideStance; 2],
    /// The figures of both sides, not yet compared on the links.
    figures: Vec<figures::Figure>,
}

impl TextReading<'_> {
    /// Whether this is a reading of `left` and `right` split as `comparison` split them.
    pub fn fits(&self, left: &str, right: &str, comparison: &Comparison) -> bool {
        self.sentences[0] == comparison.left_sentences
            && self.sentences[1] == comparison.right_sentences
            && self.sides[0].text == left
            && self.sides[1].text == right
    }
}

/// Reads the two texts for the insights, on the calling thread and one more, with the
/// sentences the engine splits a text into ([`segment::sentences`]): the insights that need
/// no comparison.
pub fn read_texts<'a>(
    left: &'a str,
    right: &'a str,
    equivalences: &Equivalences,
) -> TextReading<'a> {
    let sentences = [segment::sentences(left), segment::sentences(right)];
    read_texts_split(left, right, sentences, equivalences)
}

/// [`read_texts`] of texts split already into `sentences` (as [`segment::sentences`] splits
/// them: the CLI splits each statement once for its comparison and its insights). A reading
/// of other sentences than the comparison's is set aside by [`analyse_read`].
pub fn read_texts_split<'a>(
    left: &'a str,
    right: &'a str,
    sentences: [Vec<Sentence>; 2],
    equivalences: &Equivalences,
) -> TextReading<'a> {
    // On threads of their own too: the reading (names, shared phrases) costs more than the
    // comparison it runs beside, and three threads share two cores better than two.
    read(left, right, sentences, equivalences, true)
}

/// Reads the two texts for the insights as `comparison` split them, on two threads when they
/// are long: [`analyse`] is this, then [`analyse_read`]. A caller that frees memory between
/// the stages (the CLI, on long texts) calls the two itself.
pub fn read_compared<'a>(
    left: &'a str,
    right: &'a str,
    comparison: &Comparison,
    equivalences: &Equivalences,
) -> TextReading<'a> {
    let parallel = left.len() + right.len() >= PARALLEL_BYTES;
    read(
        left,
        right,
        compared_sentences(comparison),
        equivalences,
        parallel,
    )
}

/// The reading of two texts split into `sentences`, on two threads when `parallel`.
pub(super) fn read<'a>(
    left: &'a str,
    right: &'a str,
    sentences: [Vec<Sentence>; 2],
    equivalences: &Equivalences,
    parallel: bool,
) -> TextReading<'a> {
    let sides = both(
        parallel,
        || SideTokens::new(left, &sentences[0]),
        || SideTokens::new(right, &sentences[1]),
    );
    let sides = [sides.0, sides.1];
    // Who each side credits: a side with the names (and the figures), the other with the
    // phrases.
    let ((entities, left_stance, figures), (phrases, right_stance)) = both(
        parallel,
        || {
            (
                entities::find(&sides, equivalences),
                stance::SideStance::read(&sides[0]),
                figures::read(&sides),
            )
        },
        || (phrases::find(&sides), stance::SideStance::read(&sides[1])),
    );
    TextReading {
        sentences,
        sides,
        entities,
        phrases,
        stance: [left_stance, right_stance],
        figures,
    }
}

/// [`analyse`], with what `reading` read of the same two texts while the comparison ran. The
/// result is the same: a reading whose sentences are not the comparison's (a comparison made
/// with other options may split otherwise) is set aside and the texts read again.
pub fn analyse_read(
    left: &str,
    right: &str,
    comparison: &Comparison,
    reading: TextReading<'_>,
    equivalences: &Equivalences,
    lexicon: &StrengthLexicon,
) -> Analysis {
    if !reading.fits(left, right, comparison) {
        return analyse(left, right, comparison, equivalences, lexicon);
    }
    let parallel = left.len() + right.len() >= PARALLEL_BYTES;
    complete(left, right, comparison, reading, lexicon, parallel)
}

/// The analysis of a reading that fits the comparison: the parts that need its links, on two
/// threads when `parallel`, then the brief.
pub(super) fn complete(
    left: &str,
    right: &str,
    comparison: &Comparison,
    reading: TextReading<'_>,
    lexicon: &StrengthLexicon,
    parallel: bool,
) -> Analysis {
    let TextReading {
        sides,
        entities,
        phrases,
        stance,
        figures,
        ..
    } = reading;
    let ((attribution, shifts), (strength, figures_compared)) = both(
        parallel,
        || stance::find_read(&sides, stance, comparison),
        || {
            (
                strength::find(&sides, comparison, lexicon),
                figures::compare_read(figures, comparison),
            )
        },
    );
    // Numbers and dates are figures, not names: an analyst compares them apart (the figures
    // compared normalise both; "July 2023" listed among the names beside "12 July 2023" among
    // the figures read as two findings that disagree).
    let (figures, entities): (Vec<Entity>, Vec<Entity>) = entities
        .into_iter()
        .partition(|e| matches!(e.kind, EntityKind::Number | EntityKind::Date));
    let brief = brief::build(&brief::Inputs {
        texts: [left, right],
        comparison,
        attribution: &attribution,
        shifts: &shifts,
        figures: &figures_compared,
        entities: &entities,
    });
    Analysis {
        entities,
        figures,
        phrases,
        strength,
        attribution,
        shifts,
        figures_compared,
        brief,
    }
}
