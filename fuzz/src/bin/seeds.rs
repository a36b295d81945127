//! Writes the seed corpus in `fuzz/corpus/<target>/` (the committed files
//! come from this; run it again after changing the formats):
//!
//! ```text
//! cd fuzz && cargo run --release --bin seeds
//! ```
//!
//! Build it without the fuzzing RUSTFLAGS (it has no libFuzzer `main`).

use std::fs;
use std::path::{Path, PathBuf};

use pactlens_engine::annotate;
use pactlens_engine::edits::Dictionary;
use pactlens_engine::export::share::{decode, encode};
use pactlens_engine::export::{DocumentJson, Edit};
use pactlens_engine::Label;

/// News sentences, most with characters whose case mapping changes their
/// length (İ ı K Å ẞ ß ﬁ ﬃ ŉ ǰ Σ ς), combining marks, emoji with ZWJ, RTL
/// marks, CRLF and NUL.
const TEXTS: &[(&str, &str)] = &[
    ("plain", "Xiaomi will use Azure, Microsoft's cloud."),
    (
        "agreement",
        "Microsoft and OpenAI signed a multiyear partnership agreement on Monday, the companies said. \
         The deal, worth $10 billion, extends their 2019 memorandum of understanding.",
    ),
    ("legal-suffix", "Acme Holdings Inc agreed to buy Borlo Ltd last week for $4.4 billion."),
    ("turkish-i", "Turkcell signed a deal with Xiaomi in İstanbul today; ıPhone sales in İzmir rose."),
    ("dotted-capitals", "İİİİİİ Acme Holdings Inc agreed to buy Borlo Ltd last week."),
    ("kelvin-angstrom", "ẞ\u{212a}\u{212b} Microsoft signed a partnership with Siemens AG earlier this year."),
    ("sharp-s", "Straße GmbH and GROẞE AG signed a joint venture agreement with Nvidia in Weißenfels."),
    ("ligatures", "The ﬁnancial ﬁrm Eﬃcient Systems Inc. agreed to a licensing deal with ﬁ Corp on Friday."),
    ("n-apostrophe-j-caron", "ŉ ǰ Oracle's ǰava unit and ŉ Holdings Ltd announced a supply agreement."),
    ("greek-sigma", "ΣΑΣ Ltd and Οδυσσέας AG signed a merger agreement; Σίσυφος ς Inc. backed out."),
    (
        "combining-marks",
        "Ne\u{301}stle\u{301} S.A. and Re\u{301}nault agreed to a partnership with A\u{30a}ngstro\u{308}m AB.",
    ),
    (
        "zwj-emoji",
        "Apple 👩\u{200d}💻 announced that Samsung 👨\u{200d}👩\u{200d}👧\u{200d}👦 will supply OLED panels \
         for the iPhone 🇺🇸 under a new agreement.",
    ),
    (
        "rtl-marks",
        "\u{200f}Aramco\u{200e} signed a memorandum of understanding with \u{202b}شركة أرامكو\u{202c} and TotalEnergies.",
    ),
    (
        "crlf",
        "Google agreed to acquire Wiz for $32 billion.\r\n\r\nThe deal, announced on Tuesday, is Google's largest.\r\n",
    ),
    ("nul", "Amazon\0 Web Services signed a\0 cloud agreement with Nokia\0."),
    ("cjk", "Sony Group Corp and 任天堂 Nintendo Co. Ltd. signed a licensing agreement in 東京."),
    ("empty", ""),
    ("whitespace", " \t\n\r\u{a0}\u{2028}\u{feff}"),
    (
        "long",
        "Intel Corp. said on Thursday it had signed a definitive agreement to sell a majority stake in its \
         Altera unit to Silver Lake. Intel and Silver Lake expect the transaction to close in the second half \
         of 2025. Separately, Qualcomm Inc and Arm Holdings plc ended their licensing dispute, and Nvidia \
         announced a partnership with Foxconn to build AI factories in Taiwan. Analysts said the deals \
         showed chipmakers were turning to partners to fund expansion.",
    ),
];

fn write(dir: &Path, name: &str, bytes: &[u8]) {
    fs::write(dir.join(name), bytes).unwrap_or_else(|e| panic!("writing {name}: {e}"));
}

/// Edits on the text's marks: remove the first, relabel the second, and add
/// a mark on the first whitespace-delimited word.
fn some_edits(text: &str) -> Vec<Edit> {
    let ann = annotate(text);
    let doc = DocumentJson::new(text, &ann);
    let mut edits = Vec::new();
    if let Some(m) = doc.marks.first() {
        edits.push(Edit::Remove {
            start: m.start,
            end: m.end,
        });
    }
    if let Some(m) = doc.marks.get(1) {
        edits.push(Edit::Relabel {
            start: m.start,
            end: m.end,
            label: Label::Product,
        });
    }
    let first_word = text.chars().take_while(|c| !c.is_whitespace()).count();
    if first_word > 0 {
        edits.push(Edit::Add {
            start: 0,
            end: first_word,
            label: Label::Company,
        });
    }
    edits
}

