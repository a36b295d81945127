//! `edits::Dictionary::from_json` on any input (lossy UTF-8). An accepted
//! dictionary applied (`edits::apply_edits`) to a fixed news sentence does
//! not panic and keeps the annotation's promises (marks sorted and disjoint,
//! on char boundaries); its rules are non-empty and name each name once.
#![no_main]

use std::collections::HashSet;
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use pactlens_engine::edits::{apply_edits, Dictionary};
use pactlens_engine::{annotate, Annotation};
use pactlens_fuzz::{check_annotation, NEWS};

fn news() -> &'static Annotation {
    static ANN: OnceLock<Annotation> = OnceLock::new();
    ANN.get_or_init(|| annotate(NEWS))
}

fuzz_target!(|data: &[u8]| {
    let json = String::from_utf8_lossy(data);
    let Ok(dictionary) = Dictionary::from_json(&json) else {
        return;
    };
    let names: Vec<&str> = dictionary
        .always
        .iter()
        .map(|(n, _)| n.as_str())
        .chain(dictionary.never.iter().map(String::as_str))
        .collect();
    let mut seen = HashSet::new();
    for name in &names {
        assert!(!name.is_empty(), "from_json kept an empty name");
        assert!(seen.insert(*name), "from_json kept two rules for {name:?}");
    }
    let edited = apply_edits(NEWS, news(), &dictionary, &[]);
    check_annotation(NEWS, &edited);
    // The dictionary on a text made of its own names, so its rules match.
    let text = names.join(" and ");
    if text.len() <= 4096 {
        let edited = apply_edits(&text, &annotate(&text), &dictionary, &[]);
        check_annotation(&text, &edited);
    }
});
