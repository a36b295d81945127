//! Short forms an article gives a company, found from the article itself:
//! the name written before a stock ticker in angle brackets (wire style,
//! "Algemene Bank Nederland N.V. <ABNN.AS>") is a company, and the initials
//! of a company's name written as a word of capitals ("ABN") are that
//! company.

use std::collections::{HashMap, HashSet};

use aho_corasick::{AhoCorasick, AhoCorasickKind};

use crate::span::Span;
use crate::text::{at_word_boundaries, Token};
use crate::words::{INITIALS_SKIP, LEGAL_SUFFIXES, NOT_NAME_START};

/// The name without its legal suffix: "Acme Widgets Inc." -> "Acme Widgets".
pub fn bare_name(name: &str) -> &str {
    let trimmed = name.trim_end();
    match trimmed.rsplit_once(' ') {
        Some((head, last)) if LEGAL_SUFFIXES.contains(&last) => head.trim_end_matches(','),
        _ => trimmed,
    }
}

/// True for a ticker as wire copy writes it between angle brackets: one
/// to six capitals or digits starting with a capital, optionally an
/// exchange suffix ("UNP", "ABNN.AS", "BP.L").
fn is_ticker(s: &str) -> bool {
    let (symbol, exchange) = s.split_once('.').unwrap_or((s, ""));
    let caps = |w: &str| w.bytes().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit());
    (1..=6).contains(&symbol.len())
        && symbol.as_bytes()[0].is_ascii_uppercase()
        && caps(symbol)
        && exchange.len() <= 2
        && caps(exchange)
        && exchange.is_empty() != s.contains('.')
}

/// The names written right before a ticker: the capitalised words (and
/// legal suffixes) that end one space before `<TICKER>`. The ticker itself
/// is not a company mention.
pub(crate) fn ticker_names(text: &str, toks: &[Token<'_>]) -> Vec<Span> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(open) = text[from..].find(" <").map(|i| from + i) {
        from = open + 2;
        let Some(close) = text[from..].find('>').map(|i| from + i) else {
            break;
        };
        if !is_ticker(&text[from..close]) {
            continue;
        }
        // The tokens ending at `open`, going back while they are name words
        // one space apart.
        let last = toks.partition_point(|t| t.span.end <= open);
        let Some(end_tok) = last.checked_sub(1).filter(|&i| toks[i].span.end == open) else {
            continue;
        };
        let mut first = end_tok;
        let name_word = |t: &Token<'_>| t.is_name_like() || LEGAL_SUFFIXES.contains(&t.text);
        if !name_word(&toks[end_tok]) {
            continue;
        }
        while first > 0 && name_word(&toks[first - 1]) && &text[toks[first - 1].span.end..toks[first].span.start] == " "
        {
            first -= 1;
        }
        while first < end_tok && NOT_NAME_START.contains(&toks[first].text) {
            first += 1;
        }
        out.push(Span::new(toks[first].span.start, toks[end_tok].span.end));
    }
    out
}

/// For each company name of three words or more, the first place its
/// initials are written as a word of capitals elsewhere in the text, with
/// the name: "Algemene Bank Nederland N.V." and a later "ABN". One pass
/// over the text for all the names.
pub(crate) fn initials_forms(text: &str, companies: &[(Span, String)]) -> Vec<(Span, String)> {
    // Initials → the first company name that has them.
    let mut by_initials: HashMap<String, (&str, Span)> = HashMap::new();
    for (span, canonical) in companies {
        let name = bare_name(span.slice(text));
        let words: Vec<&str> = name.split_whitespace().filter(|w| !INITIALS_SKIP.contains(w)).collect();
        if words.len() < 3 || !words.iter().all(|w| w.starts_with(|c: char| c.is_ascii_uppercase())) {
            continue;
        }
        let initials: String = words.iter().filter_map(|w| w.chars().next()).collect();
        by_initials.entry(initials).or_insert((canonical, *span));
    }
    if by_initials.is_empty() {
        return Vec::new();
    }
    let mut patterns: Vec<&str> = by_initials.keys().map(String::as_str).collect();
    patterns.sort_unstable();
    let Ok(automaton) = AhoCorasick::builder()
        .kind(Some(AhoCorasickKind::NoncontiguousNFA))
        .build(&patterns)
    else {
        return Vec::new();
    };
    let mut out: Vec<(Span, String)> = Vec::new();
    let mut done: HashSet<usize> = HashSet::new();
    for m in automaton.find_iter(text) {
        let s = Span::new(m.start(), m.end());
        let p = m.pattern().as_usize();
        let (canonical, name_span) = by_initials[patterns[p]];
        if done.contains(&p) || !at_word_boundaries(text, s) || s.overlaps(&name_span) {
            continue;
        }
        done.insert(p);
        out.push((s, canonical.to_string()));
    }
    out.sort_by_key(|(s, _)| *s);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokens;

    fn names(text: &str) -> Vec<&str> {
        ticker_names(text, &tokens(text))
            .iter()
            .map(|s| s.slice(text))
            .collect()
    }

    #[test]
    fn the_name_before_a_ticker_is_taken_without_the_ticker() {
        assert_eq!(
            names("AMSTERDAM, March 6 - Zorbluk Bank Nederland N.V. <ZBNN.AS>\nsaid"),
            ["Zorbluk Bank Nederland N.V."]
        );
        assert_eq!(names("ACME WIDGETS <ACMW> IN TALKS"), ["ACME WIDGETS"]);
        assert_eq!(names("The Qwertyx Co <QWX> said"), ["Qwertyx Co"]);
    }

    #[test]
    fn brackets_that_are_no_ticker_name_nothing() {
        assert!(names("a value x <y> z").is_empty());
        assert!(names("Acme <b>bold</b>").is_empty());
        assert!(names("Acme <TOOLONGX>").is_empty());
        assert!(names("price <10>").is_empty());
        assert!(names("unclosed Acme <ACM").is_empty());
    }

    #[test]
    fn initials_of_a_long_name_are_its_short_form() {
        let text = "Zorbluk Bank Nederland N.V. reported. ZBN said profit rose. Bank of Far Isles said BFI grew.";
        let at = |s: &str| {
            let i = text.find(s).unwrap();
            Span::new(i, i + s.len())
        };
        let companies = vec![
            (
                at("Zorbluk Bank Nederland N.V."),
                "Zorbluk Bank Nederland N.V.".to_string(),
            ),
            (at("Bank of Far Isles"), "Bank of Far Isles".to_string()),
        ];
        let forms = initials_forms(text, &companies);
        let forms: Vec<(&str, &str)> = forms.iter().map(|(s, c)| (s.slice(text), c.as_str())).collect();
        assert_eq!(
            forms,
            [("ZBN", "Zorbluk Bank Nederland N.V."), ("BFI", "Bank of Far Isles")]
        );
        // Two-word names give no initials (too many collisions: "BA").
        let two = vec![(Span::new(0, 12), "Zorbluk Bank".to_string())];
        assert!(initials_forms("Zorbluk Bank and ZB.", &two).is_empty());
    }

    #[test]
    fn bare_name_strips_only_suffixes() {
        assert_eq!(bare_name("Acme Widgets Inc."), "Acme Widgets");
        assert_eq!(bare_name("Amazon.com, Inc."), "Amazon.com");
        assert_eq!(bare_name("Acme"), "Acme");
    }
}
