//! The export formats: JSON and share-link round trips, the HTML's safety,
//! W3C selector consistency on the seed article, Markdown and CSV escaping.
#![cfg(not(target_arch = "wasm32"))]

use std::path::PathBuf;

use pactlens_engine::annotate;
use pactlens_engine::annotation::{CompanyCount, OwnerProducts, ProductCount, Summary};
use pactlens_engine::export::share::{self, ShareError};
use pactlens_engine::export::{csv, html, markdown, w3c};
use pactlens_engine::export::{AgreementJson, DocumentJson, Edit, ImportError, MarkJson};
use pactlens_engine::{AgreementKind, Label, Source, Status};
use proptest::prelude::*;
use serde_json::Value;

/// Pieces of articles, with the hard cases for offsets and escaping.
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
    "e\u{301}",
    "Ą̄",
    "مايكروسوفت",
    "\u{feff}",
    "<script>",
    "</style>",
    "\"",
    "&amp;",
    "|",
    "**",
    "# ",
    "1. ",
];

fn article() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        4 => prop::sample::select(PIECES).prop_map(str::to_string),
        1 => any::<String>().prop_map(|s| s.chars().take(6).collect::<String>()),
    ];
    prop::collection::vec(piece, 0..30).prop_map(|p| p.concat())
}

fn label(n: u8) -> Label {
    match n % 3 {
        0 => Label::Company,
        1 => Label::Product,
        _ => Label::Agreement,
    }
}

