//! Agreement mentions (spans), and the kinds and statuses records use.
//!
//! Spans follow ANNOTATION.md: a head noun ("deal", "memorandum of
//! understanding") with the words right before it that say what kind of
//! agreement it is ("patent license agreement"); status words, amounts and
//! party names stay outside. Generic uses are left alone: plural heads, heads
//! inside a capitalised name ("Global Partnership Fund"), and weak heads
//! ("contract", "investment") with nothing in the sentence that makes them a
//! specific deal between companies.
//!
//! Records (who agreed with whom) are built from these spans and the
//! dealing verbs around them in `records`.

use std::sync::LazyLock;

use serde::de::{value::Error, DeserializeOwned, IntoDeserializer};
use serde::{Deserialize, Serialize};

use crate::doc::Doc;
use crate::span::Span;
use crate::text::{Token, WordMap};
use crate::words::{
    AGREEMENT_DETERMINERS, AGREEMENT_HEADS, AGREEMENT_KIND_WORDS, AGREEMENT_STATUS_WORDS, PERMIT_VERBS,
    VENTURE_MODIFIERS,
};

/// What the parties agreed to do (ANNOTATION.md's list).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AgreementKind {
    /// A partnership or alliance.
    Partnership,
    /// A memorandum of understanding of general cooperation.
    Mou,
    /// A licence.
    Licensing,
    /// Buying a company, unit or asset.
    Acquisition,
    /// Two companies becoming one.
    Merger,
    /// A jointly owned new venture.
    JointVenture,
    /// Money put into a company.
    Investment,
    /// A supply deal or purchase order.
    Supply,
    /// A distribution deal.
    Distribution,
    /// A collaboration or cooperation.
    Collaboration,
    /// A legal settlement.
    Settlement,
    /// Anything else.
    Other,
}

impl AgreementKind {
    /// The kind whose id is `id`: the name the JSON writes for it
    /// (`joint_venture`), so that the word lists name kinds as the output
    /// does.
    pub(crate) fn from_id(id: &str) -> Option<Self> {
        by_serde_name(id)
    }

    /// A kind cell of a word-list table: a kind's id, or `-` where the word
    /// gives none; `None` when the cell is neither.
    pub(crate) fn from_cell(cell: &str) -> Option<Option<Self>> {
        if cell == "-" {
            Some(None)
        } else {
            Self::from_id(cell).map(Some)
        }
    }
}

/// What the text says happened to an agreement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Signed, inked, struck or sealed.
    Signed,
    /// Agreed, in principle too.
    Agreed,
    /// Announced, or reported as done without a stronger word.
    Announced,
    /// Completed or closed.
    Completed,
    /// Agreed and waiting for (regulatory) approval.
    Pending,
    /// Proposed, planned, under discussion, a bid or offer.
    Proposed,
    /// Rumoured or reported from unnamed sources.
    Rumoured,
    /// Failed, rejected, called off or terminated.
    Failed,
    /// Made once and since ended or expired.
    Ended,
    /// Mentioned with nothing said about it.
    Mentioned,
}

impl Status {
    /// The status whose id is `id`: the name the JSON writes for it
    /// (`completed`).
    pub(crate) fn from_id(id: &str) -> Option<Self> {
        by_serde_name(id)
    }

    /// True for the stages ANNOTATION.md counts as made (signed, agreed,
    /// announced, completed, pending approval); an agreement that has since
    /// ended was made too.
    pub fn is_made(self) -> bool {
        matches!(
            self,
            Status::Signed | Status::Agreed | Status::Announced | Status::Completed | Status::Pending | Status::Ended
        )
    }
}

/// The unit variant of `T` that serde names `name` (serde's own names, so
/// no second list of them).
fn by_serde_name<T: DeserializeOwned>(name: &str) -> Option<T> {
    T::deserialize(IntoDeserializer::<Error>::into_deserializer(name)).ok()
}

/// An agreement mention found in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AgreementSpan {
    /// The head with its kind words.
    pub span: Span,
    /// The kind its words suggest.
    pub kind: AgreementKind,
}

/// How strongly a head noun names an agreement on its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Strength {
    /// "deal", "merger": an agreement whenever the article is about companies.
    Strong,
    /// "contract", "investment": only with a determiner or kind word and a
    /// company in the sentence.
    Weak,
}

impl Strength {
    /// The strength written `id` in `agreement_heads` (`strong`, `weak`).
    fn from_id(id: &str) -> Option<Self> {
        match id {
            "strong" => Some(Strength::Strong),
            "weak" => Some(Strength::Weak),
            _ => None,
        }
    }
}

