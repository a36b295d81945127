//! Where the article comes in: paste or type, drop or open a text file, or
//! load the sample.

use std::cell::RefCell;

use gloo::file::File;
use gloo::timers::callback::Timeout;
use web_sys::{DragEvent, HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use pactlens_engine::export::{DocumentJson, Edit};

use crate::error::{AppError, FileProblem, MAX_TEXT_BYTES};
use crate::shared::Text;

/// Props: the current text and where changes and problems go.
#[derive(Properties, PartialEq)]
pub struct InputProps {
    /// The article as it stands.
    pub text: Text,
    /// Called with the new text after a keystroke or paste (for a long
    /// text, after a pause in typing).
    pub on_text: Callback<Text>,
    /// Called with a whole new document (sample, file, import, clear).
    pub on_load: Callback<(String, Vec<Edit>)>,
    /// Called when a file or the sample cannot be used.
    pub on_error: Callback<AppError>,
}

/// Texts at least this long (in UTF-16 units, as the text area counts) are
/// read after a pause in typing, not on every keystroke: reading a long text
/// area's value into wasm costs milliseconds each time, and the engine would
/// only be asked about the newest text anyway.
const READ_AFTER_PAUSE_FROM: u32 = 64 * 1024;

/// The pause, in milliseconds.
const PAUSE_MS: u32 = 150;

/// What the text area's handlers share: the text shown, the text last sent
/// up, the read waiting for a pause, and where texts and problems go (the
/// latest props', so a delayed read never calls an old callback).
#[derive(Default)]
struct AreaState {
    shown: Text,
    sent: Option<Text>,
    /// The read waiting for a pause (replacing it cancels it). When the
    /// page goes away first, `autosave` reads the text area itself.
    pending: Option<Timeout>,
    on_text: Callback<Text>,
    on_error: Callback<AppError>,
}

/// Reads the text area and sends its text up, or refuses a text over the
/// size limit and puts back what the reader had.
fn read_area(area: &HtmlTextAreaElement, state: &RefCell<AreaState>) {
    let value = area.value();
    let (on_text, on_error, shown) = {
        let s = state.borrow();
        (s.on_text.clone(), s.on_error.clone(), s.shown.clone())
    };
    if value.len() > MAX_TEXT_BYTES {
        area.set_value(&shown);
        on_error.emit(AppError::TooLong { bytes: value.len() });
        return;
    }
    let text: Text = Text::from(value);
    state.borrow_mut().sent = Some(text.clone());
    on_text.emit(text);
}

/// The input pane. The text area is not bound to the text on every render
/// (that would copy a long text out of the page on each one): the pane
/// writes a text into it only when the text came from elsewhere (a file,
/// the sample, undo, a reload).
#[function_component(InputPane)]
pub fn input_pane(props: &InputProps) -> Html {
    let dragging = use_state(|| false);
    let area_ref = use_node_ref();
    let state = use_mut_ref(AreaState::default);
    {
        let mut s = state.borrow_mut();
        s.shown = props.text.clone();
        s.on_text = props.on_text.clone();
        s.on_error = props.on_error.clone();
    }
    {
        let (area_ref, state) = (area_ref.clone(), state.clone());
        use_effect_with(props.text.clone(), move |text| {
            let mut s = state.borrow_mut();
            if !s.sent.as_ref().is_some_and(|sent| sent == text) {
                s.pending = None; // A read now would send the replaced text.
                if let Some(area) = area_ref.cast::<HtmlTextAreaElement>() {
                    area.set_value(text);
                }
            }
        });
    }
    let oninput = {
        let state = state.clone();
        Callback::from(move |e: InputEvent| {
            let area: HtmlTextAreaElement = e.target_unchecked_into();
            if area.text_length() < READ_AFTER_PAUSE_FROM {
                state.borrow_mut().pending = None;
                read_area(&area, &state);
                return;
            }
            let read = {
                let state = state.clone();
                move || read_area(&area, &state)
            };
            state.borrow_mut().pending = Some(Timeout::new(PAUSE_MS, read));
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

    let words = *use_memo(props.text.clone(), |t| t.split_whitespace().count());
    html! {
        <div class={classes!("input-pane", dragging.then_some("dragging"))} {ondragover} {ondragleave} {ondrop}>
            <label for="input" class="input-label">{"Paste an article, or drop a .txt or pactlens .json file here"}</label>
            <textarea id="input" ref={area_ref} rows="7" spellcheck="false" {oninput}
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