/// A text with edits whose ranges fit it.
fn article_and_edits() -> impl Strategy<Value = (String, Vec<Edit>)> {
    article().prop_flat_map(|text| {
        let n = text.chars().count();
        let edits = if n == 0 {
            Just(Vec::new()).boxed()
        } else {
            prop::collection::vec((0..n, 0..n, 0..3u8, any::<u8>()), 0..8)
                .prop_map(|raw| {
                    raw.into_iter()
                        .map(|(a, b, op, l)| {
                            let (start, end) = (a.min(b), a.max(b) + 1);
                            match op {
                                0 => Edit::Add {
                                    start,
                                    end,
                                    label: label(l),
                                },
                                1 => Edit::Relabel {
                                    start,
                                    end,
                                    label: label(l),
                                },
                                _ => Edit::Remove { start, end },
                            }
                        })
                        .collect()
                })
                .boxed()
        };
        (Just(text), edits)
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn json_export_then_import_gives_the_same_document((text, edits) in article_and_edits()) {
        let mut doc = DocumentJson::new(&text, &annotate(&text));
        doc.edits = edits;
        let back = DocumentJson::from_json(&doc.to_json());
        prop_assert_eq!(back, Ok(doc));
    }

    #[test]
    fn share_encode_then_decode_gives_the_same_text_and_edits((text, edits) in article_and_edits()) {
        let fragment = share::encode(&text, &edits);
        prop_assert!(fragment.starts_with("#v1="));
        prop_assert!(fragment[4..].bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'));
        prop_assert_eq!(share::decode(&fragment), Ok((text, edits)));
    }

    #[test]
    fn tampered_share_links_are_refused_without_panicking(
        (text, edits) in article_and_edits(),
        cut in any::<prop::sample::Index>(),
        flips in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..4),
    ) {
        let fragment = share::encode(&text, &edits);
        let payload = &fragment[4..];
        // Cut short anywhere: an error (or, when nothing was cut, the text).
        let short = &fragment[..4 + cut.index(payload.len() + 1)];
        let _ = share::decode(short);
        // Characters replaced: an error or some document, never a panic.
        let mut bytes = fragment.into_bytes();
        for (at, b) in flips {
            let i = 4 + at.index(bytes.len() - 4);
            bytes[i] = b"ABCxyz019-_!%=#"[usize::from(b) % 15];
        }
        let tampered = String::from_utf8(bytes).unwrap_or_default();
        let _ = share::decode(&tampered);
    }

    #[test]
    fn any_string_is_refused_or_read_without_panicking(s in any::<String>()) {
        let _ = share::decode(&s);
        let _ = share::decode(&format!("#v1={s}"));
        let _ = DocumentJson::from_json(&s);
    }
}

// ---- JSON import errors ----

fn sample_doc() -> DocumentJson {
    let text = "😀 Microsoft and Xiaomi signed a memorandum of understanding on Azure.";
    DocumentJson::new(text, &annotate(text))
}

fn with(doc: &DocumentJson, edit: impl FnOnce(&mut Value)) -> String {
    let mut value = serde_json::to_value(doc).expect("serialises");
    edit(&mut value);
    value.to_string()
}

#[test]
fn json_import_names_what_is_wrong() {
    let doc = sample_doc();
    assert!(!doc.marks.is_empty() && !doc.agreements.is_empty());
    assert!(matches!(
        DocumentJson::from_json("{not json"),
        Err(ImportError::BadJson(_))
    ));
    assert!(matches!(DocumentJson::from_json("[1, 2]"), Err(ImportError::NoVersion)));
    let no_text = with(&doc, |v| {
        v.as_object_mut().map(|o| o.remove("text"));
    });
    assert!(matches!(
        DocumentJson::from_json(&no_text),
        Err(ImportError::BadJson(_))
    ));

    // A newer file is named as such even when its shape has changed.
    let newer = r#"{"version": 2, "document": {"whatever": true}}"#;
    let err = DocumentJson::from_json(newer).expect_err("v2 is refused");
    assert_eq!(err, ImportError::NewerVersion { found: 2 });
    assert_eq!(
        err.to_string(),
        "this file was made by a newer pactlens (schema v2); this version reads v1"
    );
    let zero = with(&doc, |v| v["version"] = 0.into());
    assert_eq!(
        DocumentJson::from_json(&zero),
        Err(ImportError::UnknownVersion { found: 0 })
    );
    let string_version = with(&doc, |v| v["version"] = "1".into());
    assert!(matches!(
        DocumentJson::from_json(&string_version),
        Err(ImportError::BadJson(_))
    ));

    let past_end = with(&doc, |v| {
        v["marks"][0]["end"] = 1000.into();
    });
    assert!(matches!(
        DocumentJson::from_json(&past_end),
        Err(ImportError::MarkOutOfRange {
            index: 0,
            end: 1000,
            ..
        })
    ));
    let backwards = with(&doc, |v| {
        v["marks"][0]["start"] = 5.into();
        v["marks"][0]["end"] = 4.into();
    });
    assert!(matches!(
        DocumentJson::from_json(&backwards),
        Err(ImportError::MarkOutOfRange { index: 0, .. })
    ));
    // Byte offsets instead of code points: Microsoft starts at byte 5, code point 2.
    assert_eq!((doc.marks[0].start, doc.marks[0].text.as_str()), (2, "Microsoft"));
    let bytes = with(&doc, |v| {
        v["marks"][0]["start"] = 5.into();
        v["marks"][0]["end"] = 14.into();
    });
    assert!(matches!(
        DocumentJson::from_json(&bytes),
        Err(ImportError::MarkTextMismatch { index: 0, .. })
    ));
    let mention = with(&doc, |v| v["agreements"][0]["mentions"] = serde_json::json!([99]));
    assert!(matches!(
        DocumentJson::from_json(&mention),
        Err(ImportError::MentionOutOfRange { mention: 99, .. })
    ));
    let edit = with(&doc, |v| {
        v["edits"] = serde_json::json!([{"op": "remove", "start": 3, "end": 999}])
    });
    assert!(matches!(
        DocumentJson::from_json(&edit),
        Err(ImportError::EditOutOfRange { index: 0, end: 999, .. })
    ));
    let empty_edit =
        with(
            &doc,
            |v| v["edits"] = serde_json::json!([{"op": "add", "start": 3, "end": 3, "label": "COMPANY"}]),
        );
    assert!(matches!(
        DocumentJson::from_json(&empty_edit),
        Err(ImportError::EditOutOfRange { index: 0, .. })
    ));
    let unknown_op = with(&doc, |v| {
        v["edits"] = serde_json::json!([{"op": "merge", "start": 3, "end": 4}])
    });
    assert!(matches!(
        DocumentJson::from_json(&unknown_op),
        Err(ImportError::BadJson(_))
    ));
}

#[test]
fn a_file_written_before_edits_existed_reads_with_no_edits() {
    let doc = sample_doc();
    let old = with(&doc, |v| {
        v.as_object_mut().map(|o| o.remove("edits"));
    });
    assert_eq!(DocumentJson::from_json(&old), Ok(doc));
}

#[test]
fn edits_are_written_with_an_op_tag_in_code_points() {
    let mut doc = sample_doc();
    doc.edits = vec![
        Edit::Add {
            start: 0,
            end: 1,
            label: Label::Product,
        },
        Edit::Relabel {
            start: 2,
            end: 11,
            label: Label::Product,
        },
        Edit::Remove { start: 16, end: 22 },
    ];
    let value: Value = serde_json::from_str(&doc.to_json()).expect("valid JSON");
    assert_eq!(value["version"], 1);
    assert_eq!(
        value["edits"],
        serde_json::json!([
            {"op": "add", "start": 0, "end": 1, "label": "PRODUCT"},
            {"op": "relabel", "start": 2, "end": 11, "label": "PRODUCT"},
            {"op": "remove", "start": 16, "end": 22},
        ])
    );
    assert_eq!(value["marks"][0]["source"], "lexicon");
}

// ---- Share-link errors ----

fn deflated(json: &[u8]) -> String {
    use base64::Engine as _;
    let compressed = miniz_oxide::deflate::compress_to_vec(json, 9);
    format!(
        "#v1={}",
        base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(compressed)
    )
}

#[test]
fn share_links_that_are_not_ours_or_damaged_get_the_right_error() {
    let good = share::encode("Microsoft and Xiaomi signed a deal.", &[]);
    assert_eq!(share::decode("hello"), Err(ShareError::NotPactlens));
    assert_eq!(share::decode(""), Err(ShareError::NotPactlens));
    assert_eq!(share::decode("#section-2"), Err(ShareError::NotPactlens));
    assert_eq!(share::decode("#x1=abc"), Err(ShareError::NotPactlens));
    assert_eq!(share::decode("#v=abc"), Err(ShareError::NotPactlens));
    assert_eq!(
        share::decode(&good.replacen("#v1=", "#v2=", 1)),
        Err(ShareError::UnknownVersion("2".into()))
    );
    assert!(share::decode("#v2=abc").expect_err("v2").to_string().contains("v2"));
    assert_eq!(share::decode("#v1=not base64!"), Err(ShareError::NotBase64));
    assert_eq!(share::decode("#v1=a"), Err(ShareError::NotBase64));
    // Truncated: every cut of the data is refused.
    for cut in 4..good.len() - 1 {
        let r = share::decode(&good[..cut]);
        assert!(r.is_err(), "cut at {cut} was accepted: {r:?}");
    }
    assert_eq!(share::decode("#v1=AAAA"), Err(ShareError::Corrupt));
    assert_eq!(
        share::decode(&deflated(b"not json")),
        Err(ShareError::BadJson("expected ident at line 1 column 2".into()))
    );
    assert!(matches!(
        share::decode(&deflated(br#"{"txt": "a"}"#)),
        Err(ShareError::BadJson(_))
    ));
    assert_eq!(
        share::decode(&deflated(
            br#"{"text": "ab", "edits": [{"op": "remove", "start": 1, "end": 3}]}"#
        )),
        Err(ShareError::BadEdit { index: 0 })
    );
    // A whole URL, and the fragment without its '#', both read.
    let url = format!("https://example.org/pactlens/{good}");
    assert!(share::decode(&url).is_ok());
    assert!(share::decode(&good[1..]).is_ok());
}

#[test]
fn a_zip_bomb_is_stopped_at_the_cap() {
    // 11 MiB of one letter compresses to about 11 kB.
    let mut json = br#"{"text": ""#.to_vec();
    json.extend(std::iter::repeat_n(b'a', 11 * 1024 * 1024));
    json.extend(br#""}"#);
    let bomb = deflated(&json);
    assert!(bomb.len() < 40_000, "{}", bomb.len());
    assert_eq!(share::decode(&bomb), Err(ShareError::TooLarge));
    // Just under the cap still reads.
    let mut ok = br#"{"text": ""#.to_vec();
    ok.extend(std::iter::repeat_n(b'a', share::MAX_PAYLOAD_BYTES - 12));
    ok.extend(br#""}"#);
    assert_eq!(ok.len(), share::MAX_PAYLOAD_BYTES);
    assert!(share::decode(&deflated(&ok)).is_ok());
}

#[test]
fn link_length_limit() {
    assert!(share::fits_in_link(&"a".repeat(share::MAX_LINK_FRAGMENT)));
    assert!(!share::fits_in_link(&"a".repeat(share::MAX_LINK_FRAGMENT + 1)));
}

// ---- HTML ----

const HOSTILE: &str = "<script>alert(\"x\")</script> & 'quoted' </style><style>body{display:none}</style> \
    Microsoft signed a deal with Xiaomi <img src=x onerror=alert(1)> <a href=\"javascript:alert(1)\" onclick=\"x\">link</a> \
    on Azure &amp; &#60; 😀 小米 e\u{301}\r\n<!-- comment --> ]]> </article></body>";

/// A hand-made document whose names are hostile too.
fn hostile_doc() -> DocumentJson {
    let mut doc = DocumentJson::new(HOSTILE, &annotate(HOSTILE));
    let evil = "<script>x</script>\"'&</style> onload=alert(1)";
    for m in &mut doc.marks {
        m.canonical = format!("{}{evil}", m.canonical);
        m.owner = Some(evil.to_string());
    }
    doc.summary = Summary {
        companies: vec![CompanyCount {
            name: evil.into(),
            count: 2,
        }],
        products: vec![
            OwnerProducts {
                owner: Some(evil.into()),
                products: vec![ProductCount {
                    name: evil.into(),
                    count: 1,
                }],
            },
            OwnerProducts {
                owner: None,
                products: vec![ProductCount {
                    name: "A|B".into(),
                    count: 1,
                }],
            },
        ],
    };
    doc.agreements.push(AgreementJson {
        parties: vec![evil.into(), "A|B".into()],
        kind: AgreementKind::JointVenture,
        status: Status::Mentioned,
        mentions: vec![],
        date: Some(evil.into()),
    });
    doc
}

/// Undoes `html::escape`.
fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#x27;", "'")
        .replace("&amp;", "&")
}

/// The tags of an HTML string: (name, attribute names). Text is escaped, so
/// every '<' in the output starts a real tag.
fn tags(html: &str) -> Vec<(String, Vec<String>)> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        let after = &rest[open + 1..];
        let close = after.find('>').expect("every tag closes");
        let inside = &after[..close];
        rest = &after[close + 1..];
        if inside.starts_with('!') {
            out.push((inside.to_string(), vec![]));
            continue;
        }
        let inside = inside.trim_start_matches('/');
        let name_end = inside.find(char::is_whitespace).unwrap_or(inside.len());
        let name = inside[..name_end].to_ascii_lowercase();
        // Attribute names: words before '=' outside quotes.
        let mut attrs = Vec::new();
        let mut chars = inside[name_end..].chars().peekable();
        let mut word = String::new();
        while let Some(c) = chars.next() {
            match c {
                '"' | '\'' => {
                    for d in chars.by_ref() {
                        if d == c {
                            break;
                        }
                    }
                }
                '=' => attrs.push(std::mem::take(&mut word).to_ascii_lowercase()),
                c if c.is_whitespace() => {
                    if !word.is_empty() {
                        attrs.push(std::mem::take(&mut word).to_ascii_lowercase());
                    }
                }
                c => word.push(c),
            }
        }
        if !word.is_empty() {
            attrs.push(word.to_ascii_lowercase());
        }
        out.push((name, attrs));
    }
    out
}

#[test]
fn html_is_inert_and_escapes_everything() {
    let doc = hostile_doc();
    let page = html::to_html(&doc);
    let lower = page.to_ascii_lowercase();
    assert!(!lower.contains("<script"), "a script element");
    assert!(!lower.contains("<img") && !lower.contains("<a ") && !lower.contains("<iframe"));
    for needle in ["http:", "https:", "url(", "@import", "javascript:", "src=", "href="] {
        // Only the article text may contain these, and it is escaped: check
        // the markup (tags and the style sheet) itself.
        let markup: String = page.split("<article").next().unwrap_or("").to_ascii_lowercase();
        assert!(!markup.contains(needle), "{needle} in the head");
    }
    let allowed = [
        "!doctype", "html", "head", "meta", "title", "style", "body", "header", "h1", "h2", "h3", "ul", "li", "span",
        "main", "article", "mark", "section", "table", "thead", "tbody", "tr", "th", "td", "div", "dl", "dt", "dd",
        "p", "footer",
    ];
    for (name, attrs) in tags(&page) {
        let name = if name.starts_with('!') {
            name.split_whitespace().next().unwrap_or("").to_ascii_lowercase()
        } else {
            name
        };
        assert!(allowed.contains(&name.as_str()), "unexpected tag <{name}>");
        for a in attrs {
            assert!(!a.starts_with("on"), "event handler attribute {a} on <{name}>");
            assert!(
                ["class", "title", "lang", "charset", "http-equiv", "content", "name"].contains(&a.as_str()),
                "attribute {a}"
            );
        }
    }
    // Exactly one style element, the page's own.
    assert_eq!(lower.matches("<style").count(), 1);
    assert_eq!(lower.matches("</style").count(), 1);
    // The article reads back to the text, character for character.
    let start = page.find("<article class=\"article\">").expect("an article") + "<article class=\"article\">".len();
    let end = start + page[start..].find("</article>").expect("closed");
    let mut plain = String::new();
    let mut in_tag = false;
    for c in page[start..end].chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => plain.push(c),
            _ => {}
        }
    }
    assert_eq!(unescape(&plain), HOSTILE);
    // Names show escaped, in the summary and in the marks' titles.
    assert!(page.contains("&lt;script&gt;x&lt;/script&gt;&quot;&#x27;&amp;&lt;/style&gt; onload=alert(1)"));
    assert!(page.contains("joint venture"));
    assert!(page.contains("mentioned"));
    // Every mark is there, with its class.
    assert_eq!(page.matches("<mark class=\"m m-").count(), doc.marks.len());
}

#[test]
fn html_summary_lists_companies_products_and_agreements() {
    let doc = sample_doc();
    let page = html::to_html(&doc);
    for name in ["Microsoft", "Xiaomi", "Azure", "memorandum of understanding", "Legend"] {
        if name == "Legend" {
            assert!(page.contains("class=\"legend\""));
        } else {
            assert!(page.contains(name), "{name}");
        }
    }
    assert!(
        page.contains("<h2>Companies</h2>")
            && page.contains("<h2>Products</h2>")
            && page.contains("<h2>Agreements</h2>")
    );
    assert!(page.contains("<div class=\"card\">"));
}

#[test]
fn renderers_survive_a_hand_made_document_with_bad_offsets() {
    let mut doc = sample_doc();
    doc.marks.push(MarkJson {
        start: 1,
        end: 500,
        label: Label::Company,
        text: "x".into(),
        canonical: "x".into(),
        owner: None,
        source: Source::Context,
    });
    doc.marks.push(MarkJson {
        start: 3,
        end: 4,
        label: Label::Company,
        text: "i".into(),
        canonical: "overlap".into(),
        owner: None,
        source: Source::Context,
    });
    doc.agreements[0].mentions.push(77);
    let _ = html::to_html(&doc);
    let _ = markdown::to_markdown(&doc);
    let _ = w3c::to_w3c(&doc, None);
    let _ = csv::marks_csv(&doc);
    let _ = csv::agreements_csv(&doc);
}

// ---- W3C ----

fn seed() -> Option<Vec<(String, String)>> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/dev/seed.jsonl");
    let Ok(data) = std::fs::read_to_string(&path) else {
        eprintln!("skipped: {} is absent", path.display());
        return None;
    };
    Some(
        data.lines()
            .filter(|l| !l.trim().is_empty())
            .map(|l| {
                let v: Value = serde_json::from_str(l).expect("seed lines are JSON");
                (
                    v["id"].as_str().unwrap_or("").to_string(),
                    v["text"].as_str().expect("seed lines have text").to_string(),
                )
            })
            .collect(),
    )
}

