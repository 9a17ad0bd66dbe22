//! Fixed-point rounding, one home for it: weights and distances are rounded to multiples of
//! 2^-20 before they are summed or compared, so that every sum of them is exact and a result
//! does not depend on the order terms were met in (which text is on the left, which document
//! of a collation came first).

/// Values are rounded to multiples of `1 / QUANTUM`.
const QUANTUM: f64 = (1u64 << 20) as f64;

/// `x` rounded to the nearest multiple of 2^-20.
#[inline]
pub(crate) fn round(x: f64) -> f64 {
    (x * QUANTUM).round() / QUANTUM
}

/// `x` (at least 0) as a whole number of 2^-20 steps: a sort key that orders as `x` does and
/// treats values within half a step as equal.
#[inline]
pub(crate) fn steps(x: f64) -> u64 {
    (x * QUANTUM).round() as u64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounded_weights_sum_the_same_in_any_order() {
        let weights: Vec<f64> = (1..200)
            .map(|i| round((f64::from(i) * 0.37).ln()))
            .collect();
        let forward: f64 = weights.iter().sum();
        let backward: f64 = weights.iter().rev().sum();
        assert_eq!(forward, backward);
        assert_eq!(steps(0.5), 1 << 19);
        assert!(steps(0.25) < steps(0.26));
    }
}
