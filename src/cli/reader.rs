//! The thread that reads a pair of statements for the insights while they are compared.
//!
//! It is started first thing, before the files are read, and waits for them giving its core
//! away at every turn. Linux put it on the comparison's core in most runs, where it waited
//! 2 to 5 ms for the idle second core to take it over (timeline marks on the 64 KiB pair): it
//! leaves that core as soon as it runs ([`spawn_elsewhere`]), and the second core's waking
//! overlaps the reading of the options and the files.
//!
//! What it needs is set once ([`Loaded`], in a `OnceLock` that outlives the thread), and it
//! is told whether to read it ([`Signal`]); every way out of the comparison before that, an
//! error included, tells it to stop ([`StopOnDrop`]). The two texts are split once for the
//! comparison and the reading ([`Split`]). All of it is [`Shared`] by the two threads.
//!
//! [`spawn_elsewhere`]: crate::engine::parallel::spawn_elsewhere

use std::borrow::Cow;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicBool, AtomicU8, Ordering};
use std::time::{Duration, Instant};

use crate::analysis::{Helping, TextReading, read_texts_split};
use crate::engine::segment::{self, Sentence};
use crate::engine::{Equivalences, Lexicon};
use crate::load::Document;
use crate::terms::Terms;

/// What the comparison's thread shares with the reader: the files once loaded, the split of
/// the texts, the word to read, and the smaller readings it helps with when done comparing.
#[derive(Clone, Copy)]
pub(super) struct Shared<'l, 's> {
    pub(super) loaded: &'l OnceLock<Loaded>,
    pub(super) split: &'s Split,
    pub(super) signal: &'s Signal,
    pub(super) helping: &'s Helping<'l>,
}

/// The tables and the two documents of a comparison, once read.
pub(super) struct Loaded {
    pub(super) equivalences: Equivalences,
    /// The counterparts of the analyst's own table, if it has rows of its own.
    pub(super) own_lexicon: Option<Lexicon>,
    pub(super) terms: Terms,
    pub(super) left: Document,
    pub(super) right: Document,
}

/// The sentences of the two texts, split once for the comparison and the insights: the reader
/// splits the right text while the comparison splits the left one, and each takes the
/// other's (or splits it, if the other has not started it).
#[derive(Default)]
pub(super) struct Split {
    left: SplitSide,
    right: SplitSide,
}

/// One text's sentences, and whether a thread has started splitting it.
#[derive(Default)]
struct SplitSide {
    started: AtomicBool,
    sentences: OnceLock<Vec<Sentence>>,
}

impl Split {
    /// The sentences of `text` on `side` (0 left, 1 right): those split already, else split
    /// now. A text another thread is splitting is split here too rather than waited for:
    /// three threads share two cores, and the other may have lost its core for a time slice
    /// (on the 64 KiB pair, the comparison once waited 1.4 ms for the reader's split).
    pub(super) fn side(&self, side: usize, text: &str) -> Cow<'_, [Sentence]> {
        let cell = if side == 0 { &self.left } else { &self.right };
        if let Some(sentences) = cell.sentences.get() {
            return Cow::Borrowed(sentences);
        }
        if cell.started.swap(true, Ordering::AcqRel) {
            return Cow::Owned(segment::sentences(text));
        }
        Cow::Borrowed(cell.sentences.get_or_init(|| segment::sentences(text)))
    }
}

/// How long the reader waits giving its core away before it sleeps between looks: long
/// enough for the files of any text it reads beside the comparison (a few ms), short enough
/// not to hold a core while a long file loads.
const EAGER: Duration = Duration::from_millis(20);
/// Between looks, past [`EAGER`].
const NAP: Duration = Duration::from_micros(200);

const WAITING: u8 = 0;
const READ: u8 = 1;
const STOP: u8 = 2;

/// What the reader is told: to read the texts loaded, or to stop.
#[derive(Default)]
pub(super) struct Signal(AtomicU8);

