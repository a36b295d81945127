//! Pins inline scripts in a Content-Security-Policy by hash.
//!
//! Trunk writes one small inline module script into `index.html` that loads
//! the wasm. Our CSP allows no inline script except that one, so after each
//! build this step hashes every inline `<script>` body (SHA-256, base64) and
//! writes the hashes where the CSP meta tag says `'inline-script-hashes'`.
//! If the step does not run, the placeholder is not a valid source and the
//! browser runs no inline script at all: the page fails closed.

use base64::Engine;
use sha2::{Digest, Sha256};

/// The placeholder in `index.html`'s CSP that this step replaces.
pub const PLACEHOLDER: &str = "'inline-script-hashes'";

/// Why a page could not be pinned.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum PinError {
    /// The page has no CSP placeholder to fill.
    #[error("no {PLACEHOLDER} placeholder in the page's Content-Security-Policy")]
    NoPlaceholder,
    /// A `<script>` element is never closed.
    #[error("a <script> element at byte {0} is not closed")]
    Unclosed(usize),
}

/// The bodies of inline scripts (those without a `src` attribute).
pub fn inline_scripts(html: &str) -> Result<Vec<&str>, PinError> {
    let mut out = Vec::new();
    let mut rest = 0;
    while let Some(open) = html[rest..].find("<script").map(|i| i + rest) {
        let tag_end = html[open..]
            .find('>')
            .map(|i| i + open + 1)
            .ok_or(PinError::Unclosed(open))?;
        let close = html[tag_end..]
            .find("</script>")
            .map(|i| i + tag_end)
            .ok_or(PinError::Unclosed(open))?;
        let tag = &html[open..tag_end];
        if !tag.contains(" src=") {
            out.push(&html[tag_end..close]);
        }
        rest = close + "</script>".len();
    }
    Ok(out)
}

/// The CSP source expression for one script body: `'sha256-…'`.
pub fn hash_source(body: &str) -> String {
    let digest = Sha256::digest(body.as_bytes());
    format!("'sha256-{}'", base64::engine::general_purpose::STANDARD.encode(digest))
}

/// Returns `html` with the placeholder replaced by the hashes of its inline
/// scripts (`'none'`-equivalent when there are none: the placeholder is
/// simply removed).
pub fn pin(html: &str) -> Result<String, PinError> {
    if !html.contains(PLACEHOLDER) {
        return Err(PinError::NoPlaceholder);
    }
    let hashes: Vec<String> = inline_scripts(html)?.into_iter().map(hash_source).collect();
    Ok(html.replace(PLACEHOLDER, &hashes.join(" ")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_only_inline_scripts() {
        let html = r#"<meta content="script-src 'self' 'inline-script-hashes'"><script type="module">go()</script><script src="/a.js"></script>"#;
        let pinned = pin(html).unwrap();
        assert!(pinned.contains(&hash_source("go()")));
        assert!(!pinned.contains(PLACEHOLDER));
        assert_eq!(inline_scripts(html).unwrap(), ["go()"]);
    }

    #[test]
    fn known_digest() {
        // echo -n 'alert(1)' | openssl dgst -sha256 -binary | base64
        assert_eq!(
            hash_source("alert(1)"),
            "'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='"
        );
    }

    #[test]
    fn missing_placeholder_and_unclosed_scripts_are_errors() {
        assert_eq!(pin("<script>x</script>"), Err(PinError::NoPlaceholder));
        assert_eq!(pin("'inline-script-hashes'<script>x"), Err(PinError::Unclosed(22)));
    }
}
