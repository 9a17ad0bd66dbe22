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

/// The core the calling thread runs on, if the system says.
fn current_core() -> Option<usize> {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    {
        // SAFETY: sched_getcpu only reads the calling thread's state.
        usize::try_from(unsafe { libc::sched_getcpu() }).ok()
    }
    #[cfg(not(all(target_os = "linux", target_env = "gnu")))]
    {
        None
    }
}

/// Moves the calling thread off core `core` (where the thread that started it runs), if
/// another core may run it, then lets it run anywhere again. Linux often put a new thread on
/// the core of the thread that started it, the other core idle, and it waited there 2 to 5
/// ms (the other core took it over only at its next balancing): on a 64 KiB pair, the CLI's
/// reader waited a quarter of the run. A thread started by [`spawn_elsewhere`] calls this
/// first.
fn leave_core(core: Option<usize>) {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    if let Some(core) = core.filter(|&c| c < libc::CPU_SETSIZE as usize) {
        let size = std::mem::size_of::<libc::cpu_set_t>();
        // SAFETY: the sets are plain bit sets of the size given; the calls only read or set
        // the calling thread's affinity (pid 0).
        unsafe {
            let mut allowed: libc::cpu_set_t = std::mem::zeroed();
            if libc::sched_getaffinity(0, size, &mut allowed) != 0
                || !libc::CPU_ISSET(core, &allowed)
                || libc::sched_getcpu() != core as i32
            {
                return;
            }
            let mut elsewhere = allowed;
            libc::CPU_CLR(core, &mut elsewhere);
            if libc::CPU_COUNT(&elsewhere) > 0 && libc::sched_setaffinity(0, size, &elsewhere) == 0
            {
                let _ = libc::sched_setaffinity(0, size, &allowed);
            }
        }
    }
    #[cfg(not(all(target_os = "linux", target_env = "gnu")))]
    let _ = core;
}

/// Starts `work` on a thread of `scope` that leaves the calling thread's core when it first
/// runs ([`leave_core`]), and lets it run now.
pub(crate) fn spawn_elsewhere<'scope, T: Send + 'scope>(
    scope: &'scope std::thread::Scope<'scope, '_>,
    work: impl FnOnce() -> T + Send + 'scope,
) -> std::thread::ScopedJoinHandle<'scope, T> {
    let here = current_core();
    let handle = scope.spawn(move || {
        leave_core(here);
        work()
    });
    std::thread::yield_now();
    handle
}

/// Both results, the second computed on a thread of its own when `parallel` (a panic there is
/// passed on to the caller), which leaves the calling thread's core ([`spawn_elsewhere`]):
/// for work that starts while the other cores are idle (the comparison's stages).
pub(crate) fn both<A, B: Send>(
    parallel: bool,
    first: impl FnOnce() -> A,
    second: impl FnOnce() -> B + Send,
) -> (A, B) {
    both_on(parallel, true, first, second)
}

/// [`both`], the second thread left where the system puts it: for work that runs while the
/// other cores are busy (the insights' reading beside a comparison), where moving it only
/// takes a core from a thread that had one to itself. On the 64 KiB pair, moving the
/// reading's second thread onto the comparison's core made the run 3 ms slower.
pub(crate) fn both_here<A, B: Send>(
    parallel: bool,
    first: impl FnOnce() -> A,
    second: impl FnOnce() -> B + Send,
) -> (A, B) {
    both_on(parallel, false, first, second)
}

fn both_on<A, B: Send>(
    parallel: bool,
    elsewhere: bool,
    first: impl FnOnce() -> A,
    second: impl FnOnce() -> B + Send,
) -> (A, B) {
    if !parallel {
        return (first(), second());
    }
    std::thread::scope(|scope| {
        let second = match elsewhere {
            true => spawn_elsewhere(scope, second),
            false => scope.spawn(second),
        };
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
            .map(|part| spawn_elsewhere(scope, move || part.iter().map(work).collect::<Vec<U>>()))
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

    /// A thread that leaves a core may run on every core it could before: its affinity is
    /// given back as it was (whichever core it left, or none), and work started elsewhere
    /// gives its result.
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    #[test]
    fn a_thread_that_leaves_a_core_keeps_its_affinity() {
        fn affinity() -> Vec<usize> {
            let size = std::mem::size_of::<libc::cpu_set_t>();
            // SAFETY: a plain bit set of the size given, filled for the calling thread.
            unsafe {
                let mut set: libc::cpu_set_t = std::mem::zeroed();
                assert_eq!(libc::sched_getaffinity(0, size, &mut set), 0);
                (0..libc::CPU_SETSIZE as usize)
                    .filter(|&c| libc::CPU_ISSET(c, &set))
                    .collect()
            }
        }
        let before = affinity();
        for core in [current_core(), None, Some(usize::MAX), Some(100_000)] {
            leave_core(core);
            assert_eq!(affinity(), before, "{core:?}");
        }
        let here = current_core();
        assert!(here.is_some_and(|core| before.contains(&core)));
        let result = std::thread::scope(|scope| {
            let work = spawn_elsewhere(scope, || (affinity(), 6 * 7));
            work.join().ok()
        });
        assert_eq!(result, Some((before, 42)));
    }

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
