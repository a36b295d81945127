//! Checks shared by the fuzz targets in `fuzz_targets/`.
//!
//! Each function panics (which libFuzzer reports as a crash) when an
//! [`Annotation`] breaks one of the engine's promises about `text`.

use pactlens_engine::{Annotation, Span};

/// The longest text (in bytes) a target annotates: longer decoded texts are
/// skipped to keep iterations fast.
pub const MAX_TEXT_BYTES: usize = 64 * 1024;

/// The first sentence of a news story, for targets that fuzz something
/// other than the text.
pub const NEWS: &str = "Xiaomi signed a memorandum of understanding with Microsoft on Tuesday to use Azure, \
                        Microsoft's cloud, for its HyperOS devices; Acme Corp. and Bolt Ltd. agreed to merge.";

fn check_span(text: &str, span: Span, what: &str) {
    assert!(
        span.start <= span.end && span.end <= text.len(),
        "{what} {span:?} is outside the text ({} bytes)",
        text.len()
    );
    assert!(
        text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
        "{what} {span:?} is not on char boundaries of the text"
    );
}

/// Every mark is a non-empty span of `text` on char boundaries, the marks
/// are sorted and do not overlap, every evidence span is in the text, and
/// every mention is the index of a mark.
pub fn check_annotation(text: &str, ann: &Annotation) {
    for (i, m) in ann.marks.iter().enumerate() {
        check_span(text, m.span, &format!("mark {i}"));
        assert!(!m.span.is_empty(), "mark {i} {:?} is empty", m.span);
        if let Some(prev) = i.checked_sub(1).map(|p| ann.marks[p].span) {
            assert!(
                prev.end <= m.span.start,
                "marks {} {prev:?} and {i} {:?} overlap or are out of order",
                i - 1,
                m.span
            );
        }
    }
    for (r, record) in ann.agreements.iter().enumerate() {
        for (e, &span) in record.evidence.iter().enumerate() {
            check_span(text, span, &format!("agreement {r} evidence {e}"));
        }
        for &mention in &record.mentions {
            assert!(
                mention < ann.marks.len(),
                "agreement {r} mentions mark {mention}, but there are {} marks",
                ann.marks.len()
            );
        }
    }
}
