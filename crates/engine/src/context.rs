//! Companies the lexicon does not know, recognised from how the text talks
//! about them.
//!
//! A run of capitalised words is a company when its context says so:
//! * a noun before it: "AI startup Agolo", "chipmaker Nervana", "rival Bolt";
//! * a dealing phrase before it: "acquisition of Nervana", "invested in X",
//!   "partnership with X";
//! * a role after it: "Agolo CEO …", "X co-founder", "X's chief executive";
//! * an apposition after it: "Agolo, a New York startup, …";
//! * a company-like last word: "Bear Flag Robotics", "Lux Capital",
//!   "Point72 Ventures".
//!
//! Runs that name institutions (University, Agency, Ministry, …) or people's
//! titles are never companies. Each cue is a pattern of English news prose,
//! not a name list, so it carries over to articles the engine has not seen.

use std::sync::LazyLock;

use crate::doc::Doc;
use crate::span::Span;
use crate::text::{Token, WordMap};
use crate::words::{
    APPOSITION_CUES, APPOSITION_GOES_ON, COMPANY_HEADS, DEAL_CUES, DESCRIPTORS, FUNCTION_WORDS, GENERIC_TERMS,
    INVESTOR_CUES, LEGAL_SUFFIXES, LIST_JOINS, NOT_COMPANY_WORDS, NOT_NAME_START, NOUN_CUES, PRODUCT_NOUNS, ROLE_CUES,
    VENTURE_NOUNS,
};

/// The deal cues as token sequences ("acquisition of" is `["acquisition",
/// "of"]`), split once.
static DEAL_CUE_TOKENS: LazyLock<Vec<Vec<&'static str>>> =
    LazyLock::new(|| DEAL_CUES.iter().map(|cue| cue.split(' ').collect()).collect());

fn lower_is(word: &str, list: &[&str]) -> bool {
    let lower = word.to_lowercase();
    list.iter().any(|w| *w == lower) || lower.ends_with("maker")
}

/// A run of capitalised tokens `[start, end)` joined by single spaces, with
/// lower-case connectors ("of", "de", "&") allowed inside.
fn runs(text: &str, toks: &[Token<'_>]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if !toks[i].is_name_like() {
            i += 1;
            continue;
        }
        let start = i;
        let mut end = i + 1;
        while end < toks.len() && &text[toks[end - 1].span.end..toks[end].span.start] == " " {
            let t = &toks[end];
            // "Zentrobe CEO Ana Ruiz": a role word ends the name.
            if t.is_name_like() && t.text != "'s" && !ROLE_CUES.contains(&t.text) {
                end += 1;
            // "and" is not a connector: "United Bank and Standard Trust Bank"
            // are two names.
            } else if matches!(t.text, "&" | "of" | "de" | "del" | "di" | "du" | "von" | "van")
                && end + 1 < toks.len()
                && toks[end + 1].is_capitalised()
                && &text[t.span.end..toks[end + 1].span.start] == " "
            {
                end += 2;
            } else {
                break;
            }
        }
        out.push((start, end));
        i = end;
    }
    out
}

/// A company found by context, before overlaps are resolved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContextName {
    /// The name.
    pub span: Span,
    /// Its text without trailing company words ("Bear Flag Robotics" →
    /// "Bear Flag"): later mentions often use it.
    pub short: Option<Span>,
}

/// Finds products the lexicon does not know by the nouns around them. A
/// known company in the same place ("Xiaomi phones") outranks these when
/// overlaps are resolved, since a company's name used as a brand stays a
/// company.
pub fn context_products(doc: &Doc<'_>) -> Vec<Span> {
    let (text, toks, lower) = (doc.text, &doc.tokens, &doc.lower);
    let mut out = Vec::new();
    for (mut a, b) in runs(text, toks) {
        while a < b && (NOT_NAME_START.contains(&toks[a].text) || !toks[a].is_name_like()) {
            a += 1;
        }
        let generic_or_connector =
            |t: &Token<'_>| GENERIC_TERMS.contains(&t.text) || !t.is_name_like() || NOT_COMPANY_WORDS.contains(&t.text);
        if a >= b
            || toks[a..b].iter().any(generic_or_connector)
            || toks[a..b].iter().all(|t| t.text.parse::<f64>().is_ok())
        {
            continue;
        }
        let joined = |i: usize, j: usize| &text[toks[i].span.end..toks[j].span.start] == " ";
        // A product noun right before: "platform Clova".
        let before = a > 0 && joined(a - 1, a) && PRODUCT_NOUNS.contains(&lower[a - 1].as_str());
        // Or after, past at most three lower-case modifiers: "Apollo
        // autonomous driving open platform".
        let mut k = b;
        let mut after = false;
        while k < toks.len()
            && k < b + 4
            && joined(k - 1, k)
            && !toks[k].is_name_like()
            && !FUNCTION_WORDS.contains(&lower[k].as_str())
        {
            if PRODUCT_NOUNS.contains(&lower[k].as_str()) {
                after = true;
                break;
            }
            k += 1;
        }
        if before || after {
            out.push(Span::new(toks[a].span.start, toks[b - 1].span.end));
        }
    }
    out
}

