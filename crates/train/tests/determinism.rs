//! Training is deterministic: the same data and settings give the same bytes.

use pactlens_train::{examples, parse_jsonl, quantise, train, TrainConfig};

const DATA: &str = r#"{"id":"1","text":"Microsoft said on Tuesday it would invest in Agolo.","entities":[{"start":0,"end":9,"label":"COMPANY"},{"start":45,"end":50,"label":"COMPANY"}]}
{"id":"2","text":"Xiaomi will preinstall Office and Skype on its phones.","entities":[{"start":0,"end":6,"label":"COMPANY"},{"start":23,"end":29,"label":"PRODUCT"},{"start":34,"end":39,"label":"PRODUCT"}]}
{"id":"3","text":"Satya Nadella visited Beijing with the FTC.","entities":[{"start":0,"end":13,"label":"PERSON"},{"start":22,"end":29,"label":"LOCATION"},{"start":39,"end":42,"label":"ORG"}]}
{"id":"4","text":"apple released the iphone x in 2017","entities":[{"start":0,"end":5,"label":"COMPANY"},{"start":19,"end":27,"label":"PRODUCT"}]}
{"id":"5","text":"Nigerian banks United Bank and Standard Trust agreed to merge 🤝.","entities":[{"start":15,"end":26,"label":"COMPANY"},{"start":31,"end":45,"label":"COMPANY"}]}"#;

fn train_bytes(seed: u64) -> Vec<u8> {
    let docs = parse_jsonl(DATA).unwrap();
    let (general, in_domain) = docs.split_at(3);
    let bits = 12;
    let cfg = TrainConfig {
        bits,
        epochs: 5,
        seed,
        in_domain_repeat: 2,
        verbose: false,
    };
    let fm = train(&examples(general, bits), &examples(in_domain, bits), &cfg);
    quantise(&fm, &examples(&docs, bits), None).to_bytes()
}

#[test]
fn same_data_same_bytes() {
    let a = train_bytes(7);
    let b = train_bytes(7);
    assert!(a.len() > 100);
    assert_eq!(a, b);
}

#[test]
fn trained_model_reads_back_and_tags() {
    let bytes = train_bytes(1);
    let tagger = pactlens_engine::tagger::Tagger::from_bytes(&bytes).unwrap();
    let text = "Microsoft said it would invest in Agolo.";
    for s in tagger.tag(text) {
        assert!(text.is_char_boundary(s.span.start) && text.is_char_boundary(s.span.end));
        assert!((0.0..=1.0).contains(&s.score));
    }
}
