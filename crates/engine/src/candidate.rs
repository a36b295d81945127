//! The candidate: a company or product span some recognition step proposes,
//! before the marks are decided.

use crate::span::{Label, Source, Span};

/// A company or product mark before overlaps are resolved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    /// Where it is.
    pub span: Span,
    /// COMPANY or PRODUCT.
    pub label: Label,
    /// Why it was found.
    pub source: Source,
    /// The canonical name of the entity.
    pub canonical: String,
    /// For products: the owner the lexicon gives.
    pub owner: Option<String>,
}
