//! The reader's corrections, applied to the engine's output.
//!
//! Edits ([`Edit`], code points, oldest first) are kept apart from the
//! engine's marks so that a newer engine can re-annotate a text and replay
//! them. A personal [`Dictionary`] ("always mark X as a company", "never mark
//! X") turns into edits for each new text. When the text itself changes,
//! [`rebase_edits`] moves edits that the change did not touch and drops
//! those it did.

use serde::{Deserialize, Serialize};

use crate::annotation::{AgreementRecord, Annotation, Mark};
use crate::export::Edit;
use crate::offsets::{OffsetMap, Unit};
use crate::recognise::bare_name;
use crate::span::{Label, Source, Span};
use crate::text::{at_word_boundaries, is_word_char};

/// Names the reader always or never wants marked, in every article.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dictionary {
    /// Mark every whole-word occurrence of the name with the label.
    pub always: Vec<(String, Label)>,
    /// Never mark the name (exact text of a mark).
    pub never: Vec<String>,
}

impl Dictionary {
    /// True when nothing is listed.
    pub fn is_empty(&self) -> bool {
        self.always.is_empty() && self.never.is_empty()
    }

    /// Adds "always mark `name` as `label`", replacing an earlier rule for
    /// the same name.
    pub fn always_mark(&mut self, name: &str, label: Label) {
        self.forget(name);
        self.always.push((name.to_string(), label));
    }

    /// Adds "never mark `name`", replacing an earlier rule for it.
    pub fn never_mark(&mut self, name: &str) {
        self.forget(name);
        self.never.push(name.to_string());
    }

    /// Removes every rule for `name`.
    pub fn forget(&mut self, name: &str) {
        self.always.retain(|(n, _)| n != name);
        self.never.retain(|n| n != name);
    }
}

fn byte_span(map: &OffsetMap, start: usize, end: usize) -> Option<Span> {
    let s = map.to_byte(start, Unit::CodePoint)?;
    let e = map.to_byte(end, Unit::CodePoint)?;
    (s < e).then(|| Span::new(s, e))
}

fn reader_mark(text: &str, span: Span, label: Label) -> Mark {
    let surface = span.slice(text);
    let canonical = if label == Label::Company {
        bare_name(surface)
    } else {
        surface
    };
    Mark {
        span,
        label,
        source: Source::Reader,
        canonical: canonical.to_string(),
        owner: None,
        kind: None,
    }
}

/// Applies `dictionary` and then `edits` to the engine's `ann` of `text`.
///
/// Marks stay sorted and non-overlapping (an added mark replaces what it
/// overlaps); agreement records keep their mentions that survive, re-indexed.
/// Edits that do not fit the text are skipped.
pub fn apply_edits(text: &str, ann: &Annotation, dictionary: &Dictionary, edits: &[Edit]) -> Annotation {
    if edits.is_empty() && dictionary.is_empty() {
        return ann.clone();
    }
    let map = OffsetMap::new(text);
    let mut marks = ann.marks.clone();
    for name in &dictionary.never {
        marks.retain(|m| m.span.slice(text) != name);
    }
    for (name, label) in &dictionary.always {
        if name.is_empty() {
            continue;
        }
        for (at, _) in text.match_indices(name.as_str()) {
            let span = Span::new(at, at + name.len());
            let already = marks.iter().any(|m| m.span == span && m.label == *label);
            if at_word_boundaries(text, span) && !already {
                add(&mut marks, reader_mark(text, span, *label));
            }
        }
    }
    for edit in edits {
        let (start, end) = edit.range();
        let Some(span) = byte_span(&map, start, end) else {
            continue;
        };
        match *edit {
            Edit::Add { label, .. } => add(&mut marks, reader_mark(text, span, label)),
            Edit::Relabel { label, .. } => match marks.iter_mut().find(|m| m.span == span) {
                Some(m) => {
                    m.label = label;
                    m.source = Source::Reader;
                    if label != Label::Product {
                        m.owner = None;
                    }
                }
                None => add(&mut marks, reader_mark(text, span, label)),
            },
            Edit::Remove { .. } => marks.retain(|m| m.span != span),
        }
    }
    let agreements = remap_mentions(ann, |i| {
        let old = ann.marks.get(i)?;
        marks
            .binary_search_by_key(&old.span, |m| m.span)
            .ok()
            .filter(|&j| marks[j].label == Label::Agreement)
    });
    Annotation { marks, agreements }
}

/// The agreement records of `ann` with each mention index mapped through
/// `new_index`; mentions it maps to nothing are dropped.
fn remap_mentions(ann: &Annotation, new_index: impl Fn(usize) -> Option<usize>) -> Vec<AgreementRecord> {
    ann.agreements
        .iter()
        .map(|r| AgreementRecord {
            mentions: r.mentions.iter().filter_map(|&i| new_index(i)).collect(),
            ..r.clone()
        })
        .collect()
}

