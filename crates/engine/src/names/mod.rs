//! Document-level name decisions: every distinct name an article writes
//! gets one decision (COMPANY, PRODUCT or neither) from the evidence of all
//! its mentions pooled.
//!
//! A name's mentions are every place the article writes it as a whole word.
//! The evidence ([`Feature`]) is read around each mention and pooled over
//! them: how often and how surely the tagger marked it, what the lexicon
//! says, the words before and after (cue words, roles, product nouns,
//! possessives), where it stands (headline, sentence start), its shape, and
//! whether it reads as a person's name. The decision is a multinomial
//! logistic regression over those features; its weights are data
//! (`data/names.tsv`), written by `pactlens-train names`, which fits them
//! on the gold articles with tagger scores from models that did not see the
//! article (cross-fitting), so the weights learn how far the tagger can be
//! trusted on new text.
//!
//! The pipeline uses the decisions twice: a name decided a company or a
//! product is marked at every mention nothing else marks, and a tagger-only
//! mark of a name decided neither is dropped.

use std::collections::{BTreeMap, HashMap, HashSet};

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};

mod model;

pub use model::{NameModel, NameModelError};

use crate::annotation::Mark;
use crate::lexicon::Lexicon;
use crate::lexicon_matches::lexicon_spans;
use crate::people::{is_first_name, People};
use crate::places::is_place;
use crate::recognise::opens_sentence;
use crate::span::{Label, Source, Span};
use crate::tagger::TaggedSpan;
use crate::text::{at_word_boundaries, Token};
use crate::words::{
    COMPANY_CUES, LEGAL_SUFFIXES, NOT_NAME_START, NOUN_CUES, PLACE_PREPOSITIONS, PRODUCT_NOUNS, ROLE_CUES, TITLES,
};

/// One piece of evidence about a name, pooled over its mentions. The id is
/// the feature's row in `data/names.tsv`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Feature {
    /// Always 1.
    Bias,
    /// Highest tagger score of a COMPANY span exactly on a mention.
    TaggerCompanyMax,
    /// Share of mentions the tagger marks COMPANY exactly.
    TaggerCompanyShare,
    /// Highest tagger score of a PRODUCT span exactly on a mention.
    TaggerProductMax,
    /// Share of mentions the tagger marks PRODUCT exactly.
    TaggerProductShare,
    /// Share of mentions inside a longer tagger span ("Ford" of "Ford Motor").
    TaggerInsideShare,
    /// The lexicon knows the name as a company.
    LexiconCompany,
    /// The lexicon knows the name as a product.
    LexiconProduct,
    /// The lexicon marks the name as also a common word or place ("Apple").
    LexiconAmbiguous,
    /// ln(number of mentions).
    MentionsLog,
    /// The name is written once.
    MentionedOnce,
    /// One word.
    OneWord,
    /// Three words or more.
    ThreeWordsOrMore,
    /// No lower-case letter ("IBM", "UNION PACIFIC").
    NoLowerCase,
    /// A digit in the name ("3M", "iPhone 4").
    HasDigit,
    /// A capital after the first letter of a word ("iPhone", "PlayStation").
    InnerCapital,
    /// Ends in a legal suffix ("Acme Corp").
    LegalSuffix,
    /// Three characters or fewer.
    Short,
    /// Share of mentions that open a sentence.
    OpenerShare,
    /// A mention in the first line (the headline) of a text of several lines.
    InHeadline,
    /// The first word is a given name ("Marie").
    FirstName,
    /// A title right before a mention ("Mr", "Dr").
    TitleBefore,
    /// The article names a person with this surname.
    PersonSurname,
    /// Share of mentions inside a person's full name.
    InsidePerson,
    /// Share of mentions followed by a company cue ("said", "shares", "Inc").
    CompanyCueAfter,
    /// Share of mentions followed by a role ("CEO", "founder").
    RoleAfter,
    /// Share of mentions with a company noun right before ("startup X").
    CompanyNounBefore,
    /// Share of mentions with a product noun right after ("X app") or
    /// before ("platform X").
    ProductNounNear,
    /// Share of mentions followed by a possessive ("X's").
    PossessiveAfter,
    /// Share of mentions right after a possessive ("Apple's X").
    PossessiveBefore,
    /// Share of mentions followed by a number ("X 4", "X 2.0").
    NumberAfter,
    /// Share of mentions right after "the".
    TheBefore,
    /// The lower-case form of a one-word name is also written ("apple").
    LowerCaseElsewhere,
    /// The first word is a function word that often opens a sentence ("The").
    CommonStart,
    /// The name is a country, capital, continent or large city
    /// (`data/places.txt`).
    Place,
    /// A mention right after "in", "from", "across" or "to" (where places
    /// stand: "built in Australia").
    PlacePrepositionBefore,
}

