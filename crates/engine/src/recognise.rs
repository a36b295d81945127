//! Company and product candidates: lexicon matches, legal-suffix names and
//! document-level propagation.
//!
//! Ambiguous lexicon names (those that are also common words or places:
//! "Apple", "Edge", "Office") are kept only with evidence, checked in this
//! order:
//! 1. a company cue right after the name ("Apple said", "Apple Inc",
//!    "Apple shares") or a legal-suffix form of it in the document;
//! 2. for a company: one of its own products is named unambiguously in the
//!    document ("iPhone" makes "Apple" a company);
//! 3. for a product: its owner is marked as a company in the document
//!    ("Edge" in an article that names Microsoft).
//!
//! Once one mention of a name has evidence, every mention of it in the
//! document is marked: a careful reader does the same.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};

use crate::context::{context_companies, context_products, listed_investors};
use crate::doc::Doc;
use crate::lexicon::Lexicon;
use crate::lexicon_matches::{keep_evidenced, lexicon_candidates, used_as_platform, BUILTIN_MATCHER};
use crate::people::{people, People};
use crate::places::is_place;
pub use crate::short_forms::bare_name;
use crate::short_forms::{initials_forms, ticker_names};
use crate::span::{Label, Source, Span};
use crate::tagger::{TaggedSpan, Tagger};
use crate::text::{at_word_boundaries, Token};
use crate::words::{
    COMPANY_LIST_JOINS, DEMONYMS, GENERIC_TERMS, INFLECTED_ENDINGS, LEGAL_SUFFIXES, NAME_JOINERS, NOT_COMPANY_WORDS,
    NOT_NAME_START,
};

pub use crate::candidate::Candidate;

/// Finds company and product candidates in `text`.
///
/// `tagger` supplies learned spans: confident ones become candidates of
/// their own (ranked below every rule when overlaps are resolved). They are
/// no evidence for an ambiguous lexicon name: the tagger learned those
/// names word by word from its corpora, so it gives "Windows" in "the
/// Windows were broken" the product's score.
pub fn candidates(text: &str, tagger: &Tagger) -> Vec<Candidate> {
    let doc = Doc::new(text);
    let tagged = tagger.tag_doc(&doc, &mut |_| {});
    found_names(&doc, &tagged).candidates
}

/// What recognition found: the candidates, and the people it kept them
/// apart from (for the document-level decisions, `names`).
pub struct Found {
    /// Company and product candidates, overlapping.
    pub candidates: Vec<Candidate>,
    /// The people the article names.
    pub people: People,
}

