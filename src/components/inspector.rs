//! The bar above the article that acts on the focused mark or the selected
//! text: relabel, remove, mark, add to the dictionary, undo and redo. Every
//! button has a key (C, P, A, Delete; Ctrl+Z, Ctrl+Shift+Z).

use pactlens_engine::export::Edit;
use pactlens_engine::offsets::{OffsetMap, Unit};
use pactlens_engine::{Annotation, Label, Source};
use yew::prelude::*;

use crate::shared::{Shared, Text};
use crate::state::Action;

/// What the inspector acts on.
#[derive(Debug, Clone, PartialEq)]
pub enum Target {
    /// A mark, by its code-point range.
    Mark {
        /// First code point.
        start: usize,
        /// One past the last.
        end: usize,
    },
    /// Selected text (code points, snapped to words).
    Selection((usize, usize)),
}

impl Target {
    /// The code-point range.
    pub fn range(&self) -> (usize, usize) {
        match *self {
            Target::Mark { start, end } => (start, end),
            Target::Selection(r) => r,
        }
    }
}

/// Props: the text and marks, the target, and where actions go.
#[derive(Properties, PartialEq)]
pub struct InspectorProps {
    /// The article.
    pub text: Text,
    /// Marks after the reader's edits.
    pub annotation: Shared<Annotation>,
    /// The focused mark or selection.
    pub target: Option<Target>,
    /// Undo is possible.
    pub can_undo: bool,
    /// Redo is possible.
    pub can_redo: bool,
    /// Where actions go.
    pub dispatch: Callback<Action>,
    /// Called to clear the target after acting.
    pub on_target: Callback<Option<Target>>,
}

fn label_name(label: Label) -> &'static str {
    match label {
        Label::Company => "Company",
        Label::Product => "Product",
        Label::Agreement => "Agreement",
    }
}

/// The inspector bar.
#[function_component(Inspector)]
pub fn inspector(props: &InspectorProps) -> Html {
    let undo = {
        let d = props.dispatch.clone();
        Callback::from(move |_| d.emit(Action::Undo))
    };
    let redo = {
        let d = props.dispatch.clone();
        Callback::from(move |_| d.emit(Action::Redo))
    };
    let history = html! {
        <span class="history">
            <button type="button" id="undo" onclick={undo} disabled={!props.can_undo} title="Undo (Ctrl+Z)">{"Undo"}</button>
            <button type="button" id="redo" onclick={redo} disabled={!props.can_redo} title="Redo (Ctrl+Shift+Z)">{"Redo"}</button>
        </span>
    };
    let Some(target) = props.target.clone() else {
        return html! {
            <div class="inspector idle" aria-live="polite">
                <span class="hint">{"Select words in the article and press C, P or A to mark them. Tab to a mark, then C, P, A or Delete; arrows move between marks."}</span>
                { history }
            </div>
        };
    };
    let (start, end) = target.range();
    let map = OffsetMap::new(&props.text);
    let (Some(bs), Some(be)) = (map.to_byte(start, Unit::CodePoint), map.to_byte(end, Unit::CodePoint)) else {
        return html! { <div class="inspector idle">{ history }</div> };
    };
    let surface = props.text[bs..be].to_string();
    let mark = props
        .annotation
        .marks
        .iter()
        .find(|m| m.span.start == bs && m.span.end == be);
    let act = |action: Action, clear: bool| {
        let (d, t) = (props.dispatch.clone(), props.on_target.clone());
        Callback::from(move |_: MouseEvent| {
            d.emit(action.clone());
            if clear {
                t.emit(None);
            }
        })
    };
    let is_mark = matches!(target, Target::Mark { .. }) && mark.is_some();
    let label_buttons = [Label::Company, Label::Product, Label::Agreement].map(|label| {
        let edit = if is_mark { Edit::Relabel { start, end, label } } else { Edit::Add { start, end, label } };
        let current = mark.is_some_and(|m| m.label == label);
        let key = &label_name(label)[..1];
        html! {
            <button type="button" class={classes!("label-button", current.then_some("current"))} data-label={label.as_str()}
                aria-pressed={current.to_string()} onclick={act(Action::Edit(edit), !is_mark)}
                title={format!("{} ({key})", label_name(label))}>
                { label_name(label) }<kbd>{ key }</kbd>
            </button>
        }
    });
    let about = match mark {
        Some(m) => {
            let source = match m.source {
                Source::Lexicon => "from the lexicon",
                Source::LegalSuffix => "from its legal suffix",
                Source::Context => "from how the article describes it",
                Source::Document => "named so elsewhere in the article",
                Source::Model => "from the learned model",
                Source::AgreementRule => "from agreement wording",
                Source::Reader => "marked by you",
            };
            format!("“{surface}” · {} · {source}", label_name(m.label))
        }
        None => format!("“{surface}” · not marked"),
    };
    html! {
        <div class="inspector" role="toolbar" aria-label="Change the mark">
            <span class="about">{ about }</span>
            { for label_buttons }
            if is_mark {
                <button type="button" id="remove-mark" onclick={act(Action::Edit(Edit::Remove { start, end }), true)} title="Remove (Delete)">{"Remove"}<kbd>{"Del"}</kbd></button>
            }
            <span class="dict-actions">
                if let Some(m) = mark {
                    <button type="button" id="always-mark" onclick={act(Action::Always(surface.clone(), m.label), false)}>
                        { format!("Always mark “{surface}”") }
                    </button>
                }
                <button type="button" id="never-mark" onclick={act(Action::Never(surface.clone()), true)}>
                    { format!("Never mark “{surface}”") }
                </button>
            </span>
            { history }
        </div>
    }
}
