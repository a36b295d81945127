//! Model designations and plural forms of the products an article names.
//!
//! A product line is often written with its model, generation or version
//! after it (ANNOTATION.md: `iPhone 11 Pro`, `Boeing 737-800`, `Llama 2`):
//! the designation is part of the product's name, so the mark grows over it.
//! And a product an article names is also named by its plural ("two
//! iPhones"), which the lexicon never lists. Both are decided from the shape
//! of the words after or around a PRODUCT mark, for any product, never from
//! a list of products.

use crate::annotation::Mark;
use crate::span::{Label, Source, Span};
use crate::text::Token;
use crate::words::{MODEL_WORDS, QUANTITY_UNITS};

/// True for a model designation: a short run of letters and digits that
/// holds a digit ("4", "3GS", "3.0", "737-800", "S23"), not a year or an
/// amount.
fn is_designation(word: &str) -> bool {
    let len = word.chars().count();
    let has_digit = word.chars().any(|c| c.is_ascii_digit());
    let shape_ok = word
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-'))
        && word.chars().next().is_some_and(|c| c.is_ascii_alphanumeric())
        && word.chars().last().is_some_and(|c| c.is_ascii_alphanumeric());
    let year =
        len == 4 && word.chars().all(|c| c.is_ascii_digit()) && (word.starts_with("19") || word.starts_with("20"));
    let long_number = len > 4 && word.chars().all(|c| c.is_ascii_digit());
    // "64bit", "32-bit": a property of a version, not a model.
    let width = word.to_ascii_lowercase().ends_with("bit");
    has_digit && shape_ok && len <= 8 && !year && !long_number && !width
}

fn is_model_word(word: &str) -> bool {
    let lower = word.to_ascii_lowercase();
    MODEL_WORDS.iter().any(|w| *w == lower)
}