/// [`candidates`] from the tagger's spans of the text.
pub fn found_names(doc: &Doc<'_>, tagged: &[TaggedSpan]) -> Found {
    let (text, toks) = (doc.text, &doc.tokens);
    let lexicon = Lexicon::builtin();
    let mut lexical = lexicon_candidates(text, lexicon, &BUILTIN_MATCHER);
    let suffixed = legal_suffix_candidates(text, toks, lexicon);
    // The tagger learned the lexicon too; on an ambiguous name it repeats
    // the lexicon rather than reading the context, so there the evidence
    // rules decide and its spans are not candidates.
    let ambiguous_spans: HashSet<Span> = lexical.iter().filter(|m| m.ambiguous).map(|m| m.cand.span).collect();
    keep_evidenced(text, &mut lexical, &suffixed);
    let mut found: Vec<Candidate> = lexical
        .into_iter()
        .map(|m| {
            let mut cand = m.cand;
            if m.platform && used_as_platform(text, cand.span) {
                cand.label = Label::Product;
                cand.owner = Some(cand.owner.take().unwrap_or_else(|| cand.canonical.clone()));
            }
            cand
        })
        .collect();
    let mut confident: Vec<(Span, String)> = suffixed.iter().map(|c| (c.span, c.canonical.clone())).collect();
    for name in context_companies(doc) {
        let canonical = name.span.slice(text).to_string();
        found.push(Candidate {
            span: name.span,
            label: Label::Company,
            source: Source::Context,
            canonical: canonical.clone(),
            owner: None,
        });
        if let Some(short) = name.short {
            confident.push((short, canonical.clone()));
        }
        confident.push((name.span, canonical));
    }
    // A product run that holds a known name ("Xiaomi Android",
    // "Microsoft-Xiaomi") is several names, not one product.
    let mut known: Vec<Span> = found.iter().map(|c| c.span).collect();
    known.sort_unstable();
    let holds_known = |span: Span| {
        let from = known.partition_point(|k| k.start < span.start);
        known[from..]
            .iter()
            .take_while(|k| k.start < span.end)
            .any(|k| *k != span && k.end <= span.end)
    };
    let products: Vec<Span> = context_products(doc).into_iter().filter(|&s| !holds_known(s)).collect();
    found.extend(products.into_iter().map(|span| Candidate {
        span,
        label: Label::Product,
        source: Source::Context,
        canonical: span.slice(text).to_string(),
        owner: None,
    }));
    for t in tagged.iter().filter(|t| t.score >= model_threshold(t.label)) {
        let span = if t.label == Label::Company {
            without_description(text, t.span)
        } else {
            t.span
        };
        let name = span.slice(text);
        // A place the tagger takes for a company ("built in Australia") is
        // the place; a company named for one has a longer name or is in
        // the lexicon ("Ford Australia").
        let place = t.label == Label::Company && is_place(name);
        if place
            || GENERIC_TERMS.contains(&name)
            || ambiguous_spans.contains(&t.span)
            || ambiguous_spans.contains(&span)
        {
            continue;
        }
        if t.label == Label::Company {
            confident.push((span, name.to_string()));
        }
        found.push(Candidate {
            span,
            label: t.label,
            source: Source::Model,
            canonical: name.to_string(),
            owner: None,
        });
    }
    let mut companies: Vec<Span> = found
        .iter()
        .filter(|c| c.label == Label::Company)
        .map(|c| c.span)
        .chain(suffixed.iter().map(|c| c.span))
        .collect();
    companies.sort_unstable();
    // A company that context alone names is a candidate and is spread
    // through the article.
    let context_company = |span: Span, found: &mut Vec<Candidate>, confident: &mut Vec<(Span, String)>| {
        let canonical = span.slice(text).to_string();
        confident.push((span, canonical.clone()));
        found.push(Candidate {
            span,
            label: Label::Company,
            source: Source::Context,
            canonical,
            owner: None,
        });
    };
    for span in listed_investors(doc, &companies) {
        context_company(span, &mut found, &mut confident);
    }
    let abbreviations = parenthesised_abbreviations(text, &found);
    confident.extend(abbreviations.iter().map(|c| (c.span, c.canonical.clone())));
    found.extend(abbreviations);
    // Wire copy names a company before its ticker ("Zorbluk Bank N.V.
    // <ZBN.AS>"); a long company name's initials ("ZBN") are its short form.
    for span in ticker_names(text, toks) {
        context_company(span, &mut found, &mut confident);
    }
    let initials = initials_forms(text, &confident);
    confident.extend(initials);
    // Known companies are confident too: their capitalised forms are
    // looked for in all-capitals headlines, when the text has any.
    let capitals = has_capitals_line(text);
    if capitals {
        confident.extend(
            found
                .iter()
                .filter(|c| c.label == Label::Company && c.source == Source::Lexicon)
                .map(|c| (c.span, c.canonical.clone())),
        );
    }
    // People are never companies: their names and surnames are neither
    // spread through the article nor kept as candidates.
    let company_names: Vec<&str> = confident.iter().map(|(_, name)| name.as_str()).collect();
    let persons = people(text, toks, lexicon, &company_names);
    confident.retain(|(span, name)| !persons.overlaps(*span) && !persons.surnames.contains(name.as_str()));
    found.extend(propagate(text, &confident, capitals));
    found.extend(suffixed);
    // Whether a word is capitalised inside a sentence is a property of the
    // article, looked up once per word however often it is a candidate.
    let mut openers: HashMap<&str, bool> = HashMap::new();
    found.retain(|c| {
        let mut keep = |span: Span| {
            let word = span.slice(text);
            let opener = *openers
                .entry(word)
                .or_insert_with(|| inflected_sentence_opener(text, span));
            !(never_a_company(text, span) || opener && opens_sentence(text, span.start))
        };
        c.label != Label::Company || c.source == Source::Lexicon || keep(c.span)
    });
    let company_ends: HashSet<usize> = found
        .iter()
        .filter(|c| c.label == Label::Company && !persons.overlaps(c.span))
        .map(|c| c.span.end)
        .collect();
    found.retain(|c| {
        c.label != Label::Company
            || listed_after_company(text, c.span, &company_ends)
            || !names_a_person(text, c, &persons)
    });
    Found {
        candidates: found,
        people: persons,
    }
}