/// A head noun: its words (lower case), strength and kind.
type Head = (Vec<&'static str>, Strength, AgreementKind);

/// Head nouns as token sequences, longest first (`agreement_heads`).
static HEADS: LazyLock<Vec<Head>> = LazyLock::new(|| {
    AGREEMENT_HEADS.parse_rows(|row| {
        let strength = Strength::from_id(row[1])?;
        Some((row[0].split(' ').collect(), strength, AgreementKind::from_id(row[2])?))
    })
});

/// Words that may precede a head inside the span, saying what kind of
/// agreement it is; a matching word also sets the kind
/// (`agreement_kind_words`).
static KIND_WORDS: LazyLock<Vec<(&'static str, Option<AgreementKind>)>> =
    LazyLock::new(|| AGREEMENT_KIND_WORDS.parse_rows(|row| Some((row[0], AgreementKind::from_cell(row[1])?))));

fn kind_word(word: &str) -> Option<Option<AgreementKind>> {
    let lower = word.to_lowercase();
    KIND_WORDS.iter().find(|(w, _)| *w == lower).map(|(_, k)| *k)
}

/// Agreement mention spans in a document; `has_company(span)` answers
/// whether a company is named inside a span.
pub fn agreement_spans(doc: &Doc<'_>, has_company: impl Fn(Span) -> bool) -> Vec<AgreementSpan> {
    let (text, toks, lower) = (doc.text, &doc.tokens, &doc.lower);
    let sentence_of = |at: usize| doc.sentence_of(at);
    let mut out = Vec::new();
    let mut i = 0;
    // Heads by their first word, so most tokens cost one hash lookup.
    static BY_FIRST: LazyLock<WordMap<&'static str, Vec<usize>>> = LazyLock::new(|| {
        let mut map: WordMap<&'static str, Vec<usize>> = WordMap::default();
        for (i, (words, _, _)) in HEADS.iter().enumerate() {
            map.entry(words[0]).or_default().push(i);
        }
        map
    });
    let head_at = |i: usize| {
        BY_FIRST.get(lower.get(i)?.as_str())?.iter().find_map(|&h| {
            let (words, strength, kind) = &HEADS[h];
            let fits = i + words.len() <= toks.len() && words.iter().zip(&lower[i..]).all(|(w, t)| w == t);
            fits.then_some((words.len(), *strength, *kind))
        })
    };
    while i < toks.len() {
        let Some((len, strength, head_kind)) = head_at(i) else {
            i += 1;
            continue;
        };
        let last = i + len - 1;
        // "license" in "license agreement" is a kind word of the next head.
        if kind_word(toks[last].text).is_some() && head_at(last + 1).is_some() {
            i = last + 1;
            continue;
        }
        let sentence = sentence_of(toks[i].span.start);
        let head_start_of_sentence = toks[i].span.start == sentence.start;
        // Extend left over kind words that touch the head.
        let mut first = i;
        let mut kind = head_kind;
        while first > 0 && text[toks[first - 1].span.end..toks[first].span.start] == *" " {
            // "patent and equipment deal", "AI and cloud partnership".
            if first < i && coordinated_kind_word(text, toks, first) {
                first -= 1;
                continue;
            }
            match kind_word(toks[first - 1].text) {
                Some(k) => {
                    if let (Some(k), AgreementKind::Other | AgreementKind::Supply) = (k, kind) {
                        kind = k;
                    } else if let (Some(k), true) = (k, first == i && head_kind == AgreementKind::Other) {
                        kind = k;
                    }
                    first -= 1;
                }
                None => break,
            }
        }
        let head = toks[i].text;
        let capitalised_mid_sentence = head.chars().next().is_some_and(char::is_uppercase)
            && !head.chars().all(|c| c.is_uppercase() || !c.is_alphabetic())
            && !head_start_of_sentence
            && first == i;
        let span = Span::new(toks[first].span.start, toks[last].span.end);
        // Skip back over status words to the word that introduces the phrase.
        let mut k = first;
        while k > 0 && (AGREEMENT_STATUS_WORDS.contains(&lower[k - 1].as_str()) || is_amount_or_year(toks[k - 1].text))
        {
            k -= 1;
        }
        let introduced =
            k > 0 && (AGREEMENT_DETERMINERS.contains(&lower[k - 1].as_str()) || toks[k - 1].is_capitalised());
        let in_consent_sense = i > 0 && lower[i - 1] == "in" && head == "agreement";
        let amount_before = toks[k..first]
            .iter()
            .any(|t| is_amount_or_year(t.text) || t.text.starts_with('$'));
        // "$46 million in funding": the amount introduces the head.
        let amount_in = k > 1
            && lower[k - 1] == "in"
            && (is_amount_or_year(toks[k - 2].text) || matches!(lower[k - 2].as_str(), "million" | "billion"));
        let introduced = introduced || amount_in && lower[i] == "funding";
        let specific = match lower[i].as_str() {
            // "venture capital" and "venture firm" are not ventures.
            "venture" => !lower
                .get(last + 1)
                .is_some_and(|w| VENTURE_MODIFIERS.contains(&w.as_str())),
            // "a $7.6 million round", "a seed round", not "the first round".
            "round" => amount_before || first < i,
            // "$46 million in funding", "the new funding".
            "funding" => {
                let modifier = lower.get(last + 1).is_some_and(|w| {
                    matches!(
                        w.as_str(),
                        "program" | "programme" | "gap" | "source" | "sources" | "model" | "needs" | "cuts"
                    )
                });
                introduced && !modifier
            }
            // "a great deal of", "not a great deal is known": an amount.
            "deal" => {
                !(i >= 2
                    && matches!(lower[i - 1].as_str(), "great" | "good")
                    && lower[i - 2] == "a"
                    && !lower
                        .get(last + 1)
                        .is_some_and(|w| matches!(w.as_str(), "with" | "for" | "between")))
            }
            // "granted such a license": a permit, not an agreement.
            "license" | "licence" => !permit_verb_before(lower, k),
            _ => true,
        };
        // "the research collaboration": a determiner and a kind word name a
        // specific agreement even where the sentence names no company.
        let named_kind = introduced && first < i && has_company(Span::new(0, text.len()));
        let keep = !capitalised_mid_sentence
            && !in_consent_sense
            && specific
            && match strength {
                Strength::Strong => has_company(Span::new(0, text.len())),
                Strength::Weak => (introduced || first < i) && has_company(sentence) || named_kind,
            };
        if keep {
            out.push(AgreementSpan { span, kind });
        }
        i = last + 1;
    }
    out
}

