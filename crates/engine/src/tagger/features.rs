//! Hashed features for the tagger.
//!
//! Every token gets exactly [`N_FEATURES`] feature buckets, computed from
//! per-token hashes (lower-cased word, case-exact word, shape, prefixes,
//! suffixes, lexicon membership) combined with those of its neighbours and of
//! its sentence. Nothing is allocated per feature: strings are hashed byte by
//! byte and the hashes are mixed with a 64-bit finaliser.
//!
//! Training (`pactlens-train`) and inference share this code, so a model and
//! the engine agree on every bucket by construction; [`FEATURE_VERSION`] is
//! stored in the model file and checked on load.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::LazyLock;

use crate::lexicon::Lexicon;
use crate::span::{Label, Span};
use crate::text::{tag_units, tokens};

/// Bumped whenever the feature templates or hashing change.
pub const FEATURE_VERSION: u16 = 2;

/// Number of features each token emits.
pub const N_FEATURES: usize = 38;

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

/// Value used for a neighbour outside the sentence ("beginning of sentence").
const BOS: u64 = 0x5151_5151_5151_5151;
/// Value used for a neighbour past the end of the sentence.
const EOS: u64 = 0xe0e0_e0e0_e0e0_e0e0;

#[inline]
fn fnv_byte(h: u64, b: u8) -> u64 {
    (h ^ u64::from(b)).wrapping_mul(FNV_PRIME)
}

#[inline]
fn fnv_char(mut h: u64, c: char) -> u64 {
    let mut buf = [0u8; 4];
    for &b in c.encode_utf8(&mut buf).as_bytes() {
        h = fnv_byte(h, b);
    }
    h
}

/// Murmur3's 64-bit finaliser: a cheap, well-mixing bijection.
#[inline]
fn fmix(mut k: u64) -> u64 {
    k ^= k >> 33;
    k = k.wrapping_mul(0xff51_afd7_ed55_8ccd);
    k ^= k >> 33;
    k = k.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    k ^= k >> 33;
    k
}

#[inline]
fn combine(template: u64, a: u64, b: u64) -> u64 {
    fmix(fmix(template.wrapping_mul(0x9e37_79b9_7f4a_7c15) ^ a).wrapping_add(b.rotate_left(23)))
}

/// Calls `f` with the lower-case form of `c` (one or more characters).
#[inline]
fn for_lower(c: char, mut f: impl FnMut(char)) {
    if c.is_ascii() {
        f(c.to_ascii_lowercase());
    } else {
        c.to_lowercase().for_each(f);
    }
}

/// Hash of the lower-cased text.
pub fn lower_hash(text: &str) -> u64 {
    let mut h = FNV_OFFSET;
    for c in text.chars() {
        for_lower(c, |l| h = fnv_char(h, l));
    }
    h
}

/// Coarse word classes used in context features.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub enum WordClass {
    /// all lower-case letters ("cloud")
    Lower = 1,
    /// capitalised then lower ("Microsoft")
    Title = 2,
    /// all capitals, two or more letters ("IBM")
    Upper = 3,
    /// a single capital ("A")
    Initial = 4,
    /// mixed case inside ("iPhone", "YouTube")
    Mixed = 5,
    /// digits only ("2016")
    Digits = 6,
    /// letters and digits ("GPT-4", "3M")
    Alnum = 7,
    /// none of the above (CJK, symbols)
    Other = 8,
}

/// Per-token hashes, computed once per token.
#[derive(Debug, Clone, Copy)]
struct TokInfo {
    lower: u64,
    raw: u64,
    shape: u64,
    class: WordClass,
    prefix: [u64; 4],
    suffix: [u64; 4],
    /// length in chars, capped
    len: u8,
    capitalised: bool,
    /// lexicon tag code (0: none)
    lex: u8,
    /// first non-space char between previous token and this one (0: none)
    gap_before: u64,
}

