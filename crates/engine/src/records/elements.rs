//! The element stream the records are read from, and the read-only view of
//! the document over it.
//!
//! Each unit (a sentence, with hard-wrapped lines joined) is a run of
//! elements: one per company, product and agreement mark, and one per word
//! outside the marks. Elements are built in one merge of the sorted tokens
//! and marks; a unit finds its elements by binary search on their starts.

use crate::annotation::Mark;
use crate::doc::Doc;
use crate::span::{Label, Span};

/// What an element of a unit is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum What {
    /// A COMPANY mark (index into the marks).
    Company(usize),
    /// An AGREEMENT mark.
    Agreement(usize),
    /// A PRODUCT mark.
    Product,
    /// A word outside the marks.
    Word,
}

/// One element of a unit: a mark or a word outside the marks.
#[derive(Debug, Clone)]
pub(super) struct Elem<'a> {
    /// What the element is.
    pub(super) what: What,
    /// Where it is in the text.
    pub(super) span: Span,
    /// A word's text in lower case (empty for a mark).
    pub(super) lower: &'a str,
}

/// The document as the records read it: the text, its elements and its
/// marks. Read only; what the reading has found so far is the discourse
/// state (`reference::Discourse`), kept apart.
pub(super) struct View<'a> {
    /// The whole text.
    pub(super) text: &'a str,
    /// Its elements, in text order.
    pub(super) els: &'a [Elem<'a>],
    /// The marks the elements point into.
    pub(super) marks: &'a [Mark],
}

/// Merges sorted tokens and marks into elements: each mark is one element,
/// each token outside every mark a word.
pub(super) fn elements<'a>(doc: &'a Doc<'_>, marks: &[Mark]) -> Vec<Elem<'a>> {
    let mut out = Vec::with_capacity(doc.tokens.len());
    let mut m = 0;
    for (t, lower) in doc.tokens.iter().zip(&doc.lower) {
        while m < marks.len() && marks[m].span.end <= t.span.start {
            push_mark(&mut out, marks, m);
            m += 1;
        }
        let inside = m < marks.len() && marks[m].span.start < t.span.end;
        if !inside {
            out.push(Elem {
                what: What::Word,
                span: t.span,
                lower,
            });
        }
    }
    while m < marks.len() {
        push_mark(&mut out, marks, m);
        m += 1;
    }
    out
}

/// Pushes mark `m` as one element.
fn push_mark(out: &mut Vec<Elem<'_>>, marks: &[Mark], m: usize) {
    let what = match marks[m].label {
        Label::Company => What::Company(m),
        Label::Agreement => What::Agreement(m),
        Label::Product => What::Product,
    };
    out.push(Elem {
        what,
        span: marks[m].span,
        lower: "",
    });
}

/// Sentences with hard-wrapped lines joined: a sentence that ends without
/// a stop and is followed by a single line break continues on the next line
/// (wire copy wraps lines mid-sentence).
pub(super) fn units(text: &str, sents: &[Span]) -> Vec<Span> {
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

impl View<'_> {
    /// The lower-case word at element `i`, or "" for a mark or past the end.
    pub(super) fn word(&self, i: usize) -> &str {
        match self.els.get(i) {
            Some(e) if e.what == What::Word => e.lower,
            _ => "",
        }
    }

    /// The index of the COMPANY mark at element `i`, if it is one.
    pub(super) fn company(&self, i: usize) -> Option<usize> {
        match self.els.get(i)?.what {
            What::Company(m) => Some(m),
            _ => None,
        }
    }

    /// Text between element `i` and element `i + 1`.
    pub(super) fn gap_after(&self, i: usize) -> &str {
        match (self.els.get(i), self.els.get(i + 1)) {
            (Some(a), Some(b)) if a.span.end <= b.span.start => &self.text[a.span.end..b.span.start],
            _ => "",
        }
    }

    /// True when the text between two elements breaks a phrase: a
    /// semicolon, a dash, a colon, a bracket or a quotation mark.
    pub(super) fn is_barrier(gap: &str) -> bool {
        gap.contains([';', '—', '–', ':', '(', ')', '“', '”', '"'])
    }

    /// The canonical name of the company at element `i`, if it is one.
    pub(super) fn canonical(&self, i: usize) -> Option<String> {
        self.company(i).map(|m| self.marks[m].canonical.clone())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn units_join_hard_wrapped_lines() {
        let text = "It said it\nagreed to buy. Next one.";
        let sents = crate::text::sentences(text);
        assert_eq!(units(text, &sents).len(), 2);
    }
}
