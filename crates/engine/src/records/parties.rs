//! Party groups: who the parties of an event are, read off the elements
//! around its triggers.
//!
//! The subject group lies left of the first trigger ("X and Y signed", "X's
//! acquisition of", or a pronoun standing in for it); the object groups lie
//! right of the last one ("acquire Y", "with Y", "led by A, B and C").
//! Company names that are not parties are skipped: modifiers ("OpenAI
//! rivals"), possessors of units ("GM's Cruise"), sources ("according to
//! Reuters") and aliases ("PDVSA" after "Petroleos de Venezuela"). Every
//! scan is bounded by the unit and a few elements.

use super::elements::{View, What};
use super::merge::push_unique;
use crate::words::{COMPANY_KIND_NOUNS, LEFT_STOPS, MODIFIER_NOUNS, PRE_MENTION_WORDS, PRONOUN_SUBJECTS, RIGHT_STOPS};

impl View<'_> {
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
            let possessive = matches!(e.lower, "'s" | "’s");
            let place = self.is_possessor(j - 1);
            // Lower-case words and capitalised ones ("French rival").
            let word = e.lower.chars().all(|c| c.is_alphabetic() || c == '-');
            if matches!(e.lower, "and" | "&") {
                let described = k - j >= 1;
                if described && j >= lo + 2 && self.company(j - 2).is_some() && !Self::is_barrier(self.gap_after(j - 2))
                {
                    return Some(j - 2);
                }
                return None;
            }
            if !(possessive || place || word) || LEFT_STOPS.contains(&e.lower) {
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
        // "group" too: here the name after it is already a company ("and
        // the dairy group Y"), while before a bare name it is too loose for
        // company_kind_nouns ("a group of investors"). A list of this one
        // word would be a copy of part of apposition_cues.
        let company_noun = |w: &str| COMPANY_KIND_NOUNS.contains(&w) || w == "group";
        let noun = j > k + 2 && company_noun(self.word(j - 1));
        (noun && j < hi && self.company(j).is_some()).then_some(j)
    }

    /// The subject group left of element `t`, and whether a pronoun or a
    /// description ("the company", "the equipment maker") stood in for it.
    pub(super) fn left_parties(&self, lo: usize, t: usize, out: &mut Vec<String>) -> bool {
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

    /// True when element `k` may stand between a determiner and a mention
    /// without naming a party: a status word, a number or a company name.
    fn is_kind_word(&self, k: usize) -> bool {
        let e = &self.els[k];
        e.what == What::Word && (PRE_MENTION_WORDS.contains(&e.lower) || e.lower.chars().any(|c| c.is_ascii_digit()))
            || matches!(e.what, What::Company(_))
    }

    /// Object groups right of element `t`; with `all`, every group up to
    /// the end of the unit (funding rounds).
    pub(super) fn right_parties(&self, t: usize, hi: usize, all: bool, out: &mut Vec<String>) {
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

    /// A company right before a mention, or its possessor: "the Agolo
    /// investment", "Intel's deal", "the Microsoft-Xiaomi pact".
    pub(super) fn adjacent_left(&self, lo: usize, s: usize, out: &mut Vec<String>) {
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
                before.lower,
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

    /// The first company of the unit before `s` that is not a source:
    /// the subject a later pronoun refers to.
    pub(super) fn unit_subject(&self, lo: usize, s: usize) -> Option<String> {
        (lo..s)
            .find(|&k| self.company(k).is_some() && !self.is_source(k, lo) && !self.is_modifier(k))
            .and_then(|k| self.canonical(k))
    }

    /// True when a company that is not a source stands in the unit before `s`.
    pub(super) fn left_has_company(&self, lo: usize, s: usize) -> bool {
        (lo..s).any(|k| self.company(k).is_some() && !self.is_source(k, lo))
    }
}