impl Feature {
    /// Every feature, in the order of the feature vector.
    pub const ALL: [Feature; 36] = [
        Feature::Bias,
        Feature::TaggerCompanyMax,
        Feature::TaggerCompanyShare,
        Feature::TaggerProductMax,
        Feature::TaggerProductShare,
        Feature::TaggerInsideShare,
        Feature::LexiconCompany,
        Feature::LexiconProduct,
        Feature::LexiconAmbiguous,
        Feature::MentionsLog,
        Feature::MentionedOnce,
        Feature::OneWord,
        Feature::ThreeWordsOrMore,
        Feature::NoLowerCase,
        Feature::HasDigit,
        Feature::InnerCapital,
        Feature::LegalSuffix,
        Feature::Short,
        Feature::OpenerShare,
        Feature::InHeadline,
        Feature::FirstName,
        Feature::TitleBefore,
        Feature::PersonSurname,
        Feature::InsidePerson,
        Feature::CompanyCueAfter,
        Feature::RoleAfter,
        Feature::CompanyNounBefore,
        Feature::ProductNounNear,
        Feature::PossessiveAfter,
        Feature::PossessiveBefore,
        Feature::NumberAfter,
        Feature::TheBefore,
        Feature::LowerCaseElsewhere,
        Feature::CommonStart,
        Feature::Place,
        Feature::PlacePrepositionBefore,
    ];

    /// The feature's id in `data/names.tsv`.
    pub fn id(self) -> &'static str {
        match self {
            Feature::Bias => "bias",
            Feature::TaggerCompanyMax => "tagger.company.max",
            Feature::TaggerCompanyShare => "tagger.company.share",
            Feature::TaggerProductMax => "tagger.product.max",
            Feature::TaggerProductShare => "tagger.product.share",
            Feature::TaggerInsideShare => "tagger.inside.share",
            Feature::LexiconCompany => "lexicon.company",
            Feature::LexiconProduct => "lexicon.product",
            Feature::LexiconAmbiguous => "lexicon.ambiguous",
            Feature::MentionsLog => "mentions.log",
            Feature::MentionedOnce => "mentions.once",
            Feature::OneWord => "shape.one_word",
            Feature::ThreeWordsOrMore => "shape.three_words",
            Feature::NoLowerCase => "shape.no_lower_case",
            Feature::HasDigit => "shape.digit",
            Feature::InnerCapital => "shape.inner_capital",
            Feature::LegalSuffix => "shape.legal_suffix",
            Feature::Short => "shape.short",
            Feature::OpenerShare => "position.opener.share",
            Feature::InHeadline => "position.headline",
            Feature::FirstName => "person.first_name",
            Feature::TitleBefore => "person.title_before",
            Feature::PersonSurname => "person.surname",
            Feature::InsidePerson => "person.inside.share",
            Feature::CompanyCueAfter => "cue.company_after.share",
            Feature::RoleAfter => "cue.role_after.share",
            Feature::CompanyNounBefore => "cue.company_noun_before.share",
            Feature::ProductNounNear => "cue.product_noun_near.share",
            Feature::PossessiveAfter => "cue.possessive_after.share",
            Feature::PossessiveBefore => "cue.possessive_before.share",
            Feature::NumberAfter => "cue.number_after.share",
            Feature::TheBefore => "cue.the_before.share",
            Feature::LowerCaseElsewhere => "word.lower_case_elsewhere",
            Feature::CommonStart => "word.common_start",
            Feature::Place => "place.known",
            Feature::PlacePrepositionBefore => "place.preposition_before.share",
        }
    }
}

