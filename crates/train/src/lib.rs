//! Training and evaluation for the pactlens-engine tagger
//! (`pactlens_engine::tagger`).
//!
//! * [`load_jsonl`] reads the NER corpora and the dev articles (code-point
//!   offsets, coarse labels; see `shared/data/ner/README.md`).
//! * [`examples`] turns documents into per-sentence features and, for each
//!   token, the set of tags the gold allows: COMPANY and PRODUCT are
//!   positives, ORG may be COMPANY or O, PRODUCT_GENERIC may be PRODUCT or
//!   O, everything else is O.
//! * [`train`] is an averaged structured perceptron with Viterbi decoding;
//!   masked tokens are handled by comparing with the best path that agrees
//!   with the gold where the gold is known. It is deterministic: seeded
//!   shuffling, single-threaded, no hash-map iteration.
//! * [`evaluate`] scores exact-match P/R/F1 of the tagger on documents.

pub mod names;

use std::path::Path;
use std::time::Instant;

use pactlens_engine::offsets::{OffsetMap, Unit};
use pactlens_engine::tagger::decode::{
    self, Emission, Transitions, ALL, B_COMPANY, B_PRODUCT, I_COMPANY, I_PRODUCT, N_TAGS, O,
};
use pactlens_engine::tagger::features::{prepare, Extractor, N_FEATURES};
use pactlens_engine::tagger::{Model, TaggedSpan, Tagger};
use pactlens_engine::{Label, Span};
use serde::Deserialize;

/// One gold entity, with byte offsets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entity {
    /// Byte range in the document text.
    pub span: Span,
    /// Coarse label (`COMPANY`, `ORG`, ...).
    pub label: String,
}

/// A document (sentence, tweet or article) with gold entities.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Doc {
    /// Its id.
    pub id: String,
    /// Its text.
    pub text: String,
    /// Gold entities, sorted.
    pub entities: Vec<Entity>,
}

#[derive(Deserialize)]
struct RawEntity {
    start: usize,
    end: usize,
    label: String,
}

#[derive(Deserialize)]
struct RawDoc {
    id: String,
    text: String,
    #[serde(default)]
    entities: Vec<RawEntity>,
}

/// Parses JSON Lines text (code-point offsets) into documents.
pub fn parse_jsonl(data: &str) -> Result<Vec<Doc>, String> {
    let mut out = Vec::new();
    for (i, line) in data.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let raw: RawDoc = serde_json::from_str(line).map_err(|e| format!("line {}: {e}", i + 1))?;
        let offsets = OffsetMap::new(&raw.text);
        // Code point to byte, clamped to the end of the text.
        let byte_of_cp = |cp: usize| offsets.to_byte(cp, Unit::CodePoint).unwrap_or(raw.text.len());
        let mut entities: Vec<Entity> = raw
            .entities
            .into_iter()
            .map(|e| Entity {
                span: Span::new(byte_of_cp(e.start), byte_of_cp(e.end.max(e.start))),
                label: e.label,
            })
            .collect();
        entities.sort_by_key(|e| e.span);
        out.push(Doc {
            id: raw.id,
            text: raw.text,
            entities,
        });
    }
    Ok(out)
}

/// Reads a JSON Lines file of documents.
pub fn load_jsonl(path: &Path) -> Result<Vec<Doc>, String> {
    let data = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    parse_jsonl(&data).map_err(|e| format!("{}: {e}", path.display()))
}

/// Tags allowed inside an entity of `label`: (first token, later tokens).
fn allowed_for(label: &str) -> (u8, u8) {
    let bit = |t: u8| 1u8 << t;
    match label {
        "COMPANY" => (bit(B_COMPANY), bit(I_COMPANY)),
        "PRODUCT" => (bit(B_PRODUCT), bit(I_PRODUCT)),
        // Unknown for COMPANY: may be a company or not; not a product.
        "ORG" => (bit(O) | bit(B_COMPANY), bit(O) | bit(I_COMPANY)),
        // Generic product nouns: not PRODUCT gold; leave open.
        "PRODUCT_GENERIC" => (bit(O) | bit(B_PRODUCT), bit(O) | bit(I_PRODUCT)),
        _ => (bit(O), bit(O)),
    }
}

/// One training sentence: features and allowed tags per token.
#[derive(Debug, Clone)]
pub struct Example {
    /// `N_FEATURES` buckets per token.
    pub feats: Vec<u32>,
    /// Bit mask of allowed gold tags per token.
    pub allowed: Vec<u8>,
}

