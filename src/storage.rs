//! Keeps the current article across reloads in `localStorage`.
//!
//! Every call reports failure instead of panicking: storage may be disabled
//! (private modes, a `localStorage` getter that throws), full, or hold data
//! we cannot read. The caller shows a banner and carries on in memory.
//! (web-sys directly rather than gloo-storage, whose accessor panics when the
//! `localStorage` getter throws.)

use std::fmt;

const TEXT_KEY: &str = "pactlens.v1.text";

/// Why storage could not be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StorageError {
    /// The browser gives no `localStorage` (disabled, or the getter threw).
    Unavailable,
    /// Writing failed, usually because the quota is used up.
    WriteFailed,
    /// Reading failed.
    ReadFailed,
}

impl fmt::Display for StorageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            StorageError::Unavailable => "storage is disabled in this browser",
            StorageError::WriteFailed => "storage is full or refused the write",
            StorageError::ReadFailed => "stored data could not be read",
        })
    }
}

fn local_storage() -> Result<web_sys::Storage, StorageError> {
    web_sys::window()
        .ok_or(StorageError::Unavailable)?
        .local_storage()
        .ok()
        .flatten()
        .ok_or(StorageError::Unavailable)
}

/// The article saved by an earlier visit, if any.
pub fn load_text() -> Result<Option<String>, StorageError> {
    local_storage()?
        .get_item(TEXT_KEY)
        .map_err(|_| StorageError::ReadFailed)
}

/// Saves the article for the next visit.
pub fn save_text(text: &str) -> Result<(), StorageError> {
    local_storage()?
        .set_item(TEXT_KEY, text)
        .map_err(|_| StorageError::WriteFailed)
}
