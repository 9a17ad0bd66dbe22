//! `parallax compare A B C [D…]`: three or more statements collated into points across
//! documents, with the insights across them (who names what, shared phrases, wording strength;
//! `--analysis` as for two files), written as text, JSON, HTML or Markdown. Errors are handled
//! as for two files: one line on stderr naming the file and the reason, exit status 2; a bug
//! exits with [`super::EXIT_INTERNAL`] and names every file.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::{CompareArgs, EXIT_INTERNAL};
use crate::analysis::{StrengthLexicon, analyse_collation};
use crate::engine::collate::collate_with;
use crate::export::collation::{self, CollationReport};
use crate::export::{Provenance, is_input};
use crate::load::Document;

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

fn try_collate(args: &CompareArgs) -> anyhow::Result<()> {
    let inputs = inputs(args);
    // Refuse to overwrite an input before any work is done.
    let input_paths: Vec<&Path> = inputs.iter().map(|p| p.as_path()).collect();
    if let Some(path) = &args.output
        && is_input(path, &input_paths)
    {
        anyhow::bail!("{}: refusing to overwrite an input file", path.display());
    }
    let (equivalences, _, _) = args.prepare()?;
    let documents = inputs
        .iter()
        .map(|path| args.load(path))
        .collect::<anyhow::Result<Vec<Document>>>()?;
    let texts: Vec<&str> = documents.iter().map(|d| d.text.as_str()).collect();
    let collation = collate_with(&texts, &args.options(), &equivalences);
    let wanted = args.analysis_wanted(&texts);
    let insights = wanted.then(|| {
        analyse_collation(
            &texts,
            &collation,
            &equivalences,
            StrengthLexicon::builtin_ref(),
        )
    });
    let documents: Vec<&Document> = documents.iter().collect();
    let report = CollationReport {
        documents: &documents,
        collation: &collation,
        pivot: 0,
        provenance: Provenance {
            generated: std::time::SystemTime::now(),
        },
        insights: insights.as_ref(),
    };
    args.emit(
        |path| collation::write_file(path, args.format, &report),
        |out, colour| collation::write(out, args.format, &report, colour),
    )
}
