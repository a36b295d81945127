//! Agreement records: one per real-world agreement the text reports.
//!
//! The text is cut into units (sentences, with hard-wrapped lines joined) and
//! each unit into elements: company, product and agreement marks, and the
//! remaining words. An *event* is a run of triggers close together: dealing
//! verbs ("signed", "acquired", "invested") and agreement mentions ("a
//! memorandum of understanding", "the acquisition"). Its parties come from
//! verb frames read off the elements around it:
//!
//! * the subject group left of the first trigger ("X and Y signed", "X's
//!   acquisition of"), through pronouns ("X said it would acquire");
//! * the first object group right of the last trigger ("acquire Y", "with Y",
//!   "in Y", "from Y", "to Y", "by Y"), skipping company names used as
//!   modifiers ("OpenAI rivals"), possessors of units ("GM's Cruise"),
//!   sources ("according to Reuters") and aliases ("PDVSA" after "Petroleos
//!   de Venezuela");
//! * for funding rounds, every named investor in the unit ("raised $5
//!   million from A, B and C", "led by A with participation from B"), and
//!   later "Investors include ..." lists.
//!
//! Events then merge into records: an event whose parties overlap a record's
//! (one set inside the other) with a compatible kind and era is that record;
//! a definite mention with no parties of its own ("the deal", "the merger")
//! refers to the latest record of a compatible kind. An earlier deal dated
//! differently ("In 2016, X bought ...") or introduced with "also" and a
//! different kind is its own record. Everything stays linear in the text:
//! elements are built in one merge of two sorted lists, units find their
//! elements by binary search, and scans around a trigger are bounded.

mod cues;

use std::collections::HashMap;
use std::sync::LazyLock;

use crate::agreements::{AgreementKind, Status};
use crate::annotation::{AgreementRecord, Mark};
use crate::span::{Label, Span};
use crate::text::{find_word_ignore_ascii_case, Token, WordMap};
use cues::{
    COMPANY_NOUNS, DETERMINERS, LEFT_STOPS, MENTION_PREPS, MODIFIER_NOUNS, MONTHS, PAST_CUES, PRE_MENTION,
    PRONOUN_SUBJECTS, PROPOSAL_CUES, RELATIVE_DATES, RIGHT_STOPS, WEEKDAYS,
};

/// What an element of a unit is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum What {
    /// A COMPANY mark (index into the marks).
    Company(usize),
    /// An AGREEMENT mark.
    Agreement(usize),
    /// A PRODUCT mark.
    Product,
    /// A word outside the marks.
    Word,
}

#[derive(Debug, Clone)]
struct Elem {
    what: What,
    span: Span,
    lower: String,
}

