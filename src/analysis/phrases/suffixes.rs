//! The shared phrases' candidates, read off a suffix array of the sides' symbols.
//!
//! A maximal repeat (a word sequence that occurs twice or more and cannot be extended to the
//! left or to the right without losing an occurrence) is an interval of the suffix array
//! whose suffixes share exactly its length (right-maximal: they go on with two or more
//! symbols), and whose occurrences are not all preceded by one symbol (left-maximal). The
//! intervals are read bottom-up in one pass over the array of longest common prefixes, each
//! with its first occurrence, its sides and the symbol before its occurrences, merged from its
//! children. The array is made by libsais (induced sorting, linear time); with the permuted
//! prefixes it is two `u32` a word, a third of the memory of the suffix automaton it replaced
//! (on the 1 MiB pair, the phrase search held 6.5 MB of the analysis's peak).

use libsais::SuffixArrayConstruction;
use libsais::suffix_array::{AlphabetSize, ExtraSpace};

use super::{MIN_WORDS, Symbols};

/// A candidate phrase: `len` words, first occurring at `first`; its occurrences start at the
/// suffix array's entries `lb..=rb`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Candidate {
    pub(super) len: u32,
    pub(super) first: u32,
    pub(super) lb: u32,
    pub(super) rb: u32,
}

/// The suffix array of the symbols, and the candidates: maximal repeats of at least
/// [`MIN_WORDS`] words in at least `min_sides` of `n_sides` sides, with a word that is not a
/// function word; longest first, between equals the one that occurs first.
pub(super) fn candidates(
    symbols: &mut Symbols,
    n_sides: usize,
    min_sides: usize,
) -> (Vec<u32>, Vec<Candidate>) {
    let alphabet = symbols.stop.len() + symbols.separators.len();
    let Some(sa) = suffix_array(&mut symbols.sequence, alphabet) else {
        return (Vec::new(), Vec::new());
    };
    let symbols = &*symbols;
    let plcp = permuted_longest_common_prefixes(&symbols.sequence, &sa);
    let mut found = Vec::new();
    let mut report = |frame: &Frame, rb: usize, sides: &[u64]| {
        let (len, first) = (frame.lcp as usize, frame.first as usize);
        let present: u32 = sides.iter().map(|w| w.count_ones()).sum();
        if len >= MIN_WORDS
            && frame.before == MIXED
            && present as usize >= min_sides
            && symbols
                .sequence
                .get(first..first + len)
                .is_some_and(|words| words.iter().any(|&s| !symbols.is_stop(s)))
        {
            found.push(Candidate {
                len: frame.lcp,
                first: frame.first,
                lb: frame.lb,
                rb: rb as u32,
            });
        }
    };
    intervals(symbols, &sa, &plcp, n_sides, &mut report);
    found.sort_unstable_by(|a, b| b.len.cmp(&a.len).then(a.first.cmp(&b.first)));
    (sa, found)
}

/// The suffix array of `sequence`, whose symbols are all below `alphabet` (words, then each
/// separator). libsais sorts in the sequence's own memory and puts it back as it was: no copy
/// of it (1.5 MB on the 1 MiB pair, at the phrase search's peak). `None` only for what libsais
/// refuses, a sequence past 2^31 symbols, which the loaders' size limit keeps far off.
fn suffix_array(sequence: &mut [u32], alphabet: usize) -> Option<Vec<u32>> {
    if sequence.is_empty() {
        return Some(Vec::new());
    }
    let alphabet = i32::try_from(alphabet).ok()?;
    if sequence.len() > i32::MAX as usize
        || sequence.iter().any(|&s| s as usize >= alphabet as usize)
    {
        return None;
    }
    let text: &mut [i32] = bytemuck::cast_slice_mut(sequence);
    let construction = SuffixArrayConstruction::for_text_mut(text)
        .in_owned_buffer32()
        .single_threaded()
        .with_extra_space_in_buffer(ExtraSpace::None);
    // SAFETY: every symbol was checked above to be in `0..alphabet`, and none is negative as
    // an `i32` (all are below `alphabet`, itself an `i32`).
    let construction = unsafe { construction.with_alphabet_size(AlphabetSize::new(alphabet)) };
    let sa = construction.run().ok()?;
    Some(sa.into_vec().into_iter().map(|p| p as u32).collect())
}

