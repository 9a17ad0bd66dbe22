//! What the phrase search reads off the automaton's suffix-link tree once the transitions are
//! gone: which states occur on enough sides, the candidates, and the Euler tour that lists a
//! state's end positions.
//!
//! Each array here is one `u32` (or less) per state, and on the 1 MiB pair the states are
//! 400,000: each stage drops what the next does not read, so that no more than four of them
//! are alive at a time.

use super::automaton::NONE;
use super::{MIN_WORDS, Symbols};

/// The states (indices of `len`) by length, longest first, in linear time. Every state comes
/// before its suffix link (which is shorter).
pub(super) fn by_length_longest_first(len: &[u32]) -> Vec<u32> {
    let longest = len.iter().copied().max().unwrap_or(0) as usize;
    // starts[l]: where the states of length l begin, counting from the longest.
    let mut starts = vec![0u32; longest + 2];
    for &l in len {
        starts[longest - l as usize + 1] += 1;
    }
    for l in 1..starts.len() {
        starts[l] += starts[l - 1];
    }
    let mut order = vec![0u32; len.len()];
    for (v, &l) in len.iter().enumerate() {
        let slot = &mut starts[longest - l as usize];
        order[*slot as usize] = v as u32;
        *slot += 1;
    }
    order
}

/// Per side, whether each state occurs there, and each state's first end position (for a
/// stable order): summed up the suffix-link tree, `order` (longest first) reaching every state
/// before its link. Whether, not how often: the candidates ask no more, and a flag is a
/// quarter of a count.
pub(super) fn presence(
    link: &[u32],
    order: &[u32],
    ends: &[u32],
    symbols: &Symbols,
    n_sides: usize,
) -> (Vec<Vec<bool>>, Vec<u32>) {
    let n_states = link.len();
    let mut present = vec![vec![false; n_states]; n_sides];
    let mut first_end = vec![NONE; n_states];
    for ((p, &end), origin) in ends.iter().enumerate().zip(symbols.origins()) {
        if let Some(o) = origin {
            present[o.side as usize][end as usize] = true;
        }
        let slot = &mut first_end[end as usize];
        *slot = (*slot).min(p as u32);
    }
    for &v in order {
        let link = link[v as usize];
        if link != NONE {
            for side in &mut present {
                side[link as usize] |= side[v as usize];
            }
            first_end[link as usize] = first_end[link as usize].min(first_end[v as usize]);
        }
    }
    (present, first_end)
}

/// What the candidates are chosen by, per state.
pub(super) struct Facts<'a> {
    pub(super) len: &'a [u32],
    pub(super) branching: &'a [bool],
    pub(super) present: &'a [Vec<bool>],
    pub(super) first_end: &'a [u32],
}

/// Candidates `(length, first end, state)`: maximal repeats in enough sides, long enough,
/// not only function words; longest first, between equals the one found first.
pub(super) fn candidates(
    symbols: &Symbols,
    facts: &Facts<'_>,
    min_sides: usize,
) -> Vec<(u32, u32, u32)> {
    let Facts {
        len,
        branching,
        present,
        first_end,
    } = facts;
    let has_content = |v: usize| {
        let end = first_end[v] as usize;
        let len = len[v] as usize;
        symbols.sequence[end + 1 - len..=end]
            .iter()
            .any(|&sym| !symbols.stop[sym as usize])
    };
    let mut candidates: Vec<(u32, u32, u32)> = (1..len.len())
        .filter(|&v| {
            len[v] as usize >= MIN_WORDS
                && present.iter().filter(|side| side[v]).count() >= min_sides
                && branching[v]
                && has_content(v)
        })
        .map(|v| (len[v], first_end[v], v as u32))
        .collect();
    candidates.sort_unstable_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    candidates
}

/// The end positions of each state, through an Euler tour of the suffix-link tree: a state's
/// end positions are the positions whose whole-prefix state lies in its subtree, which the
/// tour enters one after the other.
pub(super) struct Tour {
    /// Per state, when the tour enters it: its subtree is entered in `enter[v]..leave[v]`.
    enter: Vec<u32>,
    leave: Vec<u32>,
    /// Per enter time, the word position whose whole-prefix state is entered then ([`NONE`]:
    /// a state of no word position).
    at_time: Vec<u32>,
}

impl Tour {
    /// The tour of the tree of `link`, with `order` its states longest first (children before
    /// their parent); `ends[p]` is the state made for position `p`. Takes the three to drop
    /// them as soon as they are read: no child lists, no stack.
    pub(super) fn new(link: Vec<u32>, order: Vec<u32>, ends: Vec<u32>, symbols: &Symbols) -> Self {
        let n = link.len();
        // Subtree sizes, children before parents; kept in `leave` until a state is entered.
        let mut leave = vec![1u32; n];
        for &v in &order {
            let parent = link[v as usize];
            if parent != NONE {
                leave[parent as usize] += leave[v as usize];
            }
        }
        // Parents before children (shortest first, the root first): a state is entered where
        // its parent's next child goes, `leave[parent]` then moves past its subtree, and its
        // own `leave` is where its first child goes. Once all its children are in, that is
        // past its whole subtree: its leave time.
        let mut enter = vec![0u32; n];
        for &v in order.iter().rev() {
            let v = v as usize;
            let size = leave[v];
            let parent = link[v];
            if parent != NONE {
                enter[v] = leave[parent as usize];
                leave[parent as usize] += size;
            }
            leave[v] = enter[v] + 1;
        }
        drop((link, order));
        let mut at_time = vec![NONE; n];
        for (p, (&end, origin)) in ends.iter().zip(symbols.origins()).enumerate() {
            if origin.is_some() {
                at_time[enter[end as usize] as usize] = p as u32;
            }
        }
        Self {
            enter,
            leave,
            at_time,
        }
    }

    /// The word positions where `state` ends, in tour order.
    pub(super) fn occurrences(&self, state: u32) -> impl Iterator<Item = u32> + '_ {
        let (a, b) = (self.enter[state as usize], self.leave[state as usize]);
        self.at_time[a as usize..b as usize]
            .iter()
            .copied()
            .filter(|&p| p != NONE)
    }
}

/// The state made for each of the `n` positions of the sequence (whose longest string is the
/// whole prefix ending there), read off the states' lengths: states are made in order, the one
/// of position `p` is `p + 1` long, and a state cloned while adding `p` is shorter (at most
/// `p`: a proper suffix of the prefix before it, one symbol longer).
pub(super) fn position_states(len: &[u32], n: usize) -> Vec<u32> {
    let mut ends = Vec::with_capacity(n);
    for (v, &l) in len.iter().enumerate().skip(1) {
        if l as usize == ends.len() + 1 {
            ends.push(v as u32);
        }
    }
    ends
}
