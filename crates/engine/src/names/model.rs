//! The name-decision model: logistic-regression weights per feature, read
//! from and written to `data/names.tsv`, and the decision for one name.

use std::sync::LazyLock;

use super::{Decision, Feature, N_FEATURES};

/// The decision model: per feature, a weight for COMPANY and one for
/// PRODUCT (neither's logit is 0).
#[derive(Debug, Clone, PartialEq)]
pub struct NameModel {
    /// `weights[f] = [company, product]`, indexed like [`Feature::ALL`].
    pub weights: [[f32; 2]; N_FEATURES],
}

/// A weights file that does not read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameModelError {
    /// 1-based line number.
    pub line: usize,
    /// What is wrong.
    pub reason: String,
}

impl std::fmt::Display for NameModelError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "names model, line {}: {}", self.line, self.reason)
    }
}

impl std::error::Error for NameModelError {}

const BUILTIN_TSV: &str = include_str!("../../data/names.tsv");

static BUILTIN: LazyLock<NameModel> = LazyLock::new(|| {
    // The shipped file is checked by a unit test; a failure here is a
    // build defect.
    NameModel::from_tsv(BUILTIN_TSV).expect("data/names.tsv reads")
});

impl NameModel {
    /// The model shipped with the engine (`data/names.tsv`).
    pub fn builtin() -> &'static NameModel {
        &BUILTIN
    }

    /// Reads `feature<TAB>company<TAB>product` lines (`#` comments). Every
    /// feature must be given once.
    pub fn from_tsv(tsv: &str) -> Result<Self, NameModelError> {
        let mut weights = [[0.0f32; 2]; N_FEATURES];
        let mut seen = [false; N_FEATURES];
        crate::tsv::for_each_row(tsv, |line, cols| {
            let err = |reason: String| NameModelError { line, reason };
            let [id, c, p] = cols[..] else {
                return Err(err(format!("expected 3 columns, found {}", cols.len())));
            };
            let f = Feature::ALL
                .iter()
                .position(|f| f.id() == id)
                .ok_or_else(|| err(format!("unknown feature {id:?}")))?;
            if seen[f] {
                return Err(err(format!("feature {id:?} given twice")));
            }
            seen[f] = true;
            let num = |s: &str| s.parse::<f32>().map_err(|e| err(format!("{s:?}: {e}")));
            weights[f] = [num(c)?, num(p)?];
            Ok(())
        })?;
        if let Some(f) = seen.iter().position(|s| !s) {
            return Err(NameModelError {
                line: tsv.lines().count(),
                reason: format!("feature {:?} missing", Feature::ALL[f].id()),
            });
        }
        Ok(NameModel { weights })
    }

    /// The weights file (`from_tsv` reads it back).
    pub fn to_tsv(&self) -> String {
        let mut out = String::from(
            "# pactlens name decisions: logistic-regression weights per feature\n\
             # (written by `pactlens-train names`; see crates/engine/src/names/)\n\
             # feature\tcompany\tproduct\n",
        );
        for (f, [c, p]) in Feature::ALL.iter().zip(self.weights) {
            out.push_str(&format!("{}\t{c:.4}\t{p:.4}\n", f.id()));
        }
        out
    }

    /// Probabilities of COMPANY, PRODUCT and neither for one name.
    pub fn probabilities(&self, x: &[f32; N_FEATURES]) -> [f32; 3] {
        let mut z = [0.0f32; 2];
        for (w, v) in self.weights.iter().zip(x) {
            z[0] += w[0] * v;
            z[1] += w[1] * v;
        }
        let m = z[0].max(z[1]).max(0.0);
        let e = [(z[0] - m).exp(), (z[1] - m).exp(), (-m).exp()];
        let sum = e[0] + e[1] + e[2];
        [e[0] / sum, e[1] / sum, e[2] / sum]
    }

    /// The most probable decision for one name.
    pub fn decide(&self, x: &[f32; N_FEATURES]) -> Decision {
        let p = self.probabilities(x);
        if p[0] >= p[1] && p[0] > p[2] {
            Decision::Company
        } else if p[1] > p[0] && p[1] > p[2] {
            Decision::Product
        } else {
            Decision::Neither
        }
    }
}
