//! BIO tags, Viterbi decoding and forward-backward marginals.
//!
//! The model is first-order: each token has an emission score per tag and
//! each pair of consecutive tags a transition score. Invalid BIO sequences
//! (an `I-X` not after `B-X` or `I-X`) are excluded outright.

use crate::span::Label;

/// Number of tags: O, B-COMPANY, I-COMPANY, B-PRODUCT, I-PRODUCT.
pub const N_TAGS: usize = 5;
/// Outside any name.
pub const O: u8 = 0;
/// First token of a company name.
pub const B_COMPANY: u8 = 1;
/// Later token of a company name.
pub const I_COMPANY: u8 = 2;
/// First token of a product name.
pub const B_PRODUCT: u8 = 3;
/// Later token of a product name.
pub const I_PRODUCT: u8 = 4;
/// Every tag allowed (a mask for [`viterbi`]).
pub const ALL: u8 = 0b1_1111;

/// Tag names, for diagnostics.
pub const TAG_NAMES: [&str; N_TAGS] = ["O", "B-COMPANY", "I-COMPANY", "B-PRODUCT", "I-PRODUCT"];

/// Transition scores: row 0 is from the sentence start, row `p + 1` from tag `p`.
pub type Transitions = [[f32; N_TAGS]; N_TAGS + 1];

/// Emission scores of one token.
pub type Emission = [f32; N_TAGS];

/// The label a tag belongs to (`None` for O).
pub fn tag_label(tag: u8) -> Option<Label> {
    match tag {
        B_COMPANY | I_COMPANY => Some(Label::Company),
        B_PRODUCT | I_PRODUCT => Some(Label::Product),
        _ => None,
    }
}

/// True when `cur` may follow `prev` (`None` = sentence start).
#[inline]
pub fn valid(prev: Option<u8>, cur: u8) -> bool {
    match cur {
        I_COMPANY => matches!(prev, Some(B_COMPANY | I_COMPANY)),
        I_PRODUCT => matches!(prev, Some(B_PRODUCT | I_PRODUCT)),
        _ => true,
    }
}

/// The best valid tag sequence. `allowed`, when given, restricts each token
/// to the tags whose bits are set (a token with no allowed tag is treated as
/// unconstrained).
pub fn viterbi(emissions: &[Emission], trans: &Transitions, allowed: Option<&[u8]>, out: &mut Vec<u8>) {
    out.clear();
    let n = emissions.len();
    if n == 0 {
        return;
    }
    let mask = |i: usize| -> u8 {
        match allowed {
            Some(a) => match a.get(i).copied().unwrap_or(ALL) & ALL {
                0 => ALL,
                m => m,
            },
            None => ALL,
        }
    };
    let neg = f32::NEG_INFINITY;
    let mut back: Vec<[u8; N_TAGS]> = vec![[0; N_TAGS]; n];
    let mut score = [neg; N_TAGS];
    let m0 = mask(0);
    for t in 0..N_TAGS as u8 {
        if m0 & (1 << t) != 0 && valid(None, t) {
            score[t as usize] = trans[0][t as usize] + emissions[0][t as usize];
        }
    }
    for i in 1..n {
        let m = mask(i);
        let mut next = [neg; N_TAGS];
        for t in 0..N_TAGS as u8 {
            if m & (1 << t) == 0 {
                continue;
            }
            let mut best = neg;
            let mut arg = 0u8;
            for p in 0..N_TAGS as u8 {
                if score[p as usize] == neg || !valid(Some(p), t) {
                    continue;
                }
                let s = score[p as usize] + trans[p as usize + 1][t as usize];
                if s > best {
                    best = s;
                    arg = p;
                }
            }
            if best > neg {
                next[t as usize] = best + emissions[i][t as usize];
                back[i][t as usize] = arg;
            }
        }
        // A mask that leaves no valid path (e.g. only I-X allowed after a
        // forced O) falls back to O, which is always reachable.
        if next.iter().all(|&s| s == neg) {
            let best_p = argmax(&score);
            next[O as usize] = score[best_p] + trans[best_p + 1][0] + emissions[i][0];
            back[i][O as usize] = best_p as u8;
        }
        score = next;
    }
    let mut t = argmax(&score) as u8;
    out.resize(n, 0);
    for i in (0..n).rev() {
        out[i] = t;
        t = back[i][t as usize];
    }
}

fn argmax(s: &[f32; N_TAGS]) -> usize {
    let mut best = 0;
    for i in 1..N_TAGS {
        if s[i] > s[best] {
            best = i;
        }
    }
    best
}