/// Grows each PRODUCT mark over the model designation that follows it
/// ("iPhone" + " 4" + " Pro"), when the words are joined by single spaces,
/// belong to no other mark and are not a quantity.
pub fn extend_with_models(text: &str, toks: &[Token<'_>], marks: &mut [Mark]) {
    let starts: Vec<usize> = marks.iter().map(|m| m.span.start).collect();
    for (i, mark) in marks.iter_mut().enumerate() {
        if mark.label != Label::Product {
            continue;
        }
        let next_mark = starts.get(i + 1).copied().unwrap_or(text.len());
        let mut k = toks.partition_point(|t| t.span.start < mark.span.end);
        let mut end = mark.span.end;
        let mut words = 0;
        while let Some(t) = toks.get(k) {
            let joined = &text[end..t.span.start] == " ";
            if !joined || t.span.end > next_mark || words == 3 {
                break;
            }
            let designation = is_designation(t.text);
            let after = toks
                .get(k + 1)
                .filter(|n| &text[t.span.end..n.span.start] == " ")
                .map(|n| n.text.to_ascii_lowercase());
            // "1,000" and "2.5" are amounts, cut into tokens at the separator.
            let mut rest = text[t.span.end..].chars();
            let separated = matches!(rest.next(), Some(',' | '.')) && rest.next().is_some_and(|c| c.is_ascii_digit());
            let quantity = designation && (separated || after.as_deref().is_some_and(|a| QUANTITY_UNITS.contains(&a)));
            if !(designation || is_model_word(t.text)) || quantity {
                break;
            }
            end = t.span.end;
            words += 1;
            k += 1;
        }
        if end > mark.span.end {
            mark.span.end = end;
            mark.canonical = mark.span.slice(text).to_string();
        }
    }
}

/// Marks the plural of a product the article names ("iPods" beside
/// "iPod"), as a mark of that product. Plurals already marked, or inside
/// another mark, are left alone.
pub fn plural_products(text: &str, toks: &[Token<'_>], marks: &mut Vec<Mark>) {
    let singular: std::collections::HashMap<&str, (String, Option<String>)> = marks
        .iter()
        .filter(|m| m.label == Label::Product)
        .map(|m| (m.span.slice(text), (m.canonical.clone(), m.owner.clone())))
        .filter(|(s, _)| s.chars().count() >= 3 && !s.ends_with(['s', 'S']) && !s.contains(' '))
        .collect();
    if singular.is_empty() {
        return;
    }
    let found = toks
        .iter()
        .filter_map(|t| {
            let (canonical, owner) = singular.get(t.text.strip_suffix('s')?)?;
            Some((t.span, canonical.clone(), owner.clone()))
        })
        .collect();
    add_document_products(marks, found);
}

/// Adds a PRODUCT mark (source: document) for each found span that no mark
/// covers yet, keeping the marks sorted and disjoint.
fn add_document_products(marks: &mut Vec<Mark>, found: Vec<(Span, String, Option<String>)>) {
    let free = |span: &Span| {
        let at = marks.partition_point(|m| m.span.end <= span.start);
        !marks.get(at).is_some_and(|m| m.span.overlaps(span))
    };
    let added: Vec<Mark> = found
        .into_iter()
        .filter(|(span, ..)| free(span))
        .map(|(span, canonical, owner)| Mark {
            span,
            label: Label::Product,
            source: Source::Document,
            canonical,
            owner,
            kind: None,
        })
        .collect();
    if !added.is_empty() {
        marks.extend(added);
        marks.sort_by_key(|m| m.span);
        // Two found names never claim the same words.
        marks.dedup_by(|b, a| b.span.overlaps(&a.span));
    }
}

/// "Taurus" after "Ford Taurus": once an article names a product with its
/// maker's name before it, the rest of the name alone is that product
/// wherever the article writes it, unless the article also writes it in
/// lower case (then it is a common word: "Apple Music", "music").
pub fn product_short_forms(text: &str, marks: &mut Vec<Mark>) {
    let mut short: Vec<(&str, String, Option<String>)> = Vec::new();
    // Each name is judged once, however often the article repeats it.
    let mut seen: std::collections::HashSet<&str> = std::collections::HashSet::new();
    for m in marks.iter().filter(|m| m.label == Label::Product) {
        let Some(owner) = m.owner.as_deref() else { continue };
        let Some(rest) = m.span.slice(text).strip_prefix(owner).and_then(|r| r.strip_prefix(' ')) else {
            continue;
        };
        if !seen.insert(rest) {
            continue;
        }
        let first_word = rest.split(' ').next().unwrap_or_default();
        let named = rest.chars().count() >= 3
            && rest.chars().next().is_some_and(char::is_uppercase)
            && !is_model_word(first_word)
            && !is_designation(first_word);
        let lower = rest.to_lowercase();
        let common = lower != rest
            && text
                .match_indices(lower.as_str())
                .any(|(at, w)| crate::text::at_word_boundaries(text, Span::new(at, at + w.len())));
        if named && !common {
            short.push((rest, m.canonical.clone(), m.owner.clone()));
        }
    }
    let mut found = Vec::new();
    for (rest, canonical, owner) in short {
        for (at, _) in text.match_indices(rest) {
            let span = Span::new(at, at + rest.len());
            if crate::text::at_word_boundaries(text, span) {
                found.push((span, canonical.clone(), owner.clone()));
            }
        }
    }
    add_document_products(marks, found);
}

/// The span of a mark grown by [`extend_with_models`], for tests.
#[cfg(test)]
fn grown(text: &str, product: &str) -> String {
    let toks = crate::text::tokens(text);
    let start = text.find(product).unwrap_or(0);
    let mut marks = vec![Mark {
        span: Span::new(start, start + product.len()),
        label: Label::Product,
        source: Source::Lexicon,
        canonical: product.to_string(),
        owner: None,
        kind: None,
    }];
    extend_with_models(text, &toks, &mut marks);
    marks[0].span.slice(text).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn designations_and_model_words_join_the_product() {
        let rows = [
            ("Apple showed the iPhone 4 on Monday.", "iPhone", "iPhone 4"),
            ("the iPhone 3GS sold well", "iPhone", "iPhone 3GS"),
            ("Samsung's Galaxy S23 Ultra arrives", "Galaxy", "Galaxy S23 Ultra"),
            ("a new iPod nano and", "iPod", "iPod nano"),
            ("Boeing 737-800 jets", "Boeing", "Boeing 737-800"),
            ("Meta released Llama 2.", "Llama", "Llama 2"),
            ("the iPhone 11 Pro Max, priced", "iPhone", "iPhone 11 Pro Max"),
        ];
        for (text, product, want) in rows {
            assert_eq!(grown(text, product), want, "{text}");
        }
    }

    #[test]
    fn quantities_years_and_other_words_do_not() {
        let rows = [
            ("an iPod 30 GB model", "iPod"),
            ("the iPhone 2007 launch", "iPhone"),
            ("sold the iPhone to", "iPhone"),
            ("the iPhone, 4 of them", "iPhone"),
            ("the iPhone 4s", "iPhone"),
            ("iPhone 1,000 units", "iPhone"),
            ("iPhone\n4", "iPhone"),
            ("Windows 64bit", "Windows"),
        ];
        for (text, product) in rows {
            let got = grown(text, product);
            let ok = got == product || (text == "the iPhone 4s" && got == "iPhone 4s");
            assert!(ok, "{text}: {got}");
        }
    }

    #[test]
    fn the_rest_of_a_maker_s_product_name_is_the_product() {
        let mark = |text: &str, name: &str, owner: &str| {
            let at = text.find(name).unwrap_or(0);
            Mark {
                span: Span::new(at, at + name.len()),
                label: Label::Product,
                source: Source::Lexicon,
                canonical: name.into(),
                owner: Some(owner.into()),
                kind: None,
            }
        };
        let text = "Atlanta makes the Ford Taurus sedan. Taurus sales fell, and the Taurus line ends.";
        let mut marks = vec![mark(text, "Ford Taurus", "Ford")];
        product_short_forms(text, &mut marks);
        let got: Vec<(&str, &str)> = marks
            .iter()
            .map(|m| (m.span.slice(text), m.canonical.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                ("Ford Taurus", "Ford Taurus"),
                ("Taurus", "Ford Taurus"),
                ("Taurus", "Ford Taurus")
            ]
        );
        // A common word stays a word.
        let text = "Apple Music grew. Music fans and music labels agreed.";
        let mut marks = vec![mark(text, "Apple Music", "Apple")];
        product_short_forms(text, &mut marks);
        assert_eq!(marks.len(), 1);
    }

    #[test]
    fn plurals_of_named_products_are_marked() {
        let text = "The iPod sold well; iPods are everywhere. Ipods, pods.";
        let toks = crate::text::tokens(text);
        let at = text.find("iPod").unwrap_or(0);
        let mut marks = vec![Mark {
            span: Span::new(at, at + 4),
            label: Label::Product,
            source: Source::Lexicon,
            canonical: "iPod".into(),
            owner: Some("Apple".into()),
            kind: None,
        }];
        plural_products(text, &toks, &mut marks);
        let got: Vec<(&str, &str)> = marks
            .iter()
            .map(|m| (m.span.slice(text), m.canonical.as_str()))
            .collect();
        assert_eq!(got, [("iPod", "iPod"), ("iPods", "iPod")]);
    }
}
