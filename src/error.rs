//! Errors the page shows to the reader.

use std::fmt;

/// Something the reader should know went wrong; the page keeps working.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AppError {
    /// Browser storage is disabled, full or unreadable: work stays in memory.
    Storage(String),
    /// A dropped file could not be used.
    File(FileProblem),
    /// The sample article could not be loaded.
    Sample(String),
    /// A paste longer than the page accepts; the previous text is kept.
    TooLong { bytes: usize },
    /// An export could not be handed to the browser.
    Export(String),
    /// The document is too long for a share link.
    LinkTooLong { chars: usize },
    /// A share link in the address could not be opened.
    Share(String),
    /// A dropped or opened JSON file could not be imported.
    Import(String),
    /// An imported dictionary took the place of the reader's own (undo
    /// brings it back).
    DictionaryReplaced {
        /// Names in the imported dictionary.
        names: usize,
        /// Names in the one it replaced.
        previous: usize,
    },
}

/// Why a dropped file was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileProblem {
    /// Larger than the page accepts.
    TooLarge { name: String, bytes: u64 },
    /// Contains NUL bytes or is otherwise not text.
    NotText { name: String },
    /// The browser could not read it.
    Unreadable { name: String, reason: String },
}

/// The largest text the page accepts from a file or a paste, in bytes.
pub const MAX_TEXT_BYTES: usize = 10 * 1024 * 1024;

impl fmt::Display for AppError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AppError::Storage(why) => {
                write!(f, "Browser storage is unavailable ({why}). pactlens keeps working, but this article will not survive a reload.")
            }
            AppError::File(FileProblem::TooLarge { name, bytes }) => write!(
                f,
                "{name} is {:.1} MB; pactlens accepts texts up to {} MB.",
                *bytes as f64 / 1_048_576.0,
                MAX_TEXT_BYTES / 1_048_576
            ),
            AppError::File(FileProblem::NotText { name }) => {
                write!(f, "{name} does not look like a text file, so it was not loaded.")
            }
            AppError::File(FileProblem::Unreadable { name, reason }) => write!(f, "Could not read {name}: {reason}."),
            AppError::Sample(why) => write!(f, "Could not load the sample article ({why})."),
            AppError::Export(why) => write!(f, "The export failed: {why}."),
            AppError::LinkTooLong { chars } => write!(
                f,
                "This article makes a {chars}-character link, longer than chat tools and browsers reliably carry. \
                 Use “pactlens JSON” or “HTML page” above and share the file instead."
            ),
            AppError::Share(why) => write!(f, "This share link could not be opened: {why}. Nothing from it was run."),
            AppError::Import(why) => write!(f, "That file could not be imported: {why}. Nothing was changed."),
            AppError::DictionaryReplaced { names, previous } => write!(
                f,
                "The imported dictionary ({names} names) replaced yours ({previous} names). Undo (Ctrl+Z) brings yours back."
            ),
            AppError::TooLong { bytes } => write!(
                f,
                "That text is {:.1} MB; pactlens accepts texts up to {} MB, so the paste was not applied. Split it and annotate the parts.",
                *bytes as f64 / 1_048_576.0,
                MAX_TEXT_BYTES / 1_048_576
            ),
        }
    }
}
