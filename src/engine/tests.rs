//! The engine's own tests: what runs over the cores is what runs on one thread.

use super::*;

/// Preparing the two texts at the same time (the right one with tables of its own, then
/// renumbered) prepares exactly what preparing them one after the other does: the same
/// ids, in every mode that interns other keys.
#[test]
fn preparing_in_parallel_prepares_the_same_sides() {
    let left =
        "The U.S. and Pakistan met. The talks covered trade, the BLA and the UN.\n\n".repeat(40);
    let right = "Zinc and coal first. Pakistan and the United States met; Trade was discussed, \
                 so was the U.N. and the US’s trade.\n"
        .repeat(40);
    let cancel = Cancel::new();
    for options in [
        Options::default().ignore_case(true),
        Options::default(),
        Options::default()
            .mark_variants(true)
            .ignore_punctuation(true),
        Options::default().use_equivalences(false),
    ] {
        let prepare = |parallel_from| {
            prepare_sides_from(
                &left,
                &right,
                &options,
                Equivalences::builtin_ref(),
                &cancel,
                (parallel_from, None),
            )
            .map_err(|_| "cancelled")
        };
        let (Ok(sequential), Ok(parallel)) = (prepare(usize::MAX), prepare(0)) else {
            panic!("nothing cancels a fresh flag");
        };
        assert_eq!(sequential.left_side, parallel.left_side);
        assert_eq!(sequential.right_side, parallel.right_side);
        assert_eq!(sequential.term_names, parallel.term_names);
        assert_eq!(
            (sequential.left_ids, sequential.right_ids),
            (parallel.left_ids, parallel.right_ids)
        );
    }
}

/// The stages that run over the cores on long texts (preparing the sides, the links'
/// reading, the sentences paired beside the link search, the rows' diffs, the links'
/// details) make the comparison made on one thread, on a pair with links of every kind.
#[test]
fn comparing_over_the_cores_gives_the_comparison_made_on_one_thread() {
    use crate::samples::SAMPLES;
    let join = |parts: &[&str]| parts.join("\n\n");
    // The embassy's post and the whole article against the Foreign Office's statement, its
    // paragraphs in reverse order, and a paraphrase of the ministry's post.
    let mut statement: Vec<&str> = SAMPLES[1].text.split("\n\n").collect();
    statement.reverse();
    let left = join(&[SAMPLES[0].text, SAMPLES[5].text]);
    let right = join(&[&statement.join("\n\n"), SAMPLES[4].text]);
    let knowledge = Knowledge::default();
    for options in [Options::default(), Options::default().ignore_case(true)] {
        let compare = |parallel_from| {
            let source = Source {
                knowledge: &knowledge,
                given: Given::Texts,
                parallel_from,
            };
            let params = links::Params::default();
            compare_oriented(
                &left,
                &right,
                &options,
                source,
                &params,
                &Cancel::new(),
                false,
            )
            .map_err(|_| "cancelled")
        };
        let (Ok(sequential), Ok(parallel)) = (compare(usize::MAX), compare(0)) else {
            panic!("nothing cancels a fresh flag");
        };
        // A pair with every kind of row, and moves, and links beyond the rows.
        // Rows identical, reworded and moved, and links of every kind.
        for kind in [RowKind::Identical, RowKind::Modified] {
            assert!(
                sequential.rows.iter().any(|row| row.kind == kind),
                "{kind:?}"
            );
        }
        assert!(sequential.rows.iter().any(|row| row.moved));
        for kind in [LinkKind::Identical, LinkKind::Equivalent, LinkKind::Related] {
            assert!(
                sequential.links.iter().any(|link| link.kind == kind),
                "{kind:?}"
            );
        }
        assert_eq!(sequential, parallel);
    }
}

/// Sentences the caller split already make the comparison the texts alone make, in either
/// order of the texts; sentences that do not partition their text are set aside.
#[test]
fn a_comparison_of_texts_split_already_is_the_comparison_of_the_texts() {
    use crate::samples::SAMPLES;
    let (a, b) = (SAMPLES[5].text, SAMPLES[1].text);
    let options = Options::default();
    for (left, right) in [(a, b), (b, a)] {
        let alone = Comparer::new(&options).compare(left, right);
        let (left_split, right_split) = (segment::sentences(left), segment::sentences(right));
        let split = Comparer::new(&options)
            .split(&left_split, &right_split)
            .compare(left, right);
        assert_eq!(alone, split);
        // Half the left text's sentences, and none of the right's: split again.
        let half = &left_split[..left_split.len() / 2];
        let wrong = Comparer::new(&options)
            .split(half, &[])
            .compare(left, right);
        assert_eq!(alone, wrong);
    }
}
