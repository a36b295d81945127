//! The reader's corrections, applied to the engine's output.
//!
//! Edits ([`Edit`], code points, oldest first) are kept apart from the
//! engine's marks so that a newer engine can re-annotate a text and replay
//! them. A personal [`Dictionary`] ("always mark X as a company", "never mark
//! X") turns into edits for each new text. When the text itself changes,
//! [`rebase_edits`] moves edits that the change did not touch and drops
//! those it did.

use std::collections::{BTreeMap, HashMap, HashSet};

use serde::{Deserialize, Serialize};

use crate::annotation::{AgreementRecord, Annotation, Mark};
use crate::export::Edit;
use crate::offsets::{OffsetMap, Unit};
use crate::short_forms::bare_name;
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

    /// How many names it lists.
    pub fn len(&self) -> usize {
        self.always.len() + self.never.len()
    }

    /// Reads a dictionary exported as JSON (`{"always": [["Acme",
    /// "COMPANY"]], "never": ["Bolt"]}`), refusing one over
    /// [`MAX_DICTIONARY_BYTES`] or [`MAX_DICTIONARY_NAMES`] before it is
    /// used. Empty names are dropped; a name listed twice keeps its last rule.
    ///
    /// ```
    /// use pactlens_engine::edits::{Dictionary, DictionaryError};
    /// let d = Dictionary::from_json(r#"{"always":[["Acme","COMPANY"]],"never":["Bolt"]}"#).unwrap();
    /// assert_eq!(d.len(), 2);
    /// assert!(matches!(Dictionary::from_json("[1, 2]"), Err(DictionaryError::BadJson(_))));
    /// ```
    pub fn from_json(json: &str) -> Result<Dictionary, DictionaryError> {
        if json.len() > MAX_DICTIONARY_BYTES {
            return Err(DictionaryError::TooLarge { bytes: json.len() });
        }
        let read: Dictionary = serde_json::from_str(json).map_err(|e| DictionaryError::BadJson(e.to_string()))?;
        let names = read.len();
        if names > MAX_DICTIONARY_NAMES {
            return Err(DictionaryError::TooManyNames { names });
        }
        // The last rule for a name wins, as when the reader adds them one by
        // one; the order of the survivors is kept.
        let mut last: HashMap<&str, usize> = HashMap::with_capacity(names);
        let rules = read
            .always
            .iter()
            .map(|(n, l)| (n.as_str(), Some(*l)))
            .chain(read.never.iter().map(|n| (n.as_str(), None)));
        let rules: Vec<(&str, Option<Label>)> = rules.filter(|(n, _)| !n.is_empty()).collect();
        for (i, (name, _)) in rules.iter().enumerate() {
            last.insert(name, i);
        }
        let mut out = Dictionary::default();
        for (i, (name, label)) in rules.iter().enumerate() {
            if last.get(name) != Some(&i) {
                continue;
            }
            match label {
                Some(label) => out.always.push((name.to_string(), *label)),
                None => out.never.push(name.to_string()),
            }
        }
        Ok(out)
    }
}

/// The largest dictionary file [`Dictionary::from_json`] reads (8 MiB).
pub const MAX_DICTIONARY_BYTES: usize = 8 << 20;

/// The most names a dictionary may list (200,000: far more than a reader
/// adds by hand, few enough to apply to an article in milliseconds).
pub const MAX_DICTIONARY_NAMES: usize = 200_000;

/// Why a dictionary file was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DictionaryError {
    /// Not JSON, or JSON of another shape.
    BadJson(String),
    /// The file is over [`MAX_DICTIONARY_BYTES`].
    TooLarge {
        /// Its size.
        bytes: usize,
    },
    /// It lists more than [`MAX_DICTIONARY_NAMES`] names.
    TooManyNames {
        /// How many it lists.
        names: usize,
    },
}

