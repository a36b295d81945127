//! pactlens's own versioned JSON: the text, the engine's marks with their
//! provenance, its agreement records and summary, and the reader's edits.
//!
//! [`DocumentJson::to_json`] writes it and [`DocumentJson::from_json`] reads
//! it back, checking the schema version and every offset, so a file from a
//! newer pactlens or a hand-edited one with broken offsets is refused with a
//! message that says why.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::agreements::{AgreementKind, Status};
use crate::annotation::{Annotation, Summary};
use crate::offsets::{OffsetMap, Unit};
use crate::span::{Label, Source};

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
    #[serde(skip_serializing_if = "Option::is_none", default)]
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
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub date: Option<String>,
}

/// One change the reader made to the engine's marks, in code points of the
/// text (half-open `[start, end)`).
///
/// Edits are kept apart from the engine's marks, in the order they were
/// made, so that a receiver can re-run a newer engine on the text and replay
/// them. Written as `{"op": "add", "start": 0, "end": 9, "label": "COMPANY"}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "snake_case")]
pub enum Edit {
    /// Mark `[start, end)` with `label`.
    Add {
        /// First code point.
        start: usize,
        /// One past the last code point.
        end: usize,
        /// The label to give it.
        label: Label,
    },
    /// Give the mark at `[start, end)` another label.
    Relabel {
        /// First code point.
        start: usize,
        /// One past the last code point.
        end: usize,
        /// The new label.
        label: Label,
    },
    /// Remove the mark at `[start, end)`.
    Remove {
        /// First code point.
        start: usize,
        /// One past the last code point.
        end: usize,
    },
}

impl Edit {
    /// The code-point range the edit applies to.
    pub fn range(&self) -> (usize, usize) {
        match *self {
            Edit::Add { start, end, .. } | Edit::Relabel { start, end, .. } | Edit::Remove { start, end } => {
                (start, end)
            }
        }
    }

    /// True when the range is a non-empty range of a text of `len_chars`
    /// code points.
    pub fn fits(&self, len_chars: usize) -> bool {
        let (start, end) = self.range();
        start < end && end <= len_chars
    }
}

/// pactlens's own JSON for one text (schema version 1).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentJson {
    /// Schema version; readers refuse versions they do not know.
    pub version: u32,
    /// The text.
    pub text: String,
    /// Marks in code points, as the engine made them.
    pub marks: Vec<MarkJson>,
    /// All agreement records, with their status.
    pub agreements: Vec<AgreementJson>,
    /// Companies with counts, products by owner.
    pub summary: Summary,
    /// The reader's changes to `marks`, oldest first; empty when there are
    /// none (and when a file written before edits existed is read).
    #[serde(default)]
    pub edits: Vec<Edit>,
}

/// Why a file could not be read as a [`DocumentJson`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportError {
    /// Not JSON, or JSON of the wrong shape.
    BadJson(String),
    /// JSON without a schema version: not a pactlens document.
    NoVersion,
    /// Written by a newer pactlens whose schema this one cannot read.
    NewerVersion {
        /// The version in the file.
        found: u64,
    },
    /// A version number no pactlens ever wrote (0).
    UnknownVersion {
        /// The version in the file.
        found: u64,
    },
    /// A mark whose offsets do not lie in the text.
    MarkOutOfRange {
        /// Its index in `marks`.
        index: usize,
        /// Its start.
        start: usize,
        /// Its end.
        end: usize,
        /// The text's length in code points.
        len: usize,
    },
    /// A mark whose `text` is not the text at its offsets.
    MarkTextMismatch {
        /// Its index in `marks`.
        index: usize,
        /// The text at its offsets.
        expected: String,
        /// The text the mark says it covers.
        found: String,
    },
    /// An agreement mention that is not an index into `marks`.
    MentionOutOfRange {
        /// The agreement's index.
        agreement: usize,
        /// The bad index.
        mention: usize,
        /// How many marks there are.
        marks: usize,
    },
    /// More edits than [`MAX_EDITS`].
    TooManyEdits {
        /// How many the file has.
        edits: usize,
    },
    /// An edit whose range is empty or does not lie in the text.
    EditOutOfRange {
        /// Its index in `edits`.
        index: usize,
        /// Its start.
        start: usize,
        /// Its end.
        end: usize,
        /// The text's length in code points.
        len: usize,
    },
}