/// True when `span` follows a company in a list ("Point72 Ventures and
/// Franklin Templeton"): a listing beside a company is evidence enough
/// against a name's person shape.
fn listed_after_company(text: &str, span: Span, company_ends: &HashSet<usize>) -> bool {
    COMPANY_LIST_JOINS.iter().any(|sep| {
        text[..span.start]
            .strip_suffix(sep)
            .is_some_and(|before| company_ends.contains(&before.len()))
    })
}

/// True when a company candidate is a person's name or part of one:
/// inside a full name ("Ford" of "William Clay Ford Jr."), or, unless the
/// lexicon or a legal suffix vouches for it, overlapping one or equal to a
/// surname the article gave ("Dubois said").
fn names_a_person(text: &str, c: &Candidate, persons: &People) -> bool {
    // A context cue for the whole run ("participation from X and Franklin
    // Templeton") outweighs its shape.
    let whole_by_context = c.source == Source::Context && persons.names.contains(&c.span);
    let vouched = matches!(c.source, Source::Lexicon | Source::LegalSuffix) || whole_by_context;
    let inside = persons
        .first_overlapping(c.span)
        .is_some_and(|n| n.start <= c.span.start && c.span.end <= n.end && (n != c.span || !vouched));
    inside || (!vouched && (persons.overlaps(c.span) || persons.surnames.contains(c.span.slice(text))))
}

/// A found run that is not a company whatever the cue: only nationality
/// words, or the start of an institution's name ("US Securities" of "US
/// Securities and Exchange Commission").
fn never_a_company(text: &str, span: Span) -> bool {
    let name = span.slice(text);
    if name.split(' ').all(|w| DEMONYMS.contains(&w)) {
        return true;
    }
    let Some(rest) = text[span.end..].strip_prefix(" and ") else {
        return false;
    };
    let last = rest
        .split(' ')
        .take_while(|w| w.starts_with(|c: char| c.is_uppercase()))
        .last()
        .map(|w| w.trim_end_matches([',', '.', ';', ':']));
    last.is_some_and(|w| NOT_COMPANY_WORDS.contains(&w))
}

/// Endings of inflected common words with the shortest word they count
/// in ("Initially", "Going", "Politicians"), read once from the registry.
static ENDINGS: LazyLock<Vec<(&'static str, usize)>> = LazyLock::new(|| {
    INFLECTED_ENDINGS
        .rows()
        .iter()
        .map(|row| {
            // The registry's file is part of the build and read by the
            // tests; a bad number is a build defect.
            let min = row[1].parse().expect("data/words/inflected_endings.txt: a number");
            (row[0], min)
        })
        .collect()
});

/// A single word with the ending of an inflected common word that the
/// article never writes with a capital inside a sentence: where it opens a
/// sentence, the capital is the sentence's, not a name's. ("Going forward,
/// ...", "Initially, the company ...", "Politicians in Germany ...".)
fn inflected_sentence_opener(text: &str, span: Span) -> bool {
    let word = span.slice(text);
    let mut chars = word.chars();
    let shaped = chars.next().is_some_and(char::is_uppercase) && chars.all(|c| c.is_lowercase());
    let inflected = ENDINGS
        .iter()
        .any(|(end, min)| word.len() >= *min && word.ends_with(end));
    if !shaped || !inflected {
        return false;
    }
    let mut from = 0;
    while let Some(p) = text[from..].find(word) {
        let at = from + p;
        from = at + word.len();
        let whole = at_word_boundaries(text, Span::new(at, at + word.len()));
        if whole && !opens_sentence(text, at) {
            return false;
        }
    }
    true
}

