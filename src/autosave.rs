//! When the document is saved: at once for a short article, after a pause
//! in changes for a long one, and always before the page goes away.
//!
//! Writing a megabyte to `localStorage` takes tens of milliseconds on the
//! main thread; doing it on every keystroke of a long article would make
//! typing stutter. A change that is not yet saved is written when the page
//! is hidden or unloaded (`pagehide`), so a reload loses nothing; that
//! includes typing the text area has not handed up yet (a long text is read
//! after a pause), which is read from the text area there and then. Nothing
//! else may run first: Yew renders on a later task once it has used 16 ms,
//! and a page being unloaded runs no later tasks.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::events::EventListener;
use gloo::timers::callback::Timeout;
use pactlens_engine::edits::{rebase_edits, Dictionary};
use wasm_bindgen::JsCast;
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

use crate::error::MAX_TEXT_BYTES;
use crate::shared::Text;
use crate::state::Snapshot;
use crate::storage::{self, StorageError, StoredDocument};

/// Articles of at least this many bytes are saved after a pause.
pub const SAVE_AFTER_PAUSE_FROM: usize = 64 * 1024;

/// Dictionaries of at least this many names are saved after a pause.
const SAVE_AFTER_PAUSE_FROM_NAMES: usize = 5_000;

/// The pause, in milliseconds.
const PAUSE_MS: u32 = 600;

/// The newest document, whether it is saved, and the timer of a save
/// waiting for a pause.
#[derive(Default)]
struct Pending {
    doc: Snapshot,
    saved: bool,
    timer: Option<Timeout>,
    /// The dictionary as last written: an unchanged one (the same `Rc`) is
    /// not written again, since a large one takes tens of milliseconds.
    saved_dictionary: Option<Rc<Dictionary>>,
}

/// Writes the newest document unless it is saved, and reports the outcome.
fn flush(pending: &RefCell<Pending>, report: &Callback<Option<StorageError>>) {
    let (doc, dictionary_saved) = {
        let mut p = pending.borrow_mut();
        p.timer = None;
        let doc = (!std::mem::replace(&mut p.saved, true)).then(|| p.doc.clone());
        let same = |d: &Snapshot| {
            p.saved_dictionary
                .as_ref()
                .is_some_and(|s| Rc::ptr_eq(s, &d.dictionary))
        };
        let dictionary_saved = doc.as_ref().is_some_and(same);
        (doc, dictionary_saved)
    };
    if let Some(doc) = doc {
        let outcome = write(&doc, !dictionary_saved);
        if outcome.is_ok() {
            pending.borrow_mut().saved_dictionary = Some(doc.dictionary.clone());
        }
        report.emit(outcome.err());
    }
}

/// Before the page goes away: takes in typing the text area holds but has
/// not handed up yet (its edits moved as the reducer would), then writes.
fn flush_on_leave(pending: &RefCell<Pending>, report: &Callback<Option<StorageError>>) {
    let typed = gloo::utils::document()
        .get_element_by_id("input")
        .and_then(|el| el.dyn_into::<HtmlTextAreaElement>().ok())
        .map(|area| area.value())
        .filter(|value| value.len() <= MAX_TEXT_BYTES);
    if let Some(typed) = typed {
        let mut p = pending.borrow_mut();
        if *typed != *p.doc.text {
            let edits = rebase_edits(&p.doc.text, &typed, &p.doc.edits);
            p.doc.text = Text::from(typed);
            p.doc.edits = edits;
            p.saved = false;
        }
    }
    flush(pending, report);
}

/// Saves the article, its edits and (when it changed) the dictionary.
fn write(doc: &Snapshot, dictionary_changed: bool) -> Result<(), StorageError> {
    let stored = StoredDocument {
        text: doc.text.clone(),
        edits: doc.edits.clone(),
    };
    storage::save_document(&stored)?;
    if dictionary_changed {
        storage::save_dictionary(&doc.dictionary)?;
    }
    Ok(())
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
            let listener = EventListener::new(&window, "pagehide", move |_| flush_on_leave(&pending, &report));
            move || drop(listener)
        });
    }
    {
        let (pending, report) = (pending.clone(), report.clone());
        use_effect_with(doc.clone(), move |doc| {
            let long = doc.text.len() >= SAVE_AFTER_PAUSE_FROM || {
                // A large dictionary that changed (an import) is written in a
                // task of its own, not in the one that applied it.
                let p = pending.borrow();
                let unsaved = !p
                    .saved_dictionary
                    .as_ref()
                    .is_some_and(|d| Rc::ptr_eq(d, &doc.dictionary));
                unsaved && doc.dictionary.len() >= SAVE_AFTER_PAUSE_FROM_NAMES
            };
            {
                let mut p = pending.borrow_mut();
                p.doc = doc.clone();
                p.saved = false;
            }
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
