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
    /// Cancels the annotation under way.
    pub on_cancel: Callback<()>,
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
