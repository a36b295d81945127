//! The engine for the browser benchmark: one export that annotates and
//! returns the number of marks, so only a number crosses the JS boundary.

use wasm_bindgen::prelude::*;

/// Annotates `text` and returns the number of marks found.
#[wasm_bindgen]
pub fn annotate_len(text: &str) -> usize {
    pactlens_engine::annotate(text).marks.len()
}
