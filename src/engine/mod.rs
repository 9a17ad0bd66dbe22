//! The comparison engine: two texts and options in, a [`Comparison`] out.
//!
//! Pure and deterministic: no I/O, no UI. Lossless: the sentences of each side partition its
//! text, every sentence is in exactly one row, and each paired row's ops partition the byte
//! ranges of its sentences on both sides. Everything Parallax shows or exports renders this.
//!
//! Equivalent terms ([`Equivalences`]: "US" and "United States", "DPM/FM" and "Deputy Prime
//! Minister and Foreign Minister") count as the same term in alignment and word diff, and are
//! shown as their own kind of op, [`OpTag::Equivalent`]. A row is `Identical` only when its
//! wording is the same; a pair that differs only by equivalent terms is `Modified`, with only
//! equal and equivalent ops and a similarity of 1.

mod align;
mod bounds;
pub mod collate;
pub mod decisions;
pub mod equivalence;
mod fixed;
mod interner;
mod linked;
pub mod links;
mod normalize;
mod prepare;
mod rows;
pub mod segment;
pub(crate) mod word_diff;

mod comparer;
mod comparison;
mod options;
pub(crate) mod parallel;

use std::borrow::Cow;
use std::time::{Duration, Instant};

pub use comparer::{Cancel, Cancelled, Comparer, Knowledge};
pub use comparison::{Comparison, Op, OpTag, Row, RowKind, Side, Stats};
pub use options::Options;

pub use collate::{Collation, Point, PointKind, collate};
pub use decisions::{Decision, Verdict};
pub use equivalence::{Equivalences, TableError};
pub use links::{Lexicon, Link, LinkKind, LinkSource};
pub use normalize::{
    STOP_WORDS, is_apostrophe, is_stop_word, possessive_len, push_token_key, token_key,
};
pub use segment::{Sentence, Span};

/// Compares two texts with the built-in table of equivalent terms. Deterministic for the same
/// inputs and options (unless the time budget in `options.timeout_ms` runs out, when diffs
/// coarsen).
///
/// Sentences are paired wherever they stand: a moved sentence is still a pair, and one that
/// only one text has is a one-sided row.
///
/// ```
/// use parallax::engine::{OpTag, Options, RowKind, compare};
///
/// let left = "The talks were held in Doha. Both sides agreed to meet again.";
/// let right = "Both sides agreed to meet again. The talks were held in Qatar. A statement followed.";
/// let comparison = compare(left, right, &Options::default());
///
/// assert_eq!(comparison.stats.left_sentences, 2);
/// assert_eq!(comparison.stats.right_sentences, 3);
/// // Every sentence is in exactly one row.
/// let kinds: Vec<RowKind> = comparison.rows.iter().map(|row| row.kind).collect();
/// assert_eq!(kinds.iter().filter(|&&k| k == RowKind::Identical).count(), 1);
/// assert_eq!(kinds.iter().filter(|&&k| k == RowKind::Modified).count(), 1);
/// assert_eq!(kinds.iter().filter(|&&k| k == RowKind::RightOnly).count(), 1);
/// assert_eq!(comparison.stats.right_only, 1);
///
/// // The reworded pair's ops say what changed, as byte spans into each text.
/// let modified = comparison.rows.iter().find(|row| row.kind == RowKind::Modified);
/// let replaced: Vec<(&str, &str)> = modified
///     .map(|row| row.ops.iter().filter(|op| op.tag == OpTag::Replace))
///     .into_iter()
///     .flatten()
///     .map(|op| (&left[op.left.range()], &right[op.right.range()]))
///     .collect();
/// assert_eq!(replaced, [("Doha", "Qatar")]);
/// ```
///
/// Panics when a text is longer than 4 GiB ([`segment::MAX_TEXT_BYTES`]).
pub fn compare(left: &str, right: &str, options: &Options) -> Comparison {
    Comparer::new(options).compare(left, right)
}

/// The sentences of two texts and every pair the link model decides on, with its features:
/// for fitting the model on gold links (`examples/link_features.rs`, `examples/fit_links.py`),
/// not for the product.
#[doc(hidden)]
pub fn link_features(
    left: &str,
    right: &str,
    options: &Options,
    equivalences: &Equivalences,
) -> (Vec<Span>, Vec<Span>, Vec<links::PairFeatures>) {
    let Ok(sides) = prepare_sides(left, right, options, equivalences, &Cancel::new()) else {
        // Nothing raises a new flag.
        return (Vec::new(), Vec::new(), Vec::new());
    };
    let mut owned_read = None;
    let parallel = left.len() + right.len() >= PARALLEL_READ_BYTES;
    let read = sides.read_links((left, right), Lexicon::builtin(), parallel, &mut owned_read);
    let scorer = sides.scorer(left, right, read, Lexicon::builtin());
    let pairs = scorer.pair_features(&sides.left_ids, &sides.right_ids, &links::Params::default());
    let spans = |side: &prepare::Prepared| side.sentences.iter().map(|s| s.content).collect();
    (spans(&sides.left_side), spans(&sides.right_side), pairs)
}

