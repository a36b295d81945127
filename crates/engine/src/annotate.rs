//! The pipeline: candidates → non-overlapping marks → owners → records.

use std::collections::BTreeMap;

use crate::agreements::{agreement_spans, AgreementKind, Status, MADE_VERBS};
use crate::aliases::group_company_names;
use crate::annotation::{AgreementRecord, Annotation, Mark};
use crate::recognise::{candidates, Candidate};
use crate::span::{Label, Source, Span};
use crate::tagger::Tagger;
use crate::text::{sentences, tokens, Token};

/// Finds the companies, products and agreements in `text`.
///
/// Works on any UTF-8 text: empty, huge, or in any script; marks are always
/// non-overlapping, sorted, and on character boundaries.
///
/// ```
/// use pactlens_engine::{annotate, Label};
/// let text = "Microsoft and Xiaomi signed a memorandum of understanding.";
/// let ann = annotate(text);
/// let marks: Vec<(&str, Label)> = ann.marks.iter().map(|m| (m.span.slice(text), m.label)).collect();
/// assert!(marks.contains(&("Xiaomi", Label::Company)));
/// assert!(marks.contains(&("memorandum of understanding", Label::Agreement)));
/// ```
pub fn annotate(text: &str) -> Annotation {
    annotate_with(text, Tagger::builtin())
}

/// [`annotate`] with another tagger model, for evaluating retrained models
/// (`pactlens annotate --model`).
pub fn annotate_with(text: &str, tagger: &Tagger) -> Annotation {
    let toks = tokens(text);
    let sents = sentences(text);
    let sentence_of = |byte: usize| {
        let i = sents.partition_point(|s| s.end <= byte);
        sents
            .get(i)
            .copied()
            .filter(|s| s.start <= byte)
            .unwrap_or(Span::new(byte, byte))
    };

    let mut entity_cands = candidates(text, tagger);
    let companies: Vec<Span> = entity_cands
        .iter()
        .filter(|c| c.label == Label::Company)
        .map(|c| c.span)
        .collect();
    let has_company = |range: Span| companies.iter().any(|c| range.start <= c.start && c.end <= range.end);
    let agreement_cands = agreement_spans(text, &toks, sentence_of, has_company);
    entity_cands.extend(agreement_cands.iter().map(|a| Candidate {
        span: a.span,
        label: Label::Agreement,
        source: Source::AgreementRule,
        canonical: a.span.slice(text).to_string(),
        owner: None,
    }));

    let mut marks = merge_owner_and_product(text, resolve(entity_cands));
    group_company_names(&mut marks);
    for m in marks.iter_mut().filter(|m| m.label == Label::Agreement) {
        m.kind = agreement_cands.iter().find(|a| a.span == m.span).map(|a| a.kind);
    }
    assign_owners(text, &mut marks);
    let agreements = records(text, &toks, &sents, &marks);
    Annotation { marks, agreements }
}

/// Picks non-overlapping marks: longer spans first, then the more reliable
/// source, then the earlier one.
fn resolve(mut cands: Vec<Candidate>) -> Vec<Mark> {
    let rank = |s: Source| match s {
        Source::Lexicon => 0,
        Source::LegalSuffix => 1,
        Source::AgreementRule => 2,
        Source::Context => 3,
        Source::Document => 4,
        Source::Model => 5,
    };
    cands.sort_by(|a, b| {
        b.span
            .len()
            .cmp(&a.span.len())
            .then(rank(a.source).cmp(&rank(b.source)))
            .then(a.span.cmp(&b.span))
    });
    let mut taken: Vec<Mark> = Vec::new();
    // Start → end of the spans taken so far, to test overlaps in O(log n).
    let mut occupied: BTreeMap<usize, usize> = BTreeMap::new();
    for c in cands {
        let clash_before = occupied
            .range(..c.span.end)
            .next_back()
            .is_some_and(|(_, &end)| end > c.span.start);
        if c.span.is_empty() || clash_before {
            continue;
        }
        occupied.insert(c.span.start, c.span.end);
        taken.push(Mark {
            span: c.span,
            label: c.label,
            source: c.source,
            canonical: c.canonical,
            owner: c.owner,
            kind: None,
        });
    }
    taken.sort_by_key(|m| m.span);
    taken
}

