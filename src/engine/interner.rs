//! Dense ids for strings: the keys and terms of a comparison's sides compare as integers.

use rustc_hash::FxHashMap as HashMap;

/// Interns strings to dense ids shared by both sides, so keys compare as integers.
#[derive(Default)]
pub struct Interner {
    ids: HashMap<String, u32>,
}

impl Interner {
    /// The id of `key`, allocating one the first time it is seen. Always inlined: it runs for every
    /// token, and left to itself the compiler stopped inlining it once a collation called
    /// `prepare` from a second place (+15 M instructions on the 1 MiB pair).
    #[inline(always)]
    pub fn intern(&mut self, key: &str) -> u32 {
        if let Some(&id) = self.ids.get(key) {
            return id;
        }
        let next = self.ids.len() as u32;
        self.ids.insert(key.to_owned(), next);
        next
    }

    /// Interns every string of `other` in the order of its ids; gives, by id there, each one's
    /// id here. A side prepared with tables of its own, then renumbered with these
    /// ([`Prepared::renumber`]), has the ids it would have had prepared with this table: the
    /// strings new here are interned in the order the side first met them.
    pub fn absorb(&mut self, other: &Interner) -> Vec<u32> {
        let mut by_id: Vec<&str> = vec![""; other.ids.len()];
        for (name, &id) in &other.ids {
            by_id[id as usize] = name;
        }
        by_id.into_iter().map(|name| self.intern(name)).collect()
    }

    /// The interned strings, indexed by id.
    pub fn names(&self) -> Vec<String> {
        let mut names = vec![String::new(); self.ids.len()];
        for (name, &id) in &self.ids {
            names[id as usize] = name.clone();
        }
        names
    }
}
