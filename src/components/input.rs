//! Where the article comes in: paste or type, drop or open a text file, or
//! load the sample.

use gloo::file::File;
use web_sys::{DragEvent, HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use pactlens_engine::export::{DocumentJson, Edit};

use crate::error::{AppError, FileProblem, MAX_TEXT_BYTES};

/// Props: the current text and where changes and problems go.
#[derive(Properties, PartialEq)]
pub struct InputProps {
    /// The article as it stands.
    pub text: String,
    /// Called with the new text after every keystroke or paste.
    pub on_text: Callback<String>,
    /// Called with a whole new document (sample, file, import, clear).
    pub on_load: Callback<(String, Vec<Edit>)>,
    /// Called when a file or the sample cannot be used.
    pub on_error: Callback<AppError>,
}

/// The input pane.
#[function_component(InputPane)]
pub fn input_pane(props: &InputProps) -> Html {
    let dragging = use_state(|| false);

    let oninput = {
        let on_text = props.on_text.clone();
        let on_error = props.on_error.clone();
        let current = props.text.clone();
        Callback::from(move |e: InputEvent| {
            let area: HtmlTextAreaElement = e.target_unchecked_into();
            let value = area.value();
            if value.len() > MAX_TEXT_BYTES {
                // Refuse the paste but keep what the reader had.
                area.set_value(&current);
                on_error.emit(AppError::TooLong { bytes: value.len() });
                return;
            }
            on_text.emit(value);
        })
    };
    let on_sample = {
        let on_text = props.on_load.clone();
        let on_error = props.on_error.clone();
        Callback::from(move |_| {
            let on_text = on_text.clone();
            let on_error = on_error.clone();
            wasm_bindgen_futures::spawn_local(async move {
                match fetch_sample().await {
                    Ok(text) => on_text.emit((text, Vec::new())),
                    Err(why) => on_error.emit(AppError::Sample(why)),
                }
            });
        })
    };
    let on_clear = {
        let on_load = props.on_load.clone();
        Callback::from(move |_| on_load.emit((String::new(), Vec::new())))
    };
    let ondragover = {
        let dragging = dragging.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            dragging.set(true);
        })
    };
    let ondragleave = {
        let dragging = dragging.clone();
        Callback::from(move |_: DragEvent| dragging.set(false))
    };
    let ondrop = {
        let dragging = dragging.clone();
        let on_text = props.on_load.clone();
        let on_error = props.on_error.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            dragging.set(false);
            let file = e
                .data_transfer()
                .and_then(|dt| dt.files())
                .and_then(|files| files.get(0));
            if let Some(file) = file {
                load_file(File::from(file), on_text.clone(), on_error.clone());
            }
        })
    };
    let onchange_file = {
        let on_text = props.on_load.clone();
        let on_error = props.on_error.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            if let Some(file) = input.files().and_then(|files| files.get(0)) {
                load_file(File::from(file), on_text.clone(), on_error.clone());
            }
            input.set_value("");
        })
    };

    let words = props.text.split_whitespace().count();
    html! {
        <div class={classes!("input-pane", dragging.then_some("dragging"))} {ondragover} {ondragleave} {ondrop}>
            <label for="input" class="input-label">{"Paste an article, or drop a .txt or pactlens .json file here"}</label>
            <textarea id="input" rows="7" spellcheck="false" value={props.text.clone()} {oninput}
                placeholder="Microsoft and Xiaomi have signed a memorandum of understanding…" />
            <div class="input-actions">
                <button id="sample" type="button" onclick={on_sample}>{"Try a sample"}</button>
                <label class="file-button">
                    {"Open a file"}
                    <input id="file" type="file" accept=".txt,.md,.json,text/plain,application/json" onchange={onchange_file} />
                </label>
                <button id="clear" type="button" onclick={on_clear} disabled={props.text.is_empty()}>{"Clear"}</button>
                <span class="word-count" aria-live="polite">{ format!("{words} words") }</span>
            </div>
        </div>
    }
}

async fn fetch_sample() -> Result<String, String> {
    let response = gloo::net::http::Request::get("sample.txt")
        .send()
        .await
        .map_err(|e| e.to_string())?;
    if !response.ok() {
        return Err(format!("HTTP {}", response.status()));
    }
    response.text().await.map_err(|e| e.to_string())
}

/// Reads a dropped or opened file: pactlens JSON is imported with its
/// edits; anything else must be UTF-8 text. Huge or binary files are refused.
fn load_file(file: File, on_load: Callback<(String, Vec<Edit>)>, on_error: Callback<AppError>) {
    let name = file.name();
    let size = file.size();
    if size > MAX_TEXT_BYTES as u64 {
        on_error.emit(AppError::File(FileProblem::TooLarge { name, bytes: size }));
        return;
    }
    wasm_bindgen_futures::spawn_local(async move {
        match gloo::file::futures::read_as_bytes(&file).await {
            Ok(bytes) => match text_from_bytes(bytes) {
                Some(text) if name.to_lowercase().ends_with(".json") => match DocumentJson::from_json(&text) {
                    Ok(doc) => on_load.emit((doc.text, doc.edits)),
                    Err(e) => on_error.emit(AppError::Import(e.to_string())),
                },
                Some(text) => on_load.emit((text, Vec::new())),
                None => on_error.emit(AppError::File(FileProblem::NotText { name })),
            },
            Err(e) => on_error.emit(AppError::File(FileProblem::Unreadable {
                name,
                reason: e.to_string(),
            })),
        }
    });
}

/// UTF-8 text without NUL bytes, or `None` for binary data.
fn text_from_bytes(bytes: Vec<u8>) -> Option<String> {
    if bytes.contains(&0) {
        return None;
    }
    String::from_utf8(bytes).ok()
}