/// "Intel Xeon": a company's name right before one of its own products is
/// part of how the product is named, so the two marks become one PRODUCT
/// (ANNOTATION.md: `[Microsoft Translator]`). A product of another owner
/// stays apart ("Xiaomi Android phones").
fn merge_owner_and_product(text: &str, marks: Vec<Mark>) -> Vec<Mark> {
    let mut out: Vec<Mark> = Vec::with_capacity(marks.len());
    for m in marks {
        if let Some(prev) = out.last_mut() {
            let adjacent = &text[prev.span.end..m.span.start] == " ";
            let own = m.owner.as_ref().is_none_or(|o| *o == prev.canonical);
            if adjacent && prev.label == Label::Company && m.label == Label::Product && own {
                prev.span.end = m.span.end;
                prev.label = Label::Product;
                prev.owner = Some(prev.canonical.clone());
                prev.canonical = prev.span.slice(text).to_string();
                prev.source = m.source;
                continue;
            }
        }
        out.push(m);
    }
    out
}

/// Gives products without a lexicon owner the company that the text says
/// owns them: "Naver's AI platform Clova", "Xiaomi's Mi Pad".
fn assign_owners(text: &str, marks: &mut [Mark]) {
    for i in 0..marks.len() {
        if marks[i].label != Label::Product || marks[i].owner.is_some() {
            continue;
        }
        let owner = marks[..i]
            .iter()
            .rev()
            .take(1)
            .find(|m| m.label == Label::Company && possessive_link(&text[m.span.end..marks[i].span.start]))
            .map(|m| m.canonical.clone());
        marks[i].owner = owner;
    }
}

/// True for the text between "Naver" and "Clova" in "Naver's AI platform
/// Clova": a possessive and at most three words.
fn possessive_link(between: &str) -> bool {
    let Some(rest) = between.strip_prefix("'s").or_else(|| between.strip_prefix("’s")) else {
        return false;
    };
    let words: Vec<&str> = rest.split(' ').filter(|w| !w.is_empty()).collect();
    rest.starts_with(' ')
        && rest.ends_with(' ')
        && words.len() <= 3
        && words.iter().all(|w| w.chars().all(|c| c.is_alphanumeric() || c == '-'))
}

