//! pactlens in the browser: a thin Yew shell around `pactlens-engine`.
//!
//! The engine makes every decision about text; this crate only renders its
//! output and handles interaction (paste, drop, sample, storage).

mod annotator;
mod app;
mod autosave;
mod blocks;
mod components;
mod error;
mod protocol;
mod selection;
mod shared;
mod state;
mod storage;

fn main() {
    yew::Renderer::<app::App>::new().render();
}
