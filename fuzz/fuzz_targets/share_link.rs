//! `export::share::decode` on hostile fragments. A decoded link's edits are
//! replayed on an annotation of its text (`edits::apply_edits`) without a
//! panic and keep the annotation's promises, and re-encoding the decoded
//! link decodes to the same text and edits.
//!
//! The first byte picks what the rest is, so that the fuzzer reaches past
//! base64 and inflate:
//! - `0x00`: the decompressed JSON payload, deflated and base64-encoded here;
//! - `0x01`: a raw deflate stream, base64-encoded here;
//! - anything else: the whole input is the fragment (lossy UTF-8).
#![no_main]

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use libfuzzer_sys::fuzz_target;
use pactlens_engine::annotate;
use pactlens_engine::edits::{apply_edits, Dictionary};
use pactlens_engine::export::share::{decode, encode, PREFIX};
use pactlens_engine::export::Edit;
use pactlens_fuzz::{check_annotation, MAX_TEXT_BYTES};

fn fragment(data: &[u8]) -> String {
    let deflated = match data.first() {
        Some(0) => miniz_oxide::deflate::compress_to_vec(&data[1..], 6),
        Some(1) => data[1..].to_vec(),
        _ => return String::from_utf8_lossy(data).into_owned(),
    };
    format!("{PREFIX}{}", URL_SAFE_NO_PAD.encode(deflated))
}

fuzz_target!(|data: &[u8]| {
    let Ok((text, edits)) = decode(&fragment(data)) else {
        return;
    };
    let len_chars = text.chars().count();
    let fitting: Vec<Edit> = edits.iter().filter(|e| e.fits(len_chars)).cloned().collect();
    assert_eq!(fitting, edits, "decode returned edits that do not fit the text");
    let again = decode(&encode(&text, &edits)).expect("a re-encoded link does not decode");
    assert_eq!(
        again,
        (text.clone(), edits.clone()),
        "a re-encoded link decodes differently"
    );
    if text.len() > MAX_TEXT_BYTES {
        return;
    }
    let edited = apply_edits(&text, &annotate(&text), &Dictionary::default(), &fitting);
    check_annotation(&text, &edited);
});
