//! Tokens and sentences: the light segmentation the rules need.
//!
//! Tokens are runs of letters and digits that may contain `&`, `-`, `.` and
//! apostrophes inside them ("AT&T", "T-Mobile", "J.P."); a trailing period
//! is kept only for known abbreviations ("Corp.", "Inc."), and a possessive
//! `'s` becomes its own token so that "Xiaomi's" yields "Xiaomi".
//! Sentences end at `.`, `!` or `?` followed by white space, or at a line
//! break; this is enough for "same sentence" tests and is not a parser.

use crate::span::Span;
use crate::words::{ABBREVIATIONS, DOTTED_TITLES};

/// A hash map keyed by short words. It uses rustc's Fx hash: the standard
/// SipHash (built to resist hash flooding from untrusted keys in long-lived
/// tables) is several times slower on these per-word lookups, especially in
/// wasm. Nothing iterates these maps to produce output, so the hash never
/// changes what is found.
pub type WordMap<K, V> = rustc_hash::FxHashMap<K, V>;

/// True for characters that belong inside a word.
pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// True when `span` starts and ends at word boundaries of `text`: the
/// characters just outside it are not letters or digits.
pub fn at_word_boundaries(text: &str, span: Span) -> bool {
    let before = text[..span.start].chars().next_back();
    let after = text[span.end..].chars().next();
    !before.is_some_and(is_word_char) && !after.is_some_and(is_word_char)
}

/// Byte offset in `hay` of the first whole-word occurrence of `needle`,
/// ignoring ASCII case; `needle` is lower-case ASCII ("last week").
///
/// The search runs on `hay` itself, never on a lower-cased copy: lower-casing
/// changes the byte length of some characters ("İ" is 2 bytes, "i̇" is 3;
/// the Kelvin sign is 3 bytes, "k" is 1), so a copy's offsets do not hold in
/// the original. A match of ASCII bytes always lies on character boundaries.
///
/// ```
/// use pactlens_engine::text::find_word_ignore_ascii_case;
/// let text = "İİİ İstanbul, Today";
/// let at = find_word_ignore_ascii_case(text, "today").unwrap();
/// assert_eq!(&text[at..], "Today");
/// assert_eq!(find_word_ignore_ascii_case("todays", "today"), None);
/// ```
pub fn find_word_ignore_ascii_case(hay: &str, needle: &str) -> Option<usize> {
    debug_assert!(needle.is_ascii() && !needle.is_empty());
    let (bytes, n) = (hay.as_bytes(), needle.as_bytes());
    if n.is_empty() || bytes.len() < n.len() {
        return None;
    }
    (0..=bytes.len() - n.len()).find(|&at| {
        bytes[at..at + n.len()].eq_ignore_ascii_case(n)
            && hay.is_char_boundary(at)
            && at_word_boundaries(hay, Span::new(at, at + n.len()))
    })
}

/// A token with its byte span.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token<'t> {
    /// Where it is.
    pub span: Span,
    /// Its text.
    pub text: &'t str,
}

impl Token<'_> {
    /// True when the first character is an upper-case letter or a digit
    /// ("Microsoft", "3M").
    pub fn is_capitalised(&self) -> bool {
        self.text
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
    }

    /// Capitalised, or with a capital inside ("iPhone", "e-Palette").
    pub fn is_name_like(&self) -> bool {
        self.is_capitalised() || self.text.chars().skip(1).any(char::is_uppercase)
    }
}

fn is_inner_punct(c: char) -> bool {
    matches!(c, '&' | '-' | '.' | '\'' | '’')
}

/// Splits `text` into tokens (words; punctuation other than inner `&-.'`
/// is skipped).
pub fn tokens(text: &str) -> Vec<Token<'_>> {
    let mut out = Vec::new();
    let mut iter = text.char_indices().peekable();
    while let Some((start, c)) = iter.next() {
        if !is_word_char(c) {
            continue;
        }
        let mut end = start + c.len_utf8();
        while let Some(&(i, n)) = iter.peek() {
            if is_word_char(n) || is_inner_punct(n) {
                end = i + n.len_utf8();
                iter.next();
            } else {
                break;
            }
        }
        push_word(text, Span::new(start, end), &mut out);
    }
    out
}

