//! When the document is saved: at once for a short article, after a pause
//! in changes for a long one, and always before the page goes away.
//!
//! Writing a megabyte to `localStorage` takes tens of milliseconds on the
//! main thread; doing it on every keystroke of a long article would make
//! typing stutter. A change that is not yet saved is written when the page
//! is hidden or unloaded (`pagehide`), so a reload loses nothing.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::events::EventListener;
use gloo::timers::callback::Timeout;
use yew::prelude::*;

use crate::state::Snapshot;
use crate::storage::{self, StorageError, StoredDocument};

/// Articles of at least this many bytes are saved after a pause.
pub const SAVE_AFTER_PAUSE_FROM: usize = 64 * 1024;

/// The pause, in milliseconds.
const PAUSE_MS: u32 = 600;

/// The change waiting to be saved and its timer.
#[derive(Default)]
struct Pending {
    doc: Option<Snapshot>,
    timer: Option<Timeout>,
}

/// Writes the waiting change, if any, and reports the outcome.
fn flush(pending: &RefCell<Pending>, report: &Callback<Option<StorageError>>) {
    let doc = {
        let mut p = pending.borrow_mut();
        p.timer = None;
        p.doc.take()
    };
    if let Some(doc) = doc {
        report.emit(write(&doc).err());
    }
}

/// Saves the article, its edits and the dictionary.
fn write(doc: &Snapshot) -> Result<(), StorageError> {
    let stored = StoredDocument {
        text: doc.text.clone(),
        edits: doc.edits.clone(),
    };
    storage::save_document(&stored).and(storage::save_dictionary(&doc.dictionary))
}

/// Saves `doc` whenever it changes; returns the problem with the last save,
/// if it failed.
#[hook]
pub fn use_autosave(doc: &Snapshot) -> Option<StorageError> {
    let outcome = use_state_eq(|| None::<StorageError>);
    let report = {
        let outcome = outcome.clone();
        use_callback((), move |e: Option<StorageError>, _| outcome.set(e))
    };
    let pending: Rc<RefCell<Pending>> = use_mut_ref(Pending::default);
    {
        let (pending, report) = (pending.clone(), report.clone());
        use_effect_with((), move |_| {
            let window = gloo::utils::window();
            let listener = EventListener::new(&window, "pagehide", move |_| flush(&pending, &report));
            move || drop(listener)
        });
    }
    {
        let (pending, report) = (pending.clone(), report.clone());
        use_effect_with(doc.clone(), move |doc| {
            let long = doc.text.len() >= SAVE_AFTER_PAUSE_FROM;
            pending.borrow_mut().doc = Some(doc.clone());
            if long {
                let later = {
                    let pending = pending.clone();
                    Timeout::new(PAUSE_MS, move || flush(&pending, &report))
                };
                // Replacing the timer cancels the one before.
                pending.borrow_mut().timer = Some(later);
            } else {
                flush(&pending, &report);
            }
        });
    }
    (*outcome).clone()
}