/// The permuted longest common prefixes (Kärkkäinen, Manzini and Puglisi's Φ): `plcp[p]` of
/// the suffix at `p` and the one before it in `sa` (0 for the first). Read through `sa` as it
/// is needed, `plcp[sa[i]]`, rather than copied into the array's order: one array of the
/// text's length, not two.
fn permuted_longest_common_prefixes(text: &[u32], sa: &[u32]) -> Vec<u32> {
    let n = sa.len();
    // First Φ: the suffix before each one in `sa`; then, in place, its common prefix with it.
    let mut plcp = vec![NO_SUFFIX; n];
    for pair in sa.windows(2) {
        plcp[pair[1] as usize] = pair[0];
    }
    let mut h = 0usize;
    for p in 0..n {
        let before = plcp[p];
        if before == NO_SUFFIX {
            plcp[p] = 0;
            h = 0;
            continue;
        }
        let q = before as usize;
        while p + h < n && q + h < n && text[p + h] == text[q + h] {
            h += 1;
        }
        plcp[p] = h as u32;
        h = h.saturating_sub(1);
    }
    plcp
}

/// No suffix (the first in the suffix array has none before it).
const NO_SUFFIX: u32 = u32::MAX;

/// No one symbol before every occurrence (or one at the start): the interval is left-maximal.
const MIXED: u32 = u32::MAX;

/// An interval being read: its length, where its entries start, its first occurrence and the
/// symbol before all its occurrences ([`MIXED`] when they differ); its sides are kept apart.
#[derive(Clone, Copy)]
struct Frame {
    lcp: u32,
    lb: u32,
    first: u32,
    before: u32,
}

