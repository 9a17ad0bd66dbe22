//! Collation of three or more statements: the points expected on the seed's statements, the
//! invariants (lossless, deterministic, independent of the order of the documents), and the
//! CLI's outputs for three files.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Output;

use parallax::engine::collate::{Collation, MAX_PER_DOCUMENT, Share, collate};
use parallax::engine::{Options, PointKind};
use proptest::prelude::*;
use serde_json::Value;

use super::common::{ARTICLE, EMBASSY, FO, MOFA, parallax, run_compare, sample, scratch};

/// The seed's four statements, in this order.
const SEED: [&str; 4] = [EMBASSY, FO, MOFA, ARTICLE];
/// The seed's documents: the embassy's post, the FO's statement, the MoFA's post, the article.
const EMB: usize = 0;
const FOD: usize = 1;
const MOF: usize = 2;
const ART: usize = 3;

fn seed() -> Collation {
    collate(&SEED, &Options::default())
}

/// The sentences of document `document` whose text contains `needle`.
fn sentences_with(c: &Collation, texts: &[&str], document: usize, needle: &str) -> Vec<usize> {
    c.sentences[document]
        .iter()
        .enumerate()
        .filter(|(_, s)| texts[document][s.content.range()].contains(needle))
        .map(|(i, _)| i)
        .collect()
}

/// The point of the one sentence of `document` that contains `needle`.
fn point_with(c: &Collation, texts: &[&str], document: usize, needle: &str) -> usize {
    let found = sentences_with(c, texts, document, needle);
    assert_eq!(
        found.len(),
        1,
        "document {document}: {needle:?} in {found:?}"
    );
    c.point_of(document, found[0])
        .expect("every sentence has a point")
}

/// Lossless: the sentences partition each text, and every sentence of every document is in
/// exactly one point, at most [`MAX_PER_DOCUMENT`] of a document per point, sorted.
fn check_lossless(c: &Collation, texts: &[&str]) {
    assert_eq!(c.sentences.len(), texts.len());
    for (document, (sentences, text)) in c.sentences.iter().zip(texts).enumerate() {
        let mut at = 0;
        for s in sentences {
            assert_eq!(
                s.span.start, at,
                "document {document}: contiguous sentences"
            );
            at = s.span.end;
        }
        assert_eq!(
            at,
            text.len(),
            "document {document}: the sentences cover the text"
        );
        let mut seen = vec![0usize; sentences.len()];
        for (p, point) in c.points.iter().enumerate() {
            assert_eq!(point.sentences.len(), texts.len());
            let mine = &point.sentences[document];
            assert!(mine.len() <= MAX_PER_DOCUMENT, "point {p}: {mine:?}");
            assert!(mine.windows(2).all(|w| w[0] < w[1]), "sorted: {mine:?}");
            for &s in mine {
                seen[s] += 1;
                assert_eq!(c.point_of(document, s), Some(p));
            }
        }
        assert!(
            seen.iter().all(|&n| n == 1),
            "document {document}: each sentence in exactly one point: {seen:?}"
        );
    }
    for (p, point) in c.points.iter().enumerate() {
        assert!(point.documents() >= 1, "point {p} is empty");
        assert_eq!(
            point.kind == PointKind::Single,
            point.documents() == 1,
            "point {p}: single exactly when one document has it"
        );
    }
    for order in (0..texts.len()).map(|pivot| c.reading_order(pivot)) {
        let mut sorted = order.clone();
        sorted.sort_unstable();
        assert_eq!(sorted, (0..c.points.len()).collect::<Vec<_>>());
    }
}

/// The points as a set of (document, sentence) sets with their kinds, documents named by
/// `names[i]` (their index in some reference order).
fn point_set(c: &Collation, names: &[usize]) -> BTreeSet<(Vec<(usize, usize)>, PointKind)> {
    c.points
        .iter()
        .map(|point| {
            let mut members: Vec<(usize, usize)> = point
                .sentences
                .iter()
                .enumerate()
                .flat_map(|(d, list)| list.iter().map(move |&s| (names[d], s)))
                .collect();
            members.sort_unstable();
            (members, point.kind)
        })
        .collect()
}