/// The sentences of a prepared side: taken from it when the comparison prepared it, copied when
/// a collation lends it.
fn sentences_of(side: Cow<'_, prepare::Prepared>) -> Vec<Sentence> {
    match side {
        Cow::Owned(side) => side.sentences,
        Cow::Borrowed(side) => side.sentences.clone(),
    }
}

/// Both texts prepared for comparison, with their shared term table and sentence keys:
/// prepared for this comparison, or borrowed from a collation that prepared each document once
/// with one term table for all.
struct Sides<'p> {
    left_side: Cow<'p, prepare::Prepared>,
    right_side: Cow<'p, prepare::Prepared>,
    term_names: Cow<'p, [String]>,
    /// What the alignment needs of each term of the table ([`align::TermFacts`]).
    term_facts: Cow<'p, align::TermFacts>,
    left_ids: Vec<u32>,
    right_ids: Vec<u32>,
    /// The two documents as the links read them, when a collation read them before.
    links: Option<links::ReadPair<'p>>,
}

impl<'p> Sides<'p> {
    /// Two documents a collation prepared, with its term table.
    fn borrowed(prepared: PreparedPair<'p>) -> Self {
        let (left_ids, right_ids) = align::sentence_ids(prepared.left, prepared.right);
        Self {
            left_side: Cow::Borrowed(prepared.left),
            right_side: Cow::Borrowed(prepared.right),
            term_names: Cow::Borrowed(prepared.term_names),
            term_facts: Cow::Borrowed(prepared.term_facts),
            left_ids,
            right_ids,
            links: Some(prepared.links),
        }
    }

    /// The two documents as the links read them (`left` and `right` as prepared): as a
    /// collation read them, or read now into `owned`.
    fn read_links<'a>(
        &'a self,
        (left, right): (&str, &str),
        lexicon: &Lexicon,
        parallel: bool,
        owned: &'a mut Option<links::PairRead>,
    ) -> links::ReadPair<'a> {
        match self.links {
            Some(read) => read,
            None => owned
                .insert(links::PairRead::new(
                    (&self.left_side, left),
                    (&self.right_side, right),
                    &self.term_names,
                    lexicon,
                    parallel,
                ))
                .pair(),
        }
    }

    /// The counterpart scorer of the two texts (`left` and `right` as prepared, `read` for
    /// their links).
    fn scorer<'a>(
        &'a self,
        left: &'a str,
        right: &'a str,
        read: links::ReadPair<'a>,
        lexicon: &'a Lexicon,
    ) -> links::Scorer<'a> {
        links::Scorer::new(
            (&self.left_side, left),
            (&self.right_side, right),
            read,
            (&self.left_ids, &self.right_ids),
            lexicon,
        )
    }
}

/// Below this many bytes in the two texts together, a comparison's stages run on one thread:
/// threads cost more than they save. Timed as bench-peers times (each run between two `date`
/// calls; 31 runs, alternating with 64 KiB), `--analysis never`: the 64 KiB pair (128 KiB in
/// all) takes 17.5 ms on one thread against 18.6 on two; the 128 KiB pair is faster on two.
pub(crate) const PARALLEL_READ_BYTES: usize = 192 * 1024;

/// Prepares both texts (one term table for the two), checking `cancel` between the stages.
fn prepare_sides(
    left: &str,
    right: &str,
    options: &Options,
    equivalences: &Equivalences,
    cancel: &Cancel,
) -> Result<Sides<'static>, Cancelled> {
    prepare_sides_from(
        left,
        right,
        options,
        equivalences,
        cancel,
        (PARALLEL_READ_BYTES, None),
    )
}

