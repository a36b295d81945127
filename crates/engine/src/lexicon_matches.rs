//! Where the lexicon's names are written in a text, and which ambiguous ones
//! ("Apple", "Edge", "Office") have the evidence to stay (see
//! [`recognise`](crate::recognise) for the order of the checks).

use std::collections::HashSet;
use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, MatchKind};

use crate::candidate::Candidate;
use crate::lexicon::Lexicon;
use crate::span::{Label, Source, Span};
use crate::text::at_word_boundaries;
use crate::words::{COMPANY_CUES, COORDINATION_JOINS, PLATFORM_CUES};

pub(crate) struct Matcher {
    automaton: AhoCorasick,
    /// Pattern id to lexicon entry index.
    entry_of: Vec<usize>,
}

pub(crate) static BUILTIN_MATCHER: LazyLock<Matcher> = LazyLock::new(|| Matcher::new(Lexicon::builtin()));

impl Matcher {
    fn new(lexicon: &Lexicon) -> Self {
        let mut pairs: Vec<(&str, usize)> = lexicon.surfaces().collect();
        // Deterministic pattern order, whatever the hash map did.
        pairs.sort_unstable();
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .build(pairs.iter().map(|(s, _)| s))
            // Only fails past the automaton's size limits, far beyond the
            // lexicon's size; a failure here is a build defect.
            .expect("lexicon automaton builds");
        Matcher {
            automaton,
            entry_of: pairs.into_iter().map(|(_, i)| i).collect(),
        }
    }
}

/// A lexicon match waiting for its evidence check.
pub(crate) struct LexMatch {
    pub(crate) cand: Candidate,
    pub(crate) ambiguous: bool,
    pub(crate) platform: bool,
}

pub(crate) fn used_as_platform(text: &str, span: Span) -> bool {
    let before = text[..span.start].strip_suffix(' ').unwrap_or("");
    let word_start = before
        .char_indices()
        .rev()
        .find(|(_, c)| !c.is_alphanumeric())
        .map_or(0, |(i, c)| i + c.len_utf8());
    let word = &before[word_start..];
    PLATFORM_CUES.iter().any(|c| word.eq_ignore_ascii_case(c))
}

/// Where the lexicon's names are written in `text` as whole words
/// (overlapping matches included).
pub(crate) fn lexicon_spans(text: &str) -> Vec<Span> {
    BUILTIN_MATCHER
        .automaton
        .find_overlapping_iter(text)
        .map(|m| Span::new(m.start(), m.end()))
        .filter(|&span| at_word_boundaries(text, span))
        .collect()
}

pub(crate) fn lexicon_candidates(text: &str, lexicon: &Lexicon, matcher: &Matcher) -> Vec<LexMatch> {
    matcher
        .automaton
        .find_overlapping_iter(text)
        .filter_map(|m| {
            let span = Span::new(m.start(), m.end());
            if !at_word_boundaries(text, span) {
                return None;
            }
            let entry = lexicon.entry(matcher.entry_of[m.pattern().as_usize()]);
            let surface = span.slice(text);
            Some(LexMatch {
                // A multi-word or suffixed form ("Apple Inc.") is never ambiguous.
                ambiguous: entry.ambiguous && !surface.contains(' '),
                platform: entry.platform,
                cand: Candidate {
                    span,
                    label: entry.label,
                    source: Source::Lexicon,
                    canonical: entry.name.clone(),
                    owner: entry.owner.clone(),
                },
            })
        })
        .collect()
}

