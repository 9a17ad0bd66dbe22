//! Compares two files with another link model or thresholds and prints the JSON, for scoring
//! a model fitted without some pairs on those pairs (`examples/fit_links.py` does):
//!
//! ```sh
//! cargo build --release --example tune_links
//! ../shared/tools/align-score --tool "target/release/examples/tune_links {a} {b} MODEL 0.4"
//! ```
//!
//! Arguments: LEFT RIGHT [MODEL [EQUIVALENT [CONTAINED]]]: MODEL is a link model file in the
//! format of `assets/link-model.txt` ("-" for the built-in one); the rest default to the
//! constants of `engine::links`. With `TUNE_ANALYSIS` set, the JSON carries the insights too
//! (for `../shared/tools/stance-score --tool` on another model).

use std::path::Path;
use std::process::ExitCode;

use parallax::engine::{
    Comparer, Options,
    links::{Model, Params},
};
use parallax::export::json;
use parallax::load::load_file;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(left), Some(right)) = (args.first(), args.get(1)) else {
        eprintln!("usage: tune_links LEFT RIGHT [MODEL [EQUIVALENT [CONTAINED]]]");
        return ExitCode::from(2);
    };
    let mut params = Params::default();
    let number = |i: usize, default: f32| {
        args.get(i)
            .and_then(|a| a.parse::<f32>().ok())
            .unwrap_or(default)
    };
    if let Some(path) = args.get(2).filter(|p| *p != "-") {
        let model = std::fs::read_to_string(path)
            .map_err(|e| e.to_string())
            .and_then(|text| Model::parse(&text));
        match model {
            Ok(model) => params.model = model,
            Err(e) => {
                eprintln!("{path}: {e}");
                return ExitCode::from(2);
            }
        }
    }
    params.equivalent = number(3, params.equivalent);
    params.contained = f64::from(number(4, params.contained as f32));
    let (left, right) = match (load_file(Path::new(left)), load_file(Path::new(right))) {
        (Ok(l), Ok(r)) => (l, r),
        (Err(e), _) | (_, Err(e)) => {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    };
    let options = Options::default();
    let comparison = Comparer::new(&options)
        .params(&params)
        .compare(&left.text, &right.text);
    let analysis = std::env::var_os("TUNE_ANALYSIS")
        .map(|_| parallax::analysis::analyse_builtin(&left.text, &right.text, &comparison));
    let mut out = std::io::stdout().lock();
    let report = parallax::export::Report {
        left: &left,
        right: &right,
        comparison: &comparison,
        notes: &[],
        terms: &[],
        analysis: analysis.as_ref(),
        provenance: parallax::export::Provenance {
            generated: std::time::SystemTime::now(),
        },
    };
    match json::write(&mut out, &report) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{e}");
            ExitCode::from(1)
        }
    }
}
