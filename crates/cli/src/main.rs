//! `pactlens`: the engine on the command line.
//!
//! * `pactlens annotate FILE` (or `-` for stdin) prints pactlens's JSON for
//!   one text.
//! * `pactlens annotate --jsonl INPUT.jsonl` reads `{"id", "text"}` lines and
//!   prints one evaluation-format line per document (ANNOTATION.md), so that
//!   `tools/score.py` can score it. A bad line is reported with its number on
//!   stderr and skipped; the exit status is then 1. Documents are annotated
//!   in parallel in bounded batches (see `batch`), so memory stays flat; the
//!   output keeps the input's order. A progress bar shows on stderr when it
//!   is a terminal.
//! * `pactlens export --format html|json|w3c|md|csv [FILE|-]` prints one
//!   text in the chosen format (see `pactlens_engine::export`). `csv` prints
//!   one row per mark; with `--agreements`, one row per agreement record
//!   instead. `--source IRI` names the text in the `w3c` format.
//! * `pactlens share [FILE|-]` prints the `#v1=…` share-link fragment of a
//!   text on standard output and its length on standard error; a text too
//!   long for a link is an error (share it with `export --format json`).

mod batch;
mod jsonl;
mod progress;

use std::fs::File;
use std::io::{self, BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use pactlens_engine::export::{self, DocumentJson};
use pactlens_engine::tagger::Tagger;

/// Marks companies, products and agreements in news text.
#[derive(Parser)]
#[command(name = "pactlens", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Annotate one text file (or `-` for stdin), or a JSON Lines file with --jsonl.
    Annotate {
        /// The input file; `-` reads standard input.
        input: PathBuf,
        /// Treat the input as JSON Lines of {"id", "text"} and print one
        /// evaluation-format line per document.
        #[arg(long)]
        jsonl: bool,
        /// Use this tagger model instead of the built-in one (for evaluating
        /// retrained models, see scripts/eval.sh).
        #[arg(long, value_name = "MODEL.bin")]
        model: Option<PathBuf>,
    },
    /// Annotate one text and print it as HTML, JSON, W3C Web Annotations, Markdown or CSV.
    Export {
        /// The output format.
        #[arg(long, short, value_enum)]
        format: Format,
        /// The input file; `-` (the default) reads standard input.
        #[arg(default_value = "-")]
        input: PathBuf,
        /// With `--format csv`: print the agreement records instead of the marks.
        #[arg(long)]
        agreements: bool,
        /// With `--format w3c`: the IRI of the text (its URL), instead of a
        /// name made from its hash.
        #[arg(long, value_name = "IRI")]
        source: Option<String>,
        /// Use this tagger model instead of the built-in one.
        #[arg(long, value_name = "MODEL.bin")]
        model: Option<PathBuf>,
    },
    /// Print the share-link fragment (#v1=…) of one text; its length goes to standard error.
    Share {
        /// The input file; `-` (the default) reads standard input.
        #[arg(default_value = "-")]
        input: PathBuf,
    },
}

/// What `pactlens export` writes.
#[derive(Clone, Copy, ValueEnum)]
enum Format {
    /// One standalone HTML page (no scripts, nothing loaded from the network).
    Html,
    /// pactlens's versioned JSON (readable back by the app).
    Json,
    /// W3C Web Annotation JSON-LD.
    W3c,
    /// Markdown: the article with its marks and summary tables.
    Md,
    /// CSV: one row per mark (or per agreement with --agreements).
    Csv,
}

/// Why a command could not run.
#[derive(Debug, thiserror::Error)]
enum CliError {
    #[error("cannot read {path}: {source}")]
    Open { path: String, source: io::Error },
    #[error("{path} is not UTF-8 text (first bad byte at offset {offset})")]
    NotUtf8 { path: String, offset: usize },
    #[error("cannot write output: {0}")]
    Write(io::Error),
    #[error("{0} of the input lines could not be annotated (see the messages above)")]
    BadLines(usize),
    #[error("{path} is not a pactlens tagger model: {reason}")]
    BadModel { path: String, reason: String },
    #[error("--{flag} only applies to --format {format}")]
    FlagNeedsFormat { flag: &'static str, format: &'static str },
    #[error("the text is {len} bytes; share links hold at most {max} bytes")]
    TooLargeToShare { len: usize, max: usize },
    #[error("the share link would be {len} characters, over the {max} a link should have; share the file from `pactlens export --format json` instead")]
    TooLongForLink { len: usize, max: usize },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    jsonl::report_document_panics_per_line();
    let result = match cli.command {
        Command::Annotate { input, jsonl, model } => load_tagger(model.as_deref()).and_then(|tagger| {
            let tagger = tagger.as_ref().unwrap_or(Tagger::builtin());
            if jsonl {
                annotate_jsonl(&input, tagger)
            } else {
                annotate_text(&input, tagger)
            }
        }),
        Command::Export {
            format,
            input,
            agreements,
            source,
            model,
        } => check_export_flags(format, agreements, source.as_deref())
            .and_then(|()| load_tagger(model.as_deref()))
            .and_then(|tagger| {
                let tagger = tagger.as_ref().unwrap_or(Tagger::builtin());
                export_text(&input, tagger, format, agreements, source.as_deref())
            }),
        Command::Share { input } => share_text(&input),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(CliError::Write(e)) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("pactlens: {e}");
            ExitCode::FAILURE
        }
    }
}

