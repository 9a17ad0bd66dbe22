//! Slow work off the UI thread: loading files and comparing. Each request runs on its own
//! thread and sends its result over a channel, then asks for a repaint. Requests carry a
//! generation number; the app keeps only the result of the newest request of each kind, so a
//! newer request supersedes an older one.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender, channel};

use crate::engine::{Comparison, Options, compare};
use crate::load::{Document, LoadOptions, load_file_with};

use super::Side;

/// What a background job reports.
pub enum JobResult {
    /// A file was read (or failed to be).
    Loaded {
        /// Which side asked.
        side: Side,
        /// The request's generation for that side.
        generation: u64,
        /// The document, or the message naming the file and the reason.
        result: Result<Document, String>,
        /// The file, when it failed only for a few damaged bytes: it can be opened anyway.
        can_open_anyway: Option<PathBuf>,
    },
    /// The native file dialog closed.
    Picked {
        /// Which side it was for.
        side: Side,
        /// The chosen file, if any.
        path: Option<PathBuf>,
        /// Whether it closed too fast for a person to have cancelled it (no dialog was shown).
        failed_fast: bool,
    },
    /// The native save dialog closed.
    SavePicked {
        /// The format being exported.
        format: super::ExportFormat,
        /// The chosen file, if any.
        path: Option<PathBuf>,
        /// Whether it closed too fast for a person to have cancelled it.
        failed_fast: bool,
    },
    /// A report was written (or failed to be).
    Exported(Result<PathBuf, String>),
    /// A comparison finished.
    Compared {
        /// The request's generation.
        generation: u64,
        /// The result.
        comparison: Arc<Comparison>,
        /// The documents it compared (so a result never mixes with newer documents).
        documents: [Arc<Document>; 2],
    },
    /// The insights of a comparison finished (after the comparison itself was sent).
    Analysed {
        /// The comparison request's generation.
        generation: u64,
        /// Entities, phrases, wording strength.
        analysis: Arc<crate::analysis::Analysis>,
    },
    /// The comparison failed (a bug: the job panicked).
    CompareFailed {
        /// The request's generation.
        generation: u64,
        /// What failed and where, for the window and a bug report.
        message: String,
    },
    /// The insights failed (a bug: the job panicked); the comparison itself was sent.
    AnalysisFailed {
        /// The comparison request's generation.
        generation: u64,
        /// What failed and where, for the window and a bug report.
        message: String,
    },
}

/// What computes the insights of a comparison: [`crate::analysis::analyse_builtin`], or a
/// stand-in in tests (one that panics, to see the window survive it).
pub type Analyser = fn(&str, &str, &Comparison) -> crate::analysis::Analysis;

/// Spawns jobs and collects their results.
pub struct Worker {
    sender: Sender<JobResult>,
    receiver: Receiver<JobResult>,
    repaint: Option<egui::Context>,
    analyser: Analyser,
}

impl Worker {
    /// A worker that wakes `ctx` when a job finishes.
    pub fn new(repaint: Option<egui::Context>) -> Self {
        let (sender, receiver) = channel();
        Self {
            sender,
            receiver,
            repaint,
            analyser: crate::analysis::analyse_builtin,
        }
    }

    /// Replaces what computes the insights (tests use one that panics).
    pub fn set_analyser(&mut self, analyser: Analyser) {
        self.analyser = analyser;
    }

    /// Reads `path` for `side` in the background.
    pub fn load(&self, side: Side, generation: u64, path: PathBuf, options: LoadOptions) {
        let sender = self.sender.clone();
        let repaint = self.repaint.clone();
        std::thread::spawn(move || {
            let mut can_open_anyway = None;
            let result =
                match crate::crash::catch("reading the file", || load_file_with(&path, options)) {
                    Ok(loaded) => loaded.map_err(|e| {
                        if matches!(e, crate::load::LoadError::Damaged { .. }) {
                            can_open_anyway = Some(path.clone());
                        }
                        e.to_string()
                    }),
                    Err(crash) => Err(format!(
                        "{}: {crash} (a bug in Parallax; please report it with the file)",
                        path.display()
                    )),
                };
            // The app may be gone (window closed): nothing to report to then.
            let _ = sender.send(JobResult::Loaded {
                side,
                generation,
                result,
                can_open_anyway,
            });
            if let Some(ctx) = repaint {
                ctx.request_repaint();
            }
        });
    }