fn chars_slice(text: &str, start: usize, end: usize) -> String {
    text.chars().skip(start).take(end - start).collect()
}

/// Checks the shape of one Web Annotation and, for tagging ones, that the
/// quote and position selectors agree with the text. Returns its id.
fn check_annotation(a: &Value, text: &str, source: &str, ids: &[String]) -> String {
    assert_eq!(a["@context"], w3c::CONTEXT_IRI);
    assert_eq!(a["type"], "Annotation");
    let id = a["id"].as_str().expect("id is a string").to_string();
    assert!(id.starts_with("urn:pactlens:sha256:"), "{id}");
    let motivation = a["motivation"].as_str().expect("motivation is a string");
    let bodies: Vec<&Value> = match &a["body"] {
        Value::Array(bs) => bs.iter().collect(),
        b @ Value::Object(_) => vec![b],
        other => panic!("body is {other}"),
    };
    assert!(!bodies.is_empty());
    for b in &bodies {
        assert_eq!(b["type"], "TextualBody");
        assert!(b["value"].is_string(), "TextualBody has a string value");
        assert!(b["purpose"].is_string());
    }
    match motivation {
        "tagging" => {
            assert_eq!(bodies.len(), 1);
            assert_eq!(bodies[0]["purpose"], "tagging");
            let label = bodies[0]["value"].as_str().unwrap_or("");
            assert!(["COMPANY", "PRODUCT", "AGREEMENT"].contains(&label), "{label}");
            let target = &a["target"];
            assert_eq!(target["source"], source);
            let selectors = target["selector"].as_array().expect("selectors are a list");
            let quote = selectors
                .iter()
                .find(|s| s["type"] == "TextQuoteSelector")
                .expect("a quote");
            let position = selectors
                .iter()
                .find(|s| s["type"] == "TextPositionSelector")
                .expect("a position");
            let start = position["start"].as_u64().expect("start is a number") as usize;
            let end = position["end"].as_u64().expect("end is a number") as usize;
            assert!(start < end && end <= text.chars().count());
            let exact = quote["exact"].as_str().expect("exact is a string");
            assert_eq!(exact, chars_slice(text, start, end));
            let prefix = quote
                .get("prefix")
                .map_or("", |p| p.as_str().expect("prefix is a string"));
            let suffix = quote
                .get("suffix")
                .map_or("", |p| p.as_str().expect("suffix is a string"));
            let (np, ns) = (prefix.chars().count(), suffix.chars().count());
            assert!(np <= w3c::CONTEXT && ns <= w3c::CONTEXT);
            assert_eq!(np, start.min(w3c::CONTEXT), "as much prefix as there is, up to the cap");
            assert_eq!(ns, (text.chars().count() - end).min(w3c::CONTEXT));
            assert_eq!(prefix, chars_slice(text, start - np, start));
            assert_eq!(suffix, chars_slice(text, end, end + ns));
        }
        "linking" => match &a["target"] {
            Value::Array(ts) => {
                assert!(!ts.is_empty());
                for t in ts {
                    let t = t.as_str().expect("linking targets are annotation ids");
                    assert!(ids.iter().any(|i| i == t), "{t} is a mention annotation");
                }
            }
            Value::String(s) => assert_eq!(s, source),
            other => panic!("target is {other}"),
        },
        other => panic!("motivation {other}"),
    }
    id
}

