//! A small learned sequence tagger for COMPANY and PRODUCT names.
//!
//! A linear-chain model over BIO tags, trained as an averaged structured
//! perceptron by `pactlens-train` (crate `crates/train`) on openly licensed
//! NER corpora and the dev articles. Features are hashed into a fixed table
//! (see [`features`]); weights are quantised to `i8` with one scale and
//! shipped in `data/tagger.bin` (format in [`Model`]).
//!
//! The tagger is independent of the rule pipeline in `annotate`: it returns
//! scored spans that a caller can combine with lexicon matches.
//!
//! ```
//! use pactlens_engine::tagger::Tagger;
//! let text = "Xiaomi will use Azure, Microsoft's cloud.";
//! for s in Tagger::builtin().tag(text) {
//!     assert!(text.is_char_boundary(s.span.start) && text.is_char_boundary(s.span.end));
//! }
//! ```

pub mod decode;
pub mod features;

use std::fmt;
use std::sync::LazyLock;

use crate::span::{Label, Span};
use decode::{Emission, Transitions, N_TAGS};
use features::{Extractor, FEATURE_VERSION, N_FEATURES};

use crate::doc::Doc;

/// The model shipped with the engine.
const BUILTIN_MODEL: &[u8] = include_bytes!("../../data/tagger.bin");

/// File magic of a tagger model.
pub const MAGIC: &[u8; 6] = b"PLTAG\0";
/// Model file format version.
pub const FORMAT_VERSION: u16 = 1;

/// A name the tagger found.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TaggedSpan {
    /// Byte range in the tagged text (on character boundaries).
    pub span: Span,
    /// COMPANY or PRODUCT.
    pub label: Label,
    /// Mean marginal probability of the span's tags, in `[0, 1]`.
    pub score: f32,
}

/// Model weights: a dense table of `2^bits` rows of `N_TAGS` quantised
/// weights, a scale and the transition scores.
///
/// File format (little-endian): magic `PLTAG\0`; `u16` format version;
/// `u16` feature version; `u8` bits; `u8` number of tags; `u16` reserved;
/// `f32` scale; `f32` temperature; `(N_TAGS + 1) * N_TAGS` `f32`
/// transitions; `u32` row count; then per non-zero row a LEB128 varint of
/// the bucket's distance from the previous row (the first from 0) and
/// `N_TAGS` `i8` weights.
#[derive(Clone, PartialEq)]
pub struct Model {
    /// log2 of the number of buckets.
    pub bits: u32,
    /// Real weight of one `i8` unit.
    pub scale: f32,
    /// Temperature used for the span scores (marginals of `exp(score / T)`).
    pub temperature: f32,
    /// Transition scores (already real-valued).
    pub transitions: Transitions,
    /// `2^bits * N_TAGS` quantised weights, row-major by bucket.
    pub weights: Vec<i8>,
}

impl fmt::Debug for Model {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Model")
            .field("bits", &self.bits)
            .field("scale", &self.scale)
            .field("temperature", &self.temperature)
            .field("non_zero_rows", &self.non_zero_rows())
            .finish()
    }
}

/// A model file that could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ModelError(String);

impl fmt::Display for ModelError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "tagger model: {}", self.0)
    }
}

impl std::error::Error for ModelError {}

struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl Reader<'_> {
    fn take(&mut self, n: usize) -> Result<&[u8], ModelError> {
        let end = self.pos.checked_add(n).filter(|&e| e <= self.bytes.len());
        let end = end.ok_or_else(|| ModelError("truncated".into()))?;
        let s = &self.bytes[self.pos..end];
        self.pos = end;
        Ok(s)
    }
    fn u8(&mut self) -> Result<u8, ModelError> {
        Ok(self.take(1)?[0])
    }
    fn u16(&mut self) -> Result<u16, ModelError> {
        let b = self.take(2)?;
        Ok(u16::from_le_bytes([b[0], b[1]]))
    }
    fn u32(&mut self) -> Result<u32, ModelError> {
        let b = self.take(4)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }
    fn f32(&mut self) -> Result<f32, ModelError> {
        Ok(f32::from_bits(self.u32()?))
    }
    fn varint(&mut self) -> Result<u64, ModelError> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.u8()?;
            v |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Ok(v);
            }
        }
        Err(ModelError("bad varint".into()))
    }
}

