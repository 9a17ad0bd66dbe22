//! How a comparison is asked for: [`Comparer`] (the options, what the engine knows, a cancel
//! flag), [`Knowledge`] and [`Cancel`].

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use super::decisions::Decision;
use super::segment::Sentence;
use super::{
    Comparison, Equivalences, Given, Lexicon, Options, PreparedPair, compare_inner, links,
};

/// What the engine knows beyond the two texts and the options: the table of equivalent terms,
/// the table of counterparts (vocabulary that counts as one concept for the links) and the
/// analyst's decisions on links ([`decisions`]). All of it is data: the engine stays pure. Built
/// like the options, from the built-in tables.
///
/// ```
/// use parallax::engine::{Comparer, Decision, Knowledge, LinkKind, Options, Verdict};
///
/// let left = "The talks were held in Doha. Tea was served.";
/// let right = "Coffee followed. The meeting took place in Qatar.";
/// let decisions = [Decision::new(
///     "Tea was served.",
///     "Coffee followed.",
///     Verdict::Link(LinkKind::Related),
/// )];
/// let knowing = Knowledge::default().decisions(&decisions);
/// let options = Options::default();
/// let comparison = Comparer::new(&options).knowledge(knowing).compare(left, right);
/// // The analyst's link stands level, whatever the threshold.
/// assert!(comparison.rows.iter().any(|row| row.left == [1] && row.right == [0]));
/// ```
#[derive(Clone, Copy)]
pub struct Knowledge<'a> {
    /// Equivalent terms (used when `options.use_equivalences` is on).
    pub equivalences: &'a Equivalences,
    /// The counterparts vocabulary of the links.
    pub lexicon: &'a Lexicon,
    /// The analyst's decisions on links, as the caller's left and right read.
    pub decisions: &'a [Decision],
}

impl Default for Knowledge<'_> {
    fn default() -> Self {
        Self::new(Equivalences::builtin_ref())
    }
}

impl<'a> Knowledge<'a> {
    /// `equivalences`, the built-in counterparts and no decisions.
    pub fn new(equivalences: &'a Equivalences) -> Self {
        Self {
            equivalences,
            lexicon: Lexicon::builtin(),
            decisions: &[],
        }
    }

    /// Sets the counterparts vocabulary.
    #[must_use]
    pub fn lexicon(mut self, lexicon: &'a Lexicon) -> Self {
        self.lexicon = lexicon;
        self
    }

    /// Sets the analyst's decisions.
    #[must_use]
    pub fn decisions(mut self, decisions: &'a [Decision]) -> Self {
        self.decisions = decisions;
        self
    }
}

/// A cheap, shareable cancellation flag: the window cancels a comparison a newer request has
/// superseded (a slider drag asks for one per frame). Clones share the flag.
#[derive(Debug, Clone, Default)]
pub struct Cancel(Arc<AtomicBool>);

impl Cancel {
    /// A flag not yet raised.
    pub fn new() -> Self {
        Self::default()
    }

    /// Raises the flag: work checking it stops at its next check.
    pub fn cancel(&self) {
        self.0.store(true, Ordering::Relaxed);
    }

    /// Whether the flag was raised.
    pub fn is_cancelled(&self) -> bool {
        self.0.load(Ordering::Relaxed)
    }

    pub(crate) fn check(&self) -> Result<(), Cancelled> {
        if self.is_cancelled() {
            Err(Cancelled)
        } else {
            Ok(())
        }
    }
}

/// A comparison stopped because its [`Cancel`] flag was raised.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("cancelled")]
pub struct Cancelled;