/// [`prepare_sides`], preparing the two texts at the same time from `parallel_from` bytes, with
/// their sentences when the caller split them already (`split`, left then right).
fn prepare_sides_from(
    left: &str,
    right: &str,
    options: &Options,
    equivalences: &Equivalences,
    cancel: &Cancel,
    (parallel_from, split): (usize, Option<[&[Sentence]; 2]>),
) -> Result<Sides<'static>, Cancelled> {
    let matcher = options
        .use_equivalences
        .then(|| equivalences.matcher(options.ignore_case, options.ignore_punctuation));
    let mut keys = prepare::Interner::default();
    let mut terms = prepare::Interner::default();
    // Each side is read, then interned; the reading is dropped once its side is prepared (on
    // the 1 MiB pair, one is ~8 MB that the peak need not hold).
    let side = |text: &str,
                split: Option<&[Sentence]>,
                keys: &mut prepare::Interner,
                terms: &mut prepare::Interner| {
        let read = prepare::read_split(text, split, options, matcher);
        prepare::prepare(text, &read, options, matcher, keys, terms)
    };
    let [left_split, right_split] = split.map_or([None, None], |[l, r]| [Some(l), Some(r)]);
    let (left_side, right_side) = if left.len() + right.len() >= parallel_from {
        // The right side is prepared at the same time with tables of its own, then renumbered
        // into the shared ones: the same ids as when it is interned after the left one.
        let (left_side, (mut right_side, right_keys, right_terms)) = parallel::both(
            true,
            || side(left, left_split, &mut keys, &mut terms),
            || {
                let (mut keys, mut terms) = Default::default();
                (side(right, right_split, &mut keys, &mut terms), keys, terms)
            },
        );
        right_side.renumber(&keys.absorb(&right_keys), &terms.absorb(&right_terms));
        (left_side, right_side)
    } else {
        let left_side = side(left, left_split, &mut keys, &mut terms);
        (left_side, side(right, right_split, &mut keys, &mut terms))
    };
    cancel.check()?;
    let term_names = terms.names();
    let term_facts = align::TermFacts::new(&term_names);
    let (left_ids, right_ids) = align::sentence_ids(&left_side, &right_side);
    Ok(Sides {
        left_side: Cow::Owned(left_side),
        right_side: Cow::Owned(right_side),
        term_names: Cow::Owned(term_names),
        term_facts: Cow::Owned(term_facts),
        left_ids,
        right_ids,
        links: None,
    })
}

/// Two texts prepared before the comparison with one term table (a collation prepares each of
/// its documents once, for all its pairs), and that table's names by id, with the two as the
/// links read them (with [`Lexicon::builtin`], one concept table for all the collation's
/// documents). The result is the one a comparison that prepares them itself gives: no result
/// depends on the terms' or the concepts' id numbers (sums of weights are exact in any order,
/// ties are broken by names).
#[derive(Clone, Copy)]
pub(crate) struct PreparedPair<'a> {
    pub left: &'a prepare::Prepared,
    pub right: &'a prepare::Prepared,
    pub term_names: &'a [String],
    pub term_facts: &'a align::TermFacts,
    pub links: links::ReadPair<'a>,
    /// Whether to keep what only a view of the pair shows (the rows' word diffs, the links'
    /// shared terms and spans); a collation keeps only a pair's links, kinds, scores, counts.
    pub details: bool,
    /// The unit diffs of rows other pairs of a collation have made (counts only).
    pub ops_cache: Option<&'a word_diff::OpsCache>,
}

impl PreparedPair<'_> {
    fn swapped(self) -> Self {
        Self {
            left: self.right,
            right: self.left,
            links: self.links.swapped(),
            ..self
        }
    }
}

/// What a caller made of the two texts before comparing them: nothing, their sentences (the
/// CLI splits a statement once for the comparison and the insights), or the texts prepared (a
/// collation prepares each document once), left then right.
#[derive(Clone, Copy, Default)]
pub(crate) enum Given<'a> {
    #[default]
    Texts,
    Split([&'a [Sentence]; 2]),
    Prepared(PreparedPair<'a>),
}

impl<'a> Given<'a> {
    /// The texts as a collation prepared them, if it did.
    fn prepared(self) -> Option<PreparedPair<'a>> {
        match self {
            Given::Prepared(prepared) => Some(prepared),
            _ => None,
        }
    }

    fn swapped(self) -> Self {
        match self {
            Given::Texts => Given::Texts,
            Given::Split([left, right]) => Given::Split([right, left]),
            Given::Prepared(prepared) => Given::Prepared(prepared.swapped()),
        }
    }
}

/// A comparison of texts already prepared (`prepared`, of `left` and `right` with `options`).
pub(crate) fn compare_prepared(
    left: &str,
    right: &str,
    prepared: PreparedPair<'_>,
    options: &Options,
    equivalences: &Equivalences,
    cancel: &Cancel,
) -> Result<Comparison, Cancelled> {
    Comparer::new(options)
        .equivalences(equivalences)
        .cancel(cancel)
        .prepared(prepared)
        .run(left, right)
}

/// Compares `left` with `right`. The result with the texts swapped is the exact mirror of it,
/// by construction: the two texts are always compared in one order (the one whose text sorts
/// first on the left), and the comparison is mirrored when that is the right. Every tie-break
/// of the engine is then taken the same way whichever text the caller puts on the left. With
/// `given`, what the caller made of the texts before (a collation prepares each document once).
fn compare_inner(
    left: &str,
    right: &str,
    options: &Options,
    knowledge: &Knowledge<'_>,
    params: &links::Params,
    cancel: &Cancel,
    given: Given<'_>,
) -> Result<Comparison, Cancelled> {
    segment::assert_fits(left, right);
    let to_mirror = left > right;
    let source = Source {
        knowledge,
        given: if to_mirror { given.swapped() } else { given },
        parallel_from: PARALLEL_READ_BYTES,
    };
    if to_mirror {
        compare_oriented(right, left, options, source, params, cancel, true)
            .map(Comparison::mirrored)
    } else {
        compare_oriented(left, right, options, source, params, cancel, false)
    }
}

/// What a comparison knows (tables and the analyst's decisions) and what its caller made of
/// its texts before (in the order compared).
struct Source<'a> {
    knowledge: &'a Knowledge<'a>,
    given: Given<'a>,
    /// From this many bytes in the two texts, the stages that split run over the cores.
    parallel_from: usize,
}

