//! W3C Web Annotation Data Model (JSON-LD) export.
//!
//! One `AnnotationCollection` whose first `AnnotationPage` holds:
//!
//! * one annotation per mark, motivated by `tagging`, whose `TextualBody`
//!   (purpose `tagging`) is the label (`COMPANY`, `PRODUCT`, `AGREEMENT`) and
//!   whose target selects the mark in the text twice over, as alternatives: a
//!   `TextQuoteSelector` (the exact text with up to [`CONTEXT`] code points of
//!   prefix and suffix) and a `TextPositionSelector` (code points, as the model
//!   requires);
//! * one annotation per agreement record, motivated by `linking`, whose
//!   targets are the ids of its mention annotations (the text itself when the
//!   record has no nominal mention), with bodies for its kind (`classifying`),
//!   each party (`identifying`) and a readable line (`describing`).
//!
//! The target `source` is the caller's IRI for the text when it has one, else
//! a `urn:pactlens:sha256:…` name made from the text's SHA-256, so the same
//! text always gets the same name. Annotation ids are built on that name.

use serde_json::{json, Map, Value};
use sha2::{Digest, Sha256};

use super::{human_name, placed_marks, DocumentJson};
use crate::offsets::{OffsetMap, Unit};

/// The JSON-LD context of the Web Annotation vocabulary.
pub const CONTEXT_IRI: &str = "http://www.w3.org/ns/anno.jsonld";

/// Code points of prefix and suffix in each `TextQuoteSelector`, at most.
pub const CONTEXT: usize = 32;

/// The `urn:pactlens:sha256:<hex>` name of a text.
pub fn text_urn(text: &str) -> String {
    format!("urn:pactlens:sha256:{:x}", Sha256::digest(text.as_bytes()))
}

/// Renders `doc` as a Web Annotation `AnnotationCollection`. `source` is the
/// IRI of the annotated text (a URL the article was read from); `None` names
/// it by its hash ([`text_urn`]).
pub fn to_w3c(doc: &DocumentJson, source: Option<&str>) -> Value {
    let urn = text_urn(&doc.text);
    let source = source.map_or_else(|| urn.clone(), str::to_string);
    let map = OffsetMap::new(&doc.text);
    let len = map.len(Unit::CodePoint);
    let text = doc.text.as_str();
    let slice = |a: usize, b: usize| super::char_slice(text, &map, a, b).unwrap_or_default();

    let mut items = Vec::new();
    let mut mark_ids: Vec<Option<String>> = vec![None; doc.marks.len()];
    for p in placed_marks(doc) {
        let m = p.mark;
        let id = format!("{urn}:mark:{}", p.index);
        let mut quote = Map::new();
        quote.insert("type".into(), "TextQuoteSelector".into());
        quote.insert("exact".into(), text[p.start..p.end].into());
        let prefix = slice(m.start.saturating_sub(CONTEXT), m.start);
        if !prefix.is_empty() {
            quote.insert("prefix".into(), prefix.into());
        }
        let suffix = slice(m.end, (m.end + CONTEXT).min(len));
        if !suffix.is_empty() {
            quote.insert("suffix".into(), suffix.into());
        }
        items.push(json!({
            "@context": CONTEXT_IRI,
            "id": id,
            "type": "Annotation",
            "motivation": "tagging",
            "body": {
                "type": "TextualBody",
                "purpose": "tagging",
                "value": m.label.as_str(),
            },
            "target": {
                "source": source,
                "selector": [
                    Value::Object(quote),
                    {"type": "TextPositionSelector", "start": m.start, "end": m.end},
                ],
            },
        }));
        if let Some(slot) = mark_ids.get_mut(p.index) {
            *slot = Some(id);
        }
    }

    for (j, a) in doc.agreements.iter().enumerate() {
        let targets: Vec<Value> = a
            .mentions
            .iter()
            .filter_map(|&i| mark_ids.get(i).cloned().flatten())
            .map(Value::from)
            .collect();
        let target = if targets.is_empty() {
            Value::from(source.clone())
        } else {
            Value::from(targets)
        };
        let mut body = vec![json!({"type": "TextualBody", "purpose": "classifying", "value": human_name(&a.kind)})];
        for party in &a.parties {
            body.push(json!({"type": "TextualBody", "purpose": "identifying", "value": party}));
        }
        let mut line = format!(
            "{} between {} ({})",
            human_name(&a.kind),
            if a.parties.is_empty() {
                "unnamed parties".to_string()
            } else {
                a.parties.join(", ")
            },
            human_name(&a.status)
        );
        if let Some(date) = &a.date {
            line.push_str(&format!(", {date}"));
        }
        body.push(json!({"type": "TextualBody", "purpose": "describing", "value": line}));
        items.push(json!({
            "@context": CONTEXT_IRI,
            "id": format!("{urn}:agreement:{j}"),
            "type": "Annotation",
            "motivation": "linking",
            "body": body,
            "target": target,
        }));
    }

    json!({
        "@context": CONTEXT_IRI,
        "id": format!("{urn}:annotations"),
        "type": "AnnotationCollection",
        "label": "pactlens: companies, products and agreements",
        "generator": {
            "id": "urn:pactlens:software",
            "type": "Software",
            "name": format!("pactlens {}", env!("CARGO_PKG_VERSION")),
        },
        "total": items.len(),
        "first": {
            "id": format!("{urn}:annotations:page:0"),
            "type": "AnnotationPage",
            "startIndex": 0,
            "items": items,
        },
    })
}

/// [`to_w3c`] as pretty-printed JSON.
pub fn to_w3c_string(doc: &DocumentJson, source: Option<&str>) -> String {
    serde_json::to_string_pretty(&to_w3c(doc, source)).unwrap_or_default()
}
