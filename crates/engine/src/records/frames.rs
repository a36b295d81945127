//! Frames: the verb and noun patterns that start a record, and the events
//! read from them.
//!
//! A trigger is a dealing verb ("signed", "acquired", "invested") or an
//! agreement mention ("a memorandum of understanding", "the acquisition").
//! Triggers close together form one run, and a run is read as one
//! [`Event`]: its parties (`parties`, `reference`), its kind, stage, date,
//! value and scope (`attributes`). Reading an event is pure: it sees the
//! discourse state and returns the event, which the caller applies. A unit
//! with no event may still list investors ("Investors include A and B")
//! for the latest funding round.

use std::sync::LazyLock;

use super::attributes::{date_in, era_of, stage_rank, value_in};
use super::elements::{View, What};
use super::reference::Discourse;
use crate::agreements::{AgreementKind, Status};
use crate::text::WordMap;
use crate::words::{DEALING_VERBS, MENTION_PREPOSITIONS, PURPOSE_VERBS, RIGHT_STOPS};

/// What a dealing verb says: the kind it implies, the status, and whether
/// it reports a deal on its own (see `dealing_verbs`).
type VerbSense = (Option<AgreementKind>, Status, bool);

/// The sense of a dealing verb, if `word` is one (see `dealing_verbs`).
fn verb(word: &str) -> Option<VerbSense> {
    // Looked up for every word of every sentence: a hash map, not a scan.
    static BY_WORD: LazyLock<WordMap<&'static str, VerbSense>> = LazyLock::new(|| {
        DEALING_VERBS
            .parse_rows(|row| {
                let alone = match row[3] {
                    "yes" => true,
                    "no" => false,
                    _ => return None,
                };
                Some((
                    row[0],
                    (AgreementKind::from_cell(row[1])?, Status::from_id(row[2])?, alone),
                ))
            })
            .into_iter()
            .collect()
    });
    BY_WORD.get(word).copied()
}