/// Number of features.
pub const N_FEATURES: usize = Feature::ALL.len();

/// What a name is decided to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    /// A company.
    Company,
    /// A product.
    Product,
    /// Neither (a person, a place, a common word, ...).
    Neither,
}

/// One distinct name of an article with its mentions and pooled evidence.
#[derive(Debug, Clone, PartialEq)]
pub struct NameType {
    /// The name as written.
    pub surface: String,
    /// Every place it is written as a whole word (and not as part of a
    /// longer name of the article), in order.
    pub mentions: Vec<Span>,
    /// The evidence, indexed like [`Feature::ALL`].
    pub features: [f32; N_FEATURES],
}

/// Everything the features are read from, computed once per text.
pub struct Evidence<'a> {
    /// The text (the analysis view).
    pub text: &'a str,
    /// Its tokens.
    pub toks: &'a [Token<'a>],
    /// The tagger's spans, in order.
    pub tagged: &'a [TaggedSpan],
    /// The lexicon.
    pub lexicon: &'a Lexicon,
    /// The people the article names.
    pub people: &'a People,
}

/// The names of `seeds` (spans of the text: tagger spans, lexicon matches,
/// marks), each with all its mentions and its evidence.
pub fn name_types(ev: &Evidence<'_>, seeds: impl IntoIterator<Item = Span>) -> Vec<NameType> {
    let text = ev.text;
    let mut surfaces: Vec<&str> = seeds
        .into_iter()
        .map(|s| s.slice(text))
        .filter(|s| s.chars().any(char::is_alphabetic))
        .collect::<HashSet<_>>()
        .into_iter()
        .collect();
    if surfaces.is_empty() {
        return Vec::new();
    }
    surfaces.sort_unstable();
    let Ok(automaton) = AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .kind(Some(AhoCorasickKind::NoncontiguousNFA))
        .build(&surfaces)
    else {
        return Vec::new();
    };
    let mut mentions: Vec<Vec<Span>> = vec![Vec::new(); surfaces.len()];
    for m in automaton.find_iter(text) {
        let span = Span::new(m.start(), m.end());
        if at_word_boundaries(text, span) {
            mentions[m.pattern().as_usize()].push(span);
        }
    }
    let exact: HashMap<Span, &TaggedSpan> = ev.tagged.iter().map(|t| (t.span, t)).collect();
    let lower_words: HashSet<&str> = ev
        .toks
        .iter()
        .filter(|t| t.text.chars().next().is_some_and(char::is_lowercase))
        .map(|t| t.text)
        .collect();
    let headline_end = text.find('\n').unwrap_or(0);
    surfaces
        .into_iter()
        .zip(mentions)
        .filter(|(_, m)| !m.is_empty())
        .map(|(surface, mentions)| {
            let features = features(ev, surface, &mentions, &exact, &lower_words, headline_end);
            NameType {
                surface: surface.to_string(),
                mentions,
                features,
            }
        })
        .collect()
}