/// Finds companies by context (see the module docs).
pub fn context_companies(doc: &Doc<'_>) -> Vec<ContextName> {
    let (text, toks, lower) = (doc.text, &doc.tokens, &doc.lower);
    let proper = capitalised_mid_sentence(text, toks);
    let mut out = Vec::new();
    for (mut a, b) in runs(text, toks) {
        // Leading words that are not part of the name: "The", "COO of",
        // "Montreal-based".
        while a < b
            && (NOT_NAME_START.contains(&toks[a].text)
                || ROLE_CUES.contains(&toks[a].text)
                || !toks[a].is_name_like()
                || toks[a].text.ends_with("-based"))
        {
            a += 1;
        }
        // Strip "and"/"&" splits: "Microsoft and Google" is two names; only a
        // suffix-free "&" inside stays ("Allen & Co").
        if a >= b
            || toks[a..b]
                .iter()
                .any(|t| NOT_COMPANY_WORDS.contains(&t.text) || t.text == "and")
            || toks[a..b].iter().all(|t| GENERIC_TERMS.contains(&t.text))
        {
            continue;
        }
        let n = b - a;
        let at = skip_based(lower, a);
        let left = at.checked_sub(1).map(|i| lower[i].as_str());
        let noun_before = left.is_some_and(|w| lower_is(w, &NOUN_CUES));
        let deal_at = |p: usize| {
            DEAL_CUE_TOKENS
                .iter()
                .any(|cue| p >= cue.len() && cue.iter().zip(&lower[p - cue.len()..p]).all(|(c, t)| c == t))
        };
        let deal_before = deal_at(at) || deal_at(skip_possessor(toks, lower, a)) || named_venture(lower, a);
        // The next word, only when a single space separates it: "Sage Wohns,
        // CEO" is a person and a role, "Zentrobe CEO" a company's CEO.
        let next = toks
            .get(b)
            .filter(|t| {
                let gap = &text[toks[b - 1].span.end..t.span.start];
                gap == " " || gap.is_empty() && matches!(t.text, "'s" | "’s")
            })
            .map(|t| t.text);
        let role_after = next.is_some_and(|w| ROLE_CUES.contains(&w))
            || (next == Some("chief") && toks.get(b + 1).is_some_and(|t| t.text == "executive"))
            || matches!(next, Some("'s" | "’s")) && {
                // "X's chief executive", "X's former CEO"; not a country's
                // chief economist.
                let chief_of_company = |k: usize| {
                    toks.get(k + 1)
                        .is_some_and(|t| matches!(t.text, "executive" | "financial" | "operating" | "technology"))
                };
                let role_at = |k: usize| {
                    toks.get(k)
                        .is_some_and(|t| ROLE_CUES.contains(&t.text) || t.text == "chief" && chief_of_company(k))
                };
                let tense = toks
                    .get(b + 1)
                    .is_some_and(|t| matches!(t.text, "former" | "new" | "then" | "outgoing"));
                role_at(b + 1) || tense && role_at(b + 2)
            };
        let apposition = apposition_after(text, toks, lower, b);
        let head = n >= 2 && COMPANY_HEADS.contains(&toks[b - 1].text);
        if !(noun_before || deal_before || role_after || apposition || head) {
            continue;
        }
        let span = Span::new(toks[a].span.start, toks[b - 1].span.end);
        let short = short_form(text, toks, &proper, a, b);
        out.push(ContextName { span, short });
    }
    out
}

/// The token index a cue before token `a` ends at, past a place word:
/// "investment in Montreal-based Zentrobe".
fn skip_based(lower: &[String], a: usize) -> usize {
    if a > 0 && lower[a - 1].ends_with("-based") {
        a - 1
    } else {
        a
    }
}

