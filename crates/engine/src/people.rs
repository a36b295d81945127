//! People's names, found so that they never become companies.
//!
//! A person is written with a given name before a capitalised surname
//! ("Marie Dubois", "William Clay Ford Jr.") or with a title ("Mr
//! Hazelhoff"). Once the article has named a person, the bare surname
//! ("Dubois said") is that person too. The given names come from a list of
//! English given names (`data/first-names.txt`, public domain); a given name
//! that is also a name the lexicon knows as a company ("Dell", "Mercedes")
//! starts no person.

use std::collections::HashSet;
use std::sync::LazyLock;

use crate::lexicon::Lexicon;
use crate::span::{Label, Span};
use crate::text::Token;
use crate::words::word_list;
use crate::words::{COMPANY_HEADS, LEGAL_SUFFIXES, TITLES};

/// The given-name list, one a line, `#` comments.
const FIRST_NAMES_TXT: &str = include_str!("../data/first-names.txt");

static FIRST_NAMES: LazyLock<HashSet<&'static str>> = LazyLock::new(|| word_list(FIRST_NAMES_TXT));

/// True when `word` is in the given-name list.
pub(crate) fn is_first_name(word: &str) -> bool {
    FIRST_NAMES.contains(word)
}

/// Words that end a person's name: a legal suffix or a company head word
/// makes the run a company ("Bear Flag Robotics", "Joseph Saveri Law
/// Firm"; "Group" and "Holdings" are legal suffixes).
fn is_company_word(word: &str) -> bool {
    LEGAL_SUFFIXES.contains(&word) || COMPANY_HEADS.contains(&word) || word == "Firm"
}

/// True when most words of the line around `at` are capitalised: a
/// title-case headline ("John Deere Doubles Down on Silicon Valley"), where
/// capitals say nothing about names.
fn in_title_case_line(text: &str, at: usize) -> bool {
    let start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let end = text[at..].find('\n').map_or(text.len(), |i| at + i);
    let words: Vec<&str> = text[start..end].split_whitespace().collect();
    let capitalised = words
        .iter()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .count();
    words.len() >= 4 && capitalised * 10 >= words.len() * 7
}

/// The people an article names: the spans of their full names and the set
/// of their surnames.
#[derive(Debug, Default)]
pub struct People {
    /// Where a full name is written ("Marie Dubois").
    pub names: Vec<Span>,
    /// Surnames of the people named ("Dubois").
    pub surnames: HashSet<String>,
}

impl People {
    /// True when `span` lies inside a person's full name, or overlaps one.
    pub fn overlaps(&self, span: Span) -> bool {
        self.first_overlapping(span).is_some()
    }

    /// The first full name that `span` overlaps (names are sorted and
    /// disjoint, so this is a binary search).
    pub fn first_overlapping(&self, span: Span) -> Option<Span> {
        let at = self.names.partition_point(|n| n.end <= span.start);
        self.names.get(at).filter(|n| n.overlaps(&span)).copied()
    }
}

fn is_capitalised_word(t: &Token<'_>) -> bool {
    let mut chars = t.text.chars();
    chars.next().is_some_and(char::is_uppercase)
        && t.text
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, '\'' | '’' | '-' | '.'))
        && t.text.chars().skip(1).any(char::is_lowercase)
}

/// A middle initial: one capital letter and a full stop ("K." of "John K.
/// Smith"; the tokenizer leaves the stop out of the token).
fn is_initial(text: &str, t: &Token<'_>) -> bool {
    let b = t.text.as_bytes();
    b.len() == 1 && b[0].is_ascii_uppercase() && text[t.span.end..].starts_with('.')
}