/// True when byte `at` starts a sentence: only white space, quotes or
/// brackets stand between it and the start of the text or a sentence end.
pub(crate) fn opens_sentence(text: &str, at: usize) -> bool {
    let before = text[..at].trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '"' | '“' | '\'' | '‘' | '('));
    // White space was trimmed, so a line start shows in `text` itself.
    before.is_empty() || before.ends_with(['.', '!', '?', '"', '”']) || text[..at].ends_with('\n')
}

/// Score from which a tagger span is a candidate of its own. Chosen on the
/// tagger's cross-validated precision (MODEL.md): about 0.94 for companies
/// at 0.7; products are rarer in its training data and need 0.8.
fn model_threshold(label: Label) -> f32 {
    match label {
        Label::Company => 0.7,
        _ => 0.8,
    }
}

/// A learned span that starts with a description ("Spanish bank Santander",
/// "rival carmaker Zorbluk Motors"): the name is what follows the last
/// lower-case word that cannot be part of a name. Spans without one, or
/// ending in one, are kept whole.
fn without_description(text: &str, span: Span) -> Span {
    let slice = span.slice(text);
    let mut cut = None;
    let mut offset = 0;
    for word in slice.split(' ') {
        // "eBay", "easyJet": a lower-case start with capitals inside is a name.
        let lower = word.starts_with(|c: char| c.is_lowercase()) && !word.chars().any(char::is_uppercase);
        if lower && !NAME_JOINERS.contains(&word) {
            cut = Some(offset + word.len() + 1);
        }
        offset += word.len() + 1;
    }
    match cut {
        Some(at) if at < slice.len() => {
            let rest = &slice[at..];
            let first = rest.split(' ').next().unwrap_or_default();
            if first.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
                || first.chars().any(char::is_uppercase)
            {
                Span::new(span.start + at, span.end)
            } else {
                span
            }
        }
        _ => span,
    }
}