/// The token index a cue before token `a` ends at, past an owner's
/// possessive name: "a stake in General Motors's Cruise unit".
fn skip_possessor(toks: &[Token<'_>], lower: &[String], a: usize) -> usize {
    if a == 0 || !matches!(lower[a - 1].as_str(), "'s" | "’s") {
        return a;
    }
    let mut p = a - 1;
    while p > 0 && toks[p - 1].is_name_like() && p + 5 > a {
        p -= 1;
    }
    if p + 1 == a {
        a
    } else {
        p
    }
}

/// "The new venture, known as X", "a subsidiary called X": the name given
/// to a new business right before token `a`.
fn named_venture(lower: &[String], a: usize) -> bool {
    let naming = match a {
        0 => 0,
        _ if matches!(lower[a - 1].as_str(), "called" | "named") => 1,
        _ if a >= 2 && lower[a - 1] == "as" && lower[a - 2] == "known" => 2,
        _ => 0,
    };
    naming > 0 && (a.saturating_sub(naming + 3)..a - naming).any(|k| VENTURE_NOUNS.contains(&lower[k].as_str()))
}

/// Capitalised runs listed next to a known company in a sentence about
/// investors ("Investors include Harrow Lane Ventures, Quen Data and
/// Orlix"): a list of investors is a list of companies, so a name next to a
/// company in it is one too, and so on along the list. `known` holds the
/// spans of companies found so far.
pub fn listed_investors(doc: &Doc<'_>, known: &[Span]) -> Vec<Span> {
    let (text, toks, lower) = (doc.text, &doc.tokens, &doc.lower);
    let candidates: Vec<Span> = runs(text, toks)
        .into_iter()
        .filter_map(|(mut a, b)| {
            while a < b && (NOT_NAME_START.contains(&toks[a].text) || !toks[a].is_name_like()) {
                a += 1;
            }
            // "Allen & Co.": the tokens leave the "&" out.
            while a > 0
                && a < b
                && &text[toks[a - 1].span.end..toks[a].span.start] == " & "
                && toks[a - 1].is_capitalised()
            {
                a -= 1;
            }
            let bad = |t: &Token<'_>| {
                NOT_COMPANY_WORDS.contains(&t.text)
                    || GENERIC_TERMS.contains(&t.text)
                    || LEGAL_SUFFIXES.contains(&t.text)
            };
            let bad_start = a < b && LEGAL_SUFFIXES.contains(&toks[a].text);
            let ok = a < b && !bad_start && !toks[a..b - 1].iter().any(bad) && investor_sentence(text, toks, lower, a);
            ok.then(|| Span::new(toks[a].span.start, toks[b - 1].span.end))
        })
        .collect();
    // "Allen" inside "Allen & Co." is not a name of its own.
    let candidates: Vec<Span> = candidates
        .iter()
        .enumerate()
        .filter(|&(i, c)| candidates.get(i + 1).is_none_or(|n| n.start != c.start))
        .map(|(_, c)| *c)
        .collect();
    let mut taken: std::collections::BTreeSet<Span> = known.iter().copied().collect();
    let mut out = Vec::new();
    // Forward and backward sweeps carry the evidence along a list in either
    // direction; each pass that changes nothing ends the loop.
    for _ in 0..4 {
        let before = out.len();
        for span in candidates.iter().chain(candidates.iter().rev()) {
            let overlaps = taken.range(..=*span).next_back().is_some_and(|k| k.end > span.start)
                || taken.range(*span..).next().is_some_and(|k| k.start < span.end);
            if overlaps {
                continue;
            }
            if listed_next_to(text, *span, &taken) {
                taken.insert(*span);
                out.push(*span);
            }
        }
        if out.len() == before {
            break;
        }
    }
    out.sort_unstable();
    out
}

/// True when a span in `taken` is listed right before or after `span`.
fn listed_next_to(text: &str, span: Span, taken: &std::collections::BTreeSet<Span>) -> bool {
    let joined = |a: usize, b: usize| a <= b && LIST_JOINS.contains(&&text[a..b]);
    let prev = taken
        .range(..span)
        .next_back()
        .is_some_and(|k| joined(k.end, span.start));
    let next = taken
        .range(Span::new(span.end, span.end)..)
        .next()
        .is_some_and(|k| joined(span.end, k.start));
    prev || next
}

