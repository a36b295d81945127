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
    let ann = pactlens_engine::annotate_with(&doc.text, tagger);
    Ok(Some(EvalDocument::new(&id, &doc.text, &ann)))
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
