//! Agreement cards: one per record, each a button that highlights the
//! record's mentions and parties in the article.

use pactlens_engine::{AgreementKind, AgreementRecord, Annotation, Status};
use web_sys::KeyboardEvent;
use yew::prelude::*;

use crate::shared::{Shared, Text};

/// The reader-facing name of an agreement kind.
pub fn kind_name(kind: AgreementKind) -> &'static str {
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

/// The reader-facing status of a record.
pub fn status_name(status: Status) -> &'static str {
    match status {
        Status::Signed => "signed",
        Status::Agreed => "agreed",
        Status::Announced => "announced",
        Status::Completed => "completed",
        Status::Pending => "pending approval",
        Status::Proposed => "proposed",
        Status::Rumoured => "rumoured",
        Status::Failed => "failed",
        Status::Ended => "ended",
        Status::Mentioned => "mentioned",
    }
}

/// The first evidence sentence, shortened to about a line.
pub fn evidence_quote(text: &str, record: &AgreementRecord) -> Option<String> {
    let span = record.evidence.first()?;
    let sentence = text.get(span.start..span.end)?.trim();
    const MAX: usize = 160;
    if sentence.chars().count() <= MAX {
        return Some(sentence.to_string());
    }
    let cut: String = sentence.chars().take(MAX).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head);
    Some(format!("{cut}…"))
}

/// Click and key (Enter, Space) handlers that open record `index`, or close
/// it when it is `open`; cards and graph edges share them.
pub fn toggle_handlers(
    on_focus: &Callback<Option<usize>>,
    index: usize,
    open: bool,
) -> (Callback<MouseEvent>, Callback<KeyboardEvent>) {
    let toggle = {
        let on_focus = on_focus.clone();
        move || on_focus.emit(if open { None } else { Some(index) })
    };
    let onclick = {
        let toggle = toggle.clone();
        Callback::from(move |_: MouseEvent| toggle())
    };
    let onkeydown = Callback::from(move |e: KeyboardEvent| {
        if e.key() == "Enter" || e.key() == " " {
            e.prevent_default();
            toggle();
        }
    });
    (onclick, onkeydown)
}

/// Props: the text, its annotation, which card is open and how to open one.
#[derive(Properties, PartialEq)]
pub struct CardsProps {
    /// The article.
    pub text: Text,
    /// Its annotation.
    pub annotation: Shared<Annotation>,
    /// The open card (record index), if any.
    pub focused: Option<usize>,
    /// Called with the card to open, or `None` to close.
    pub on_focus: Callback<Option<usize>>,
}

/// The list of agreement cards.
#[function_component(AgreementCards)]
pub fn agreement_cards(props: &CardsProps) -> Html {
    let cards = props.annotation.agreements.iter().enumerate().map(|(i, r)| {
        let open = props.focused == Some(i);
        let (onclick, onkeydown) = toggle_handlers(&props.on_focus, i, open);
        html! {
            <li class={classes!("card", open.then_some("open"))} role="button" tabindex="0"
                aria-pressed={open.to_string()} data-record={i.to_string()} {onclick} {onkeydown}
                title="Show its mentions and parties in the article">
                <div class="parties">{ r.parties.join(" – ") }</div>
                <div class="meta">
                    <span class="kind">{ kind_name(r.kind) }</span>
                    <span class={classes!("status", (!r.status.is_made()).then_some("not-made"))}>{ status_name(r.status) }</span>
                    { for r.date.as_ref().map(|d| html! { <span class="date">{ d }</span> }) }
                    { for r.value.as_ref().map(|v| html! { <span class="value">{ v }</span> }) }
                    <span class="mentions">{ format!("{} mention{}", r.mentions.len(), if r.mentions.len() == 1 { "" } else { "s" }) }</span>
                </div>
                { for r.scope.as_ref().map(|s| html! { <div class="scope">{ format!("Covers: {s}") }</div> }) }
                { for evidence_quote(&props.text, r).map(|q| html! { <blockquote class="evidence">{ q }</blockquote> }) }
            </li>
        }
    });
    html! { <ul id="agreements" class="cards">{ for cards }</ul> }
}