/// True when the sentence before token `a` (up to 40 tokens back) has a
/// word about investors.
fn investor_sentence(text: &str, toks: &[Token<'_>], lower: &[String], a: usize) -> bool {
    let mut k = a;
    while k > 0 && a - k < 40 {
        let gap = &text[toks[k - 1].span.end..toks[k].span.start];
        if gap.contains('\n') || toks[k - 1].text == "." {
            break;
        }
        k -= 1;
        if INVESTOR_CUES.contains(&lower[k].as_str()) {
            return true;
        }
    }
    false
}

/// The name without its trailing company words, as later mentions often
/// write it: "Standard Trust Bank" → "Standard Trust", "Shanda Interactive
/// Entertainment" → "Shanda". A one-word short form must also appear
/// capitalised mid-sentence elsewhere in the text, so that a common word
/// ("United" of "United Bank") is not taken for the name.
fn short_form(text: &str, toks: &[Token<'_>], proper: &WordMap<&str, usize>, a: usize, b: usize) -> Option<Span> {
    let mut end = b;
    while end > a + 1 && (COMPANY_HEADS.contains(&toks[end - 1].text) || DESCRIPTORS.contains(&toks[end - 1].text)) {
        end -= 1;
    }
    if end == b {
        return None;
    }
    if end - a == 1 {
        let word = toks[a].text;
        let here = usize::from(a > 0 && mid_sentence(text, &toks[a - 1], &toks[a]));
        let elsewhere = proper.get(word).copied().unwrap_or(0) > here;
        if !elsewhere || NOT_NAME_START.contains(&word) {
            return None;
        }
    }
    Some(Span::new(toks[a].span.start, toks[end - 1].span.end))
}

/// True when `next` follows `prev` inside a sentence (no stop, line break or
/// opening quote between them).
fn mid_sentence(text: &str, prev: &Token<'_>, next: &Token<'_>) -> bool {
    !text[prev.span.end..next.span.start].contains(['.', '\n', '"', '“', '!', '?'])
}

/// How often each capitalised word occurs inside a sentence rather than at
/// its start: proper nouns, not sentence-initial capitals. One pass, so the
/// short-form check stays linear.
fn capitalised_mid_sentence<'t>(text: &str, toks: &[Token<'t>]) -> WordMap<&'t str, usize> {
    let mut counts: WordMap<&str, usize> = WordMap::default();
    for pair in toks.windows(2) {
        if pair[1].is_capitalised() && mid_sentence(text, &pair[0], &pair[1]) {
            *counts.entry(pair[1].text).or_default() += 1;
        }
    }
    counts
}