/// Calls `report` with every interval of the suffix array but the whole (the root), children
/// before their parents, with its last entry and its sides (a bit per side); `plcp` as
/// [`permuted_longest_common_prefixes`] gives them.
fn intervals(
    symbols: &Symbols,
    sa: &[u32],
    plcp: &[u32],
    n_sides: usize,
    report: &mut dyn FnMut(&Frame, usize, &[u64]),
) {
    let n = sa.len();
    if n == 0 {
        return;
    }
    let words = n_sides.div_ceil(64).max(1);
    // The frames' sides, `words` each, in step with `stack`; `pending` holds what was read
    // since the last frame that was closed or opened.
    let mut stack: Vec<Frame> = vec![Frame {
        lcp: 0,
        lb: 0,
        first: u32::MAX,
        before: MIXED,
    }];
    let mut stack_sides: Vec<u64> = vec![0; words];
    let mut pending_sides: Vec<u64> = vec![0; words];
    let leaf = |i: usize, sides: &mut [u64]| -> Frame {
        sides.fill(0);
        let p = sa[i];
        if let Some(side) = symbols.word_side(p as usize) {
            sides[side / 64] |= 1 << (side % 64);
        }
        let before = match p {
            0 => MIXED,
            _ => symbols.sequence[p as usize - 1],
        };
        Frame {
            lcp: 0,
            lb: i as u32,
            first: p,
            before,
        }
    };
    let merge = |into: &mut Frame, from: &Frame| {
        into.first = into.first.min(from.first);
        if into.before != from.before {
            into.before = MIXED;
        }
    };
    let mut pending = leaf(0, &mut pending_sides);
    for i in 1..=n {
        let h = sa
            .get(i)
            .and_then(|&p| plcp.get(p as usize))
            .copied()
            .unwrap_or(0);
        let mut lb = i - 1;
        while stack.last().is_some_and(|top| top.lcp > h) {
            let Some(mut top) = stack.pop() else {
                break;
            };
            let at = stack_sides.len() - words;
            merge(&mut top, &pending);
            for (a, b) in stack_sides[at..].iter_mut().zip(&pending_sides) {
                *a |= *b;
            }
            report(&top, i - 1, &stack_sides[at..]);
            pending = top;
            pending_sides.copy_from_slice(&stack_sides[at..]);
            stack_sides.truncate(at);
            lb = top.lb as usize;
        }
        match stack.last_mut() {
            Some(top) if top.lcp == h => {
                merge(top, &pending);
                let at = stack_sides.len() - words;
                for (a, b) in stack_sides[at..].iter_mut().zip(&pending_sides) {
                    *a |= *b;
                }
            }
            _ => {
                stack.push(Frame {
                    lcp: h,
                    lb: lb as u32,
                    ..pending
                });
                stack_sides.extend_from_slice(&pending_sides);
            }
        }
        if i < n {
            pending = leaf(i, &mut pending_sides);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    /// Symbols of `sides` sides of random sentences over a small vocabulary (so that repeats
    /// are many), word 0 a function word.
    fn random_symbols(seed: u64, n_sides: usize) -> Symbols {
        let mut state = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        let mut next = |below: u64| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state % below
        };
        let vocabulary = 2 + next(4) as u32;
        let (mut sequence, mut starts, mut separators) = (Vec::new(), Vec::new(), Vec::new());
        for _ in 0..n_sides {
            starts.push(sequence.len() as u32);
            for _ in 0..next(4) {
                for _ in 0..next(9) {
                    sequence.push(next(u64::from(vocabulary)) as u32);
                }
                sequence.push(vocabulary + separators.len() as u32);
                separators.push(sequence.len() as u32 - 1);
            }
        }
        let stop = (0..vocabulary).map(|w| w == 0).collect();
        Symbols {
            stop,
            length: sequence.len(),
            sequence,
            starts,
            separators,
        }
    }

    /// The candidates by brute force: every word sequence of the sides that occurs twice or
    /// more, not always followed nor always preceded by one symbol, with its occurrences.
    fn brute_force(symbols: &Symbols, min_sides: usize) -> Vec<(u32, u32, Vec<u32>)> {
        let seq = &symbols.sequence;
        let is_word = |p: usize| (seq[p] as usize) < symbols.stop.len();
        let mut all: BTreeMap<&[u32], Vec<u32>> = BTreeMap::new();
        for start in 0..seq.len() {
            for end in start + MIN_WORDS..=seq.len() {
                if !(start..end).all(is_word) {
                    break;
                }
                all.entry(&seq[start..end]).or_default().push(start as u32);
            }
        }
        let mut out = Vec::new();
        for (words, starts) in all {
            let len = words.len();
            let same = |at: &dyn Fn(u32) -> Option<u32>| {
                let first = at(starts[0]);
                first.is_some() && starts.iter().all(|&p| at(p) == first)
            };
            let after = |p: u32| seq.get(p as usize + len).copied();
            let before = |p: u32| (p > 0).then(|| seq[p as usize - 1]);
            let sides: std::collections::BTreeSet<usize> = starts
                .iter()
                .filter_map(|&p| symbols.word_side(p as usize))
                .collect();
            if starts.len() >= 2
                && !same(&after)
                && !same(&before)
                && sides.len() >= min_sides
                && words.iter().any(|&s| !symbols.is_stop(s))
            {
                out.push((len as u32, starts[0], starts));
            }
        }
        out.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        out
    }

    /// The intervals of the suffix array are the maximal repeats, with their occurrences, in
    /// the order listed: on a thousand random texts of one to four sides.
    #[test]
    fn candidates_are_the_maximal_repeats() {
        let mut listed = 0;
        for seed in 0..1000 {
            let n_sides = 1 + (seed % 4) as usize;
            let mut symbols = random_symbols(seed, n_sides);
            for min_sides in 1..=2 {
                let before = symbols.sequence.clone();
                let (sa, found) = candidates(&mut symbols, n_sides, min_sides);
                assert_eq!(symbols.sequence, before, "the sequence is put back");
                let found: Vec<(u32, u32, Vec<u32>)> = found
                    .iter()
                    .map(|c| {
                        let mut starts = sa[c.lb as usize..=c.rb as usize].to_vec();
                        starts.sort_unstable();
                        (c.len, c.first, starts)
                    })
                    .collect();
                assert_eq!(found, brute_force(&symbols, min_sides), "seed {seed}");
                listed += found.len();
            }
        }
        assert!(
            listed > 1000,
            "only {listed} candidates: the texts test little"
        );
    }
}
