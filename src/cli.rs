//! Command-line interface: `parallax [LEFT RIGHT]` opens the window, `parallax compare` runs
//! headless. Errors are handled here once: one line on stderr, exit code 2.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use crate::analysis::{Helping, StrengthLexicon, TextReading, analyse_read, read_compared};
use crate::engine::parallel::both;
use crate::engine::{Comparer, Equivalences, Knowledge, Lexicon, Options};
use crate::export;
use crate::load::load_file_with;

mod collate;
mod reader;

/// Parallax: compare two official statements sentence by sentence.
#[derive(Debug, Parser)]
#[command(
    name = "parallax",
    version,
    about,
    args_conflicts_with_subcommands = true,
    after_help = "Compare headless (parallax compare --help for each option):\n  \
        parallax compare LEFT RIGHT [--format text|json|html|markdown] [-o FILE]\n    \
        [--ignore-case] [--ignore-punctuation] [--mark-variants] [--threshold 0.4]\n    \
        [--equivalences FILE] [--no-equivalences] [--analysis auto|always|never]\n    \
        [--open-anyway]\n  \
        parallax compare A B C [D...] [the same options]: collate three or more\n\n\
        Exit status: 0 success; 2 an input cannot be read (one line naming the file and the\n\
        reason); 70 a bug in Parallax (one line naming both files)."
)]
pub struct Cli {
    /// Headless commands.
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Left statement to open in the window (default: a bundled sample pair).
    pub left: Option<PathBuf>,
    /// Right statement to open in the window (with only LEFT, the window asks for it).
    pub right: Option<PathBuf>,
    /// More statements: with three or more, the window opens on their collation.
    pub more: Vec<PathBuf>,
    /// Window theme for this run (default: as last chosen, else the system's).
    #[arg(long, value_enum)]
    pub theme: Option<Theme>,
}

/// Window themes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Theme {
    /// Follow the system.
    System,
    /// Light.
    Light,
    /// Dark.
    Dark,
}

#[cfg(feature = "gui")]
impl From<Theme> for egui::ThemePreference {
    fn from(theme: Theme) -> Self {
        match theme {
            Theme::System => Self::System,
            Theme::Light => Self::Light,
            Theme::Dark => Self::Dark,
        }
    }
}

/// Headless commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Compare two statements and print the result; with three or more, collate them.
    Compare(CompareArgs),
}

/// Arguments of `parallax compare`.
#[derive(Debug, clap::Args)]
pub struct CompareArgs {
    /// Left statement.
    pub left: PathBuf,
    /// Right statement.
    pub right: PathBuf,
    /// Further statements: with three or more, the collation of all of them (points across
    /// documents, one column per document).
    #[arg(value_name = "MORE")]
    pub more: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// Compare without regard to letter case.
    #[arg(long)]
    pub ignore_case: bool,
    /// Leave punctuation out of the comparison.
    #[arg(long)]
    pub ignore_punctuation: bool,
    /// Mark spelling and typography variants ("U.S." / "US", curly / straight quotes) as
    /// equivalent wording instead of treating them as the same words.
    #[arg(long)]
    pub mark_variants: bool,
    /// How much wording (0 to 1) two sentences must share to be paired as a reworded copy with a
    /// word diff; counterparts in other words are linked whatever it is.
    #[arg(long, default_value_t = Options::default().threshold)]
    pub threshold: f32,
    /// Open a file that is UTF-8 but for a few invalid bytes or NULs (a bad copy from a PDF)
    /// with them replaced by U+FFFD; the encoding in every output says how many were.
    #[arg(long)]
    pub open_anyway: bool,
    /// Named entities, shared phrases and wording strength: `auto` computes them for documents
    /// up to 256 KiB each (statements), `always` for any size, `never` skips them.
    #[arg(long, value_enum, default_value_t = AnalysisMode::Auto)]
    pub analysis: AnalysisMode,
    /// Table of equivalent terms extending the built-in one (one group per line, forms
    /// separated by "|"; see assets/equivalences.txt).
    #[arg(long, value_name = "FILE")]
    pub equivalences: Option<PathBuf>,
    /// Treat equivalent terms ("US" and "United States") as different words.
    #[arg(long)]
    pub no_equivalences: bool,
    /// Write to this file instead of standard output.
    #[arg(short, long)]
    pub output: Option<PathBuf>,
}

