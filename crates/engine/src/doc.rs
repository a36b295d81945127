//! The document model: what every stage reads, computed once per text.
//!
//! [`Doc::new`] segments the analysis view of a text (see
//! [`analysis_view`](crate::text::analysis_view)) once: its tokens with their
//! byte spans and lower-case forms, its sentences, and the units the tagger
//! labels. The stages after it take `&Doc` and never tokenise, split or
//! lower-case the text again.
//!
//! ```
//! use pactlens_engine::doc::Doc;
//! let doc = Doc::new("Microsoft Corp. signed. XIAOMI agreed");
//! assert_eq!(doc.tokens.len(), 5);
//! assert_eq!(doc.lower[3], "xiaomi");
//! assert_eq!(doc.sentences.len(), 2);
//! assert_eq!(doc.tag_units, vec![0..3, 3..5]);
//! ```

use std::ops::Range;

use crate::span::Span;
use crate::text::{sentences, tag_units, tokens, Token};

/// One text, segmented once.
#[derive(Debug, Clone)]
pub struct Doc<'t> {
    /// The text the spans point into (the analysis view: the same bytes as
    /// the reader's text, with soft line breaks read as spaces).
    pub text: &'t str,
    /// Every token, in order ([`tokens`]).
    pub tokens: Vec<Token<'t>>,
    /// The lower-case form of each token (`lower[i]` is
    /// `tokens[i].text.to_lowercase()`), for matching word lists. Its byte
    /// offsets are not those of the text: spans always come from `tokens`.
    pub lower: Vec<String>,
    /// Sentence spans ([`sentences`]).
    pub sentences: Vec<Span>,
    /// The runs of tokens the tagger labels one at a time, as ranges of
    /// indices into `tokens` ([`tag_units`]).
    pub tag_units: Vec<Range<usize>>,
}

impl<'t> Doc<'t> {
    /// Segments `text`.
    pub fn new(text: &'t str) -> Self {
        let tokens = tokens(text);
        let lower = tokens.iter().map(|t| t.text.to_lowercase()).collect();
        let tag_units = tag_units(text, &tokens);
        Doc {
            text,
            lower,
            sentences: sentences(text),
            tag_units,
            tokens,
        }
    }

    /// The sentence that holds byte `at`, or an empty span at `at` when it
    /// falls between sentences.
    pub fn sentence_of(&self, at: usize) -> Span {
        let i = self.sentences.partition_point(|s| s.end <= at);
        self.sentences
            .get(i)
            .copied()
            .filter(|s| s.start <= at)
            .unwrap_or(Span::new(at, at))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lower_case_forms_follow_the_tokens_whatever_their_length() {
        // "İ" lower-cases to two characters: the forms are per token, so no
        // offset of the lower-case text is ever used on the original.
        let doc = Doc::new("İSTANBUL Ünal ΟΔΥΣΣΕΥΣ");
        assert_eq!(doc.lower, ["i\u{307}stanbul", "ünal", "οδυσσευς"]);
        assert_eq!(doc.tokens[1].span.slice(doc.text), "Ünal");
    }

    #[test]
    fn sentence_of_finds_the_sentence_or_an_empty_span() {
        let doc = Doc::new("One here.  Two there.");
        assert_eq!(doc.sentence_of(2).slice(doc.text), "One here.");
        assert_eq!(doc.sentence_of(15).slice(doc.text), "Two there.");
        assert!(doc.sentence_of(10).is_empty());
    }
}