    /// Compares two documents in the background.
    pub fn compare(&self, generation: u64, documents: [Arc<Document>; 2], options: Options) {
        let sender = self.sender.clone();
        let repaint = self.repaint.clone();
        let analyser = self.analyser;
        std::thread::spawn(move || {
            let compared = crate::crash::catch("comparing", || {
                compare(&documents[0].text, &documents[1].text, &options)
            });
            let comparison = match compared {
                Ok(comparison) => Arc::new(comparison),
                Err(crash) => {
                    let _ = sender.send(JobResult::CompareFailed {
                        generation,
                        message: crash.to_string(),
                    });
                    if let Some(ctx) = &repaint {
                        ctx.request_repaint();
                    }
                    return;
                }
            };
            let _ = sender.send(JobResult::Compared {
                generation,
                comparison: comparison.clone(),
                documents: documents.clone(),
            });
            if let Some(ctx) = &repaint {
                ctx.request_repaint();
            }
            // The rows show at once; the insights follow (on long documents they take longer).
            let analysed = crate::crash::catch("computing the insights", || {
                analyser(&documents[0].text, &documents[1].text, &comparison)
            });
            let _ = sender.send(match analysed {
                Ok(analysis) => JobResult::Analysed {
                    generation,
                    analysis: Arc::new(analysis),
                },
                Err(crash) => JobResult::AnalysisFailed {
                    generation,
                    message: crash.to_string(),
                },
            });
            if let Some(ctx) = repaint {
                ctx.request_repaint();
            }
        });
    }

    /// Shows the native open dialog on its own thread (it blocks until closed).
    pub fn pick(&self, side: Side) {
        let sender = self.sender.clone();
        let repaint = self.repaint.clone();
        std::thread::spawn(move || {
            let started = std::time::Instant::now();
            let path = rfd::FileDialog::new()
                .set_title(format!("Open the {} statement", side.name()))
                .add_filter("Statements", &["txt", "md", "text"])
                .add_filter("All files", &["*"])
                .pick_file();
            let failed_fast =
                path.is_none() && started.elapsed() < std::time::Duration::from_millis(300);
            let _ = sender.send(JobResult::Picked {
                side,
                path,
                failed_fast,
            });
            if let Some(ctx) = repaint {
                ctx.request_repaint();
            }
        });
    }

    /// Shows the native save dialog on its own thread.
    pub fn pick_save(&self, format: super::ExportFormat, suggested: String) {
        let sender = self.sender.clone();
        let repaint = self.repaint.clone();
        std::thread::spawn(move || {
            let started = std::time::Instant::now();
            let path = rfd::FileDialog::new()
                .set_title(format!("Export {}", format.label()))
                .set_file_name(suggested)
                .add_filter(format.label(), &[format.extension()])
                .save_file();
            let failed_fast =
                path.is_none() && started.elapsed() < std::time::Duration::from_millis(300);
            let _ = sender.send(JobResult::SavePicked {
                format,
                path,
                failed_fast,
            });
            if let Some(ctx) = repaint {
                ctx.request_repaint();
            }
        });
    }

    /// Writes a report in the background.
    pub fn export(&self, job: ExportJob) {
        let sender = self.sender.clone();
        let repaint = self.repaint.clone();
        std::thread::spawn(move || {
            let result = match crate::crash::catch("writing the report", || write_report(&job)) {
                Ok(written) => written
                    .map(|()| job.path.clone())
                    .map_err(|e| format!("{}: {e}", job.path.display())),
                Err(crash) => Err(format!(
                    "{}: {crash} (a bug in Parallax; please report it)",
                    job.path.display()
                )),
            };
            let _ = sender.send(JobResult::Exported(result));
            if let Some(ctx) = repaint {
                ctx.request_repaint();
            }
        });
    }

    /// Results that arrived since the last call.
    pub fn poll(&self) -> Vec<JobResult> {
        self.receiver.try_iter().collect()
    }
}

/// Everything a report export needs, taken from what the window already shows.
pub struct ExportJob {
    /// Report format.
    pub format: super::ExportFormat,
    /// File to write.
    pub path: PathBuf,
    /// The documents compared.
    pub documents: [Arc<Document>; 2],
    /// The comparison shown.
    pub comparison: Arc<Comparison>,
    /// Its insights, if they have arrived (computed here otherwise).
    pub analysis: Option<Arc<crate::analysis::Analysis>>,
    /// Notes placed on rows.
    pub notes: Vec<(usize, String)>,
}

/// Writes one report file; refuses to write over either input file.
fn write_report(job: &ExportJob) -> std::io::Result<()> {
    use std::io::Write;
    let (path, documents, comparison) = (&job.path, &job.documents, &*job.comparison);
    if documents
        .iter()
        .filter_map(|d| d.path.as_ref())
        .any(|input| crate::cli::same_file(input, path))
    {
        return Err(std::io::Error::other("refusing to overwrite an input file"));
    }
    let analysis = job.analysis.clone().unwrap_or_else(|| {
        Arc::new(crate::analysis::analyse_builtin(
            &documents[0].text,
            &documents[1].text,
            comparison,
        ))
    });
    let mut out = std::io::BufWriter::new(std::fs::File::create(path)?);
    let report = crate::export::Report {
        left: &documents[0],
        right: &documents[1],
        comparison,
        notes: &job.notes,
        analysis: Some(&analysis),
        provenance: crate::export::Provenance {
            generated: std::time::SystemTime::now(),
        },
    };
    match job.format {
        super::ExportFormat::Html => crate::export::html::write(&mut out, &report)?,
        super::ExportFormat::Markdown => crate::export::markdown::write(&mut out, &report)?,
        super::ExportFormat::Json => crate::export::json::write_with(
            &mut out,
            &documents[0],
            &documents[1],
            comparison,
            &analysis,
        )?,
    }
    out.flush()
}
