//! Recognition seen through the whole pipeline: which spans end up marked,
//! and how names are grouped (moved here from the unit tests of
//! `recognise` and `aliases`, so that no module imports the pipeline that
//! calls it).

use pactlens_engine::recognise::candidates;
use pactlens_engine::tagger::Tagger;
use pactlens_engine::{annotate, Label};

/// Candidates before overlaps are resolved.
fn found(text: &str) -> Vec<(String, Label)> {
    let mut c = candidates(text, Tagger::builtin());
    c.sort_by_key(|c| c.span);
    c.iter().map(|c| (c.span.slice(text).to_string(), c.label)).collect()
}

/// Marks after overlaps are resolved.
fn marked(text: &str) -> Vec<(String, Label)> {
    annotate(text)
        .marks
        .iter()
        .map(|m| (m.span.slice(text).to_string(), m.label))
        .collect()
}

#[test]
fn platform_companies_are_products_after_on() {
    let got = marked("Drivers on Lyft earn more, Lyft said.");
    assert_eq!(
        got,
        [
            ("Lyft".to_string(), Label::Product),
            ("Lyft".to_string(), Label::Company)
        ]
    );
}

#[test]
fn ambiguous_names_need_evidence_and_evidence_chains() {
    assert_eq!(marked("An apple a day. Apple trees grow."), []);
    assert_eq!(marked("The Office of the President said Windows were broken."), []);
    let got = found("Amazon's Alexa is popular.");
    assert!(got.contains(&("Amazon".into(), Label::Company)), "{got:?}");
    assert!(got.contains(&("Alexa".into(), Label::Product)), "{got:?}");
}

#[test]
fn a_bracketed_abbreviation_after_a_company_is_that_company() {
    let got = marked("The startup Harlow Dynamics (HDX) grew. HDX then hired staff.");
    assert_eq!(
        got.iter().filter(|(t, l)| t == "HDX" && *l == Label::Company).count(),
        2,
        "{got:?}"
    );
    // Generic technologies are not abbreviations of a company.
    let got = marked("Zorbluk Inc. (AI) rose.");
    assert!(!got.iter().any(|(t, _)| t == "AI"), "{got:?}");
}

#[test]
fn short_forms_of_context_names_are_marked_later() {
    let text = "Funds came from Quellmark Trust Bank and Vantor Interactive Entertainment. Later Quellmark Trust \
                said Vantor would grow, and Vantor agreed.";
    let got = marked(text);
    assert!(got.contains(&("Quellmark Trust".into(), Label::Company)), "{got:?}");
    assert_eq!(got.iter().filter(|(t, _)| t == "Vantor").count(), 2, "{got:?}");
}

#[test]
fn co_without_a_period_is_a_legal_suffix() {
    let got = marked("Shares of Dravenholt Co rose; Dravenholt said so.");
    assert!(got.contains(&("Dravenholt Co".into(), Label::Company)), "{got:?}");
    assert!(got.contains(&("Dravenholt".into(), Label::Company)), "{got:?}");
}

#[test]
fn names_found_in_the_story_are_marked_in_an_all_capitals_headline() {
    let text = "ZORBLUK WIDGETS SIGNS DEAL WITH XIAOMI\n\nZorbluk Widgets Inc said it agreed a deal with Xiaomi. \
                Nothing in THIS LINE is a Zorbluk mention in capitals.";
    let got = marked(text);
    assert!(got.contains(&("ZORBLUK WIDGETS".into(), Label::Company)), "{got:?}");
    assert!(got.contains(&("XIAOMI".into(), Label::Company)), "{got:?}");
    // Capitals inside a mixed-case line are not taken for the name.
    let mixed = "Zorbluk Widgets Inc. rose. Readers shouted ZORBLUK WIDGETS at it.";
    assert!(!marked(mixed).iter().any(|(t, _)| t == "ZORBLUK WIDGETS"));
}

#[test]
fn full_names_group_under_the_short_one_but_subsidiaries_do_not() {
    let text = "Samsung Electronics and Samsung; Google Cloud and Google; Zorbluk Holdings and Zorbluk; \
                Microsoft Ventures and Microsoft.";
    let ann = annotate(text);
    let canon = |surface: &str| {
        ann.marks
            .iter()
            .find(|m| m.span.slice(text) == surface)
            .map(|m| m.canonical.clone())
            .unwrap_or_default()
    };
    assert_eq!(canon("Samsung Electronics"), "Samsung");
    assert_eq!(canon("Google Cloud"), "Google Cloud");
    assert_eq!(canon("Zorbluk Holdings"), "Zorbluk");
    assert_eq!(canon("Microsoft Ventures"), "Microsoft Ventures");
}

#[test]
fn an_abbreviation_beside_a_full_name_is_that_company() {
    // (text, abbreviation, the full name it is grouped with)
    let rows: &[(&str, &str, &str)] = &[
        (
            "Oracle signed a deal with Quorvex de Lanta, QDL, to supply oil. QDL will ship it.",
            "QDL",
            "Quorvex de Lanta",
        ),
        (
            "Oracle worked with Harrow Lane Ventures (HLV) last year.",
            "HLV",
            "Harrow Lane Ventures",
        ),
    ];
    for (text, abbr, full) in rows {
        let ann = annotate(text);
        let canon = |surface: &str| {
            ann.marks
                .iter()
                .filter(|m| m.span.slice(text) == surface)
                .map(|m| m.canonical.clone())
                .collect::<Vec<_>>()
        };
        let want = canon(full);
        assert!(!want.is_empty(), "{text}");
        assert!(canon(abbr).iter().all(|c| *c == want[0]), "{text}: {:?}", canon(abbr));
    }
}
