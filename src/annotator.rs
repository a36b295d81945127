//! Annotation off the main thread: a hook that sends the text to the
//! annotation worker and hands back its latest result, with progress.
//!
//! At most one request is in flight: while the worker is busy, only the
//! newest text waits (older ones are never sent), so fast typing in a long
//! article does not pile up work. Cancel terminates the worker and starts a
//! fresh one.
//!
//! If the worker dies on a text (a bug in the engine), that text is reported
//! once, remembered in storage (so a reload does not feed it to the worker
//! again) and not sent again until the reader asks; a fresh worker is
//! started, and the next edit or paste is annotated as usual.

use std::cell::RefCell;
use std::rc::Rc;

use pactlens_engine::Annotation;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{MessageEvent, Worker};
use yew::prelude::*;

use crate::protocol::{Reply, Request};
use crate::shared::{Shared, Text};
use crate::storage;

/// Where Trunk puts the worker's loader script.
const WORKER_URL: &str = "./pactlens-worker_loader.js";

/// Texts of at least this many bytes wait [`REST_MS`] after the previous
/// result before they are sent.
const REST_FROM: usize = 64 * 1024;

/// How long, in milliseconds.
const REST_MS: u32 = 300;

/// What the page shows of the annotation.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Annotated {
    /// The text the annotation belongs to (may lag behind the article).
    pub text: Text,
    /// The engine's output for `text`.
    pub annotation: Shared<Annotation>,
    /// Share done of a long annotation under way, if any.
    pub progress: Option<f32>,
    /// The reader cancelled the last annotation.
    pub cancelled: bool,
    /// The worker could not be started.
    pub failed: bool,
    /// The worker stopped while annotating this text (now, or on an earlier
    /// visit: see `crashed_earlier`); it is not sent again until the reader
    /// asks.
    pub crashed: Option<Text>,
    /// The crash was on an earlier visit: the saved text was not annotated.
    pub crashed_earlier: bool,
}

/// The worker and what is in flight; shared by the hook and the worker's
/// message handler.
#[derive(Default)]
struct Channel {
    worker: Option<Worker>,
    /// The worker said it is listening.
    ready: bool,
    /// Id and text of the request in flight.
    in_flight: Option<(u64, Text)>,
    next_id: u64,
    /// The newest text that arrived while the worker was busy.
    waiting: Option<Text>,
    /// What the page shows; the hook re-renders after each change.
    shown: Annotated,
    /// The first text has been seen (checked against a crash remembered
    /// from an earlier visit).
    started: bool,
    /// A long result just arrived: the next long text waits [`REST_MS`].
    resting: bool,
    handlers: Vec<Closure<dyn FnMut(MessageEvent)>>,
    /// Handlers of a worker that died, kept until the next one is running:
    /// the error handler that replaces the worker is one of them, and a
    /// closure must not be dropped while it runs.
    retired: Vec<Closure<dyn FnMut(MessageEvent)>>,
}

type ChannelRef = Rc<RefCell<Channel>>;

/// Sends `text` now if the worker is ready and idle, else keeps it as the
/// text to send next.
fn submit(channel: &ChannelRef, text: Text) {
    {
        let mut c = channel.borrow_mut();
        if !std::mem::replace(&mut c.started, true) && !text.is_empty() && storage::is_failed_text(&text) {
            c.shown.crashed = Some(text.clone());
            c.shown.crashed_earlier = true;
        }
        // The text that stopped the worker is not sent again by itself.
        if c.shown.crashed.as_ref().is_some_and(|t| **t == *text) {
            c.waiting = None;
            return;
        }
    }
    let idle = {
        let c = channel.borrow();
        c.ready && c.in_flight.is_none() && !c.resting
    };
    if idle {
        send(channel, text);
    } else {
        channel.borrow_mut().waiting = Some(text);
    }
}

fn send(channel: &ChannelRef, text: Text) {
    let mut c = channel.borrow_mut();
    c.next_id += 1;
    let id = c.next_id;
    let json = serde_json::to_string(&Request {
        id,
        text: std::borrow::Cow::Borrowed(&text),
    });
    let sent = match (&c.worker, json) {
        (Some(worker), Ok(json)) => worker.post_message(&JsValue::from_str(&json)).is_ok(),
        _ => false,
    };
    c.in_flight = sent.then_some((id, text));
    if !sent {
        c.shown.failed = true;
    }
}

fn on_reply(channel: &ChannelRef, reply: Reply) {
    let mut c = channel.borrow_mut();
    let current = c.in_flight.as_ref().map(|(id, _)| *id);
    match reply {
        Reply::Ready => {
            c.ready = true;
            if let Some(text) = c.waiting.take() {
                drop(c);
                send(channel, text);
            }
        }
        Reply::Progress { id, done } if Some(id) == current => c.shown.progress = Some(done),
        Reply::Progress { .. } => {}
        Reply::Done { id, annotation } if Some(id) == current => {
            if let Some((_, text)) = c.in_flight.take() {
                if c.shown.crashed.is_some() {
                    storage::forget_failed_text();
                }
                c.shown = Annotated {
                    text,
                    annotation: Shared::new(annotation),
                    ..Annotated::default()
                };
            }
            if let Some(text) = c.waiting.take() {
                if text.len() >= REST_FROM {
                    // Let the page draw this result before the worker takes
                    // the next long text: on a two-core machine the two would
                    // otherwise share the cores, and typing would stutter.
                    c.waiting = Some(text);
                    c.resting = true;
                    drop(c);
                    let channel = channel.clone();
                    gloo::timers::callback::Timeout::new(REST_MS, move || {
                        let text = {
                            let mut c = channel.borrow_mut();
                            c.resting = false;
                            // A text still waits for a busy or restarting
                            // worker, which sends it when it is free.
                            if c.ready && c.in_flight.is_none() {
                                c.waiting.take()
                            } else {
                                None
                            }
                        };
                        if let Some(text) = text {
                            send(&channel, text);
                        }
                    })
                    .forget();
                } else {
                    drop(c);
                    send(channel, text);
                }
            }
        }
        Reply::Done { .. } => {}
    }
}

