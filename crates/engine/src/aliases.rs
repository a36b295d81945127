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
use crate::context::DESCRIPTORS;
use crate::recognise::LEGAL_SUFFIXES;
use crate::span::Label;

/// Extra words that may follow a company's short name inside its full name.
const EXTRA_WORDS: &[&str] = &[
    "Electronics",
    "Motor",
    "Motors",
    "Co",
    "Company",
    "Corporation",
    "Inc",
    "Limited",
];

fn is_company_word(word: &str) -> bool {
    DESCRIPTORS.contains(&word) || LEGAL_SUFFIXES.contains(&word) || EXTRA_WORDS.contains(&word)
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

/// Renames companies to the shortest name the article uses for them.
pub fn group_company_names(marks: &mut [Mark]) {
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

#[cfg(test)]
mod tests {
    #[test]
    fn full_names_group_under_the_short_one_but_subsidiaries_do_not() {
        let text = "Samsung Electronics and Samsung; Google Cloud and Google; Zorbluk Holdings and Zorbluk; \
                    Microsoft Ventures and Microsoft.";
        let ann = crate::annotate(text);
        let canon = |surface: &str| {
            ann.marks
                .iter()
                .find(|m| m.span.slice(text) == surface)
                .map(|m| m.canonical.clone())
                .unwrap_or_default()
        };
        assert_eq!(canon("Samsung Electronics"), "Samsung");
        assert_eq!(canon("Google Cloud"), "Google Cloud");
        assert_eq!(canon("Zorbluk Holdings"), "Zorbluk");
        assert_eq!(canon("Microsoft Ventures"), "Microsoft Ventures");
    }
}
