//! Groups the names one article uses for one company.
//!
//! "Samsung Electronics" and "Samsung" in one article are one company: a
//! company name that is another name of the article plus only company words
//! ("Electronics", "Group", "Holdings", "Inc.") takes the shorter name as its
//! canonical name, as ANNOTATION.md asks (the shortest name the article uses).
//! Names whose extra words say what the unit does stay apart: "Google
//! Cloud", "Microsoft Ventures" and "Citi Bank" are subsidiaries that deal in
//! their own name.

use std::collections::HashSet;

use crate::annotation::Mark;
use crate::span::Label;
use crate::words::{DESCRIPTORS, LEGAL_SUFFIXES, SHORT_NAME_HEADS};

/// True for a word that may follow a company's short name inside its full
/// name: a descriptor ("Group"), a legal suffix ("Inc") or a head word the
/// shortest name leaves out ("Electronics", "Motors").
fn is_company_word(word: &str) -> bool {
    DESCRIPTORS.contains(&word) || LEGAL_SUFFIXES.contains(&word) || SHORT_NAME_HEADS.contains(&word)
}

/// The shorter name `long` is another form of, if any (see module docs).
fn shorter_form<'n>(long: &str, names: &HashSet<&'n str>) -> Option<&'n str> {
    let words: Vec<&str> = long.split(' ').collect();
    for cut in (1..words.len()).rev() {
        if !words[cut..].iter().all(|w| is_company_word(w.trim_end_matches(','))) {
            break;
        }
        let short = words[..cut].join(" ");
        if let Some(&found) = names.get(short.as_str()) {
            return Some(found);
        }
    }
    None
}

/// True when `abbr` may abbreviate `name`: two to six capitals (digits and
/// "&" allowed) starting with the initial of a name of several words
/// ("PDVSA" for "Petroleos de Venezuela", "OCG" for "Oriental Consultants
/// Global").
fn abbreviates(abbr: &str, name: &str) -> bool {
    let letters = abbr.chars().filter(|c| c.is_alphabetic()).count();
    (2..=6).contains(&letters)
        && abbr
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '&')
        && name.contains(' ')
        && name.chars().next() == abbr.chars().next()
}

/// Abbreviations set beside a full name, "Petroleos de Venezuela, PDVSA,"
/// or "Pacific Consultants (PCKK)": (abbreviation's canonical name, full
/// name's canonical name).
fn apposed_abbreviations(text: &str, marks: &[Mark]) -> Vec<(String, String)> {
    let companies: Vec<&Mark> = marks.iter().filter(|m| m.label == Label::Company).collect();
    companies
        .windows(2)
        .filter_map(|w| {
            let (full, abbr) = (w[0], w[1]);
            if full.span.end > abbr.span.start {
                return None;
            }
            let gap = &text[full.span.end..abbr.span.start];
            let after = text[abbr.span.end..].chars().next();
            let apposed =
                (gap == ", " && matches!(after, Some(',' | '.' | ';'))) || (gap == " (" && after == Some(')'));
            let ok = apposed && abbreviates(abbr.span.slice(text), full.span.slice(text));
            (ok && abbr.canonical != full.canonical).then(|| (abbr.canonical.clone(), full.canonical.clone()))
        })
        .collect()
}

/// Renames companies to the shortest name the article uses for them, and
/// an abbreviation set beside a full name to that name.
pub fn group_company_names(text: &str, marks: &mut [Mark]) {
    for (abbr, full) in apposed_abbreviations(text, marks) {
        for m in marks
            .iter_mut()
            .filter(|m| m.label == Label::Company && m.canonical == abbr)
        {
            m.canonical = full.clone();
        }
    }
    group_short_names(marks);
}

/// Renames companies to the shortest name the article uses for them.
fn group_short_names(marks: &mut [Mark]) {
    let names: Vec<String> = marks
        .iter()
        .filter(|m| m.label == Label::Company)
        .map(|m| m.canonical.clone())
        .collect();
    let set: HashSet<&str> = names.iter().map(String::as_str).collect();
    let renames: Vec<(String, String)> = set
        .iter()
        .filter_map(|long| shorter_form(long, &set).map(|short| (long.to_string(), short.to_string())))
        .collect();
    for m in marks.iter_mut() {
        if let Some((_, short)) = renames.iter().find(|(long, _)| *long == m.canonical) {
            m.canonical = short.clone();
        }
        if let Some(owner) = &m.owner {
            if let Some((_, short)) = renames.iter().find(|(long, _)| long == owner) {
                m.owner = Some(short.clone());
            }
        }
    }
}
