//! Panics that must not take the user's work down: a job run through [`catch`] that panics
//! returns a [`Crash`] naming what failed and where, instead of unwinding further; the panic
//! hook stays quiet for it (Rust's raw message would only confuse an analyst), and the caller
//! says what failed in the place the result would have been.

use std::cell::{Cell, RefCell};
use std::panic::{AssertUnwindSafe, catch_unwind};

thread_local! {
    /// How many [`catch`] calls are running on this thread.
    static CATCHING: Cell<u32> = const { Cell::new(0) };
    /// The message and place of the last panic on this thread.
    static LAST: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// A job that panicked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Crash {
    /// What the job was doing ("comparing", "computing the insights").
    pub job: String,
    /// The panic's message and where it was raised (file:line), for a bug report.
    pub details: String,
}

impl std::fmt::Display for Crash {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "internal error while {}: {}", self.job, self.details)
    }
}

/// Runs `job`; a panic inside it comes back as a [`Crash`] saying it was `what`.
pub fn catch<T>(what: &str, job: impl FnOnce() -> T) -> Result<T, Crash> {
    CATCHING.with(|c| c.set(c.get() + 1));
    let result = catch_unwind(AssertUnwindSafe(job));
    CATCHING.with(|c| c.set(c.get().saturating_sub(1)));
    result.map_err(|payload| {
        let details = LAST
            .with(|last| last.borrow_mut().take())
            .unwrap_or_else(|| message_of(payload.as_ref()));
        Crash {
            job: what.to_owned(),
            details,
        }
    })
}

fn message_of(payload: &(dyn std::any::Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| (*s).to_owned())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "a panic without a message".to_owned())
}

/// Installs the panic hook: it records each panic's message and place for [`catch`], and
/// stays quiet inside [`catch`] (the caller reports it); elsewhere the hook installed before
/// it runs as usual.
pub fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let message = message_of(info.payload());
        let details = match info.location() {
            Some(at) => format!("{message} (at {}:{})", at.file(), at.line()),
            None => message,
        };
        LAST.with(|last| *last.borrow_mut() = Some(details));
        if CATCHING.with(Cell::get) == 0 {
            previous(info);
        }
    }));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_comes_back_as_a_crash_with_its_message() {
        install_panic_hook();
        let crash = catch("testing", || -> u32 { panic!("boom {}", 7) }).unwrap_err();
        assert_eq!(crash.job, "testing");
        assert!(crash.details.contains("boom 7"), "{crash:?}");
        assert!(
            crash
                .to_string()
                .starts_with("internal error while testing: boom 7")
        );
        assert_eq!(catch("testing", || 5), Ok(5));
    }
}
