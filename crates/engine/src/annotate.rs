//! The pipeline: candidates → non-overlapping marks → owners → records.

use std::collections::{BTreeMap, HashMap};

use crate::agreements::{agreement_spans, AgreementKind};
use crate::aliases::group_company_names;
use crate::annotation::{Annotation, Mark};
use crate::doc::Doc;
use crate::lexicon::Lexicon;
use crate::models::{extend_with_models, plural_products, product_short_forms};
use crate::names::{decide_names, marks_from_decisions, name_types, seeds, Evidence, NameModel, NameType};
use crate::people::people;
use crate::recognise::{found_names, Candidate};
use crate::records::records;
use crate::span::{Label, Source, Span};
use crate::tagger::Tagger;
use crate::text::analysis_view;

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
    annotate_with_progress(text, tagger, &mut |_| {})
}

/// [`annotate_with`], reporting how much is done (0 to 1) along the way, so
/// that a page can show progress on a long text. Reports rise monotonically
/// and end at 1.
pub fn annotate_with_progress(text: &str, tagger: &Tagger, progress: &mut dyn FnMut(f32)) -> Annotation {
    // The document-level name decisions stay off: on held-out sources they
    // cost more marks than they add (scripts/eval.sh, MODEL.md).
    annotate_with_models(text, tagger, None, progress)
}

/// [`annotate_with_progress`] with another name-decision model too, or none
/// (no document-level decisions), for evaluating retrained models and what
/// the decisions add (`pactlens-train annotate`).
pub fn annotate_with_models(
    text: &str,
    tagger: &Tagger,
    names: Option<&NameModel>,
    progress: &mut dyn FnMut(f32),
) -> Annotation {
    let stage = names.map_or(NameStage::Off, NameStage::Apply);
    pipeline(text, tagger, stage, progress).0
}

/// What the pipeline does with the document-level name decisions.
#[derive(Clone, Copy)]
enum NameStage<'m> {
    /// Nothing (the shipped default).
    Off,
    /// Apply this model's decisions to the marks.
    Apply(&'m NameModel),
    /// Only compute the names and their evidence (training).
    Collect,
}

/// The names the pipeline decides on in `text`, with their evidence, for
/// training the name-decision model (`pactlens-train names`). Spans are
/// byte ranges of `text`.
pub fn name_types_for_training(text: &str, tagger: &Tagger) -> Vec<NameType> {
    pipeline(text, tagger, NameStage::Collect, &mut |_| {}).1
}

/// Marks from the learned parts alone: the tagger's spans and the lexicon's
/// matches, decided by the name model, with none of the hand-written rules
/// (for measuring what the learned parts carry, `scripts/eval.sh`).
pub fn annotate_learned_only(text: &str, tagger: &Tagger, names: &NameModel) -> Annotation {
    let view = analysis_view(text);
    let doc = Doc::new(&view);
    let (text, toks) = (doc.text, &doc.tokens);
    let tagged = tagger.tag_doc(&doc, &mut |_| {});
    let lexicon = Lexicon::builtin();
    let people = people(text, toks, lexicon, &[]);
    let evidence = Evidence {
        text,
        toks,
        tagged: &tagged,
        lexicon,
        people: &people,
    };
    Annotation {
        marks: marks_from_decisions(&evidence, names),
        agreements: Vec::new(),
    }
}

fn pipeline(
    text: &str,
    tagger: &Tagger,
    names: NameStage<'_>,
    progress: &mut dyn FnMut(f32),
) -> (Annotation, Vec<NameType>) {
    progress(0.0);
    // Every stage reads the analysis view: the same bytes, with the line
    // breaks that only wrap a line read as spaces.
    let view = analysis_view(text);
    let doc = Doc::new(&view);
    let (text, toks) = (doc.text, &doc.tokens);

    progress(0.05);
    let tagged = tagger.tag_doc(&doc, &mut |f| progress(0.05 + 0.7 * f));
    let found = found_names(&doc, &tagged);
    let mut entity_cands = found.candidates;
    progress(0.8);
    let companies: Vec<Span> = entity_cands
        .iter()
        .filter(|c| c.label == Label::Company)
        .map(|c| c.span)
        .collect();
    let has_company = |range: Span| companies.iter().any(|c| range.start <= c.start && c.end <= range.end);
    let agreement_cands = agreement_spans(&doc, has_company);
    entity_cands.extend(agreement_cands.iter().map(|a| Candidate {
        span: a.span,
        label: Label::Agreement,
        source: Source::AgreementRule,
        canonical: a.span.slice(text).to_string(),
        owner: None,
    }));

    let mut marks = merge_owner_and_product(text, resolve(entity_cands));
    extend_with_models(text, toks, &mut marks);
    product_short_forms(text, &mut marks);
    plural_products(text, toks, &mut marks);
    let evidence = Evidence {
        text,
        toks,
        tagged: &tagged,
        lexicon: Lexicon::builtin(),
        people: &found.people,
    };
    let types = match names {
        NameStage::Off => Vec::new(),
        NameStage::Apply(model) => decide_names(&evidence, model, &mut marks),
        NameStage::Collect => name_types(&evidence, seeds(&evidence, &marks)),
    };
    group_company_names(text, &mut marks);
    // Each agreement mark takes the kind of the first mention at its span.
    let mut kind_at: HashMap<Span, AgreementKind> = HashMap::with_capacity(agreement_cands.len());
    for a in &agreement_cands {
        kind_at.entry(a.span).or_insert(a.kind);
    }
    for m in marks.iter_mut().filter(|m| m.label == Label::Agreement) {
        m.kind = kind_at.get(&m.span).copied();
    }
    assign_owners(text, &mut marks);
    progress(0.9);
    let agreements = records(&doc, &marks);
    progress(1.0);
    (Annotation { marks, agreements }, types)
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
        Source::Reader => 6,
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn progress_rises_to_one() {
        let text = "Microsoft and Xiaomi signed a deal. ".repeat(200);
        let mut seen = Vec::new();
        let ann = annotate_with_progress(&text, Tagger::builtin(), &mut |f| seen.push(f));
        assert_eq!(ann, annotate(&text));
        assert!(seen.windows(2).all(|w| w[0] <= w[1]), "{seen:?}");
        assert_eq!(seen.first(), Some(&0.0));
        assert_eq!(seen.last(), Some(&1.0));
        assert!(seen.len() > 10, "the tagger reports along the way");
    }

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
