//! The page: input pane, toolbar, article view and sidebar around one
//! document. State lives in one reducer (`state`); the engine's output and
//! the reader's edits are derived from it on every change.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::events::{EventListener, EventListenerOptions};
use pactlens_engine::edits::{apply_edits, rebase_annotation};
use pactlens_engine::export::{share, Edit};
use pactlens_engine::{Annotation, Label};
use wasm_bindgen::JsCast;
use web_sys::KeyboardEvent;
use yew::prelude::*;

use crate::annotator::use_annotator;
use crate::autosave::use_autosave;
use crate::components::article::ArticleView;
use crate::components::banner::Banner;
use crate::components::dictionary::DictionaryPanel;
use crate::components::input::InputPane;
use crate::components::inspector::{Inspector, Target};
use crate::components::legend::Legend;
use crate::components::progress::Progress;
use crate::components::sidebar::Sidebar;
use crate::components::toolbar::Toolbar;
use crate::error::AppError;
use crate::selection;
use crate::shared::{Shared, Text};
use crate::state::{Action, DocState, Snapshot};
use crate::storage;

/// Reads what an earlier visit saved, and a share link in the address,
/// which wins over the saved article. Problems become banners.
fn initial_state(errors: &mut Vec<AppError>) -> DocState {
    let mut snapshot = Snapshot::default();
    match storage::load_document() {
        Ok(Some(doc)) => snapshot = snapshot.with_text(&doc.text, &doc.edits),
        Ok(None) => {}
        Err(e) => errors.push(AppError::Storage(e.to_string())),
    }
    match storage::load_dictionary() {
        Ok(Some(dictionary)) => snapshot.dictionary = Rc::new(dictionary),
        Ok(None) => {}
        Err(e) => {
            let e = AppError::Storage(e.to_string());
            if !errors.contains(&e) {
                errors.push(e);
            }
        }
    }
    let hash = gloo::utils::window().location().hash().unwrap_or_default();
    if hash.starts_with("#v") {
        match share::decode(&hash) {
            Ok((text, edits)) => snapshot = snapshot.with_text(&text, &edits),
            Err(e) => errors.push(AppError::Share(e.to_string())),
        }
    }
    DocState::restored(snapshot)
}