#[test]
fn the_co_chairs_and_logerfo_are_points_without_the_mofa_call() {
    let c = seed();
    // The FO's co-chairs, with the article's copy and its headline on the groups.
    let co_chairs = point_with(&c, &SEED, FOD, "co-chaired");
    assert_eq!(co_chairs, point_with(&c, &SEED, ART, "co-chaired"));
    assert_eq!(
        co_chairs,
        point_with(&c, &SEED, ART, "Both sides stress developing measures")
    );
    // The embassy's sentence on who took part, with the article's paraphrase of it and its
    // headline on the dialogue.
    let logerfo = point_with(&c, &SEED, EMB, "LoGerfo");
    assert_eq!(
        logerfo,
        point_with(&c, &SEED, ART, "A post from the US Embassy")
    );
    assert_eq!(logerfo, point_with(&c, &SEED, ART, "Fresh round"));
    // The two are linked (the embassy's post is short: its sentence on LoGerfo is the best
    // counterpart of the FO's), but too few of their sentences are linked across for one
    // point: the FO's lists the groups, the embassy's the people.
    let pair = c
        .pair(EMB, FOD)
        .expect("the embassy and the FO are compared");
    let (emb, fo) = (
        sentences_with(&c, &SEED, EMB, "LoGerfo")[0],
        sentences_with(&c, &SEED, FOD, "co-chaired")[0],
    );
    assert!(
        pair.links
            .iter()
            .any(|l| (l.left, l.right) == (emb, fo) || (l.left, l.right) == (fo, emb)),
        "{:?}",
        pair.links
    );
    // The MoFA post names LoGerfo only for the call on Dar, which is another point.
    for point in [co_chairs, logerfo] {
        assert!(!c.points[point].has(MOF), "{:?}", c.points[point]);
    }
}

#[test]
fn the_groups_only_the_fo_and_the_article_name_are_in_points_without_the_embassy() {
    let c = seed();
    for name in ["BLA", "TTP", "IS-K", "Tehreek-i-Taliban", "ISIS-Khorasan"] {
        assert!(sentences_with(&c, &SEED, EMB, name).is_empty());
        assert!(sentences_with(&c, &SEED, MOF, name).is_empty());
    }
    let co_chairs = point_with(&c, &SEED, FOD, "co-chaired");
    let mut checked = 0;
    for name in ["BLA", "TTP", "IS-K"] {
        for document in [FOD, ART] {
            for s in sentences_with(&c, &SEED, document, name) {
                let point = c.point_of(document, s).expect("a point");
                // The FO's sentence names the co-chairs and the groups at once; it is in the
                // co-chairs' point, with the embassy's sentence on LoGerfo. Every other
                // sentence that names a group is in a point the embassy lacks.
                if point == co_chairs {
                    continue;
                }
                checked += 1;
                assert!(!c.points[point].has(EMB), "{name}: {:?}", c.points[point]);
                assert!(!c.points[point].has(MOF), "{name}: {:?}", c.points[point]);
            }
        }
    }
    assert!(checked >= 2, "the designation and IS-K: {checked}");
    // The article's headline on the groups is with the FO's sentence it sums up, without the
    // embassy.
    let headline = point_with(&c, &SEED, ART, "Both sides stress developing measures");
    assert_eq!(headline, co_chairs);
    assert!(!c.points[headline].has(EMB));
}

#[test]
fn the_condolences_for_jaffar_express_and_khuzdar_are_the_fo_and_the_article() {
    let c = seed();
    let point = point_with(&c, &SEED, FOD, "Jaffar Express");
    assert_eq!(point, point_with(&c, &SEED, FOD, "Khuzdar"));
    assert_eq!(point, point_with(&c, &SEED, ART, "Jaffar Express"));
    assert_eq!(c.points[point].kind, PointKind::Identical);
    assert_eq!(c.points[point].documents(), 2);
    assert!(!c.points[point].has(EMB) && !c.points[point].has(MOF));
}

#[test]
fn the_call_on_dar_is_only_in_the_mofa_post_and_the_article() {
    let c = seed();
    let point = point_with(&c, &SEED, MOF, "called on the Deputy Prime Minister");
    assert_eq!(point, point_with(&c, &SEED, ART, "LoGerfo also called on"));
    assert_eq!(
        point,
        point_with(&c, &SEED, ART, "today called on the Deputy Prime Minister")
    );
    for s in 0..c.sentences[MOF].len() {
        let p = &c.points[c.point_of(MOF, s).expect("a point")];
        assert!(!p.has(EMB) && !p.has(FOD), "{p:?}");
        assert!(p.has(ART), "{p:?}");
    }
}