/// Inserts `mark`, removing the marks it overlaps, keeping `marks` sorted.
fn add(marks: &mut Vec<Mark>, mark: Mark) {
    marks.retain(|m| !m.span.overlaps(&mark.span));
    let at = marks.partition_point(|m| m.span < mark.span);
    marks.insert(at, mark);
}

/// Moves `edits` made on `old` so they apply to `new`: edits before the
/// changed region stay, edits after it shift, edits that touch it are
/// dropped (their words changed).
pub fn rebase_edits(old: &str, new: &str, edits: &[Edit]) -> Vec<Edit> {
    if old == new || edits.is_empty() {
        return edits.to_vec();
    }
    let prefix = old.chars().zip(new.chars()).take_while(|(a, b)| a == b).count();
    let old_len = old.chars().count();
    let new_len = new.chars().count();
    let max_suffix = old_len.min(new_len) - prefix;
    let suffix = old
        .chars()
        .rev()
        .zip(new.chars().rev())
        .take(max_suffix)
        .take_while(|(a, b)| a == b)
        .count();
    let (changed_start, changed_end) = (prefix, old_len - suffix);
    let delta = new_len as isize - old_len as isize;
    edits
        .iter()
        .filter_map(|e| {
            let (start, end) = e.range();
            if end <= changed_start {
                Some(e.clone())
            } else if start >= changed_end {
                let shift = |x: usize| (x as isize + delta) as usize;
                Some(with_range(e, shift(start), shift(end)))
            } else {
                None
            }
        })
        .collect()
}

/// Moves an annotation of `old` onto `new` while `new` waits for its own:
/// marks before the changed region stay, marks after it shift, marks that
/// touch it are dropped. Agreement records keep their surviving mentions.
pub fn rebase_annotation(old: &str, new: &str, ann: &Annotation) -> Annotation {
    if old == new {
        return ann.clone();
    }
    let prefix = common_prefix_bytes(old, new);
    let suffix = common_suffix_bytes(&old[prefix..], &new[prefix..]);
    let (changed_start, changed_end) = (prefix, old.len() - suffix);
    let delta = new.len() as isize - old.len() as isize;
    let mut index = Vec::with_capacity(ann.marks.len());
    let mut marks = Vec::with_capacity(ann.marks.len());
    for m in &ann.marks {
        let moved = if m.span.end <= changed_start {
            Some(m.span)
        } else if m.span.start >= changed_end {
            let shift = |x: usize| (x as isize + delta) as usize;
            Some(Span::new(shift(m.span.start), shift(m.span.end)))
        } else {
            None
        };
        index.push(moved.map(|span| {
            marks.push(Mark { span, ..m.clone() });
            marks.len() - 1
        }));
    }
    let mut agreements = remap_mentions(ann, |i| index.get(i).copied().flatten());
    // Evidence sentences moved with the text; they come back with the new
    // annotation.
    for r in &mut agreements {
        r.evidence.clear();
    }
    Annotation { marks, agreements }
}

/// Length in bytes of the common prefix, on a character boundary.
fn common_prefix_bytes(a: &str, b: &str) -> usize {
    a.char_indices()
        .zip(b.chars())
        .find(|((_, x), y)| x != y)
        .map_or(a.len().min(b.len()), |((i, _), _)| i)
}

/// Length in bytes of the common suffix, on a character boundary.
fn common_suffix_bytes(a: &str, b: &str) -> usize {
    a.chars()
        .rev()
        .zip(b.chars().rev())
        .take_while(|(x, y)| x == y)
        .map(|(x, _)| x.len_utf8())
        .sum()
}

fn with_range(edit: &Edit, start: usize, end: usize) -> Edit {
    match *edit {
        Edit::Add { label, .. } => Edit::Add { start, end, label },
        Edit::Relabel { label, .. } => Edit::Relabel { start, end, label },
        Edit::Remove { .. } => Edit::Remove { start, end },
    }
}

/// Widens a selection (byte offsets) to whole words and trims white space
/// and punctuation at its ends; `None` when nothing word-like is selected.
pub fn snap_to_words(text: &str, start: usize, end: usize) -> Option<Span> {
    let (mut s, mut e) = (start.min(end).min(text.len()), end.max(start).min(text.len()));
    while !text.is_char_boundary(s) {
        s -= 1;
    }
    while !text.is_char_boundary(e) {
        e += 1;
    }
    // Trim what is not part of a name at both ends.
    let keep = |c: char| is_word_char(c);
    while s < e {
        let c = text[s..].chars().next()?;
        if keep(c) {
            break;
        }
        s += c.len_utf8();
    }
    while e > s {
        let c = text[..e].chars().next_back()?;
        if keep(c) || (c == '.' && is_suffix_period(&text[s..e])) {
            break;
        }
        e -= c.len_utf8();
    }
    if s == e {
        return None;
    }
    // Widen to whole words.
    while let Some(c) = text[..s].chars().next_back().filter(|c| is_word_char(*c)) {
        s -= c.len_utf8();
    }
    while let Some(c) = text[e..].chars().next().filter(|c| is_word_char(*c)) {
        e += c.len_utf8();
    }
    Some(Span::new(s, e))
}