impl Model {
    /// An all-zero model (tags nothing).
    pub fn empty(bits: u32) -> Self {
        Model {
            bits,
            scale: 1.0,
            temperature: 1.0,
            transitions: [[0.0; N_TAGS]; N_TAGS + 1],
            weights: vec![0; (1usize << bits) * N_TAGS],
        }
    }

    /// Number of buckets with a non-zero weight.
    pub fn non_zero_rows(&self) -> usize {
        self.weights
            .chunks(N_TAGS)
            .filter(|r| r.iter().any(|&w| w != 0))
            .count()
    }

    /// Serialises the model (see the type's doc for the format).
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::new();
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
        out.extend_from_slice(&FEATURE_VERSION.to_le_bytes());
        out.push(self.bits as u8);
        out.push(N_TAGS as u8);
        out.extend_from_slice(&0u16.to_le_bytes());
        out.extend_from_slice(&self.scale.to_le_bytes());
        out.extend_from_slice(&self.temperature.to_le_bytes());
        for row in &self.transitions {
            for v in row {
                out.extend_from_slice(&v.to_le_bytes());
            }
        }
        out.extend_from_slice(&(self.non_zero_rows() as u32).to_le_bytes());
        let mut prev = 0usize;
        for (bucket, row) in self.weights.chunks(N_TAGS).enumerate() {
            if row.iter().all(|&w| w == 0) {
                continue;
            }
            let mut d = (bucket - prev) as u64;
            prev = bucket;
            loop {
                let b = (d & 0x7f) as u8;
                d >>= 7;
                if d == 0 {
                    out.push(b);
                    break;
                }
                out.push(b | 0x80);
            }
            out.extend(row.iter().map(|&w| w as u8));
        }
        out
    }

    /// Reads a model written by [`Model::to_bytes`].
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, ModelError> {
        let mut r = Reader { bytes, pos: 0 };
        if r.take(MAGIC.len())? != MAGIC {
            return Err(ModelError("bad magic".into()));
        }
        let version = r.u16()?;
        if version != FORMAT_VERSION {
            return Err(ModelError(format!("format version {version}, want {FORMAT_VERSION}")));
        }
        let fv = r.u16()?;
        if fv != FEATURE_VERSION {
            return Err(ModelError(format!("feature version {fv}, want {FEATURE_VERSION}")));
        }
        let bits = u32::from(r.u8()?);
        if !(8..=24).contains(&bits) {
            return Err(ModelError(format!("bits {bits} out of range")));
        }
        let n_tags = usize::from(r.u8()?);
        if n_tags != N_TAGS {
            return Err(ModelError(format!("{n_tags} tags, want {N_TAGS}")));
        }
        r.u16()?;
        let scale = r.f32()?;
        let temperature = r.f32()?;
        let mut transitions = [[0.0; N_TAGS]; N_TAGS + 1];
        for row in transitions.iter_mut() {
            for v in row.iter_mut() {
                *v = r.f32()?;
            }
        }
        if !scale.is_finite() || !temperature.is_finite() || transitions.iter().flatten().any(|v| !v.is_finite()) {
            return Err(ModelError("non-finite parameter".into()));
        }
        let rows = r.u32()? as usize;
        let buckets = 1usize << bits;
        let mut weights = vec![0i8; buckets * N_TAGS];
        let mut bucket = 0usize;
        for k in 0..rows {
            let d = r.varint()? as usize;
            bucket = bucket
                .checked_add(d)
                .filter(|&b| b < buckets && (k == 0 || d > 0))
                .ok_or_else(|| ModelError("bad bucket".into()))?;
            for (w, &b) in weights[bucket * N_TAGS..(bucket + 1) * N_TAGS]
                .iter_mut()
                .zip(r.take(N_TAGS)?)
            {
                *w = b as i8;
            }
        }
        if r.pos != bytes.len() {
            return Err(ModelError("trailing bytes".into()));
        }
        Ok(Model {
            bits,
            scale,
            temperature,
            transitions,
            weights,
        })
    }
}

/// The tagger: a model plus reusable feature extraction.
#[derive(Debug, Clone)]
pub struct Tagger {
    model: Model,
}