/// Builds agreement records for `text` (see the module documentation).
pub(crate) fn records(text: &str, toks: &[Token<'_>], sents: &[Span], marks: &[Mark]) -> Vec<AgreementRecord> {
    let els = elements(toks, marks);
    let mut doc = Doc {
        text,
        els: &els,
        marks,
        records: Vec::new(),
        last_subject: None,
        unit_lead: None,
    };
    for unit in units(text, sents) {
        let lo = els.partition_point(|e| e.span.start < unit.start);
        let hi = els.partition_point(|e| e.span.start < unit.end);
        doc.unit(unit, lo, hi);
    }
    // A party is named as the article names it: the shortest mention of
    // that company (ANNOTATION.md's canonical name), "John Deere" rather
    // than a lexicon's "Deere" the article never uses.
    merge_parent_named(&mut doc.records);
    let mut shortest: HashMap<&str, &str> = HashMap::new();
    for m in marks.iter().filter(|m| m.label == Label::Company) {
        let written = m.span.slice(text);
        let entry = shortest.entry(m.canonical.as_str()).or_insert(written);
        if written.chars().count() < entry.chars().count() {
            *entry = written;
        }
    }
    let name = |p: String| match shortest.get(p.as_str()) {
        Some(w) if !w.eq_ignore_ascii_case(&p) && !w.to_lowercase().starts_with(&p.to_lowercase()) => w.to_string(),
        _ => p,
    };
    doc.records
        .into_iter()
        .filter(|r| !r.parties.is_empty())
        .map(|r| AgreementRecord {
            parties: r.parties.into_iter().map(name).collect(),
            kind: r.kind,
            status: r.stage,
            mentions: r.mentions,
            date: r.date,
            scope: r.scope,
            value: r.value,
            evidence: r.evidence,
        })
        .collect()
}

/// Merges sorted tokens and marks into elements: each mark is one element,
/// each token outside every mark a word.
fn elements(toks: &[Token<'_>], marks: &[Mark]) -> Vec<Elem> {
    let mut out = Vec::with_capacity(toks.len());
    let mut m = 0;
    for t in toks {
        while m < marks.len() && marks[m].span.end <= t.span.start {
            push_mark(&mut out, marks, m);
            m += 1;
        }
        let inside = m < marks.len() && marks[m].span.start < t.span.end;
        if !inside {
            out.push(Elem {
                what: What::Word,
                span: t.span,
                lower: t.text.to_lowercase(),
            });
        }
    }
    while m < marks.len() {
        push_mark(&mut out, marks, m);
        m += 1;
    }
    out
}

fn push_mark(out: &mut Vec<Elem>, marks: &[Mark], m: usize) {
    let what = match marks[m].label {
        Label::Company => What::Company(m),
        Label::Agreement => What::Agreement(m),
        Label::Product => What::Product,
    };
    out.push(Elem {
        what,
        span: marks[m].span,
        lower: String::new(),
    });
}

/// Sentences with hard-wrapped lines joined: a sentence that ends without
/// a stop and is followed by a single line break continues on the next line
/// (wire copy wraps lines mid-sentence).
fn units(text: &str, sents: &[Span]) -> Vec<Span> {
    let mut out: Vec<Span> = Vec::with_capacity(sents.len());
    for &s in sents {
        if let Some(last) = out.last_mut() {
            let gap = &text[last.end..s.start];
            let ends_with_stop = text[..last.end].trim_end().ends_with(['.', '!', '?', '"', '”', ':']);
            let breaks = gap.matches('\n').count();
            if breaks == 1 && !ends_with_stop && gap.trim().is_empty() {
                last.end = s.end;
                continue;
            }
        }
        out.push(s);
    }
    out
}

/// A record while the document is read.
#[derive(Debug, Clone)]
struct Rec {
    parties: Vec<String>,
    kind: AgreementKind,
    stage: Status,
    mentions: Vec<usize>,
    date: Option<String>,
    era: Option<String>,
    scope: Option<String>,
    value: Option<String>,
    evidence: Vec<Span>,
}

/// One event read from a unit.
#[derive(Debug, Clone)]
struct Event {
    parties: Vec<String>,
    kind: AgreementKind,
    /// True when a trigger names the kind (a mention or verb), not a default.
    stage: Status,
    mentions: Vec<usize>,
    /// Only definite mentions ("the deal"), no verb.
    reference: bool,
    /// Introduced as another deal ("also signed a ...").
    another: bool,
    /// A dealing verb is part of it.
    has_verb: bool,
    funding: bool,
    date: Option<String>,
    era: Option<String>,
    scope: Option<String>,
    value: Option<String>,
}

struct Doc<'a> {
    text: &'a str,
    els: &'a [Elem],
    marks: &'a [Mark],
    records: Vec<Rec>,
    /// The company that was last the subject of a deal, for "the company",
    /// "it" and "the equipment maker" subjects.
    last_subject: Option<String>,
    /// The unit (its first element) and subject of the latest event, for a
    /// mention coordinated with it.
    unit_lead: Option<(usize, Vec<String>)>,
}

/// Dealing verbs: form, kind they imply, stage, and whether they report a
/// deal on their own (`true`) or only together with an agreement mention.
const VERBS: &[(&str, Option<AgreementKind>, Status, bool)] = {
    use AgreementKind as K;
    &[
        ("sign", None, Status::Signed, false),
        ("signs", None, Status::Signed, false),
        ("signed", None, Status::Signed, false),
        ("signing", None, Status::Signed, false),
        ("ink", None, Status::Signed, false),
        ("inks", None, Status::Signed, false),
        ("inked", None, Status::Signed, false),
        ("strike", None, Status::Signed, false),
        ("strikes", None, Status::Signed, false),
        ("struck", None, Status::Signed, false),
        ("seal", None, Status::Signed, false),
        ("seals", None, Status::Signed, false),
        ("sealed", None, Status::Signed, false),
        ("agree", None, Status::Agreed, false),
        ("agrees", None, Status::Agreed, false),
        ("agreed", None, Status::Agreed, false),
        ("reached", None, Status::Agreed, false),
        ("reach", None, Status::Agreed, false),
        ("reaches", None, Status::Agreed, false),
        ("announce", None, Status::Announced, false),
        ("announces", None, Status::Announced, false),
        ("announced", None, Status::Announced, false),
        ("unveiled", None, Status::Announced, false),
        ("enter", None, Status::Signed, false),
        ("enters", None, Status::Signed, false),
        ("entered", None, Status::Signed, false),
        ("form", None, Status::Signed, false),
        ("forms", None, Status::Signed, false),
        ("formed", None, Status::Signed, false),
        ("extend", None, Status::Signed, false),
        ("extended", None, Status::Signed, false),
        ("renewed", None, Status::Signed, false),
        ("joined", None, Status::Signed, false),
        ("complete", None, Status::Completed, false),
        ("completes", None, Status::Completed, false),
        ("completed", None, Status::Completed, false),
        ("closed", None, Status::Completed, false),
        ("closes", None, Status::Completed, false),
        ("finalized", None, Status::Completed, false),
        ("finalised", None, Status::Completed, false),
        ("acquire", Some(K::Acquisition), Status::Agreed, true),
        ("acquires", Some(K::Acquisition), Status::Agreed, true),
        ("acquired", Some(K::Acquisition), Status::Completed, true),
        ("acquiring", Some(K::Acquisition), Status::Agreed, true),
        ("buy", Some(K::Acquisition), Status::Agreed, true),
        ("buys", Some(K::Acquisition), Status::Agreed, true),
        ("bought", Some(K::Acquisition), Status::Completed, true),
        ("buying", Some(K::Acquisition), Status::Agreed, true),
        ("purchased", Some(K::Acquisition), Status::Completed, true),
        ("sell", Some(K::Acquisition), Status::Agreed, true),
        ("sells", Some(K::Acquisition), Status::Agreed, true),
        ("sold", Some(K::Acquisition), Status::Completed, true),
        ("selling", Some(K::Acquisition), Status::Agreed, true),
        ("merge", Some(K::Merger), Status::Agreed, true),
        ("merges", Some(K::Merger), Status::Agreed, true),
        ("merged", Some(K::Merger), Status::Completed, true),
        ("merging", Some(K::Merger), Status::Agreed, true),
        ("invest", Some(K::Investment), Status::Agreed, true),
        ("invests", Some(K::Investment), Status::Agreed, true),
        ("invested", Some(K::Investment), Status::Completed, true),
        ("investing", Some(K::Investment), Status::Agreed, true),
        ("raise", Some(K::Investment), Status::Agreed, true),
        ("raises", Some(K::Investment), Status::Agreed, true),
        ("raised", Some(K::Investment), Status::Completed, true),
        ("license", Some(K::Licensing), Status::Agreed, true),
        ("licenses", Some(K::Licensing), Status::Agreed, true),
        ("licensed", Some(K::Licensing), Status::Completed, true),
        ("licence", Some(K::Licensing), Status::Agreed, true),
        ("licences", Some(K::Licensing), Status::Agreed, true),
        ("licenced", Some(K::Licensing), Status::Completed, true),
        ("partner", Some(K::Partnership), Status::Agreed, true),
        ("partners", Some(K::Partnership), Status::Agreed, true),
        ("partnered", Some(K::Partnership), Status::Agreed, true),
        ("partnering", Some(K::Partnership), Status::Agreed, true),
        ("team", Some(K::Partnership), Status::Agreed, true),
        ("teamed", Some(K::Partnership), Status::Agreed, true),
        ("teams", Some(K::Partnership), Status::Agreed, true),
        ("collaborate", Some(K::Collaboration), Status::Agreed, true),
        ("collaborates", Some(K::Collaboration), Status::Agreed, true),
        ("collaborated", Some(K::Collaboration), Status::Agreed, true),
        ("take", Some(K::Investment), Status::Agreed, true),
        ("takes", Some(K::Investment), Status::Agreed, true),
        ("took", Some(K::Investment), Status::Completed, true),
    ]
};

/// Verbs after "to" that say what a deal is for ("an agreement to acquire").
const PURPOSES: &[(&str, AgreementKind)] = {
    use AgreementKind as K;
    &[
        ("acquire", K::Acquisition),
        ("buy", K::Acquisition),
        ("purchase", K::Acquisition),
        ("merge", K::Merger),
        ("combine", K::Merger),
        ("supply", K::Supply),
        ("provide", K::Supply),
        ("distribute", K::Distribution),
        ("market", K::Distribution),
        ("license", K::Licensing),
        ("licence", K::Licensing),
        ("invest", K::Investment),
        ("develop", K::Collaboration),
        ("co-develop", K::Collaboration),
        ("jointly", K::Collaboration),
        ("collaborate", K::Collaboration),
        ("cooperate", K::Collaboration),
        ("research", K::Collaboration),
    ]
};

/// What a dealing verb says: the kind it implies, the status, and whether
/// it reports a deal on its own (see `VERBS`).
type VerbSense = (Option<AgreementKind>, Status, bool);

fn verb(word: &str) -> Option<VerbSense> {
    // Looked up for every word of every sentence: a hash map, not a scan.
    static BY_WORD: LazyLock<WordMap<&'static str, VerbSense>> =
        LazyLock::new(|| VERBS.iter().map(|v| (v.0, (v.1, v.2, v.3))).collect());
    BY_WORD.get(word).copied()
}

fn purpose(word: &str) -> Option<AgreementKind> {
    PURPOSES.iter().find(|p| p.0 == word).map(|p| p.1)
}

/// How specific a kind is, for merging the kinds of one record's mentions:
/// a memorandum beats a generic partnership, a joint venture beats both.
fn specificity(kind: AgreementKind) -> u8 {
    use AgreementKind as K;
    match kind {
        K::Other => 0,
        K::Partnership | K::Collaboration => 1,
        K::Mou => 2,
        _ => 3,
    }
}

/// Kinds that may describe one agreement: equal, or one of them generic.
fn compatible(a: AgreementKind, b: AgreementKind) -> bool {
    a == b || specificity(a) < 3 || specificity(b) < 3
}

fn stage_rank(s: Status) -> u8 {
    match s {
        Status::Mentioned => 0,
        Status::Rumoured => 1,
        Status::Proposed => 2,
        Status::Announced => 3,
        Status::Agreed => 4,
        Status::Pending => 5,
        Status::Signed => 6,
        Status::Completed => 7,
        Status::Ended => 8,
        Status::Failed => 9,
    }
}

/// The stage after a new report: a failure or an end overrides, a made
/// report beats an unmade one, otherwise the stronger word stays.
fn next_stage(old: Status, new: Status) -> Status {
    match (old.is_made(), new.is_made()) {
        _ if matches!(new, Status::Failed | Status::Ended) => new,
        (false, true) => new,
        (true, false) => old,
        _ if stage_rank(new) > stage_rank(old) => new,
        _ => old,
    }
}

impl Doc<'_> {
    fn word(&self, i: usize) -> &str {
        match self.els.get(i) {
            Some(e) if e.what == What::Word => &e.lower,
            _ => "",
        }
    }

    fn company(&self, i: usize) -> Option<usize> {
        match self.els.get(i)?.what {
            What::Company(m) => Some(m),
            _ => None,
        }
    }

    /// Text between element `i` and element `i + 1`.
    fn gap_after(&self, i: usize) -> &str {
        match (self.els.get(i), self.els.get(i + 1)) {
            (Some(a), Some(b)) if a.span.end <= b.span.start => &self.text[a.span.end..b.span.start],
            _ => "",
        }
    }

    fn is_barrier(gap: &str) -> bool {
        gap.contains([';', '—', '–', ':', '(', ')', '“', '”', '"'])
    }

    /// A company name used as a modifier ("OpenAI rivals").
    fn is_modifier(&self, i: usize) -> bool {
        let next = self.word(i + 1);
        let team_up = next == "team" && self.word(i + 2) == "up";
        self.gap_after(i).trim().is_empty() && MODIFIER_NOUNS.contains(&next) && !team_up
    }

    /// A company named as the source of a report ("according to Reuters",
    /// "told TechCrunch", "reporting from the FT"), or as speaker after it.
    fn is_source(&self, i: usize, lo: usize) -> bool {
        let before = |k: usize| if i >= lo + k { self.word(i - k) } else { "" };
        let b1 = before(1);
        let b2 = before(2);
        let b3 = before(3);
        let source_word = |w: &str| matches!(w, "reporting" | "report" | "reports" | "according" | "via" | "told");
        b1 == "told"
            || b1 == "via"
            || (b1 == "to"
                && matches!(
                    b2,
                    "according" | "statement" | "confirmed" | "said" | "explained" | "told" | "spokesperson"
                ))
            || source_word(b2) && matches!(b1, "from" | "by" | "the" | "to")
            || source_word(b3) && matches!(b2, "from" | "by" | "to") && b1 == "the"
            || (b1 == "by" && b2 == "reported")
    }

    /// An alias of the company just before it: "Pacific Consultants (PCKK)"
    /// or "Petroleos de Venezuela, PDVSA," (an all-capitals abbreviation
    /// with the same initial).
    fn is_alias(&self, i: usize) -> bool {
        let Some(m) = self.company(i) else { return false };
        let Some(prev) = i.checked_sub(1).and_then(|p| self.company(p)) else {
            return false;
        };
        let gap = self.gap_after(i - 1).trim();
        let name = self.marks[m].span.slice(self.text);
        let prev_name = self.marks[prev].span.slice(self.text);
        if gap == "(" {
            return true;
        }
        gap == ","
            && name.len() >= 2
            && name.chars().all(|c| c.is_ascii_uppercase())
            && prev_name.contains(' ')
            && prev_name.chars().next() == name.chars().next()
    }

    /// A company followed by "'s" and something other than the trigger: the
    /// owner of a unit or product ("General Motors's Cruise").
    fn is_possessor(&self, i: usize) -> bool {
        matches!(self.word(i + 1), "'s" | "’s") || self.gap_after(i).trim() == "’" || self.gap_after(i).trim() == "'"
    }

    fn canonical(&self, i: usize) -> Option<String> {
        self.company(i).map(|m| self.marks[m].canonical.clone())
    }

    /// The group of companies ending at `i` ("A, B and C"), scanning left.
    fn group_left(&self, i: usize, lo: usize, out: &mut Vec<String>) {
        let mut k = i;
        push_unique(out, self.canonical(k));
        while k > lo {
            let gap = self.gap_after(k - 1).trim();
            if matches!(gap, "," | "-" | "/" | "")
                && self.company(k - 1).is_some()
                && !self.is_alias(k)
                && !self.is_source(k - 1, lo)
            {
                k -= 1;
            } else if k >= lo + 2
                && matches!(self.word(k - 1), "and" | "&" | "or")
                && self.company(k - 2).is_some()
                && !Self::is_barrier(self.gap_after(k - 2))
            {
                k -= 2;
            } else if let Some(before) = self.described_before_and(k, lo) {
                k = before;
            } else {
                break;
            }
            if !self.is_modifier(k) {
                push_unique(out, self.canonical(k));
            }
        }
    }

    /// "X and France's Y", "X and French rival Y": the company before "and"
    /// when one to three describing words (words, or a place's possessive)
    /// stand between "and" and the company at `k`.
    fn described_before_and(&self, k: usize, lo: usize) -> Option<usize> {
        let mut j = k;
        while j > lo && k - j < 4 {
            let e = &self.els[j - 1];
            // Only spaces between: "…Exchange Commission, Sina said" is no description.
            let gap = self.gap_after(j - 1);
            let spaced = gap.trim().is_empty() || matches!(gap.trim(), "'" | "’");
            if !spaced || e.what != What::Word {
                return None;
            }
            let possessive = matches!(e.lower.as_str(), "'s" | "’s");
            let place = self.is_possessor(j - 1);
            // Lower-case words and capitalised ones ("French rival").
            let word = e.lower.chars().all(|c| c.is_alphabetic() || c == '-');
            if matches!(e.lower.as_str(), "and" | "&") {
                let described = k - j >= 1;
                if described && j >= lo + 2 && self.company(j - 2).is_some() && !Self::is_barrier(self.gap_after(j - 2))
                {
                    return Some(j - 2);
                }
                return None;
            }
            if !(possessive || place || word) || LEFT_STOPS.contains(&e.lower.as_str()) {
                return None;
            }
            j -= 1;
        }
        None
    }

    /// The group of companies starting at `i`, scanning right; returns the
    /// index after it.
    fn group_right(&self, i: usize, hi: usize, out: &mut Vec<String>) -> usize {
        let mut k = i;
        push_unique(out, self.canonical(k));
        loop {
            let next = if k + 1 < hi
                && self.company(k + 1).is_some()
                && matches!(self.gap_after(k).trim(), "," | "-" | "/" | "(" | ", (")
            {
                k + 1
            } else if k + 2 < hi
                && matches!(self.word(k + 1), "and" | "&" | "or")
                && self.company(k + 2).is_some()
                && !self.gap_after(k).contains(['(', ';'])
            {
                k + 2
            } else if k + 3 < hi
                && self.word(k + 1) == "and"
                && matches!(self.word(k + 2), "its" | "their")
                && self.company(k + 3).is_some()
            {
                k + 3
            } else if let Some(next) = self.described_after_and(k, hi) {
                next
            } else {
                return k + 1;
            };
            k = next;
            if self.is_alias(k) || self.is_modifier(k) {
                continue;
            }
            if self.is_possessor(k) {
                continue;
            }
            push_unique(out, self.canonical(k));
        }
    }

    /// "…, and engineering services company X": the company after "and"
    /// and a description ending in a company noun, if any.
    fn described_after_and(&self, k: usize, hi: usize) -> Option<usize> {
        if self.word(k + 1) != "and" || self.gap_after(k).contains(['(', ';']) {
            return None;
        }
        let mut j = k + 2;
        while j < hi && j <= k + 6 && self.els[j].what == What::Word {
            j += 1;
        }
        let noun = j > k + 2 && COMPANY_NOUNS.contains(&self.word(j - 1));
        (noun && j < hi && self.company(j).is_some()).then_some(j)
    }

    /// The subject group left of element `t`, and whether a pronoun or a
    /// description ("the company", "the equipment maker") stood in for it.
    fn left_parties(&self, lo: usize, t: usize, out: &mut Vec<String>) -> bool {
        let mut j = t;
        let mut steps = 0;
        let mut pronoun = false;
        while j > lo && steps < 28 {
            if Self::is_barrier(self.gap_after(j - 1)) && !self.gap_after(j - 1).contains('’') {
                break;
            }
            j -= 1;
            steps += 1;
            let w = self.word(j);
            if LEFT_STOPS.contains(&w) || self.relative_after_noun(lo, j) {
                break;
            }
            if PRONOUN_SUBJECTS.contains(&w) {
                pronoun = true;
            }
            if matches!(self.els[j].what, What::Agreement(_)) && j + 1 < t {
                // Another mention between: its parties are its own.
                break;
            }
            if self.company(j).is_none() || self.is_source(j, lo) {
                continue;
            }
            if self.is_possessor(j) {
                // "X's acquisition of": the possessed is the trigger.
                let near = (j + 2..=t).all(|k| k == t || self.is_kind_word(k));
                if near {
                    self.group_left(j, lo, out);
                    return false;
                }
                continue;
            }
            if self.is_modifier(j) {
                continue;
            }
            self.group_left(j, lo, out);
            return false;
        }
        // A description at the start of the unit: "The equipment maker paid".
        let described = lo < t
            && self.word(lo) == "the"
            && (lo + 1..t.min(lo + 4)).any(|k| self.els[k].what == What::Word && !self.is_kind_word(k))
            // "The venture will acquire": the new venture, not a party.
            && !(lo + 1..t.min(lo + 4)).any(|k| {
                matches!(self.word(k), "venture" | "partnership" | "alliance" | "jv" | "deal" | "combined")
                    || matches!(self.els[k].what, What::Agreement(_))
            });
        pronoun || described
    }

    fn is_kind_word(&self, k: usize) -> bool {
        let e = &self.els[k];
        e.what == What::Word && (PRE_MENTION.contains(&e.lower.as_str()) || e.lower.chars().any(|c| c.is_ascii_digit()))
            || matches!(e.what, What::Company(_))
    }

    /// Object groups right of element `t`; with `all`, every group up to
    /// the end of the unit (funding rounds).
    fn right_parties(&self, t: usize, hi: usize, all: bool, out: &mut Vec<String>) {
        let mut j = t + 1;
        let mut steps = 0;
        while j < hi && (all || steps < 14) {
            let gap = self.gap_after(j - 1);
            if gap.contains([';', '—', '–']) {
                break;
            }
            let w = self.word(j);
            if RIGHT_STOPS.contains(&w) {
                break;
            }
            if w == "and" && !all && !out.is_empty() {
                break;
            }
            // "a deal to provide equipment and a partnership with Y": Y is
            // the later mention's.
            if !all && matches!(self.els[j].what, What::Agreement(_)) {
                break;
            }
            steps += 1;
            if self.company(j).is_none()
                || self.is_source(j, t)
                || self.is_modifier(j)
                || self.is_possessor(j)
                || self.is_alias(j)
                || matches!(self.word(j + 1), "said" | "says" | "reported" | "reports" | "told")
            {
                j += 1;
                continue;
            }
            j = self.group_right(j, hi, out);
            if !all {
                return;
            }
        }
    }

    /// True when element `a` is preceded by a determiner (skipping status
    /// words): "the deal", "this funding round", "their cooperation".
    fn definite(&self, lo: usize, a: usize) -> bool {
        let mut k = a;
        while k > lo {
            k -= 1;
            let w = self.word(k);
            if PRE_MENTION.contains(&w) || w.chars().any(|c| c.is_ascii_digit()) || w.starts_with('$') {
                continue;
            }
            if matches!(w, "'s" | "’s") {
                // "Today's deal" is definite; "Intel's deal" has a party.
                return k > lo && self.company(k - 1).is_none();
            }
            return DETERMINERS.contains(&w) || w.ends_with("s'") || w == "companies";
        }
        false
    }

    fn unit(&mut self, unit: Span, lo: usize, hi: usize) {
        let mut i = lo;
        let mut had_event = false;
        while i < hi {
            if !self.is_trigger(i, lo) {
                i += 1;
                continue;
            }
            // Extend over triggers that follow closely with no company
            // between ("signed a definitive agreement to acquire").
            let mut end = i;
            let mut k = i + 1;
            while k < hi && k <= end + 6 {
                if self.company(k).is_some() || RIGHT_STOPS.contains(&self.word(k)) {
                    break;
                }
                if Self::is_barrier(self.gap_after(k - 1)) {
                    break;
                }
                if self.is_trigger(k, lo) {
                    end = k;
                }
                k += 1;
            }
            if let Some(ev) = self.event(lo, hi, i, end) {
                self.add(ev, unit);
                had_event = true;
            }
            i = end + 1;
        }
        if !had_event {
            self.investor_list(lo, hi);
        }
    }

    /// Whether element `i` is a trigger: an agreement mention or a
    /// dealing verb (not a noun that looks like one).
    fn is_trigger(&self, i: usize, lo: usize) -> bool {
        let e = &self.els[i];
        match e.what {
            What::Agreement(_) => true,
            What::Word => {
                if verb(&e.lower).is_none() {
                    return false;
                }
                let prev = if i > lo { self.word(i - 1) } else { "" };
                // Nouns that look like verbs: "early partners", "the sell".
                let nounish = matches!(
                    prev,
                    "a" | "an"
                        | "the"
                        | "its"
                        | "their"
                        | "are"
                        | "were"
                        | "early"
                        | "key"
                        | "other"
                        | "as"
                        | "of"
                        | "new"
                        | "our"
                        | "business"
                        | "strategic"
                        | "technology"
                );
                let partner_noun = matches!(e.lower.as_str(), "partner" | "partners") && nounish;
                let take_without_stake = matches!(e.lower.as_str(), "take" | "takes" | "took")
                    && !(i + 1..i + 6).any(|k| matches!(self.word(k), "stake" | "interest"));
                // "team up", not "the team".
                let team_noun = e.lower == "team" && self.word(i + 1) != "up";
                if partner_noun
                    || take_without_stake
                    || team_noun
                    || (nounish && matches!(prev, "a" | "an" | "the") && e.lower != "signed")
                {
                    return false;
                }
                true
            }
            _ => false,
        }
    }

    fn event(&mut self, lo: usize, hi: usize, s: usize, e: usize) -> Option<Event> {
        let mut mentions = Vec::new();
        let mut verb_kinds = Vec::new();
        let mut mention_kinds = Vec::new();
        let mut stage: Option<Status> = None;
        let mut direct = false;
        let mut has_verb = false;
        let mut funding = false;
        for k in s..=e {
            match self.els[k].what {
                What::Agreement(m) => {
                    mentions.push(m);
                    let head = self.marks[m].span.slice(self.text).to_lowercase();
                    if head.ends_with("round") || head.ends_with("funding") {
                        funding = true;
                    }
                    mention_kinds.push(self.marks[m].kind.unwrap_or(AgreementKind::Other));
                }
                What::Word => {
                    if let Some((kind, st, stands_alone)) = verb(&self.els[k].lower) {
                        if !self.is_trigger(k, lo) {
                            continue;
                        }
                        has_verb = true;
                        direct |= stands_alone;
                        if matches!(self.els[k].lower.as_str(), "raise" | "raises" | "raised") {
                            funding = true;
                        }
                        verb_kinds.extend(kind);
                        stage = Some(match stage {
                            Some(old) if stage_rank(old) >= stage_rank(st) => old,
                            _ => st,
                        });
                    }
                }
                _ => {}
            }
        }
        if !direct && mentions.is_empty() {
            return None;
        }
        if direct && self.mention_is_subject(lo, s, e) {
            // "The venture will acquire the assets": the new venture deals
            // as a company; its deal is not one between the parties.
            return None;
        }
        // "raised concerns": a raise needs money or a round.
        let window_text =
            &self.text[self.els[s].span.start..self.els[(e + 8).min(hi.saturating_sub(1)).max(e)].span.end];
        if funding && mentions.is_empty() && !window_text.contains(['$', '€', '£']) && !window_text.contains("mln") {
            return None;
        }
        // Purpose after the triggers: "an agreement to acquire".
        // "team up to develop", "a deal with an automaker to develop": a
        // particle or an object sits between.
        let reach = self.purpose_reach(e, hi);
        let purpose_kind = (s..=reach.min(hi))
            .filter(|&k| k < hi && self.word(k) == "to")
            .find_map(|k| {
                let w = self.word(k + 1);
                let adverb = matches!(w, "jointly" | "further" | "together" | "also" | "co");
                purpose(if adverb { self.word(k + 2) } else { w })
            });
        let reference = !has_verb && mentions.iter().all(|&m| self.mark_definite(lo, m));
        let possessive_mention = !has_verb && reference;

        // Parties.
        let mut parties = Vec::new();
        // A definite mention reported by a verb ("the partnership is being
        // announced") refers back; its parties are only those named with it.
        let mut reference = reference || !direct && mentions.iter().all(|&m| self.mark_definite(lo, m));
        let right_reach = self.right_reach(e, hi, has_verb && !reference);
        // "A, B and C, the latter of which raised": a choice among names,
        // not a pronoun for the last subject; the choice is the name right
        // before it, when that is a company.
        let chosen_at = (lo..s).find(|&k| matches!(self.word(k), "latter" | "former"));
        let chosen = chosen_at.is_some();
        let chosen_named = chosen_at.is_some_and(|k| k >= lo + 2 && self.company(k - 2).is_some());
        let mut pronoun = if reference {
            self.adjacent_left(lo, s, &mut parties);
            if parties.is_empty() && self.own_mention(lo, s) {
                // "X and Y said they may expand their cooperation": the
                // owners of the mention are the sentence's subject group.
                self.left_parties(lo, s, &mut parties);
            }
            false
        } else {
            self.left_parties(lo, s, &mut parties)
        };
        if chosen && !chosen_named {
            parties.clear();
        }
        if right_reach {
            let mut right = Vec::new();
            self.right_parties(e, hi, funding, &mut right);
            // "…, which made a push with the acquisition of Y": a definite
            // mention naming a company no record has is a new deal, whose
            // subject is found as for any other.
            let new_party = reference && parties.is_empty() && !right.is_empty() && !self.in_records(&right);
            if new_party {
                reference = false;
                pronoun = self.left_parties(lo, s, &mut parties);
            }
            for p in right {
                push_unique(&mut parties, Some(p));
            }
        }
        let pronoun = pronoun && !chosen;
        // "announced a deal … and a partnership with Y": the coordinated
        // mention shares the subject of the event before it.
        let coordinated = parties.len() <= 1 && self.coordinated_mention(lo, s);
        if coordinated {
            if let Some((at, lead)) = &self.unit_lead {
                if *at == lo {
                    for p in lead.iter().rev() {
                        if !parties.contains(p) {
                            parties.insert(0, p.clone());
                        }
                    }
                }
            }
        }
        if funding {
            // "led by A, with participation from B": every investor named.
            let mut more = Vec::new();
            self.right_parties(e, hi, true, &mut more);
            for p in more {
                push_unique(&mut parties, Some(p));
            }
        }
        let left_found = !parties.is_empty();
        if (pronoun || parties.is_empty()) && has_verb && !reference && !chosen && !self.left_has_company(lo, s) {
            if let Some(subj) = self.last_subject.clone() {
                if parties.is_empty() || pronoun {
                    parties.insert(0, subj);
                }
            }
        } else if pronoun && !reference && (has_verb || self.own_mention(lo, s)) {
            // "X said …, while it also entered": the pronoun in a later
            // clause is the sentence's subject.
            if let Some(subj) = self.unit_subject(lo, s) {
                if !parties.contains(&subj) {
                    parties.insert(0, subj);
                }
            }
        }

        // Kind.
        let stake = (s..(e + 8).min(hi)).any(|k| {
            matches!(self.word(k), "stake" | "interest" | "pct" | "percent" | "%" | "shares")
                || self.els[k].lower.ends_with('%')
        }) || window_text.contains('%');
        let best_mention = mention_kinds.iter().copied().max_by_key(|k| specificity(*k));
        let mut kind = match (purpose_kind, best_mention) {
            (Some(p), Some(m)) if specificity(m) < 3 || m == AgreementKind::Other => p,
            (Some(p), None) => p,
            (_, Some(m)) if m != AgreementKind::Other => m,
            _ => {
                let patents = window_text.contains("patent");
                if patents && verb_kinds.contains(&AgreementKind::Licensing) {
                    AgreementKind::Licensing
                } else {
                    verb_kinds
                        .first()
                        .copied()
                        .or(purpose_kind)
                        .unwrap_or(AgreementKind::Other)
                }
            }
        };
        if kind == AgreementKind::Acquisition && stake && !window_text.contains("outright") {
            kind = AgreementKind::Investment;
        }

        // Status from the verbs, then cue words around the event.
        let left_start = s.saturating_sub(8).max(lo);
        let right_end = (e + 10).min(hi);
        let mut stage = stage.unwrap_or(Status::Announced);
        if let Some(cue) = self.cue_stage(left_start, s, e, right_end, possessive_mention) {
            stage = cue;
        }
        let bid = mentions.iter().any(|&m| {
            let t = self.marks[m].span.slice(self.text).to_lowercase();
            t.ends_with("bid") || t.ends_with("offer")
        });
        if bid && !has_verb {
            stage = Status::Proposed;
        }

        let span_text = &self.text[self.els[left_start].span.start..self.els[right_end.max(e + 1) - 1].span.end];
        let date = date_in(span_text);
        let era = era_of(span_text);
        let another = (s.saturating_sub(4).max(lo)..s).any(|k| matches!(self.word(k), "also" | "another" | "separate"))
            && !reference
            || coordinated;
        if !reference {
            self.unit_lead = parties.first().map(|p| (lo, vec![p.clone()]));
        }
        let value = value_in(span_text);
        let scope = self.scope_after(e, hi);
        if has_verb && left_found {
            if let Some(first) = parties.first() {
                self.last_subject = Some(first.clone());
            }
        }
        Some(Event {
            parties,
            kind,
            stage,
            mentions,
            reference,
            another,
            has_verb,
            funding,
            date,
            era,
            scope,
            value,
        })
    }

    /// The last element where a purpose "to" may follow the triggers
    /// ending at `e`: right after them, or after a particle ("team up to")
    /// or a short object ("a deal with an automaker to develop").
    fn purpose_reach(&self, e: usize, hi: usize) -> usize {
        if self.word(e + 1) == "up" {
            return e + 2;
        }
        if !matches!(self.word(e + 1), "with" | "between") {
            return e + 1;
        }
        let mut k = e + 2;
        while k < hi && k <= e + 7 {
            if self.word(k) == "to" || RIGHT_STOPS.contains(&self.word(k)) || Self::is_barrier(self.gap_after(k - 1)) {
                return k;
            }
            k += 1;
        }
        e + 1
    }

    /// A company right before a mention, or its possessor: "the Agolo
    /// investment", "Intel's deal", "the Microsoft-Xiaomi pact".
    fn adjacent_left(&self, lo: usize, s: usize, out: &mut Vec<String>) {
        let mut k = s;
        while k > lo {
            k -= 1;
            if matches!(self.word(k), "'s" | "’s") || self.is_kind_word(k) && self.company(k).is_none() {
                continue;
            }
            if self.company(k).is_some() {
                self.group_left(k, lo, out);
            }
            return;
        }
    }

    /// True when element `j` is a relative pronoun after a common noun:
    /// "a company that will sell", whose subject is that unnamed noun. After
    /// a reporting verb ("said that") the subject lies further left; a
    /// comma's "which" may refer to a company further back ("Snowflake,
    /// which bought"), so it does not stop the scan.
    fn relative_after_noun(&self, lo: usize, j: usize) -> bool {
        if !matches!(self.word(j), "that" | "who") || j == lo {
            return false;
        }
        let before = &self.els[j - 1];
        before.what == What::Word
            && before.lower.chars().all(char::is_alphabetic)
            && !matches!(
                before.lower.as_str(),
                "said"
                    | "says"
                    | "announced"
                    | "confirmed"
                    | "reported"
                    | "noted"
                    | "added"
                    | "stated"
                    | "revealed"
                    | "disclosed"
                    | "explained"
                    | "believes"
                    | "expects"
                    | "hopes"
                    | "so"
                    | "now"
            )
    }

    /// True when the event starts with a definite mention that is the
    /// subject of the dealing verb after it: "The partnership will acquire".
    fn mention_is_subject(&self, lo: usize, s: usize, e: usize) -> bool {
        let What::Agreement(m) = self.els[s].what else {
            return false;
        };
        let verb_at = (s + 1..=e).find(|&k| self.els[k].what == What::Word && verb(&self.els[k].lower).is_some());
        let Some(v) = verb_at else { return false };
        let between_aux = (s + 1..v).all(|k| {
            matches!(
                self.word(k),
                "will" | "would" | "shall" | "may" | "could" | "is" | "was" | "also" | "then" | "to" | "has" | "had"
            )
        });
        let active = !matches!(self.word(v.saturating_sub(1)), "was" | "is" | "be" | "been" | "being");
        between_aux && active && self.mark_definite(lo, m) && verb(&self.els[v].lower).is_some_and(|x| x.2)
    }

    /// True when a possessive pronoun introduces the mention at `s`: "its
    /// inaugural investment".
    fn own_mention(&self, lo: usize, s: usize) -> bool {
        let mut k = s;
        while k > lo && (PRE_MENTION.contains(&self.word(k - 1)) || self.word(k - 1) == "inaugural") {
            k -= 1;
        }
        k > lo && matches!(self.word(k - 1), "its" | "their")
    }

    /// True when any of `names` is a party of a record so far.
    fn in_records(&self, names: &[String]) -> bool {
        self.records.iter().any(|r| {
            names
                .iter()
                .any(|n| r.parties.iter().any(|p| p.eq_ignore_ascii_case(n)))
        })
    }

    /// True when the mention at `s` follows "and" and another mention of the
    /// unit: "a deal to provide equipment and a digital health partnership".
    fn coordinated_mention(&self, lo: usize, s: usize) -> bool {
        let mut k = s;
        while k > lo && k + 4 > s && self.els[k - 1].what == What::Word && self.word(k - 1) != "and" {
            k -= 1;
        }
        k > lo + 1
            && self.word(k - 1) == "and"
            && matches!(self.els[s].what, What::Agreement(_))
            && (lo..k - 1).any(|j| matches!(self.els[j].what, What::Agreement(_)))
    }

    /// The first company of the unit before `s` that is not a source:
    /// the subject a later pronoun refers to.
    fn unit_subject(&self, lo: usize, s: usize) -> Option<String> {
        (lo..s)
            .find(|&k| self.company(k).is_some() && !self.is_source(k, lo) && !self.is_modifier(k))
            .and_then(|k| self.canonical(k))
    }

    fn left_has_company(&self, lo: usize, s: usize) -> bool {
        (lo..s).any(|k| self.company(k).is_some() && !self.is_source(k, lo))
    }

    fn mark_definite(&self, lo: usize, m: usize) -> bool {
        let idx = self.els.partition_point(|e| e.span.start < self.marks[m].span.start);
        self.definite(lo, idx)
    }

    /// For each element of `from..to`, whether it lies in an apposition
    /// after a company: "X, the collapsed dairy group, has…".
    fn appositions(&self, from: usize, to: usize) -> Vec<bool> {
        let mut inside = vec![false; to.saturating_sub(from)];
        let mut k = from.max(1);
        while k < to {
            let opens = self.company(k - 1).is_some()
                && self.gap_after(k - 1).trim() == ","
                && matches!(self.word(k), "the" | "a" | "an");
            if !opens {
                k += 1;
                continue;
            }
            let mut j = k;
            while j < to && j < k + 10 {
                inside[j - from] = true;
                if self.gap_after(j).contains(',') {
                    break;
                }
                j += 1;
            }
            k = j + 1;
        }
        inside
    }

    /// Whether the right scan applies: always after a verb; after a
    /// mention only through a preposition or an infinitive ("a deal with",
    /// "an agreement to acquire").
    fn right_reach(&self, e: usize, hi: usize, has_verb: bool) -> bool {
        let last_is_mention = matches!(self.els.get(e).map(|x| x.what), Some(What::Agreement(_)));
        if has_verb && !last_is_mention {
            return true;
        }
        let through_participle = matches!(
            self.word(e + 1),
            "owned" | "co-owned" | "led" | "co-led" | "backed" | "formed" | "signed" | "struck"
        ) && matches!(self.word(e + 2), "by" | "with");
        e + 1 < hi && (MENTION_PREPS.contains(&self.word(e + 1)) || self.word(e + 1) == "to" || through_participle)
    }

    /// A stage that cue words force: failure, end, proposal, rumour,
    /// pending approval, completion.
    fn cue_stage(&self, from: usize, s: usize, e: usize, to: usize, existing: bool) -> Option<Status> {
        // Words describing a company (", the collapsed dairy group,") say
        // nothing of the deal's stage.
        let described = self.appositions(from, to);
        let words: Vec<&str> = (from..to)
            .map(|k| if described[k - from] { "" } else { self.word(k) })
            .collect();
        let at = |k: usize| words.get(k).copied().unwrap_or("");
        let has = |w: &str| words.contains(&w);
        let pair = |a: &str, b: &str| (0..words.len()).any(|k| at(k) == a && at(k + 1) == b);
        if has("failed")
            || has("collapsed")
            || has("rejected")
            || has("terminated")
            || has("abandoned")
            || has("scrapped")
            || has("blocked")
            || pair("called", "off")
            || pair("fell", "through")
            || pair("walked", "away")
        {
            return Some(Status::Failed);
        }
        if has("ended") || has("expired") || pair("an", "end") {
            return Some(Status::Ended);
        }
        if has("rumour") || has("rumours") || has("rumor") || has("rumors") || has("rumoured") || has("rumored") {
            return Some(Status::Rumoured);
        }
        if has("speculation") || has("reportedly") {
            return Some(Status::Rumoured);
        }
        let before: Vec<&str> = (from..s).map(|k| self.word(k)).collect();
        if PROPOSAL_CUES.iter().any(|w| before.contains(w))
            || (s..=e).any(|k| matches!(self.word(k), "proposed" | "potential" | "possible"))
            || pair("in", "talks")
            || pair("plans", "to")
            || pair("hopes", "to")
            || pair("wants", "to")
            || pair("seeking", "to")
        {
            return Some(Status::Proposed);
        }
        // A modal on the dealing verb ("may buy"); "said it would buy"
        // reports a decision.
        if !existing {
            let modal_at = before
                .iter()
                .rposition(|w| matches!(*w, "may" | "might" | "could" | "would"));
            if let Some(p) = modal_at {
                let reported = before[..p]
                    .iter()
                    .rev()
                    .take(4)
                    .any(|w| matches!(*w, "said" | "announced" | "says" | "agreed"));
                if !reported || before[p] != "would" {
                    return Some(Status::Proposed);
                }
            }
        }
        if has("pending") || pair("subject", "to") || pair("expected", "to") && (has("close") || has("complete")) {
            return Some(Status::Pending);
        }
        None
    }

    /// A few words after the event that say what it covers: "for AI,
    /// cloud computing services", "in the areas of cloud computing".
    fn scope_after(&self, e: usize, hi: usize) -> Option<String> {
        let mut k = e + 1;
        while k < hi && k <= e + 6 {
            if matches!(self.word(k), "for" | "on" | "covering" | "areas") && k + 1 < hi {
                if self.word(k) == "areas" && self.word(k + 1) == "of" {
                    k += 1;
                }
                let start = self.els[k + 1].span.start;
                let mut end = start;
                let mut j = k + 1;
                while j < hi && j <= k + 8 && !Self::is_barrier(self.gap_after(j - 1)) {
                    let gap = self.gap_after(j);
                    end = self.els[j].span.end;
                    if gap.contains(['.', ';']) || RIGHT_STOPS.contains(&self.word(j + 1)) {
                        break;
                    }
                    j += 1;
                }
                let s = self.text[start..end].trim();
                let starts_money = s.starts_with(['$', '£', '€']) || s.starts_with(|c: char| c.is_ascii_digit());
                return (!s.is_empty() && !starts_money).then(|| s.to_string());
            }
            k += 1;
        }
        None
    }

    /// "Investors include A, B and C": the investors join the latest
    /// funding record.
    fn investor_list(&mut self, lo: usize, hi: usize) {
        let cue = (lo..hi).position(|k| {
            matches!(self.word(k), "investors" | "backers")
                && matches!(self.word(k + 1), "include" | "included" | "including" | "are" | "were")
        });
        if cue.is_none() {
            return;
        }
        let mut names = Vec::new();
        self.right_parties(lo + cue.unwrap_or(0), hi, true, &mut names);
        if let Some(r) = self
            .records
            .iter_mut()
            .rev()
            .take(3)
            .find(|r| r.kind == AgreementKind::Investment)
        {
            for n in names {
                push_unique(&mut r.parties, Some(n));
            }
        }
    }

    fn add(&mut self, ev: Event, unit: Span) {
        if ev.parties.is_empty() {
            if !ev.reference {
                return;
            }
            // "The deal", "the merger": the latest record of that kind.
            let pick = self
                .records
                .iter()
                .rposition(|r| ev.era.is_some() && r.era == ev.era && compatible(r.kind, ev.kind))
                .or_else(|| self.records.iter().rposition(|r| compatible(r.kind, ev.kind)));
            if let Some(i) = pick {
                let r = &mut self.records[i];
                merge_into(r, ev, unit);
            }
            return;
        }
        let single = ev.parties.len() == 1;
        if single && !ev.funding && ev.mentions.is_empty() && !ev.reference {
            // "Nokia licenses patents": one party and no agreement named is
            // too weak a report.
            return;
        }
        let overlaps = |r: &Rec| {
            let has = |set: &[String], p: &String| set.iter().any(|q| q.eq_ignore_ascii_case(p));
            let inside = ev.parties.iter().all(|p| has(&r.parties, p));
            let covers = r.parties.iter().all(|p| has(&ev.parties, p));
            inside || covers
        };
        let era_ok = |r: &Rec| r.era == ev.era || ev.era.is_none() && ev.reference || r.era.is_none() && ev.reference;
        let found = self.records.iter().rposition(|r| {
            overlaps(r)
                && compatible(r.kind, ev.kind)
                && era_ok(r)
                && !(ev.another && r.kind != ev.kind)
                && !(ev.has_verb
                    && !ev.reference
                    && r.kind != ev.kind
                    && specificity(ev.kind) == 3
                    && ev.parties.len() < r.parties.len())
                && !(ev.funding && r.kind != AgreementKind::Investment && r.parties.len() != ev.parties.len())
        });
        match found {
            Some(i) => {
                let r = &mut self.records[i];
                merge_into(r, ev, unit);
            }
            None => {
                if ev.reference && single {
                    // "the agreement with PDVSA": the latest record with it.
                    if let Some(r) = self.records.iter_mut().rev().find(|r| overlaps(r)) {
                        r.mentions.extend(ev.mentions);
                        r.evidence.push(unit);
                    }
                    return;
                }
                self.records.push(Rec {
                    parties: ev.parties,
                    kind: ev.kind,
                    stage: ev.stage,
                    mentions: ev.mentions,
                    date: ev.date,
                    era: ev.era,
                    scope: ev.scope,
                    value: ev.value,
                    evidence: vec![unit],
                })
            }
        }
    }
}

