//! Share links: the text and the reader's edits in a URL fragment.
//!
//! The fragment is `#v1=` followed by the base64url (no padding) of the
//! raw-deflate-compressed JSON `{"text": …, "edits": […]}`. It carries no
//! engine output: the receiver annotates the text again with its own engine
//! and replays the edits. A fragment never reaches a server, so the text
//! stays between the two readers.
//!
//! [`decode`] treats its input as hostile: it refuses other schemes and
//! versions, bad base64, corrupt or truncated data, JSON of the wrong shape,
//! edits outside the text, and it stops inflating at [`MAX_PAYLOAD_BYTES`]
//! so a small "zip bomb" cannot exhaust memory. It never panics.

use std::fmt;

use base64::engine::general_purpose::{GeneralPurpose, GeneralPurposeConfig};
use base64::engine::DecodePaddingMode;
use base64::{alphabet, Engine as _};
use miniz_oxide::inflate::TINFLStatus;
use serde::{Deserialize, Serialize};

use super::json::Edit;

/// The version this engine writes and reads.
pub const VERSION: u32 = 1;

/// The fragment's prefix, with its `#`.
pub const PREFIX: &str = "#v1=";

/// The most decompressed JSON [`decode`] accepts: 10 MiB, far above any news
/// article (a long feature is ~100 kB) and small enough for a phone's tab.
pub const MAX_PAYLOAD_BYTES: usize = 10 * 1024 * 1024;

/// The longest fragment the app should put in a link, in characters; longer
/// documents should be shared as a file ([`super::DocumentJson`]).
///
/// The fragment never reaches a server, so the 8 kB request-line limits of
/// web servers and proxies do not apply; what limits a link is where it is
/// pasted and opened. Browsers take far longer URLs (Chromium about 2 MB,
/// Firefox and Safari hundreds of kB), but chat and mail tools cut or refuse
/// long messages: Slack's message limit is 40,000 characters, and several
/// others sit in the tens of thousands. 32,000 characters leaves room within
/// 40,000 for the page's address and a line of text, and holds about 9,000
/// words of news prose after compression (5,000 words of the dev articles
/// make a fragment of about 17,500 characters).
pub const MAX_LINK_FRAGMENT: usize = 32_000;

/// base64url without padding when writing; padding tolerated when reading
/// (some tools add it back).
const B64: GeneralPurpose = GeneralPurpose::new(
    &alphabet::URL_SAFE,
    GeneralPurposeConfig::new()
        .with_encode_padding(false)
        .with_decode_padding_mode(DecodePaddingMode::Indifferent),
);

/// The compressed JSON.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Payload {
    text: String,
    #[serde(default)]
    edits: Vec<Edit>,
}

/// Borrowing twin of [`Payload`] for encoding without a copy of the text.
#[derive(Serialize)]
struct PayloadRef<'a> {
    text: &'a str,
    edits: &'a [Edit],
}

/// Why a fragment could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ShareError {
    /// Not of the form `#vN=…`.
    NotPactlens,
    /// A version this pactlens cannot read.
    UnknownVersion(String),
    /// The data is not base64url.
    NotBase64,
    /// The data does not inflate: corrupt, or cut short (a link truncated by
    /// a chat tool is the usual cause).
    Corrupt,
    /// The data inflates to more than [`MAX_PAYLOAD_BYTES`].
    TooLarge,
    /// The inflated data is not the expected JSON.
    BadJson(String),
    /// More edits than [`super::json::MAX_EDITS`].
    TooManyEdits(usize),
    /// An edit outside the text or with an empty range.
    BadEdit {
        /// Its index.
        index: usize,
    },
}

impl fmt::Display for ShareError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ShareError::NotPactlens => write!(f, "not a pactlens share link (it should contain {PREFIX}…)"),
            ShareError::UnknownVersion(v) => write!(
                f,
                "this link was made by another pactlens version (v{v}); this version reads v{VERSION}"
            ),
            ShareError::NotBase64 => write!(f, "the share link is damaged (not base64url)"),
            ShareError::Corrupt => write!(f, "the share link is damaged or was cut short"),
            ShareError::TooLarge => write!(
                f,
                "the shared document is larger than {} MB and was not opened",
                MAX_PAYLOAD_BYTES / (1024 * 1024)
            ),
            ShareError::BadJson(e) => write!(f, "the share link holds no pactlens document: {e}"),
            ShareError::TooManyEdits(n) => write!(
                f,
                "the share link carries {n} edits; pactlens keeps at most {}",
                super::json::MAX_EDITS
            ),
            ShareError::BadEdit { index } => write!(f, "edit {index} of the share link does not fit its text"),
        }
    }
}

impl std::error::Error for ShareError {}

/// The fragment (with its leading `#`) for `text` and `edits`.
///
/// A text over [`MAX_PAYLOAD_BYTES`] makes a fragment that [`decode`]
/// refuses; check [`fits_in_link`] before offering the link.
pub fn encode(text: &str, edits: &[Edit]) -> String {
    let json = serde_json::to_vec(&PayloadRef { text, edits }).unwrap_or_default();
    let compressed = miniz_oxide::deflate::compress_to_vec(&json, 9);
    let mut out = String::with_capacity(PREFIX.len() + compressed.len() * 4 / 3 + 4);
    out.push_str(PREFIX);
    B64.encode_string(&compressed, &mut out);
    out
}

/// True when `fragment` is short enough to share as a link
/// ([`MAX_LINK_FRAGMENT`]).
pub fn fits_in_link(fragment: &str) -> bool {
    fragment.chars().count() <= MAX_LINK_FRAGMENT
}

/// Reads a fragment made by [`encode`]: the text and its edits.
///
/// Accepts the fragment with or without its `#`, or a whole URL (everything
/// up to the first `#` is ignored).
pub fn decode(fragment: &str) -> Result<(String, Vec<Edit>), ShareError> {
    let fragment = match fragment.split_once('#') {
        Some((_, after)) => after,
        None => fragment,
    };
    let (version, data) = fragment.split_once('=').ok_or(ShareError::NotPactlens)?;
    let number = version.strip_prefix('v').ok_or(ShareError::NotPactlens)?;
    if number.is_empty() || !number.bytes().all(|b| b.is_ascii_digit()) {
        return Err(ShareError::NotPactlens);
    }
    if number != VERSION.to_string() {
        let shown: String = number.chars().take(12).collect();
        return Err(ShareError::UnknownVersion(shown));
    }
    let data = data.trim_end();
    let compressed = B64.decode(data.as_bytes()).map_err(|_| ShareError::NotBase64)?;
    let json =
        miniz_oxide::inflate::decompress_to_vec_with_limit(&compressed, MAX_PAYLOAD_BYTES).map_err(|e| {
            match e.status {
                TINFLStatus::HasMoreOutput => ShareError::TooLarge,
                _ => ShareError::Corrupt,
            }
        })?;
    let payload: Payload = serde_json::from_slice(&json).map_err(|e| ShareError::BadJson(e.to_string()))?;
    if payload.edits.len() > super::json::MAX_EDITS {
        return Err(ShareError::TooManyEdits(payload.edits.len()));
    }
    let len = payload.text.chars().count();
    if let Some(index) = payload.edits.iter().position(|e| !e.fits(len)) {
        return Err(ShareError::BadEdit { index });
    }
    Ok((payload.text, payload.edits))
}
