//! The tagger on odd input: never panics, spans on character boundaries.

use pactlens_engine::tagger::Tagger;
use pactlens_engine::Label;
use proptest::prelude::*;

fn check(text: &str) {
    let spans = Tagger::builtin().tag(text);
    let mut prev_end = 0;
    for s in &spans {
        assert!(s.span.start < s.span.end, "empty span in {text:?}");
        assert!(s.span.end <= text.len());
        assert!(text.is_char_boundary(s.span.start) && text.is_char_boundary(s.span.end));
        assert!(s.span.start >= prev_end, "overlap or disorder in {text:?}");
        assert!(matches!(s.label, Label::Company | Label::Product));
        assert!((0.0..=1.0).contains(&s.score), "score {}", s.score);
        prev_end = s.span.end;
    }
}

#[test]
fn weird_inputs() {
    let long_word = "Ünïcödé".repeat(20_000);
    let many = "Microsoft and Xiaomi signed a deal. ".repeat(2_000);
    let cases = [
        "",
        " ",
        "\n\n\r\n",
        "🤝🚀 Microsoft 🤝 Xiaomi 🚀",
        "小米和微软签署了协议。Xiaomi 和 Microsoft",
        "مايكروسوفت وشاومي وقعتا اتفاقية Microsoft",
        "שלום Microsoft עולם",
        "e\u{301}\u{301}\u{301} Ame\u{301}lie Corp.",
        "'s 's 's ’s",
        "A.B.C.D. J.P. Morgan & Co.",
        "---...&&&''' T-Mobile's",
        "\u{200b}\u{feff}Zero\u{200d}Width",
        "ǅungla Ǆ İstanbul ß ẞ ﬁ",
        &long_word,
        &many,
    ];
    for text in cases {
        check(text);
    }
}

#[test]
fn finds_something_in_news() {
    let text = "Microsoft said on Tuesday that Xiaomi will preinstall Office and Skype on its Android phones.";
    let spans = Tagger::builtin().tag(text);
    assert!(
        spans
            .iter()
            .any(|s| s.span.slice(text) == "Microsoft" && s.label == Label::Company),
        "{spans:?}"
    );
}

proptest! {
    #[test]
    fn any_string(text in "\\PC{0,200}") {
        check(&text);
    }

    #[test]
    fn mixed_words(words in proptest::collection::vec("[A-Za-z0-9&.'’ -]{0,12}|\\PC{0,4}", 0..40)) {
        check(&words.join(" "));
    }
}
