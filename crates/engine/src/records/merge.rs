//! Merging: one record per real-world agreement.
//!
//! An event whose parties overlap a record's (one set inside the other),
//! with a compatible kind and era, is that record; a definite mention with
//! no parties of its own ("the deal") joins the latest record of a
//! compatible kind. An earlier deal dated differently, or introduced with
//! "also" and a different kind, is its own record. After the reading, a
//! record that names a party by its parent ("Microsoft") folds into the one
//! that names the investment arm ("Microsoft Ventures").

use super::attributes::{compatible, next_stage, specificity};
use super::frames::Event;
use super::reference::Discourse;
use crate::agreements::{AgreementKind, Status};
use crate::span::Span;

/// A record while the document is read.
#[derive(Debug, Clone)]
pub(super) struct Rec {
    /// The parties, by canonical name, in the order they were found.
    pub(super) parties: Vec<String>,
    /// The most specific kind its reports give.
    pub(super) kind: AgreementKind,
    /// The stage its reports reach (see `next_stage`).
    pub(super) stage: Status,
    /// The AGREEMENT marks that report it (indices into the marks).
    pub(super) mentions: Vec<usize>,
    /// The first date its reports give.
    pub(super) date: Option<String>,
    /// When its first report places it in the past (a year, "years ago").
    pub(super) era: Option<String>,
    /// What it covers, from its first report that says.
    pub(super) scope: Option<String>,
    /// Its value, from its first report that gives one.
    pub(super) value: Option<String>,
    /// The units that report it.
    pub(super) evidence: Vec<Span>,
}

impl Discourse {
    /// Adds the event `ev`, read from `unit`, to the records: merged into
    /// the record it reports, or as a new record (see the module
    /// documentation); a weak or unresolved report is dropped.
    pub(super) fn add(&mut self, ev: Event, unit: Span) {
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

    /// "Investors include A, B and C": the investors `names` join the
    /// latest funding record among the last three.
    pub(super) fn join_investors(&mut self, names: Vec<String>) {
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
pub(super) fn merge_parent_named(records: &mut Vec<Rec>) {
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

/// Folds the event `ev`, read from `unit`, into the record `r`.
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

/// Adds `name`, if any, to `out` unless a name equal but for ASCII case is
/// there.
pub(super) fn push_unique(out: &mut Vec<String>, name: Option<String>) {
    if let Some(n) = name {
        if !out.iter().any(|o| o.eq_ignore_ascii_case(&n)) {
            out.push(n);
        }
    }
}
