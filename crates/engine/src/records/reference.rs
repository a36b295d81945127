//! Reference: which earlier deal or party a phrase points to.
//!
//! A definite mention ("the deal", "their cooperation") refers to a deal
//! already told; a pronoun or a description ("it", "the company") stands
//! for a subject named earlier; a mention coordinated with the one before
//! it ("a deal … and a partnership with Y") shares that one's subject. What
//! earlier units said is the discourse state, [`Discourse`]: `View::event`
//! reads it and never changes it; the reader applies each event to it
//! ([`Discourse::follow`], then `Discourse::add`).

use super::elements::{View, What};
use super::frames::{Event, Run, Triggers};
use super::merge::{push_unique, Rec};
use crate::words::{PRE_MENTION_WORDS, REFERENCE_DETERMINERS};

/// What the reading has found so far: the records, and who was last the
/// subject. Read (never changed) while an event is read; changed only by
/// applying the events, in text order.
#[derive(Debug, Default)]
pub(super) struct Discourse {
    /// The records so far, in the order they were first reported.
    pub(super) records: Vec<Rec>,
    /// The company that was last the subject of a deal, for "the company",
    /// "it" and "the equipment maker" subjects.
    pub(super) last_subject: Option<String>,
    /// The unit (its first element) and subject of the latest event, for a
    /// mention coordinated with it.
    pub(super) unit_lead: Option<(usize, Vec<String>)>,
}

impl Discourse {
    /// Notes the subject of the event `ev`, read from the unit starting at
    /// element `lo`: the unit's lead for a coordinated mention after it
    /// (unless the event refers back), and the last subject for a later
    /// pronoun (when a verb reports it and its parties were named).
    pub(super) fn follow(&mut self, ev: &Event, lo: usize) {
        if !ev.reference {
            self.unit_lead = ev.parties.first().map(|p| (lo, vec![p.clone()]));
        }
        if ev.has_verb && ev.named_in_unit {
            if let Some(first) = ev.parties.first() {
                self.last_subject = Some(first.clone());
            }
        }
    }

    /// True when any of `names` is a party of a record so far.
    fn in_records(&self, names: &[String]) -> bool {
        self.records.iter().any(|r| {
            names
                .iter()
                .any(|n| r.parties.iter().any(|p| p.eq_ignore_ascii_case(n)))
        })
    }
}

/// The parties of an event, and what finding them decided.
#[derive(Debug)]
pub(super) struct Parties {
    /// The parties, by canonical name.
    pub(super) names: Vec<String>,
    /// The event refers to a deal already told (a definite mention naming
    /// no company that no record has).
    pub(super) reference: bool,
    /// The event's mention is coordinated with an earlier one of its unit
    /// and shares its subject.
    pub(super) coordinated: bool,
    /// Some party was named in the unit (before the last subject, if any,
    /// stood in for one).
    pub(super) named_in_unit: bool,
}