fn tok_info(text: &str) -> TokInfo {
    let mut lower = FNV_OFFSET;
    let mut raw = FNV_OFFSET;
    let mut shape = FNV_OFFSET;
    let mut prefix = [0u64; 4];
    let mut n_chars = 0usize;
    let mut last_shape = '\0';
    let mut run = 0u8;
    let (mut upper, mut lowerc, mut digit, mut other) = (0usize, 0usize, 0usize, 0usize);
    let mut first_upper = false;
    let mut upper_after_first = false;
    for c in text.chars() {
        raw = fnv_char(raw, c);
        let s = if c.is_uppercase() {
            upper += 1;
            if n_chars == 0 {
                first_upper = true;
            } else {
                upper_after_first = true;
            }
            'X'
        } else if c.is_lowercase() {
            lowerc += 1;
            'x'
        } else if c.is_ascii_digit() {
            digit += 1;
            'd'
        } else if c.is_alphanumeric() {
            other += 1;
            'o'
        } else {
            c
        };
        // Collapsed shape: runs longer than two are cut to two.
        if s == last_shape {
            run = run.saturating_add(1);
        } else {
            run = 1;
            last_shape = s;
        }
        if run <= 2 {
            shape = fnv_char(shape, s);
        }
        for_lower(c, |l| lower = fnv_char(lower, l));
        if n_chars < 4 {
            prefix[n_chars] = lower;
        }
        n_chars += 1;
    }
    for p in prefix.iter_mut().skip(n_chars.min(4)) {
        *p = BOS;
    }
    let mut suffix = [EOS; 4];
    let mut h = FNV_OFFSET;
    for (k, c) in text.chars().rev().take(4).enumerate() {
        for_lower(c, |l| h = fnv_char(h, l));
        suffix[k] = h;
    }
    let letters = upper + lowerc;
    let class = if letters == 0 && other == 0 && digit > 0 {
        WordClass::Digits
    } else if other > 0 && letters == 0 {
        WordClass::Other
    } else if digit > 0 && letters > 0 {
        WordClass::Alnum
    } else if upper == 0 && lowerc > 0 {
        WordClass::Lower
    } else if upper == 1 && lowerc == 0 && first_upper {
        WordClass::Initial
    } else if lowerc == 0 && upper > 1 {
        WordClass::Upper
    } else if first_upper && !upper_after_first {
        WordClass::Title
    } else if letters > 0 {
        WordClass::Mixed
    } else {
        WordClass::Other
    };
    TokInfo {
        lower,
        raw,
        shape,
        class,
        prefix,
        suffix,
        len: n_chars.min(255) as u8,
        capitalised: first_upper || text.starts_with(|c: char| c.is_ascii_digit()),
        lex: 0,
        gap_before: 0,
    }
}

/// Sentence casing modes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
enum Mode {
    Normal = 1,
    /// no capital letters at all (lower-cased corpora, queries)
    Lower = 2,
    /// most words capitalised (headlines)
    Title = 3,
    /// most words in capitals (wire headlines)
    Caps = 4,
    /// too short to tell
    Short = 5,
}

fn sentence_mode(infos: &[TokInfo]) -> Mode {
    let mut words = 0usize;
    let mut caps = 0usize;
    let mut upper = 0usize;
    let mut any_upper = false;
    for t in infos {
        match t.class {
            WordClass::Lower => words += 1,
            WordClass::Title | WordClass::Mixed => {
                words += 1;
                caps += 1;
                any_upper = true;
            }
            WordClass::Upper | WordClass::Initial => {
                words += 1;
                caps += 1;
                upper += 1;
                any_upper = true;
            }
            WordClass::Alnum => any_upper |= t.capitalised,
            _ => {}
        }
    }
    if words < 3 {
        Mode::Short
    } else if !any_upper {
        Mode::Lower
    } else if upper * 10 >= words * 7 {
        Mode::Caps
    } else if caps * 10 >= words * 7 {
        Mode::Title
    } else {
        Mode::Normal
    }
}

