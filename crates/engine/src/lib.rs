//! # pactlens-engine
//!
//! Finds the companies, products and agreements in a news article, with no
//! web dependency, so it runs natively (tests, CLI, benchmarks) and in the
//! browser (the Yew app) alike.
//!
//! ```
//! let text = "Xiaomi will use Azure, Microsoft's cloud.";
//! let ann = pactlens_engine::annotate(text);
//! let summary = ann.summary();
//! assert_eq!(summary.companies[0].name, "Xiaomi");
//! ```
//!
//! Offsets inside are byte ranges ([`Span`]); [`offsets`] converts them to
//! code points (exports, evaluation) and UTF-16 units (the DOM).
#![warn(missing_docs)]

pub mod agreements;
mod aliases;
mod annotate;
pub mod annotation;
mod candidate;
pub mod context;
pub mod doc;
pub mod edits;
pub mod export;
pub mod lexicon;
mod lexicon_matches;
mod models;
pub mod names;
pub mod offsets;
pub mod people;
mod places;
pub mod recognise;
mod records;
mod short_forms;
pub mod span;
pub mod tagger;
pub mod text;
mod tsv;
pub mod words;

pub use agreements::{AgreementKind, Status};
pub use annotate::{
    annotate, annotate_learned_only, annotate_with, annotate_with_models, annotate_with_progress,
    name_types_for_training,
};
pub use annotation::{AgreementRecord, Annotation, CompanyCount, Mark, OwnerProducts, ProductCount, Summary};
pub use span::{Label, Source, Span};