impl std::fmt::Display for DictionaryError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DictionaryError::BadJson(why) => write!(f, "not a pactlens dictionary ({why})"),
            DictionaryError::TooLarge { bytes } => write!(
                f,
                "the dictionary file is {:.1} MB; pactlens reads dictionaries of up to {} MB",
                *bytes as f64 / 1e6,
                MAX_DICTIONARY_BYTES >> 20
            ),
            DictionaryError::TooManyNames { names } => write!(
                f,
                "the dictionary lists {names} names; pactlens keeps at most {MAX_DICTIONARY_NAMES}"
            ),
        }
    }
}

impl std::error::Error for DictionaryError {}

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
    // Marks by span: spans never overlap, so ordering by span orders by
    // start, and each change costs O(log n) however many edits there are.
    let mut marks: BTreeMap<Span, Mark> = ann.marks.iter().map(|m| (m.span, m.clone())).collect();
    if !dictionary.never.is_empty() {
        let never: HashSet<&str> = dictionary.never.iter().map(String::as_str).collect();
        marks.retain(|span, _| !never.contains(span.slice(text)));
    }
    for (span, label) in always_matches(text, &dictionary.always) {
        let already = marks.get(&span).is_some_and(|m| m.label == label);
        if !already {
            add(&mut marks, reader_mark(text, span, label));
        }
    }
    for edit in edits {
        let (start, end) = edit.range();
        let Some(span) = byte_span(&map, start, end) else {
            continue;
        };
        match *edit {
            Edit::Add { label, .. } => add(&mut marks, reader_mark(text, span, label)),
            Edit::Relabel { label, .. } => match marks.get_mut(&span) {
                Some(m) => {
                    m.label = label;
                    m.source = Source::Reader;
                    if label != Label::Product {
                        m.owner = None;
                    }
                }
                None => add(&mut marks, reader_mark(text, span, label)),
            },
            Edit::Remove { .. } => {
                marks.remove(&span);
            }
        }
    }
    let marks: Vec<Mark> = marks.into_values().collect();
    let agreements = remap_mentions(ann, |i| {
        let old = ann.marks.get(i)?;
        marks
            .binary_search_by_key(&old.span, |m| m.span)
            .ok()
            .filter(|&j| marks[j].label == Label::Agreement)
    });
    Annotation { marks, agreements }
}