// Lexicon tag codes: bit 0-1 B/I (1 = begin, 2 = inside), bits 2-3 kind
// (company, product), bit 4 ambiguous, bit 5 case-exact match, bit 6 single-token.
const LEX_BEGIN: u8 = 1;
const LEX_INSIDE: u8 = 2;
const LEX_COMPANY: u8 = 4;
const LEX_PRODUCT: u8 = 8;
const LEX_AMBIG: u8 = 16;
const LEX_EXACT: u8 = 32;

/// An identity hasher for keys that are already hashes.
#[derive(Default)]
struct IdHasher(u64);

impl Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = fnv_byte(self.0, b);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

type IdMap<V> = HashMap<u64, V, BuildHasherDefault<IdHasher>>;

/// Lexicon surfaces indexed by the hash of their lower-cased token sequence.
///
/// This is not a second copy of the lexicon matcher of `lexicon_matches`:
/// that one finds surfaces in the text (ASCII case as written, overlapping,
/// any position); this one marks token runs under full Unicode lower case,
/// longest first, exactly as the shipped model was trained to read them.
/// Deriving these codes from the text matcher would change the features and
/// so require a new model; they stay part of the model's definition
/// (`FEATURE_VERSION`).
struct LexIndex {
    /// kind bits (company/product/ambiguous), plus PREFIX for proper prefixes
    lower: IdMap<u8>,
    /// case-exact sequence hashes of full surfaces
    exact: IdMap<()>,
    max_tokens: usize,
}

const PREFIX: u8 = 128;

#[inline]
fn seq_step(h: u64, tok: u64) -> u64 {
    fmix(h ^ tok).wrapping_add(0x2545_f491_4f6c_dd1d)
}

impl LexIndex {
    fn new(lexicon: &Lexicon) -> Self {
        let mut lower: IdMap<u8> = IdMap::default();
        let mut exact: IdMap<()> = IdMap::default();
        let mut max_tokens = 1;
        for entry in lexicon.entries() {
            let mut kind = match entry.label {
                Label::Company => LEX_COMPANY,
                Label::Product => LEX_PRODUCT,
                Label::Agreement => continue,
            };
            if entry.ambiguous {
                kind |= LEX_AMBIG;
            }
            for surface in entry.surfaces() {
                let toks = tokens(surface);
                if toks.is_empty() || toks.len() > 8 {
                    continue;
                }
                max_tokens = max_tokens.max(toks.len());
                let mut hl = 0u64;
                let mut he = 0u64;
                for (k, t) in toks.iter().enumerate() {
                    let info = tok_info(t.text);
                    hl = seq_step(hl, info.lower);
                    he = seq_step(he, info.raw);
                    if k + 1 < toks.len() {
                        *lower.entry(hl).or_insert(0) |= PREFIX;
                    }
                }
                *lower.entry(hl).or_insert(0) |= kind;
                exact.insert(he, ());
            }
        }
        LexIndex {
            lower,
            exact,
            max_tokens,
        }
    }

    /// Fills `lex` codes of `infos` with the longest lexicon match at each start.
    fn mark(&self, infos: &mut [TokInfo]) {
        let n = infos.len();
        let mut i = 0;
        while i < n {
            let mut hl = 0u64;
            let mut he = 0u64;
            let mut best: Option<(usize, u8)> = None;
            for (j, info) in infos.iter().enumerate().take(n.min(i + self.max_tokens)).skip(i) {
                hl = seq_step(hl, info.lower);
                he = seq_step(he, info.raw);
                let Some(&bits) = self.lower.get(&hl) else { break };
                let kind = bits & (LEX_COMPANY | LEX_PRODUCT | LEX_AMBIG);
                if kind & (LEX_COMPANY | LEX_PRODUCT) != 0 {
                    let exact = if self.exact.contains_key(&he) { LEX_EXACT } else { 0 };
                    best = Some((j + 1 - i, kind | exact));
                }
                if bits & PREFIX == 0 {
                    break;
                }
            }
            if let Some((len, code)) = best {
                infos[i].lex = code | LEX_BEGIN;
                for info in &mut infos[i + 1..i + len] {
                    info.lex = code | LEX_INSIDE;
                }
                i += len;
            } else {
                i += 1;
            }
        }
    }
}

