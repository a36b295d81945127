//! Property tests: no text stops the engine.
//!
//! Case mapping and normalisation change the length of some characters
//! ("İ" lower-cases to two code points, the Kelvin sign to one byte, "ß"
//! upper-cases to "SS"), so any stage that searched a changed copy and used
//! its offsets on the original would slice inside a character or past the
//! end. These strategies mix such characters into news-like sentences that
//! hold every kind of cue word the engine looks for, and also draw from the
//! whole of Unicode. Each case asserts: no panic, every span in bounds and on
//! character boundaries, and the same output when annotated twice.
#![cfg(not(target_arch = "wasm32"))]

use pactlens_engine::export::{DocumentJson, EvalDocument};
use pactlens_engine::{annotate, Annotation, Span};
use proptest::prelude::*;

/// Characters whose case mapping or normalisation changes their byte length
/// or character count, and other characters that trip up text code.
const TRICKY: &[&str] = &[
    "İ",
    "ı",
    "\u{212a}",
    "\u{212b}",
    "Å",
    "ẞ",
    "ß",
    "ﬁ",
    "ﬃ",
    "ŉ",
    "ǰ",
    "Σ",
    "ς",
    "ΐ",
    "e\u{301}",
    "\u{301}",
    "\u{20dd}",
    "👩‍💻",
    "👨‍👩‍👧",
    "🇹🇷",
    "\u{200f}",
    "\u{200e}",
    "\u{202e}",
    "\u{feff}",
    "\r\n",
    "\r",
    "\u{0}",
    "\u{fffd}",
    "\u{2028}",
    "\u{a0}",
    "Ⅻ",
    "ǅ",
    "İstanbul",
    "\u{130}zmir",
    "\u{212a}elvin",
];

/// Words and phrases the engine's rules key on: dates, months, relative
/// days, legal suffixes, agreement heads, dealing verbs, roles, possessives.
const CUES: &[&str] = &[
    "Turkcell",
    "Xiaomi",
    "Microsoft",
    "Acme Holdings Inc",
    "Borlo Ltd",
    "Siemens AG",
    " signed a deal with ",
    " agreed to acquire ",
    " said it agreed to sell its stake in ",
    " memorandum of understanding ",
    " joint venture ",
    " licensing agreement ",
    " partnership ",
    " merger ",
    " invests in ",
    " today",
    " tomorrow",
    " yesterday",
    " last week",
    " earlier this year",
    " on Monday",
    " in March 2016",
    " February 23",
    " 1987",
    " $4.4 billion",
    " 190 mln dlrs",
    "'s ",
    "’s ",
    " chief executive ",
    " CEO ",
    ", the Italian dairy group, ",
    " and ",
    ", ",
    ". ",
    "\n",
    "\n\n",
    " (",
    ")",
    "\"",
    "“",
    "”",
];

fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => prop::sample::select(CUES).prop_map(str::to_string),
        2 => prop::sample::select(TRICKY).prop_map(str::to_string),
        1 => any::<char>().prop_map(|c| c.to_string()),
    ]
}

/// News-like text with tricky characters mixed in, also inside words.
fn news_with_tricky_characters() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 0..60).prop_map(|p| p.concat())
}

fn in_bounds(text: &str, span: Span) -> bool {
    span.start <= span.end
        && span.end <= text.len()
        && text.is_char_boundary(span.start)
        && text.is_char_boundary(span.end)
}

/// Every span the annotation holds is a valid slice of `text`.
fn check(text: &str, ann: &Annotation) -> Result<(), TestCaseError> {
    for m in &ann.marks {
        prop_assert!(in_bounds(text, m.span), "mark {:?} out of bounds", m.span);
    }
    for r in &ann.agreements {
        for s in &r.evidence {
            prop_assert!(in_bounds(text, *s), "evidence {:?} out of bounds", s);
        }
        for &m in &r.mentions {
            prop_assert!(m < ann.marks.len(), "mention {m} is not a mark");
        }
    }
    Ok(())
}

fn annotate_twice(text: &str) -> Result<(), TestCaseError> {
    let first = annotate(text);
    check(text, &first)?;
    let second = annotate(text);
    prop_assert_eq!(&first, &second, "the same text annotated twice differs");
    // The exports convert offsets too: they must hold as well.
    let eval = EvalDocument::new("p", text, &first);
    let chars = text.chars().count();
    for e in &eval.entities {
        prop_assert!(e.start <= e.end && e.end <= chars);
    }
    let doc = DocumentJson::new(text, &first);
    prop_assert!(DocumentJson::from_json(&doc.to_json()).is_ok());
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    #[test]
    fn news_with_case_changing_characters_never_fails(text in news_with_tricky_characters()) {
        annotate_twice(&text)?;
    }

    #[test]
    fn any_unicode_never_fails(text in "\\PC{0,200}") {
        annotate_twice(&text)?;
    }

    #[test]
    fn any_characters_at_all_never_fail(chars in prop::collection::vec(any::<char>(), 0..200)) {
        let text: String = chars.into_iter().collect();
        annotate_twice(&text)?;
    }
}

/// The sentences that stopped the annotator, and their kin.
#[test]
fn sentences_that_once_crashed_annotate() {
    let rows = [
        "Turkcell signed a deal with Xiaomi in İstanbul today.",
        "Xiaomi deal \u{212a} today.",
        "İİİ İstanbul İzmir today and tomorrow",
        "İİİİİİ Acme Holdings Inc agreed to buy Borlo Ltd last week.",
        "ẞ\u{212a}\u{212b} Microsoft signed a partnership with Siemens AG earlier this year.",
    ];
    for text in rows {
        let ann = annotate(text);
        for m in &ann.marks {
            assert!(in_bounds(text, m.span), "{text}: {:?}", m.span);
        }
        assert_eq!(ann, annotate(text), "{text}");
    }
    let ann = annotate(rows[0]);
    let text = rows[0];
    let record = ann.agreements.first().expect("the Turkcell–Xiaomi deal is a record");
    assert_eq!(record.date.as_deref(), Some("today"), "{text}");
}
