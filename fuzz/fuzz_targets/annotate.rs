//! `annotate` on any text (non-UTF-8 input is converted lossily): every
//! mark and evidence span lies in the text on char boundaries, every mention
//! is a mark's index, marks are sorted and disjoint, and annotating the same
//! text twice gives the same output.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pactlens_engine::annotate;
use pactlens_fuzz::check_annotation;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let ann = annotate(&text);
    check_annotation(&text, &ann);
    assert_eq!(
        ann,
        annotate(&text),
        "annotating the same text twice gave different output"
    );
});
