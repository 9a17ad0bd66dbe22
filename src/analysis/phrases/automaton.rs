//! A suffix automaton over `u32` symbols, built one symbol at a time, for the shared phrases.
//!
//! Its memory is most of the phrase search's: a text of n symbols has fewer than 2n states and
//! 3n transitions (texts of words about 1.1n states and 1.4n transitions). Most states have
//! one way on: a state's first transition is kept beside it, and only the others go in a hash
//! table keyed by `(state, symbol)` (12 bytes an entry), a quarter of them on the 1 MiB pair.
//! Those others are also kept as a list through one flat buffer, not a vector per state, to
//! copy them when a state is cloned.

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
    /// Each state's first transition: its symbol and target ([`NONE`]: it has none).
    first_symbol: Vec<u32>,
    first_target: Vec<u32>,
    /// The transitions after each state's first.
    next: EdgeMap,
    /// Each state's last added transition in `edges` of those after its first ([`NONE`]: it
    /// has none).
    last_edge: Vec<u32>,
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
    ///
    /// The transitions past a state's first are a quarter to a half of `n` (0.23 on the 1 MiB
    /// pair, 0.36 on a 256 KiB one), and a table's entries land on every page of it: the table
    /// starts small and grows to what the text needs, rather than sized for the most (on the
    /// 1 MiB pair, 1.7 MB where it was 3.4). The lists filled in order are sized for the most:
    /// what they do not fill of a large buffer (pages of its own, see `tune_allocator` in
    /// main.rs) is never touched.
    pub(super) fn with_capacity(n: usize) -> Self {
        let mut a = Self {
            len: Vec::with_capacity(n + n / 4 + 1),
            link: Vec::with_capacity(n + n / 4 + 1),
            first_symbol: Vec::with_capacity(n + n / 4 + 1),
            first_target: Vec::with_capacity(n + n / 4 + 1),
            next: EdgeMap::with_capacity_and_hasher(n / 8 + 1, Default::default()),
            last_edge: Vec::with_capacity(n + n / 4 + 1),
            edges: Vec::with_capacity(n / 2 + 1),
            last: 0,
        };
        a.state(0, NONE);
        a
    }

    fn state(&mut self, len: u32, link: u32) -> u32 {
        self.len.push(len);
        self.link.push(link);
        self.first_symbol.push(NONE);
        self.first_target.push(NONE);
        self.last_edge.push(NONE);
        (self.len.len() - 1) as u32
    }

    /// Where `state` goes on `symbol`, if anywhere.
    fn target(&self, state: u32, symbol: u32) -> Option<u32> {
        let s = state as usize;
        let first = self.first_target[s];
        if first == NONE {
            None
        } else if self.first_symbol[s] == symbol {
            Some(first)
        } else {
            self.next.get(&edge(state, symbol)).copied()
        }
    }

    /// Sets where `from` goes on `symbol`.
    fn set(&mut self, from: u32, symbol: u32, to: u32) {
        let f = from as usize;
        if self.first_target[f] == NONE || self.first_symbol[f] == symbol {
            self.first_symbol[f] = symbol;
            self.first_target[f] = to;
        } else if self.next.insert(edge(from, symbol), to).is_none() {
            self.edges.push((symbol, self.last_edge[f]));
            self.last_edge[f] = (self.edges.len() - 1) as u32;
        }
    }

    /// Appends `symbol`; returns the state of the whole text so far.
    pub(super) fn push(&mut self, symbol: u32) -> u32 {
        let cur = self.state(self.len[self.last as usize] + 1, NONE);
        let mut p = self.last;
        while p != NONE && self.target(p, symbol).is_none() {
            self.set(p, symbol, cur);
            p = self.link[p as usize];
        }
        if p == NONE {
            self.link[cur as usize] = 0;
        } else if let Some(q) = self.target(p, symbol) {
            if self.len[p as usize] + 1 == self.len[q as usize] {
                self.link[cur as usize] = q;
            } else {
                let clone = self.state(self.len[p as usize] + 1, self.link[q as usize]);
                self.copy_transitions(q, clone);
                while p != NONE && self.target(p, symbol) == Some(q) {
                    self.set(p, symbol, clone);
                    p = self.link[p as usize];
                }
                self.link[q as usize] = clone;
                self.link[cur as usize] = clone;
            }
        }
        self.last = cur;
        cur
    }

    /// Gives `to` (new, with none) the transitions of `from`.
    fn copy_transitions(&mut self, from: u32, to: u32) {
        let f = from as usize;
        self.set(to, self.first_symbol[f], self.first_target[f]);
        let mut e = self.last_edge[f];
        while e != NONE {
            let (symbol, previous) = self.edges[e as usize];
            if let Some(target) = self.next.get(&edge(from, symbol)).copied() {
                self.set(to, symbol, target);
            }
            e = previous;
        }
    }

    /// The states, the transitions (the larger part) dropped.
    pub(super) fn into_states(self) -> States {
        let Self {
            len,
            link,
            next,
            last_edge,
            ..
        } = self;
        drop(next);
        // A state with transitions past its first has two or more.
        let branching = last_edge.iter().map(|&e| e != NONE).collect();
        States {
            len,
            link,
            branching,
        }
    }
}
