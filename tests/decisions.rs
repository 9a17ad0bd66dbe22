//! The analyst's decisions on links, as the engine applies them: rejected links go, links drawn
//! stand level whatever the threshold, confirmed links stay, and the sides can be swapped.

use parallax::engine::{
    Comparer, Comparison, Decision, Knowledge, LinkKind, LinkSource, Options, RowKind, Verdict,
};

use super::common::{EMBASSY, FO};

fn decided(left: &str, right: &str, options: &Options, decisions: &[Decision]) -> Comparison {
    Comparer::new(options)
        .knowledge(Knowledge::default().decisions(decisions))
        .compare(left, right)
}

fn sentence(text: &str, c: &Comparison, left: bool, i: usize) -> String {
    let sentences = if left {
        &c.left_sentences
    } else {
        &c.right_sentences
    };
    text[sentences[i].content.range()].to_owned()
}

/// Every sentence of each side in exactly one row.
fn assert_lossless(c: &Comparison) {
    let mut seen = (
        vec![0; c.left_sentences.len()],
        vec![0; c.right_sentences.len()],
    );
    for row in &c.rows {
        for &l in &row.left {
            seen.0[l] += 1;
        }
        for &r in &row.right {
            seen.1[r] += 1;
        }
    }
    assert!(seen.0.iter().chain(&seen.1).all(|&n| n == 1), "{seen:?}");
}

fn row_with(c: &Comparison, l: usize) -> &parallax::engine::Row {
    c.rows
        .iter()
        .find(|row| row.left.contains(&l))
        .expect("every sentence has a row")
}

#[test]
fn a_rejected_link_splits_its_row_and_leaves_the_links() {
    let before = decided(EMBASSY, FO, &Options::default(), &[]);
    let row = before
        .rows
        .iter()
        .find(|r| r.left.len() == 1 && r.right.len() == 1 && r.kind != RowKind::Identical)
        .expect("a reworded or related pair");
    let (l, r) = (row.left[0], row.right[0]);
    let decision = Decision::new(
        sentence(EMBASSY, &before, true, l),
        sentence(FO, &before, false, r),
        Verdict::Reject,
    );
    let after = decided(EMBASSY, FO, &Options::default(), &[decision]);
    assert_lossless(&after);
    assert!(!row_with(&after, l).right.contains(&r), "still paired");
    assert!(after.link(l, r).is_none(), "still linked");
    assert_eq!(after.rejected, [(l, r)]);
    assert!(after.stats.left_linked <= before.stats.left_linked);
}

#[test]
fn two_one_sided_sentences_linked_stand_level_whatever_the_threshold() {
    let left = "The ministers met in Doha. Tea was served at noon.";
    let right = "The ministers met in Doha. Coffee followed the lunch.";
    for threshold in [0.0, 0.4, 1.0] {
        let options = Options::default().threshold(threshold);
        let before = decided(left, right, &options, &[]);
        assert!(
            before.link(1, 1).is_none(),
            "nothing links the two at {threshold}"
        );
        for kind in [LinkKind::Equivalent, LinkKind::Related] {
            let link = Decision::new(
                "Tea was served at noon.",
                "Coffee followed the lunch.",
                Verdict::Link(kind),
            );
            let after = decided(left, right, &options, &[link]);
            assert_lossless(&after);
            let row = row_with(&after, 1);
            assert_eq!(row.right, [1]);
            let expected = match kind {
                LinkKind::Related => RowKind::Related,
                _ => RowKind::Modified,
            };
            assert_eq!(row.kind, expected);
            let drawn = after.link(1, 1).expect("linked");
            assert_eq!((drawn.kind, drawn.source), (kind, LinkSource::Analyst));
            // The engine's own link stays the engine's.
            assert_eq!(after.link(0, 0).map(|l| l.source), Some(LinkSource::Engine));
        }
    }
}