pub(crate) fn keep_evidenced(text: &str, found: &mut Vec<LexMatch>, suffixed: &[Candidate]) {
    let mut companies: HashSet<String> = found
        .iter()
        .filter(|m| !m.ambiguous && m.cand.label == Label::Company)
        .map(|m| m.cand.canonical.clone())
        .chain(suffixed.iter().map(|c| c.canonical.clone()))
        .collect();
    let mut owners: HashSet<String> = found
        .iter()
        .filter(|m| !m.ambiguous && m.cand.label == Label::Product)
        .filter_map(|m| m.cand.owner.clone())
        .collect();
    let products: Vec<(usize, String)> = found
        .iter()
        .filter(|m| m.cand.label == Label::Product)
        .filter_map(|m| m.cand.owner.clone().map(|o| (m.cand.span.start, o)))
        .collect();
    let products_at: HashSet<(usize, &str)> = products.iter().map(|(at, o)| (*at, o.as_str())).collect();
    let mut evidenced: HashSet<String> = HashSet::new();
    // Evidence can chain ("Amazon's Alexa": each vouches for the other), so
    // repeat until nothing changes; each round adds at least one name.
    loop {
        let mut company_spans: Vec<Span> = found
            .iter()
            .filter(|m| m.cand.label == Label::Company && companies.contains(&m.cand.canonical))
            .map(|m| m.cand.span)
            .chain(suffixed.iter().map(|c| c.span))
            .collect();
        company_spans.sort_unstable();
        let mut added = Vec::new();
        for m in found
            .iter()
            .filter(|m| m.ambiguous && !evidenced.contains(&m.cand.canonical))
        {
            let c = &m.cand;
            let ok = match c.label {
                Label::Company => {
                    followed_by_cue(text, c.span)
                        || owners.contains(&c.canonical)
                        || coordinated_with(text, c.span, &company_spans)
                        || possessive_of_own_product(text, c, &products_at)
                }
                Label::Product => {
                    let owned = c
                        .owner
                        .as_ref()
                        .is_some_and(|o| companies.contains(o) || evidenced.contains(o));
                    owned && !followed_by_word(text, c.span, "of")
                }
                Label::Agreement => false,
            };
            if ok {
                added.push(c.clone());
            }
        }
        if added.is_empty() {
            break;
        }
        for c in added {
            match c.label {
                Label::Company => companies.insert(c.canonical.clone()),
                _ => c.owner.is_some_and(|o| owners.insert(o)),
            };
            evidenced.insert(c.canonical);
        }
    }
    found.retain(|m| !m.ambiguous || evidenced.contains(&m.cand.canonical));
}

/// "OpenAI and Meta", "Amazon, Didi": a name listed next to a company.
/// `companies` is sorted.
pub(crate) fn coordinated_with(text: &str, span: Span, companies: &[Span]) -> bool {
    let longest = COORDINATION_JOINS.iter().map(|j| j.len()).max().unwrap_or(0);
    // Only companies ending just before or starting just after can qualify.
    let from = companies.partition_point(|c| c.start + longest * 8 < span.start);
    companies[from..]
        .iter()
        .take_while(|c| c.start <= span.end + longest)
        .any(|c| {
            let gap = if c.end <= span.start {
                &text[c.end..span.start]
            } else if span.end <= c.start {
                &text[span.end..c.start]
            } else {
                return false;
            };
            COORDINATION_JOINS.contains(&gap)
        })
}

/// "Amazon's Alexa": the name is followed by a possessive and one of its
/// own products. `products_at` holds (start, owner) of product matches.
pub(crate) fn possessive_of_own_product(text: &str, company: &Candidate, products_at: &HashSet<(usize, &str)>) -> bool {
    let rest = &text[company.span.end..];
    let Some(after) = rest.strip_prefix("'s ").or_else(|| rest.strip_prefix("’s ")) else {
        return false;
    };
    products_at.contains(&(text.len() - after.len(), company.canonical.as_str()))
}

pub(crate) fn next_word(text: &str, span: Span) -> Option<&str> {
    let rest = &text[span.end..];
    let trimmed = rest.strip_prefix(' ')?;
    let end = trimmed
        .find(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | ':'))
        .unwrap_or(trimmed.len());
    Some(&trimmed[..end])
}

pub(crate) fn followed_by_cue(text: &str, span: Span) -> bool {
    next_word(text, span).is_some_and(|w| COMPANY_CUES.contains(&w))
}

pub(crate) fn followed_by_word(text: &str, span: Span, word: &str) -> bool {
    next_word(text, span) == Some(word)
}