/// Trims trailing punctuation from a raw word and splits off a possessive.
fn push_word<'t>(text: &'t str, mut span: Span, out: &mut Vec<Token<'t>>) {
    loop {
        let word = span.slice(text);
        let Some(last) = word.chars().next_back() else { return };
        if !is_inner_punct(last) {
            break;
        }
        if last == '.' && (ABBREVIATIONS.contains(&word) || is_initials(word)) {
            break;
        }
        span.end -= last.len_utf8();
    }
    let word = span.slice(text);
    for suffix in ["'s", "’s"] {
        if let Some(stem) = word.strip_suffix(suffix) {
            if !stem.is_empty() {
                let cut = span.start + stem.len();
                push_word(text, Span::new(span.start, cut), out);
                out.push(Token {
                    span: Span::new(cut, span.end),
                    text: &text[cut..span.end],
                });
                return;
            }
        }
    }
    out.push(Token { span, text: word });
}

/// The runs of tokens the tagger labels one at a time, as index ranges into
/// `toks` (the tokens of `text`).
///
/// A run ends where the text between two tokens holds a line break or a
/// `.`, `!` or `?` (a period kept inside an abbreviation token, as in
/// "Corp.", does not count). This reads token gaps only, so it cannot cut
/// inside a character whatever the script. It is coarser than [`sentences`]
/// on purpose: the tagger's model was trained on these units.
pub fn tag_units(text: &str, toks: &[Token<'_>]) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, pair) in toks.windows(2).enumerate() {
        let gap = &text[pair[0].span.end.min(pair[1].span.start)..pair[1].span.start];
        if gap.contains(['\n', '\r', '.', '!', '?']) {
            out.push(start..i + 1);
            start = i + 1;
        }
    }
    if start < toks.len() {
        out.push(start..toks.len());
    }
    out
}

/// "J.P." style initials: single upper-case letters each followed by a period.
fn is_initials(word: &str) -> bool {
    let bytes = word.as_bytes();
    bytes.len() >= 4
        && bytes
            .chunks(2)
            .all(|c| c.len() == 2 && c[0].is_ascii_uppercase() && c[1] == b'.')
}

/// The text the stages read: `text` itself, or, for hard-wrapped text (wire
/// copy, text copied from a PDF), `text` with the line breaks that only wrap
/// a line turned into spaces, so that a name or sentence that runs across a
/// line ("Acme Information\nSystems") is read as one.
///
/// A line break and a space are both one byte, so every byte offset holds in
/// both texts: spans found in the view are spans of the original (a name
/// across a line break is one mark that includes the newline).
///
/// A text counts as hard-wrapped when the lines that run on into another
/// line are long (a median of 40 characters or more) and most end without
/// sentence punctuation; in it, a break is soft unless a blank or indented
/// line follows, or the line is short and ends a sentence.
///
/// ```
/// use pactlens_engine::text::analysis_view;
/// let wire = "ACME BUYS BOLT\n\nNEW YORK, March 3 - Acme Information Systems Inc said it agreed\nto acquire Bolt Corp for 20 mln dlrs in cash, the company said on\nTuesday. Bolt makes industrial valves and pumps for the oil and gas\nindustry, and Acme Information\nSystems said the deal would close in April.\n";
/// let view = analysis_view(wire);
/// assert_eq!(view.len(), wire.len());
/// assert!(view.contains("agreed to acquire") && view.contains("Acme Information Systems said"));
/// assert!(view.starts_with("ACME BUYS BOLT\n\n"));
/// assert_eq!(analysis_view("Headline\nBy A. Writer\n\nBody."), "Headline\nBy A. Writer\n\nBody.");
/// ```
pub fn analysis_view(text: &str) -> std::borrow::Cow<'_, str> {
    // (start, end) of each line, without its newline.
    let mut lines: Vec<(usize, usize)> = Vec::new();
    let mut start = 0;
    for (i, b) in text.bytes().enumerate() {
        if b == b'\n' {
            lines.push((start, i));
            start = i + 1;
        }
    }
    lines.push((start, text.len()));
    let width = |&(s, e): &(usize, usize)| text[s..e].trim_end().chars().count();
    let blank = |l: &(usize, usize)| text[l.0..l.1].trim().is_empty();
    let indented = |l: &(usize, usize)| text[l.0..l.1].starts_with([' ', '\t']);
    // Lines followed by a line of text: the candidates for wrapping.
    let runs_on: Vec<usize> = (0..lines.len().saturating_sub(1))
        .filter(|&i| !blank(&lines[i]) && !blank(&lines[i + 1]) && !indented(&lines[i + 1]))
        .collect();
    if runs_on.len() < 3 {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut widths: Vec<usize> = runs_on.iter().map(|&i| width(&lines[i])).collect();
    widths.sort_unstable();
    let median = widths[widths.len() / 2];
    let open = runs_on
        .iter()
        .filter(|&&i| {
            !text[lines[i].0..lines[i].1]
                .trim_end()
                .ends_with(['.', '!', '?', ':', '"', '”'])
        })
        .count();
    if median < 40 || open * 2 < runs_on.len() {
        return std::borrow::Cow::Borrowed(text);
    }
    // A line wraps into the next unless it is short and ends a sentence
    // (the last line of a paragraph).
    let full = median * 3 / 5;
    let mut bytes = text.as_bytes().to_vec();
    for &i in &runs_on {
        let ends_sentence = text[lines[i].0..lines[i].1]
            .trim_end()
            .ends_with(['.', '!', '?', ':', '"', '”']);
        if width(&lines[i]) >= full || !ends_sentence {
            bytes[lines[i].1] = b' ';
        }
    }
    // Only ASCII newlines became ASCII spaces: still UTF-8.
    std::borrow::Cow::Owned(String::from_utf8(bytes).unwrap_or_else(|_| text.to_string()))
}

