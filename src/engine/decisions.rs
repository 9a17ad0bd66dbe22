//! The analyst's decisions on links: data the engine applies, never I/O.
//!
//! A decision names its two sentences by their text (whitespace runs count as one space), not
//! by index, so that it survives a reload, other options and small edits elsewhere in either
//! file. The engine applies them while it forms the rows ([`super::compare_decided`]):
//! - a **rejected** pair is never paired in a row nor listed as a link;
//! - an analyst's **link** pairs its two sentences in a row of their own (equivalent or related)
//!   whatever the pairing threshold, before any other pairing, and is listed as a link;
//! - a **confirmed** link is listed whatever the options, and pairs its sentences before any
//!   other counterpart link when both are still open.
//!
//! Losslessness holds whatever the decisions: they only choose which sentences share a row.
//! A decision whose sentence is in neither text is *stale*: it changes nothing and is kept, for
//! the analyst to see and remove ([`Decision::is_stale`]).

use rustc_hash::{FxHashMap, FxHashSet};
use serde::{Deserialize, Serialize};

use super::links::LinkKind;
use super::segment::Sentence;

/// What the analyst decided about a pair of sentences.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// The link is right: keep it whatever the options.
    Confirm,
    /// The link is wrong: the two sentences are not counterparts.
    Reject,
    /// The two are counterparts of this kind (equivalent or related), whatever the engine found.
    Link(LinkKind),
}

impl Verdict {
    /// What the decision list and the reports call it.
    pub fn name(self) -> &'static str {
        match self {
            Self::Confirm => "confirmed",
            Self::Reject => "rejected",
            Self::Link(LinkKind::Related) => "linked as related",
            Self::Link(_) => "linked as equivalent",
        }
    }
}

/// One decision: the left sentence's text, the right sentence's text and the verdict.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Decision {
    /// The left sentence, as it reads.
    pub left: String,
    /// The right sentence, as it reads.
    pub right: String,
    /// What was decided.
    pub verdict: Verdict,
}

impl Decision {
    /// A decision on two sentences' texts.
    pub fn new(left: impl Into<String>, right: impl Into<String>, verdict: Verdict) -> Self {
        Self {
            left: left.into(),
            right: right.into(),
            verdict,
        }
    }

    /// The same decision seen with the sides swapped.
    #[must_use]
    pub fn mirrored(&self) -> Self {
        Self {
            left: self.right.clone(),
            right: self.left.clone(),
            verdict: self.verdict,
        }
    }

    /// Whether it names the same two sentences as `other` (whatever the verdicts).
    pub fn same_pair(&self, other: &Decision) -> bool {
        key(&self.left) == key(&other.left) && key(&self.right) == key(&other.right)
    }

    /// Whether one of its sentences is no longer in its text: it then applies to nothing.
    pub fn is_stale(
        &self,
        (left_text, left_sentences): (&str, &[Sentence]),
        (right_text, right_sentences): (&str, &[Sentence]),
    ) -> bool {
        let found = |text: &str, sentences: &[Sentence], wanted: &str| {
            let wanted = key(wanted);
            sentences.iter().any(|s| {
                text.get(s.content.range())
                    .is_some_and(|t| key(t) == wanted)
            })
        };
        !found(left_text, left_sentences, &self.left)
            || !found(right_text, right_sentences, &self.right)
    }
}

/// A sentence's text as decisions compare it: whitespace runs as one space, trimmed.
pub fn key(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Decisions resolved to sentence indexes of one comparison (in the engine's orientation).
#[derive(Debug, Default, Clone)]
pub(crate) struct Resolved {
    /// Pairs never to pair nor link.
    pub rejected: FxHashSet<(usize, usize)>,
    /// Pairs the analyst linked, in decision order, with the kind.
    pub linked: Vec<(usize, usize, LinkKind)>,
    /// Pairs the analyst confirmed.
    pub confirmed: FxHashSet<(usize, usize)>,
}

impl Resolved {
    /// Whether `l` and `r` may share a row or a link.
    pub fn allows(&self, l: usize, r: usize) -> bool {
        !self.rejected.contains(&(l, r))
    }

    /// Whether the analyst linked or confirmed this pair.
    pub fn by_analyst(&self, l: usize, r: usize) -> bool {
        self.confirmed.contains(&(l, r)) || self.linked.iter().any(|&(a, b, _)| (a, b) == (l, r))
    }

    /// Whether there is nothing to apply.
    pub fn is_empty(&self) -> bool {
        self.rejected.is_empty() && self.linked.is_empty() && self.confirmed.is_empty()
    }
}

/// Resolves `decisions` (left and right as the caller's) to the sentence indexes of two texts
/// compared as `left` and `right`; `swapped` says the engine compares them the other way round
/// (its left is the caller's right). A later decision on the same pair of sentences overrides an
/// earlier one; a text found several times applies to each copy.
pub(crate) fn resolve(
    decisions: &[Decision],
    (left, left_sentences): (&str, &[Sentence]),
    (right, right_sentences): (&str, &[Sentence]),
    swapped: bool,
) -> Resolved {
    if decisions.is_empty() {
        return Resolved::default();
    }
    let index = |text: &str, sentences: &[Sentence]| {
        let mut by_key: FxHashMap<String, Vec<usize>> = FxHashMap::default();
        for (i, s) in sentences.iter().enumerate() {
            if let Some(t) = text.get(s.content.range()) {
                by_key.entry(key(t)).or_default().push(i);
            }
        }
        by_key
    };
    let (left_index, right_index) = (index(left, left_sentences), index(right, right_sentences));
    let mut verdicts: Vec<((usize, usize), Verdict)> = Vec::new();
    for decision in decisions {
        let (l_text, r_text) = if swapped {
            (&decision.right, &decision.left)
        } else {
            (&decision.left, &decision.right)
        };
        let (Some(lefts), Some(rights)) =
            (left_index.get(&key(l_text)), right_index.get(&key(r_text)))
        else {
            continue; // stale
        };
        for &l in lefts {
            for &r in rights {
                verdicts.retain(|(pair, _)| *pair != (l, r));
                verdicts.push(((l, r), decision.verdict));
            }
        }
    }
    let mut resolved = Resolved::default();
    for ((l, r), verdict) in verdicts {
        match verdict {
            Verdict::Reject => {
                resolved.rejected.insert((l, r));
            }
            Verdict::Confirm => {
                resolved.confirmed.insert((l, r));
            }
            Verdict::Link(kind) => {
                let kind = match kind {
                    LinkKind::Related => LinkKind::Related,
                    _ => LinkKind::Equivalent,
                };
                resolved.linked.push((l, r, kind));
            }
        }
    }
    resolved
}
