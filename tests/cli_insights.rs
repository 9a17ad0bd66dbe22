//! The analysis in the CLI's output: entities, phrases and strength in the JSON and the text
//! report, and a user table of equivalent terms given on the command line.

use serde_json::Value;

use super::common::{run_compare, sample, scratch};

#[test]
fn json_has_entities_phrases_strength_and_equivalent_ops() {
    let out = run_compare(&[
        sample("pakistan-mofa-post-call-on-dar.txt").as_os_str(),
        sample("article-paraphrase-of-mofa-post.txt").as_os_str(),
        "--format".as_ref(),
        "json".as_ref(),
    ]);
    assert!(out.status.success(), "{out:?}");
    let json: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(json["options"]["use_equivalences"], true);
    let tags: Vec<&str> = json["rows"]
        .as_array()
        .expect("rows")
        .iter()
        .flat_map(|r| r["ops"].as_array().expect("ops"))
        .map(|o| o["tag"].as_str().expect("tag"))
        .collect();
    assert!(tags.contains(&"equivalent"), "{tags:?}");

    let entities = json["entities"].as_array().expect("entities");
    let dar = entities
        .iter()
        .find(|e| e["text"] == "Deputy Prime Minister and Foreign Minister")
        .expect("titles");
    assert!(
        dar["forms"]
            .as_array()
            .expect("forms")
            .iter()
            .any(|f| f == "DPM/FM")
    );
    assert_eq!(dar["left"], 2);
    assert_eq!(dar["right"], 1);
    assert_eq!(dar["left_spans"].as_array().expect("spans").len(), 2);
    assert_eq!(dar["left_spans"][0].as_array().expect("pair").len(), 2);

    let phrases = json["phrases"].as_array().expect("phrases");
    let briefed = phrases
        .iter()
        .find(|p| p["text"] == "was briefed on the discussions held during the")
        .expect("shared phrase");
    let left_text = json["left"]["text"].as_str().expect("text");
    let span = &briefed["left"][0];
    let (s, e) = (
        span[0].as_u64().expect("s") as usize,
        span[1].as_u64().expect("e") as usize,
    );
    assert_eq!(
        &left_text[s..e],
        "was briefed on the discussions held during the"
    );
    assert!(json["strength"].as_array().expect("strength").is_empty());
}

#[test]
fn json_strength_entry_has_the_documented_fields() {
    let dir = scratch("insights", "strength");
    let (left, right) = (dir.join("left.txt"), dir.join("right.txt"));
    std::fs::write(&left, "Both sides agreed to expand cooperation.\n").expect("write");
    std::fs::write(&right, "Both sides discussed expanding cooperation.\n").expect("write");
    let out = run_compare(&[
        left.as_os_str(),
        right.as_os_str(),
        "--format".as_ref(),
        "json".as_ref(),
    ]);
    assert!(out.status.success(), "{out:?}");
    let json: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let d = &json["strength"][0];
    assert_eq!(d["row"], 0);
    assert_eq!(d["left"], "agreed");
    assert_eq!(d["right"], "discussed");
    assert_eq!(d["stronger"], "left");
    assert_eq!(d["kind"], "agreement");
}

#[test]
fn text_output_has_the_analyst_sections() {
    let out = run_compare(&[
        sample("us-embassy-x-post.txt").as_os_str(),
        sample("fo-joint-press-statement.txt").as_os_str(),
    ]);
    assert!(out.status.success(), "{out:?}");
    let text = String::from_utf8(out.stdout).expect("UTF-8");
    for heading in [
        "Named in both",
        "Named only left",
        "Named only right",
        "Shared phrases",
        "Stronger words in paired rows",
    ] {
        assert!(text.contains(heading), "{heading} missing:\n{text}");
    }
    let only_right = &text[text.find("Named only right").expect("section")
        ..text.find("Shared phrases").expect("section")];
    for name in [
        "Balochistan Liberation Army (BLA)",
        "Tehreek-i-Taliban Pakistan",
        "IS-K",
        "Jaffar Express",
        "Khuzdar",
    ] {
        assert!(
            only_right.contains(name),
            "{name} not only right:\n{only_right}"
        );
    }

    let out = run_compare(&[
        sample("pakistan-mofa-post-call-on-dar.txt").as_os_str(),
        sample("article-paraphrase-of-mofa-post.txt").as_os_str(),
    ]);
    let text = String::from_utf8(out.stdout).expect("UTF-8");
    assert!(
        text.contains("[=Deputy Prime Minister/Foreign Minister=]")
            && text.contains("{=Deputy Prime Minister and Foreign Minister=}"),
        "{text}"
    );
}

