//! `pactlens-train`: trains, cross-validates and evaluates the engine's
//! sequence tagger. Run from the repository root (paths default to the
//! shared data beside it):
//!
//! ```text
//! cargo run --release -p pactlens-train -- train     # writes crates/engine/data/tagger.bin
//! cargo run --release -p pactlens-train -- names     # writes crates/engine/data/names.tsv
//! cargo run --release -p pactlens-train -- cv        # cross-validated F1 on the dev articles
//! cargo run --release -p pactlens-train -- eval      # the shipped model on every dev set
//! ```

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use clap::{Args, Parser, Subcommand};
use pactlens_engine::export::EvalDocument;
use pactlens_engine::names::NameModel;
use pactlens_engine::tagger::{TaggedSpan, Tagger};
use pactlens_engine::{annotate_learned_only, annotate_with_models, name_types_for_training};
use pactlens_engine::{Label, Span};
use pactlens_train::names::{fit, gold_class, FitConfig, Row, COMPANY, NEITHER, PRODUCT};
use pactlens_train::{evaluate, examples, load_jsonl, quantise, train, Doc, Example, Scores, TrainConfig};

#[derive(Parser)]
#[command(name = "pactlens-train", about = "Train and evaluate the pactlens tagger")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Train on all data and write the model.
    Train {
        #[command(flatten)]
        opts: TrainOpts,
        /// Where to write the model.
        #[arg(long, default_value = "crates/engine/data/tagger.bin")]
        out: PathBuf,
    },
    /// K-fold cross-validation over the dev articles (each fold's articles
    /// are left out of training and tagged by that fold's model).
    Cv {
        #[command(flatten)]
        opts: TrainOpts,
        /// Number of folds.
        #[arg(long, default_value_t = 5)]
        folds: usize,
        /// Write the held-out articles' errors (missed and spurious spans) here.
        #[arg(long)]
        errors: Option<PathBuf>,
    },
    /// Fit the document-level name-decision model on the gold articles,
    /// with tagger scores from models that did not see each article.
    Names {
        #[command(flatten)]
        opts: TrainOpts,
        /// Folds for cross-fitting the tagger.
        #[arg(long, default_value_t = 5)]
        folds: usize,
        /// Where to write the weights.
        #[arg(long, default_value = "crates/engine/data/names.tsv")]
        out: PathBuf,
    },
    /// Annotate JSON Lines of {"id", "text"} with given models and print one
    /// evaluation-format line per document (for scripts/eval.sh).
    Annotate {
        /// The input file.
        input: PathBuf,
        /// The tagger model.
        #[arg(long, default_value = "crates/engine/data/tagger.bin")]
        model: PathBuf,
        /// The name-decision weights.
        #[arg(long, default_value = "crates/engine/data/names.tsv")]
        names: PathBuf,
        /// Only the learned parts: the tagger, the lexicon and the name
        /// decisions, without the hand-written rules.
        #[arg(long)]
        learned_only: bool,
        /// Apply the name decisions after the rules too (the shipped engine
        /// does not: measured on held-out sources, they cost more than they
        /// add; see MODEL.md).
        #[arg(long, conflicts_with = "learned_only")]
        name_decisions: bool,
    },
    /// Evaluate a model file on JSONL files (default: every corpus's
    /// dev.jsonl and the dev articles, which the shipped model saw in training).
    Eval {
        /// The model.
        #[arg(long, default_value = "crates/engine/data/tagger.bin")]
        model: PathBuf,
        /// JSONL files to score (repeatable).
        #[arg(long)]
        data: Vec<PathBuf>,
        /// Folder of the NER corpora (for the default file list).
        #[arg(long, default_value = "../shared/data/ner")]
        ner_dir: PathBuf,
        /// The dev articles (for the default file list).
        #[arg(long, default_value = "../shared/data/dev/dev.jsonl")]
        dev: PathBuf,
    },
}