/// The root component.
#[function_component(App)]
pub fn app() -> Html {
    let errors = use_state(Vec::<AppError>::new);
    let state = {
        let errors = errors.clone();
        use_reducer(move || {
            let mut found = Vec::new();
            let state = initial_state(&mut found);
            errors.set(found);
            state
        })
    };
    let doc = &state.now;

    // The engine runs in a worker; until its answer for this text arrives,
    // the last answer is shown, moved onto the text as it changed.
    let (annotated, controls) = use_annotator(&doc.text);
    let pending = annotated.text != doc.text;
    // When nothing moved or was edited, the worker's annotation itself is
    // shown: a long article's marks are never copied for nothing.
    let annotation: Shared<Annotation> = (*use_memo(
        (annotated.text.clone(), annotated.annotation.clone(), doc.text.clone()),
        |(old, a, new)| {
            if old == new || **old == **new {
                a.clone()
            } else {
                Shared::new(rebase_annotation(old, new, a))
            }
        },
    ))
    .clone();
    let edited: Shared<Annotation> = (*use_memo(
        (
            annotation.clone(),
            doc.text.clone(),
            doc.edits.clone(),
            doc.dictionary.clone(),
        ),
        |(a, t, e, d)| {
            if e.is_empty() && d.is_empty() {
                a.clone()
            } else {
                Shared::new(apply_edits(t, a, d, e))
            }
        },
    ))
    .clone();
    let export_edits: Rc<Vec<Edit>> = use_memo(doc.edits.clone(), |e| e.clone());

    // The agreement card the reader opened, and the mark or selection the
    // inspector acts on. Both reset when the text changes.
    let focused = use_state(|| None::<usize>);
    let target = use_state(|| None::<Target>);
    {
        let (focused, target) = (focused.clone(), target.clone());
        use_effect_with(doc.text.clone(), move |_| {
            focused.set(None);
            target.set(None);
        });
    }

    // Save the article, its edits and the dictionary after every change;
    // a failed save shows a banner until a save works again.
    let save_error = use_autosave(doc);
    {
        let errors = errors.clone();
        use_effect_with(save_error, move |failed| {
            let failed = failed.clone();
            let mut list: Vec<AppError> = errors
                .iter()
                .filter(|e| !matches!(e, AppError::Storage(_)))
                .cloned()
                .collect();
            if let Some(e) = failed {
                list.insert(0, AppError::Storage(e.to_string()));
            }
            if list != *errors {
                errors.set(list);
            }
        });
    }

    let push_error = {
        let errors = errors.clone();
        Callback::from(move |e: AppError| {
            let mut list = (*errors).clone();
            if !list.contains(&e) {
                list.push(e);
            }
            errors.set(list);
        })
    };
    let on_dismiss = {
        let errors = errors.clone();
        Callback::from(move |i: usize| {
            let mut list = (*errors).clone();
            if i < list.len() {
                list.remove(i);
            }
            errors.set(list);
        })
    };
    let on_type = {
        let (state, errors) = (state.clone(), errors.clone());
        Callback::from(move |text: Text| {
            let kept: Vec<AppError> = errors
                .iter()
                .filter(|e| !matches!(e, AppError::File(_) | AppError::TooLong { .. } | AppError::Import(_)))
                .cloned()
                .collect();
            if kept != *errors {
                errors.set(kept);
            }
            state.dispatch(Action::Type(text));
        })
    };
    let on_load = {
        let state = state.clone();
        Callback::from(move |(text, edits): (String, Vec<Edit>)| {
            state.dispatch(Action::Load {
                text: Text::from(text),
                edits,
            })
        })
    };
    // Callbacks that only set state are made once, so the components they
    // go to do not re-render when something unrelated changes.
    let dispatch = {
        let state = state.clone();
        use_callback((), move |a: Action, _| state.dispatch(a))
    };
    let on_focus = {
        let focused = focused.clone();
        use_callback((), move |record: Option<usize>, _| {
            focused.set(record);
            if record.is_some() {
                scroll_to_first_focus();
            }
        })
    };
    let on_target = {
        let target = target.clone();
        use_callback((), move |t: Option<Target>, _| target.set(t))
    };

    // Keyboard: undo/redo everywhere but in text fields; C, P, A, Delete on
    // a focused mark or a selection in the article.
    let live = use_mut_ref(|| (Text::default(), None::<Target>));
    *live.borrow_mut() = (doc.text.clone(), (*target).clone());
    {
        let (dispatch, on_target, live) = (dispatch.clone(), on_target.clone(), live.clone());
        use_effect_with((), move |_| {
            let document = gloo::utils::document();
            let select = {
                let (on_target, live) = (on_target.clone(), live.clone());
                EventListener::new(&document, "selectionchange", move |_| {
                    let text = live.borrow().0.clone();
                    if let Some(range) = selection::article_selection(&text) {
                        on_target.emit(Some(Target::Selection(range)));
                    }
                })
            };
            // Not passive: the handler must be able to stop the browser's own
            // undo, which would otherwise undo typing in the text area.
            let options = EventListenerOptions::enable_prevent_default();
            let keys = EventListener::new_with_options(&document, "keydown", options, move |e| {
                if let Some(e) = e.dyn_ref::<KeyboardEvent>() {
                    on_key(e, &live, &dispatch, &on_target);
                }
            });
            move || drop((keys, select))
        });
    }

    html! {
        <>
            <header class="topbar">
                <h1 class="brand">{"pactlens"}</h1>
                <p class="tagline">{"Companies, products and agreements in any news article — marked in your browser, nothing uploaded."}</p>
                <Legend />
            </header>
            <Banner errors={(*errors).clone()} {on_dismiss} />
            <main class="layout">
                <section class="workspace" aria-label="Article">
                    <InputPane text={doc.text.clone()} on_text={on_type} {on_load} on_error={push_error.clone()} />
                    <Toolbar text={doc.text.clone()} annotation={edited.clone()} edits={export_edits}
                        on_error={push_error.clone()} />
                    <Inspector text={doc.text.clone()} annotation={edited.clone()} target={(*target).clone()}
                        can_undo={state.can_undo()} can_redo={state.can_redo()} dispatch={dispatch.clone()}
                        on_target={on_target.clone()} />
                    <Progress progress={annotated.progress} cancelled={annotated.cancelled && pending}
                        failed={annotated.failed} crashed={annotated.crashed.is_some()}
                        crashed_earlier={annotated.crashed_earlier}
                        on_cancel={controls.cancel} on_retry={controls.retry} />
                    <ArticleView text={doc.text.clone()} annotation={edited.clone()} focused={*focused}
                        on_target={on_target.clone()} {pending} />
                </section>
                <div class="side">
                    <Sidebar text={doc.text.clone()} annotation={edited} focused={*focused} {on_focus} />
                    <DictionaryPanel dictionary={doc.dictionary.clone()} {dispatch} on_error={push_error} />
                </div>
            </main>
        </>
    }
}

