//! Messages about things that went wrong, each dismissable.

use yew::prelude::*;

use crate::error::AppError;

/// Props: the messages and how to dismiss one.
#[derive(Properties, PartialEq)]
pub struct BannerProps {
    /// Current problems, oldest first.
    pub errors: Vec<AppError>,
    /// Called with the index of the message to drop.
    pub on_dismiss: Callback<usize>,
}

/// A stack of alert banners; empty when all is well.
#[function_component(Banner)]
pub fn banner(props: &BannerProps) -> Html {
    if props.errors.is_empty() {
        return html! {};
    }
    html! {
        <div class="banners">
            { for props.errors.iter().enumerate().map(|(i, e)| {
                let on_dismiss = props.on_dismiss.clone();
                html! {
                    <div class="banner" role="alert">
                        <span>{ e.to_string() }</span>
                        <button class="dismiss" aria-label="Dismiss" onclick={Callback::from(move |_| on_dismiss.emit(i))}>{"×"}</button>
                    </div>
                }
            }) }
        </div>
    }
}