/// When to compute the analyst's insights.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum AnalysisMode {
    /// For documents up to 256 KiB each.
    Auto,
    /// Always.
    Always,
    /// Never (the fields are empty).
    Never,
}

/// Below this many bytes of the two texts together, the insights read the texts while the
/// comparison runs ([`read_texts`]); from it on, after the comparison, to spare memory.
const EARLY_READING_BYTES: usize = 512 * 1024;

/// Largest document (bytes) for which `--analysis auto` computes insights: statements are far
/// smaller, and on long documents the shared-phrase search dominates the run time.
pub const ANALYSIS_AUTO_MAX_BYTES: usize = 256 * 1024;

/// Output formats of `parallax compare`: the exporters' one format list.
pub use crate::export::Format;

/// Exit status when Parallax itself failed (a bug), not the input: 70, `EX_SOFTWARE` of
/// sysexits.h. Bad input exits with 2.
pub const EXIT_INTERNAL: u8 = 70;

/// Runs `parallax compare`; returns the process exit code.
pub fn run_compare(args: &CompareArgs) -> ExitCode {
    if !args.more.is_empty() {
        return collate::run(args);
    }
    match crate::crash::catch("comparing", || try_compare(args)) {
        Ok(Ok(())) => ExitCode::SUCCESS,
        Ok(Err(error)) => {
            eprintln!("parallax: {error:#}");
            ExitCode::from(2)
        }
        Err(crash) => {
            eprintln!(
                "parallax: {} and {}: {crash}. This is a bug in Parallax; please report it with \
                 both files.",
                args.left.display(),
                args.right.display()
            );
            ExitCode::from(EXIT_INTERNAL)
        }
    }
}

impl CompareArgs {
    /// The comparison options the flags ask for.
    fn options(&self) -> Options {
        Options::default()
            .ignore_case(self.ignore_case)
            .ignore_punctuation(self.ignore_punctuation)
            .mark_variants(self.mark_variants)
            .threshold(self.threshold)
            .use_equivalences(!self.no_equivalences)
    }

    /// Checks the flags and reads the tables of equivalent terms and counterparts (built-in,
    /// plus the user's file).
    fn prepare(&self) -> anyhow::Result<(Equivalences, Option<Lexicon>, crate::terms::Terms)> {
        // Test builds only: a way for the tests to see what a bug looks like to the user.
        #[cfg(debug_assertions)]
        if std::env::var_os("PARALLAX_TEST_PANIC").is_some() {
            panic!("a panic injected by PARALLAX_TEST_PANIC");
        }
        if !(0.0..=1.0).contains(&self.threshold) {
            anyhow::bail!(
                "--threshold must be between 0 and 1, not {}",
                self.threshold
            );
        }
        let terms = match &self.equivalences {
            Some(path) => read_terms(path)?,
            None => crate::terms::Terms::default(),
        };
        // Without rows of its own, the built-in table of counterparts, read once.
        Ok((terms.equivalences(), terms.own_lexicon(), terms))
    }

    /// Whether to compute the insights for documents of these sizes: `auto` analyses
    /// statements, not every document of any size.
    fn analysis_wanted(&self, texts: &[&str]) -> bool {
        match self.analysis {
            AnalysisMode::Always => true,
            AnalysisMode::Never => false,
            AnalysisMode::Auto => texts.iter().all(|t| t.len() <= ANALYSIS_AUTO_MAX_BYTES),
        }
    }