/// True when `long` is `short` with more words after it: "Microsoft
/// Ventures" and "Microsoft".
fn extends_name(long: &str, short: &str) -> bool {
    long.len() > short.len() && long.as_bytes()[short.len()] == b' ' && long[..short.len()].eq_ignore_ascii_case(short)
}

/// Folds a record into another of the same deal that names one of its
/// parties longer: a headline's "Microsoft invests in Agolo" is the round
/// the body credits to Microsoft Ventures (ANNOTATION.md: an investment arm
/// is a party as named).
fn merge_parent_named(records: &mut Vec<Rec>) {
    let mut i = 0;
    while i < records.len() {
        let a = &records[i];
        let target = records.iter().enumerate().position(|(j, b)| {
            let covered = |p: &String| {
                b.parties
                    .iter()
                    .any(|q| q.eq_ignore_ascii_case(p) || extends_name(q, p))
            };
            j != i
                && a.era == b.era
                && compatible(a.kind, b.kind)
                && a.parties.iter().all(covered)
                && a.parties.iter().any(|p| b.parties.iter().any(|q| extends_name(q, p)))
        });
        match target {
            Some(j) => {
                let a = records.remove(i);
                let j = if j > i { j - 1 } else { j };
                let b = &mut records[j];
                b.mentions.extend(a.mentions);
                b.mentions.sort_unstable();
                b.mentions.dedup();
                b.evidence.extend(a.evidence);
                if specificity(a.kind) > specificity(b.kind) {
                    b.kind = a.kind;
                }
                b.stage = next_stage(b.stage, a.stage);
                b.date = b.date.take().or(a.date);
                b.value = b.value.take().or(a.value);
            }
            None => i += 1,
        }
    }
}

