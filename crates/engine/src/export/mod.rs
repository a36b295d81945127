//! Output formats with code-point offsets, each a pure function of the text
//! and its annotation, so that the CLI and the web app export the same bytes
//! and native tests pin them.
//!
//! * [`EvalDocument`]: the JSON Lines record of ANNOTATION.md, which
//!   `tools/score.py` reads.
//! * [`DocumentJson`] ([`json`]): pactlens's own versioned JSON, which also
//!   carries provenance, owners, record status, the summary and the reader's
//!   [`Edit`]s, and can be read back with [`DocumentJson::from_json`].
//! * [`html`]: one standalone, script-free HTML file for reading and printing.
//! * [`w3c`]: W3C Web Annotation JSON-LD.
//! * [`markdown`]: the article with its marks and summary tables.
//! * [`csv`]: one row per mark, or one row per agreement record.
//! * [`share`]: the `#v1=` fragment of a share link (text and edits only).
//!
//! Every format except [`EvalDocument`] is rendered from a [`DocumentJson`],
//! so a document read back from a file exports exactly like a fresh one.

pub mod csv;
mod eval;
pub mod html;
pub mod json;
pub mod markdown;
pub mod share;
pub mod w3c;

pub use eval::{EvalAgreement, EvalDocument, EvalEntity};
pub use json::{AgreementJson, DocumentJson, Edit, ImportError, MarkJson};

use serde::Serialize;

use crate::offsets::{OffsetMap, Unit};
use crate::span::Label;

/// A mark of a [`DocumentJson`] whose code-point range was checked against
/// the text, with its byte range for slicing.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Placed<'d> {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// The mark.
    pub mark: &'d MarkJson,
    /// Its index in `DocumentJson::marks`.
    pub index: usize,
}

/// The marks of `doc` that can be placed in its text, sorted by position,
/// without overlaps (a mark overlapping an earlier one is left out). A
/// document built by [`DocumentJson::new`] or accepted by
/// [`DocumentJson::from_json`] loses none; a hand-made one with bad offsets
/// loses its bad marks instead of making a renderer panic.
pub(crate) fn placed_marks(doc: &DocumentJson) -> Vec<Placed<'_>> {
    let map = OffsetMap::new(&doc.text);
    let mut placed: Vec<Placed<'_>> = doc
        .marks
        .iter()
        .enumerate()
        .filter_map(|(index, mark)| {
            let start = map.to_byte(mark.start, Unit::CodePoint)?;
            let end = map.to_byte(mark.end, Unit::CodePoint)?;
            (start < end).then_some(Placed {
                start,
                end,
                mark,
                index,
            })
        })
        .collect();
    placed.sort_by_key(|p| (p.start, p.end));
    let mut last_end = 0;
    placed.retain(|p| {
        let keep = p.start >= last_end;
        if keep {
            last_end = p.end;
        }
        keep
    });
    placed
}

/// The one-letter cue for a label: C, P or A.
pub(crate) fn label_letter(label: Label) -> char {
    match label {
        Label::Company => 'C',
        Label::Product => 'P',
        Label::Agreement => 'A',
    }
}

/// The name serde writes for a unit enum variant (`joint_venture`, `made`,
/// `legal_suffix`), so that formats follow the JSON without their own list.
pub(crate) fn serde_name<T: Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::new(),
    }
}

/// [`serde_name`] for people: underscores become spaces (`joint venture`).
pub(crate) fn human_name<T: Serialize>(value: &T) -> String {
    serde_name(value).replace('_', " ")
}

/// The code points `text[start..end]` as a `String`, or `None` when the
/// range does not fit the text.
pub(crate) fn char_slice(text: &str, map: &OffsetMap, start: usize, end: usize) -> Option<String> {
    let a = map.to_byte(start, Unit::CodePoint)?;
    let b = map.to_byte(end, Unit::CodePoint)?;
    text.get(a..b).map(str::to_string)
}
