//! The term weights of a pair: low for stop words, higher the rarer a term is within either
//! document, multiples of 2^-20 so that every sum is exact; and bags of terms.

use super::fixed;
use super::is_stop_word;
use crate::engine::prepare::Prepared;
use std::ops::Range;

/// What the alignment needs of the terms by their names alone: whether each is a stop word,
/// and its rank in name order. A collation's documents share one term table: it is made once
/// for all its pairs, not once per pair.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TermFacts {
    stop: Vec<bool>,
    /// Rank of each term in name order: a tie-break that does not depend on term ids.
    rank: Vec<u32>,
}

impl TermFacts {
    /// The facts of every term of a table, `term_names` its names by id.
    pub fn new(term_names: &[String]) -> Self {
        let stop = term_names.iter().map(|name| is_stop_word(name)).collect();
        let mut by_name: Vec<usize> = (0..term_names.len()).collect();
        by_name.sort_unstable_by(|&a, &b| term_names[a].cmp(&term_names[b]));
        let mut rank = vec![0u32; term_names.len()];
        for (r, &t) in by_name.iter().enumerate() {
            rank[t] = r as u32;
        }
        Self { stop, rank }
    }
}

/// Term weights: low for stop words, higher the rarer a term is within either document.
///
/// Weights are multiples of 2^-20 and are summed in `f64`, so every sum is exact and does not
/// depend on the order terms are added in (term ids follow which text came first): swapping
/// the two texts gives the same similarities bit for bit.
pub(super) struct Weights<'t> {
    pub(super) weight: Vec<f64>,
    pub(super) stop: &'t [bool],
    /// Rank of each term in name order: a tie-break that does not depend on term ids.
    pub(super) rank: &'t [u32],
}

impl<'t> Weights<'t> {
    /// `terms` are the facts of every term of the table (the pair's, or a whole collation's: a
    /// term neither side has weighs nothing in any sum).
    pub(super) fn new(terms: &'t TermFacts, left: &Prepared, right: &Prepared) -> Self {
        let n = terms.stop.len();
        // Per term, its document frequency on the left and on the right.
        let mut df = vec![[0u32; 2]; n];
        // The terms either side has, each once: only they are weighed by their rarity (in a
        // collation the table holds every document's terms, most of them in neither side).
        let mut present: Vec<u32> = Vec::new();
        for (side, bags) in [&left.terms, &right.terms].into_iter().enumerate() {
            for bag in bags {
                for &(t, _) in bag {
                    let counts = &mut df[t as usize];
                    if counts == &[0, 0] {
                        present.push(t);
                    }
                    counts[side] += 1;
                }
            }
        }
        let sentences = left.sentences.len().max(right.sentences.len()).max(1) as f32;
        let weigh = |df: u32, stop: bool| {
            let df = df.max(1) as f32;
            let rarity = 1.0 + (sentences / df).ln();
            let w: f32 = if stop { 0.1 } else { rarity };
            fixed::round(f64::from(w))
        };
        // A term neither side has weighs what one in a single sentence would.
        let (absent, absent_stop) = (weigh(0, false), weigh(0, true));
        let mut weight: Vec<f64> = terms
            .stop
            .iter()
            .map(|&stop| if stop { absent_stop } else { absent })
            .collect();
        for &t in &present {
            let t = t as usize;
            weight[t] = weigh(df[t][0].max(df[t][1]), terms.stop[t]);
        }
        Self {
            weight,
            stop: &terms.stop,
            rank: &terms.rank,
        }
    }

    fn mass(&self, bag: &[(u32, u32)]) -> f64 {
        bag.iter()
            .map(|&(t, c)| self.weight[t as usize] * f64::from(c))
            .sum()
    }

    /// Weighted mass of the terms `left` and `right` share.
    fn shared(&self, left: &[(u32, u32)], right: &[(u32, u32)]) -> f64 {
        let (mut i, mut j, mut sum) = (0, 0, 0.0);
        while i < left.len() && j < right.len() {
            let (lt, lc) = left[i];
            let (rt, rc) = right[j];
            match lt.cmp(&rt) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    sum += self.weight[lt as usize] * f64::from(lc.min(rc));
                    i += 1;
                    j += 1;
                }
            }
        }
        sum
    }

    /// IDF-weighted Dice similarity of two bags, in 0..=1.
    pub(super) fn dice(&self, left: &[(u32, u32)], right: &[(u32, u32)]) -> f32 {
        let total = self.mass(left) + self.mass(right);
        if total <= 0.0 {
            0.0
        } else {
            (2.0 * self.shared(left, right) / total) as f32
        }
    }

    /// Share of `part`'s weighted mass that `whole` also has.
    pub(super) fn containment(&self, part: &[(u32, u32)], whole: &[(u32, u32)]) -> f32 {
        let mass = self.mass(part);
        if mass <= 0.0 {
            0.0
        } else {
            (self.shared(part, whole) / mass) as f32
        }
    }
}

/// Sum of two bags.
pub(super) fn union(left: &[(u32, u32)], right: &[(u32, u32)]) -> Vec<(u32, u32)> {
    let mut out = Vec::with_capacity(left.len() + right.len());
    let (mut i, mut j) = (0, 0);
    while i < left.len() || j < right.len() {
        match (left.get(i), right.get(j)) {
            (Some(&(lt, lc)), Some(&(rt, rc))) if lt == rt => {
                out.push((lt, lc + rc));
                i += 1;
                j += 1;
            }
            (Some(&(lt, lc)), Some(&(rt, _))) if lt < rt => {
                out.push((lt, lc));
                i += 1;
            }
            (Some(&l), None) => {
                out.push(l);
                i += 1;
            }
            (_, Some(&r)) => {
                out.push(r);
                j += 1;
            }
            (None, None) => break,
        }
    }
    out
}

/// Bag of terms of a contiguous range of sentences.
pub(super) fn bag_of(side: &Prepared, range: &Range<usize>) -> Vec<(u32, u32)> {
    let mut bag: Vec<(u32, u32)> = Vec::new();
    for s in range.clone() {
        bag = union(&bag, &side.terms[s]);
    }
    bag
}
