//! Agreement records: one per real-world agreement the text reports.
//!
//! The steps, in order:
//!
//! 1. **Elements** (`elements`): the text is cut into units (sentences,
//!    with hard-wrapped lines joined) and the tokens and marks into one
//!    stream of elements: company, product and agreement marks, and the
//!    remaining words. The document view over them, `View`, is read only.
//! 2. **Frames** (`frames`): in each unit, triggers close together (dealing
//!    verbs such as "signed", "acquired", "invested", and agreement mentions
//!    such as "a memorandum of understanding", "the acquisition") form a run,
//!    and each run is read as one event.
//! 3. **Parties** (`parties`) and **reference** (`reference`): an event's
//!    parties are the subject group left of its first trigger and the object
//!    groups right of its last, without modifiers, possessors, sources and
//!    aliases; a pronoun, a definite mention or a coordinated mention points
//!    to an earlier subject or deal, read from the discourse state
//!    (`Discourse`: the records so far, the last subject, the unit's lead).
//! 4. **Attributes** (`attributes`): the event's kind, stage, date, era,
//!    value and scope, from the words around it. The word lists these steps
//!    read are in the engine's registry (`crate::words`, `data/words/`).
//! 5. **Merge** (`merge`): the reader applies each event to the discourse
//!    state: it notes the subject, then merges the event into the record it
//!    reports (overlapping parties, compatible kind and era) or adds a new
//!    record. A unit with no event may add listed investors to the latest
//!    funding round. After the last unit, a record naming a parent company
//!    folds into the one naming its investment arm.
//! 6. **Names**: each party is named as the article names it (its shortest
//!    mention), and records with no party are dropped.
//!
//! Reading an event is pure (`View::event` takes the document and the
//! discourse state by shared reference and returns the event); only
//! applying it changes the state. Everything stays linear in the text:
//! elements are built in one merge of two sorted lists, units find their
//! elements by binary search, and scans around a trigger are bounded.

mod attributes;
mod elements;
mod frames;
mod merge;
mod parties;
mod reference;

use std::collections::HashMap;

use crate::annotation::{AgreementRecord, Mark};
use crate::doc::Doc;
use crate::span::{Label, Span};
use elements::{elements, units, View};
use frames::Run;
use merge::merge_parent_named;
use reference::Discourse;

/// Builds agreement records for `text` (see the module documentation).
pub(crate) fn records(doc: &Doc<'_>, marks: &[Mark]) -> Vec<AgreementRecord> {
    let text = doc.text;
    let els = elements(doc, marks);
    let view = View { text, els: &els, marks };
    let mut discourse = Discourse::default();
    for unit in units(text, &doc.sentences) {
        let lo = els.partition_point(|e| e.span.start < unit.start);
        let hi = els.partition_point(|e| e.span.start < unit.end);
        read_unit(&view, &mut discourse, unit, lo, hi);
    }
    merge_parent_named(&mut discourse.records);
    // A party is named as the article names it: the shortest mention of
    // that company (ANNOTATION.md's canonical name), "John Deere" rather
    // than a lexicon's "Deere" the article never uses.
    let mut shortest: HashMap<&str, &str> = HashMap::new();
    for m in marks.iter().filter(|m| m.label == Label::Company) {
        let written = m.span.slice(text);
        let entry = shortest.entry(m.canonical.as_str()).or_insert(written);
        if written.chars().count() < entry.chars().count() {
            *entry = written;
        }
    }
    let name = |p: String| match shortest.get(p.as_str()) {
        Some(w) if !w.eq_ignore_ascii_case(&p) && !w.to_lowercase().starts_with(&p.to_lowercase()) => w.to_string(),
        _ => p,
    };
    discourse
        .records
        .into_iter()
        .filter(|r| !r.parties.is_empty())
        .map(|r| AgreementRecord {
            parties: r.parties.into_iter().map(name).collect(),
            kind: r.kind,
            status: r.stage,
            mentions: r.mentions,
            date: r.date,
            scope: r.scope,
            value: r.value,
            evidence: r.evidence,
        })
        .collect()
}

/// Reads the unit `unit` (elements `lo..hi`): each run of triggers is read
/// as an event (pure) and applied to the discourse state; a unit with no
/// event may list investors for the latest funding record.
fn read_unit(doc: &View<'_>, discourse: &mut Discourse, unit: Span, lo: usize, hi: usize) {
    let mut i = lo;
    let mut had_event = false;
    while i < hi {
        if !doc.is_trigger(i, lo) {
            i += 1;
            continue;
        }
        let end = doc.run_end(i, lo, hi);
        if let Some(ev) = doc.event(discourse, Run { lo, hi, s: i, e: end }) {
            discourse.follow(&ev, lo);
            discourse.add(ev, unit);
            had_event = true;
        }
        i = end + 1;
    }
    if !had_event {
        if let Some(names) = doc.investor_list(lo, hi) {
            discourse.join_investors(names);
        }
    }
}