fn check_collection(doc: &DocumentJson, source: Option<&str>) {
    let value = w3c::to_w3c(doc, source);
    let urn = w3c::text_urn(&doc.text);
    let source = source.unwrap_or(&urn);
    assert_eq!(value["@context"], w3c::CONTEXT_IRI);
    assert_eq!(value["type"], "AnnotationCollection");
    assert!(value["id"].is_string());
    assert_eq!(value["first"]["type"], "AnnotationPage");
    let items = value["first"]["items"].as_array().expect("items");
    assert_eq!(value["total"].as_u64(), Some(items.len() as u64));
    assert_eq!(items.len(), doc.marks.len() + doc.agreements.len());
    let mut ids: Vec<String> = Vec::new();
    for a in items {
        let id = check_annotation(a, &doc.text, source, &ids);
        assert!(!ids.contains(&id), "ids are unique");
        ids.push(id);
    }
    let linking = items.iter().filter(|a| a["motivation"] == "linking").count();
    assert_eq!(linking, doc.agreements.len());
}

#[test]
fn w3c_selectors_agree_with_the_text_on_the_seed_article() {
    let Some(docs) = seed() else { return };
    assert!(!docs.is_empty());
    for (id, text) in docs {
        let doc = DocumentJson::new(&text, &annotate(&text));
        assert!(!doc.marks.is_empty(), "{id} has marks");
        assert!(!doc.agreements.is_empty(), "{id} has agreements");
        check_collection(&doc, None);
        check_collection(&doc, Some("https://example.org/news/microsoft-xiaomi"));
    }
}