/// True when the key event comes from a text field, where keys type.
fn in_text_field(e: &KeyboardEvent) -> bool {
    e.target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .is_some_and(|el| matches!(el.tag_name().as_str(), "TEXTAREA" | "INPUT" | "SELECT"))
}

fn on_key(
    e: &KeyboardEvent,
    live: &Rc<RefCell<(Text, Option<Target>)>>,
    dispatch: &Callback<Action>,
    on_target: &Callback<Option<Target>>,
) {
    if in_text_field(e) {
        return;
    }
    let key = e.key();
    if (e.ctrl_key() || e.meta_key()) && !e.alt_key() {
        match key.as_str() {
            "z" | "Z" if e.shift_key() => dispatch.emit(Action::Redo),
            "z" => dispatch.emit(Action::Undo),
            "y" => dispatch.emit(Action::Redo),
            _ => return,
        }
        e.prevent_default();
        return;
    }
    if e.alt_key() || e.ctrl_key() || e.meta_key() {
        return;
    }
    if move_between_marks(&key) {
        e.prevent_default();
        return;
    }
    let target = live.borrow().1.clone();
    let Some(target) = target else { return };
    if key == "Enter" && matches!(target, Target::Mark { .. }) {
        // Enter takes the focus to the inspector's buttons.
        if let Some(button) = gloo::utils::document()
            .query_selector(".inspector .label-button.current, .inspector button")
            .ok()
            .flatten()
            .and_then(|b| b.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = button.focus();
            e.prevent_default();
        }
        return;
    }
    let label = match key.as_str() {
        "c" | "C" => Some(Label::Company),
        "p" | "P" => Some(Label::Product),
        "a" | "A" => Some(Label::Agreement),
        _ => None,
    };
    let (start, end) = target.range();
    let edit = match (label, key.as_str(), &target) {
        (Some(label), _, Target::Mark { .. }) => Edit::Relabel { start, end, label },
        (Some(label), _, Target::Selection(_)) => Edit::Add { start, end, label },
        (None, "Delete" | "Backspace", Target::Mark { .. }) => Edit::Remove { start, end },
        (None, "Escape", _) => {
            on_target.emit(None);
            return;
        }
        _ => return,
    };
    e.prevent_default();
    dispatch.emit(Action::Edit(edit));
    if matches!(target, Target::Selection(_)) {
        if let Ok(Some(sel)) = gloo::utils::window().get_selection() {
            let _ = sel.remove_all_ranges();
        }
        on_target.emit(None);
    }
}

/// With a mark focused, the arrow keys move to the previous or next mark.
/// Returns true when it moved the focus.
fn move_between_marks(key: &str) -> bool {
    let step: isize = match key {
        "ArrowRight" | "ArrowDown" => 1,
        "ArrowLeft" | "ArrowUp" => -1,
        _ => return false,
    };
    let document = gloo::utils::document();
    let Some(active) = document.active_element() else {
        return false;
    };
    if active.tag_name() != "MARK" || active.closest("#article").ok().flatten().is_none() {
        return false;
    }
    let Ok(marks) = document.query_selector_all("#article mark") else {
        return false;
    };
    let count = marks.length() as isize;
    let here = (0..count).find(|&i| marks.item(i as u32).is_some_and(|n| n.is_same_node(Some(&active))));
    let Some(here) = here else { return false };
    let next = (here + step).clamp(0, count - 1);
    marks
        .item(next as u32)
        .and_then(|n| n.dyn_into::<web_sys::HtmlElement>().ok())
        .is_some_and(|el| el.focus().is_ok())
}

/// Scrolls the first highlighted mention into view after the next render.
fn scroll_to_first_focus() {
    gloo::timers::callback::Timeout::new(0, || {
        let first = gloo::utils::document()
            .query_selector("#article .focus, #article .focus-party")
            .ok()
            .flatten();
        if let Some(el) = first {
            el.scroll_into_view();
        }
    })
    .forget();
}