/// Splits documents into sentence examples for a model with `bits` buckets.
pub fn examples(docs: &[Doc], bits: u32) -> Vec<Example> {
    let mut out = Vec::new();
    let mut ex = Extractor::default();
    for doc in docs {
        for sent in prepare(&doc.text) {
            let allowed: Vec<u8> = sent
                .tokens
                .iter()
                .map(|tok| {
                    let mut mask = 1u8 << O;
                    for e in doc.entities.iter().filter(|e| e.span.overlaps(tok)) {
                        if e.span.start <= tok.start && tok.end <= e.span.end {
                            let (first, later) = allowed_for(&e.label);
                            // First token of the entity: none of it before this token.
                            let is_first = !sent.tokens.iter().any(|t| t.start < tok.start && e.span.overlaps(t));
                            mask = if is_first { first } else { later };
                        } else {
                            // Token and entity boundaries disagree: unknown.
                            mask = ALL;
                        }
                    }
                    mask
                })
                .collect();
            let mut feats = Vec::new();
            ex.features(&doc.text, &sent, bits, &mut feats);
            out.push(Example { feats, allowed });
        }
    }
    out
}

/// Training settings.
#[derive(Debug, Clone)]
pub struct TrainConfig {
    /// log2 of the hash table size.
    pub bits: u32,
    /// Passes over the data.
    pub epochs: usize,
    /// Shuffling seed.
    pub seed: u64,
    /// How many times each in-domain (dev article) sentence is seen per epoch.
    pub in_domain_repeat: usize,
    /// Print progress to stderr.
    pub verbose: bool,
}

impl Default for TrainConfig {
    fn default() -> Self {
        TrainConfig {
            bits: 18,
            epochs: 6,
            seed: 42,
            in_domain_repeat: 4,
            verbose: false,
        }
    }
}

/// splitmix64: a small, fixed pseudo-random generator for shuffling the
/// training examples. Hand-written on purpose: the shipped model is the
/// output of this exact sequence (`scripts/test.sh` retrains it and compares
/// bit for bit), and a crate's generator may change its stream between
/// versions.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// Averaged perceptron weights (real-valued).
pub struct FloatModel {
    /// log2 of the table size.
    pub bits: u32,
    /// `2^bits * N_TAGS` weights.
    pub weights: Vec<f32>,
    /// Transition scores.
    pub transitions: Transitions,
}

struct Averaged {
    w: Vec<f32>,
    u: Vec<f64>,
    tw: [[f32; N_TAGS]; N_TAGS + 1],
    tu: [[f64; N_TAGS]; N_TAGS + 1],
    c: f64,
}

impl Averaged {
    fn add(&mut self, index: usize, d: f32) {
        self.w[index] += d;
        self.u[index] += self.c * f64::from(d);
    }
    fn add_trans(&mut self, prev: Option<u8>, cur: u8, d: f32) {
        let r = prev.map_or(0, |p| p as usize + 1);
        self.tw[r][cur as usize] += d;
        self.tu[r][cur as usize] += self.c * f64::from(d);
    }
    fn finish(self, bits: u32) -> FloatModel {
        let c = self.c.max(1.0);
        let weights = self
            .w
            .iter()
            .zip(&self.u)
            .map(|(&w, &u)| (f64::from(w) - u / c) as f32)
            .collect();
        let mut transitions = [[0.0; N_TAGS]; N_TAGS + 1];
        for (row, (tw, tu)) in transitions.iter_mut().zip(self.tw.iter().zip(&self.tu)) {
            for (v, (&w, &u)) in row.iter_mut().zip(tw.iter().zip(tu)) {
                *v = (f64::from(w) - u / c) as f32;
            }
        }
        FloatModel {
            bits,
            weights,
            transitions,
        }
    }
}

fn float_emissions(w: &[f32], feats: &[u32], out: &mut Vec<Emission>) {
    out.clear();
    for tok in feats.chunks_exact(N_FEATURES) {
        let mut e = [0.0f32; N_TAGS];
        for &b in tok {
            let row = &w[b as usize * N_TAGS..(b as usize + 1) * N_TAGS];
            for (x, &y) in e.iter_mut().zip(row) {
                *x += y;
            }
        }
        out.push(e);
    }
}

