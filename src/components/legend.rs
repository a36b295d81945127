//! The key to the marks: colour plus a letter and an underline style, so
//! colour is never the only signal.

use yew::prelude::*;

/// The legend in the header.
#[function_component(Legend)]
pub fn legend() -> Html {
    html! {
        <ul class="legend" aria-label="Legend">
            <li><mark class="m m-company" data-short="C">{"Company"}</mark></li>
            <li><mark class="m m-product" data-short="P">{"Product"}</mark></li>
            <li><mark class="m m-agreement" data-short="A">{"Agreement"}</mark></li>
        </ul>
    }
}
