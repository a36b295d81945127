//! Keeps the reader's work across reloads in `localStorage`: the current
//! article with its edits, and the personal dictionary (which applies to
//! every article).
//!
//! Every call reports failure instead of panicking: storage may be disabled
//! (private modes, a `localStorage` getter that throws), full, or hold data
//! we cannot read. The caller shows a banner and carries on in memory.
//! (web-sys directly rather than gloo-storage, whose accessor panics when the
//! `localStorage` getter throws.)

use std::fmt;

use pactlens_engine::edits::Dictionary;
use pactlens_engine::export::Edit;
use serde::{Deserialize, Serialize};

use crate::shared::Text;

const DOCUMENT_KEY: &str = "pactlens.v1.document";
const DICTIONARY_KEY: &str = "pactlens.v1.dictionary";

/// Why storage could not be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StorageError {
    /// The browser gives no `localStorage` (disabled, or the getter threw).
    Unavailable,
    /// Writing failed, usually because the quota is used up.
    WriteFailed,
    /// Reading failed.
    ReadFailed,
    /// What is stored is not something this version can read.
    Unreadable,
}

impl fmt::Display for StorageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            StorageError::Unavailable => "storage is disabled in this browser",
            StorageError::WriteFailed => "storage is full or refused the write",
            StorageError::ReadFailed => "stored data could not be read",
            StorageError::Unreadable => "stored data is from another version or damaged, so it was set aside",
        })
    }
}

/// The article and edits as stored.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoredDocument {
    /// The article.
    pub text: Text,
    /// The reader's edits.
    pub edits: Vec<Edit>,
}

fn local_storage() -> Result<web_sys::Storage, StorageError> {
    web_sys::window()
        .ok_or(StorageError::Unavailable)?
        .local_storage()
        .ok()
        .flatten()
        .ok_or(StorageError::Unavailable)
}

fn load<T: for<'de> Deserialize<'de>>(key: &str) -> Result<Option<T>, StorageError> {
    let Some(raw) = local_storage()?.get_item(key).map_err(|_| StorageError::ReadFailed)? else {
        return Ok(None);
    };
    serde_json::from_str(&raw)
        .map(Some)
        .map_err(|_| StorageError::Unreadable)
}

fn save<T: Serialize>(key: &str, value: &T) -> Result<(), StorageError> {
    let json = serde_json::to_string(value).map_err(|_| StorageError::WriteFailed)?;
    local_storage()?
        .set_item(key, &json)
        .map_err(|_| StorageError::WriteFailed)
}

/// The article saved by an earlier visit, if any.
pub fn load_document() -> Result<Option<StoredDocument>, StorageError> {
    load(DOCUMENT_KEY)
}

/// Saves the article and its edits.
pub fn save_document(doc: &StoredDocument) -> Result<(), StorageError> {
    save(DOCUMENT_KEY, doc)
}

/// The personal dictionary, if one was saved.
pub fn load_dictionary() -> Result<Option<Dictionary>, StorageError> {
    load(DICTIONARY_KEY)
}

/// Saves the personal dictionary.
pub fn save_dictionary(dictionary: &Dictionary) -> Result<(), StorageError> {
    save(DICTIONARY_KEY, dictionary)
}

const FAILED_KEY: &str = "pactlens.v1.failed-text";

/// A fingerprint of a text: its SHA-256 name, as in the W3C export.
fn fingerprint(text: &str) -> String {
    pactlens_engine::export::w3c::text_urn(text)
}

/// Remembers that the annotator stopped on `text`, so that a reload does
/// not hand it the same text again. Best effort: without storage, only this
/// visit knows.
pub fn remember_failed_text(text: &str) {
    if let Ok(s) = local_storage() {
        let _ = s.set_item(FAILED_KEY, &fingerprint(text));
    }
}

/// True when the annotator stopped on `text` before (this visit or an
/// earlier one).
pub fn is_failed_text(text: &str) -> bool {
    local_storage()
        .ok()
        .and_then(|s| s.get_item(FAILED_KEY).ok().flatten())
        .is_some_and(|f| f == fingerprint(text))
}

/// Forgets the text the annotator stopped on (it was annotated after all,
/// or the reader asked to try again).
pub fn forget_failed_text() {
    if let Ok(s) = local_storage() {
        let _ = s.remove_item(FAILED_KEY);
    }
}