#[derive(Args, Clone)]
struct TrainOpts {
    /// Folder of the NER corpora (`NAME/train.jsonl`, `NAME/dev.jsonl`).
    #[arg(long, default_value = "../shared/data/ner")]
    ner_dir: PathBuf,
    /// The gold articles (in-domain training data); repeat for several
    /// files. The Wikinews articles are kept out by default: trained on,
    /// their twelve Apple stories teach the tagger that "Apple" is always
    /// the company ("Apple trees grow" included), and they stay a source
    /// the learned parts never saw (scripts/eval.sh).
    #[arg(long, default_value = "../shared/data/dev/dev.jsonl")]
    dev: Vec<PathBuf>,
    /// Corpora to train on, comma-separated.
    #[arg(long, default_value = "multiconer,multiconer2,wnut17,crossner,stackoverflow")]
    corpora: String,
    /// Dev article ids to leave out of training, comma-separated.
    #[arg(long, default_value = "")]
    exclude_dev_ids: String,
    /// log2 of the hash table size.
    #[arg(long, default_value_t = 18)]
    bits: u32,
    /// Training epochs.
    #[arg(long, default_value_t = 6)]
    epochs: usize,
    /// Shuffling seed.
    #[arg(long, default_value_t = 42)]
    seed: u64,
    /// Times each dev-article sentence is seen per epoch.
    #[arg(long, default_value_t = 4)]
    dev_repeat: usize,
    /// Largest model file size in bytes (the weakest rows are pruned to fit).
    #[arg(long, default_value_t = 450_000)]
    max_bytes: usize,
}

impl TrainOpts {
    fn config(&self) -> TrainConfig {
        TrainConfig {
            bits: self.bits,
            epochs: self.epochs,
            seed: self.seed,
            in_domain_repeat: self.dev_repeat,
            verbose: true,
        }
    }
    fn corpora(&self) -> Vec<&str> {
        self.corpora
            .split(',')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .collect()
    }
}

const THRESHOLDS: [f32; 5] = [0.0, 0.5, 0.7, 0.8, 0.9];

fn main() -> ExitCode {
    match run(Cli::parse()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("pactlens-train: {e}");
            ExitCode::FAILURE
        }
    }
}

/// Training examples from the corpora, and calibration examples from their dev splits.
fn corpus_examples(opts: &TrainOpts) -> Result<(Vec<Example>, Vec<Example>), String> {
    let t0 = Instant::now();
    let mut general = Vec::new();
    let mut calib = Vec::new();
    for name in opts.corpora() {
        let dir = opts.ner_dir.join(name);
        let docs = load_jsonl(&dir.join("train.jsonl"))?;
        let ex = examples(&docs, opts.bits);
        eprintln!("{name}: {} documents, {} sentences", docs.len(), ex.len());
        general.extend(ex);
        let dev = dir.join("dev.jsonl");
        if dev.exists() {
            calib.extend(examples(&load_jsonl(&dev)?, opts.bits));
        }
    }
    eprintln!("features: {:.1} s", t0.elapsed().as_secs_f32());
    Ok((general, calib))
}

/// The gold articles split into folds: fold k holds the articles whose
/// position in id order is k modulo the number of folds.
struct Folds {
    /// Examples of the general corpora.
    general: Vec<Example>,
    /// Calibration examples (the corpora's dev splits).
    calib: Vec<Example>,
    /// The gold articles, in id order.
    dev: Vec<Doc>,
    /// Each article's training examples.
    dev_examples: Vec<Vec<Example>>,
    /// Number of folds (at least 2).
    count: usize,
}

impl Folds {
    fn load(opts: &TrainOpts, count: usize) -> Result<Self, String> {
        let (general, calib) = corpus_examples(opts)?;
        let dev = gold_articles(opts)?;
        let dev_examples = dev
            .iter()
            .map(|d| examples(std::slice::from_ref(d), opts.bits))
            .collect();
        Ok(Folds {
            general,
            calib,
            dev,
            dev_examples,
            count: count.max(2),
        })
    }

    /// The articles of `fold`.
    fn held(&self, fold: usize) -> impl Iterator<Item = &Doc> {
        self.dev.iter().skip(fold).step_by(self.count)
    }

    /// A tagger trained on the general corpora and every article outside `fold`.
    fn tagger_without(&self, fold: usize, cfg: &TrainConfig, max_bytes: usize) -> Tagger {
        let in_domain: Vec<Example> = self
            .dev_examples
            .iter()
            .enumerate()
            .filter(|(i, _)| i % self.count != fold)
            .flat_map(|(_, e)| e.iter().cloned())
            .collect();
        Tagger::new(quantise(
            &train(&self.general, &in_domain, cfg),
            &self.calib,
            Some(max_bytes),
        ))
    }
}

/// The gold articles of `--dev`, without `--exclude-dev-ids`, in id order.
fn gold_articles(opts: &TrainOpts) -> Result<Vec<Doc>, String> {
    let excluded: Vec<&str> = opts.exclude_dev_ids.split(',').map(str::trim).collect();
    let mut docs = Vec::new();
    for path in &opts.dev {
        docs.extend(
            load_jsonl(path)?
                .into_iter()
                .filter(|d| !excluded.contains(&d.id.as_str())),
        );
    }
    docs.sort_by(|a, b| a.id.cmp(&b.id));
    Ok(docs)
}

