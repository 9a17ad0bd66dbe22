//! The insights in two stages: what they read of the two texts alone (each side's tokens, the
//! names, the shared phrases), which needs no comparison and so can be read while the
//! comparison runs ([`read_texts`]), and what needs the comparison's links (who is credited,
//! the stance shifts, wording strength, figures compared) with the brief ([`analyse_read`]).

use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};

use super::*;
use crate::engine::parallel::both_here as both;

/// What the insights read from the two texts alone, before any comparison: each side's
/// tokens, the names and the shared phrases ([`read_texts`]). A caller reads it while the
/// comparison runs, and [`analyse_read`] completes it.
pub struct TextReading<'a> {
    sentences: [Vec<Sentence>; 2],
    sides: Arc<[SideTokens<'a>; 2]>,
    entities: Vec<Entity>,
    phrases: Vec<Phrase>,
    /// The smaller readings, by whichever thread read them ([`Helping`]).
    helped: Helped,
}

/// What a reading shares with the threads that help it ([`TextReading`]): the sides' tokens
/// once read, and the smaller readings that follow the names and the shared phrases (who
/// each side credits and its stance forms, the figures), taken one at a time by whichever
/// thread is free first. The two threads of a reading take them when their long reading is
/// done; the CLI's main thread, done comparing, takes them too (and reads wording strength)
/// rather than wait: on a 64 KiB pair, the reading's last 1.2 ms ran on one core while the
/// other waited.
#[derive(Default)]
pub struct Helping<'a> {
    sides: OnceLock<Arc<[SideTokens<'a>; 2]>>,
    next: AtomicUsize,
}

/// The smaller readings one thread read ([`Helping`]); what no thread read is read when the
/// reading is completed.
#[derive(Default)]
pub struct Helped {
    stance: [Option<stance::SideStance>; 2],
    figures: Option<Vec<figures::Figure>>,
    /// Read on the comparison given to [`Helping::help`].
    strength: Option<Vec<StrengthDifference>>,
}

impl Helped {
    /// Adds what `other` read and this did not.
    fn add(&mut self, other: Helped) {
        let Helped {
            stance: [left, right],
            figures,
            strength,
        } = other;
        self.stance[0] = self.stance[0].take().or(left);
        self.stance[1] = self.stance[1].take().or(right);
        self.figures = self.figures.take().or(figures);
        self.strength = self.strength.take().or(strength);
    }
}

impl Helping<'_> {
    /// Takes the smaller readings no thread has taken yet, one at a time, into `into`.
    fn take(&self, sides: &[SideTokens<'_>; 2], into: &mut Helped) {
        loop {
            match self.next.fetch_add(1, Ordering::Relaxed) {
                0 => into.stance[0] = Some(stance::SideStance::read(&sides[0])),
                1 => into.stance[1] = Some(stance::SideStance::read(&sides[1])),
                2 => into.figures = Some(figures::read(sides)),
                _ => return,
            }
        }
    }

    /// Once `comparison` is made: takes the smaller readings no thread has taken yet and
    /// reads wording strength on the links, if the sides' tokens are read by now (nothing
    /// otherwise). What it read goes to the reading with [`TextReading::helped_by`].
    pub fn help(&self, comparison: &Comparison, lexicon: &StrengthLexicon) -> Helped {
        let mut helped = Helped::default();
        if let Some(sides) = self.sides.get() {
            self.take(sides, &mut helped);
            helped.strength = Some(strength::find(sides, comparison, lexicon));
        }
        helped
    }
}

impl TextReading<'_> {
    /// This reading, with what another thread read for it ([`Helping::help`]).
    pub fn helped_by(mut self, helped: Helped) -> Self {
        self.helped.add(helped);
        self
    }

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
    read_texts_split(left, right, sentences, equivalences, &Helping::default())
}

/// [`read_texts`] of texts split already into `sentences` (as [`segment::sentences`] splits
/// them: the CLI splits each statement once for its comparison and its insights). A reading
/// of other sentences than the comparison's is set aside by [`analyse_read`]. The smaller
/// readings are shared with whichever thread calls `helping`'s [`Helping::help`] meanwhile.
pub fn read_texts_split<'a>(
    left: &'a str,
    right: &'a str,
    sentences: [Vec<Sentence>; 2],
    equivalences: &Equivalences,
    helping: &Helping<'a>,
) -> TextReading<'a> {
    // On threads of their own too: the reading (names, shared phrases) costs more than the
    // comparison it runs beside, and three threads share two cores better than two.
    read(left, right, sentences, equivalences, (true, helping))
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
        (parallel, &Helping::default()),
    )
}

