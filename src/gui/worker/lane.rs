//! A lane: one long-lived thread that runs the newest of its jobs. Submitting a job replaces
//! the waiting one (which is then never run) and raises the cancellation flag of the running
//! one. The lane counts its running jobs and the most that ever ran at once.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Condvar, Mutex};

use crate::engine::Cancel;

use super::Reply;

/// A long-lived thread running the newest of its jobs; a newer job replaces a waiting one
/// and cancels a running one.
pub(super) struct Lane<J: Send + 'static> {
    shared: Arc<LaneShared<J>>,
}

struct LaneShared<J> {
    state: Mutex<LaneState<J>>,
    wake: Condvar,
    /// Jobs of this lane running now (0 or 1), and the most ever at once.
    running: AtomicUsize,
    peak: AtomicUsize,
}

struct LaneState<J> {
    waiting: Option<J>,
    current: Option<Cancel>,
    closed: bool,
}

impl<J: Send + 'static> Lane<J> {
    /// Starts the lane's thread; `run` does one job (checking its flag) and reports.
    pub(super) fn new(
        name: &str,
        reply: Reply,
        run: impl Fn(J, &Cancel, &Reply) + Send + 'static,
    ) -> Self {
        let shared = Arc::new(LaneShared {
            state: Mutex::new(LaneState {
                waiting: None,
                current: None,
                closed: false,
            }),
            wake: Condvar::new(),
            running: AtomicUsize::new(0),
            peak: AtomicUsize::new(0),
        });
        let thread_shared = shared.clone();
        let spawned = std::thread::Builder::new()
            .name(format!("parallax-{name}"))
            .spawn(move || {
                loop {
                    let (job, cancel) = {
                        let Ok(mut state) = thread_shared.state.lock() else {
                            return;
                        };
                        loop {
                            if state.closed {
                                return;
                            }
                            if let Some(job) = state.waiting.take() {
                                let cancel = Cancel::new();
                                state.current = Some(cancel.clone());
                                break (job, cancel);
                            }
                            state = match thread_shared.wake.wait(state) {
                                Ok(state) => state,
                                Err(_) => return,
                            };
                        }
                    };
                    let now = thread_shared.running.fetch_add(1, Ordering::SeqCst) + 1;
                    thread_shared.peak.fetch_max(now, Ordering::SeqCst);
                    // A bug in a job must not take the lane (and the busy count) down with it;
                    // the job reports its own failures where it can.
                    if let Err(crash) = crate::crash::catch("a background job", || {
                        run(job, &cancel, &reply);
                    }) {
                        eprintln!("parallax: {crash}");
                    }
                    thread_shared.running.fetch_sub(1, Ordering::SeqCst);
                    if let Ok(mut state) = thread_shared.state.lock() {
                        state.current = None;
                    }
                    reply.done();
                }
            });
        if spawned.is_err() {
            // No thread: jobs stay waiting and the window says it is busy; nothing crashes.
            eprintln!("parallax: could not start the {name} thread");
        }
        Self { shared }
    }

    /// Queues `job` as the lane's next, cancelling the running job and skipping a waiting
    /// one. Returns whether a waiting job was replaced (its count is then released).
    pub(super) fn submit(&self, job: J) -> bool {
        let Ok(mut state) = self.shared.state.lock() else {
            return false;
        };
        if let Some(cancel) = &state.current {
            cancel.cancel();
        }
        let replaced = state.waiting.replace(job).is_some();
        self.shared.wake.notify_one();
        replaced
    }

    pub(super) fn running(&self) -> usize {
        self.shared.running.load(Ordering::SeqCst)
    }

    pub(super) fn peak(&self) -> usize {
        self.shared.peak.load(Ordering::SeqCst)
    }
}

impl<J: Send + 'static> Drop for Lane<J> {
    fn drop(&mut self) {
        if let Ok(mut state) = self.shared.state.lock() {
            state.closed = true;
            if let Some(cancel) = &state.current {
                cancel.cancel();
            }
        }
        self.shared.wake.notify_all();
    }
}