fn write_model(path: &Path, bytes: &[u8]) -> Result<(), String> {
    std::fs::write(path, bytes).map_err(|e| format!("{}: {e}", path.display()))
}

fn print_scores(name: &str, s: &Scores) {
    println!(
        "{name:<28} COMPANY P {:.3} R {:.3} F1 {:.3} (tp {} fp {} fn {})   PRODUCT P {:.3} R {:.3} F1 {:.3} (tp {} fp {} fn {})",
        s.company.precision(),
        s.company.recall(),
        s.company.f1(),
        s.company.tp,
        s.company.fp,
        s.company.fn_,
        s.product.precision(),
        s.product.recall(),
        s.product.f1(),
        s.product.tp,
        s.product.fp,
        s.product.fn_,
    );
}

/// Missed (`-`) and spurious (`+`) COMPANY/PRODUCT spans of one document, with context.
fn error_report(doc: &Doc, pred: &[TaggedSpan]) -> String {
    let mut out = String::new();
    let context = |span: Span| {
        let mut a = span.start.saturating_sub(40);
        while !doc.text.is_char_boundary(a) {
            a -= 1;
        }
        let mut b = (span.end + 40).min(doc.text.len());
        while !doc.text.is_char_boundary(b) {
            b += 1;
        }
        format!(
            "{}[{}]{}",
            &doc.text[a..span.start],
            span.slice(&doc.text),
            &doc.text[span.end..b]
        )
        .replace('\n', " ")
    };
    for e in &doc.entities {
        let label = match e.label.as_str() {
            "COMPANY" => Label::Company,
            "PRODUCT" => Label::Product,
            _ => continue,
        };
        if !pred.iter().any(|p| p.span == e.span && p.label == label) {
            let got = pred.iter().find(|p| p.span.overlaps(&e.span));
            let got = got.map_or(String::new(), |p| {
                format!(" (got {:?} {:?})", p.label, p.span.slice(&doc.text))
            });
            out.push_str(&format!("{} - {}{got}: {}\n", doc.id, e.label, context(e.span)));
        }
    }
    for p in pred {
        if !doc
            .entities
            .iter()
            .any(|e| e.span == p.span && e.label == p.label.as_str())
        {
            out.push_str(&format!(
                "{} + {} {:.2}: {}\n",
                doc.id,
                p.label.as_str(),
                p.score,
                context(p.span)
            ));
        }
    }
    out
}