    /// Whether the two inputs are read at the same time: not two plain-text statements, which
    /// load in less time than a new thread can take to get a core (up to 2 ms on this
    /// workplace's machines, against 0.15 ms to load a 64 KiB text); a PDF or a Word file of
    /// any size is worth a thread.
    fn loads_in_parallel(&self) -> bool {
        let [left, right] = [&self.left, &self.right].map(|path| {
            let extracted = path
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("pdf") || e.eq_ignore_ascii_case("docx"));
            let size = std::fs::metadata(path).map_or(u64::MAX, |m| m.len());
            if extracted { u64::MAX } else { size }
        });
        left.saturating_add(right) >= PARALLEL_LOAD_BYTES
    }

    /// Reads one input; a file with a few damaged bytes says how to open it anyway.
    fn load(&self, path: &std::path::Path) -> anyhow::Result<crate::load::Document> {
        let options = crate::load::LoadOptions {
            open_anyway: self.open_anyway,
        };
        if path.as_os_str() == "-" && !path.exists() {
            anyhow::bail!(
                "-: reading a statement from standard input is not supported; save it to a file \
                 and name the file"
            );
        }
        load_file_with(path, options).map_err(|error| match error {
            crate::load::LoadError::Damaged { .. } => {
                anyhow::anyhow!("{error}; --open-anyway opens it with them replaced by U+FFFD")
            }
            other => other.into(),
        })
    }

    /// Writes the output: to `-o FILE` through `to_file` (which never writes over an input),
    /// else to standard output through `to_stdout` (coloured on a terminal). A closed pipe
    /// (`| head`) is not an error worth reporting.
    fn emit(
        &self,
        to_file: impl FnOnce(&std::path::Path) -> Result<(), export::ExportError>,
        to_stdout: impl FnOnce(&mut dyn Write, bool) -> std::io::Result<()>,
    ) -> anyhow::Result<()> {
        if let Some(path) = &self.output {
            return to_file(path).map_err(Into::into);
        }
        let stdout = std::io::stdout();
        let colour = stdout.is_terminal();
        // A report of a long pair is megabytes: written in large pieces.
        let mut sink = std::io::BufWriter::with_capacity(OUTPUT_BUFFER, stdout.lock());
        match to_stdout(&mut sink, colour).and_then(|()| sink.flush()) {
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
            other => other.map_err(|e| anyhow::anyhow!("writing output: {e}")),
        }
    }
}

/// From this many bytes in the two input files, they are read on two threads
/// ([`CompareArgs::loads_in_parallel`]).
const PARALLEL_LOAD_BYTES: u64 = 192 * 1024;

/// The size of the buffer the output is written through.
const OUTPUT_BUFFER: usize = 1 << 16;

fn try_compare(args: &CompareArgs) -> anyhow::Result<()> {
    let loaded = std::sync::OnceLock::new();
    let signal = reader::Signal::default();
    let split = reader::Split::default();
    let helping = Helping::default();
    let written = std::thread::scope(|scope| {
        // On texts of a few pages, what the insights read of the texts alone (tokens, names,
        // shared phrases, who each sentence credits) is read while the comparison runs, on
        // a thread started now (see `reader`): a statement's insights then cost little more
        // than its comparison. Longer texts are read after it, so that the two peaks of
        // memory do not add up (on the 1 MiB pair, 54 MB against 71).
        let shared = reader::Shared {
            loaded: &loaded,
            split: &split,
            signal: &signal,
            helping: &helping,
        };
        let reading = crate::engine::parallel::spawn_elsewhere(scope, move || reader::read(shared));
        let _stop = signal.stop_on_drop();
        compare_loaded(args, shared, reading)
    });
    // The process ends next: what it built goes back to the system with its pages, at once,
    // rather than freed piece by piece (3 ms of the 1 MiB pair's 0.13 s).
    std::mem::forget(helping);
    std::mem::forget(loaded);
    written
}

/// The options' tables and the two documents of a comparison. The two files are read,
/// decoded and hashed at the same time; the left one's error, if both fail, is the one
/// reported, as when they were read one after the other.
fn load_inputs(args: &CompareArgs) -> anyhow::Result<reader::Loaded> {
    let (equivalences, own_lexicon, terms) = args.prepare()?;
    let (left, right) = both(
        args.loads_in_parallel(),
        || args.load(&args.left),
        || args.load(&args.right),
    );
    Ok(reader::Loaded {
        equivalences,
        own_lexicon,
        terms,
        left: left?,
        right: right?,
    })
}