fn main() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let dir = |target: &str| {
        let d = root.join(target);
        let _ = fs::remove_dir_all(&d);
        fs::create_dir_all(&d).expect("creating the corpus dir");
        d
    };

    let d = dir("annotate");
    for (name, text) in TEXTS {
        write(&d, name, text.as_bytes());
    }
    write(
        &d,
        "invalid-utf8",
        b"Nokia \xff\xfe signed \xc3 a deal with Ericsson \xed\xa0\x80.",
    );

    let d = dir("share_link");
    for (name, text) in TEXTS {
        let fragment = encode(text, &some_edits(text));
        assert!(decode(&fragment).is_ok(), "the {name} share link does not decode");
        write(&d, name, fragment.as_bytes());
    }
    let text = TEXTS[1].1;
    write(&d, "no-edits", encode(text, &[]).as_bytes());
    write(
        &d,
        "whole-url",
        format!("https://example.org/app/#{}", &encode(text, &[])[1..]).as_bytes(),
    );
    write(&d, "without-hash", &encode(text, &[]).as_bytes()[1..]);
    write(&d, "padded", format!("{}==\n", encode("Acme", &[])).as_bytes());
    write(&d, "other-version", b"#v2=AAAA");
    write(&d, "not-base64", b"#v1=!!!*");
    write(&d, "not-pactlens", b"#section-2");
    // 0x00 + the payload JSON, and 0x01 + a raw deflate stream (see the target).
    let payloads = [
        (
            "payload-edits",
            r#"{"text":"Xiaomi will use Azure.","edits":[{"op":"add","start":0,"end":6,"label":"COMPANY"},{"op":"relabel","start":16,"end":21,"label":"AGREEMENT"},{"op":"remove","start":16,"end":21}]}"#,
        ),
        ("payload-no-edits", r#"{"text":"İstanbul K Å ẞ ﬃ ŉ ǰ Σς"}"#),
        (
            "payload-bad-edit",
            r#"{"text":"ab","edits":[{"op":"add","start":1,"end":3,"label":"PRODUCT"}]}"#,
        ),
        ("payload-unknown-field", r#"{"text":"a","edits":[],"marks":[]}"#),
    ];
    for (name, json) in payloads {
        write(&d, name, &[&[0u8][..], json.as_bytes()].concat());
    }
    let deflated = miniz_oxide::deflate::compress_to_vec(payloads[0].1.as_bytes(), 9);
    write(&d, "raw-deflate", &[&[1u8][..], &deflated].concat());
    write(
        &d,
        "raw-deflate-truncated",
        &[&[1u8][..], &deflated[..deflated.len() / 2]].concat(),
    );

    let d = dir("json_import");
    for (name, text) in TEXTS {
        let mut doc = DocumentJson::new(text, &annotate(text));
        if name.len() % 2 == 0 {
            doc.edits = some_edits(text);
        }
        let json = doc.to_json();
        assert!(
            DocumentJson::from_json(&json).is_ok(),
            "the {name} export does not import"
        );
        write(&d, name, json.as_bytes());
    }
    let minimal = r#"{"version":1,"text":"Acme","marks":[],"agreements":[],"summary":{"companies":[],"products":[]}}"#;
    write(&d, "minimal", minimal.as_bytes());
    write(&d, "newer-version", br#"{"version":2}"#);
    write(&d, "no-version", br#"{"text":"Acme"}"#);

    let d = dir("dictionary_import");
    let dictionaries = [
        ("example", r#"{"always":[["Acme","COMPANY"]],"never":["Bolt"]}"#),
        ("empty", r#"{"always":[],"never":[]}"#),
        (
            "all-labels",
            r#"{"always":[["Xiaomi","PRODUCT"],["Azure","COMPANY"],["memorandum of understanding","AGREEMENT"]],"never":["Microsoft"]}"#,
        ),
        (
            "duplicates",
            r#"{"always":[["Acme","COMPANY"],["Acme","PRODUCT"]],"never":["Acme","","Bolt","Bolt"]}"#,
        ),
        (
            "overlapping",
            r#"{"always":[["Acme Corp.","COMPANY"],["Corp. and Bolt","PRODUCT"],["Microsoft's cloud","PRODUCT"]],"never":[]}"#,
        ),
        (
            "unicode",
            r#"{"always":[["İstanbul","COMPANY"],["\u212a","PRODUCT"],["ẞ","COMPANY"],["ﬃ","PRODUCT"],["e\u0301","COMPANY"]],"never":["ς","Σ"]}"#,
        ),
        ("empty-name", r#"{"always":[["","COMPANY"]],"never":[""]}"#),
        ("bad-label", r#"{"always":[["Acme","Company"]],"never":[]}"#),
        ("not-an-object", "[1, 2]"),
    ];
    for (name, json) in dictionaries {
        let valid = !matches!(name, "bad-label" | "not-an-object");
        assert_eq!(Dictionary::from_json(json).is_ok(), valid, "the {name} dictionary");
        write(&d, name, json.as_bytes());
    }
    let mut from_api = Dictionary::default();
    from_api.always_mark("Xiaomi", Label::Company);
    from_api.always_mark("HyperOS", Label::Product);
    from_api.never_mark("Tuesday");
    write(
        &d,
        "serialised",
        serde_json::to_string(&from_api)
            .expect("a dictionary serialises")
            .as_bytes(),
    );
}