/// The most reader's edits one document may carry (in a JSON import or a
/// share link): far more than anyone makes by hand, few enough to store.
pub const MAX_EDITS: usize = 20_000;

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportError::BadJson(e) => write!(f, "not a pactlens JSON file: {e}"),
            ImportError::NoVersion => write!(f, "not a pactlens JSON file: it has no schema version"),
            ImportError::NewerVersion { found } => write!(
                f,
                "this file was made by a newer pactlens (schema v{found}); this version reads v{}",
                DocumentJson::VERSION
            ),
            ImportError::UnknownVersion { found } => write!(
                f,
                "unknown schema version v{found}; this version reads v{}",
                DocumentJson::VERSION
            ),
            ImportError::MarkOutOfRange { index, start, end, len } => write!(
                f,
                "mark {index} ({start}..{end}) does not lie in the text of {len} code points"
            ),
            ImportError::MarkTextMismatch { index, expected, found } => write!(
                f,
                "mark {index} says it covers {found:?} but its offsets cover {expected:?}"
            ),
            ImportError::MentionOutOfRange {
                agreement,
                mention,
                marks,
            } => write!(
                f,
                "agreement {agreement} names mention {mention} but there are only {marks} marks"
            ),
            ImportError::TooManyEdits { edits } => write!(
                f,
                "it carries {edits} edits; pactlens keeps at most {MAX_EDITS} per article"
            ),
            ImportError::EditOutOfRange { index, start, end, len } => write!(
                f,
                "edit {index} ({start}..{end}) is empty or does not lie in the text of {len} code points"
            ),
        }
    }
}

impl std::error::Error for ImportError {}

impl DocumentJson {
    /// The schema version this engine writes and reads.
    pub const VERSION: u32 = 1;

    /// Converts an annotation of `text`, with no edits.
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
            edits: Vec::new(),
        }
    }

    /// The document as pretty-printed JSON (what [`Self::from_json`] reads).
    pub fn to_json(&self) -> String {
        // Plain structs with string keys: serialising cannot fail.
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// Reads a document written by [`Self::to_json`], checking the schema
    /// version first (so a newer file is named as such, whatever its shape),
    /// then that every mark, mention and edit fits the text.
    pub fn from_json(json: &str) -> Result<DocumentJson, ImportError> {
        let value: serde_json::Value = serde_json::from_str(json).map_err(|e| ImportError::BadJson(e.to_string()))?;
        let version = match value.get("version") {
            None => return Err(ImportError::NoVersion),
            Some(v) => v
                .as_u64()
                .ok_or_else(|| ImportError::BadJson(format!("schema version {v} is not a whole number")))?,
        };
        if version > u64::from(Self::VERSION) {
            return Err(ImportError::NewerVersion { found: version });
        }
        if version != u64::from(Self::VERSION) {
            return Err(ImportError::UnknownVersion { found: version });
        }
        let edits = value.get("edits").and_then(|e| e.as_array()).map_or(0, Vec::len);
        if edits > MAX_EDITS {
            return Err(ImportError::TooManyEdits { edits });
        }
        let doc: DocumentJson = serde_json::from_value(value).map_err(|e| ImportError::BadJson(e.to_string()))?;
        doc.check()?;
        Ok(doc)
    }

    /// Checks that every mark, mention and edit fits the text.
    fn check(&self) -> Result<(), ImportError> {
        let map = OffsetMap::new(&self.text);
        let len = map.len(Unit::CodePoint);
        for (index, m) in self.marks.iter().enumerate() {
            let out_of_range = ImportError::MarkOutOfRange {
                index,
                start: m.start,
                end: m.end,
                len,
            };
            if m.start > m.end {
                return Err(out_of_range);
            }
            let expected = super::char_slice(&self.text, &map, m.start, m.end).ok_or(out_of_range)?;
            if expected != m.text {
                return Err(ImportError::MarkTextMismatch {
                    index,
                    expected,
                    found: m.text.clone(),
                });
            }
        }
        for (agreement, a) in self.agreements.iter().enumerate() {
            if let Some(&mention) = a.mentions.iter().find(|&&i| i >= self.marks.len()) {
                return Err(ImportError::MentionOutOfRange {
                    agreement,
                    mention,
                    marks: self.marks.len(),
                });
            }
        }
        for (index, e) in self.edits.iter().enumerate() {
            if !e.fits(len) {
                let (start, end) = e.range();
                return Err(ImportError::EditOutOfRange { index, start, end, len });
            }
        }
        Ok(())
    }
}