#[test]
fn the_seed_collation_is_lossless_and_deterministic() {
    let c = seed();
    check_lossless(&c, &SEED);
    assert_eq!(c, seed());
    assert_eq!(c.reading_order(0), (0..c.points.len()).collect::<Vec<_>>());
    // The similarity matrix is symmetric, 1 on the diagonal, within 0..=1.
    for i in 0..4 {
        assert_eq!(c.similarity[i][i], 1.0);
        for j in 0..4 {
            assert_eq!(c.similarity[i][j], c.similarity[j][i]);
            assert!((0.0..=1.0).contains(&c.similarity[i][j]));
        }
    }
    // Identical points hold one wording.
    for point in c.points.iter().filter(|p| p.kind == PointKind::Identical) {
        let texts: BTreeSet<&str> = point
            .sentences
            .iter()
            .enumerate()
            .flat_map(|(d, l)| l.iter().map(move |&s| (d, s)))
            .map(|(d, s)| SEED[d][c.sentences[d][s].content.range()].trim_matches('“'))
            .collect();
        assert_eq!(texts.len(), 1, "{texts:?}");
    }
}

#[test]
fn the_points_do_not_depend_on_the_order_of_the_seed_statements() {
    let reference = point_set(&seed(), &[0, 1, 2, 3]);
    // All 24 orders of the four statements.
    let mut perm = [0usize, 1, 2, 3];
    let mut orders = Vec::new();
    permutations(&mut perm, 0, &mut orders);
    assert_eq!(orders.len(), 24);
    for order in orders {
        let texts: Vec<&str> = order.iter().map(|&i| SEED[i]).collect();
        let c = collate(&texts, &Options::default());
        check_lossless(&c, &texts);
        assert_eq!(point_set(&c, &order), reference, "order {order:?}");
    }
}

fn permutations(items: &mut [usize; 4], k: usize, out: &mut Vec<[usize; 4]>) {
    if k == items.len() {
        out.push(*items);
        return;
    }
    for i in k..items.len() {
        items.swap(k, i);
        permutations(items, k + 1, out);
        items.swap(k, i);
    }
}

#[test]
fn the_reading_order_follows_the_pivot() {
    let c = seed();
    for pivot in 0..4 {
        let order = c.reading_order(pivot);
        // The pivot's sentences come in its order.
        let mut last = None;
        for &p in &order {
            if let Some(&first) = c.points[p].sentences[pivot].first() {
                assert!(last.is_none_or(|l| first > l), "pivot {pivot}: {order:?}");
                last = Some(first);
            }
        }
    }
    // The call on Dar, which the embassy lacks, reads after the article's sentence before it.
    let order = c.reading_order(EMB);
    let dar = point_with(&c, &SEED, MOF, "called on the Deputy Prime Minister");
    let before = point_with(&c, &SEED, ART, "Reaffirming the long-standing partnership");
    let at = |p: usize| order.iter().position(|&q| q == p).expect("placed");
    assert_eq!(at(dar), at(before) + 1, "{order:?}");
}

#[test]
fn word_sharing_marks_what_every_document_of_a_point_says() {
    let c = seed();
    let point = point_with(&c, &SEED, FOD, "Jaffar Express");
    let words = c.point_words(&SEED, point);
    assert_eq!(words.len(), 2);
    for sentence in &words {
        let text = SEED[sentence.document];
        for word in &sentence.words {
            let share = word.share(2);
            let piece = &text[word.span.range()];
            match piece {
                "the" | "for" | "of" | "in" | "and" | "," | "." => {
                    assert_eq!(share, Share::Function, "{piece}")
                }
                "Jaffar" | "Khuzdar" | "condolences" => assert_eq!(share, Share::All, "{piece}"),
                _ => {}
            }
        }
    }
    // In the co-chairs' point (the FO and the article, which copies the FO's sentence) the
    // co-chairs' names are every document's; in the point of the embassy's sentence on who
    // took part, "Baker" is every document's (the article's paraphrase names her).
    let share_in = |point: usize, document: usize, needle: &str| {
        let of = c.points[point].documents();
        c.point_words(&SEED, point)
            .iter()
            .filter(|s| s.document == document)
            .flat_map(|s| s.words.clone())
            .find(|w| &SEED[document][w.span.range()] == needle)
            .map(|w| w.share(of))
    };
    let co_chairs = point_with(&c, &SEED, FOD, "co-chaired");
    assert_eq!(share_in(co_chairs, FOD, "LoGerfo"), Some(Share::All));
    assert_eq!(share_in(co_chairs, FOD, "Munir"), Some(Share::All));
    let logerfo = point_with(&c, &SEED, EMB, "LoGerfo");
    assert_eq!(share_in(logerfo, EMB, "Baker"), Some(Share::All));
}