/// The reading of two texts split into `sentences`, on two threads when `parallel`, its
/// smaller readings shared with the threads that `helping` helps.
pub(super) fn read<'a>(
    left: &'a str,
    right: &'a str,
    sentences: [Vec<Sentence>; 2],
    equivalences: &Equivalences,
    (parallel, helping): (bool, &Helping<'a>),
) -> TextReading<'a> {
    let sides = both(
        parallel,
        || SideTokens::new(left, &sentences[0]),
        || SideTokens::new(right, &sentences[1]),
    );
    let sides = Arc::new([sides.0, sides.1]);
    // A helping already given sides (a caller's mistake) still gets its readings: they are
    // taken on these sides.
    let _ = helping.sides.set(Arc::clone(&sides));
    // The names on one thread, the shared phrases on the other; each then takes the smaller
    // readings no thread has taken.
    let ((entities, mut helped), (phrases, other)) = both(
        parallel,
        || {
            let entities = entities::find(&sides, equivalences);
            let mut helped = Helped::default();
            helping.take(&sides, &mut helped);
            (entities, helped)
        },
        || {
            let phrases = phrases::find(&sides);
            let mut helped = Helped::default();
            helping.take(&sides, &mut helped);
            (phrases, helped)
        },
    );
    helped.add(other);
    TextReading {
        sentences,
        sides,
        entities,
        phrases,
        helped,
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
        helped:
            Helped {
                stance: [left_stance, right_stance],
                figures,
                strength,
            },
        ..
    } = reading;
    let sides = &*sides;
    // What no thread read (a reading alone, or helped by no one) is read now.
    let stance = [
        left_stance.unwrap_or_else(|| stance::SideStance::read(&sides[0])),
        right_stance.unwrap_or_else(|| stance::SideStance::read(&sides[1])),
    ];
    let ((attribution, shifts), (strength, figures_compared)) = both(
        parallel,
        || stance::find_read(sides, stance, comparison),
        || {
            (
                strength.unwrap_or_else(|| strength::find(sides, comparison, lexicon)),
                figures::compare_read(figures.unwrap_or_else(|| figures::read(sides)), comparison),
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::samples::SAMPLES;

    /// Whichever thread reads the smaller readings (the reading's own, a thread done
    /// comparing that took them all first, none, so that they are read when the reading
    /// completes), the analysis is the one made without help; and a helper that finds no sides
    /// read yet reads nothing.
    #[test]
    fn a_reading_helped_by_any_thread_gives_the_same_analysis() {
        let texts: Vec<&str> = SAMPLES.iter().map(|sample| sample.text).collect();
        let mut pairs: Vec<(&str, &str)> = texts
            .iter()
            .copied()
            .zip(texts.iter().copied().rev())
            .collect();
        // Figures that differ on a link, and a point one side words more strongly.
        pairs.push((
            "The two leaders agreed to raise trade to $5 billion by 2030. \
             Minister Dar said Pakistan would host the next round.",
            "Both sides discussed raising trade to USD 7 billion by 2030. \
             Pakistan will host the next round, the Foreign Office said.",
        ));
        let (equivalences, lexicon) = (Equivalences::builtin_ref(), StrengthLexicon::builtin_ref());
        let mut differences = 0;
        for (left, right) in pairs {
            let comparison =
                crate::engine::compare(left, right, &crate::engine::Options::default());
            let expected = analyse(left, right, &comparison, equivalences, lexicon);
            assert!(!expected.attribution[0].actors.is_empty());
            differences += expected.figures_compared.differences.len() * expected.strength.len();
            let complete = |reading| {
                let analysis =
                    analyse_read(left, right, &comparison, reading, equivalences, lexicon);
                assert_eq!(analysis, expected, "{left:.40} | {right:.40}");
            };
            let sentences = || compared_sentences(&comparison);
            fn read_helped<'a>(
                texts: (&'a str, &'a str),
                sentences: [Vec<Sentence>; 2],
                helping: &Helping<'a>,
            ) -> TextReading<'a> {
                let equivalences = Equivalences::builtin_ref();
                read(texts.0, texts.1, sentences, equivalences, (true, helping))
            }
            let read =
                |helping: &Helping<'static>| read_helped((left, right), sentences(), helping);

            // Helped after the reading: only wording strength is left to read.
            let helping = Helping::default();
            assert!(helping.help(&comparison, lexicon).strength.is_none());
            let reading = read(&helping);
            let helped = helping.help(&comparison, lexicon);
            assert!(helped.stance.iter().all(Option::is_none) && helped.figures.is_none());
            assert!(helped.strength.is_some());
            complete(reading.helped_by(helped));

            // Helped before the reading took anything: the helper read it all.
            let helping = Helping::default();
            let sides = [
                SideTokens::new(left, &comparison.left_sentences),
                SideTokens::new(right, &comparison.right_sentences),
            ];
            let _ = helping.sides.set(Arc::new(sides));
            let helped = helping.help(&comparison, lexicon);
            assert!(helped.stance.iter().all(Option::is_some) && helped.figures.is_some());
            let reading = read(&helping);
            assert!(reading.helped.stance.iter().all(Option::is_none));
            complete(reading.helped_by(helped));

            // Read by no thread: read as the reading completes.
            let mut reading = read(&Helping::default());
            reading.helped = Helped::default();
            complete(reading);
        }
        assert!(differences > 0);
    }
}