impl Signal {
    /// Tells the reader whether to read what was loaded (once; a later call changes nothing).
    pub(super) fn send(&self, read: bool) {
        let to = if read { READ } else { STOP };
        let _ = self
            .0
            .compare_exchange(WAITING, to, Ordering::AcqRel, Ordering::Acquire);
    }

    /// A guard that tells the reader to stop, unless it was told before, when it drops.
    pub(super) fn stop_on_drop(&self) -> StopOnDrop<'_> {
        StopOnDrop(self)
    }

    /// Waits until told; whether to read.
    fn wait(&self) -> bool {
        let start = Instant::now();
        loop {
            match self.0.load(Ordering::Acquire) {
                READ => return true,
                STOP => return false,
                _ if start.elapsed() < EAGER => std::thread::yield_now(),
                _ => std::thread::sleep(NAP),
            }
        }
    }
}

/// Tells the reader to stop when dropped, if nothing told it anything before.
pub(super) struct StopOnDrop<'s>(&'s Signal);

impl Drop for StopOnDrop<'_> {
    fn drop(&mut self) {
        self.0.send(false);
    }
}

/// The reader's work: waits for the word, then reads the texts loaded for the insights, split
/// as the comparison splits them, sharing its smaller readings with the comparison's thread
/// once that is done.
pub(super) fn read<'l>(
    Shared {
        loaded,
        split,
        signal,
        helping,
    }: Shared<'l, '_>,
) -> Option<TextReading<'l>> {
    if !signal.wait() {
        return None;
    }
    let loaded = loaded.get()?;
    let (left, right) = (&loaded.left.text, &loaded.right.text);
    let right_sentences = split.side(1, right).into_owned();
    let left_sentences = split.side(0, left).into_owned();
    Some(read_texts_split(
        left,
        right,
        [left_sentences, right_sentences],
        &loaded.equivalences,
        helping,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn loaded(left: &str, right: &str) -> Loaded {
        Loaded {
            equivalences: Equivalences::builtin_ref().clone(),
            own_lexicon: None,
            terms: Terms::default(),
            left: Document::from_text("left.txt", left),
            right: Document::from_text("right.txt", right),
        }
    }

    /// A text whose split another thread has started is split again rather than waited for,
    /// into the same sentences; a text split already is not split again.
    #[test]
    fn a_split_started_elsewhere_is_made_here_the_same() {
        let text = "Dr. Smith met the envoy. Talks were good.\n\nBoth sides agreed.";
        let split = Split::default();
        split.left.started.store(true, Ordering::Release);
        let made = split.side(0, text);
        assert!(matches!(made, Cow::Owned(_)));
        assert_eq!(&*made, segment::sentences(text).as_slice());
        assert_eq!(made.len(), 3);
        assert!(matches!(split.side(1, text), Cow::Borrowed(_)));
        let again = split.side(1, "another text, not split again");
        assert!(matches!(again, Cow::Borrowed(_)));
        assert_eq!(&*again, made.as_ref());
    }

    /// Told to read, the reader reads what was loaded; told to stop, or left without a word
    /// by a comparison that failed (the guard dropped), it stops without reading.
    #[test]
    fn the_reader_reads_when_told_and_stops_otherwise() {
        let texts = (
            "The talks were held in Doha.",
            "The talks were held in Qatar.",
        );
        for told in [Some(true), Some(false), None] {
            let cell = OnceLock::new();
            let signal = Signal::default();
            let split = Split::default();
            let helping = Helping::default();
            let read = std::thread::scope(|scope| {
                let shared = Shared {
                    loaded: &cell,
                    split: &split,
                    signal: &signal,
                    helping: &helping,
                };
                let reader = scope.spawn(move || read(shared).is_some());
                let stop = signal.stop_on_drop();
                if told.is_some() {
                    let _ = cell.set(loaded(texts.0, texts.1));
                }
                if let Some(told) = told {
                    signal.send(told);
                }
                drop(stop);
                reader.join().unwrap_or(false)
            });
            assert_eq!(read, told == Some(true), "{told:?}");
        }
    }
}