/// Builds agreement records sentence by sentence (see `agreements`).
fn records(text: &str, toks: &[Token<'_>], sents: &[Span], marks: &[Mark]) -> Vec<AgreementRecord> {
    let mut out: Vec<AgreementRecord> = Vec::new();
    for &sentence in sents {
        // Marks and tokens are sorted: take each sentence's slice by binary
        // search, so the whole pass stays linear in the text.
        let mark_range = marks.partition_point(|m| m.span.start < sentence.start)
            ..marks.partition_point(|m| m.span.start < sentence.end);
        let in_sentence = || mark_range.clone().filter(|&i| marks[i].span.end <= sentence.end);
        let mut parties: Vec<String> = Vec::new();
        for i in in_sentence().filter(|&i| marks[i].label == Label::Company) {
            if !parties.contains(&marks[i].canonical) {
                parties.push(marks[i].canonical.clone());
            }
        }
        let mentions: Vec<usize> = in_sentence().filter(|&i| marks[i].label == Label::Agreement).collect();
        let tok_range = toks.partition_point(|t| t.span.start < sentence.start)
            ..toks.partition_point(|t| t.span.start < sentence.end);
        let verb = toks[tok_range]
            .iter()
            .find(|t| MADE_VERBS.contains(&t.text.to_lowercase().as_str()));
        if parties.is_empty() {
            if let (false, Some(last)) = (mentions.is_empty(), out.last_mut()) {
                last.mentions.extend(mentions);
                last.evidence.push(sentence);
            }
            continue;
        }
        if mentions.is_empty() && (verb.is_none() || parties.len() < 2) {
            continue;
        }
        let kind = mentions
            .iter()
            .find_map(|&i| marks[i].kind.filter(|k| *k != AgreementKind::Other))
            .or_else(|| verb.map(|v| verb_kind(v.text)))
            .unwrap_or(AgreementKind::Other);
        let status = if verb.is_some() {
            Status::Made
        } else {
            Status::Mentioned
        };
        let date = date_in(&text[sentence.start..sentence.end]);
        parties.sort();
        match out.iter_mut().find(|r| r.parties == parties) {
            Some(r) => {
                r.mentions.extend(mentions);
                r.evidence.push(sentence);
                if status == Status::Made {
                    r.status = Status::Made;
                }
                if r.kind == AgreementKind::Other {
                    r.kind = kind;
                }
                r.date = r.date.take().or(date);
            }
            None => out.push(AgreementRecord {
                parties,
                kind,
                status,
                mentions,
                date,
                evidence: vec![sentence],
            }),
        }
    }
    out
}

fn verb_kind(verb: &str) -> AgreementKind {
    match verb.to_lowercase().as_str() {
        "bought" | "buys" | "acquired" | "acquires" | "acquire" | "sold" | "sells" => AgreementKind::Acquisition,
        "licensed" | "licenses" => AgreementKind::Licensing,
        "invested" | "invests" | "led" => AgreementKind::Investment,
        "merged" | "merges" => AgreementKind::Merger,
        "partnered" | "partners" | "teamed" => AgreementKind::Partnership,
        _ => AgreementKind::Other,
    }
}

const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The first date expression in a sentence: "February 23", "March 2016",
/// or a year ("2016").
fn date_in(sentence: &str) -> Option<String> {
    let words: Vec<&str> = sentence.split(|c: char| c.is_whitespace()).collect();
    for (i, w) in words.iter().enumerate() {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        if MONTHS.contains(&w) {
            let next = words
                .get(i + 1)
                .map(|n| n.trim_matches(|c: char| !c.is_alphanumeric()))
                .unwrap_or("");
            if !next.is_empty() && next.chars().all(|c| c.is_ascii_digit()) {
                return Some(format!("{w} {next}"));
            }
            return Some(w.to_string());
        }
        if w.len() == 4 && (w.starts_with("19") || w.starts_with("20")) && w.chars().all(|c| c.is_ascii_digit()) {
            return Some(w.to_string());
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn possessive_links_take_at_most_three_words() {
        assert!(possessive_link("'s AI platform "));
        assert!(possessive_link("'s "));
        assert!(!possessive_link(" and "));
        assert!(!possessive_link("'s very long list of words "));
    }

    #[test]
    fn an_owner_name_before_its_product_is_part_of_the_product() {
        let text = "Intel Xeon chips and Xiaomi Android phones.";
        let marks: Vec<(&str, Label)> = annotate(text)
            .marks
            .iter()
            .map(|m| (m.span.slice(text), m.label))
            .collect();
        assert!(marks.contains(&("Intel Xeon", Label::Product)), "{marks:?}");
        assert!(marks.contains(&("Xiaomi", Label::Company)), "{marks:?}");
        assert!(marks.contains(&("Android", Label::Product)), "{marks:?}");
    }

    #[test]
    fn dates_prefer_month_and_day() {
        assert_eq!(
            date_in("They signed on February 23, officials said."),
            Some("February 23".into())
        );
        assert_eq!(date_in("In 2016, it bought patents."), Some("2016".into()));
        assert_eq!(date_in("No date here."), None);
    }

    #[test]
    fn overlapping_candidates_keep_the_longest() {
        let c = |s, e, label, source| Candidate {
            span: Span::new(s, e),
            label,
            source,
            canonical: String::new(),
            owner: None,
        };
        let marks = resolve(vec![
            c(0, 7, Label::Product, Source::Lexicon),
            c(0, 10, Label::Product, Source::Lexicon),
            c(8, 12, Label::Company, Source::Document),
            c(12, 15, Label::Company, Source::Lexicon),
        ]);
        let spans: Vec<(usize, usize)> = marks.iter().map(|m| (m.span.start, m.span.end)).collect();
        assert_eq!(spans, [(0, 10), (12, 15)]);
    }
}