static LEX_INDEX: LazyLock<LexIndex> = LazyLock::new(|| LexIndex::new(Lexicon::builtin()));

/// A sentence ready for tagging: its tokens (byte spans into the whole text).
#[derive(Debug, Clone)]
pub struct Sentence {
    /// Token spans, in order.
    pub tokens: Vec<Span>,
}

/// Splits `text` into the units the tagger works on
/// ([`tag_units`](crate::text::tag_units)), as token spans.
pub fn prepare(text: &str) -> Vec<Sentence> {
    let toks = tokens(text);
    tag_units(text, &toks)
        .into_iter()
        .map(|unit| Sentence {
            tokens: toks[unit].iter().map(|t| t.span).collect(),
        })
        .collect()
}

/// Writes the feature buckets of every token of `sentence` into `out`
/// (cleared first): `N_FEATURES` per token, each below `1 << bits`.
pub fn sentence_features(text: &str, sentence: &Sentence, bits: u32, out: &mut Vec<u32>) {
    let mut infos = Vec::with_capacity(sentence.tokens.len());
    unit_features(text, &sentence.tokens, bits, out, &mut infos);
}

fn unit_features(text: &str, tokens: &[Span], bits: u32, out: &mut Vec<u32>, infos: &mut Vec<TokInfo>) {
    out.clear();
    infos.clear();
    let mut prev_end = tokens.first().map_or(0, |s| s.start);
    for (k, span) in tokens.iter().enumerate() {
        let mut info = tok_info(span.slice(text));
        if k > 0 {
            let gap = &text[prev_end.min(span.start)..span.start];
            let c = gap.chars().find(|c| !c.is_whitespace());
            info.gap_before = match c {
                Some(c) => fnv_char(FNV_OFFSET, c),
                None => 1,
            };
        }
        prev_end = span.end;
        infos.push(info);
    }
    LEX_INDEX.mark(infos);
    let mode = sentence_mode(infos) as u64;
    let n = infos.len();
    let shift = 64 - bits;
    let get = |i: isize| -> Option<&TokInfo> {
        if i < 0 {
            None
        } else {
            infos.get(i as usize)
        }
    };
    // Capitalised runs: position and length.
    let mut run_start = vec![0usize; n];
    let mut run_len = vec![0usize; n];
    let mut k = 0;
    while k < n {
        if infos[k].capitalised {
            let s = k;
            while k < n && infos[k].capitalised {
                k += 1;
            }
            for r in s..k {
                run_start[r] = s;
                run_len[r] = k - s;
            }
        } else {
            k += 1;
        }
    }
    out.reserve(n * N_FEATURES);
    for i in 0..n {
        let t = &infos[i];
        let ii = i as isize;
        let w = |d: isize, bos: u64| get(ii + d).map_or(bos, |x| x.lower);
        let sh = |d: isize, bos: u64| get(ii + d).map_or(bos, |x| x.shape);
        let cl = |d: isize, bos: u64| get(ii + d).map_or(bos, |x| x.class as u64);
        let lx = |d: isize, bos: u64| get(ii + d).map_or(bos, |x| u64::from(x.lex));
        let (wm2, wm1, wp1, wp2) = (w(-2, BOS), w(-1, BOS), w(1, EOS), w(2, EOS));
        let (cm1, cp1) = (cl(-1, BOS), cl(1, EOS));
        let c = t.class as u64;
        let initial = u64::from(i == 0);
        let gap_after = get(ii + 1).map_or(EOS, |x| x.gap_before);
        let run_pos = if run_len[i] == 0 {
            0
        } else if run_len[i] == 1 {
            1
        } else if run_start[i] == i {
            2
        } else if run_start[i] + run_len[i] == i + 1 {
            3
        } else {
            4
        };
        let run_bucket = run_len[i].min(5) as u64;
        let len_bucket = u64::from(t.len.min(12));
        let feats: [u64; N_FEATURES] = [
            combine(0, 0, 0),
            combine(1, t.lower, 0),
            combine(2, t.raw, 0),
            combine(3, t.shape, 0),
            combine(4, t.prefix[0], 0),
            combine(5, t.prefix[1], 0),
            combine(6, t.prefix[2], 0),
            combine(7, t.prefix[3], 0),
            combine(8, t.suffix[0], 0),
            combine(9, t.suffix[1], 0),
            combine(10, t.suffix[2], 0),
            combine(11, t.suffix[3], 0),
            combine(12, wm1, 0),
            combine(13, wm2, 0),
            combine(14, wp1, 0),
            combine(15, wp2, 0),
            combine(16, sh(-1, BOS), 0),
            combine(17, sh(1, EOS), 0),
            combine(18, cm1 << 16 | c << 8 | cp1, 0),
            combine(19, wm1, t.lower),
            combine(20, t.lower, wp1),
            combine(21, mode << 8 | c, 0),
            combine(22, mode << 16 | initial << 8 | c, 0),
            combine(23, initial, t.lower),
            combine(24, u64::from(t.lex), 0),
            combine(25, lx(-1, BOS), 0),
            combine(26, lx(1, EOS), 0),
            combine(27, u64::from(t.lex) << 8 | mode, 0),
            combine(28, u64::from(t.lex) << 8 | c, 0),
            combine(29, t.gap_before, c),
            combine(30, gap_after, c),
            combine(31, run_pos << 8 | run_bucket, c),
            combine(32, wm1, c),
            combine(33, c, wp1),
            combine(34, len_bucket << 8 | c, 0),
            combine(35, mode, t.lower),
            combine(36, cl(-2, BOS) << 16 | cm1 << 8 | c, 0),
            combine(37, c << 16 | cp1 << 8 | cl(2, EOS), 0),
        ];
        out.extend(feats.iter().map(|&h| (h >> shift) as u32));
    }
}