fn start(channel: &ChannelRef, rerender: Rc<dyn Fn()>) {
    let worker = match Worker::new(WORKER_URL) {
        Ok(w) => w,
        Err(_) => {
            channel.borrow_mut().shown.failed = true;
            return;
        }
    };
    let onmessage = {
        let (channel, rerender) = (channel.clone(), rerender.clone());
        Closure::<dyn FnMut(MessageEvent)>::new(move |e: MessageEvent| {
            if let Some(reply) = e
                .data()
                .as_string()
                .and_then(|j| serde_json::from_str::<Reply>(&j).ok())
            {
                let result = matches!(reply, Reply::Done { .. });
                on_reply(&channel, reply);
                if result {
                    // Reading a long result and drawing it are each tens of
                    // milliseconds: two tasks, so neither holds the page long.
                    let rerender = rerender.clone();
                    gloo::timers::callback::Timeout::new(0, move || rerender()).forget();
                } else {
                    rerender();
                }
            }
        })
    };
    let onerror = {
        let channel = channel.clone();
        Closure::<dyn FnMut(MessageEvent)>::new(move |_: MessageEvent| {
            on_worker_error(&channel, &rerender);
            rerender();
        })
    };
    worker.set_onmessage(Some(onmessage.as_ref().unchecked_ref()));
    worker.set_onerror(Some(onerror.as_ref().unchecked_ref()));
    let mut c = channel.borrow_mut();
    c.worker = Some(worker);
    c.ready = false;
    c.in_flight = None;
    c.handlers = vec![onmessage, onerror];
}

/// The worker died. If it was annotating a text, that text is reported and
/// remembered, and a fresh worker takes over (a newer text waiting is sent
/// to it once it is ready); if it died with nothing in flight, it could not
/// start, and starting it again would fail the same way.
fn on_worker_error(channel: &ChannelRef, rerender: &Rc<dyn Fn()>) {
    let mut c = channel.borrow_mut();
    c.shown.progress = None;
    let Some((_, text)) = c.in_flight.take() else {
        c.shown.failed = true;
        return;
    };
    if let Some(w) = c.worker.take() {
        w.terminate();
    }
    storage::remember_failed_text(&text);
    c.shown.crashed = Some(text);
    c.shown.crashed_earlier = false;
    let old = std::mem::take(&mut c.handlers);
    c.retired = old;
    drop(c);
    // Replace the worker after this handler has returned.
    let (channel, rerender) = (channel.clone(), rerender.clone());
    gloo::timers::callback::Timeout::new(0, move || {
        start(&channel, rerender.clone());
        channel.borrow_mut().retired.clear();
        rerender();
    })
    .forget();
}

/// What the page can ask of the annotator besides a text.
#[derive(Clone, PartialEq)]
pub struct Controls {
    /// Cancels the annotation under way.
    pub cancel: Callback<()>,
    /// Annotates the text that stopped the worker once more.
    pub retry: Callback<()>,
}

/// Annotates `text` in the worker; returns the latest result and the
/// callbacks that cancel or retry an annotation.
#[hook]
pub fn use_annotator(text: &Text) -> (Annotated, Controls) {
    let channel: ChannelRef = use_mut_ref(Channel::default);
    let update = use_force_update();
    let rerender: Rc<dyn Fn()> = {
        let update = update.clone();
        Rc::new(move || update.force_update())
    };
    {
        let (channel, rerender) = (channel.clone(), rerender.clone());
        use_effect_with((), move |_| {
            start(&channel, rerender);
            move || {
                if let Some(w) = channel.borrow_mut().worker.take() {
                    w.terminate();
                }
            }
        });
    }
    {
        let channel = channel.clone();
        use_effect_with(text.clone(), move |text| submit(&channel, text.clone()));
    }
    let cancel = {
        let (channel, rerender) = (channel.clone(), rerender.clone());
        Callback::from(move |_| {
            {
                let mut c = channel.borrow_mut();
                if let Some(w) = c.worker.take() {
                    w.terminate();
                }
                c.waiting = None;
                c.shown.progress = None;
                c.shown.cancelled = true;
            }
            start(&channel, rerender.clone());
            rerender();
        })
    };
    let retry = {
        let (channel, rerender) = (channel.clone(), rerender.clone());
        Callback::from(move |_| {
            let text = {
                let mut c = channel.borrow_mut();
                c.shown.crashed_earlier = false;
                c.shown.crashed.take()
            };
            storage::forget_failed_text();
            if let Some(text) = text {
                submit(&channel, text);
            }
            rerender();
        })
    };
    let shown = channel.borrow().shown.clone();
    (shown, Controls { cancel, retry })
}