#[test]
fn few_documents_and_many_work() {
    let none = collate(&[], &Options::default());
    assert!(none.points.is_empty() && none.is_empty());
    let one = collate(&[FO], &Options::default());
    check_lossless(&one, &[FO]);
    assert!(one.points.iter().all(|p| p.kind == PointKind::Single));
    let two = collate(&[EMBASSY, FO], &Options::default());
    check_lossless(&two, &[EMBASSY, FO]);
    // Eight documents, some empty, some repeated.
    let eight = [EMBASSY, FO, "", MOFA, ARTICLE, FO, "Short.", EMBASSY];
    let c = collate(&eight, &Options::default());
    check_lossless(&c, &eight);
    assert_eq!(c.len(), 8);
}

/// Statements made of the seed's sentences (so that they link) and tricky pieces.
fn statement() -> impl Strategy<Value = String> {
    static PIECES: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    let pieces = PIECES.get_or_init(|| {
        let table: Value = serde_json::from_str(include_str!("fixtures/tricky-pieces.json"))
            .expect("tricky-pieces.json");
        let mut pieces: Vec<String> = table["pieces"]
            .as_array()
            .expect("a list")
            .iter()
            .filter_map(|v| v.as_str().map(str::to_owned))
            .collect();
        for text in SEED {
            pieces.extend(
                parallax::engine::segment::sentences(text)
                    .iter()
                    .map(|s| text[s.content.range()].to_owned()),
            );
        }
        pieces
    });
    prop::collection::vec(
        (
            prop::sample::select(pieces.clone()),
            prop::sample::select(vec![" ", "\n\n", " ", "\n"]),
        ),
        0..14,
    )
    .prop_map(|parts| {
        parts
            .into_iter()
            .map(|(piece, glue)| format!("{piece}{glue}"))
            .collect()
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(40))]

    #[test]
    fn the_points_are_the_same_for_any_order_of_the_documents(
        texts in prop::collection::vec(statement(), 3..6),
        order in prop::collection::vec(any::<prop::sample::Index>(), 6),
    ) {
        // A permutation of the documents from the random indexes.
        let mut remaining: Vec<usize> = (0..texts.len()).collect();
        let mut perm = Vec::with_capacity(texts.len());
        for index in order.iter().take(texts.len()) {
            perm.push(remaining.remove(index.index(remaining.len())));
        }
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        let permuted: Vec<&str> = perm.iter().map(|&i| refs[i]).collect();
        let c = collate(&refs, &Options::default());
        check_lossless(&c, &refs);
        let d = collate(&permuted, &Options::default());
        check_lossless(&d, &permuted);
        let identity: Vec<usize> = (0..refs.len()).collect();
        // Documents with the same text may swap roles; compare through their texts then.
        let distinct = refs.iter().collect::<BTreeSet<_>>().len() == refs.len();
        if distinct {
            prop_assert_eq!(point_set(&d, &perm), point_set(&c, &identity));
        } else {
            prop_assert_eq!(c.points.len(), d.points.len());
        }
    }
}

// The command line.

fn run(args: &[&std::ffi::OsStr]) -> Output {
    run_compare(args)
}

fn three() -> [PathBuf; 3] {
    [
        sample("us-embassy-x-post.txt"),
        sample("fo-joint-press-statement.txt"),
        sample("pakistan-mofa-post-call-on-dar.txt"),
    ]
}

fn run_three(files: &[PathBuf], extra: &[&str]) -> Output {
    let mut args: Vec<&std::ffi::OsStr> = files.iter().map(|p| p.as_os_str()).collect();
    args.extend(extra.iter().map(std::ffi::OsStr::new));
    run(&args)
}