#[test]
fn a_confirmed_link_is_kept_whatever_the_threshold() {
    let left = "The two ministers discussed trade and energy in Doha on Monday.";
    let right = "In Doha, trade and energy were on the ministers' agenda.";
    let options = Options::default();
    let before = decided(left, right, &options, &[]);
    let link = before.link(0, 0).expect("a link the engine finds").clone();
    let confirm = Decision::new(
        sentence(left, &before, true, 0),
        sentence(right, &before, false, 0),
        Verdict::Confirm,
    );
    for threshold in [0.0, 0.4, 1.0] {
        let after = decided(
            left,
            right,
            &options.threshold(threshold),
            std::slice::from_ref(&confirm),
        );
        let kept = after.link(0, 0).expect("kept");
        assert_eq!(kept.source, LinkSource::Analyst);
        assert_eq!(kept.score, link.score);
        assert_eq!(row_with(&after, 0).right, [0], "at {threshold}");
    }
}

#[test]
fn a_decision_applies_the_same_with_the_sides_swapped() {
    // One text sorts before the other: the engine compares them in one order and mirrors.
    let (a, b) = (EMBASSY, FO);
    let forward = decided(a, b, &Options::default(), &[]);
    let row = forward
        .rows
        .iter()
        .find(|r| r.left.len() == 1 && r.right.len() == 1 && r.kind != RowKind::Identical)
        .expect("a pair");
    let (l, r) = (row.left[0], row.right[0]);
    let (lt, rt) = (
        sentence(a, &forward, true, l),
        sentence(b, &forward, false, r),
    );
    let left_only = forward
        .rows
        .iter()
        .find(|row| row.kind == RowKind::LeftOnly)
        .map(|row| row.left[0]);
    let right_only = forward
        .rows
        .iter()
        .find(|row| row.kind == RowKind::RightOnly)
        .map(|row| row.right[0]);
    let mut decisions = vec![Decision::new(lt, rt, Verdict::Reject)];
    if let (Some(lo), Some(ro)) = (left_only, right_only) {
        decisions.push(Decision::new(
            sentence(a, &forward, true, lo),
            sentence(b, &forward, false, ro),
            Verdict::Link(LinkKind::Related),
        ));
    }
    let there = decided(a, b, &Options::default(), &decisions);
    let mirrored: Vec<Decision> = decisions.iter().map(Decision::mirrored).collect();
    let back = decided(b, a, &Options::default(), &mirrored);
    assert_lossless(&there);
    assert_lossless(&back);
    let pairs = |c: &Comparison, swap: bool| {
        let mut out: Vec<(Vec<usize>, Vec<usize>, RowKind)> = c
            .rows
            .iter()
            .filter(|row| !row.left.is_empty() && !row.right.is_empty())
            .map(|row| {
                if swap {
                    (row.right.clone(), row.left.clone(), row.kind)
                } else {
                    (row.left.clone(), row.right.clone(), row.kind)
                }
            })
            .collect();
        out.sort_by(|x, y| (&x.0, &x.1).cmp(&(&y.0, &y.1)));
        out
    };
    assert_eq!(pairs(&there, false), pairs(&back, true));
    assert_eq!(there.rejected, [(l, r)]);
    assert_eq!(back.rejected, [(r, l)]);
    assert!(back.link(r, l).is_none());
    if let (Some(lo), Some(ro)) = (left_only, right_only) {
        assert_eq!(row_with(&there, lo).right, [ro]);
        assert_eq!(
            back.link(ro, lo).map(|l| l.source),
            Some(LinkSource::Analyst)
        );
    }
}

#[test]
fn a_decision_on_a_deleted_sentence_is_stale_and_changes_nothing() {
    let left = "The ministers met in Doha. Tea was served at noon.";
    let right = "The ministers met in Doha. Coffee followed the lunch.";
    let gone = Decision::new(
        "A sentence no longer there.",
        "Coffee followed the lunch.",
        Verdict::Link(LinkKind::Related),
    );
    let plain = decided(left, right, &Options::default(), &[]);
    let with = decided(
        left,
        right,
        &Options::default(),
        std::slice::from_ref(&gone),
    );
    assert_eq!(plain, with);
    assert!(gone.is_stale((left, &with.left_sentences), (right, &with.right_sentences)));
    // Whitespace runs do not make a decision stale (a file re-wrapped).
    let wrapped = Decision::new(
        "Tea was\n  served at noon.",
        "Coffee followed the lunch.",
        Verdict::Link(LinkKind::Related),
    );
    assert!(!wrapped.is_stale((left, &with.left_sentences), (right, &with.right_sentences)));
    let linked = decided(left, right, &Options::default(), &[wrapped]);
    assert_eq!(row_with(&linked, 1).right, [1]);
}