fn display(path: &Path) -> String {
    if path.as_os_str() == "-" {
        "standard input".to_string()
    } else {
        path.display().to_string()
    }
}

fn open(path: &Path) -> Result<Box<dyn BufRead + Send>, CliError> {
    if path.as_os_str() == "-" {
        return Ok(Box::new(BufReader::with_capacity(1 << 16, io::stdin())));
    }
    let file = File::open(path).map_err(|source| CliError::Open {
        path: display(path),
        source,
    })?;
    Ok(Box::new(BufReader::with_capacity(1 << 16, file)))
}

fn load_tagger(path: Option<&Path>) -> Result<Option<Tagger>, CliError> {
    let Some(path) = path else { return Ok(None) };
    let bytes = std::fs::read(path).map_err(|source| CliError::Open {
        path: display(path),
        source,
    })?;
    Tagger::from_bytes(&bytes).map(Some).map_err(|e| CliError::BadModel {
        path: display(path),
        reason: e.to_string(),
    })
}

fn read_text(path: &Path) -> Result<String, CliError> {
    let mut bytes = Vec::new();
    open(path)?.read_to_end(&mut bytes).map_err(|source| CliError::Open {
        path: display(path),
        source,
    })?;
    String::from_utf8(bytes).map_err(|e| CliError::NotUtf8 {
        path: display(path),
        offset: e.utf8_error().valid_up_to(),
    })
}

fn check_export_flags(format: Format, agreements: bool, source: Option<&str>) -> Result<(), CliError> {
    if agreements && !matches!(format, Format::Csv) {
        return Err(CliError::FlagNeedsFormat {
            flag: "agreements",
            format: "csv",
        });
    }
    if source.is_some() && !matches!(format, Format::W3c) {
        return Err(CliError::FlagNeedsFormat {
            flag: "source",
            format: "w3c",
        });
    }
    Ok(())
}

fn export_text(
    path: &Path,
    tagger: &Tagger,
    format: Format,
    agreements: bool,
    source: Option<&str>,
) -> Result<(), CliError> {
    let text = read_text(path)?;
    let ann = pactlens_engine::annotate_with(&text, tagger);
    let doc = DocumentJson::new(&text, &ann);
    let mut rendered = match format {
        Format::Html => export::html::to_html(&doc),
        Format::Json => doc.to_json(),
        Format::W3c => export::w3c::to_w3c_string(&doc, source),
        Format::Md => export::markdown::to_markdown(&doc),
        Format::Csv if agreements => export::csv::agreements_csv(&doc),
        Format::Csv => export::csv::marks_csv(&doc),
    };
    if !rendered.ends_with('\n') {
        rendered.push('\n');
    }
    let mut out = io::stdout().lock();
    out.write_all(rendered.as_bytes()).map_err(CliError::Write)?;
    out.flush().map_err(CliError::Write)
}

fn share_text(path: &Path) -> Result<(), CliError> {
    let text = read_text(path)?;
    if text.len() > export::share::MAX_PAYLOAD_BYTES {
        return Err(CliError::TooLargeToShare {
            len: text.len(),
            max: export::share::MAX_PAYLOAD_BYTES,
        });
    }
    let fragment = export::share::encode(&text, &[]);
    let len = fragment.chars().count();
    if !export::share::fits_in_link(&fragment) {
        return Err(CliError::TooLongForLink {
            len,
            max: export::share::MAX_LINK_FRAGMENT,
        });
    }
    let mut out = io::stdout().lock();
    writeln!(out, "{fragment}").map_err(CliError::Write)?;
    out.flush().map_err(CliError::Write)?;
    eprintln!(
        "{len} characters (a link holds at most {})",
        export::share::MAX_LINK_FRAGMENT
    );
    Ok(())
}

fn annotate_text(path: &Path, tagger: &Tagger) -> Result<(), CliError> {
    let text = read_text(path)?;
    let ann = pactlens_engine::annotate_with(&text, tagger);
    let json = DocumentJson::new(&text, &ann);
    let mut out = io::stdout().lock();
    serde_json::to_writer_pretty(&mut out, &json).map_err(|e| CliError::Write(e.into()))?;
    writeln!(out).map_err(CliError::Write)
}

fn annotate_jsonl(path: &Path, tagger: &Tagger) -> Result<(), CliError> {
    let input = open(path)?;
    // The size of a regular file; pipes and stdin have none, and count lines.
    let size = (path.as_os_str() != "-")
        .then(|| std::fs::metadata(path).ok())
        .flatten()
        .filter(|meta| meta.is_file())
        .map(|meta| meta.len());
    let progress = progress::Progress::for_input(size);
    let name = display(path);
    let summary = batch::annotate_stream(
        input,
        io::stdout().lock(),
        tagger,
        batch::Limits::default(),
        &progress,
        |line, e| eprintln!("pactlens: {name}: line {line}: {e}"),
    )
    .map_err(|e| match e {
        batch::StreamError::Read(source) => CliError::Open {
            path: display(path),
            source,
        },
        batch::StreamError::Write(e) => CliError::Write(e),
    })?;
    if summary.bad > 0 {
        return Err(CliError::BadLines(summary.bad));
    }
    Ok(())
}
