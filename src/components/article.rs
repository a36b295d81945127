//! The article with its marks. Text is only ever rendered as text nodes:
//! Yew escapes strings, and nothing here sets inner HTML.

use std::cell::RefCell;
use std::collections::HashSet;
use std::rc::Rc;

use pactlens_engine::offsets::OffsetMap;
use pactlens_engine::Annotation;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{IntersectionObserver, IntersectionObserverEntry, IntersectionObserverInit};
use yew::prelude::*;

use crate::blocks;
use crate::components::block::BlockView;
use crate::components::inspector::Target;
use crate::shared::{Shared, Text};

/// Props: the text and the engine's annotation of it.
#[derive(Properties, PartialEq)]
pub struct ArticleProps {
    /// The article.
    pub text: Text,
    /// Marks for exactly this text.
    pub annotation: Shared<Annotation>,
    /// The agreement record whose mentions and parties to highlight.
    pub focused: Option<usize>,
    /// Called with the mark the reader focuses or clicks.
    pub on_target: Callback<Option<Target>>,
    /// The annotation is for an earlier version of the text.
    pub pending: bool,
}

/// Articles of at least this many bytes render marks only in the blocks
/// near the screen: the browser's style and layout work for tens of
/// thousands of marks would otherwise block the page for seconds.
pub const VIRTUAL_FROM: usize = 64 * 1024;

/// How far beyond the screen blocks count as near: about two screens, so
/// marks are in place before scrolling reaches them.
const NEAR_MARGIN: &str = "1500px 0px";

/// The indexes of the blocks near the screen, kept up to date by an
/// `IntersectionObserver` while the article is long; empty otherwise.
#[hook]
fn use_near_blocks(observe: bool, count: usize) -> Rc<HashSet<usize>> {
    let near = use_state(|| Rc::new(HashSet::new()));
    {
        let near = near.clone();
        use_effect_with((observe, count), move |&(observe, _)| {
            let watch = observe.then(|| BlockWatch::start(near)).flatten();
            move || drop(watch)
        });
    }
    (*near).clone()
}

/// An observer of every block of the article, reporting the set near the
/// screen; it stops when dropped.
struct BlockWatch {
    observer: IntersectionObserver,
    _callback: Closure<dyn FnMut(js_sys::Array)>,
}

impl BlockWatch {
    fn start(near: UseStateHandle<Rc<HashSet<usize>>>) -> Option<Self> {
        let seen = RefCell::new(HashSet::new());
        let callback = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
            let mut set = seen.borrow_mut();
            let mut changed = false;
            for entry in entries.iter() {
                let Ok(entry) = entry.dyn_into::<IntersectionObserverEntry>() else {
                    continue;
                };
                let index = entry
                    .target()
                    .get_attribute("data-block")
                    .and_then(|v| v.parse::<usize>().ok());
                if let Some(index) = index {
                    changed |= if entry.is_intersecting() {
                        set.insert(index)
                    } else {
                        set.remove(&index)
                    };
                }
            }
            if changed {
                near.set(Rc::new(set.clone()));
            }
        });
        let options = IntersectionObserverInit::new();
        options.set_root_margin(NEAR_MARGIN);
        let observer = IntersectionObserver::new_with_options(callback.as_ref().unchecked_ref(), &options).ok()?;
        let blocks = gloo::utils::document().query_selector_all("#article > .block").ok()?;
        for i in 0..blocks.length() {
            if let Some(el) = blocks.item(i).and_then(|n| n.dyn_into::<web_sys::Element>().ok()) {
                observer.observe(&el);
            }
        }
        Some(BlockWatch {
            observer,
            _callback: callback,
        })
    }
}

impl Drop for BlockWatch {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}

/// The annotated article, or a short hint when there is no text yet.
///
/// The text is cut into blocks of whole paragraphs. A short article renders
/// every block with its marks; a long one renders marks only in the blocks
/// near the screen and in those holding the open agreement's mentions, and
/// the rest as plain text that the browser skips laying out until it is
/// scrolled to (`content-visibility: auto`). Either way the article's text
/// content is exactly the text.
#[function_component(ArticleView)]
pub fn article_view(props: &ArticleProps) -> Html {
    let blocks = use_memo((props.text.clone(), props.annotation.clone()), |(text, a)| {
        blocks::blocks(text, &a.marks)
    });
    let map = use_memo(props.text.clone(), |text| OffsetMap::new(text));
    let long = props.text.len() >= VIRTUAL_FROM;
    let near = use_near_blocks(long, blocks.len());
    let text: &str = &props.text;
    if text.trim().is_empty() {
        return html! {
            <article id="article" class="article empty">
                <p>{"Your annotated article appears here. Paste one above or press “Try a sample”."}</p>
            </article>
        };
    }
    let record = props.focused.and_then(|i| props.annotation.agreements.get(i));
    let opened: HashSet<usize> = record
        .map(|r| {
            r.mentions
                .iter()
                .filter_map(|&m| blocks::block_of_mark(&blocks, m))
                .collect()
        })
        .unwrap_or_default();
    let map = Shared::from(map);
    let rendered = blocks.iter().enumerate().map(|(i, block)| {
        let marked = !long || near.contains(&i) || opened.contains(&i);
        html! {
            <BlockView key={i} index={i} text={props.text.clone()} block={block.clone()} {marked}
                annotation={props.annotation.clone()} map={map.clone()}
                focused={if marked { props.focused } else { None }} on_target={props.on_target.clone()} />
        }
    });
    html! {
        <article id="article" class={classes!("article", long.then_some("long"))} aria-label="Annotated article"
            aria-busy={props.pending.to_string()} data-pending={props.pending.to_string()}>{ for rendered }</article>
    }
}