/// True when a permit verb comes right before token `k`, past a
/// determiner ("granted such a license", "applied for a licence").
fn permit_verb_before(lower: &[String], k: usize) -> bool {
    let mut p = k;
    while p > 0
        && matches!(
            lower[p - 1].as_str(),
            "a" | "an" | "the" | "such" | "its" | "their" | "for" | "new"
        )
    {
        p -= 1;
    }
    p > 0 && PERMIT_VERBS.contains(&lower[p - 1].as_str())
}

/// True when the words before token `first` are "<kind word> and", so
/// that the kind words coordinate ("patent and equipment deal").
fn coordinated_kind_word(text: &str, toks: &[Token<'_>], first: usize) -> bool {
    first >= 2
        && toks[first - 1].text == "and"
        && text[toks[first - 2].span.end..toks[first - 1].span.start] == *" "
        && kind_word(toks[first - 2].text).is_some()
}

fn is_amount_or_year(word: &str) -> bool {
    let w = word.trim_start_matches('$');
    !w.is_empty() && w.chars().all(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | '-'))
        || w.ends_with("-year")
        || w.ends_with("-month")
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Row {
        name: &'static str,
        text: &'static str,
        want: &'static [(&'static str, AgreementKind)],
    }

    fn run(text: &str) -> Vec<(String, AgreementKind)> {
        agreement_spans(&Doc::new(text), |_| true)
            .into_iter()
            .map(|a| (a.span.slice(text).to_string(), a.kind))
            .collect()
    }

    const ROWS: &[Row] = &[
        Row {
            name: "multi-word head",
            text: "Acme and Bolt signed a memorandum of understanding today.",
            want: &[("memorandum of understanding", AgreementKind::Mou)],
        },
        Row {
            name: "kind words join the span and set the kind",
            text: "They agreed a patent license agreement last year.",
            want: &[("patent license agreement", AgreementKind::Licensing)],
        },
        Row {
            name: "amounts and status words stay outside",
            text: "The $4 billion all-cash deal closed.",
            want: &[("deal", AgreementKind::Other)],
        },
        Row {
            name: "plural heads are generic",
            text: "Partnerships with startups are core to its strategy.",
            want: &[],
        },
        Row {
            name: "capitalised head inside a name is not an agreement",
            text: "She chairs the Global Partnership Fund.",
            want: &[],
        },
        Row {
            name: "agreement meaning consent",
            text: "The board was in agreement about the plan.",
            want: &[],
        },
        Row {
            name: "weak head needs a determiner or kind word",
            text: "Contract work is growing; the company won a supply contract.",
            want: &[("supply contract", AgreementKind::Supply)],
        },
        Row {
            name: "a licence granted by an authority is a permit",
            text: "Acme was the first to be granted such a license in Beijing.",
            want: &[],
        },
        Row {
            name: "a great deal is an amount",
            text: "Not a great deal is known about Acme, but a great deal of work remains.",
            want: &[],
        },
        Row {
            name: "coordinated kind words join the span",
            text: "Acme signed a patent and equipment deal with Bolt.",
            want: &[("patent and equipment deal", AgreementKind::Licensing)],
        },
        Row {
            name: "a new venture is a joint venture; venture capital is not",
            text: "Acme and Bolt formed a new venture backed by venture capital firms.",
            want: &[("venture", AgreementKind::JointVenture)],
        },
        Row {
            name: "an amount in funding",
            text: "Zentrobe raised $12 million in funding last month.",
            want: &[("funding", AgreementKind::Investment)],
        },
        Row {
            name: "a round needs an amount or a kind word",
            text: "Zentrobe joined a $3 million round after the first round of talks and a seed round.",
            want: &[
                ("round", AgreementKind::Investment),
                ("seed round", AgreementKind::Investment),
            ],
        },
        Row {
            name: "a determiner and a kind word name a deal without a company nearby",
            text: "But the research collaboration ended in 2003.",
            want: &[("research collaboration", AgreementKind::Collaboration)],
        },
    ];

    #[test]
    fn kinds_and_statuses_read_from_the_ids_the_json_writes() {
        use AgreementKind as K;
        let kinds = [
            K::Partnership,
            K::Mou,
            K::Licensing,
            K::Acquisition,
            K::Merger,
            K::JointVenture,
            K::Investment,
            K::Supply,
            K::Distribution,
            K::Collaboration,
            K::Settlement,
            K::Other,
        ];
        let id = |v: serde_json::Value| v.as_str().unwrap().to_string();
        for kind in kinds {
            let written = id(serde_json::to_value(kind).unwrap());
            assert_eq!(AgreementKind::from_id(&written), Some(kind), "{written}");
            assert_eq!(AgreementKind::from_cell(&written), Some(Some(kind)), "{written}");
        }
        assert_eq!(AgreementKind::from_id("joint_venture"), Some(K::JointVenture));
        assert_eq!(AgreementKind::from_cell("-"), Some(None));
        for bad in ["JointVenture", "joint venture", "", "-"] {
            assert_eq!(AgreementKind::from_id(bad), None, "{bad}");
        }
        assert_eq!(AgreementKind::from_cell("mous"), None);
        let statuses = [
            Status::Signed,
            Status::Agreed,
            Status::Announced,
            Status::Completed,
            Status::Pending,
            Status::Proposed,
            Status::Rumoured,
            Status::Failed,
            Status::Ended,
            Status::Mentioned,
        ];
        for status in statuses {
            let written = id(serde_json::to_value(status).unwrap());
            assert_eq!(Status::from_id(&written), Some(status), "{written}");
        }
        assert_eq!(Status::from_id("Signed"), None);
    }

    #[test]
    fn the_head_and_kind_word_tables_read() {
        assert_eq!(HEADS.len(), AGREEMENT_HEADS.rows().len());
        let (words, strength, kind) = &HEADS[0];
        assert_eq!(words, &["memorandum", "of", "understanding"]);
        assert!(*strength == Strength::Strong && *kind == AgreementKind::Mou);
        let round = HEADS.iter().find(|h| h.0 == ["round"]).unwrap();
        assert!(round.1 == Strength::Weak && round.2 == AgreementKind::Investment);
        // The first head that fits is taken: a head never starts with the
        // words of one before it ("round of funding" before "round").
        for (i, (earlier, _, _)) in HEADS.iter().enumerate() {
            for (later, _, _) in &HEADS[i + 1..] {
                assert!(!later.starts_with(earlier), "{later:?} comes after {earlier:?}");
            }
        }
        assert_eq!(Strength::from_id("weak"), Some(Strength::Weak));
        assert_eq!(Strength::from_id("Strong"), None);
        assert_eq!(kind_word("Patent"), Some(Some(AgreementKind::Licensing)));
        assert_eq!(kind_word("strategic"), Some(None));
        assert_eq!(kind_word("deal"), None);
    }

    #[test]
    fn agreement_span_table() {
        for row in ROWS {
            let got = run(row.text);
            let want: Vec<(String, AgreementKind)> = row.want.iter().map(|(s, k)| (s.to_string(), *k)).collect();
            assert_eq!(got, want, "row: {}", row.name);
        }
    }
}