/// Every whole-word occurrence in `text` of the dictionary's "always"
/// names, in the order the rules are listed (a later rule wins where two
/// overlap), each name's occurrences from left to right.
///
/// The names are indexed by their first character, and only the places
/// where a word starts are looked up, so a dictionary of 100,000 names costs
/// about as much as one pass over the text.
fn always_matches(text: &str, always: &[(String, Label)]) -> Vec<(Span, Label)> {
    let mut by_first: HashMap<char, Vec<usize>> = HashMap::new();
    for (i, (name, _)) in always.iter().enumerate() {
        if let Some(c) = name.chars().next() {
            by_first.entry(c).or_default().push(i);
        }
    }
    let mut found: Vec<(usize, Span)> = Vec::new();
    let mut previous: Option<char> = None;
    for (at, c) in text.char_indices() {
        let word_start = !previous.is_some_and(is_word_char);
        previous = Some(c);
        if !word_start {
            continue;
        }
        for &i in by_first.get(&c).map(Vec::as_slice).unwrap_or_default() {
            let name = &always[i].0;
            let span = Span::new(at, at + name.len());
            if text[at..].starts_with(name.as_str()) && at_word_boundaries(text, span) {
                found.push((i, span));
            }
        }
    }
    found.sort_by_key(|&(i, span)| (i, span.start));
    // One name's matches never overlap each other (as `match_indices`).
    let mut out = Vec::with_capacity(found.len());
    let mut last: Option<(usize, usize)> = None;
    for (i, span) in found {
        if last.is_some_and(|(li, end)| li == i && span.start < end) {
            continue;
        }
        last = Some((i, span.end));
        out.push((span, always[i].1));
    }
    out
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

/// Inserts `mark`, removing the marks it overlaps.
fn add(marks: &mut BTreeMap<Span, Mark>, mark: Mark) {
    // Marks do not overlap one another, so the ones `mark` overlaps are the
    // last that starts before it and those that start inside it.
    let mut clash: Vec<Span> = marks
        .range(..mark.span)
        .next_back()
        .map(|(s, _)| *s)
        .filter(|s| s.overlaps(&mark.span))
        .into_iter()
        .collect();
    clash.extend(
        marks
            .range(mark.span..)
            .take_while(|(s, _)| s.start < mark.span.end.max(mark.span.start + 1))
            .map(|(s, _)| *s)
            .filter(|s| s.overlaps(&mark.span)),
    );
    for s in clash {
        marks.remove(&s);
    }
    marks.insert(mark.span, mark);
}

/// `text` with Windows (CRLF) and old Mac (CR) line ends turned into LF,
/// and `edits` moved to the same words in it.
///
/// A browser's text area holds LF line ends only, so a text is normalised
/// once, on its way into the page (file, import, share link), and the edits
/// that came with it follow; otherwise they would slip by one code point per
/// line. Edits left empty are dropped.
///
/// ```
/// use pactlens_engine::edits::normalise_line_ends;
/// use pactlens_engine::export::Edit;
/// use pactlens_engine::Label;
/// let acme = Edit::Add { start: 6, end: 10, label: Label::Company };
/// let (text, edits) = normalise_line_ends("One\r\n\r\nAcme", &[acme]);
/// assert_eq!(text, "One\n\nAcme");
/// assert_eq!(edits, [Edit::Add { start: 4, end: 8, label: Label::Company }]);
/// ```
pub fn normalise_line_ends(text: &str, edits: &[Edit]) -> (String, Vec<Edit>) {
    if !text.contains('\r') {
        return (text.to_string(), edits.to_vec());
    }
    let mut out = String::with_capacity(text.len());
    // removed_before[k]: how many code points were dropped before old code
    // point k (one per CR of a CRLF pair).
    let mut removed_before = Vec::with_capacity(text.len() + 1);
    let mut removed = 0;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        removed_before.push(removed);
        if c == '\r' {
            if chars.peek() == Some(&'\n') {
                removed += 1;
            } else {
                out.push('\n');
            }
        } else {
            out.push(c);
        }
    }
    removed_before.push(removed);
    let moved = |old: usize| removed_before.get(old).map(|r| old - r);
    let edits = edits
        .iter()
        .filter_map(|e| {
            let (start, end) = e.range();
            let (start, end) = (moved(start)?, moved(end)?);
            (start < end).then(|| with_range(e, start, end))
        })
        .collect();
    (out, edits)
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

    #[test]
    fn a_dictionary_over_the_limits_is_refused() {
        let many: Vec<String> = (0..=MAX_DICTIONARY_NAMES).map(|i| format!("\"N{i}\"")).collect();
        let json = format!("{{\"always\":[],\"never\":[{}]}}", many.join(","));
        assert!(matches!(
            Dictionary::from_json(&json),
            Err(DictionaryError::TooManyNames { names }) if names == MAX_DICTIONARY_NAMES + 1
        ));
        let padded = format!("{{\"always\":[],\"never\":[]}}{}", " ".repeat(MAX_DICTIONARY_BYTES));
        assert!(matches!(
            Dictionary::from_json(&padded),
            Err(DictionaryError::TooLarge { .. })
        ));
        assert!(Dictionary::from_json("{\"always\":[[\"Acme\",\"BANANA\"]],\"never\":[]}").is_err());
    }

    #[test]
    fn an_imported_dictionary_keeps_each_name_s_last_rule() {
        let json = r#"{"always":[["Acme","COMPANY"],["","PRODUCT"],["Pix","PRODUCT"]],"never":["Acme"]}"#;
        let d = Dictionary::from_json(json).unwrap();
        assert_eq!(d.always, [("Pix".to_string(), Label::Product)]);
        assert_eq!(d.never, ["Acme"]);
    }

    #[test]
    fn a_large_dictionary_marks_what_a_small_one_does() {
        let text = "Zorblat met Quenta Labs and Zorblat Two in Pix, not Pixel.";
        let mut small = Dictionary::default();
        small.always_mark("Zorblat", Label::Company);
        small.always_mark("Quenta Labs", Label::Company);
        small.always_mark("Pix", Label::Product);
        small.never_mark("Pixel");
        let mut large = small.clone();
        for i in 0..100_000 {
            large.always.push((format!("Name{i} Corp"), Label::Company));
            large.never.push(format!("Other{i}"));
        }
        let ann = annotate(text);
        let want = marks(text, &apply_edits(text, &ann, &small, &[]));
        assert!(want.iter().any(|(t, l, _)| t == "Quenta Labs" && *l == Label::Company));
        assert!(want.iter().any(|(t, l, _)| t == "Pix" && *l == Label::Product));
        assert!(!want.iter().any(|(t, ..)| t == "Pixel"));
        assert_eq!(marks(text, &apply_edits(text, &ann, &large, &[])), want);
    }

    #[test]
    fn many_edits_apply_like_few() {
        let text = "Acme Bolt Cora Dune Elso ".repeat(4000);
        let ann = annotate(&text);
        let edits: Vec<Edit> = (0..20_000)
            .map(|i| {
                let start = i * 5;
                match i % 3 {
                    0 => Edit::Add {
                        start,
                        end: start + 4,
                        label: Label::Company,
                    },
                    1 => Edit::Relabel {
                        start,
                        end: start + 4,
                        label: Label::Product,
                    },
                    _ => Edit::Remove { start, end: start + 4 },
                }
            })
            .chain([Edit::Add {
                start: 0,
                end: 9,
                label: Label::Product,
            }])
            .collect();
        let out = apply_edits(&text, &ann, &Dictionary::default(), &edits);
        assert!(out.marks.windows(2).all(|w| w[0].span.end <= w[1].span.start));
        // The last edit joined "Acme Bolt" into one product.
        assert_eq!(out.marks[0].span.slice(&text), "Acme Bolt");
        assert_eq!(out.marks[0].label, Label::Product);
        let kept = out.marks.iter().filter(|m| m.source == Source::Reader).count();
        // Of each three words: one added, one relabelled (added), one removed.
        assert_eq!(kept, 1 + (20_000 - 2) / 3 * 2);
    }

    #[test]
    fn line_ends_normalised_keep_edits_on_their_words() {
        for text in [
            "Acme\r\nsaid Bolt\r\n\r\nCora",
            "Acme\rsaid Bolt\r\rCora",
            "Acme\nsaid Bolt\r\n\rCora",
        ] {
            let chars: Vec<char> = text.chars().collect();
            let find = |w: &str| {
                let at = (0..chars.len())
                    .find(|&i| chars[i..].iter().take(w.len()).copied().eq(w.chars()))
                    .unwrap();
                Edit::Add {
                    start: at,
                    end: at + w.chars().count(),
                    label: Label::Company,
                }
            };
            let edits = [find("Acme"), find("Bolt"), find("Cora"), find("said Bolt")];
            let (clean, moved) = normalise_line_ends(text, &edits);
            assert!(!clean.contains('\r'), "{text:?}");
            let words: Vec<String> = moved
                .iter()
                .map(|e| {
                    let (s, e) = e.range();
                    clean.chars().skip(s).take(e - s).collect()
                })
                .collect();
            assert_eq!(words, ["Acme", "Bolt", "Cora", "said Bolt"], "{text:?}");
        }
    }
}