#[test]
fn w3c_counts_code_points_in_any_script() {
    let text = "😀👩‍💻 小米 and Microsoft signed a deal.\r\nXiaomi e\u{301} uses Azure 🇰🇷.";
    let doc = DocumentJson::new(text, &annotate(text));
    assert!(doc.marks.len() >= 3);
    check_collection(&doc, None);
    assert_eq!(w3c::text_urn(text), w3c::text_urn(text));
    assert_ne!(w3c::text_urn(text), w3c::text_urn("other"));
    assert_eq!(w3c::text_urn("").len(), "urn:pactlens:sha256:".len() + 64);
}

// ---- Markdown ----

#[test]
fn markdown_escapes_specials_and_table_pipes() {
    let doc = hostile_doc();
    let md = markdown::to_markdown(&doc);
    assert!(md.contains("\\<script\\>"));
    // The article, less the marks' own syntax, unescapes to the text.
    let article = md
        .split("## Article\n\n")
        .nth(1)
        .expect("article")
        .split("\n\n## Companies")
        .next()
        .unwrap_or("");
    let plain = article
        .replace("\\[C\\]", "")
        .replace("\\[P\\]", "")
        .replace("\\[A\\]", "")
        .replace("**", "");
    let mut unescaped = String::new();
    let mut chars = plain.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            let next = chars.next().expect("a backslash escapes something");
            assert!(next.is_ascii_punctuation(), "{next:?}");
            unescaped.push(next);
        } else {
            assert!(!"<>*_[]&|`#".contains(c), "unescaped {c:?} in {plain}");
            unescaped.push(c);
        }
    }
    assert_eq!(unescaped.trim_end(), HOSTILE.trim_end());
    // Every table row has exactly its columns' unescaped pipes.
    for (section, columns) in [("## Companies", 2), ("## Products", 3), ("## Agreements", 4)] {
        let body = md
            .split(section)
            .nth(1)
            .expect("the section")
            .split("\n## ")
            .next()
            .unwrap_or("");
        let rows: Vec<&str> = body.lines().filter(|l| l.starts_with('|')).collect();
        assert!(rows.len() >= 3, "{section}: header, rule and rows");
        for line in rows {
            let mut pipes = 0;
            let mut escaped = false;
            for c in line.chars() {
                if c == '|' && !escaped {
                    pipes += 1;
                }
                escaped = c == '\\' && !escaped;
            }
            assert_eq!(pipes, columns + 1, "{section}: {line}");
        }
    }
    assert!(md.contains("A\\|B"));
    let simple = markdown::to_markdown(&sample_doc());
    assert!(simple.contains("**Microsoft**\\[C\\]"), "{simple}");
    assert!(simple.contains("**memorandum of understanding**\\[A\\]"));
    assert!(simple.contains("| Azure | Microsoft | 1 |"));
}