/// With the pair's sidecar present, `parallax compare` applies the decisions kept there: the
/// JSON says which links the analyst drew and lists the rejected ones; the text report marks
/// the analyst's rows.
#[test]
fn the_command_line_applies_the_decisions_in_the_sidecar() {
    let dir = super::common::scratch("decisions", "cli");
    let (left_path, right_path) = (dir.join("embassy.txt"), dir.join("fo.txt"));
    std::fs::write(&left_path, EMBASSY).expect("write");
    std::fs::write(&right_path, FO).expect("write");
    let left = parallax::load::load_file(&left_path).expect("load");
    let right = parallax::load::load_file(&right_path).expect("load");
    let plain = decided(EMBASSY, FO, &Options::default(), &[]);
    let row = plain
        .rows
        .iter()
        .find(|r| r.left.len() == 1 && r.right.len() == 1 && r.kind != RowKind::Identical)
        .expect("a pair");
    let (l, r) = (row.left[0], row.right[0]);
    let right_only = plain
        .rows
        .iter()
        .find(|row| row.kind == RowKind::RightOnly)
        .map(|row| row.right[0])
        .expect("a sentence only the FO has");
    let mut notes = parallax::notes::Notes::new(&left, &right);
    notes.decisions = vec![
        Decision::new(
            sentence(EMBASSY, &plain, true, l),
            sentence(FO, &plain, false, r),
            Verdict::Reject,
        ),
        Decision::new(
            sentence(EMBASSY, &plain, true, l),
            sentence(FO, &plain, false, right_only),
            Verdict::Link(LinkKind::Related),
        ),
    ];
    let sidecar = parallax::notes::sidecar_path(&left, &right).expect("a sidecar path");
    parallax::notes::write(&sidecar, &notes).expect("sidecar written");

    let args = [
        left_path.as_os_str(),
        right_path.as_os_str(),
        "--format".as_ref(),
        "json".as_ref(),
    ];
    let output = super::common::run_compare(&args);
    assert!(output.status.success(), "{output:?}");
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("json");
    let links = json["links"].as_array().expect("links");
    assert!(
        links
            .iter()
            .all(|link| link["source"] == "engine" || link["source"] == "analyst")
    );
    let drawn: Vec<(u64, u64)> = links
        .iter()
        .filter(|link| link["source"] == "analyst")
        .filter_map(|link| Some((link["left"].as_u64()?, link["right"].as_u64()?)))
        .collect();
    assert_eq!(drawn, [(l as u64, right_only as u64)]);
    assert_eq!(
        json["rejected"],
        serde_json::json!([{ "left": l, "right": r }])
    );
    assert!(
        !links
            .iter()
            .any(|link| link["left"] == l && link["right"] == r),
        "the rejected link is gone"
    );

    let text = super::common::run_compare(&[left_path.as_os_str(), right_path.as_os_str()]);
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(text.contains("linked by the analyst"), "{text}");
    assert!(
        text.contains(&format!(
            "links rejected by the analyst: L{} ↔ R{}",
            l + 1,
            r + 1
        )),
        "{text}"
    );

    // Without the sidecar, nothing is decided.
    std::fs::remove_file(&sidecar).expect("remove");
    let output = super::common::run_compare(&args);
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("json");
    assert_eq!(json["rejected"], serde_json::json!([]));
    assert!(
        json["links"]
            .as_array()
            .expect("links")
            .iter()
            .all(|link| link["source"] == "engine")
    );
}