/// Finds the people `text` names. `companies` are the names of companies the
/// article is known to name: a run that starts one of them is that
/// company's short form ("Bear Flag" of "Bear Flag Robotics"), not a person.
pub fn people(text: &str, toks: &[Token<'_>], lexicon: &Lexicon, companies: &[&str]) -> People {
    let mut out = People::default();
    let spaced = |a: &Token<'_>, b: &Token<'_>| {
        let gap = &text[a.span.end..b.span.start];
        gap == " " || (gap == ". " && is_initial(text, a))
    };
    let known = |name: &str| lexicon.lookup(name).is_some();
    let company_name = |name: &str| lexicon.lookup(name).is_some_and(|e| e.label == Label::Company);
    let generational = |t: &Token<'_>| matches!(t.text, "Jr." | "Jr" | "Sr." | "Sr");
    // Every shorter form of a company name, cut at a space ("Bear Flag" of
    // "Bear Flag Robotics"), to look up in one step.
    let short_forms: HashSet<&str> = companies
        .iter()
        .flat_map(|c| c.match_indices(' ').map(move |(at, _)| &c[..at]))
        .collect();
    let mut i = 0;
    while i < toks.len() {
        let first = &toks[i];
        // A given name the lexicon also knows ("Claude", "Dell") starts no
        // person, nor does one in a title-case headline.
        let given = FIRST_NAMES.contains(first.text) && !known(first.text);
        let titled = TITLES.contains(&first.text);
        if !(given || titled) || in_title_case_line(text, first.span.start) {
            i += 1;
            continue;
        }
        // Up to two more capitalised words or initials, the last being the
        // surname; "Jr." or "Sr." may follow. A company word makes the run a
        // company's name; a name the lexicon knows is not taken as a surname
        // ("Claude Anthropic") unless a title or "Jr." says so.
        let mut last = i;
        let mut company = false;
        for k in i + 1..(i + 4).min(toks.len()) {
            let t = &toks[k];
            if !spaced(&toks[k - 1], t) || generational(t) {
                break;
            }
            if is_company_word(t.text) {
                company = true;
                break;
            }
            if is_capitalised_word(t) || (is_initial(text, t) && k + 1 < toks.len()) {
                last = k;
            } else {
                break;
            }
        }
        while last > i && is_initial(text, &toks[last]) {
            last -= 1;
        }
        let next = toks.get(last + 1).filter(|n| spaced(&toks[last], n) && generational(n));
        let sure = titled || next.is_some();
        if company || last == i || (!sure && (i + 1..=last).any(|k| known(toks[k].text))) {
            i += 1;
            continue;
        }
        let end = next.map_or(toks[last].span.end, |n| n.span.end);
        let surname = toks[last].text.trim_end_matches('.');
        let start = if titled {
            toks[i + 1].span.start
        } else {
            first.span.start
        };
        if short_forms.contains(&text[start..end]) {
            i = last + 1;
            continue;
        }
        out.names.push(Span::new(start, end));
        if surname.chars().count() >= 2 && !company_name(surname) {
            out.surnames.insert(surname.to_string());
        }
        i = last + 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokens;

    fn found(text: &str) -> (Vec<&str>, Vec<String>) {
        let p = people(text, &tokens(text), Lexicon::builtin(), &["Bear Flag Robotics"]);
        let mut surnames: Vec<String> = p.surnames.into_iter().collect();
        surnames.sort();
        (p.names.iter().map(|s| s.slice(text)).collect(), surnames)
    }

    #[test]
    fn given_names_and_titles_start_people() {
        let rows: &[(&str, &[&str], &[&str])] = &[
            ("Quorbit CEO Marie Dubois said so.", &["Marie Dubois"], &["Dubois"]),
            (
                "Chairman William Clay Ford Jr., is to end it.",
                &["William Clay Ford Jr."],
                // Ford is also a company the lexicon knows: bare, it stays one.
                &[],
            ),
            ("said Mr Hazelhoff, the chairman", &["Hazelhoff"], &["Hazelhoff"]),
            ("analyst John K. Smith wrote", &["John K. Smith"], &["Smith"]),
            ("Tiffany & Co and Grant Motors rose", &[], &[]),
            ("Michael Dell founded the firm", &[], &[]),
            ("Google will use Claude Anthropic's model", &[], &[]),
            ("to acquire Bear Flag Robotics, a startup", &[], &[]),
            ("John Deere Doubles Down on Silicon Valley Robots", &[], &[]),
            ("Bear Flag retrofits tractors", &[], &[]),
        ];
        for (text, names, surnames) in rows {
            let (n, s) = found(text);
            assert_eq!(&n, names, "{text}");
            assert_eq!(&s, surnames, "{text}");
        }
    }
}