impl<'a> Source<'a> {
    /// The two texts as prepared: as a collation prepared them, or prepared now.
    fn sides(
        &self,
        left: &str,
        right: &str,
        options: &Options,
        cancel: &Cancel,
    ) -> Result<Sides<'a>, Cancelled> {
        let split = match self.given {
            Given::Prepared(prepared) => return Ok(Sides::borrowed(prepared)),
            Given::Split(split) => Some(split),
            Given::Texts => None,
        };
        prepare_sides_from(
            left,
            right,
            options,
            self.knowledge.equivalences,
            cancel,
            (self.parallel_from, split),
        )
    }
}

/// Compares `left` with `right` in that order; `to_mirror` says the result will be mirrored,
/// so that the links name their shared terms as the right text writes them.
fn compare_oriented(
    left: &str,
    right: &str,
    options: &Options,
    source: Source<'_>,
    params: &links::Params,
    cancel: &Cancel,
    to_mirror: bool,
) -> Result<Comparison, Cancelled> {
    let deadline = Instant::now() + Duration::from_millis(options.timeout_ms.max(1));
    let knowledge = source.knowledge;
    let prepared = source.given.prepared();
    let details = prepared.is_none_or(|p| p.details);
    let ops_cache = prepared.and_then(|p| p.ops_cache);
    // The rows' word diffs and the links' details are made over the cores on long texts, but
    // not for a collation's pairs, which are compared side by side already.
    let parallel = prepared.is_none() && left.len() + right.len() >= source.parallel_from;
    let sides = source.sides(left, right, options, cancel)?;
    let mut owned_read = None;
    let read = sides.read_links((left, right), knowledge.lexicon, parallel, &mut owned_read);
    let scorer = sides.scorer(left, right, read, knowledge.lexicon);
    // The decisions were written on the caller's sides: with `to_mirror`, this left is theirs
    // right.
    let decided = decisions::resolve(
        knowledge.decisions,
        (left, &sides.left_side.sentences),
        (right, &sides.right_side.sentences),
        to_mirror,
    );
    let Sides {
        left_side,
        right_side,
        term_facts,
        left_ids,
        right_ids,
        ..
    } = &sides;
    let (left_side, right_side): (&prepare::Prepared, &prepare::Prepared) = (left_side, right_side);
    let side_pair = (left_side, right_side);
    let headings = scorer.headings();
    let facts = align::Facts {
        headings: (&headings.0, &headings.1),
        ids: (left_ids, right_ids),
        decided: &decided,
    };
    // The links are searched while the sentences pair by their own words (on the 1 MiB pair,
    // 11 ms of the alignment's 13 beside the search's 26).
    let (mut candidates, settled) = parallel::both(
        parallel,
        || scorer.find(left_ids, right_ids, params),
        || align::settle(side_pair, term_facts, options.threshold, facts, deadline),
    );
    linked::decide_candidates(&mut candidates, &decided, &scorer, params);
    cancel.check()?;
    let groups = settled.with_links(&candidates);
    cancel.check()?;

    let rows::Built {
        rows,
        stats,
        equal_words,
    } = rows::build(
        groups,
        [(left, left_side), (right, right_side)],
        &scorer,
        &decided,
        (deadline, cancel),
        (details, ops_cache),
        parallel,
    )?;
    let links = linked::all_links(
        &scorer,
        &candidates,
        &rows,
        &decided,
        (to_mirror, details, parallel),
    );
    let stats = rows::stats(stats, &links, [left_side, right_side], equal_words);
    // The scorer borrows the prepared sides; the sentences move into the comparison.
    drop(scorer);
    Ok(Comparison {
        options: *options,
        left_sentences: sentences_of(sides.left_side),
        right_sentences: sentences_of(sides.right_side),
        rows,
        links,
        rejected: {
            let mut rejected: Vec<(usize, usize)> = decided.rejected.into_iter().collect();
            rejected.sort_unstable();
            rejected
        },
        stats,
    })
}

#[cfg(test)]
mod tests;