/// Sentence spans covering `text` (white space between sentences excluded).
pub fn sentences(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c == '\n' || c == '\r' {
            if let Some(s) = start.take() {
                out.push(Span::new(s, i));
            }
            continue;
        }
        if start.is_none() && !c.is_whitespace() {
            start = Some(i);
        }
        if matches!(c, '.' | '!' | '?') {
            let next = chars.peek().map(|&(_, n)| n);
            let ends = match next {
                None => true,
                Some(n) => n.is_whitespace() || n == '"' || n == '”' || n == '\'' || n == ')',
            };
            if ends && !abbreviation_continues(&text[..i + 1], &text[i + 1..]) {
                // Swallow a closing quote or bracket into the sentence.
                let mut end = i + 1;
                while let Some(&(j, n)) = chars.peek() {
                    if matches!(n, '"' | '”' | '\'' | ')' | '’') {
                        end = j + n.len_utf8();
                        chars.next();
                    } else {
                        break;
                    }
                }
                if let Some(s) = start.take() {
                    out.push(Span::new(s, end));
                }
            }
        }
    }
    if let Some(s) = start {
        out.push(Span::new(s, text.trim_end().len().max(s)));
    }
    out
}

/// True when the period that ends `prefix` belongs to an abbreviation that
/// does not end the sentence: titles never do ("Mr. Nadella"); other
/// abbreviations do only before a capital ("by Microsoft Corp. The deal").
fn abbreviation_continues(prefix: &str, rest: &str) -> bool {
    let word_start = prefix
        .char_indices()
        .rev()
        .find(|(_, c)| c.is_whitespace())
        .map_or(0, |(i, c)| i + c.len_utf8());
    let word = &prefix[word_start..];
    if DOTTED_TITLES.contains(&word) || word == "St." {
        return true;
    }
    if !(ABBREVIATIONS.contains(&word) || is_initials(word)) {
        return false;
    }
    let next = rest.trim_start().chars().next();
    !next.is_some_and(char::is_uppercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokens(text).iter().map(|t| t.text).collect()
    }

    #[test]
    fn possessive_and_trailing_punctuation_split_off() {
        assert_eq!(
            words("Naver's AI platform Clova."),
            ["Naver", "'s", "AI", "platform", "Clova"]
        );
        assert_eq!(words("Microsoft Corp. said"), ["Microsoft", "Corp.", "said"]);
        assert_eq!(
            words("AT&T and T-Mobile, J.P. Morgan"),
            ["AT&T", "and", "T-Mobile", "J.P.", "Morgan"]
        );
    }

    #[test]
    fn boundaries_reject_partial_words() {
        let text = "Xiaomis and Xiaomi";
        assert!(!at_word_boundaries(text, Span::new(0, 6)));
        assert!(at_word_boundaries(text, Span::new(12, 18)));
    }

    /// Regression: a multi-byte space before an abbreviation's period cut
    /// the text inside that space and panicked.
    #[test]
    fn no_break_space_before_a_period_does_not_panic() {
        let text = "Sold to Acme\u{a0}Corp. Then\u{3000}U.S. Next";
        assert_eq!(sentences(text).len(), 3);
    }

    #[test]
    fn sentences_split_on_stops_and_lines_but_not_corp() {
        let text = "Microsoft Corp. said yes. Xiaomi agreed!\nNew line here";
        let got: Vec<&str> = sentences(text).iter().map(|s| s.slice(text)).collect();
        assert_eq!(got, ["Microsoft Corp. said yes.", "Xiaomi agreed!", "New line here"]);
    }
}
