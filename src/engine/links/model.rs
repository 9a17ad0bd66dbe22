//! The link model: a logistic regression over the evidence two sentences give of being
//! counterparts, fitted on gold links of real readout pairs (`examples/fit_links.py`, which
//! writes `assets/link-model.txt`).
//!
//! Each candidate pair is described by [`FEATURES`]; the model's probability that a careful
//! reader links the two decides the link. The weights are learnt rather than set by hand so
//! that every piece of evidence counts as much as the gold links show it is worth, and the
//! fitting script reports how well that holds on pairs (and countries) it did not see.

/// The names of the features, in the order of [`Features`] and of the model file.
pub const FEATURES: [&str; 21] = [
    "bias",
    "cosine",
    "score",
    "rare",
    "names",
    "role",
    "opener",
    "title",
    "title_opener",
    "title_mismatch",
    "opener_mismatch",
    "opener_meeting",
    "mutual",
    "rank",
    "distance",
    "generic",
    "heading",
    "length",
    "contain",
    "bigrams",
    "short_best",
];

/// The index of the feature called `name` in [`FEATURES`] (a compile error when there is none).
pub(super) const fn feature(name: &str) -> usize {
    let mut i = 0;
    while i < FEATURES.len() {
        if same(FEATURES[i].as_bytes(), name.as_bytes()) {
            return i;
        }
        i += 1;
    }
    panic!("no such feature")
}

/// Whether two byte strings are equal (in a `const fn`).
const fn same(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// How many features a pair has.
pub const N_FEATURES: usize = FEATURES.len();

/// The features of one candidate pair, in the order of [`FEATURES`].
pub type Features = [f64; N_FEATURES];

/// A fitted link model: a weight per feature and the least probability of a link.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Model {
    /// One weight per feature, in the order of [`FEATURES`].
    pub weights: Features,
    /// Least probability for a link.
    pub threshold: f64,
}

impl Model {
    /// The model shipped with the program (`assets/link-model.txt`).
    pub fn builtin() -> Self {
        // Read once: every comparison (each pair of a collation) asks for it.
        static MODEL: std::sync::OnceLock<Model> = std::sync::OnceLock::new();
        *MODEL.get_or_init(|| {
            // The file ships with the program and a test parses it: it cannot fail at run time.
            Self::parse(include_str!("../../../assets/link-model.txt")).unwrap_or(Self {
                weights: [0.0; N_FEATURES],
                threshold: 1.0,
            })
        })
    }

    /// Reads a model: lines `NAME WEIGHT` for every feature and `threshold P`; `#` starts a
    /// comment. Every feature must be given once.
    pub fn parse(text: &str) -> Result<Self, String> {
        let mut weights = [f64::NAN; N_FEATURES];
        let mut threshold = None;
        for (n, line) in text.lines().enumerate() {
            let line = line.split('#').next().unwrap_or("").trim();
            if line.is_empty() {
                continue;
            }
            let mut parts = line.split_whitespace();
            let (Some(name), Some(value), None) = (parts.next(), parts.next(), parts.next()) else {
                return Err(format!("line {}: expected NAME VALUE", n + 1));
            };
            let value: f64 = value
                .parse()
                .ok()
                .filter(|v: &f64| v.is_finite())
                .ok_or_else(|| format!("line {}: {value:?} is not a number", n + 1))?;
            if name == "threshold" {
                threshold = Some(value);
            } else if let Some(i) = FEATURES.iter().position(|f| *f == name) {
                weights[i] = value;
            } else {
                return Err(format!("line {}: unknown feature {name:?}", n + 1));
            }
        }
        if let Some(i) = weights.iter().position(|w| w.is_nan()) {
            return Err(format!("feature {:?} has no weight", FEATURES[i]));
        }
        let threshold = threshold.ok_or("no threshold")?;
        Ok(Self { weights, threshold })
    }

    /// The probability that a careful reader links a pair with these features.
    pub fn probability(&self, features: &Features) -> f64 {
        let z: f64 = self.weights.iter().zip(features).map(|(w, x)| w * x).sum();
        1.0 / (1.0 + (-z).exp())
    }

    /// Whether a pair with these features is a link.
    pub fn links(&self, features: &Features) -> bool {
        self.probability(features) >= self.threshold
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_model_parses() {
        let text = include_str!("../../../assets/link-model.txt");
        let model = Model::parse(text).expect("assets/link-model.txt parses");
        assert!(model.threshold > 0.0 && model.threshold < 1.0);
        assert_eq!(model, Model::builtin());
    }

    #[test]
    fn a_model_missing_a_feature_or_with_junk_is_refused() {
        assert!(Model::parse("threshold 0.5").is_err());
        let mut text: String = FEATURES.iter().map(|f| format!("{f} 1\n")).collect();
        assert!(Model::parse(&text).is_err(), "no threshold");
        text.push_str("threshold 0.5\n");
        assert!(Model::parse(&text).is_ok());
        assert!(Model::parse(&format!("{text}bogus 1\n")).is_err());
        assert!(Model::parse(&format!("{text}score NaN\n")).is_err());
    }

    #[test]
    fn more_evidence_is_a_likelier_link() {
        let model = Model::builtin();
        let mut weak = [0.0; N_FEATURES];
        weak[0] = 1.0;
        let mut strong = weak;
        strong[2] = 0.8;
        strong[3] = 1.5;
        assert!(model.probability(&strong) > model.probability(&weak));
    }
}