fn run(cli: Cli) -> Result<(), String> {
    match cli.command {
        Command::Train { opts, out } => {
            let t0 = Instant::now();
            let (general, calib) = corpus_examples(&opts)?;
            let dev = gold_articles(&opts)?;
            let in_domain = examples(&dev, opts.bits);
            eprintln!("dev articles: {} documents, {} sentences", dev.len(), in_domain.len());
            let t1 = Instant::now();
            let fm = train(&general, &in_domain, &opts.config());
            let model = quantise(&fm, &calib, Some(opts.max_bytes));
            let bytes = model.to_bytes();
            write_model(&out, &bytes)?;
            println!(
                "wrote {} ({} bytes, {} non-zero rows of 2^{}, scale {:.5}, temperature {:.3}); training {:.1} s, total {:.1} s",
                out.display(),
                bytes.len(),
                model.non_zero_rows(),
                model.bits,
                model.scale,
                model.temperature,
                t1.elapsed().as_secs_f32(),
                t0.elapsed().as_secs_f32()
            );
            Ok(())
        }
        Command::Cv { opts, folds, errors } => {
            let mut error_log = String::new();
            let t0 = Instant::now();
            let folds = Folds::load(&opts, folds)?;
            let mut total = vec![Scores::default(); THRESHOLDS.len()];
            for fold in 0..folds.count {
                let t1 = Instant::now();
                let held: Vec<Doc> = folds.held(fold).cloned().collect();
                let tagger = folds.tagger_without(fold, &opts.config(), opts.max_bytes);
                let (scores, _, _) = evaluate(&tagger, &held, &THRESHOLDS);
                if errors.is_some() {
                    for doc in &held {
                        error_log.push_str(&error_report(doc, &tagger.tag(&doc.text)));
                    }
                }
                print_scores(&format!("fold {fold} ({} articles)", held.len()), &scores[0]);
                for (t, s) in total.iter_mut().zip(scores) {
                    t.add(s);
                }
                eprintln!("fold {fold}: {:.1} s", t1.elapsed().as_secs_f32());
            }
            println!(
                "cross-validated over {} dev articles, {} folds:",
                folds.dev.len(),
                folds.count
            );
            for (th, s) in THRESHOLDS.iter().zip(&total) {
                print_scores(&format!("  score >= {th:.1}"), s);
            }
            println!("total time {:.1} s", t0.elapsed().as_secs_f32());
            if let Some(path) = errors {
                write_model(&path, error_log.as_bytes())?;
            }
            Ok(())
        }
        Command::Names { opts, folds, out } => {
            let t0 = Instant::now();
            let folds = Folds::load(&opts, folds)?;
            let mut cfg = opts.config();
            cfg.verbose = false;
            let mut rows: Vec<Row> = Vec::new();
            for fold in 0..folds.count {
                let tagger = folds.tagger_without(fold, &cfg, opts.max_bytes);
                for doc in folds.held(fold) {
                    for name in name_types_for_training(&doc.text, &tagger) {
                        let class = gold_class(doc, &name);
                        rows.push((name.features, class));
                    }
                }
                eprintln!("fold {fold}: {} names so far", rows.len());
            }
            let counts = [COMPANY, PRODUCT, NEITHER].map(|c| rows.iter().filter(|r| r.1 == c).count());
            let model = fit(&rows, FitConfig::default());
            write_model(&out, model.to_tsv().as_bytes())?;
            println!(
                "wrote {} ({} names from {} articles: {} companies, {} products, {} neither); {:.1} s",
                out.display(),
                rows.len(),
                folds.dev.len(),
                counts[0],
                counts[1],
                counts[2],
                t0.elapsed().as_secs_f32()
            );
            Ok(())
        }
        Command::Annotate {
            input,
            model,
            names,
            learned_only,
            name_decisions,
        } => {
            let bytes = std::fs::read(&model).map_err(|e| format!("{}: {e}", model.display()))?;
            let tagger = Tagger::from_bytes(&bytes).map_err(|e| e.to_string())?;
            let tsv = std::fs::read_to_string(&names).map_err(|e| format!("{}: {e}", names.display()))?;
            let names = NameModel::from_tsv(&tsv).map_err(|e| e.to_string())?;
            let mut out = String::new();
            for doc in load_jsonl(&input)? {
                let ann = if learned_only {
                    annotate_learned_only(&doc.text, &tagger, &names)
                } else {
                    annotate_with_models(&doc.text, &tagger, name_decisions.then_some(&names), &mut |_| {})
                };
                let line =
                    serde_json::to_string(&EvalDocument::new(&doc.id, &doc.text, &ann)).map_err(|e| e.to_string())?;
                out.push_str(&line);
                out.push('\n');
            }
            print!("{out}");
            Ok(())
        }
        Command::Eval {
            model,
            data,
            ner_dir,
            dev,
        } => {
            let bytes = std::fs::read(&model).map_err(|e| format!("{}: {e}", model.display()))?;
            let tagger = Tagger::from_bytes(&bytes).map_err(|e| e.to_string())?;
            let files = if data.is_empty() {
                let mut names: Vec<PathBuf> = std::fs::read_dir(&ner_dir)
                    .map_err(|e| format!("{}: {e}", ner_dir.display()))?
                    .filter_map(|e| e.ok().map(|e| e.path().join("dev.jsonl")))
                    .filter(|p| p.exists())
                    .collect();
                names.sort();
                names.push(dev);
                names
            } else {
                data
            };
            let mut all_text = String::new();
            for file in files {
                let docs = load_jsonl(&file)?;
                let (scores, secs, n) = evaluate(&tagger, &docs, &THRESHOLDS);
                let name = file
                    .parent()
                    .and_then(|p| p.file_name())
                    .map_or_else(|| file.display().to_string(), |n| n.to_string_lossy().into_owned());
                print_scores(&name, &scores[0]);
                println!(
                    "{:<28} {} docs, {:.2} MB in {:.3} s = {:.1} MB/s",
                    "",
                    docs.len(),
                    n as f64 / 1e6,
                    secs,
                    n as f64 / 1e6 / secs.max(1e-9)
                );
                for d in docs.iter().take(2000) {
                    all_text.push_str(&d.text);
                    all_text.push('\n');
                }
            }
            // Throughput on one large input.
            let mut big = String::new();
            while big.len() < 8_000_000 && !all_text.is_empty() {
                big.push_str(&all_text);
            }
            let t0 = Instant::now();
            let spans = tagger.tag(&big);
            let secs = t0.elapsed().as_secs_f64();
            println!(
                "throughput: {:.1} MB in one call, {} spans, {:.2} s = {:.1} MB/s",
                big.len() as f64 / 1e6,
                spans.len(),
                secs,
                big.len() as f64 / 1e6 / secs.max(1e-9)
            );
            Ok(())
        }
    }
}
