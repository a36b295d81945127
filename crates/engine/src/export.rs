//! Output formats with code-point offsets.
//!
//! * [`EvalDocument`]: the JSON Lines record of ANNOTATION.md, which
//!   `tools/score.py` reads.
//! * [`DocumentJson`]: pactlens's own versioned JSON, which also carries
//!   provenance, owners, record status and the summary.

use serde::{Deserialize, Serialize};

use crate::agreements::{AgreementKind, Status};
use crate::annotation::{Annotation, Summary};
use crate::offsets::{OffsetMap, Unit};
use crate::span::{Label, Source};

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
            .filter(|r| r.stage.is_made())
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

/// A mark in pactlens's own JSON.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MarkJson {
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
    /// COMPANY, PRODUCT or AGREEMENT.
    pub label: Label,
    /// The slice.
    pub text: String,
    /// Canonical entity name.
    pub canonical: String,
    /// Owning company, for products.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
    /// Why the mark was made.
    pub source: Source,
}

/// An agreement record in pactlens's own JSON.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgreementJson {
    /// Canonical party names.
    pub parties: Vec<String>,
    /// What was agreed.
    pub kind: AgreementKind,
    /// Made or only mentioned.
    pub status: Status,
    /// Indexes into `marks`.
    pub mentions: Vec<usize>,
    /// The date as written.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
}

/// pactlens's own JSON for one text (schema version 1).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentJson {
    /// Schema version; readers refuse versions they do not know.
    pub version: u32,
    /// The text.
    pub text: String,
    /// Marks in code points.
    pub marks: Vec<MarkJson>,
    /// All agreement records, with their status.
    pub agreements: Vec<AgreementJson>,
    /// Companies with counts, products by owner.
    pub summary: Summary,
}

impl DocumentJson {
    /// The schema version this engine writes.
    pub const VERSION: u32 = 1;

    /// Converts an annotation of `text`.
    pub fn new(text: &str, ann: &Annotation) -> Self {
        let map = OffsetMap::new(text);
        DocumentJson {
            version: Self::VERSION,
            text: text.to_string(),
            marks: ann
                .marks
                .iter()
                .map(|m| MarkJson {
                    start: map.from_byte(m.span.start, Unit::CodePoint),
                    end: map.from_byte(m.span.end, Unit::CodePoint),
                    label: m.label,
                    text: m.span.slice(text).to_string(),
                    canonical: m.canonical.clone(),
                    owner: m.owner.clone(),
                    source: m.source,
                })
                .collect(),
            agreements: ann
                .agreements
                .iter()
                .map(|r| AgreementJson {
                    parties: r.parties.clone(),
                    kind: r.kind,
                    status: r.status,
                    mentions: r.mentions.clone(),
                    date: r.date.clone(),
                })
                .collect(),
            summary: ann.summary(),
        }
    }
}