fn merge_into(r: &mut Rec, ev: Event, unit: Span) {
    for p in ev.parties {
        push_unique(&mut r.parties, Some(p));
    }
    if specificity(ev.kind) > specificity(r.kind) {
        r.kind = ev.kind;
    }
    r.stage = if ev.reference && !ev.has_verb && ev.stage == Status::Announced {
        r.stage
    } else {
        next_stage(r.stage, ev.stage)
    };
    r.mentions.extend(ev.mentions);
    r.date = r.date.take().or(ev.date);
    r.scope = r.scope.take().or(ev.scope);
    r.value = r.value.take().or(ev.value);
    r.evidence.push(unit);
}

fn push_unique(out: &mut Vec<String>, name: Option<String>) {
    if let Some(n) = name {
        if !out.iter().any(|o| o.eq_ignore_ascii_case(&n)) {
            out.push(n);
        }
    }
}

/// The first date expression in a stretch of text: "February 23", "March
/// 2016", "on Wednesday", "last year", or a year ("2016").
pub(crate) fn date_in(sentence: &str) -> Option<String> {
    let words: Vec<&str> = sentence.split(|c: char| c.is_whitespace()).collect();
    let mut best: Option<(usize, String)> = None;
    let mut offer = |at: usize, s: String| {
        if best.as_ref().is_none_or(|(b, _)| at < *b) {
            best = Some((at, s));
        }
    };
    let mut offset = 0;
    for (i, raw) in words.iter().enumerate() {
        let at = offset;
        offset += raw.len() + 1;
        let w = raw.trim_matches(|c: char| !c.is_alphanumeric());
        if MONTHS.contains(&w) {
            let next = words
                .get(i + 1)
                .map(|n| n.trim_matches(|c: char| !c.is_alphanumeric()))
                .unwrap_or("");
            if !next.is_empty() && next.chars().all(|c| c.is_ascii_digit()) {
                offer(at, format!("{w} {next}"));
            } else {
                offer(at, w.to_string());
            }
            break;
        }
        if WEEKDAYS.contains(&w) {
            offer(at, w.to_string());
            break;
        }
        if w.len() == 4 && (w.starts_with("19") || w.starts_with("20")) && w.chars().all(|c| c.is_ascii_digit()) {
            offer(at, w.to_string());
            break;
        }
    }
    for rel in RELATIVE_DATES {
        if let Some(at) = find_word_ignore_ascii_case(sentence, rel) {
            offer(at, sentence[at..at + rel.len()].to_string());
        }
    }
    best.map(|(_, s)| s)
}