fn success(out: &Output) -> String {
    assert!(
        out.status.success(),
        "parallax failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout.clone()).expect("UTF-8 output")
}

#[test]
fn three_files_give_the_documented_json() {
    let files = three();
    let json: Value =
        serde_json::from_str(&success(&run_three(&files, &["--format", "json"]))).expect("JSON");
    assert_eq!(json["format"], "parallax-collation");
    assert_eq!(json["version"], 1);
    assert!(json["parallax_version"].is_string());
    assert_eq!(json["pivot"], 0);
    assert!(json["options"]["threshold"].is_number());
    let documents = json["documents"].as_array().expect("documents");
    assert_eq!(documents.len(), 3);
    let mut counts = Vec::new();
    for (document, file) in documents.iter().zip(&files) {
        let text = std::fs::read_to_string(file).expect("sample");
        assert_eq!(document["text"].as_str(), Some(text.as_str()));
        assert_eq!(
            document["name"].as_str(),
            file.file_name().and_then(|n| n.to_str())
        );
        assert_eq!(
            document["path"].as_str(),
            Some(file.display().to_string().as_str())
        );
        assert_eq!(document["size"].as_u64(), Some(text.len() as u64));
        assert_eq!(document["sha256"].as_str().map(str::len), Some(64));
        assert_eq!(document["format"], "text");
        assert_eq!(document["encoding"], "UTF-8");
        let mut at = 0;
        for s in document["sentences"].as_array().expect("sentences") {
            assert_eq!(s["start"].as_u64(), Some(at));
            at = s["end"].as_u64().expect("end");
        }
        assert_eq!(at, text.len() as u64, "the sentences partition the text");
        counts.push(document["sentences"].as_array().map_or(0, Vec::len));
    }
    let mut seen: Vec<Vec<usize>> = counts.iter().map(|&n| vec![0; n]).collect();
    for point in json["points"].as_array().expect("points") {
        let kind = point["kind"].as_str().expect("kind");
        assert!(["identical", "equivalent", "related", "single"].contains(&kind));
        let lists = point["sentences"].as_array().expect("sentences");
        assert_eq!(lists.len(), 3, "one list per document");
        for (d, list) in lists.iter().enumerate() {
            for s in list.as_array().expect("indexes") {
                seen[d][s.as_u64().expect("index") as usize] += 1;
            }
        }
    }
    assert!(seen.iter().flatten().all(|&n| n == 1), "lossless: {seen:?}");
    let similarity = json["similarity"].as_array().expect("similarity");
    assert_eq!(similarity.len(), 3);
    assert!(
        similarity
            .iter()
            .all(|row| row.as_array().map(Vec::len) == Some(3))
    );
    assert_eq!(similarity[0][0].as_f64(), Some(1.0));
}

#[test]
fn html_and_markdown_have_a_column_and_the_provenance_of_every_document() {
    let files = three();
    let html = success(&run_three(&files, &["--format", "html"]));
    let markdown = success(&run_three(&files, &["--format", "markdown"]));
    for (i, file) in files.iter().enumerate() {
        let name = file.file_name().and_then(|n| n.to_str()).expect("name");
        let bytes = std::fs::read(file).expect("sample");
        let sha = sha256_hex(&bytes);
        assert!(
            html.contains(&format!("<th>D{} {name}</th>", i + 1)),
            "column {name}"
        );
        assert!(html.contains(&sha), "html provenance of {name}");
        assert!(html.contains(&format!("{} bytes", bytes.len())));
        assert!(
            markdown.contains(&format!("| D{} {name} ", i + 1))
                || markdown.contains(&format!("| D{} {name} |", i + 1)),
            "column {name}"
        );
        assert!(markdown.contains(&sha), "markdown provenance of {name}");
    }
    assert!(html.contains("Presence map") && markdown.contains("Presence map"));
    assert!(html.contains("class=\"absent\"") && markdown.contains("| — |"));
    // The points table's header has one column per document besides the point's.
    let header = markdown
        .lines()
        .find(|l| l.starts_with("| point | D1"))
        .expect("the points table");
    assert_eq!(header.matches(" | ").count(), 3);
}

fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::Digest;
    sha2::Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[test]
fn statement_text_is_escaped_in_html_and_markdown() {
    let dir = scratch("collate", "escaping");
    let hostile = dir.join("hostile.txt");
    std::fs::write(
        &hostile,
        "The <script>alert(1)</script> | *bold* statement was read.\n",
    )
    .expect("write");
    let mut files = three().to_vec();
    files.push(hostile);
    let html = success(&run_three(&files, &["--format", "html"]));
    assert!(!html.contains("<script>") && html.contains("&lt;script&gt;"));
    let markdown = success(&run_three(&files, &["--format", "markdown"]));
    assert!(!markdown.contains("<script>") && markdown.contains("\\|"));
}

#[test]
fn text_output_lists_the_points_and_who_lacks_them() {
    let out = success(&run_three(&three(), &[]));
    assert!(out.starts_with("Collation of 3 documents"), "{out}");
    assert!(out.contains("Point 1 ["));
    assert!(out.contains("not in D"));
}

#[test]
fn output_onto_an_input_is_refused_and_the_input_is_unchanged() {
    let dir = scratch("collate", "overwrite");
    let files: Vec<PathBuf> = three()
        .iter()
        .map(|f| {
            let copy = dir.join(f.file_name().expect("name"));
            std::fs::copy(f, &copy).expect("copy");
            copy
        })
        .collect();
    let before = std::fs::read(&files[2]).expect("read");
    let target = files[2].as_os_str().to_owned();
    let out = run_three(&files, &["--format", "json", "-o"]);
    assert!(!out.status.success(), "no output file given: {out:?}");
    let mut args: Vec<&std::ffi::OsStr> = files.iter().map(|p| p.as_os_str()).collect();
    args.extend([std::ffi::OsStr::new("-o"), &target]);
    let out = run(&args);
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("refusing to overwrite an input file"),
        "{stderr}"
    );
    assert!(stderr.contains(&files[2].display().to_string()), "{stderr}");
    assert_eq!(std::fs::read(&files[2]).expect("read"), before);
}

