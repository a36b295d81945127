//! The page: input pane, article view and sidebar around one text.

use std::rc::Rc;

use pactlens_engine::Annotation;
use yew::prelude::*;

use crate::components::article::ArticleView;
use crate::components::banner::Banner;
use crate::components::input::InputPane;
use crate::components::legend::Legend;
use crate::components::sidebar::Sidebar;
use crate::error::AppError;
use crate::storage;

/// The root component. It owns the text; everything else is derived.
#[function_component(App)]
pub fn app() -> Html {
    let errors = use_state(Vec::<AppError>::new);
    let text = {
        let errors = errors.clone();
        use_state(move || match storage::load_text() {
            Ok(saved) => saved.unwrap_or_default(),
            Err(e) => {
                errors.set(vec![AppError::Storage(e.to_string())]);
                String::new()
            }
        })
    };
    let annotation: Rc<Annotation> = use_memo((*text).clone(), |t| pactlens_engine::annotate(t));
    // The agreement card the reader opened; its mentions and parties are
    // highlighted in the article. Reset whenever the text changes.
    let focused = use_state(|| None::<usize>);
    {
        let focused = focused.clone();
        use_effect_with(annotation.clone(), move |_| focused.set(None));
    }
    let on_focus = {
        let focused = focused.clone();
        Callback::from(move |record: Option<usize>| {
            focused.set(record);
            if record.is_some() {
                scroll_to_first_focus();
            }
        })
    };

    let on_text = {
        let text = text.clone();
        let errors = errors.clone();
        Callback::from(move |new_text: String| {
            let storage_failed = storage::save_text(&new_text).err();
            let mut list: Vec<AppError> = errors
                .iter()
                .filter(|e| !matches!(e, AppError::Storage(_) | AppError::File(_) | AppError::TooLong { .. }))
                .cloned()
                .collect();
            if let Some(e) = storage_failed {
                list.push(AppError::Storage(e.to_string()));
            }
            errors.set(list);
            text.set(new_text);
        })
    };
    let on_error = {
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
                    <InputPane text={(*text).clone()} {on_text} {on_error} />
                    <ArticleView text={(*text).clone()} annotation={annotation.clone()} focused={*focused} />
                </section>
                <Sidebar text={(*text).clone()} annotation={annotation} focused={*focused} {on_focus} />
            </main>
        </>
    }
}

/// Scrolls the first highlighted mention into view after the next render.
fn scroll_to_first_focus() {
    // After Yew has rendered the highlight classes.
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