/// "Foo Bar Corp." and "Acme Holdings": capitalised words before a legal
/// suffix, the suffix included.
fn legal_suffix_candidates(text: &str, toks: &[Token<'_>], lexicon: &Lexicon) -> Vec<Candidate> {
    let mut out = Vec::new();
    for (i, suffix) in toks.iter().enumerate() {
        if !LEGAL_SUFFIXES.contains(&suffix.text) || i == 0 {
            continue;
        }
        let mut first = i;
        while first > 0 && i - first < 5 {
            let prev = &toks[first - 1];
            let gap = &text[prev.span.end..toks[first].span.start];
            let joined = gap == " " || (gap == ", " && first == i);
            if !joined {
                break;
            }
            // "Hitachi Ltd and Zorbluk Corp": another suffix ends the name
            // before, so neither it nor an "and" after it joins this one.
            if LEGAL_SUFFIXES.contains(&prev.text) {
                break;
            }
            let connector = matches!(prev.text, "&" | "of" | "and") && first < i;
            let before_connector = connector && first - 1 > 0 && toks[first - 2].is_capitalised();
            if before_connector && LEGAL_SUFFIXES.contains(&toks[first - 2].text) {
                break;
            }
            if prev.is_capitalised() || before_connector {
                first -= 1;
            } else {
                break;
            }
        }
        while first < i
            && (NOT_NAME_START.contains(&toks[first].text) || matches!(toks[first].text, "&" | "of" | "and"))
        {
            first += 1;
        }
        if first == i {
            continue;
        }
        let name_span = Span::new(toks[first].span.start, toks[i - 1].span.end);
        let name = name_span.slice(text);
        // "Amazon.com, Inc.": the name ends before the comma.
        let span = Span::new(name_span.start, suffix.span.end);
        let canonical = lexicon
            .lookup(name)
            .map_or_else(|| name.to_string(), |e| e.name.clone());
        out.push(Candidate {
            span,
            label: Label::Company,
            source: Source::LegalSuffix,
            canonical,
            owner: None,
        });
    }
    out
}

/// "Pacific Consultants (PCKK)": a short all-capital abbreviation in
/// brackets right after a company names the same company.
fn parenthesised_abbreviations(text: &str, found: &[Candidate]) -> Vec<Candidate> {
    found
        .iter()
        .filter(|c| c.label == Label::Company)
        .filter_map(|c| {
            let rest = text[c.span.end..].strip_prefix(" (")?;
            let close = rest.find(')')?;
            let abbr = &rest[..close];
            let letters = abbr.chars().filter(|ch| ch.is_alphabetic()).count();
            let shape = (2..=6).contains(&letters)
                && abbr
                    .chars()
                    .all(|ch| ch.is_ascii_uppercase() || ch.is_ascii_digit() || ch == '&' || ch == '-');
            if !shape || GENERIC_TERMS.contains(&abbr) {
                return None;
            }
            let start = c.span.end + 2;
            Some(Candidate {
                span: Span::new(start, start + abbr.len()),
                label: Label::Company,
                source: Source::Context,
                canonical: c.canonical.clone(),
                owner: None,
            })
        })
        .collect()
}

/// Marks every other mention of a confidently found company: "Acme Corp."
/// makes every later "Acme" a company too, and "AI startup Zentrobe" every
/// later "Zentrobe". Each entry is a span of the text and its canonical name.
/// In lines written all in capitals (wire-service headlines) the capitalised
/// form counts too: "Union Pacific" in the story marks "UNION PACIFIC" above.
fn propagate(text: &str, confident: &[(Span, String)], capitals: bool) -> Vec<Candidate> {
    // Pattern → (canonical name, only inside all-capitals lines).
    let mut names: HashMap<String, (&str, bool)> = HashMap::new();
    for (span, canonical) in confident {
        let bare = bare_name(span.slice(text));
        if bare.chars().count() < 2 {
            continue;
        }
        names.entry(bare.to_string()).or_insert((canonical, false));
        let caps = if capitals { bare.to_uppercase() } else { String::new() };
        if capitals && caps != bare && caps.len() == bare.len() {
            names.entry(caps).or_insert((canonical, true));
        }
    }
    if names.is_empty() {
        return Vec::new();
    }
    let mut patterns: Vec<&str> = names.keys().map(String::as_str).collect();
    patterns.sort_unstable();
    // A handful of names per article: a non-contiguous NFA builds in
    // microseconds, where the default DFA would cost more than the search.
    let Ok(ac) = AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .kind(Some(AhoCorasickKind::NoncontiguousNFA))
        .build(&patterns)
    else {
        return Vec::new();
    };
    ac.find_iter(text)
        .map(|m| (Span::new(m.start(), m.end()), patterns[m.pattern().as_usize()]))
        .filter(|(span, _)| at_word_boundaries(text, *span))
        .filter_map(|(span, pattern)| {
            let (canonical, caps_only) = names[pattern];
            (!caps_only || in_capitals_line(text, span)).then(|| Candidate {
                span,
                label: Label::Company,
                source: Source::Document,
                canonical: canonical.to_string(),
                owner: None,
            })
        })
        .collect()
}

/// True when some line of `text` is written all in capitals.
fn has_capitals_line(text: &str) -> bool {
    text.lines()
        .any(|line| line.chars().filter(|c| c.is_alphabetic()).count() >= 4 && !line.chars().any(char::is_lowercase))
}

/// True when the line around `span` has letters and none of them is lower
/// case ("UNION PACIFIC <UNP> IN PARTNERSHIP WITH PDVSA").
fn in_capitals_line(text: &str, span: Span) -> bool {
    let start = text[..span.start].rfind('\n').map_or(0, |i| i + 1);
    let end = text[span.end..].find('\n').map_or(text.len(), |i| span.end + i);
    let line = &text[start..end];
    line.chars().filter(|c| c.is_alphabetic()).count() >= 4 && !line.chars().any(char::is_lowercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<(String, Label)> {
        let mut c = candidates(text, Tagger::builtin());
        c.sort_by_key(|c| c.span);
        c.iter().map(|c| (c.span.slice(text).to_string(), c.label)).collect()
    }

    #[test]
    fn suffix_rule_takes_capitalised_words_and_the_suffix() {
        let got = found("Yesterday Zorbluk Widgets Corp. said it will buy Quandle Ltd for cash.");
        assert!(
            got.contains(&("Zorbluk Widgets Corp.".into(), Label::Company)),
            "{got:?}"
        );
        assert!(got.contains(&("Quandle Ltd".into(), Label::Company)), "{got:?}");
    }

    #[test]
    fn suffix_rule_drops_sentence_initial_function_words() {
        let got = found("The Frobnitz Group said so.");
        assert!(got.contains(&("Frobnitz Group".into(), Label::Company)), "{got:?}");
        let got = found("Shareholders of Quandle Inc rejected the offer.");
        assert!(got.contains(&("Quandle Inc".into(), Label::Company)), "{got:?}");
    }

    #[test]
    fn nationality_words_and_institution_starts_are_never_companies() {
        let cases = [
            ("South Korean search giant", "South Korean", true),
            (
                "a filing with the US Securities and Exchange Commission, it said",
                "US Securities",
                true,
            ),
            ("Korean Air rose", "Korean Air", false),
            (
                "Results were weak.\n\nInitially, the firm sold software.",
                "Initially",
                true,
            ),
            ("Going forward, Quorbit will sell hardware.", "Going", true),
            ("He said. Politicians in Lyon welcomed it.", "Politicians", true),
            ("Sterling rose. Staff at Sterling said so.", "Sterling", false),
            ("Fielding rose. Shares of Fielding fell.", "Fielding", false),
            ("Quorvex Securities and Zorbluk Capital", "Quorvex Securities", false),
        ];
        for (text, name, never) in cases {
            let start = text.find(name).unwrap_or_default();
            let span = Span::new(start, start + name.len());
            let opener = inflected_sentence_opener(text, span) && opens_sentence(text, span.start);
            assert_eq!(never_a_company(text, span) || opener, never, "{text}");
        }
    }

    #[test]
    fn a_learned_span_loses_its_leading_description() {
        let cases = [
            ("Spanish bank Santander", "Santander"),
            ("rival carmaker Zorbluk Motors", "Zorbluk Motors"),
            ("Bank of America", "Bank of America"),
            ("Marks and Spencer", "Marks and Spencer"),
            ("Zorbluk labs", "Zorbluk labs"),
            ("iRobot", "iRobot"),
            ("eBay Inc", "eBay Inc"),
            ("budget airline easyJet", "easyJet"),
        ];
        for (text, want) in cases {
            let got = without_description(text, Span::new(0, text.len()));
            assert_eq!(got.slice(text), want, "{text}");
        }
    }

    #[test]
    fn suffix_rule_stops_at_another_suffixed_name() {
        let got = found("Zorbluk Ltd and Quandle Widgets Corp signed a licensing agreement.");
        assert!(got.contains(&("Zorbluk Ltd".into(), Label::Company)), "{got:?}");
        assert!(
            got.contains(&("Quandle Widgets Corp".into(), Label::Company)),
            "{got:?}"
        );
        // An "and" inside one name still joins.
        let got = found("Marbury and Quell Inc said so.");
        assert!(
            got.contains(&("Marbury and Quell Inc".into(), Label::Company)),
            "{got:?}"
        );
    }

    #[test]
    fn suffixed_names_propagate_to_bare_mentions() {
        let got = found("Zorbluk Inc. rose. Later, Zorbluk fell.");
        assert!(got.contains(&("Zorbluk".into(), Label::Company)), "{got:?}");
    }

    /// Regression: the word before a platform name was cut at a byte index
    /// inside a multi-byte quote and panicked.
    #[test]
    fn platform_cue_after_a_curly_quote_does_not_panic() {
        let got = found("She wrote “on Lyft” and ”Lyft said.");
        assert!(got.contains(&("Lyft".into(), Label::Product)), "{got:?}");
    }
}
