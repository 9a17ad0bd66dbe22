//! What a comparison ignores and how eagerly it pairs reworded sentences.

use serde::Serialize;

/// What to ignore and how eagerly to pair reworded sentences. Built like `similar`'s config:
/// start from the default and chain the setters.
///
/// ```
/// use parallax::engine::{Options, RowKind, compare};
///
/// let options = Options::default()
///     .ignore_case(true)
///     .ignore_punctuation(true)
///     .threshold(0.5);
/// assert!(options.ignore_case && options.ignore_punctuation);
/// assert_eq!(options.threshold, 0.5);
/// // The rest keeps its default.
/// assert!(options.use_equivalences);
/// assert_eq!(options.timeout_ms, Options::default().timeout_ms);
///
/// // The threshold is clamped to 0..=1, and NaN means the default.
/// assert_eq!(Options::default().threshold(7.0).threshold, 1.0);
/// assert_eq!(Options::default().threshold(-1.0).threshold, 0.0);
/// assert_eq!(Options::default().threshold(f32::NAN), Options::default());
///
/// // What the options ignore makes sentences identical.
/// let left = "The Talks Ended.";
/// let right = "the talks ended";
/// let strict = compare(left, right, &Options::default());
/// let loose = compare(left, right, &options);
/// assert!(strict.rows.iter().all(|row| row.kind != RowKind::Identical));
/// assert_eq!(loose.rows.len(), 1);
/// assert_eq!(loose.rows[0].kind, RowKind::Identical);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Serialize, serde::Deserialize)]
pub struct Options {
    /// Compare without regard to letter case.
    pub ignore_case: bool,
    /// Leave punctuation out of the comparison.
    pub ignore_punctuation: bool,
    /// Least similarity (0..=1, IDF-weighted over content words) for two reworded sentences to
    /// be paired; below it they are shown as one-sided.
    pub threshold: f32,
    /// Time budget for the whole comparison's diffs, in milliseconds; past it diffs coarsen
    /// (still correct, less minimal) instead of running on.
    pub timeout_ms: u64,
    /// Count equivalent terms ("US" and "United States") as the same term.
    #[serde(default = "yes")]
    pub use_equivalences: bool,
    /// Show words that match only once spelling and typography are folded ("U.S." and "US",
    /// "d’Affaires" and "d'Affaires") as equivalent wording instead of the same wording: a row
    /// that differs only by them is then `modified` with a similarity of 1.
    #[serde(default)]
    pub mark_variants: bool,
}

fn yes() -> bool {
    true
}

impl Default for Options {
    fn default() -> Self {
        Self {
            ignore_case: false,
            ignore_punctuation: false,
            threshold: 0.4,
            timeout_ms: 5_000,
            use_equivalences: true,
            mark_variants: false,
        }
    }
}

impl Options {
    /// Sets whether case is ignored.
    #[must_use]
    pub fn ignore_case(mut self, on: bool) -> Self {
        self.ignore_case = on;
        self
    }

    /// Sets whether punctuation is ignored.
    #[must_use]
    pub fn ignore_punctuation(mut self, on: bool) -> Self {
        self.ignore_punctuation = on;
        self
    }

    /// Sets whether spelling and typography variants are marked as equivalent wording.
    #[must_use]
    pub fn mark_variants(mut self, on: bool) -> Self {
        self.mark_variants = on;
        self
    }

    /// Sets whether equivalent terms count as the same term.
    #[must_use]
    pub fn use_equivalences(mut self, on: bool) -> Self {
        self.use_equivalences = on;
        self
    }

    /// Sets the pairing threshold, clamped to 0..=1.
    #[must_use]
    pub fn threshold(mut self, threshold: f32) -> Self {
        self.threshold = if threshold.is_nan() {
            Self::default().threshold
        } else {
            threshold.clamp(0.0, 1.0)
        };
        self
    }
}
