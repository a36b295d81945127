//! One JSON Lines record in, one evaluation-format record out.

use pactlens_engine::export::EvalDocument;
use pactlens_engine::tagger::Tagger;
use serde::Deserialize;

/// The input fields we read; others (gold `entities`, say) are ignored.
#[derive(Deserialize)]
struct InputDoc {
    id: serde_json::Value,
    text: String,
}

/// Why a line could not be annotated.
#[derive(Debug, thiserror::Error, PartialEq)]
pub enum LineError {
    /// The bytes are not UTF-8.
    #[error("not UTF-8 (bad byte at column {0})")]
    NotUtf8(usize),
    /// The line is not a JSON object with a string `text` and an `id`.
    #[error("bad JSON: {0}")]
    BadJson(String),
    /// The annotation could not be written as JSON.
    #[error("cannot write the annotation as JSON: {0}")]
    Output(String),
    /// The engine failed on this document (a bug in pactlens: please report
    /// it with the document).
    #[error("document {id}: the annotator failed on it ({message}); the other documents are annotated")]
    Panicked {
        /// The document's id.
        id: String,
        /// What the engine said when it failed.
        message: String,
    },
}

/// Annotates one line; blank lines give `Ok(None)`.
pub fn annotate_line(line: &[u8], tagger: &Tagger) -> Result<Option<EvalDocument>, LineError> {
    let line = std::str::from_utf8(line).map_err(|e| LineError::NotUtf8(e.valid_up_to() + 1))?;
    let line = line.trim_end_matches('\r');
    if line.trim().is_empty() {
        return Ok(None);
    }
    let doc: InputDoc = serde_json::from_str(line).map_err(|e| LineError::BadJson(e.to_string()))?;
    let id = match doc.id {
        serde_json::Value::String(s) => s,
        other => other.to_string(),
    };
    IN_DOCUMENT.with(|d| d.set(true));
    let annotated = std::panic::catch_unwind(|| {
        fault::inject(&doc.text);
        let ann = pactlens_engine::annotate_with(&doc.text, tagger);
        EvalDocument::new(&id, &doc.text, &ann)
    });
    IN_DOCUMENT.with(|d| d.set(false));
    annotated.map(Some).map_err(|payload| {
        let at = PANIC_AT
            .with(|p| p.take())
            .map(|at| format!(" at {at}"))
            .unwrap_or_default();
        LineError::Panicked {
            id,
            message: format!("{}{at}", panic_message(payload.as_ref())),
        }
    })
}

thread_local! {
    /// This thread is annotating one document of a batch.
    static IN_DOCUMENT: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    /// Where the last panic in a document happened.
    static PANIC_AT: std::cell::Cell<Option<String>> = const { std::cell::Cell::new(None) };
}

/// Installs a panic hook under which a panic while annotating one document
/// of a batch prints nothing by itself (its line's error message says what
/// and where), and any other panic is reported as usual.
pub fn report_document_panics_per_line() {
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if IN_DOCUMENT.with(|d| d.get()) {
            let at = info.location().map(|l| format!("{}:{}", l.file(), l.line()));
            PANIC_AT.with(|p| p.set(at));
        } else {
            default(info);
        }
    }));
}

/// The message a panic carried, if it was text.
fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "no message".to_string())
}

/// A test-only way to make the engine fail on one document, so that tests
/// can check that a batch survives it. It exists only in debug builds
/// (`cargo test`), never in a release binary, and only acts when the
/// environment names a marker text.
mod fault {
    /// Panics when the text contains `$PACTLENS_TEST_PANIC_ON` (debug builds
    /// only).
    #[cfg(debug_assertions)]
    pub fn inject(text: &str) {
        if let Ok(marker) = std::env::var("PACTLENS_TEST_PANIC_ON") {
            if !marker.is_empty() && text.contains(&marker) {
                panic!("test fault injected on a text containing {marker:?}");
            }
        }
    }

    /// Does nothing in a release build.
    #[cfg(not(debug_assertions))]
    pub fn inject(_text: &str) {}
}

/// Annotates one line into its evaluation-format JSON (without a newline);
/// blank lines give `Ok(None)`.
pub fn annotate_line_to_json(line: &[u8], tagger: &Tagger) -> Result<Option<Vec<u8>>, LineError> {
    let Some(doc) = annotate_line(line, tagger)? else {
        return Ok(None);
    };
    serde_json::to_vec(&doc)
        .map(Some)
        .map_err(|e| LineError::Output(e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn annotate_line_builtin(line: &[u8]) -> Result<Option<EvalDocument>, LineError> {
        annotate_line(line, Tagger::builtin())
    }

    #[test]
    fn blank_lines_are_skipped() {
        assert_eq!(annotate_line_builtin(b"   \r"), Ok(None));
    }

    #[test]
    fn invalid_utf8_names_the_column() {
        assert_eq!(
            annotate_line_builtin(b"{\"id\":1,\"text\":\"a\xff\"}").unwrap_err(),
            LineError::NotUtf8(18)
        );
    }

    #[test]
    fn missing_text_is_bad_json() {
        assert!(matches!(
            annotate_line_builtin(br#"{"id":"x"}"#),
            Err(LineError::BadJson(_))
        ));
    }

    #[test]
    fn numeric_ids_are_kept_as_text() {
        let doc = annotate_line_builtin(br#"{"id":7,"text":"Microsoft said so."}"#)
            .unwrap()
            .unwrap();
        assert_eq!(doc.id, "7");
        assert_eq!(doc.entities[0].text, "Microsoft");
    }
}
