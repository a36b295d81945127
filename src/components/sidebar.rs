//! The summary beside the article: companies with counts, products under
//! their owners, and the agreements found.

use std::rc::Rc;

use pactlens_engine::{AgreementKind, Annotation, Status};
use yew::prelude::*;

/// Props: the annotation to sum up.
#[derive(Properties, PartialEq)]
pub struct SidebarProps {
    /// The engine's output for the current text.
    pub annotation: Rc<Annotation>,
}

fn kind_name(kind: AgreementKind) -> &'static str {
    match kind {
        AgreementKind::Partnership => "partnership",
        AgreementKind::Mou => "memorandum of understanding",
        AgreementKind::Licensing => "licensing",
        AgreementKind::Acquisition => "acquisition",
        AgreementKind::Merger => "merger",
        AgreementKind::JointVenture => "joint venture",
        AgreementKind::Investment => "investment",
        AgreementKind::Supply => "supply",
        AgreementKind::Distribution => "distribution",
        AgreementKind::Collaboration => "collaboration",
        AgreementKind::Settlement => "settlement",
        AgreementKind::Other => "agreement",
    }
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
    let agreements = props.annotation.agreements.iter().map(|r| {
        let status = match r.status {
            Status::Made => "reported as made",
            Status::Mentioned => "mentioned",
        };
        html! {
            <li class="card" tabindex="0">
                <div class="parties">{ r.parties.join(" – ") }</div>
                <div class="meta">
                    <span class="kind">{ kind_name(r.kind) }</span>
                    <span class="status">{ status }</span>
                    { for r.date.as_ref().map(|d| html! { <span class="date">{ d }</span> }) }
                    <span class="mentions">{ format!("{} mention(s)", r.mentions.len()) }</span>
                </div>
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
                else { <ul id="agreements" class="cards">{ for agreements }</ul> }
            </section>
        </aside>
    }
}
