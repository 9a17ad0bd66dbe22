//! Build-time tables: the stems of the words of the table of counterparts
//! (`assets/counterparts.txt`), made by the stemmer the program uses (rust-stemmers' English
//! Snowball), so that reading the table at every start does not stem them again (a fifth of
//! a statement's run went to reading the built-in tables, half of that to stemming).

use std::collections::BTreeMap;
use std::fmt::Write as _;

use rust_stemmers::{Algorithm, Stemmer};

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=assets/counterparts.txt");
    let table = match std::fs::read_to_string("assets/counterparts.txt") {
        Ok(table) => table,
        Err(error) => panic!("assets/counterparts.txt: {error}"),
    };
    let stemmer = Stemmer::create(Algorithm::English);
    // Every word the table's reader can stem (its lines are read in lower case, their forms
    // split at `|`, `=`, `:` and spaces), and the stem of each.
    let mut stems = BTreeMap::new();
    for line in table.lines() {
        let line = line.split('#').next().unwrap_or("").to_lowercase();
        for word in line.split(['|', '=', ':', ' ', '\t']).map(str::trim) {
            if !word.is_empty() {
                stems.insert(word.to_owned(), stemmer.stem(word).into_owned());
            }
        }
    }
    let mut out = String::from(
        "/// Words of the table of counterparts and their stems, sorted by word (build.rs).\n\
         pub(super) static STEMS: &[(&str, &str)] = &[\n",
    );
    for (word, stem) in &stems {
        let _ = writeln!(out, "    ({word:?}, {stem:?}),");
    }
    out.push_str("];\n");
    let Some(dir) = std::env::var_os("OUT_DIR") else {
        panic!("cargo sets OUT_DIR for build scripts");
    };
    let path = std::path::Path::new(&dir).join("counterpart_stems.rs");
    if let Err(error) = std::fs::write(&path, out) {
        panic!("{}: {error}", path.display());
    }
}
