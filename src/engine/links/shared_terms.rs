//! The full link of a pair: the content terms it rests on, named as one side writes them, and
//! where they are in each text.

use super::*;

impl Scorer<'_> {
    /// The full link of a pair: its shared terms and where they are on each side. The terms
    /// are named as the left sentence writes them, or the right one with `named_by_right`.
    pub fn link(
        &self,
        l: usize,
        r: usize,
        kind: LinkKind,
        score: f32,
        named_by_right: bool,
    ) -> Link {
        let mut link = Link::bare(l, r, kind, score);
        let (Some(left), Some(right)) = (self.left_info.get(l), self.right_info.get(r)) else {
            return link;
        };
        if kind == LinkKind::Identical {
            return link;
        }
        // Sorted, as the concepts are.
        let shared: Vec<u32> = left
            .whole
            .concepts
            .iter()
            .filter(|c| right.whole.concepts.binary_search(c).is_ok())
            .copied()
            .collect();
        if shared.is_empty() {
            return link;
        }
        let (left_spans, left_names) =
            self.shared_terms(&shared, self.left_text, self.left, l, !named_by_right);
        let (right_spans, right_names) =
            self.shared_terms(&shared, self.right_text, self.right, r, named_by_right);
        link.left_spans = left_spans;
        link.right_spans = right_spans;
        link.shared = if named_by_right {
            right_names
        } else {
            left_names
        };
        link
    }

    /// Where the `shared` concepts are in sentence `i` of a side (byte spans, in text order),
    /// and, when `named`, their names as it writes them, most telling first.
    fn shared_terms(
        &self,
        shared: &[u32],
        text: &str,
        side: &Prepared,
        i: usize,
        named: bool,
    ) -> (Vec<Span>, Vec<String>) {
        let is_shared = |c: &u32| shared.binary_search(c).is_ok();
        let mut spans = Vec::new();
        let mut names: Vec<(f64, usize, String)> = Vec::new();
        let mut seen: Vec<u32> = Vec::new();
        let words = side.link_terms.get(i).map_or(&[][..], Vec::as_slice);
        for (order, &(start, end, term)) in words.iter().enumerate() {
            let concepts = self.concepts(term);
            if !concepts.iter().any(is_shared) {
                continue;
            }
            spans.push(Span::new(start as usize, end as usize));
            if !named {
                continue;
            }
            let first_new = concepts.iter().find(|c| is_shared(c) && !seen.contains(c));
            if let Some(&c) = first_new {
                seen.push(c);
                let name = text.get(start as usize..end as usize).unwrap_or("");
                names.push((self.weight[c as usize], order, name.to_owned()));
            }
        }
        names.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        (spans, names.into_iter().map(|(_, _, name)| name).collect())
    }
}