/// A comparison to run: the options, what the engine knows (the tables, the analyst's
/// decisions), and a flag that cancels it. Every way of comparing two texts goes through it;
/// [`compare`](super::compare) is the short way with the defaults. Built like the options: start from
/// [`Comparer::new`] and chain the setters.
///
/// ```
/// use parallax::engine::{Cancel, Comparer, Equivalences, Options, RowKind};
///
/// let table = Equivalences::parse("Qatar | Doha").expect("a valid table");
/// let options = Options::default();
/// let cancel = Cancel::new();
/// let comparison = Comparer::new(&options)
///     .equivalences(&table)
///     .cancel(&cancel)
///     .run("The talks were held in Doha.", "The talks were held in Qatar.")
///     .expect("not cancelled");
/// assert_eq!(comparison.rows.len(), 1);
/// assert_ne!(comparison.rows[0].kind, RowKind::LeftOnly);
///
/// // Raised before the run, the flag stops it.
/// cancel.cancel();
/// let stopped = Comparer::new(&options).cancel(&cancel).run("A.", "B.");
/// assert!(stopped.is_err());
/// ```
#[derive(Clone, Copy)]
pub struct Comparer<'a> {
    options: &'a Options,
    knowledge: Knowledge<'a>,
    params: Option<&'a links::Params>,
    cancel: Option<&'a Cancel>,
    given: Given<'a>,
}

impl<'a> Comparer<'a> {
    /// A comparison with `options`, the built-in tables, no decisions and no cancel flag.
    pub fn new(options: &'a Options) -> Self {
        Self {
            options,
            knowledge: Knowledge::default(),
            params: None,
            cancel: None,
            given: Given::Texts,
        }
    }

    /// Sets the table of equivalent terms (used when `options.use_equivalences` is on).
    #[must_use]
    pub fn equivalences(mut self, equivalences: &'a Equivalences) -> Self {
        self.knowledge.equivalences = equivalences;
        self
    }

    /// Sets all the engine knows: tables and the analyst's decisions.
    #[must_use]
    pub fn knowledge(mut self, knowledge: Knowledge<'a>) -> Self {
        self.knowledge = knowledge;
        self
    }

    /// Sets the cancellation flag: the run stops early, between stages and every few hundred
    /// rows, once it is raised.
    #[must_use]
    pub fn cancel(mut self, cancel: &'a Cancel) -> Self {
        self.cancel = Some(cancel);
        self
    }

    /// Sets other thresholds for counterpart links: for tuning them on gold links
    /// (`examples/tune_links.rs`), not for the product.
    #[doc(hidden)]
    #[must_use]
    pub fn params(mut self, params: &'a links::Params) -> Self {
        self.params = Some(params);
        self
    }

    /// Sets the two texts' sentences, as [`crate::engine::segment::sentences`] splits them, when
    /// the caller has them already (the CLI splits a statement once for its comparison and
    /// its insights). Sentences that do not partition their text are set aside and the text
    /// split again: the comparison stays lossless whatever is given.
    #[must_use]
    pub fn split(mut self, left: &'a [Sentence], right: &'a [Sentence]) -> Self {
        self.given = Given::Split([left, right]);
        self
    }

    /// Sets the two texts as prepared before (a collation prepares each document once).
    #[must_use]
    pub(crate) fn prepared(mut self, prepared: PreparedPair<'a>) -> Self {
        self.given = Given::Prepared(prepared);
        self
    }

    /// Compares `left` with `right`; `Err` only when the cancel flag was raised.
    pub fn run(&self, left: &str, right: &str) -> Result<Comparison, Cancelled> {
        let never = Cancel::new();
        let default_params;
        let params = match self.params {
            Some(params) => params,
            None => {
                default_params = links::Params::default();
                &default_params
            }
        };
        compare_inner(
            left,
            right,
            self.options,
            &self.knowledge,
            params,
            self.cancel.unwrap_or(&never),
            self.given,
        )
    }

    /// Compares `left` with `right` to the end: a cancel flag set on this comparer is not
    /// consulted.
    pub fn compare(&self, left: &str, right: &str) -> Comparison {
        let uncancellable = Self {
            cancel: None,
            ..*self
        };
        match uncancellable.run(left, right) {
            Ok(comparison) => comparison,
            // Without a flag nothing cancels the run.
            Err(Cancelled) => unreachable!("a comparison without a cancel flag was cancelled"),
        }
    }
}
