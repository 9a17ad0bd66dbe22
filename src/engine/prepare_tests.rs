//! Tests of preparing a side: a repeated sentence reads as its first, and the forms of
//! equivalence groups are found wherever they stand.

use super::*;
use crate::engine::Equivalences;

/// A sentence read again is what the copy of its first reading gives: the same pieces,
/// keys and equivalence runs, at its own place.
#[test]
fn a_repeated_sentence_reads_as_its_first() {
    let text = "The U.S. and Pakistan met. Trade was discussed.\n\nThe U.S. and Pakistan met. \
                The Secretary’s visit, in U.S. terms, was short. Trade was discussed.\n\n\
                The U.S. and Pakistan met.";
    for options in [Options::default(), Options::default().ignore_case(true)] {
        let matcher = Matcher::new(Equivalences::builtin_ref(), options.ignore_case, false);
        for matcher in [None, Some(&matcher)] {
            let split = || segment::sentences(text);
            let read = read_with(text, split(), (&options, matcher), true);
            let fresh = read_with(text, split(), (&options, matcher), false);
            assert_eq!(read.origin, [0, 1, 0, 3, 1, 0]);
            assert_eq!(fresh.origin, [0, 1, 2, 3, 4, 5]);
            assert_eq!(fresh.sentences.len(), 6);
            assert_eq!(fresh.runs.is_empty(), matcher.is_none());
            assert_eq!(
                Read {
                    origin: Vec::new(),
                    ..read
                },
                Read {
                    origin: Vec::new(),
                    ..fresh
                }
            );
        }
    }
}

/// A repeated sentence is prepared as its first: the same tokens, keys, terms and link
/// terms at its own place, and the same tables.
#[test]
fn a_repeated_sentence_prepares_as_its_first() {
    let text = "The U.S. and Pakistan met. Trade was discussed.\n\nThe U.S. and Pakistan met. \
                Pakistan’s U.S. envoy spoke. Trade was discussed. Pakistan’s U.S. envoy spoke.";
    let options = Options::default().mark_variants(true);
    let matcher = Matcher::new(Equivalences::builtin_ref(), false, false);
    let prepare_read = |reuse| {
        let (mut keys, mut terms) = (Interner::default(), Interner::default());
        let read = read_with(
            text,
            segment::sentences(text),
            (&options, Some(&matcher)),
            reuse,
        );
        let side = prepare(text, &read, &options, Some(&matcher), &mut keys, &mut terms);
        (side, keys.names(), terms.names())
    };
    let (copied, fresh) = (prepare_read(true), prepare_read(false));
    assert_eq!(copied, fresh);
    assert_eq!(fresh.0.sentences.len(), 6);
}
