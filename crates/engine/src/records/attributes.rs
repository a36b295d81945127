//! Attributes of a deal read from the tokens around its triggers: its kind,
//! its stage (status), its date and era, its value and its scope; and how
//! kinds and stages combine when reports of one deal merge.

use super::elements::View;
use super::frames::{Run, Triggers};
use crate::agreements::{AgreementKind, Status};
use crate::text::find_word_ignore_ascii_case;
use crate::words::{MONTHS, PAST_CUES, PROPOSAL_ADJECTIVES, PROPOSAL_CUES, RELATIVE_DATES, RIGHT_STOPS, WEEKDAYS};

/// How specific a kind is, for merging the kinds of one record's mentions:
/// a memorandum beats a generic partnership, a joint venture beats both.
pub(super) fn specificity(kind: AgreementKind) -> u8 {
    use AgreementKind as K;
    match kind {
        K::Other => 0,
        K::Partnership | K::Collaboration => 1,
        K::Mou => 2,
        _ => 3,
    }
}

/// Kinds that may describe one agreement: equal, or one of them generic.
pub(super) fn compatible(a: AgreementKind, b: AgreementKind) -> bool {
    a == b || specificity(a) < 3 || specificity(b) < 3
}

/// The order of stages, for keeping the stronger of two reports.
pub(super) fn stage_rank(s: Status) -> u8 {
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
pub(super) fn next_stage(old: Status, new: Status) -> Status {
    match (old.is_made(), new.is_made()) {
        _ if matches!(new, Status::Failed | Status::Ended) => new,
        (false, true) => new,
        (true, false) => old,
        _ if stage_rank(new) > stage_rank(old) => new,
        _ => old,
    }
}

impl View<'_> {
    /// The kind of the event `run` with triggers `t`: the purpose ("an
    /// agreement to acquire") over a generic mention, a specific mention,
    /// then the verbs; an acquisition of a stake is an investment.
    /// `window` is the text from the first trigger to a few elements past
    /// the last.
    pub(super) fn kind_of(
        &self,
        run: Run,
        t: &Triggers,
        purpose_kind: Option<AgreementKind>,
        window: &str,
    ) -> AgreementKind {
        let Run { hi, s, e, .. } = run;
        let stake = (s..(e + 8).min(hi)).any(|k| {
            matches!(self.word(k), "stake" | "interest" | "pct" | "percent" | "%" | "shares")
                || self.els[k].lower.ends_with('%')
        }) || window.contains('%');
        let best_mention = t.mention_kinds.iter().copied().max_by_key(|k| specificity(*k));
        let mut kind = match (purpose_kind, best_mention) {
            (Some(p), Some(m)) if specificity(m) < 3 || m == AgreementKind::Other => p,
            (Some(p), None) => p,
            (_, Some(m)) if m != AgreementKind::Other => m,
            _ => {
                let patents = window.contains("patent");
                if patents && t.verb_kinds.contains(&AgreementKind::Licensing) {
                    AgreementKind::Licensing
                } else {
                    t.verb_kinds
                        .first()
                        .copied()
                        .or(purpose_kind)
                        .unwrap_or(AgreementKind::Other)
                }
            }
        };
        if kind == AgreementKind::Acquisition && stake && !window.contains("outright") {
            kind = AgreementKind::Investment;
        }
        kind
    }

    /// The stage of the event `run` with triggers `t`: the verbs' stage,
    /// then cue words in elements `from..to` around it; a bid or an offer
    /// with no verb is a proposal. `existing` says that the event reports a
    /// deal already told (no modal makes it a proposal).
    pub(super) fn stage_of(&self, run: Run, t: &Triggers, from: usize, to: usize, existing: bool) -> Status {
        let Run { s, e, .. } = run;
        let mut stage = t.stage.unwrap_or(Status::Announced);
        if let Some(cue) = self.cue_stage(from, s, e, to, existing) {
            stage = cue;
        }
        let bid = t.mentions.iter().any(|&m| {
            let written = self.marks[m].span.slice(self.text).to_lowercase();
            written.ends_with("bid") || written.ends_with("offer")
        });
        if bid && !t.has_verb {
            stage = Status::Proposed;
        }
        stage
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
            || (s..=e).any(|k| PROPOSAL_ADJECTIVES.contains(&self.word(k)))
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
    pub(super) fn scope_after(&self, e: usize, hi: usize) -> Option<String> {
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
    for rel in RELATIVE_DATES.iter() {
        if let Some(at) = find_word_ignore_ascii_case(sentence, rel) {
            offer(at, sentence[at..at + rel.len()].to_string());
        }
    }
    best.map(|(_, s)| s)
}

/// When a report places a deal in the past: a year, or words that say so.
pub(super) fn era_of(text: &str) -> Option<String> {
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
pub(super) fn value_in(text: &str) -> Option<String> {
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
    fn dates_and_values() {
        assert_eq!(
            date_in("They signed on February 23, officials said."),
            Some("February 23".into())
        );
        assert_eq!(date_in("In 2016, it bought patents."), Some("2016".into()));
        assert_eq!(date_in("No date here."), None);
        assert_eq!(value_in("paid $4.4 billion in cash"), Some("$4.4 billion".into()));
        assert_eq!(value_in("valued at 190 mln dlrs"), Some("190 mln dlrs".into()));
    }
}