fn features(
    ev: &Evidence<'_>,
    surface: &str,
    mentions: &[Span],
    exact: &HashMap<Span, &TaggedSpan>,
    lower_words: &HashSet<&str>,
    headline_end: usize,
) -> [f32; N_FEATURES] {
    let text = ev.text;
    let mut x = [0.0f32; N_FEATURES];
    let mut set = |f: Feature, v: f32| x[f as usize] = v;
    let n = mentions.len() as f32;
    let share = |pred: &dyn Fn(Span) -> bool| mentions.iter().filter(|&&m| pred(m)).count() as f32 / n;
    let tagged_as = |m: Span, label: Label| exact.get(&m).filter(|t| t.label == label).map(|t| t.score);
    let max_score = |label: Label| {
        mentions
            .iter()
            .filter_map(|&m| tagged_as(m, label))
            .fold(0.0f32, f32::max)
    };
    set(Feature::Bias, 1.0);
    set(Feature::TaggerCompanyMax, max_score(Label::Company));
    set(
        Feature::TaggerCompanyShare,
        share(&|m| tagged_as(m, Label::Company).is_some()),
    );
    set(Feature::TaggerProductMax, max_score(Label::Product));
    set(
        Feature::TaggerProductShare,
        share(&|m| tagged_as(m, Label::Product).is_some()),
    );
    set(Feature::TaggerInsideShare, share(&|m| inside_longer(ev.tagged, m)));
    let entry = ev.lexicon.lookup(surface);
    let flag = |b: bool| if b { 1.0 } else { 0.0 };
    set(
        Feature::LexiconCompany,
        flag(entry.is_some_and(|e| e.label == Label::Company)),
    );
    set(
        Feature::LexiconProduct,
        flag(entry.is_some_and(|e| e.label == Label::Product)),
    );
    set(Feature::LexiconAmbiguous, flag(entry.is_some_and(|e| e.ambiguous)));
    set(Feature::MentionsLog, n.ln());
    set(Feature::MentionedOnce, flag(mentions.len() == 1));
    let words: Vec<&str> = surface.split_whitespace().collect();
    set(Feature::OneWord, flag(words.len() == 1));
    set(Feature::ThreeWordsOrMore, flag(words.len() >= 3));
    set(Feature::NoLowerCase, flag(!surface.chars().any(char::is_lowercase)));
    set(Feature::HasDigit, flag(surface.chars().any(|c| c.is_ascii_digit())));
    set(
        Feature::InnerCapital,
        flag(words.iter().any(|w| {
            let mut cs = w.chars().skip_while(|c| !c.is_alphabetic());
            cs.next().is_some() && cs.clone().any(char::is_lowercase) && cs.any(char::is_uppercase)
        })),
    );
    set(
        Feature::LegalSuffix,
        flag(words.last().is_some_and(|w| LEGAL_SUFFIXES.contains(w))),
    );
    set(Feature::Short, flag(surface.chars().count() <= 3));
    set(Feature::OpenerShare, share(&|m| opens_sentence(text, m.start)));
    set(
        Feature::InHeadline,
        flag(mentions.first().is_some_and(|m| m.end <= headline_end)),
    );
    set(
        Feature::FirstName,
        flag(words.first().is_some_and(|w| is_first_name(w))),
    );
    set(
        Feature::TitleBefore,
        flag(
            mentions
                .iter()
                .any(|&m| word_before(text, m).is_some_and(|w| TITLES.contains(&w))),
        ),
    );
    set(Feature::PersonSurname, flag(ev.people.surnames.contains(surface)));
    set(Feature::InsidePerson, share(&|m| ev.people.overlaps(m)));
    let after = |m: Span, list: &[&str]| word_after(text, m).is_some_and(|w| list.contains(&w));
    let before =
        |m: Span, list: &[&str]| word_before(text, m).is_some_and(|w| list.iter().any(|c| c.eq_ignore_ascii_case(w)));
    set(Feature::CompanyCueAfter, share(&|m| after(m, &COMPANY_CUES)));
    set(Feature::RoleAfter, share(&|m| after(m, &ROLE_CUES)));
    set(Feature::CompanyNounBefore, share(&|m| before(m, &NOUN_CUES)));
    set(
        Feature::ProductNounNear,
        share(&|m| after(m, &PRODUCT_NOUNS) || before(m, &PRODUCT_NOUNS)),
    );
    let possessive = |s: &str| s.starts_with("'s") || s.starts_with("’s");
    set(Feature::PossessiveAfter, share(&|m| possessive(&text[m.end..])));
    set(
        Feature::PossessiveBefore,
        share(&|m| {
            let before = text[..m.start].strip_suffix(' ').unwrap_or("");
            before.ends_with("'s") || before.ends_with("’s")
        }),
    );
    set(
        Feature::NumberAfter,
        share(&|m| word_after(text, m).is_some_and(|w| w.starts_with(|c: char| c.is_ascii_digit()))),
    );
    set(
        Feature::TheBefore,
        share(&|m| word_before(text, m).is_some_and(|w| w.eq_ignore_ascii_case("the"))),
    );
    set(
        Feature::LowerCaseElsewhere,
        flag(words.len() == 1 && lower_words.contains(surface.to_lowercase().as_str())),
    );
    set(
        Feature::CommonStart,
        flag(words.first().is_some_and(|w| NOT_NAME_START.contains(w))),
    );
    set(Feature::Place, flag(is_place(surface)));
    set(
        Feature::PlacePrepositionBefore,
        share(&|m| word_before(text, m).is_some_and(|w| PLACE_PREPOSITIONS.contains(&w))),
    );
    x
}

