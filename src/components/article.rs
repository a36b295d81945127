//! The article with its marks. Text is only ever rendered as text nodes:
//! Yew escapes strings, and nothing here sets inner HTML.

use std::rc::Rc;

use pactlens_engine::offsets::{OffsetMap, Unit};
use pactlens_engine::{Annotation, Label, Source};
use yew::prelude::*;

use crate::components::inspector::Target;

/// Props: the text and the engine's annotation of it.
#[derive(Properties, PartialEq)]
pub struct ArticleProps {
    /// The article.
    pub text: String,
    /// Marks for exactly this text.
    pub annotation: Rc<Annotation>,
    /// The agreement record whose mentions and parties to highlight.
    pub focused: Option<usize>,
    /// Called with the mark the reader focuses or clicks.
    pub on_target: Callback<Option<Target>>,
    /// The annotation is for an earlier version of the text.
    pub pending: bool,
}

fn label_class(label: Label) -> &'static str {
    match label {
        Label::Company => "m-company",
        Label::Product => "m-product",
        Label::Agreement => "m-agreement",
    }
}

fn label_short(label: Label) -> &'static str {
    match label {
        Label::Company => "C",
        Label::Product => "P",
        Label::Agreement => "A",
    }
}

fn label_name(label: Label) -> &'static str {
    match label {
        Label::Company => "Company",
        Label::Product => "Product",
        Label::Agreement => "Agreement",
    }
}

fn source_name(source: Source) -> &'static str {
    match source {
        Source::Lexicon => "lexicon",
        Source::LegalSuffix => "rule: legal suffix",
        Source::Context => "rule: how the article describes it",
        Source::Document => "named elsewhere in this article",
        Source::Model => "learned model",
        Source::AgreementRule => "rule: agreement wording",
        Source::Reader => "you",
    }
}

/// The annotated article, or a short hint when there is no text yet.
#[function_component(ArticleView)]
pub fn article_view(props: &ArticleProps) -> Html {
    let text = props.text.as_str();
    if text.trim().is_empty() {
        return html! {
            <article id="article" class="article empty">
                <p>{"Your annotated article appears here. Paste one above or press “Try a sample”."}</p>
            </article>
        };
    }
    let record = props.focused.and_then(|i| props.annotation.agreements.get(i));
    let map = OffsetMap::new(text);
    let mut nodes: Vec<Html> = Vec::with_capacity(props.annotation.marks.len() * 2 + 1);
    let mut at = 0;
    for (index, m) in props.annotation.marks.iter().enumerate() {
        if m.span.start < at || m.span.end > text.len() {
            continue; // Stale annotation for another text: never slice out of bounds.
        }
        if m.span.start > at {
            nodes.push(html! { { &text[at..m.span.start] } });
        }
        let mut title = format!("{} · {}", label_name(m.label), source_name(m.source));
        if let Some(owner) = &m.owner {
            title.push_str(&format!(" · owner: {owner}"));
        }
        if m.label != Label::Agreement && m.canonical != m.span.slice(text) {
            title.push_str(&format!(" · {}", m.canonical));
        }
        let focus = record.and_then(|r| {
            if r.mentions.contains(&index) {
                Some("focus")
            } else if m.label == Label::Company && r.parties.contains(&m.canonical) {
                Some("focus-party")
            } else {
                None
            }
        });
        let (start, end) = (
            map.from_byte(m.span.start, Unit::CodePoint),
            map.from_byte(m.span.end, Unit::CodePoint),
        );
        let onfocus = {
            let on_target = props.on_target.clone();
            Callback::from(move |_: FocusEvent| on_target.emit(Some(Target::Mark { start, end })))
        };
        nodes.push(html! {
            <mark class={classes!("m", label_class(m.label), focus, (m.source == Source::Reader).then_some("by-reader"))}
                data-label={m.label.as_str()} data-short={label_short(m.label)} title={title} id={format!("m{index}")}
                data-start={start.to_string()} data-end={end.to_string()} tabindex="0" {onfocus}>{ m.span.slice(text) }</mark>
        });
        at = m.span.end;
    }
    if at < text.len() {
        nodes.push(html! { { &text[at..] } });
    }
    html! {
        <article id="article" class="article" aria-label="Annotated article" aria-busy={props.pending.to_string()}
            data-pending={props.pending.to_string()}>{ for nodes }</article>
    }
}
