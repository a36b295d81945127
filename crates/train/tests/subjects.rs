//! Every gold article's most-mentioned company is marked (issue: an
//! article's own subject is never missed). Reads the gold articles beside
//! the checkout (`PACTLENS_SHARED`, default `../shared`); when they are
//! absent and `PACTLENS_SHARED` is unset, the test says so and passes.

use std::collections::BTreeMap;
use std::path::PathBuf;

use pactlens_train::load_jsonl;

fn shared() -> Option<PathBuf> {
    if let Ok(dir) = std::env::var("PACTLENS_SHARED") {
        return Some(PathBuf::from(dir));
    }
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared");
    dir.exists().then_some(dir)
}

#[test]
fn every_articles_most_mentioned_company_is_marked() {
    let Some(shared) = shared() else {
        eprintln!("skipped: no ../shared beside the checkout and PACTLENS_SHARED unset");
        return;
    };
    let mut missed = Vec::new();
    let mut listed = 0;
    for file in ["data/dev/dev.jsonl", "data/wikinews/dev.jsonl"] {
        let docs = load_jsonl(&shared.join(file)).expect("gold articles read");
        assert!(!docs.is_empty(), "{file} holds articles");
        for doc in docs {
            let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
            for e in doc.entities.iter().filter(|e| e.label == "COMPANY") {
                *counts.entry(e.span.slice(&doc.text)).or_default() += 1;
            }
            let Some(&top) = counts.values().max() else { continue };
            let ann = pactlens_engine::annotate(&doc.text);
            for (name, _) in counts.iter().filter(|(_, &n)| n == top) {
                let marked = ann
                    .marks
                    .iter()
                    .filter(|m| m.label == pactlens_engine::Label::Company && m.span.slice(&doc.text) == *name)
                    .count();
                eprintln!("{:<34} {name:<28} {top:>2} in gold, {marked:>2} marked", doc.id);
                listed += 1;
                if marked == 0 {
                    missed.push(format!("{}: {name}", doc.id));
                }
            }
        }
    }
    assert!(listed >= 45, "one line per article at least, got {listed}");
    assert!(missed.is_empty(), "most-mentioned companies never marked: {missed:?}");
}
