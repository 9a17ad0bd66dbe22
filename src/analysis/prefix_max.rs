//! Prefix maxima over positions (a Fenwick tree), for the shared phrases: which word ranges
//! are already inside a phrase taken.

/// Prefix maxima over positions, raised one position at a time (a Fenwick tree). Values are
/// word positions, kept as `u32`: one per word of a side, and a 1 MiB pair has 370,000.
pub(super) struct PrefixMax {
    tree: Vec<u32>,
}

impl PrefixMax {
    pub(super) fn new(n: usize) -> Self {
        Self {
            tree: vec![0; n + 1],
        }
    }

    /// Records `value` at `at`.
    pub(super) fn raise(&mut self, at: usize, value: usize) {
        // Positions in a text the loaders accept are far below 2^32.
        let value = u32::try_from(value).unwrap_or(u32::MAX);
        let mut k = at + 1;
        while k < self.tree.len() {
            self.tree[k] = self.tree[k].max(value);
            k += k & k.wrapping_neg();
        }
    }

    /// The largest value recorded at a position up to `at`.
    pub(super) fn max_upto(&self, at: usize) -> usize {
        let mut k = (at + 1).min(self.tree.len() - 1);
        let mut best = 0;
        while k > 0 {
            best = best.max(self.tree[k]);
            k &= k - 1;
        }
        best as usize
    }
}
