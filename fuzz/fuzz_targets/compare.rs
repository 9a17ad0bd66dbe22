//! The comparison on two arbitrary texts: the lossless invariants hold.
#![no_main]

use libfuzzer_sys::fuzz_target;
use parallax::engine::{Options, RowKind, compare, segment};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let (flags, text) = match text.char_indices().nth(1) {
        Some((at, _)) => (text.as_bytes()[0], &text[at..]),
        None => return,
    };
    let split = text.char_indices().map(|(i, _)| i).nth(text.chars().count() / 2).unwrap_or(0);
    let (left, right) = text.split_at(split);
    let options = Options::default().ignore_case(flags & 1 != 0).ignore_punctuation(flags & 2 != 0);
    let comparison = compare(left, right, &options);
    assert!(segment::partitions(&comparison.left_sentences, left.len()));
    assert!(segment::partitions(&comparison.right_sentences, right.len()));
    let mut seen_left = vec![0u32; comparison.left_sentences.len()];
    let mut seen_right = vec![0u32; comparison.right_sentences.len()];
    for row in &comparison.rows {
        for &s in &row.left {
            seen_left[s] += 1;
        }
        for &s in &row.right {
            seen_right[s] += 1;
        }
        match row.kind {
            RowKind::LeftOnly => assert!(row.right.is_empty() && !row.left.is_empty()),
            RowKind::RightOnly => assert!(row.left.is_empty() && !row.right.is_empty()),
            RowKind::Related => {
                assert!(row.ops.is_empty() && row.left.len() == 1 && row.right.len() == 1);
                assert!(comparison.link(row.left[0], row.right[0]).is_some());
            }
            _ => {
                let (l, r) = (comparison.left_span(row), comparison.right_span(row));
                let (mut at_l, mut at_r) = (l.start, r.start);
                for op in &row.ops {
                    assert_eq!((op.left.start, op.right.start), (at_l, at_r));
                    at_l = op.left.end;
                    at_r = op.right.end;
                }
                assert_eq!((at_l, at_r), (l.end, r.end));
            }
        }
    }
    assert!(seen_left.iter().all(|&n| n == 1));
    assert!(seen_right.iter().all(|&n| n == 1));
    for link in &comparison.links {
        assert!(link.left < seen_left.len() && link.right < seen_right.len());
        assert!((0.0..=1.0).contains(&link.score));
    }
});
