//! The annotation worker: runs the engine off the page's main thread, so
//! the page stays responsive while a long text is annotated.
//!
//! Receives a JSON [`protocol::Request`] per message and answers with
//! [`protocol::Reply`] messages: progress for long texts, then the result.
//! Built by Trunk as a second target (`data-type="worker"` in index.html).

#[path = "../protocol.rs"]
mod protocol;

use pactlens_engine::tagger::Tagger;
use protocol::{Reply, Request};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

/// Texts at least this long (bytes) report progress; shorter ones take a
/// few milliseconds.
const PROGRESS_FROM: usize = 64 * 1024;

fn main() {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let replies = scope.clone();
    let onmessage = Closure::<dyn FnMut(MessageEvent)>::new(move |e: MessageEvent| {
        let post = |reply: &Reply| {
            if let Ok(json) = serde_json::to_string(reply) {
                let _ = replies.post_message(&JsValue::from_str(&json));
            }
        };
        let Some(json) = e.data().as_string() else { return };
        let Ok(request) = serde_json::from_str::<Request>(&json) else {
            return;
        };
        let id = request.id;
        let long = request.text.len() >= PROGRESS_FROM;
        let mut last = -1.0f32;
        let annotation = pactlens_engine::annotate_with_progress(&request.text, Tagger::builtin(), &mut |done| {
            if long && done - last >= 0.02 {
                last = done;
                post(&Reply::Progress { id, done });
            }
        });
        post(&Reply::Done { id, annotation });
    });
    scope.set_onmessage(Some(onmessage.as_ref().unchecked_ref()));
    // The handler lives as long as the worker.
    onmessage.forget();
    // Build the lexicon and automaton now, not on the first request.
    pactlens_engine::annotate("");
    if let Ok(json) = serde_json::to_string(&Reply::Ready) {
        let _ = scope.post_message(&JsValue::from_str(&json));
    }
}
