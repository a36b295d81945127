//! Progress of a long annotation, with a way to cancel it; also says when
//! an annotation was cancelled or the annotator stopped.

use yew::prelude::*;

/// Props: what the annotator reports.
#[derive(Properties, PartialEq)]
pub struct ProgressProps {
    /// Share done of the annotation under way, if it is a long one.
    pub progress: Option<f32>,
    /// The reader cancelled and the marks are out of date.
    pub cancelled: bool,
    /// The annotator could not run.
    pub failed: bool,
    /// The annotator stopped on the current text.
    pub crashed: bool,
    /// ... on an earlier visit, so the saved text was not annotated.
    pub crashed_earlier: bool,
    /// Cancels the annotation under way.
    pub on_cancel: Callback<()>,
    /// Annotates the text that stopped the annotator once more.
    pub on_retry: Callback<()>,
}

/// The progress line above the article; empty when there is nothing to say.
#[function_component(Progress)]
pub fn progress(props: &ProgressProps) -> Html {
    if props.failed {
        return html! {
            <div class="progress failed" role="alert">
                {"The annotator stopped unexpectedly. Reload the page to try again; your text is kept."}
            </div>
        };
    }
    if props.crashed {
        let on_retry = props.on_retry.clone();
        let what = if props.crashed_earlier {
            "This text stopped the annotator on your last visit, so it was not annotated again."
        } else {
            "This text could not be annotated: the annotator stopped on it and has been restarted."
        };
        return html! {
            <div class="progress failed" role="alert" id="annotator-crashed">
                <span>{ what }{" The rest of the page still works, and your text and corrections are kept. Edit the text, or "}</span>
                <button type="button" id="retry" onclick={Callback::from(move |_| on_retry.emit(()))}>{"annotate it again"}</button>
                {"."}
            </div>
        };
    }
    if let Some(done) = props.progress {
        let percent = (done.clamp(0.0, 1.0) * 100.0).round() as u32;
        let on_cancel = props.on_cancel.clone();
        return html! {
            <div class="progress" role="status">
                <label for="annotate-progress">{ format!("Annotating… {percent}%") }</label>
                <progress id="annotate-progress" max="100" value={percent.to_string()}>{ format!("{percent}%") }</progress>
                <button type="button" id="cancel" onclick={Callback::from(move |_| on_cancel.emit(()))}>{"Cancel"}</button>
            </div>
        };
    }
    if props.cancelled {
        return html! {
            <div class="progress" role="status">{"Annotation cancelled: marks are from before the last change. Edit the text to annotate again."}</div>
        };
    }
    html! {}
}
