//! Export and share: every format is an engine function; this component
//! only offers the buttons, hands the result to the browser as a download,
//! and builds the share link.

use std::rc::Rc;

use pactlens_engine::export::{csv, html, markdown, share, w3c, DocumentJson, Edit};
use pactlens_engine::Annotation;
use wasm_bindgen::JsCast;
use web_sys::{Blob, BlobPropertyBag, HtmlAnchorElement, Url};
use yew::prelude::*;

use crate::error::AppError;
use crate::shared::{Shared, Text};

/// Props: what to export and where problems go. The export document is
/// built only when the reader asks for one, not on every keystroke.
#[derive(Properties, PartialEq)]
pub struct ToolbarProps {
    /// The article.
    pub text: Text,
    /// Its marks as the reader sees them (after edits).
    pub annotation: Shared<Annotation>,
    /// The reader's edits, listed in JSON exports and share links.
    pub edits: Rc<Vec<Edit>>,
    /// Called when an export or the link cannot be made.
    pub on_error: Callback<AppError>,
}

/// One export format.
#[derive(Clone, Copy, PartialEq)]
enum Format {
    Html,
    Json,
    W3c,
    Markdown,
    MarksCsv,
    AgreementsCsv,
}

impl Format {
    const ALL: [Format; 6] = [
        Format::Html,
        Format::Json,
        Format::W3c,
        Format::Markdown,
        Format::MarksCsv,
        Format::AgreementsCsv,
    ];

    fn label(self) -> &'static str {
        match self {
            Format::Html => "HTML page",
            Format::Json => "pactlens JSON",
            Format::W3c => "W3C annotations",
            Format::Markdown => "Markdown",
            Format::MarksCsv => "CSV: marks",
            Format::AgreementsCsv => "CSV: agreements",
        }
    }

    fn file(self) -> (&'static str, &'static str) {
        match self {
            Format::Html => ("pactlens.html", "text/html;charset=utf-8"),
            Format::Json => ("pactlens.json", "application/json"),
            Format::W3c => ("pactlens-annotations.jsonld", "application/ld+json"),
            Format::Markdown => ("pactlens.md", "text/markdown;charset=utf-8"),
            Format::MarksCsv => ("pactlens-marks.csv", "text/csv;charset=utf-8"),
            Format::AgreementsCsv => ("pactlens-agreements.csv", "text/csv;charset=utf-8"),
        }
    }

    fn render(self, doc: &DocumentJson) -> String {
        match self {
            Format::Html => html::to_html(doc),
            Format::Json => doc.to_json(),
            Format::W3c => w3c::to_w3c_string(doc, None),
            Format::Markdown => markdown::to_markdown(doc),
            Format::MarksCsv => csv::marks_csv(doc),
            Format::AgreementsCsv => csv::agreements_csv(doc),
        }
    }
}

/// Offers `contents` to the browser as a file download. Nothing leaves the
/// machine: the data goes into a local blob URL that is revoked at once.
pub fn download(name: &str, mime: &str, contents: &str) -> Result<(), String> {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(contents));
    let options = BlobPropertyBag::new();
    options.set_type(mime);
    let blob = Blob::new_with_str_sequence_and_options(&parts, &options).map_err(|_| "the browser refused the file")?;
    let url = Url::create_object_url_with_blob(&blob).map_err(|_| "the browser refused the file")?;
    let document = gloo::utils::document();
    let anchor: HtmlAnchorElement = document
        .create_element("a")
        .map_err(|_| "could not start the download")?
        .dyn_into()
        .map_err(|_| "could not start the download")?;
    anchor.set_href(&url);
    anchor.set_download(name);
    anchor.click();
    let _ = Url::revoke_object_url(&url);
    Ok(())
}

/// The page address with the share fragment.
fn share_url(fragment: &str) -> String {
    let location = gloo::utils::window().location();
    let base = format!(
        "{}{}",
        location.origin().unwrap_or_default(),
        location.pathname().unwrap_or_else(|_| "/".into())
    );
    format!("{base}{fragment}")
}

/// The export menu and the share box.
#[function_component(Toolbar)]
pub fn toolbar(props: &ToolbarProps) -> Html {
    let link = use_state(|| None::<String>);
    let copied = use_state(|| false);
    let empty = props.text.trim().is_empty();

    let buttons = Format::ALL.iter().map(|&format| {
        let (text, annotation, edits) = (props.text.clone(), props.annotation.clone(), props.edits.clone());
        let on_error = props.on_error.clone();
        let onclick = Callback::from(move |_| {
            let mut doc = DocumentJson::new(&text, &annotation);
            doc.edits = (*edits).clone();
            let (name, mime) = format.file();
            if let Err(why) = download(name, mime, &format.render(&doc)) {
                on_error.emit(AppError::Export(why.to_string()));
            }
        });
        html! { <button type="button" class="export" data-format={format.file().0} disabled={empty} {onclick}>{ format.label() }</button> }
    });

    let on_share = {
        let (text, edits) = (props.text.clone(), props.edits.clone());
        let link = link.clone();
        let copied = copied.clone();
        let on_error = props.on_error.clone();
        Callback::from(move |_| {
            let fragment = share::encode(&text, &edits);
            copied.set(false);
            if !share::fits_in_link(&fragment) {
                link.set(None);
                on_error.emit(AppError::LinkTooLong { chars: fragment.len() });
                return;
            }
            let url = share_url(&fragment);
            let clipboard = gloo::utils::window().navigator().clipboard();
            let promise = clipboard.write_text(&url);
            let copied = copied.clone();
            wasm_bindgen_futures::spawn_local(async move {
                copied.set(wasm_bindgen_futures::JsFuture::from(promise).await.is_ok());
            });
            link.set(Some(url));
        })
    };

    html! {
        <section class="toolbar" aria-label="Export and share">
            <div class="exports">
                <span class="toolbar-label">{"Export"}</span>
                { for buttons }
            </div>
            <div class="share">
                <button id="share" type="button" onclick={on_share} disabled={empty}>{"Copy share link"}</button>
                if let Some(url) = &*link {
                    <input id="share-link" type="text" readonly=true value={url.clone()} aria-label="Share link"
                        onfocus={Callback::from(|e: FocusEvent| {
                            if let Some(input) = e.target_dyn_into::<web_sys::HtmlInputElement>() { input.select(); }
                        })} />
                    <span class="share-note" aria-live="polite">
                        { if *copied { "Copied. The article travels inside the link; nothing is uploaded." }
                          else { "Select and copy the link. The article travels inside it; nothing is uploaded." } }
                    </span>
                }
            </div>
        </section>
    }
}
