//! Property tests: every mark slices back to its text in bytes, code points
//! and UTF-16 units, whatever the script around it.
#![cfg(not(target_arch = "wasm32"))]

use pactlens_engine::export::EvalDocument;
use pactlens_engine::offsets::{OffsetMap, Unit};
use pactlens_engine::{annotate, Label};
use proptest::prelude::*;

/// Pieces that articles are made of, including the hard ones for offsets.
const PIECES: &[&str] = &[
    "Microsoft",
    "Xiaomi",
    "Azure",
    "Samsung Electronics",
    "Acme Widgets Inc.",
    " signed a ",
    "memorandum of understanding",
    " deal",
    "'s ",
    ", ",
    ". ",
    " and ",
    "\r\n",
    "\n\n",
    "😀",
    "👩‍💻",
    "🇰🇷",
    "小米",
    "微软与小米",
    "é",
    "e\u{301}",
    "Ą̄",
    "مايكروسوفت",
    "שלום",
    "\u{200f}",
    "\u{feff}",
    "Naver's AI platform Clova",
    " partnership",
    "Windows 10",
    "”",
    "“on Lyft",
    "her LinkedIn",
    "Amazon’s Alexa",
    "\u{a0}",
    "\u{3000}",
    "Corp.",
    " Inc.",
    "U.S.",
    "!",
    "?",
];

fn article() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..40).prop_map(|p| p.concat())
}

fn utf16_slice(text: &str, start: usize, end: usize) -> String {
    let units: Vec<u16> = text.encode_utf16().collect();
    String::from_utf16(&units[start..end]).expect("a mark never splits a surrogate pair")
}

proptest! {
    #[test]
    fn marks_slice_back_in_every_unit(text in article()) {
        let ann = annotate(&text);
        let map = OffsetMap::new(&text);
        let mut last_end = 0;
        for m in &ann.marks {
            prop_assert!(m.span.start >= last_end, "marks are sorted and do not overlap");
            last_end = m.span.end;
            let want = m.span.slice(&text);
            let (cs, ce) = (map.from_byte(m.span.start, Unit::CodePoint), map.from_byte(m.span.end, Unit::CodePoint));
            let by_chars: String = text.chars().skip(cs).take(ce - cs).collect();
            prop_assert_eq!(&by_chars, want);
            let (us, ue) = (map.from_byte(m.span.start, Unit::Utf16), map.from_byte(m.span.end, Unit::Utf16));
            prop_assert_eq!(utf16_slice(&text, us, ue), want);
            prop_assert_eq!(map.to_byte(cs, Unit::CodePoint), Some(m.span.start));
            prop_assert_eq!(map.to_byte(ue, Unit::Utf16), Some(m.span.end));
        }
        let eval = EvalDocument::new("p", &text, &ann);
        for e in &eval.entities {
            let by_chars: String = text.chars().skip(e.start).take(e.end - e.start).collect();
            prop_assert_eq!(&by_chars, &e.text);
        }
    }

    #[test]
    fn conversions_round_trip_at_every_boundary(text in article()) {
        let map = OffsetMap::new(&text);
        for (byte, _) in text.char_indices().chain(std::iter::once((text.len(), ' '))) {
            for unit in [Unit::CodePoint, Unit::Utf16] {
                prop_assert_eq!(map.to_byte(map.from_byte(byte, unit), unit), Some(byte));
            }
        }
        prop_assert_eq!(map.len(Unit::CodePoint), text.chars().count());
        prop_assert_eq!(map.len(Unit::Utf16), text.encode_utf16().count());
    }
}

#[test]
fn names_next_to_emoji_and_cjk_are_still_found() {
    let text = "😀Microsoft与小米 signed a memorandum of understanding with Xiaomi.";
    let ann = annotate(text);
    let found: Vec<(&str, Label)> = ann.marks.iter().map(|m| (m.span.slice(text), m.label)).collect();
    assert!(found.contains(&("Xiaomi", Label::Company)), "{found:?}");
    assert!(
        found.contains(&("memorandum of understanding", Label::Agreement)),
        "{found:?}"
    );
}