/// The kind a verb after "to" says a deal is for, if any (see
/// `purpose_verbs`).
fn purpose(word: &str) -> Option<AgreementKind> {
    static PURPOSES: LazyLock<Vec<(&'static str, AgreementKind)>> =
        LazyLock::new(|| PURPOSE_VERBS.parse_rows(|row| Some((row[0], AgreementKind::from_id(row[1])?))));
    PURPOSES.iter().find(|p| p.0 == word).map(|p| p.1)
}

/// Where an event is read: its unit's elements `lo..hi` and its run of
/// triggers, elements `s..=e`.
#[derive(Debug, Clone, Copy)]
pub(super) struct Run {
    /// The unit's first element.
    pub(super) lo: usize,
    /// The element after the unit's last.
    pub(super) hi: usize,
    /// The run's first trigger.
    pub(super) s: usize,
    /// The run's last trigger.
    pub(super) e: usize,
}

/// What the triggers of a run say, read in order.
#[derive(Debug)]
pub(super) struct Triggers {
    /// The AGREEMENT marks among them (indices into the marks).
    pub(super) mentions: Vec<usize>,
    /// The kinds the dealing verbs imply, in order.
    pub(super) verb_kinds: Vec<AgreementKind>,
    /// The kinds of the mentions (`Other` for a mark with none).
    pub(super) mention_kinds: Vec<AgreementKind>,
    /// The strongest stage a dealing verb reports.
    pub(super) stage: Option<Status>,
    /// A verb that reports a deal on its own is among them.
    pub(super) direct: bool,
    /// A dealing verb is among them.
    pub(super) has_verb: bool,
    /// A funding round or a "raise" is among them.
    pub(super) funding: bool,
}

/// One event read from a unit.
#[derive(Debug, Clone)]
pub(super) struct Event {
    /// The parties, by canonical name.
    pub(super) parties: Vec<String>,
    /// The kind the triggers and the words around them give.
    pub(super) kind: AgreementKind,
    /// The stage the triggers and the cue words around them give.
    pub(super) stage: Status,
    /// The AGREEMENT marks among the triggers.
    pub(super) mentions: Vec<usize>,
    /// Only definite mentions ("the deal"), no verb.
    pub(super) reference: bool,
    /// Introduced as another deal ("also signed a ...").
    pub(super) another: bool,
    /// A dealing verb is part of it.
    pub(super) has_verb: bool,
    /// A funding round.
    pub(super) funding: bool,
    /// Some party was named in the unit itself, not carried over from an
    /// earlier subject.
    pub(super) named_in_unit: bool,
    /// The first date around it.
    pub(super) date: Option<String>,
    /// When the words around it place it in the past.
    pub(super) era: Option<String>,
    /// What it covers.
    pub(super) scope: Option<String>,
    /// Its value.
    pub(super) value: Option<String>,
}

impl View<'_> {
    /// Whether element `i` is a trigger: an agreement mention or a
    /// dealing verb (not a noun that looks like one).
    pub(super) fn is_trigger(&self, i: usize, lo: usize) -> bool {
        let e = &self.els[i];
        match e.what {
            What::Agreement(_) => true,
            What::Word => {
                if verb(e.lower).is_none() {
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
                let partner_noun = matches!(e.lower, "partner" | "partners") && nounish;
                let take_without_stake = matches!(e.lower, "take" | "takes" | "took")
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

    /// The last trigger of the run that starts at trigger `i`, in the unit
    /// `lo..hi`: triggers that follow closely with no company between
    /// extend it ("signed a definitive agreement to acquire").
    pub(super) fn run_end(&self, i: usize, lo: usize, hi: usize) -> usize {
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
        end
    }

    /// The triggers of `run`, read in order.
    fn triggers(&self, run: Run) -> Triggers {
        let mut t = Triggers {
            mentions: Vec::new(),
            verb_kinds: Vec::new(),
            mention_kinds: Vec::new(),
            stage: None,
            direct: false,
            has_verb: false,
            funding: false,
        };
        for k in run.s..=run.e {
            match self.els[k].what {
                What::Agreement(m) => {
                    t.mentions.push(m);
                    let head = self.marks[m].span.slice(self.text).to_lowercase();
                    if head.ends_with("round") || head.ends_with("funding") {
                        t.funding = true;
                    }
                    t.mention_kinds.push(self.marks[m].kind.unwrap_or(AgreementKind::Other));
                }
                What::Word => {
                    if let Some((kind, st, stands_alone)) = verb(self.els[k].lower) {
                        if !self.is_trigger(k, run.lo) {
                            continue;
                        }
                        t.has_verb = true;
                        t.direct |= stands_alone;
                        if matches!(self.els[k].lower, "raise" | "raises" | "raised") {
                            t.funding = true;
                        }
                        t.verb_kinds.extend(kind);
                        t.stage = Some(match t.stage {
                            Some(old) if stage_rank(old) >= stage_rank(st) => old,
                            _ => st,
                        });
                    }
                }
                _ => {}
            }
        }
        t
    }

    /// The event that the triggers of `run` report, if any, given what the
    /// discourse knows so far. Pure: the caller applies the event to the
    /// discourse (`Discourse::follow`, `Discourse::add`).
    pub(super) fn event(&self, discourse: &Discourse, run: Run) -> Option<Event> {
        let Run { lo, hi, s, e } = run;
        let t = self.triggers(run);
        if !t.direct && t.mentions.is_empty() {
            return None;
        }
        if t.direct && self.mention_is_subject(lo, s, e) {
            // "The venture will acquire the assets": the new venture deals
            // as a company; its deal is not one between the parties.
            return None;
        }
        // "raised concerns": a raise needs money or a round.
        let window_text =
            &self.text[self.els[s].span.start..self.els[(e + 8).min(hi.saturating_sub(1)).max(e)].span.end];
        if t.funding && t.mentions.is_empty() && !window_text.contains(['$', '€', '£']) && !window_text.contains("mln")
        {
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
        let all_definite = t.mentions.iter().all(|&m| self.mark_definite(lo, m));
        // Only definite mentions, no verb: a deal already told.
        let possessive_mention = !t.has_verb && all_definite;
        // A definite mention reported by a verb ("the partnership is being
        // announced") refers back; its parties are only those named with it.
        let reference = possessive_mention || !t.direct && all_definite;
        let found = self.event_parties(discourse, run, &t, reference);

        let kind = self.kind_of(run, &t, purpose_kind, window_text);
        // Status from the verbs, then cue words around the event.
        let left_start = s.saturating_sub(8).max(lo);
        let right_end = (e + 10).min(hi);
        let stage = self.stage_of(run, &t, left_start, right_end, possessive_mention);

        let span_text = &self.text[self.els[left_start].span.start..self.els[right_end.max(e + 1) - 1].span.end];
        let date = date_in(span_text);
        let era = era_of(span_text);
        let reference = found.reference;
        let another = (s.saturating_sub(4).max(lo)..s).any(|k| matches!(self.word(k), "also" | "another" | "separate"))
            && !reference
            || found.coordinated;
        let value = value_in(span_text);
        let scope = self.scope_after(e, hi);
        Some(Event {
            parties: found.names,
            kind,
            stage,
            mentions: t.mentions,
            reference,
            another,
            has_verb: t.has_verb,
            funding: t.funding,
            named_in_unit: found.named_in_unit,
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

    /// True when the event starts with a definite mention that is the
    /// subject of the dealing verb after it: "The partnership will acquire".
    fn mention_is_subject(&self, lo: usize, s: usize, e: usize) -> bool {
        let What::Agreement(m) = self.els[s].what else {
            return false;
        };
        let verb_at = (s + 1..=e).find(|&k| self.els[k].what == What::Word && verb(self.els[k].lower).is_some());
        let Some(v) = verb_at else { return false };
        let between_aux = (s + 1..v).all(|k| {
            matches!(
                self.word(k),
                "will" | "would" | "shall" | "may" | "could" | "is" | "was" | "also" | "then" | "to" | "has" | "had"
            )
        });
        let active = !matches!(self.word(v.saturating_sub(1)), "was" | "is" | "be" | "been" | "being");
        between_aux && active && self.mark_definite(lo, m) && verb(self.els[v].lower).is_some_and(|x| x.2)
    }

    /// Whether the right scan applies: always after a verb; after a
    /// mention only through a preposition or an infinitive ("a deal with",
    /// "an agreement to acquire").
    pub(super) fn right_reach(&self, e: usize, hi: usize, has_verb: bool) -> bool {
        let last_is_mention = matches!(self.els.get(e).map(|x| x.what), Some(What::Agreement(_)));
        if has_verb && !last_is_mention {
            return true;
        }
        let through_participle = matches!(
            self.word(e + 1),
            "owned" | "co-owned" | "led" | "co-led" | "backed" | "formed" | "signed" | "struck"
        ) && matches!(self.word(e + 2), "by" | "with");
        e + 1 < hi
            && (MENTION_PREPOSITIONS.contains(&self.word(e + 1)) || self.word(e + 1) == "to" || through_participle)
    }

    /// "Investors include A, B and C": the investors the unit `lo..hi`
    /// lists, if it has the cue (they join the latest funding record).
    pub(super) fn investor_list(&self, lo: usize, hi: usize) -> Option<Vec<String>> {
        let cue = (lo..hi).position(|k| {
            matches!(self.word(k), "investors" | "backers")
                && matches!(self.word(k + 1), "include" | "included" | "including" | "are" | "were")
        })?;
        let mut names = Vec::new();
        self.right_parties(lo + cue, hi, true, &mut names);
        Some(names)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_verb_tables_read() {
        use AgreementKind as K;
        assert_eq!(verb("acquired"), Some((Some(K::Acquisition), Status::Completed, true)));
        assert_eq!(verb("inked"), Some((None, Status::Signed, false)));
        assert_eq!(verb("took"), Some((Some(K::Investment), Status::Completed, true)));
        assert_eq!(verb("deal"), None);
        assert_eq!(purpose("co-develop"), Some(K::Collaboration));
        assert_eq!(purpose("market"), Some(K::Distribution));
        assert_eq!(purpose("sign"), None);
    }
}