/// Applies the model's decisions to the pipeline's marks: a name decided a
/// company or a product is marked at every mention that no mark overlaps;
/// a mark only the tagger found is dropped when its name is decided
/// neither. Seeds are the tagger's spans and the marks themselves.
/// Returns the names it decided on.
pub fn decide_names(ev: &Evidence<'_>, model: &NameModel, marks: &mut Vec<Mark>) -> Vec<NameType> {
    decide(ev, model, marks, true)
}

/// [`decide_names`]; `after_rules` is false when no rule ran (the learned
/// parts alone).
fn decide(ev: &Evidence<'_>, model: &NameModel, marks: &mut Vec<Mark>, after_rules: bool) -> Vec<NameType> {
    let types = name_types(ev, seeds(ev, marks));
    let mut occupied: BTreeMap<usize, usize> = marks.iter().map(|m| (m.span.start, m.span.end)).collect();
    let mut dropped: HashSet<Span> = HashSet::new();
    let mut added = Vec::new();
    for t in &types {
        let label = match model.decide(&t.features) {
            Decision::Company => Label::Company,
            Decision::Product => Label::Product,
            Decision::Neither => {
                dropped.extend(t.mentions.iter().copied());
                continue;
            }
        };
        // Names the lexicon knows as also a common word or a place ("Prime",
        // "Slack") are the evidence rules' to decide, mention by mention.
        if t.features[Feature::LexiconAmbiguous as usize] > 0.0 && after_rules {
            continue;
        }
        for &m in &t.mentions {
            let clash = occupied
                .range(..m.end)
                .next_back()
                .is_some_and(|(_, &end)| end > m.start);
            if clash {
                continue;
            }
            occupied.insert(m.start, m.end);
            added.push(Mark {
                span: m,
                label,
                source: Source::Document,
                canonical: t.surface.clone(),
                owner: None,
                kind: None,
            });
        }
    }
    marks.retain(|m| !(m.source == Source::Model && dropped.contains(&m.span)));
    if !added.is_empty() {
        marks.extend(added);
        marks.sort_by_key(|m| m.span);
    }
    types
}

/// The spans whose names are decided: the tagger's spans, the lexicon's
/// matches, the company and product marks, and every run of capitalised
/// words (so that the model also learns what is not a name).
pub(crate) fn seeds(ev: &Evidence<'_>, marks: &[Mark]) -> Vec<Span> {
    ev.tagged
        .iter()
        .map(|t| t.span)
        .chain(lexicon_spans(ev.text))
        .chain(
            marks
                .iter()
                .filter(|m| matches!(m.label, Label::Company | Label::Product))
                .map(|m| m.span),
        )
        .chain(capitalised_runs(ev.text, ev.toks))
        .collect()
}

