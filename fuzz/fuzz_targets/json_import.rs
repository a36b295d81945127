//! `export::DocumentJson::from_json` on any input (lossy UTF-8). An accepted
//! document's edits are replayed on an annotation of its text
//! (`edits::apply_edits`) without a panic and keep the annotation's
//! promises, and `to_json` then `from_json` gives the document back.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pactlens_engine::annotate;
use pactlens_engine::edits::{apply_edits, Dictionary};
use pactlens_engine::export::{DocumentJson, Edit};
use pactlens_fuzz::{check_annotation, MAX_TEXT_BYTES};

fuzz_target!(|data: &[u8]| {
    let json = String::from_utf8_lossy(data);
    let Ok(doc) = DocumentJson::from_json(&json) else {
        return;
    };
    let back = DocumentJson::from_json(&doc.to_json()).expect("to_json wrote what from_json refuses");
    assert_eq!(back, doc, "to_json then from_json changed the document");
    if doc.text.len() > MAX_TEXT_BYTES {
        return;
    }
    let len_chars = doc.text.chars().count();
    let edits: Vec<Edit> = doc.edits.iter().filter(|e| e.fits(len_chars)).cloned().collect();
    let edited = apply_edits(&doc.text, &annotate(&doc.text), &Dictionary::default(), &edits);
    check_annotation(&doc.text, &edited);
});
