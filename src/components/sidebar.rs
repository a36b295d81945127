//! The summary beside the article: companies with counts, products under
//! their owners, and the agreements found.

use pactlens_engine::Annotation;
use yew::prelude::*;

use crate::components::cards::AgreementCards;
use crate::components::graph::PartnerGraph;
use crate::shared::{Shared, Text};

/// Props: the text and annotation to sum up, and the open agreement card.
#[derive(Properties, PartialEq)]
pub struct SidebarProps {
    /// The article.
    pub text: Text,
    /// The engine's output for the current text.
    pub annotation: Shared<Annotation>,
    /// The open agreement card, if any.
    pub focused: Option<usize>,
    /// Called with the card to open or `None` to close.
    pub on_focus: Callback<Option<usize>>,
}

/// The sidebar.
#[function_component(Sidebar)]
pub fn sidebar(props: &SidebarProps) -> Html {
    let summary = use_memo(props.annotation.clone(), |a| a.summary());
    let companies = summary.companies.iter().map(|c| {
        html! {
            <li data-name={c.name.clone()}>
                <span class="name">{ &c.name }</span>
                <span class="count" title="mentions">{ c.count }</span>
            </li>
        }
    });
    let products = summary.products.iter().map(|group| {
        let owner = group.owner.clone().unwrap_or_else(|| "Owner not stated".to_string());
        html! {
            <li class="owner-group" data-owner={owner.clone()}>
                <span class="owner">{ owner }</span>
                <ul>
                    { for group.products.iter().map(|p| html! {
                        <li data-name={p.name.clone()}>
                            <span class="name">{ &p.name }</span>
                            <span class="count" title="mentions">{ p.count }</span>
                        </li>
                    }) }
                </ul>
            </li>
        }
    });
    let empty = |what: &str| html! { <p class="none">{ format!("No {what} found yet.") }</p> };
    html! {
        <aside id="sidebar" class="sidebar" aria-label="Summary">
            <section>
                <h2>{"Companies"}</h2>
                if summary.companies.is_empty() { { empty("companies") } }
                else { <ul id="companies" class="counts">{ for companies }</ul> }
            </section>
            <section>
                <h2>{"Products by owner"}</h2>
                if summary.products.is_empty() { { empty("products") } }
                else { <ul id="products" class="groups">{ for products }</ul> }
            </section>
            <section>
                <h2>{"Agreements"}</h2>
                if props.annotation.agreements.is_empty() { { empty("agreements") } }
                else {
                    <PartnerGraph annotation={props.annotation.clone()} focused={props.focused} on_focus={props.on_focus.clone()} />
                    <AgreementCards text={props.text.clone()} annotation={props.annotation.clone()}
                        focused={props.focused} on_focus={props.on_focus.clone()} />
                }
            </section>
        </aside>
    }
}