/// Trains on `general` (sentences seen once per epoch) and `in_domain`
/// (seen `in_domain_repeat` times per epoch).
pub fn train(general: &[Example], in_domain: &[Example], cfg: &TrainConfig) -> FloatModel {
    let size = (1usize << cfg.bits) * N_TAGS;
    let mut m = Averaged {
        w: vec![0.0; size],
        u: vec![0.0; size],
        tw: [[0.0; N_TAGS]; N_TAGS + 1],
        tu: [[0.0; N_TAGS]; N_TAGS + 1],
        c: 1.0,
    };
    let mut order: Vec<&Example> = general.iter().collect();
    for _ in 0..cfg.in_domain_repeat {
        order.extend(in_domain.iter());
    }
    let mut rng = Rng(cfg.seed);
    let mut em = Vec::new();
    let mut pred = Vec::new();
    let mut gold = Vec::new();
    for epoch in 0..cfg.epochs {
        let t0 = Instant::now();
        // Fisher-Yates with the seeded generator.
        for i in (1..order.len()).rev() {
            let j = rng.below(i + 1);
            order.swap(i, j);
        }
        let mut wrong = 0usize;
        for ex in &order {
            float_emissions(&m.w, &ex.feats, &mut em);
            let trans = m.tw;
            decode::viterbi(&em, &trans, None, &mut pred);
            decode::viterbi(&em, &trans, Some(&ex.allowed), &mut gold);
            if pred != gold {
                wrong += 1;
                for i in 0..pred.len() {
                    if pred[i] != gold[i] {
                        for &b in &ex.feats[i * N_FEATURES..(i + 1) * N_FEATURES] {
                            m.add(b as usize * N_TAGS + gold[i] as usize, 1.0);
                            m.add(b as usize * N_TAGS + pred[i] as usize, -1.0);
                        }
                    }
                    let gp = if i == 0 { None } else { Some(gold[i - 1]) };
                    let pp = if i == 0 { None } else { Some(pred[i - 1]) };
                    if (gp, gold[i]) != (pp, pred[i]) {
                        m.add_trans(gp, gold[i], 1.0);
                        m.add_trans(pp, pred[i], -1.0);
                    }
                }
            }
            m.c += 1.0;
        }
        if cfg.verbose {
            eprintln!(
                "epoch {}: {} of {} sentences wrong, {:.1} s",
                epoch + 1,
                wrong,
                order.len(),
                t0.elapsed().as_secs_f32()
            );
        }
    }
    m.finish(cfg.bits)
}

/// Quantises to `i8` with a scale from a high percentile of the absolute
/// weights (outliers are clipped), then calibrates the score temperature on
/// `calibration` (token log-likelihood of the known gold tags).
///
/// With `max_bytes`, the rows with the smallest weights are dropped until the
/// serialised model fits.
pub fn quantise(fm: &FloatModel, calibration: &[Example], max_bytes: Option<usize>) -> Model {
    let mut abs: Vec<f32> = fm.weights.iter().map(|w| w.abs()).filter(|&w| w > 0.0).collect();
    abs.sort_by(f32::total_cmp);
    let clip = abs
        .get(abs.len().saturating_sub(1 + abs.len() / 2000))
        .copied()
        .unwrap_or(1.0);
    let scale = (clip / 127.0).max(1e-6);
    let weights = fm
        .weights
        .iter()
        .map(|&w| (w / scale).round().clamp(-127.0, 127.0) as i8)
        .collect();
    let mut model = Model {
        bits: fm.bits,
        scale,
        temperature: 1.0,
        transitions: fm.transitions,
        weights,
    };
    if let Some(max) = max_bytes {
        prune(&mut model, max);
    }
    model.temperature = calibrate(&model, calibration);
    model
}

/// Zeroes the rows with the smallest L1 norm (ties: lower bucket first)
/// until the serialised model is at most `max_bytes`.
fn prune(model: &mut Model, max_bytes: usize) {
    let mut rows: Vec<(u32, usize)> = model
        .weights
        .chunks(N_TAGS)
        .enumerate()
        .filter(|(_, r)| r.iter().any(|&w| w != 0))
        .map(|(b, r)| (r.iter().map(|&w| u32::from(w.unsigned_abs())).sum(), b))
        .collect();
    rows.sort_unstable();
    let mut next = 0;
    loop {
        let size = model.to_bytes().len();
        if size <= max_bytes || next >= rows.len() {
            return;
        }
        // Each row costs at least N_TAGS + 1 bytes; drop enough to fit, plus a little.
        let drop = ((size - max_bytes) / (N_TAGS + 1)).max(16);
        for &(_, b) in &rows[next..(next + drop).min(rows.len())] {
            model.weights[b * N_TAGS..(b + 1) * N_TAGS].fill(0);
        }
        next += drop;
    }
}

