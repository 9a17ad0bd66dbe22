//! Work split over the cores (two tasks side by side, or items in contiguous chunks) and
//! joined in order: the result is the one the same work gives on one thread.

use std::num::NonZeroUsize;

/// Most threads one map uses: the stages it serves are a few milliseconds long, and past a few
/// cores a thread costs more than its share saves.
const MAX_THREADS: usize = 4;

/// How many threads a map uses: as many as there are cores (at most [`MAX_THREADS`]) when
/// `parallel`, else one.
fn threads(parallel: bool) -> usize {
    match parallel {
        true => std::thread::available_parallelism()
            .map_or(1, NonZeroUsize::get)
            .min(MAX_THREADS),
        false => 1,
    }
}

/// Both results, the second computed on a thread of its own when `parallel` (a panic there is
/// passed on to the caller).
pub(crate) fn both<A, B: Send>(
    parallel: bool,
    first: impl FnOnce() -> A,
    second: impl FnOnce() -> B + Send,
) -> (A, B) {
    if !parallel {
        return (first(), second());
    }
    std::thread::scope(|scope| {
        let second = scope.spawn(second);
        let first = first();
        match second.join() {
            Ok(second) => (first, second),
            Err(panic) => std::panic::resume_unwind(panic),
        }
    })
}

/// `0..n` cut into one contiguous range per thread a map uses ([`map`] over them gives each
/// thread one, for work that keeps a scratch table per range).
pub(crate) fn chunks(n: usize, parallel: bool) -> Vec<std::ops::Range<usize>> {
    let size = n.div_ceil(threads(parallel)).max(1);
    (0..n)
        .step_by(size)
        .map(|start| start..(start + size).min(n))
        .collect()
}

/// `work` applied to each of `items`, in order. When `parallel`, the items are split into as
/// many contiguous chunks as there are cores (at most [`MAX_THREADS`]); the calling thread
/// takes the first.
pub(crate) fn map<T, U, F>(items: &[T], parallel: bool, work: F) -> Vec<U>
where
    T: Sync,
    U: Send,
    F: Fn(&T) -> U + Sync,
{
    let threads = threads(parallel);
    if threads <= 1 || items.len() < 2 {
        return items.iter().map(work).collect();
    }
    let chunk = items.len().div_ceil(threads);
    std::thread::scope(|scope| {
        let mut chunks = items.chunks(chunk);
        let first = chunks.next().unwrap_or_default();
        let work = &work;
        let rest: Vec<_> = chunks
            .map(|part| scope.spawn(move || part.iter().map(work).collect::<Vec<U>>()))
            .collect();
        let mut out: Vec<U> = Vec::with_capacity(items.len());
        out.extend(first.iter().map(work));
        for part in rest {
            match part.join() {
                Ok(part) => out.extend(part),
                // A panic in the work is a bug: pass it on to the caller's handler.
                Err(panic) => std::panic::resume_unwind(panic),
            }
        }
        out
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Any number of items, split or not, gives the sequential result in its order.
    #[test]
    fn a_parallel_map_keeps_the_order() {
        for n in [0, 1, 2, 3, 7, 100, 1001] {
            let items: Vec<usize> = (0..n).collect();
            let square = |i: &usize| i * i + 1;
            let sequential = map(&items, false, square);
            assert_eq!(sequential, items.iter().map(square).collect::<Vec<_>>());
            assert_eq!(map(&items, true, square), sequential);
            for parallel in [false, true] {
                let cut = chunks(n, parallel);
                let joined: Vec<usize> = cut.iter().flat_map(Clone::clone).collect();
                assert_eq!(joined, items);
                assert!(cut.iter().all(|range| !range.is_empty()));
            }
        }
    }
}