// ---- CSV ----

#[test]
fn csv_rows_read_back() {
    let doc = hostile_doc();
    let marks = csv::marks_csv(&doc);
    let mut reader = ::csv::Reader::from_reader(marks.as_bytes());
    let headers: Vec<String> = reader.headers().expect("a header").iter().map(str::to_string).collect();
    assert_eq!(
        headers,
        ["start", "end", "label", "text", "canonical", "owner", "source"]
    );
    let rows: Vec<::csv::StringRecord> = reader.records().map(|r| r.expect("a row")).collect();
    assert_eq!(rows.len(), doc.marks.len());
    for (row, m) in rows.iter().zip(&doc.marks) {
        assert_eq!(row[0].parse::<usize>().ok(), Some(m.start));
        assert_eq!(row[1].parse::<usize>().ok(), Some(m.end));
        assert_eq!(&row[2], m.label.as_str());
        assert_eq!(row[3], chars_slice(&doc.text, m.start, m.end));
        assert_eq!(&row[4], m.canonical);
    }
    let agreements = csv::agreements_csv(&doc);
    let mut reader = ::csv::Reader::from_reader(agreements.as_bytes());
    let headers: Vec<String> = reader.headers().expect("a header").iter().map(str::to_string).collect();
    assert_eq!(headers, ["parties", "kind", "status", "date", "mentions"]);
    let rows: Vec<::csv::StringRecord> = reader.records().map(|r| r.expect("a row")).collect();
    assert_eq!(rows.len(), doc.agreements.len());
    let last = rows.last().expect("the hand-made record");
    assert!(last[0].ends_with("; A|B"));
    assert_eq!(&last[1], "joint_venture");
    assert_eq!(&last[2], "mentioned");
    let first = &rows[0];
    let status = serde_json::to_value(doc.agreements[0].status).expect("a status serialises");
    assert_eq!(Some(&first[2]), status.as_str());
    let mentions: Vec<usize> = first[4].split("; ").filter_map(|s| s.parse().ok()).collect();
    assert_eq!(mentions, doc.agreements[0].mentions);
}

