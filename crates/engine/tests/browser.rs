//! The engine compiled to wasm32 and run in headless Chromium: the same
//! marks as natively, and (with `PACTLENS_BROWSER_TIMINGS=1` at build time)
//! timings printed for the notes. Run by `scripts/test.sh` through
//! wasm-bindgen-test-runner.
#![cfg(target_arch = "wasm32")]

use pactlens_engine::offsets::{OffsetMap, Unit};
use pactlens_engine::{annotate, Label};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const SAMPLE: &str = include_str!("../../../static/sample.txt");

#[wasm_bindgen_test]
fn marks_in_the_browser_match_utf16_slices() {
    let text = "😀 Microsoft and 小米 Xiaomi signed a memorandum of understanding to use Azure.";
    let ann = annotate(text);
    let map = OffsetMap::new(text);
    let units: Vec<u16> = text.encode_utf16().collect();
    let mut seen = Vec::new();
    for m in &ann.marks {
        let (s, e) = (
            map.from_byte(m.span.start, Unit::Utf16),
            map.from_byte(m.span.end, Unit::Utf16),
        );
        assert_eq!(String::from_utf16(&units[s..e]).unwrap(), m.span.slice(text));
        seen.push((m.span.slice(text), m.label));
    }
    assert!(seen.contains(&("Xiaomi", Label::Company)));
    assert!(seen.contains(&("Azure", Label::Product)));
    assert!(seen.contains(&("memorandum of understanding", Label::Agreement)));
}

fn now_ms() -> f64 {
    web_sys::window().and_then(|w| w.performance()).map_or(0.0, |p| p.now())
}

fn median(mut xs: Vec<f64>) -> f64 {
    xs.sort_by(f64::total_cmp);
    xs[xs.len() / 2]
}

/// Not an assertion: prints the figures the notes report.
#[wasm_bindgen_test]
fn timings() {
    if option_env!("PACTLENS_BROWSER_TIMINGS").is_none() {
        return;
    }
    let t0 = now_ms();
    annotate("warm up");
    let startup = now_ms() - t0;
    let sample: Vec<f64> = (0..300)
        .map(|_| {
            let t = now_ms();
            annotate(SAMPLE);
            now_ms() - t
        })
        .collect();
    let mut big = String::new();
    while big.len() < 1 << 20 {
        big.push_str(SAMPLE);
        big.push_str("\n\n");
    }
    let mb: Vec<f64> = (0..5)
        .map(|_| {
            let t = now_ms();
            annotate(&big);
            now_ms() - t
        })
        .collect();
    let mb_median = median(mb);
    console_log!(
        "browser timings: first call (lexicon + automaton) {startup:.1} ms; sample article ({} bytes) median {:.3} ms; \
         1 MB median {mb_median:.1} ms = {:.2} MB/s",
        SAMPLE.len(),
        median(sample),
        big.len() as f64 / 1_048_576.0 / (mb_median / 1000.0)
    );
}