/// [`try_compare`], with the thread that reads the texts for the insights beside the
/// comparison (`reading`, to be told by the shared signal once the files are loaded).
fn compare_loaded<'l>(
    args: &CompareArgs,
    reader::Shared {
        loaded,
        split,
        signal,
        helping,
    }: reader::Shared<'l, '_>,
    reading: std::thread::ScopedJoinHandle<'_, Option<TextReading<'l>>>,
) -> anyhow::Result<()> {
    let inputs = load_inputs(args)?;
    let reader::Loaded {
        equivalences,
        own_lexicon,
        terms,
        left,
        right,
    } = loaded.get_or_init(|| inputs);
    let wanted = args.analysis_wanted(&[&left.text, &right.text]);
    let early = wanted && left.text.len() + right.text.len() < EARLY_READING_BYTES;
    signal.send(early);
    let lexicon: &Lexicon = match own_lexicon {
        Some(own) => own,
        None => Lexicon::builtin(),
    };
    // The analyst's decisions on links, kept with the pair's notes, apply here too.
    let decisions =
        crate::notes::decisions_for(left, right).map_err(|message| anyhow::anyhow!("{message}"))?;
    let knowing = Knowledge::new(equivalences)
        .lexicon(lexicon)
        .decisions(&decisions);
    let options = args.options();
    let comparer = Comparer::new(&options).knowledge(knowing);
    // Read beside the comparison, each text is split once for both (the reader splits the
    // right one meanwhile).
    let sentences = early.then(|| [split.side(0, &left.text), split.side(1, &right.text)]);
    let comparer = match &sentences {
        Some([left, right]) => comparer.split(left, right),
        None => comparer,
    };
    let comparison = comparer.compare(&left.text, &right.text);
    let strength = StrengthLexicon::builtin_ref();
    // Done comparing, this thread takes a share of the reading rather than wait for it.
    let helped = early.then(|| helping.help(&comparison, strength));
    // And writes the most of a JSON report that needs no insights (the texts, the rows, the
    // links) while the reader finishes: 0.5 ms of a 64 KiB pair's last 0.8.
    let ahead = (early && args.format == Format::Json)
        .then(|| export::json::Ahead::new(left, right, &comparison));
    let reading = match reading.join() {
        Ok(reading) => reading,
        Err(panic) => std::panic::resume_unwind(panic),
    };
    let reading = match helped {
        Some(helped) => reading.map(|reading| reading.helped_by(helped)),
        None => reading,
    };
    // Before the insights read a long text, what the comparison freed goes back to the system
    // (a statement's reading is done by now: nothing to make room for).
    if wanted && !early {
        release_freed_memory();
    }
    let terms = terms.provenance();
    let reading = reading.or_else(|| {
        wanted.then(|| {
            let reading = read_compared(&left.text, &right.text, &comparison, equivalences);
            // What the reading freed (the names' and shared phrases' working memory, 5 MB on
            // the 1 MiB pair) goes back before the rest of the insights, which would otherwise
            // take pages of their own above it: the peak drops from 42 to 41 MB.
            release_freed_memory();
            reading
        })
    });
    let analysis = match reading {
        Some(reading) => analyse_read(
            &left.text,
            &right.text,
            &comparison,
            reading,
            equivalences,
            strength,
        ),
        None => crate::analysis::Analysis::default(),
    };
    let report = export::Report {
        left,
        right,
        comparison: &comparison,
        notes: &[],
        terms: &terms,
        analysis: wanted.then_some(&analysis),
        provenance: export::Provenance {
            generated: std::time::SystemTime::now(),
        },
    };
    let written = match &ahead {
        Some(ahead) => args.emit(
            |path| export::write_json_file_ahead(path, &report, ahead),
            |out, _| export::json::write_ahead(out, &report, Some(ahead)),
        ),
        None => args.emit(
            |path| export::write_file(path, args.format, &report),
            |out, colour| export::write(out, args.format, &report, colour),
        ),
    };
    // The process ends next (see `try_compare`).
    std::mem::forget((comparison, analysis, ahead));
    written
}

/// Gives the system back the pages of the heap that the comparison freed (issue 21). The
/// insights' large buffers are mapped apart (`M_MMAP_THRESHOLD`, src/main.rs) and never reuse
/// them: kept, they stay resident under the insights' peak.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn release_freed_memory() {
    // SAFETY: malloc_trim only returns free memory of the allocator's arenas to the system.
    unsafe {
        libc::malloc_trim(0);
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn release_freed_memory() {}

/// Reads a user table of equivalent terms (and counterparts, after `[counterparts]`); the error
/// names the file, and the line and reason when the table is malformed.
fn read_terms(path: &std::path::Path) -> anyhow::Result<crate::terms::Terms> {
    let text = std::fs::read_to_string(path).map_err(|e| {
        let reason = match e.kind() {
            std::io::ErrorKind::NotFound => "no such file".to_owned(),
            std::io::ErrorKind::PermissionDenied => "permission denied".to_owned(),
            std::io::ErrorKind::InvalidData => "not UTF-8 text".to_owned(),
            std::io::ErrorKind::IsADirectory => "is a directory, not a file".to_owned(),
            _ => e.to_string(),
        };
        anyhow::anyhow!("{}: {reason}", path.display())
    })?;
    crate::terms::Terms::parse(&text).map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))
}
