//! Fitting the document-level name-decision model
//! (`pactlens_engine::names`): a multinomial logistic regression over the
//! pooled evidence of each distinct name of an article, trained on the gold
//! articles.

use pactlens_engine::names::{NameModel, NameType, N_FEATURES};

use crate::Doc;

/// Classes in the order of the model's probabilities.
pub const COMPANY: usize = 0;
/// PRODUCT.
pub const PRODUCT: usize = 1;
/// Neither.
pub const NEITHER: usize = 2;

/// One training row: a name's evidence and its gold class.
pub type Row = ([f32; N_FEATURES], usize);

/// The gold class of a name: the label most of its mentions carry in the
/// gold annotation (an exact span), or neither when most carry none.
pub fn gold_class(doc: &Doc, name: &NameType) -> usize {
    let mut votes = [0usize; 3];
    for m in &name.mentions {
        let class = doc
            .entities
            .iter()
            .find(|e| e.span == *m)
            .map_or(NEITHER, |e| match e.label.as_str() {
                "COMPANY" => COMPANY,
                "PRODUCT" => PRODUCT,
                _ => NEITHER,
            });
        votes[class] += 1;
    }
    // Ties go to neither, then to company.
    if votes[NEITHER] >= votes[COMPANY] && votes[NEITHER] >= votes[PRODUCT] {
        NEITHER
    } else if votes[COMPANY] >= votes[PRODUCT] {
        COMPANY
    } else {
        PRODUCT
    }
}

/// How the regression is fitted.
#[derive(Debug, Clone, Copy)]
pub struct FitConfig {
    /// Full-batch gradient steps.
    pub steps: usize,
    /// Step size.
    pub rate: f64,
    /// L2 penalty per row (the bias is not penalised).
    pub l2: f64,
}

impl Default for FitConfig {
    fn default() -> Self {
        FitConfig {
            steps: 3000,
            rate: 0.5,
            l2: 1e-3,
        }
    }
}

/// Fits the weights by full-batch gradient descent on the mean log loss.
/// Deterministic: the same rows give the same model, bit for bit.
pub fn fit(rows: &[Row], cfg: FitConfig) -> NameModel {
    let mut w = [[0.0f64; 2]; N_FEATURES];
    if rows.is_empty() {
        return to_model(&w);
    }
    let n = rows.len() as f64;
    for _ in 0..cfg.steps {
        let mut grad = [[0.0f64; 2]; N_FEATURES];
        for (x, y) in rows {
            let p = probabilities(&w, x);
            for k in 0..2 {
                let d = p[k] - if *y == k { 1.0 } else { 0.0 };
                for (g, &v) in grad.iter_mut().zip(x) {
                    g[k] += d * f64::from(v);
                }
            }
        }
        for (f, (wf, gf)) in w.iter_mut().zip(&grad).enumerate() {
            for k in 0..2 {
                let penalty = if f == 0 { 0.0 } else { cfg.l2 * wf[k] };
                wf[k] -= cfg.rate * (gf[k] / n + penalty);
            }
        }
    }
    to_model(&w)
}

fn probabilities(w: &[[f64; 2]; N_FEATURES], x: &[f32; N_FEATURES]) -> [f64; 3] {
    let mut z = [0.0f64; 2];
    for (wf, &v) in w.iter().zip(x) {
        z[0] += wf[0] * f64::from(v);
        z[1] += wf[1] * f64::from(v);
    }
    let m = z[0].max(z[1]).max(0.0);
    let e = [(z[0] - m).exp(), (z[1] - m).exp(), (-m).exp()];
    let s = e[0] + e[1] + e[2];
    [e[0] / s, e[1] / s, e[2] / s]
}

/// Rounds to the file's four decimals, so the model in memory is the one
/// the file holds.
fn to_model(w: &[[f64; 2]; N_FEATURES]) -> NameModel {
    let mut weights = [[0.0f32; 2]; N_FEATURES];
    for (out, wf) in weights.iter_mut().zip(w) {
        for k in 0..2 {
            out[k] = ((wf[k] * 1e4).round() / 1e4) as f32;
        }
    }
    NameModel { weights }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Entity;
    use pactlens_engine::names::{Decision, Feature};
    use pactlens_engine::Span;

    fn row(cue: f32, person: f32, class: usize) -> Row {
        let mut x = [0.0; N_FEATURES];
        x[Feature::Bias as usize] = 1.0;
        x[Feature::CompanyCueAfter as usize] = cue;
        x[Feature::FirstName as usize] = person;
        (x, class)
    }

    #[test]
    fn the_fit_learns_which_evidence_points_where() {
        let mut rows = Vec::new();
        for _ in 0..20 {
            rows.push(row(1.0, 0.0, COMPANY));
            rows.push(row(0.0, 1.0, NEITHER));
            rows.push(row(0.0, 0.0, NEITHER));
        }
        let model = fit(&rows, FitConfig::default());
        assert_eq!(model.decide(&row(1.0, 0.0, 0).0), Decision::Company);
        assert_eq!(model.decide(&row(0.0, 1.0, 0).0), Decision::Neither);
        assert_eq!(fit(&rows, FitConfig::default()), model, "deterministic");
    }

    #[test]
    fn a_name_takes_the_class_most_of_its_mentions_have() {
        let doc = Doc {
            id: "d".into(),
            text: "Acme and Acme and Acme".into(),
            entities: vec![
                Entity {
                    span: Span::new(0, 4),
                    label: "COMPANY".into(),
                },
                Entity {
                    span: Span::new(9, 13),
                    label: "COMPANY".into(),
                },
            ],
        };
        let mut name = NameType {
            surface: "Acme".into(),
            mentions: vec![Span::new(0, 4), Span::new(9, 13), Span::new(18, 22)],
            features: [0.0; N_FEATURES],
        };
        assert_eq!(gold_class(&doc, &name), COMPANY);
        name.mentions.remove(0);
        assert_eq!(gold_class(&doc, &name), NEITHER, "a tie is neither");
    }
}
