//! The personal dictionary: names always or never marked in every article.
//! Listed and editable here, and exported or imported as JSON.

use gloo::file::File;
use pactlens_engine::edits::Dictionary;
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
    pub dictionary: Dictionary,
    /// Where changes go.
    pub dispatch: Callback<Action>,
    /// Called when an import fails.
    pub on_error: Callback<AppError>,
}

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
    let rows = props
        .dictionary
        .always
        .iter()
        .map(|(name, label)| (name.clone(), format!("always a {}", label_word(*label))))
        .chain(props.dictionary.never.iter().map(|name| (name.clone(), "never marked".to_string())))
        .map(|(name, rule)| {
            html! {
                <li data-name={name.clone()}>
                    <span class="name">{ &name }</span>
                    <span class="rule">{ rule }</span>
                    <button type="button" class="forget" onclick={forget(&name)} aria-label={format!("Forget {name}")}>{"×"}</button>
                </li>
            }
        });
    let on_export = {
        let dictionary = props.dictionary.clone();
        let on_error = props.on_error.clone();
        Callback::from(move |_| {
            let json = serde_json::to_string_pretty(&dictionary).unwrap_or_default();
            if let Err(why) = download("pactlens-dictionary.json", "application/json", &json) {
                on_error.emit(AppError::Export(why.to_string()));
            }
        })
    };
    let on_import = {
        let (dispatch, on_error) = (props.dispatch.clone(), props.on_error.clone());
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let Some(file) = input.files().and_then(|f| f.get(0)).map(File::from) else {
                return;
            };
            input.set_value("");
            let (dispatch, on_error) = (dispatch.clone(), on_error.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let parsed = gloo::file::futures::read_as_text(&file)
                    .await
                    .map_err(|e| e.to_string())
                    .and_then(|json| serde_json::from_str::<Dictionary>(&json).map_err(|e| e.to_string()));
                match parsed {
                    Ok(dictionary) => dispatch.emit(Action::SetDictionary(dictionary)),
                    Err(why) => on_error.emit(AppError::Import(format!("not a pactlens dictionary ({why})"))),
                }
            });
        })
    };
    html! {
        <details class="dictionary" id="dictionary">
            <summary>{ format!("Your dictionary ({})", props.dictionary.always.len() + props.dictionary.never.len()) }</summary>
            <p class="note">{"Applies to every article. Add names from a mark's bar above the article."}</p>
            if props.dictionary.is_empty() {
                <p class="none">{"No names yet."}</p>
            } else {
                <ul class="dict-rules">{ for rows }</ul>
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
