//! A suffix automaton over `u32` symbols, built one symbol at a time, for the shared phrases.
//!
//! Its memory is most of the phrase search's: a text of n symbols has fewer than 2n states and
//! 3n transitions (texts of words about 1.5n of each). A transition is 12 bytes in one hash
//! table keyed by `(state, symbol)`; a state's own symbols are kept as a list through one flat
//! buffer, not a vector per state, to copy them when a state is cloned.

use std::hash::{BuildHasherDefault, Hash, Hasher};

/// No state, no edge.
pub(super) const NONE: u32 = u32::MAX;

/// A fast hasher for the transitions' keys: one `u64` each.
#[derive(Default)]
struct IntHasher(u64);

impl Hasher for IntHasher {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u64(u64::from(b));
        }
    }

    fn write_u64(&mut self, n: u64) {
        // splitmix64's finalizer: every bit of the key reaches the low bits the table indexes
        // by (a bare multiply would leave them to the symbol alone).
        let mut x = self.0 ^ n;
        x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        self.0 = x ^ (x >> 31);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// A transition's key: from `state` on `symbol`. Two `u32`, not one `u64`, so that an entry
/// of the table (key and target) is 12 bytes, not 16; hashed as the one `u64` they make.
#[derive(Clone, Copy, PartialEq, Eq)]
struct Edge {
    state: u32,
    symbol: u32,
}

impl Hash for Edge {
    fn hash<H: Hasher>(&self, state: &mut H) {
        state.write_u64((u64::from(self.state) << 32) | u64::from(self.symbol));
    }
}

fn edge(state: u32, symbol: u32) -> Edge {
    Edge { state, symbol }
}

type EdgeMap = std::collections::HashMap<Edge, u32, BuildHasherDefault<IntHasher>>;

/// A suffix automaton over `u32` symbols.
pub(super) struct Automaton {
    len: Vec<u32>,
    link: Vec<u32>,
    next: EdgeMap,
    /// Each state's last added outgoing edge in `edges` ([`NONE`]: it has none).
    first: Vec<u32>,
    /// `(symbol, the state's previous edge)`.
    edges: Vec<(u32, u32)>,
    last: u32,
}

/// What the phrase search keeps of an automaton once built: per state, its longest length,
/// its suffix link, and whether it has two or more ways on.
pub(super) struct States {
    pub(super) len: Vec<u32>,
    pub(super) link: Vec<u32>,
    pub(super) branching: Vec<bool>,
}

impl Automaton {
    /// An empty automaton with room for a text of `n` symbols of words.
    pub(super) fn with_capacity(n: usize) -> Self {
        let mut a = Self {
            len: Vec::with_capacity(2 * n + 1),
            link: Vec::with_capacity(2 * n + 1),
            next: EdgeMap::with_capacity_and_hasher(n + n / 2 + 1, Default::default()),
            first: Vec::with_capacity(2 * n + 1),
            edges: Vec::with_capacity(n + n / 2 + 1),
            last: 0,
        };
        a.state(0, NONE);
        a
    }

    fn state(&mut self, len: u32, link: u32) -> u32 {
        self.len.push(len);
        self.link.push(link);
        self.first.push(NONE);
        (self.len.len() - 1) as u32
    }

    fn add(&mut self, from: u32, symbol: u32, to: u32) {
        if self.next.insert(edge(from, symbol), to).is_none() {
            let from = from as usize;
            self.edges.push((symbol, self.first[from]));
            self.first[from] = (self.edges.len() - 1) as u32;
        }
    }

    /// Appends `symbol`; returns the state of the whole text so far.
    pub(super) fn push(&mut self, symbol: u32) -> u32 {
        let cur = self.state(self.len[self.last as usize] + 1, NONE);
        let mut p = self.last;
        while p != NONE && !self.next.contains_key(&edge(p, symbol)) {
            self.add(p, symbol, cur);
            p = self.link[p as usize];
        }
        if p == NONE {
            self.link[cur as usize] = 0;
        } else {
            let q = self.next[&edge(p, symbol)];
            if self.len[p as usize] + 1 == self.len[q as usize] {
                self.link[cur as usize] = q;
            } else {
                let clone = self.state(self.len[p as usize] + 1, self.link[q as usize]);
                let mut e = self.first[q as usize];
                while e != NONE {
                    let (s, previous) = self.edges[e as usize];
                    let to = self.next[&edge(q, s)];
                    self.add(clone, s, to);
                    e = previous;
                }
                while p != NONE && self.next.get(&edge(p, symbol)) == Some(&q) {
                    self.next.insert(edge(p, symbol), clone);
                    p = self.link[p as usize];
                }
                self.link[q as usize] = clone;
                self.link[cur as usize] = clone;
            }
        }
        self.last = cur;
        cur
    }

    /// The states, the transitions (the larger part) dropped.
    pub(super) fn into_states(self) -> States {
        let Self {
            len,
            link,
            next,
            first,
            edges,
            ..
        } = self;
        drop(next);
        let branching = first
            .iter()
            .map(|&e| e != NONE && edges.get(e as usize).is_some_and(|&(_, p)| p != NONE))
            .collect();
        States {
            len,
            link,
            branching,
        }
    }
}