#[test]
fn a_bad_file_is_one_line_naming_it() {
    let dir = scratch("collate", "bad-file");
    let missing = dir.join("no-such-statement.txt");
    let empty = dir.join("empty.txt");
    std::fs::write(&empty, "").expect("write");
    for bad in [&missing, &empty] {
        let mut files = three().to_vec();
        files.insert(1, bad.clone());
        let out = run_three(&files, &["--format", "json"]);
        assert_eq!(out.status.code(), Some(2), "{out:?}");
        assert!(out.stdout.is_empty());
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(stderr.lines().count(), 1, "{stderr}");
        assert!(stderr.contains(&bad.display().to_string()), "{stderr}");
    }
}

#[test]
fn two_files_are_still_a_comparison() {
    let [left, right, _] = three();
    let out = success(&run_three(&[left, right], &["--format", "json"]));
    let json: Value = serde_json::from_str(&out).expect("JSON");
    assert_eq!(json["format"], "parallax-comparison");
}

#[test]
fn an_output_file_holds_what_stdout_would() {
    let dir = scratch("collate", "output-file");
    let path: &Path = &dir.join("collation.md");
    let files = three();
    let stdout = success(&run_three(&files, &["--format", "markdown"]));
    let mut args: Vec<&std::ffi::OsStr> = files.iter().map(|p| p.as_os_str()).collect();
    args.extend(["--format", "markdown", "-o"].map(std::ffi::OsStr::new));
    args.push(path.as_os_str());
    assert!(success(&run(&args)).is_empty());
    let written = std::fs::read_to_string(path).expect("written");
    // The same but for the time stamp (the provenance's "Collated:" line).
    let strip = |s: &str| -> Vec<String> {
        s.lines()
            .filter(|l| !l.contains("Collated:"))
            .map(str::to_owned)
            .collect()
    };
    assert_eq!(strip(&written), strip(&stdout));
}

#[test]
fn a_bug_is_one_line_naming_every_file_with_its_own_exit_status() {
    let files = three();
    let mut args: Vec<&std::ffi::OsStr> = files.iter().map(|p| p.as_os_str()).collect();
    args.extend(["--format", "json"].map(std::ffi::OsStr::new));
    let out = parallax()
        .arg("compare")
        .args(&args)
        .env("PARALLAX_TEST_PANIC", "1")
        .output()
        .expect("run parallax");
    assert_eq!(out.status.code(), Some(70), "{out:?}");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    for file in &files {
        assert!(stderr.contains(&file.display().to_string()), "{stderr}");
    }
    assert!(stderr.contains("bug in Parallax"), "{stderr}");
}

