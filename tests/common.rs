//! Helpers shared by the test modules.

use std::path::{Path, PathBuf};

use parallax::engine::{OpTag, Row};

/// The bundled sample statements (samples/README.md says where each comes from).
pub const EMBASSY: &str = include_str!("../samples/us-embassy-x-post.txt");
pub const EMBASSY_PARAPHRASE: &str =
    include_str!("../samples/article-paraphrase-of-embassy-post.txt");
pub const MOFA: &str = include_str!("../samples/pakistan-mofa-post-call-on-dar.txt");
pub const MOFA_PARAPHRASE: &str = include_str!("../samples/article-paraphrase-of-mofa-post.txt");
pub const FO: &str = include_str!("../samples/fo-joint-press-statement.txt");
pub const ARTICLE: &str = include_str!("../samples/article-full.txt");

/// A bundled sample statement.
pub fn sample(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("samples")
        .join(name)
}

/// A fresh, empty scratch folder for one test of an area ("cli", "gui", ...).
pub fn scratch(area: &str, test: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(area).join(test);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch folder");
    dir
}

/// `(tag, left text, right text)` of a row's ops, trimmed.
pub fn op_texts<'a>(row: &Row, left: &'a str, right: &'a str) -> Vec<(OpTag, &'a str, &'a str)> {
    row.ops
        .iter()
        .map(|o| {
            (
                o.tag,
                left[o.left.range()].trim(),
                right[o.right.range()].trim(),
            )
        })
        .collect()
}