/// When a report places a deal in the past: a year, or words that say so.
fn era_of(text: &str) -> Option<String> {
    for w in text.split(|c: char| !c.is_alphanumeric()) {
        if w.len() == 4 && (w.starts_with("19") || w.starts_with("20")) && w.chars().all(|c| c.is_ascii_digit()) {
            return Some(w.to_string());
        }
    }
    PAST_CUES
        .iter()
        .find(|p| find_word_ignore_ascii_case(text, p).is_some())
        .map(|p| p.to_string())
}

/// An amount of money as written: "$4.4 billion", "190 mln dlrs", "£6.5m".
fn value_in(text: &str) -> Option<String> {
    let words: Vec<&str> = text.split_whitespace().collect();
    for (i, w) in words.iter().enumerate() {
        let currency = w.starts_with(['$', '£', '€']);
        let number = w.trim_end_matches([',', '.']);
        if currency && number.len() > 1 {
            let unit = words.get(i + 1).map(|u| u.trim_end_matches([',', '.', ';']));
            return Some(match unit {
                Some(u @ ("million" | "billion" | "trillion" | "bn" | "mln")) => format!("{number} {u}"),
                _ => number.to_string(),
            });
        }
        if number.chars().next().is_some_and(|c| c.is_ascii_digit())
            && matches!(words.get(i + 1).copied(), Some("mln" | "billion" | "million"))
            && words.get(i + 2).is_some_and(|d| d.starts_with("dlrs"))
        {
            return Some(format!("{number} {} dlrs", words[i + 1]));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_values_and_units() {
        assert_eq!(
            date_in("They signed on February 23, officials said."),
            Some("February 23".into())
        );
        assert_eq!(date_in("In 2016, it bought patents."), Some("2016".into()));
        assert_eq!(date_in("No date here."), None);
        assert_eq!(value_in("paid $4.4 billion in cash"), Some("$4.4 billion".into()));
        assert_eq!(value_in("valued at 190 mln dlrs"), Some("190 mln dlrs".into()));
        let text = "It said it\nagreed to buy. Next one.";
        let sents = crate::text::sentences(text);
        assert_eq!(units(text, &sents).len(), 2);
    }
}