#[test]
fn equivalences_file_extends_and_a_bad_one_is_one_line_and_exit_2() {
    let dir = scratch("insights", "equivalences");
    let (left, right) = (dir.join("left.txt"), dir.join("right.txt"));
    std::fs::write(&left, "The Frobnian delegation arrived.\n").expect("write");
    std::fs::write(&right, "The delegation of Frobnia arrived.\n").expect("write");
    let table = dir.join("terms.txt");
    std::fs::write(
        &table,
        "# mine\nFrobnian delegation | delegation of Frobnia\n",
    )
    .expect("write");
    let out = run_compare(&[
        left.as_os_str(),
        right.as_os_str(),
        "--equivalences".as_ref(),
        table.as_os_str(),
        "--format".as_ref(),
        "json".as_ref(),
    ]);
    assert!(out.status.success(), "{out:?}");
    let json: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(json["rows"][0]["similarity"].as_f64(), Some(1.0));
    assert_eq!(json["rows"][0]["ops"][1]["tag"], "equivalent");

    // Switched off, the same pair is a replacement.
    let out = run_compare(&[
        left.as_os_str(),
        right.as_os_str(),
        "--equivalences".as_ref(),
        table.as_os_str(),
        "--no-equivalences".as_ref(),
        "--format".as_ref(),
        "json".as_ref(),
    ]);
    let json: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(json["options"]["use_equivalences"], false);
    assert!(json["rows"][0]["similarity"].as_f64() < Some(1.0));

    for (contents, reason) in [("A | B\nC || D\n", "line 2"), ("A | B\nC | a\n", "line 2")] {
        std::fs::write(&table, contents).expect("write");
        let out = run_compare(&[
            left.as_os_str(),
            right.as_os_str(),
            "--equivalences".as_ref(),
            table.as_os_str(),
        ]);
        assert_eq!(out.status.code(), Some(2), "{out:?}");
        assert!(out.stdout.is_empty());
        let stderr = String::from_utf8(out.stderr).expect("UTF-8");
        assert_eq!(stderr.lines().count(), 1, "{stderr}");
        assert!(
            stderr.contains("terms.txt") && stderr.contains(reason),
            "{stderr}"
        );
    }
    let missing = dir.join("missing.txt");
    let out = run_compare(&[
        left.as_os_str(),
        right.as_os_str(),
        "--equivalences".as_ref(),
        missing.as_os_str(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).expect("UTF-8");
    assert!(stderr.contains("missing.txt: no such file"), "{stderr}");
}

#[test]
fn json_and_text_open_with_the_brief_and_compare_figures() {
    let out = run_compare(&[
        sample("us-embassy-x-post.txt").as_os_str(),
        sample("fo-joint-press-statement.txt").as_os_str(),
        "--format".as_ref(),
        "json".as_ref(),
        "--analysis".as_ref(),
        "always".as_ref(),
    ]);
    assert!(out.status.success(), "{out:?}");
    let json: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let brief = json["brief"].as_array().expect("brief");
    assert!((1..=8).contains(&brief.len()), "{brief:?}");
    assert!(
        brief
            .iter()
            .all(|l| l["text"].is_string() && l["rows"].is_array())
    );
    assert!(json["figures_compared"]["figures"].is_array());
    assert!(json["figures_compared"]["differences"].is_array());

    let out = run_compare(&[
        sample("us-embassy-x-post.txt").as_os_str(),
        sample("fo-joint-press-statement.txt").as_os_str(),
        "--format".as_ref(),
        "text".as_ref(),
        "--analysis".as_ref(),
        "always".as_ref(),
    ]);
    assert!(out.status.success(), "{out:?}");
    let text = String::from_utf8_lossy(&out.stdout);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.get(1), Some(&"Brief"), "{text}");
    assert!(
        lines.get(2).is_some_and(|l| l.contains("both sides")),
        "{text}"
    );
    assert!(text.contains("Figures compared"), "{text}");
}
