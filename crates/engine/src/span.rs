//! Spans and labels: the vocabulary every other module speaks.
//!
//! Inside the engine a span is a half-open byte range into the original
//! `&str`; `offsets` is the one place that turns it into code points or
//! UTF-16 units for the outside world.

use serde::{Deserialize, Serialize};

/// A half-open byte range `[start, end)` into the annotated text.
///
/// Both ends always lie on UTF-8 character boundaries of that text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Span {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
}

impl Span {
    /// Makes a span; `start <= end` is the caller's promise.
    pub fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end);
        Span { start, end }
    }

    /// Length in bytes.
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// True for an empty range.
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// True when the two ranges share at least one byte.
    pub fn overlaps(&self, other: &Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The text this span covers.
    pub fn slice<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start..self.end]
    }
}

/// What a mark says its text is (see ANNOTATION.md).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Label {
    /// A for-profit business organisation.
    Company,
    /// A named commercial product, service, platform, device or model.
    Product,
    /// A noun phrase naming a specific agreement between parties.
    Agreement,
}

impl Label {
    /// The label as written in the evaluation format (`COMPANY`, ...).
    pub fn as_str(self) -> &'static str {
        match self {
            Label::Company => "COMPANY",
            Label::Product => "PRODUCT",
            Label::Agreement => "AGREEMENT",
        }
    }
}

/// Why the engine made a mark, shown to the reader on hover.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Source {
    /// A name in the built-in lexicon.
    Lexicon,
    /// A capitalised name followed by a legal suffix ("Foo Corp.").
    LegalSuffix,
    /// How the text talks about an unknown name ("AI startup Zentrobe").
    Context,
    /// Another mention in the same document named this entity confidently.
    Document,
    /// The learned tagger (`tagger`), above its confidence threshold.
    Model,
    /// An agreement head noun ("memorandum of understanding").
    AgreementRule,
    /// The reader, by hand or through their personal dictionary.
    Reader,
}