/// Reusable buffers for feature extraction.
#[derive(Debug, Default)]
pub struct Extractor {
    infos: Vec<TokInfo>,
}

impl Extractor {
    /// Like [`sentence_features`], reusing this extractor's buffers.
    pub fn features(&mut self, text: &str, sentence: &Sentence, bits: u32, out: &mut Vec<u32>) {
        unit_features(text, &sentence.tokens, bits, out, &mut self.infos);
    }

    /// The feature buckets of the tokens at `spans` (one tagger unit of a
    /// [`Doc`](crate::doc::Doc)), reusing this extractor's buffers.
    pub fn unit_features(&mut self, text: &str, spans: &[Span], bits: u32, out: &mut Vec<u32>) {
        unit_features(text, spans, bits, out, &mut self.infos);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes() {
        let c = |s: &str| tok_info(s).class;
        assert_eq!(c("cloud"), WordClass::Lower);
        assert_eq!(c("Microsoft"), WordClass::Title);
        assert_eq!(c("IBM"), WordClass::Upper);
        assert_eq!(c("iPhone"), WordClass::Mixed);
        assert_eq!(c("2016"), WordClass::Digits);
        assert_eq!(c("GPT-4"), WordClass::Alnum);
        assert_eq!(c("A"), WordClass::Initial);
    }

    #[test]
    fn lexicon_marks_known_names() {
        let text = "Microsoft Corp. and Xiaomi signed a deal.";
        let sent = &prepare(text)[0];
        let mut infos: Vec<TokInfo> = sent.tokens.iter().map(|s| tok_info(s.slice(text))).collect();
        LEX_INDEX.mark(&mut infos);
        assert!(infos[0].lex & LEX_COMPANY != 0);
        assert!(infos[3].lex & LEX_COMPANY != 0, "{:?}", infos[3].lex);
        assert_eq!(infos[4].lex, 0);
    }

    #[test]
    fn fixed_feature_count() {
        let text = "Xiaomi will use Azure, Microsoft's cloud.";
        let sent = &prepare(text)[0];
        let mut out = Vec::new();
        sentence_features(text, sent, 18, &mut out);
        assert_eq!(out.len(), sent.tokens.len() * N_FEATURES);
        assert!(out.iter().all(|&b| b < 1 << 18));
    }
}