/// "Acme Corp." keeps its final period.
fn is_suffix_period(selected: &str) -> bool {
    ["Corp.", "Inc.", "Co.", "Ltd."].iter().any(|s| selected.ends_with(s))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotate;

    fn marks(text: &str, ann: &Annotation) -> Vec<(String, Label, Source)> {
        ann.marks
            .iter()
            .map(|m| (m.span.slice(text).to_string(), m.label, m.source))
            .collect()
    }

    #[test]
    fn add_relabel_and_remove() {
        let text = "Xiaomi uses Azure and Zorblat tools.";
        let ann = annotate(text);
        let edits = [
            Edit::Add {
                start: 22,
                end: 29,
                label: Label::Company,
            },
            Edit::Relabel {
                start: 12,
                end: 17,
                label: Label::Company,
            },
            Edit::Remove { start: 0, end: 6 },
        ];
        let got = marks(text, &apply_edits(text, &ann, &Dictionary::default(), &edits));
        assert_eq!(
            got,
            [
                ("Azure".into(), Label::Company, Source::Reader),
                ("Zorblat".into(), Label::Company, Source::Reader)
            ]
        );
    }

    #[test]
    fn dictionary_always_and_never() {
        let text = "Zorblat met Microsoft. Zorblat won.";
        let mut dict = Dictionary::default();
        dict.always_mark("Zorblat", Label::Company);
        dict.never_mark("Microsoft");
        let got = marks(text, &apply_edits(text, &annotate(text), &dict, &[]));
        assert_eq!(
            got.iter()
                .filter(|(t, l, _)| t == "Zorblat" && *l == Label::Company)
                .count(),
            2
        );
        assert!(!got.iter().any(|(t, _, _)| t == "Microsoft"));
    }

    #[test]
    fn edits_outside_the_text_are_skipped() {
        let text = "Microsoft";
        let ann = annotate(text);
        let got = apply_edits(
            text,
            &ann,
            &Dictionary::default(),
            &[Edit::Remove { start: 5, end: 99 }],
        );
        assert_eq!(got, ann);
    }

    #[test]
    fn rebase_keeps_shifts_and_drops() {
        let old = "Acme met Bolt and Crux.";
        let new = "Acme happily met Bolt and Crux.";
        let edits = [
            Edit::Add {
                start: 0,
                end: 4,
                label: Label::Company,
            },
            Edit::Add {
                start: 18,
                end: 22,
                label: Label::Company,
            },
        ];
        let got = rebase_edits(old, new, &edits);
        assert_eq!(got[0], edits[0]);
        assert_eq!(
            got[1],
            Edit::Add {
                start: 26,
                end: 30,
                label: Label::Company
            }
        );
        assert_eq!(&new[26..30], "Crux");
        // Changing a marked word drops its edit; the others stay.
        let on_bolt = [edits[0].clone(), Edit::Remove { start: 9, end: 13 }];
        assert_eq!(
            rebase_edits(old, "Acme met Bold and Crux.", &on_bolt),
            [edits[0].clone()]
        );
    }

    #[test]
    fn stale_marks_follow_the_text_until_the_new_annotation_arrives() {
        let old = "Microsoft and Xiaomi signed.";
        let new = "Microsoft 😀 and Xiaomi signed.";
        let moved = rebase_annotation(old, new, &annotate(old));
        let got: Vec<&str> = moved.marks.iter().map(|m| m.span.slice(new)).collect();
        assert_eq!(got, ["Microsoft", "Xiaomi"]);
        let edited = rebase_annotation(old, "Microsoft and Xiaomu signed.", &annotate(old));
        assert_eq!(edited.marks.len(), 1, "the changed name loses its mark");
    }

    #[test]
    fn selections_snap_to_whole_words() {
        let text = "Deal with Acme Corp. today, 😀Zorblat!";
        let snap = |a: usize, b: usize| snap_to_words(text, a, b).map(|s| s.slice(text));
        assert_eq!(snap(11, 15), Some("Acme")); // "cme " → "Acme"
        assert_eq!(snap(9, 21), Some("Acme Corp.")); // " Acme Corp. " trimmed, period kept
        assert_eq!(snap(33, 38), Some("Zorblat"));
        assert_eq!(snap(4, 5), None); // a space
    }
}