#[test]
fn csv_cells_that_look_like_formulas_are_neutralised() {
    let text = "=HYPERLINK(1) Microsoft";
    let mut doc = DocumentJson::new(text, &annotate(text));
    doc.marks[0].canonical = "=cmd|' /C calc'!A0".into();
    let marks = csv::marks_csv(&doc);
    assert!(marks.contains("'=cmd"), "{marks}");
}

// ---- Lengths ----

fn sample_text() -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../static/sample.txt");
    std::fs::read_to_string(path).expect("static/sample.txt")
}

#[test]
fn share_link_lengths_for_the_seed_and_a_5000_word_article() {
    if let Some(docs) = seed() {
        for (id, text) in docs {
            let fragment = share::encode(&text, &[]);
            println!(
                "share link for {id}: {} words, {} bytes of text, fragment {} characters",
                text.split_whitespace().count(),
                text.len(),
                fragment.len()
            );
            assert!(share::fits_in_link(&fragment));
        }
    }
    let sample = sample_text();
    let mut long = String::new();
    while long.split_whitespace().count() < 5000 {
        long.push_str(&sample);
        long.push_str("\n\n");
    }
    let long: String = long
        .split_inclusive(char::is_whitespace)
        .scan(0, |n, w| {
            if !w.trim().is_empty() {
                *n += 1;
            }
            (*n <= 5000).then_some(w)
        })
        .collect();
    assert_eq!(long.split_whitespace().count(), 5000);
    let fragment = share::encode(&long, &[]);
    println!(
        "share link for a 5,000-word article (static/sample.txt repeated): {} bytes of text, fragment {} characters",
        long.len(),
        fragment.len()
    );
    assert!(share::fits_in_link(&fragment));
    assert_eq!(share::decode(&fragment).map(|(t, _)| t), Ok(long));
}
