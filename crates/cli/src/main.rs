//! `pactlens`: the engine on the command line.
//!
//! * `pactlens annotate FILE` (or `-` for stdin) prints pactlens's JSON for
//!   one text.
//! * `pactlens annotate --jsonl INPUT.jsonl` reads `{"id", "text"}` lines and
//!   prints one evaluation-format line per document (ANNOTATION.md), so that
//!   `tools/score.py` can score it. A bad line is reported with its number on
//!   stderr and skipped; the exit status is then 1.

mod jsonl;

use std::fs::File;
use std::io::{self, BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use pactlens_engine::export::DocumentJson;
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
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Annotate { input, jsonl, model } => load_tagger(model.as_deref()).and_then(|tagger| {
            let tagger = tagger.as_ref().unwrap_or(Tagger::builtin());
            if jsonl {
                annotate_jsonl(&input, tagger)
            } else {
                annotate_text(&input, tagger)
            }
        }),
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

fn open(path: &Path) -> Result<Box<dyn BufRead>, CliError> {
    if path.as_os_str() == "-" {
        return Ok(Box::new(BufReader::new(io::stdin())));
    }
    let file = File::open(path).map_err(|source| CliError::Open {
        path: display(path),
        source,
    })?;
    Ok(Box::new(BufReader::new(file)))
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

fn annotate_text(path: &Path, tagger: &Tagger) -> Result<(), CliError> {
    let mut bytes = Vec::new();
    open(path)?.read_to_end(&mut bytes).map_err(|source| CliError::Open {
        path: display(path),
        source,
    })?;
    let text = String::from_utf8(bytes).map_err(|e| CliError::NotUtf8 {
        path: display(path),
        offset: e.utf8_error().valid_up_to(),
    })?;
    let ann = pactlens_engine::annotate_with(&text, tagger);
    let json = DocumentJson::new(&text, &ann);
    let mut out = io::stdout().lock();
    serde_json::to_writer_pretty(&mut out, &json).map_err(|e| CliError::Write(e.into()))?;
    writeln!(out).map_err(CliError::Write)
}

fn annotate_jsonl(path: &Path, tagger: &Tagger) -> Result<(), CliError> {
    let input = open(path)?;
    let mut out = io::BufWriter::new(io::stdout().lock());
    let mut bad = 0usize;
    for (i, line) in input.split(b'\n').enumerate() {
        let line = line.map_err(|source| CliError::Open {
            path: display(path),
            source,
        })?;
        match jsonl::annotate_line(&line, tagger) {
            Ok(None) => {}
            Ok(Some(doc)) => {
                serde_json::to_writer(&mut out, &doc).map_err(|e| CliError::Write(e.into()))?;
                writeln!(out).map_err(CliError::Write)?;
            }
            Err(e) => {
                bad += 1;
                eprintln!("pactlens: {}: line {}: {e}", display(path), i + 1);
            }
        }
    }
    out.flush().map_err(CliError::Write)?;
    if bad > 0 {
        return Err(CliError::BadLines(bad));
    }
    Ok(())
}