/// Runs of capitalised words written one space apart ("Christopher
/// Golden", "Prime Minister"), without a function word that opens them
/// ("The").
fn capitalised_runs(text: &str, toks: &[Token<'_>]) -> Vec<Span> {
    let mut runs = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if !toks[i].is_name_like() {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < toks.len() && toks[j].is_name_like() && &text[toks[j - 1].span.end..toks[j].span.start] == " " {
            j += 1;
        }
        let start = if NOT_NAME_START.contains(&toks[i].text) {
            i + 1
        } else {
            i
        };
        if start < j {
            runs.push(Span::new(toks[start].span.start, toks[j - 1].span.end));
        }
        i = j;
    }
    runs
}

/// Marks from the decisions alone (no rule's marks): every mention of a
/// name decided a company or a product, longer names first.
pub fn marks_from_decisions(ev: &Evidence<'_>, model: &NameModel) -> Vec<Mark> {
    let mut marks = Vec::new();
    decide(ev, model, &mut marks, false);
    marks
}

/// True when a tagger span strictly contains `m`.
fn inside_longer(tagged: &[TaggedSpan], m: Span) -> bool {
    let at = tagged.partition_point(|t| t.span.start <= m.start);
    tagged[..at]
        .iter()
        .rev()
        .take(2)
        .any(|t| t.span.end >= m.end && t.span != m)
}

/// The word right before `span`, separated from it by one space only.
fn word_before(text: &str, span: Span) -> Option<&str> {
    let before = text[..span.start].strip_suffix(' ')?;
    let start = before
        .char_indices()
        .rev()
        .find(|&(_, c)| !(c.is_alphanumeric() || matches!(c, '-' | '.')))
        .map_or(0, |(i, c)| i + c.len_utf8());
    Some(&before[start..]).filter(|w| !w.is_empty())
}

/// The word right after `span`, separated from it by one space only.
fn word_after(text: &str, span: Span) -> Option<&str> {
    let after = text[span.end..].strip_prefix(' ')?;
    let end = after
        .find(|c: char| !(c.is_alphanumeric() || matches!(c, '-' | '.')))
        .unwrap_or(after.len());
    Some(after[..end].trim_end_matches('.')).filter(|w| !w.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokens;

    #[test]
    fn builtin_model_reads_and_round_trips() {
        let m = NameModel::builtin();
        assert_eq!(NameModel::from_tsv(&m.to_tsv()).unwrap(), *m);
    }

    #[test]
    fn bad_weight_files_say_what_is_wrong() {
        let e = NameModel::from_tsv("bias\t1\n").unwrap_err();
        assert!(e.reason.contains("3 columns"), "{e}");
        let e = NameModel::from_tsv("nonsense\t1\t2\n").unwrap_err();
        assert!(e.reason.contains("unknown feature"), "{e}");
        let e = NameModel::from_tsv("bias\t1\t2\n").unwrap_err();
        assert!(e.reason.contains("missing"), "{e}");
    }

    #[test]
    fn feature_ids_are_distinct() {
        let ids: HashSet<&str> = Feature::ALL.iter().map(|f| f.id()).collect();
        assert_eq!(ids.len(), N_FEATURES);
        assert!(Feature::ALL.iter().enumerate().all(|(i, f)| *f as usize == i));
    }

    /// Runs `f` on the evidence of `text` (no tagger spans).
    fn with_evidence<R>(text: &str, f: impl FnOnce(&Evidence<'_>) -> R) -> R {
        let toks = tokens(text);
        let people = crate::people::people(text, &toks, Lexicon::builtin(), &[]);
        f(&Evidence {
            text,
            toks: &toks,
            tagged: &[],
            lexicon: Lexicon::builtin(),
            people: &people,
        })
    }

    fn types_of(text: &str, seeds: &[&str]) -> Vec<NameType> {
        let spans = seeds.iter().map(|s| {
            let at = text.find(s).unwrap();
            Span::new(at, at + s.len())
        });
        with_evidence(text, |ev| name_types(ev, spans))
    }

    #[test]
    fn mentions_are_whole_words_and_longest_names_win() {
        let text =
            "Zorbluk Motors said on Monday. Zorbluk shares rose. Zorbluks are rare. Then Zorbluk Motors CEO spoke.";
        let types = types_of(text, &["Zorbluk Motors", "Zorbluk"]);
        let long = types.iter().find(|t| t.surface == "Zorbluk Motors").unwrap();
        let short = types.iter().find(|t| t.surface == "Zorbluk").unwrap();
        assert_eq!(long.mentions.len(), 2);
        assert_eq!(short.mentions.len(), 1, "{:?}", short.mentions);
        let f = |t: &NameType, f: Feature| t.features[f as usize];
        assert_eq!(f(long, Feature::CompanyCueAfter), 1.0, "\"said\" and \"CEO\"");
        assert_eq!(f(long, Feature::RoleAfter), 0.5);
        assert_eq!(f(short, Feature::CompanyCueAfter), 1.0);
        assert_eq!(f(long, Feature::OpenerShare), 0.5);
        assert_eq!(f(long, Feature::MentionedOnce), 0.0);
    }

    #[test]
    fn person_evidence_is_pooled() {
        let text = "Marie Dubois runs the lab. Mr Dubois said the Dubois plan works.";
        let types = types_of(text, &["Dubois"]);
        let t = &types[0];
        assert_eq!(t.features[Feature::TitleBefore as usize], 1.0);
        assert_eq!(t.features[Feature::PersonSurname as usize], 1.0);
    }

    #[test]
    fn decisions_mark_every_free_mention_and_drop_tagger_only_marks() {
        let text = "Zorbluk said on Monday. Later Zorbluk rose. Qwerty Plc grew. Flimflam fell.";
        // Company when a company cue follows some mention, else neither.
        let mut model = NameModel {
            weights: [[0.0; 2]; N_FEATURES],
        };
        model.weights[Feature::Bias as usize] = [-1.0, -3.0];
        model.weights[Feature::CompanyCueAfter as usize] = [4.0, 0.0];
        let at = |s: &str| {
            let i = text.find(s).unwrap();
            Span::new(i, i + s.len())
        };
        let mark = |s: &str, source: Source| Mark {
            span: at(s),
            label: Label::Company,
            source,
            canonical: s.to_string(),
            owner: None,
            kind: None,
        };
        let mut marks = vec![
            mark("Zorbluk", Source::Context),
            mark("Qwerty Plc", Source::LegalSuffix),
            mark("Flimflam", Source::Model),
        ];
        with_evidence(text, |ev| decide_names(ev, &model, &mut marks));
        let got: Vec<(&str, Source)> = marks.iter().map(|m| (m.span.slice(text), m.source)).collect();
        assert_eq!(
            got,
            [
                ("Zorbluk", Source::Context),
                ("Zorbluk", Source::Document),
                ("Qwerty Plc", Source::LegalSuffix),
            ],
            "the second Zorbluk is added, the rule's Qwerty Plc kept, the tagger's Flimflam dropped"
        );
        let alone = with_evidence(text, |ev| marks_from_decisions(ev, &model));
        let alone: Vec<&str> = alone.iter().map(|m| m.span.slice(text)).collect();
        assert_eq!(alone, ["Zorbluk", "Zorbluk"], "without rules, only the decided name");
    }

    #[test]
    fn the_model_weighs_the_evidence() {
        let mut m = NameModel {
            weights: [[0.0; 2]; N_FEATURES],
        };
        m.weights[Feature::Bias as usize] = [-1.0, -1.0];
        m.weights[Feature::CompanyCueAfter as usize] = [4.0, 0.0];
        let mut x = [0.0; N_FEATURES];
        x[Feature::Bias as usize] = 1.0;
        assert_eq!(m.decide(&x), Decision::Neither);
        x[Feature::CompanyCueAfter as usize] = 1.0;
        assert_eq!(m.decide(&x), Decision::Company);
        let p = m.probabilities(&x);
        assert!((p.iter().sum::<f32>() - 1.0).abs() < 1e-5);
    }
}