/// The temperature (from a fixed grid) that maximises the likelihood of the
/// known gold tags under the model's marginals.
fn calibrate(model: &Model, calibration: &[Example]) -> f32 {
    let tagger = Tagger::new(model.clone());
    let mut em = Vec::new();
    let mut marg = Vec::new();
    let mut best = (f64::INFINITY, 1.0f32);
    for k in 0..24 {
        let t = 0.25 * 1.25f32.powi(k);
        let mut nll = 0.0f64;
        for ex in calibration {
            tagger.emissions(&ex.feats, &mut em);
            decode::marginals(&em, &model.transitions, t, &mut marg);
            for (row, &mask) in marg.iter().zip(&ex.allowed) {
                if mask.count_ones() == 1 {
                    let p = row[mask.trailing_zeros() as usize];
                    nll -= f64::from(p.max(1e-6)).ln();
                }
            }
        }
        if nll < best.0 {
            best = (nll, t);
        }
    }
    best.1
}

/// Exact-match counts for one label.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// Predicted and gold.
    pub tp: usize,
    /// Predicted, not gold (and not excused).
    pub fp: usize,
    /// Gold, not predicted.
    pub fn_: usize,
}

impl Counts {
    /// Precision.
    pub fn precision(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }
    /// Recall.
    pub fn recall(&self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }
    /// F1.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
    /// Adds another count.
    pub fn add(&mut self, o: Counts) {
        self.tp += o.tp;
        self.fp += o.fp;
        self.fn_ += o.fn_;
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// Scores of a tagger on documents: COMPANY and PRODUCT counts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Scores {
    /// COMPANY.
    pub company: Counts,
    /// PRODUCT.
    pub product: Counts,
}

impl Scores {
    /// Adds other scores.
    pub fn add(&mut self, o: Scores) {
        self.company.add(o.company);
        self.product.add(o.product);
    }
}

/// Compares predicted spans with a document's gold. A predicted COMPANY that
/// overlaps an ORG span, or a PRODUCT that overlaps a PRODUCT_GENERIC span,
/// is neither right nor wrong (the corpus does not say).
pub fn score_doc(doc: &Doc, predicted: &[TaggedSpan], min_score: f32) -> Scores {
    let mut s = Scores::default();
    for (label, name, excuse, counts) in [
        (Label::Company, "COMPANY", "ORG", &mut s.company),
        (Label::Product, "PRODUCT", "PRODUCT_GENERIC", &mut s.product),
    ] {
        let gold: Vec<Span> = doc
            .entities
            .iter()
            .filter(|e| e.label == name)
            .map(|e| e.span)
            .collect();
        let pred: Vec<Span> = predicted
            .iter()
            .filter(|p| p.label == label && p.score >= min_score)
            .map(|p| p.span)
            .collect();
        for p in &pred {
            if gold.contains(p) {
                counts.tp += 1;
            } else if !doc.entities.iter().any(|e| e.label == excuse && e.span.overlaps(p)) {
                counts.fp += 1;
            }
        }
        counts.fn_ += gold.iter().filter(|g| !pred.contains(g)).count();
    }
    s
}

/// Tags every document and scores it at each threshold in `thresholds`;
/// also returns the tagging time in seconds and bytes tagged.
pub fn evaluate(tagger: &Tagger, docs: &[Doc], thresholds: &[f32]) -> (Vec<Scores>, f64, usize) {
    let mut out = vec![Scores::default(); thresholds.len()];
    let mut secs = 0.0;
    let mut bytes = 0;
    for doc in docs {
        let t0 = Instant::now();
        let pred = tagger.tag(&doc.text);
        secs += t0.elapsed().as_secs_f64();
        bytes += doc.text.len();
        for (s, &th) in out.iter_mut().zip(thresholds) {
            s.add(score_doc(doc, &pred, th));
        }
    }
    (out, secs, bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn masks_follow_labels() {
        let docs = parse_jsonl(
            r#"{"id":"a","text":"Büro Apple Inc said FIFA Word rocks","entities":[{"start":5,"end":14,"label":"COMPANY"},{"start":20,"end":24,"label":"ORG"},{"start":25,"end":29,"label":"PRODUCT"}]}"#,
        )
        .unwrap();
        assert_eq!(docs[0].entities[0].span.slice(&docs[0].text), "Apple Inc");
        let ex = examples(&docs, 12);
        let b = |t: u8| 1u8 << t;
        assert_eq!(
            ex[0].allowed,
            vec![
                b(O),
                b(B_COMPANY),
                b(I_COMPANY),
                b(O),
                b(O) | b(B_COMPANY),
                b(B_PRODUCT),
                b(O)
            ]
        );
    }
}
