//! The personal dictionary: names always or never marked in every article.
//! Listed and editable here, and exported or imported as JSON.
//!
//! A dictionary may hold up to 200,000 names (an import from another tool),
//! so the panel lists only the first [`SHOWN`] rules that match its filter,
//! and an import is size-checked before it is read.

use std::rc::Rc;

use gloo::file::File;
use pactlens_engine::edits::{Dictionary, DictionaryError, MAX_DICTIONARY_BYTES};
use pactlens_engine::Label;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::components::toolbar::download;
use crate::error::AppError;
use crate::state::Action;

/// Props: the dictionary and where changes go.
#[derive(Properties, PartialEq)]
pub struct DictionaryProps {
    /// The current dictionary.
    pub dictionary: Rc<Dictionary>,
    /// Where changes go.
    pub dispatch: Callback<Action>,
    /// Called when an import fails, and to say what an import replaced.
    pub on_error: Callback<AppError>,
}

/// How many rules the panel lists at once.
const SHOWN: usize = 100;

fn label_word(label: Label) -> &'static str {
    match label {
        Label::Company => "company",
        Label::Product => "product",
        Label::Agreement => "agreement",
    }
}

/// The dictionary panel (collapsed by default).
#[function_component(DictionaryPanel)]
pub fn dictionary_panel(props: &DictionaryProps) -> Html {
    let forget = |name: &str| {
        let (d, name) = (props.dispatch.clone(), name.to_string());
        Callback::from(move |_| d.emit(Action::Forget(name.clone())))
    };
    let filter = use_state(String::new);
    let wanted = filter.to_lowercase();
    let all = props
        .dictionary
        .always
        .iter()
        .map(|(name, label)| (name, Some(*label)))
        .chain(props.dictionary.never.iter().map(|name| (name, None)));
    let mut matching = all.filter(|(name, _)| wanted.is_empty() || name.to_lowercase().contains(&wanted));
    let shown: Vec<(&String, Option<Label>)> = matching.by_ref().take(SHOWN).collect();
    let more = matching.count();
    let rows = shown.into_iter().map(|(name, label)| {
        let rule = match label {
            Some(label) => format!("always a {}", label_word(label)),
            None => "never marked".to_string(),
        };
        html! {
            <li data-name={name.clone()}>
                <span class="name">{ name }</span>
                <span class="rule">{ rule }</span>
                <button type="button" class="forget" onclick={forget(name)} aria-label={format!("Forget {name}")}>{"×"}</button>
            </li>
        }
    });
    let on_filter = {
        let filter = filter.clone();
        Callback::from(move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            filter.set(input.value());
        })
    };
    let on_export = {
        let dictionary = props.dictionary.clone();
        let on_error = props.on_error.clone();
        Callback::from(move |_| {
            let json = serde_json::to_string_pretty(&*dictionary).unwrap_or_default();
            if let Err(why) = download("pactlens-dictionary.json", "application/json", &json) {
                on_error.emit(AppError::Export(why.to_string()));
            }
        })
    };
    let on_import = {
        let (dispatch, on_error) = (props.dispatch.clone(), props.on_error.clone());
        let previous = props.dictionary.len();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let Some(file) = input.files().and_then(|f| f.get(0)).map(File::from) else {
                return;
            };
            input.set_value("");
            // Refused before it is read: a file this large would hold the
            // page for seconds and could not be saved anyway.
            let size = file.size() as usize;
            if size > MAX_DICTIONARY_BYTES {
                on_error.emit(AppError::Import(DictionaryError::TooLarge { bytes: size }.to_string()));
                return;
            }
            let (dispatch, on_error, previous) = (dispatch.clone(), on_error.clone(), previous);
            wasm_bindgen_futures::spawn_local(async move {
                let parsed = gloo::file::futures::read_as_text(&file)
                    .await
                    .map_err(|e| format!("the file could not be read ({e})"))
                    .and_then(|json| Dictionary::from_json(&json).map_err(|e| e.to_string()));
                // Apply it in a task of its own, after the one that parsed it.
                gloo::timers::future::TimeoutFuture::new(0).await;
                match parsed {
                    Ok(dictionary) => {
                        let names = dictionary.len();
                        dispatch.emit(Action::SetDictionary(Rc::new(dictionary)));
                        if previous > 0 {
                            on_error.emit(AppError::DictionaryReplaced { names, previous });
                        }
                    }
                    Err(why) => on_error.emit(AppError::Import(why)),
                }
            });
        })
    };
    let count = props.dictionary.len();
    html! {
        <details class="dictionary" id="dictionary">
            <summary>{ format!("Your dictionary ({count})") }</summary>
            <p class="note">{"Applies to every article. Add names from a mark's bar above the article."}</p>
            if props.dictionary.is_empty() {
                <p class="none">{"No names yet."}</p>
            } else {
                if count > SHOWN {
                    <input type="search" class="dict-filter" placeholder="Find a name" aria-label="Find a name in your dictionary"
                        value={(*filter).clone()} oninput={on_filter} />
                }
                <ul class="dict-rules">{ for rows }</ul>
                if more > 0 {
                    <p class="more">{ format!("and {more} more; find a name above, or export the dictionary to see them all.") }</p>
                }
            }
            <div class="dict-io">
                <button type="button" onclick={on_export}>{"Export JSON"}</button>
                <label class="file-button">{"Import JSON"}
                    <input type="file" accept=".json,application/json" onchange={on_import} />
                </label>
            </div>
        </details>
    }
}