impl View<'_> {
    /// The parties of the event `run` with triggers `t`, given what the
    /// discourse knows so far; `reference` says that every mention is
    /// definite and no verb reports a deal on its own. Pure: the caller
    /// applies the event to the discourse.
    pub(super) fn event_parties(&self, discourse: &Discourse, run: Run, t: &Triggers, mut reference: bool) -> Parties {
        let Run { lo, hi, s, e } = run;
        let has_verb = t.has_verb;
        let mut parties = Vec::new();
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
            self.right_parties(e, hi, t.funding, &mut right);
            // "…, which made a push with the acquisition of Y": a definite
            // mention naming a company no record has is a new deal, whose
            // subject is found as for any other.
            let new_party = reference && parties.is_empty() && !right.is_empty() && !discourse.in_records(&right);
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
            if let Some((at, lead)) = &discourse.unit_lead {
                if *at == lo {
                    for p in lead.iter().rev() {
                        if !parties.contains(p) {
                            parties.insert(0, p.clone());
                        }
                    }
                }
            }
        }
        if t.funding {
            // "led by A, with participation from B": every investor named.
            let mut more = Vec::new();
            self.right_parties(e, hi, true, &mut more);
            for p in more {
                push_unique(&mut parties, Some(p));
            }
        }
        let left_found = !parties.is_empty();
        if (pronoun || parties.is_empty()) && has_verb && !reference && !chosen && !self.left_has_company(lo, s) {
            if let Some(subj) = discourse.last_subject.clone() {
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
        Parties {
            names: parties,
            reference,
            coordinated,
            named_in_unit: left_found,
        }
    }

    /// True when element `a` is preceded by a determiner (skipping status
    /// words): "the deal", "this funding round", "their cooperation".
    fn definite(&self, lo: usize, a: usize) -> bool {
        let mut k = a;
        while k > lo {
            k -= 1;
            let w = self.word(k);
            if PRE_MENTION_WORDS.contains(&w) || w.chars().any(|c| c.is_ascii_digit()) || w.starts_with('$') {
                continue;
            }
            if matches!(w, "'s" | "’s") {
                // "Today's deal" is definite; "Intel's deal" has a party.
                return k > lo && self.company(k - 1).is_none();
            }
            return REFERENCE_DETERMINERS.contains(&w) || w.ends_with("s'") || w == "companies";
        }
        false
    }

    /// True when the AGREEMENT mark `m` is definite (see `definite`).
    pub(super) fn mark_definite(&self, lo: usize, m: usize) -> bool {
        let idx = self.els.partition_point(|e| e.span.start < self.marks[m].span.start);
        self.definite(lo, idx)
    }

    /// True when a possessive pronoun introduces the mention at `s`: "its
    /// inaugural investment".
    fn own_mention(&self, lo: usize, s: usize) -> bool {
        let mut k = s;
        while k > lo && (PRE_MENTION_WORDS.contains(&self.word(k - 1)) || self.word(k - 1) == "inaugural") {
            k -= 1;
        }
        k > lo && matches!(self.word(k - 1), "its" | "their")
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
}

#[cfg(test)]
mod tests {
    use super::super::elements::elements;
    use super::*;
    use crate::annotation::Mark;
    use crate::span::{Label, Source, Span};

    /// "It acquired Siemens.": the pronoun's company comes from the
    /// discourse state passed in; reading the event leaves the state as it
    /// was, and applying it notes the subject.
    #[test]
    fn an_event_reads_the_discourse_and_the_caller_applies_it() {
        let text = "It acquired Siemens.";
        let siemens = Mark {
            span: Span::new(12, 19),
            label: Label::Company,
            source: Source::Lexicon,
            canonical: "Siemens".into(),
            owner: None,
            kind: None,
        };
        let marks = [siemens];
        let parsed = crate::doc::Doc::new(text);
        let els = elements(&parsed, &marks);
        let doc = View {
            text,
            els: &els,
            marks: &marks,
        };
        let verb_at = els.iter().position(|e| e.lower == "acquired");
        let Some(s) = verb_at else { panic!("no verb element") };
        let run = Run {
            lo: 0,
            hi: els.len(),
            s,
            e: s,
        };

        let fresh = Discourse::default();
        let parties = doc.event(&fresh, run).map(|ev| ev.parties);
        assert_eq!(parties, Some(vec!["Siemens".to_string()]));

        let mut told = Discourse {
            last_subject: Some("Oracle".into()),
            ..Discourse::default()
        };
        let Some(ev) = doc.event(&told, run) else {
            panic!("no event")
        };
        assert_eq!(ev.parties, ["Oracle", "Siemens"]);
        assert_eq!(told.last_subject.as_deref(), Some("Oracle"));
        assert!(told.unit_lead.is_none());
        told.follow(&ev, 0);
        assert_eq!(told.unit_lead, Some((0, vec!["Oracle".to_string()])));
        assert_eq!(told.last_subject.as_deref(), Some("Oracle"));
    }
}
