//! Messages between the page and its annotation worker (JSON strings).
//!
//! Shared by the app and the worker binary (`src/bin/pactlens-worker.rs`),
//! which includes this file by path.

use pactlens_engine::Annotation;
use serde::{Deserialize, Serialize};

/// Annotate this text; `id` identifies the request in the replies.
/// Borrowed, so sending a long article does not copy it first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Request<'a> {
    /// Grows with every request, so stale replies can be told apart.
    pub id: u64,
    /// The article.
    #[serde(borrow)]
    pub text: std::borrow::Cow<'a, str>,
}

/// What the worker sends back for a request.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Reply {
    /// The worker has loaded and listens. Messages sent before this would
    /// arrive while its wasm is still loading and be lost.
    Ready,
    /// Share of the work done, 0 to 1 (long texts only).
    Progress {
        /// The request.
        id: u64,
        /// Done so far.
        done: f32,
    },
    /// The engine's output.
    Done {
        /// The request.
        id: u64,
        /// The annotation of the request's text.
        annotation: Annotation,
    },
}