/// ", a New York-based startup," right after token `b`.
fn apposition_after(text: &str, toks: &[Token<'_>], lower: &[String], b: usize) -> bool {
    let Some(prev) = b.checked_sub(1) else { return false };
    let Some(next) = toks.get(b) else { return false };
    let gap = &text[toks[prev].span.end..next.span.start];
    if gap != ", " || !matches!(lower[b].as_str(), "a" | "an" | "the") {
        return false;
    }
    for k in b + 1..(b + 8).min(toks.len()) {
        let between = &text[toks[k - 1].span.end..toks[k].span.start];
        if between.contains([',', '.', ';', '(', ')']) {
            return false;
        }
        let word = lower[k].as_str();
        if lower_is(word, &NOUN_CUES) || APPOSITION_CUES.contains(&word) {
            return apposition_closes_after(text, toks, k);
        }
    }
    false
}

/// An apposition ends after its noun (a comma, a full stop, a bracket, the
/// end of the text) or goes on with words that describe the noun. A verb
/// after the noun means the phrase was the subject of a clause: in
/// "Initially, the company sold software", "Initially" is not the name.
fn apposition_closes_after(text: &str, toks: &[Token<'_>], k: usize) -> bool {
    let Some(next) = toks.get(k + 1) else { return true };
    let gap = &text[toks[k].span.end..next.span.start];
    gap.contains([',', '.', ';', ':', ')', '—', '–', '"', '”'])
        || APPOSITION_GOES_ON.contains(&next.text.to_lowercase().as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str) -> Vec<&str> {
        context_companies(&Doc::new(text))
            .iter()
            .map(|c| c.span.slice(text))
            .collect()
    }

    struct Row {
        name: &'static str,
        text: &'static str,
        want: &'static [&'static str],
    }

    const ROWS: &[Row] = &[
        Row {
            name: "an apposition closed by a comma names the company",
            text: "Quorbit, a Lyon-based startup, has raised money.",
            want: &["Quorbit"],
        },
        Row {
            name: "an apposition that goes on with a description",
            text: "He joined Quorbit, the company behind the Q2 robot.",
            want: &["Quorbit"],
        },
        Row {
            name: "an adverb before the subject of a clause is no name",
            text: "Initially, the company sold software only.",
            want: &[],
        },
        Row {
            name: "noun before",
            text: "The AI startup Zentrobe raised money.",
            want: &["Zentrobe"],
        },
        Row {
            name: "plural noun before a list",
            text: "Nigerian banks Ubor Bank of Africa and Standard Vell Bank agreed.",
            want: &["Ubor Bank of Africa", "Standard Vell Bank"],
        },
        Row {
            name: "a name given to a new venture",
            text: "The new venture, known as q-Lanto, starts today.",
            want: &["q-Lanto"],
        },
        Row {
            name: "-maker noun",
            text: "Shares of chipmaker Quorvex rose.",
            want: &["Quorvex"],
        },
        Row {
            name: "deal phrase",
            text: "It completed the acquisition of Plimsoll Data.",
            want: &["Plimsoll Data"],
        },
        Row {
            name: "role after",
            text: "Zentrobe CEO Ana Ruiz spoke.",
            want: &["Zentrobe"],
        },
        Row {
            name: "apposition",
            text: "Zentrobe, a Boston-based software company, said so.",
            want: &["Zentrobe"],
        },
        Row {
            name: "a former role after the possessive",
            text: "Quorvex's former chief executive went on trial.",
            want: &["Quorvex"],
        },
        Row {
            name: "a country's chief is no company's",
            text: "Britain's chief economist and Germany's new chief negotiator spoke.",
            want: &[],
        },
        Row {
            name: "apposition naming a group",
            text: "Quorvex, the Italian dairy group, said so.",
            want: &["Quorvex"],
        },
        Row {
            name: "a committee in apposition is not a company",
            text: "It joined the Quorvex Committee, an advisory group for carmakers.",
            want: &[],
        },
        Row {
            name: "company head word",
            text: "Funds came from Harrow Lane Ventures.",
            want: &["Harrow Lane Ventures"],
        },
        Row {
            name: "deal phrase past a place word",
            text: "It made an investment in Montreal-based Quorvex Labs.",
            want: &["Quorvex Labs"],
        },
        Row {
            name: "deal phrase past an owner's possessive",
            text: "It took a stake in Plimsoll's Vantor unit.",
            want: &["Plimsoll", "Vantor"],
        },
        Row {
            name: "a technology after a deal phrase is not a company",
            text: "It made an investment in AI startup Quorvex.",
            want: &["Quorvex"],
        },
        Row {
            name: "institutions are not companies",
            text: "It invested in Stanford University.",
            want: &[],
        },
        Row {
            name: "titles are not companies",
            text: "The company Chief Executive Tim Cook said.",
            want: &[],
        },
        Row {
            name: "plain capitalised words are not enough",
            text: "Zentrobe said on Monday.",
            want: &[],
        },
    ];

    #[test]
    fn product_cue_table() {
        let rows: &[(&str, &[&str])] = &[
            ("Tools beside the Zappo search engine help.", &["Zappo"]),
            ("It relies on its Quillon encyclopaedia for answers.", &["Quillon"]),
            ("The Orbix autonomous driving open platform grew.", &["Orbix"]),
            ("Users of AI assistant Vexa complained.", &["Vexa"]),
            ("The e-Palette concept vehicle was shown.", &["e-Palette"]),
            ("Zentrobe said the platform was ready.", &[]),
        ];
        for (text, want) in rows {
            let got: Vec<&str> = context_products(&Doc::new(text))
                .iter()
                .map(|s| s.slice(text))
                .collect();
            assert_eq!(&got, want, "{text}");
        }
    }

    #[test]
    fn listed_investor_table() {
        // (text, the known company, names the list adds)
        let rows: &[(&str, &str, &[&str])] = &[
            (
                "Investors include Quen Data, Harrow Lane Ventures, Tolly & Co., and Orlix.",
                "Harrow Lane Ventures",
                &["Orlix", "Quen Data", "Tolly & Co."],
            ),
            (
                "The round was led by Harrow Lane Ventures and Quen Data.",
                "Harrow Lane Ventures",
                &["Quen Data"],
            ),
            (
                "Harrow Lane Ventures and Quen Data make paper.",
                "Harrow Lane Ventures",
                &[],
            ),
        ];
        for (text, known, want) in rows {
            let at = text.find(known).unwrap_or(0);
            let known = [Span::new(at, at + known.len())];
            let mut got: Vec<&str> = listed_investors(&Doc::new(text), &known)
                .iter()
                .map(|s| s.slice(text))
                .collect();
            got.sort_unstable();
            assert_eq!(&got, want, "{text}");
        }
    }

    #[test]
    fn context_cue_table() {
        for row in ROWS {
            assert_eq!(names(row.text), row.want, "row: {}", row.name);
        }
    }
}