static BUILTIN: LazyLock<Tagger> = LazyLock::new(|| {
    // The file is built by `pactlens-train` and checked by a unit test; an
    // unreadable file degrades to a tagger that finds nothing.
    Tagger::new(Model::from_bytes(BUILTIN_MODEL).unwrap_or_else(|_| Model::empty(8)))
});

impl Tagger {
    /// A tagger using `model`.
    pub fn new(model: Model) -> Self {
        Tagger { model }
    }

    /// The tagger with the model compiled into the engine.
    pub fn builtin() -> &'static Tagger {
        &BUILTIN
    }

    /// Reads a model file.
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, ModelError> {
        Model::from_bytes(bytes).map(Tagger::new)
    }

    /// The model.
    pub fn model(&self) -> &Model {
        &self.model
    }

    /// Emission scores of every token of a sentence given its features.
    pub fn emissions(&self, feats: &[u32], out: &mut Vec<Emission>) {
        out.clear();
        let w = &self.model.weights;
        for tok in feats.chunks_exact(N_FEATURES) {
            let mut acc = [0i32; N_TAGS];
            for &b in tok {
                let base = b as usize * N_TAGS;
                if let Some(row) = w.get(base..base + N_TAGS) {
                    for (a, &x) in acc.iter_mut().zip(row) {
                        *a += i32::from(x);
                    }
                }
            }
            let mut e = [0.0f32; N_TAGS];
            for (e, a) in e.iter_mut().zip(acc) {
                *e = a as f32 * self.model.scale;
            }
            out.push(e);
        }
    }

    /// Finds company and product names in `text`, in order, non-overlapping.
    pub fn tag(&self, text: &str) -> Vec<TaggedSpan> {
        self.tag_doc(&Doc::new(text), &mut |_| {})
    }

    /// [`Tagger::tag`], reporting the share of the text done (0 to 1).
    pub fn tag_with_progress(&self, text: &str, progress: &mut dyn FnMut(f32)) -> Vec<TaggedSpan> {
        self.tag_doc(&Doc::new(text), progress)
    }

    /// [`Tagger::tag`] on a segmented document, reporting the share of the
    /// text done (0 to 1) after each unit, for progress bars on long texts.
    pub fn tag_doc(&self, doc: &Doc<'_>, progress: &mut dyn FnMut(f32)) -> Vec<TaggedSpan> {
        let text = doc.text;
        let mut out = Vec::new();
        let mut ex = Extractor::default();
        let mut spans = Vec::new();
        let mut feats = Vec::new();
        let mut em = Vec::new();
        let mut tags = Vec::new();
        let mut marg = Vec::new();
        let every = (doc.tag_units.len() / 50).max(1);
        for (n, unit) in doc.tag_units.iter().enumerate() {
            spans.clear();
            spans.extend(doc.tokens[unit.clone()].iter().map(|t| t.span));
            if n % every == 0 {
                progress(spans.first().map_or(0.0, |t| t.start as f32 / text.len().max(1) as f32));
            }
            ex.unit_features(text, &spans, self.model.bits, &mut feats);
            self.emissions(&feats, &mut em);
            decode::viterbi(&em, &self.model.transitions, None, &mut tags);
            let runs = decode::runs(&tags);
            if runs.is_empty() {
                continue;
            }
            decode::marginals(&em, &self.model.transitions, self.model.temperature, &mut marg);
            for (a, b, label) in runs {
                let score = (a..b).map(|i| marg[i][tags[i] as usize]).sum::<f32>() / (b - a) as f32;
                out.push(TaggedSpan {
                    span: Span::new(spans[a].start, spans[b - 1].end),
                    label,
                    score,
                });
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_model_loads() {
        Model::from_bytes(BUILTIN_MODEL).expect("data/tagger.bin reads");
    }

    #[test]
    fn model_round_trips() {
        let mut m = Model::empty(10);
        m.weights[7] = 3;
        m.weights[5 * 900 + 4] = -128;
        m.scale = 0.25;
        m.transitions[1][2] = 1.5;
        let bytes = m.to_bytes();
        assert_eq!(Model::from_bytes(&bytes).unwrap(), m);
        assert!(Model::from_bytes(&bytes[..bytes.len() - 1]).is_err());
        assert!(Model::from_bytes(b"nonsense").is_err());
    }
}