fn log_sum_exp(v: &[f32; N_TAGS]) -> f32 {
    let m = v.iter().copied().fold(f32::NEG_INFINITY, f32::max);
    if m == f32::NEG_INFINITY {
        return m;
    }
    m + v.iter().map(|&x| (x - m).exp()).sum::<f32>().ln()
}

/// Per-token tag marginals of the distribution `exp(score / temperature)`
/// over valid tag sequences, written to `out` (one row per token).
pub fn marginals(emissions: &[Emission], trans: &Transitions, temperature: f32, out: &mut Vec<Emission>) {
    out.clear();
    let n = emissions.len();
    if n == 0 {
        return;
    }
    let inv = 1.0 / temperature.max(1e-3);
    let neg = f32::NEG_INFINITY;
    let tr = |p: Option<u8>, t: u8| -> f32 {
        if valid(p, t) {
            trans[p.map_or(0, |p| p as usize + 1)][t as usize] * inv
        } else {
            neg
        }
    };
    let mut alpha = vec![[neg; N_TAGS]; n];
    for t in 0..N_TAGS as u8 {
        alpha[0][t as usize] = tr(None, t) + emissions[0][t as usize] * inv;
    }
    for i in 1..n {
        for t in 0..N_TAGS as u8 {
            let mut v = [neg; N_TAGS];
            for p in 0..N_TAGS as u8 {
                v[p as usize] = alpha[i - 1][p as usize] + tr(Some(p), t);
            }
            alpha[i][t as usize] = log_sum_exp(&v) + emissions[i][t as usize] * inv;
        }
    }
    let mut beta = vec![[0.0f32; N_TAGS]; n];
    for i in (0..n - 1).rev() {
        for p in 0..N_TAGS as u8 {
            let mut v = [neg; N_TAGS];
            for t in 0..N_TAGS as u8 {
                v[t as usize] = tr(Some(p), t) + emissions[i + 1][t as usize] * inv + beta[i + 1][t as usize];
            }
            beta[i][p as usize] = log_sum_exp(&v);
        }
    }
    let z = log_sum_exp(&alpha[n - 1]);
    for i in 0..n {
        let mut row = [0.0f32; N_TAGS];
        for t in 0..N_TAGS {
            let p = (alpha[i][t] + beta[i][t] - z).exp();
            row[t] = if p.is_finite() { p.clamp(0.0, 1.0) } else { 0.0 };
        }
        out.push(row);
    }
}

/// Turns a tag sequence into `(first token, end token, label)` runs.
pub fn runs(tags: &[u8]) -> Vec<(usize, usize, Label)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < tags.len() {
        let t = tags[i];
        if t == B_COMPANY || t == B_PRODUCT || t == I_COMPANY || t == I_PRODUCT {
            let label = if t == B_COMPANY || t == I_COMPANY {
                Label::Company
            } else {
                Label::Product
            };
            let inside = if label == Label::Company { I_COMPANY } else { I_PRODUCT };
            let mut j = i + 1;
            while j < tags.len() && tags[j] == inside {
                j += 1;
            }
            out.push((i, j, label));
            i = j;
        } else {
            i += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn viterbi_respects_bio_and_masks() {
        let trans = [[0.0; N_TAGS]; N_TAGS + 1];
        // I-COMPANY is the best emission at token 0, but invalid there.
        let em = vec![[0.0, 0.5, 2.0, 0.0, 0.0], [0.0, 0.0, 1.0, 0.0, 0.0]];
        let mut out = Vec::new();
        viterbi(&em, &trans, None, &mut out);
        assert_eq!(out, vec![B_COMPANY, I_COMPANY]);
        viterbi(&em, &trans, Some(&[1 << O, ALL]), &mut out);
        assert_eq!(out, vec![O, O]);
        let mut m = Vec::new();
        marginals(&em, &trans, 1.0, &mut m);
        for row in &m {
            assert!((row.iter().sum::<f32>() - 1.0).abs() < 1e-4);
        }
        assert_eq!(m[0][I_COMPANY as usize], 0.0);
    }

    #[test]
    fn runs_group_tags() {
        let tags = [O, B_COMPANY, I_COMPANY, B_PRODUCT, I_COMPANY, O];
        assert_eq!(
            runs(&tags),
            vec![(1, 3, Label::Company), (3, 4, Label::Product), (4, 5, Label::Company)]
        );
    }
}
