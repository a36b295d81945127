//! [`EvalDocument`]: the JSON Lines record of ANNOTATION.md, which
//! `tools/score.py` reads.

use serde::{Deserialize, Serialize};

use crate::agreements::AgreementKind;
use crate::annotation::Annotation;
use crate::offsets::{OffsetMap, Unit};
use crate::span::Label;

/// One entity in code points, as ANNOTATION.md writes it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EvalEntity {
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
    /// COMPANY, PRODUCT or AGREEMENT.
    pub label: Label,
    /// The slice, for readability.
    pub text: String,
}

/// One agreement record as ANNOTATION.md writes it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EvalAgreement {
    /// Canonical party names.
    pub parties: Vec<String>,
    /// What was agreed.
    pub kind: AgreementKind,
    /// Indexes into `entities` of its mentions.
    pub mentions: Vec<usize>,
    /// The date as written.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
}

/// One line of the evaluation format.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EvalDocument {
    /// The document's id, copied from the input.
    pub id: String,
    /// The text.
    pub text: String,
    /// Sorted, non-overlapping entities.
    pub entities: Vec<EvalEntity>,
    /// Records of agreements reported as made; omitted when there are none.
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub agreements: Vec<EvalAgreement>,
}

impl EvalDocument {
    /// Converts an annotation of `text` into the evaluation format. Only
    /// agreements reported as made become records (ANNOTATION.md).
    pub fn new(id: &str, text: &str, ann: &Annotation) -> Self {
        let map = OffsetMap::new(text);
        let entities = ann
            .marks
            .iter()
            .map(|m| EvalEntity {
                start: map.from_byte(m.span.start, Unit::CodePoint),
                end: map.from_byte(m.span.end, Unit::CodePoint),
                label: m.label,
                text: m.span.slice(text).to_string(),
            })
            .collect();
        let agreements = ann
            .agreements
            .iter()
            .filter(|r| r.status.is_made())
            .map(|r| EvalAgreement {
                parties: r.parties.clone(),
                kind: r.kind,
                mentions: r.mentions.clone(),
                date: r.date.clone(),
            })
            .collect();
        EvalDocument {
            id: id.to_string(),
            text: text.to_string(),
            entities,
            agreements,
        }
    }
}
