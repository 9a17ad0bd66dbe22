//! `parallax compare A B C [D…]`: three or more statements collated into points across
//! documents, with the insights across them (who names what, shared phrases, wording strength;
//! `--analysis` as for two files), written as text, JSON, HTML or Markdown. Errors are handled
//! as for two files: one line on stderr naming the file and the reason, exit status 2; a bug
//! exits with [`super::EXIT_INTERNAL`] and names every file.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::{ANALYSIS_AUTO_MAX_BYTES, AnalysisMode, CompareArgs, EXIT_INTERNAL, read_equivalences};
use crate::analysis::{StrengthLexicon, analyse_collation};
use crate::engine::collate::collate_with;
use crate::engine::{Equivalences, Options};
use crate::export::collation::{self, CollationReport};
use crate::export::{Provenance, is_input};
use crate::load::{Document, LoadError, LoadOptions, load_file_with};

/// The input paths in the order given.
fn inputs(args: &CompareArgs) -> Vec<&PathBuf> {
    [&args.left, &args.right]
        .into_iter()
        .chain(args.more.iter())
        .collect()
}

/// Runs the collation of `args`' three or more files; returns the process exit code.
pub(super) fn run(args: &CompareArgs) -> ExitCode {
    match crate::crash::catch("collating", || try_collate(args)) {
        Ok(Ok(())) => ExitCode::SUCCESS,
        Ok(Err(error)) => {
            eprintln!("parallax: {error:#}");
            ExitCode::from(2)
        }
        Err(crash) => {
            let names: Vec<String> = inputs(args)
                .iter()
                .map(|p| p.display().to_string())
                .collect();
            eprintln!(
                "parallax: {}: {crash}. This is a bug in Parallax; please report it with these \
                 files.",
                names.join(", ")
            );
            ExitCode::from(EXIT_INTERNAL)
        }
    }
}

fn load(path: &Path, open_anyway: bool) -> anyhow::Result<Document> {
    load_file_with(path, LoadOptions { open_anyway }).map_err(|error| match error {
        LoadError::Damaged { .. } => {
            anyhow::anyhow!("{error}; --open-anyway opens it with them replaced by U+FFFD")
        }
        other => other.into(),
    })
}

fn try_collate(args: &CompareArgs) -> anyhow::Result<()> {
    // Test builds only: a way for the tests to see what a bug looks like to the user.
    #[cfg(debug_assertions)]
    if std::env::var_os("PARALLAX_TEST_PANIC").is_some() {
        panic!("a panic injected by PARALLAX_TEST_PANIC");
    }
    if !(0.0..=1.0).contains(&args.threshold) {
        anyhow::bail!(
            "--threshold must be between 0 and 1, not {}",
            args.threshold
        );
    }
    let inputs = inputs(args);
    // Refuse to overwrite an input before any work is done.
    let input_paths: Vec<&Path> = inputs.iter().map(|p| p.as_path()).collect();
    if let Some(path) = &args.output
        && is_input(path, &input_paths)
    {
        anyhow::bail!("{}: refusing to overwrite an input file", path.display());
    }
    let mut equivalences = Equivalences::builtin();
    if let Some(path) = &args.equivalences {
        equivalences.extend(read_equivalences(path)?);
    }
    let documents = inputs
        .iter()
        .map(|path| load(path, args.open_anyway))
        .collect::<anyhow::Result<Vec<Document>>>()?;
    let options = Options::default()
        .ignore_case(args.ignore_case)
        .ignore_punctuation(args.ignore_punctuation)
        .mark_variants(args.mark_variants)
        .threshold(args.threshold)
        .use_equivalences(!args.no_equivalences);
    let texts: Vec<&str> = documents.iter().map(|d| d.text.as_str()).collect();
    let collation = collate_with(&texts, &options, &equivalences);
    // As for two files: `auto` analyses statements, not every document of any size.
    let wanted = match args.analysis {
        AnalysisMode::Always => true,
        AnalysisMode::Never => false,
        AnalysisMode::Auto => texts
            .iter()
            .all(|text| text.len() <= ANALYSIS_AUTO_MAX_BYTES),
    };
    let insights = wanted.then(|| {
        analyse_collation(
            &texts,
            &collation,
            &equivalences,
            StrengthLexicon::builtin_ref(),
        )
    });
    let report = CollationReport {
        documents: &documents,
        collation: &collation,
        pivot: 0,
        provenance: Provenance {
            generated: std::time::SystemTime::now(),
        },
        insights: insights.as_ref(),
    };
    let written = match &args.output {
        Some(path) => {
            return collation::write_file(path, args.format, &report).map_err(Into::into);
        }
        None => {
            let stdout = std::io::stdout();
            let colour = stdout.is_terminal();
            let mut sink = std::io::BufWriter::new(stdout.lock());
            collation::write(&mut sink, args.format, &report, colour).and_then(|()| sink.flush())
        }
    };
    match written {
        // A closed pipe (`| head`) is not an error worth reporting.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => other.map_err(|e| anyhow::anyhow!("writing output: {e}")),
    }
}
