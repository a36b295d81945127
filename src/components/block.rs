//! One block of the article (see `crate::blocks`), with or without its
//! marks. Text is only ever rendered as text nodes: Yew escapes strings, and
//! nothing here sets inner HTML.

use pactlens_engine::offsets::{OffsetMap, Unit};
use pactlens_engine::{AgreementRecord, Annotation, Label, Mark, Source};
use yew::prelude::*;

use crate::blocks::{self, Block};
use crate::components::inspector::Target;
use crate::shared::{Shared, Text};

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

/// Props: one block of the article and what its marks need.
#[derive(Properties, PartialEq)]
pub struct BlockProps {
    /// The block's position in the article.
    pub index: usize,
    /// The whole article.
    pub text: Text,
    /// Which part of it this block is, and which marks.
    pub block: Block,
    /// Render the marks (else plain text).
    pub marked: bool,
    /// Marks for exactly this text.
    pub annotation: Shared<Annotation>,
    /// Offsets of the text, for the code-point positions marks carry.
    pub map: Shared<OffsetMap>,
    /// The agreement record whose mentions and parties to highlight.
    pub focused: Option<usize>,
    /// Called with the mark the reader focuses.
    pub on_target: Callback<Option<Target>>,
}

/// One block: plain text, or its text with its marks. A component of its
/// own so that a block whose props did not change is not rendered again
/// (scrolling a long article changes a few blocks, not all of them).
#[function_component(BlockView)]
pub fn block_view(props: &BlockProps) -> Html {
    let body = if props.marked {
        let view = MarkView {
            text: &props.text,
            map: &props.map,
            annotation: &props.annotation,
            record: props.focused.and_then(|i| props.annotation.agreements.get(i)),
            on_target: &props.on_target,
        };
        view.block(&props.block)
    } else {
        html! { { &props.text[props.block.text.clone()] } }
    };
    html! { <div class="block" data-block={props.index.to_string()}>{ body }</div> }
}

/// Renders a block with its marks.
struct MarkView<'a> {
    text: &'a str,
    map: &'a OffsetMap,
    annotation: &'a Annotation,
    record: Option<&'a AgreementRecord>,
    on_target: &'a Callback<Option<Target>>,
}

impl MarkView<'_> {
    /// The block's text with its marks as `<mark>` elements.
    fn block(&self, block: &Block) -> Html {
        let text = self.text;
        let mut nodes: Vec<Html> = Vec::with_capacity(block.marks.len() * 2 + 1);
        let mut at = block.text.start;
        for index in block.marks.clone() {
            let m = &self.annotation.marks[index];
            if !blocks::usable(text, m, at) || m.span.end > block.text.end {
                continue; // An annotation of an older text.
            }
            if m.span.start > at {
                nodes.push(html! { { &text[at..m.span.start] } });
            }
            nodes.push(self.mark(index, m));
            at = m.span.end;
        }
        if at < block.text.end {
            nodes.push(html! { { &text[at..block.text.end] } });
        }
        nodes.into_iter().collect::<Html>()
    }

    /// One mark, focusable, with its label, source and owner in its title.
    fn mark(&self, index: usize, m: &Mark) -> Html {
        let text = self.text;
        let mut title = format!("{} · {}", label_name(m.label), source_name(m.source));
        if let Some(owner) = &m.owner {
            title.push_str(&format!(" · owner: {owner}"));
        }
        if m.label != Label::Agreement && m.canonical != m.span.slice(text) {
            title.push_str(&format!(" · {}", m.canonical));
        }
        let focus = self.record.and_then(|r| {
            if r.mentions.contains(&index) {
                Some("focus")
            } else if m.label == Label::Company && r.parties.contains(&m.canonical) {
                Some("focus-party")
            } else {
                None
            }
        });
        let (start, end) = (
            self.map.from_byte(m.span.start, Unit::CodePoint),
            self.map.from_byte(m.span.end, Unit::CodePoint),
        );
        let onfocus = {
            let on_target = self.on_target.clone();
            Callback::from(move |_: FocusEvent| on_target.emit(Some(Target::Mark { start, end })))
        };
        html! {
            <mark class={classes!("m", label_class(m.label), focus, (m.source == Source::Reader).then_some("by-reader"))}
                data-label={m.label.as_str()} data-short={label_short(m.label)} title={title} id={format!("m{index}")}
                data-start={start.to_string()} data-end={end.to_string()} tabindex="0" {onfocus}>{ m.span.slice(text) }</mark>
        }
    }
}