#[test]
fn a_raised_cancel_flag_stops_the_collation_and_a_fresh_one_changes_nothing() {
    use parallax::engine::collate::{collate_cancellable, collate_with};
    use parallax::engine::{Cancel, Cancelled, Equivalences, Options};
    let texts = [EMBASSY, FO, MOFA, ARTICLE];
    let options = Options::default();
    let equivalences = Equivalences::builtin_ref();
    let cancel = Cancel::new();
    cancel.cancel();
    assert_eq!(
        collate_cancellable(&texts, &options, equivalences, &cancel).err(),
        Some(Cancelled)
    );
    let fresh = Cancel::new();
    assert_eq!(
        collate_cancellable(&texts, &options, equivalences, &fresh).ok(),
        Some(collate_with(&texts, &options, equivalences))
    );
}

/// A collation prepares each document once, with one term table for all of them; each pair of
/// documents must still link exactly as the two-text comparison of that pair does (the same
/// sentences, kinds and scores), whatever else is collated with them. Copies of a text are
/// compared once for all their pairs: each of their pairs must still be that comparison.
#[test]
fn a_collation_links_each_pair_as_its_two_text_comparison_does() {
    let edited = FO
        .replace("emphasized", "stressed")
        .replace("Pakistan", "Pakistan's government");
    let texts: Vec<&str> = SEED
        .iter()
        .copied()
        .chain([edited.as_str(), SEED[0], edited.as_str(), edited.as_str()])
        .collect();
    let collation = collate(&texts, &Options::default());
    assert_eq!(collation.pairs.len(), texts.len() * (texts.len() - 1) / 2);
    let key = |links: &[parallax::engine::Link]| -> Vec<(usize, usize, String, u32)> {
        links
            .iter()
            .map(|l| (l.left, l.right, format!("{:?}", l.kind), l.score.to_bits()))
            .collect()
    };
    for pair in &collation.pairs {
        let alone =
            parallax::engine::compare(texts[pair.left], texts[pair.right], &Options::default());
        let mut expected = key(&alone.links);
        expected.sort();
        let mut got = key(&pair.links);
        got.sort();
        assert_eq!(got, expected, "documents {} and {}", pair.left, pair.right);
    }
}

/// A collation compares each pair without word diffs and names no shared terms (it keeps only
/// links and counts); its counts must still be the two-text comparison's: the same word
/// similarity and share of linked sentences, bit for bit, and the same links. On the seed's
/// statements, copies and edits of them (rows of the same words, of equivalent words under the
/// options, and reworded), with and without case and punctuation ignored.
#[test]
fn a_collation_counts_each_pair_as_its_two_text_comparison_does() {
    let edited = FO
        .replace("emphasized", "stressed")
        .replace("Counter-Terrorism", "Counter Terrorism")
        .replace("The US applauded", "THE US APPLAUDED");
    let shuffled: String = {
        let mut paragraphs: Vec<&str> = ARTICLE.split("\n\n").collect();
        paragraphs.reverse();
        paragraphs.join("\n\n")
    };
    let copied = format!("{EMBASSY}\n\n{MOFA}");
    let texts: Vec<&str> = SEED
        .iter()
        .copied()
        .chain([edited.as_str(), shuffled.as_str(), copied.as_str(), FO])
        .collect();
    let ignoring = Options {
        ignore_case: true,
        ignore_punctuation: true,
        ..Options::default()
    };
    for options in [Options::default(), ignoring] {
        let collation = collate(&texts, &options);
        assert_eq!(collation.pairs.len(), texts.len() * (texts.len() - 1) / 2);
        for pair in &collation.pairs {
            let (a, b) = (pair.left, pair.right);
            let alone = parallax::engine::compare(texts[a], texts[b], &options);
            let s = &alone.stats;
            assert_eq!(
                pair.word_similarity.to_bits(),
                s.similarity.to_bits(),
                "documents {a} and {b}"
            );
            let sentences = s.left_sentences + s.right_sentences;
            let coverage = (s.left_linked + s.right_linked) as f32 / sentences.max(1) as f32;
            assert_eq!(collation.similarity[a][b].to_bits(), coverage.to_bits());
            let key = |links: &[parallax::engine::Link]| -> Vec<(usize, usize, String, u32)> {
                let mut key: Vec<_> = links
                    .iter()
                    .map(|l| (l.left, l.right, format!("{:?}", l.kind), l.score.to_bits()))
                    .collect();
                key.sort_unstable();
                key
            };
            assert_eq!(key(&pair.links), key(&alone.links), "documents {a} and {b}");
            assert!(pair.links.iter().all(|l| l.shared.is_empty()));
        }
    }
}
