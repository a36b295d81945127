//! Cuts the article into blocks of whole paragraphs, so that a long article
//! can render only the blocks near the screen with their marks and the rest
//! as plain text (see `components::article`).
//!
//! Blocks end after a line break where one is near, never inside a mark, and
//! together cover the text exactly, so the article's text content stays the
//! text (selection offsets depend on that).

use std::ops::Range;

use pactlens_engine::Mark;

/// Blocks aim at this many bytes: about a screenful of text.
pub const TARGET: usize = 2048;

/// A block with no line break is cut at a space after `TARGET` bytes, or
/// anywhere after this many.
pub const MAX: usize = 8192;

/// One rendered block: a byte range of the text and the marks inside it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    /// Byte range of the text.
    pub text: Range<usize>,
    /// Indexes of the marks that lie inside `text`.
    pub marks: Range<usize>,
}

/// True when the mark fits `text` and starts after the previous one ends;
/// the article skips other marks (an annotation of an older text).
pub fn usable(text: &str, mark: &Mark, after: usize) -> bool {
    mark.span.start >= after
        && mark.span.end <= text.len()
        && mark.span.start < mark.span.end
        && text.is_char_boundary(mark.span.start)
        && text.is_char_boundary(mark.span.end)
}

/// Where a block starting at `start` would end, ignoring marks: after the
/// first line break (and the breaks right after it) past `TARGET` bytes, else
/// after a space, else at `MAX` bytes.
fn natural_end(text: &str, start: usize) -> usize {
    let from = start + TARGET;
    if from >= text.len() {
        return text.len();
    }
    let limit = (start + MAX).min(text.len());
    let window = &text.as_bytes()[from..limit];
    let cut = window
        .iter()
        .position(|&b| b == b'\n')
        .or_else(|| window.iter().position(|&b| b == b' '));
    let mut end = match cut {
        Some(i) => from + i + 1,
        None => limit,
    };
    while end < text.len() && text.as_bytes()[end] == b'\n' {
        end += 1;
    }
    while !text.is_char_boundary(end) {
        end += 1;
    }
    end
}

/// Splits `text` into blocks and assigns each usable mark to the block that
/// holds it. Marks must be sorted by start, as the engine returns them.
pub fn blocks(text: &str, marks: &[Mark]) -> Vec<Block> {
    // The usable marks, in order, with their indexes.
    let mut usable_marks = Vec::with_capacity(marks.len());
    let mut after = 0;
    for (i, m) in marks.iter().enumerate() {
        if usable(text, m, after) {
            usable_marks.push(i);
            after = m.span.end;
        }
    }
    let mut out = Vec::new();
    let (mut start, mut next) = (0, 0);
    while start < text.len() {
        let mut end = natural_end(text, start);
        // Never cut a mark: move the end past any mark it falls inside.
        let mut k = next;
        while k < usable_marks.len() && marks[usable_marks[k]].span.start < end {
            if marks[usable_marks[k]].span.end > end {
                end = marks[usable_marks[k]].span.end;
            }
            k += 1;
        }
        let first = usable_marks.get(next).copied().unwrap_or(marks.len());
        let last = if k > next { usable_marks[k - 1] + 1 } else { first };
        out.push(Block {
            text: start..end,
            marks: if k > next { first..last } else { first..first },
        });
        next = k;
        start = end;
    }
    out
}

/// The index of the block holding mark `index`, if any.
pub fn block_of_mark(blocks: &[Block], index: usize) -> Option<usize> {
    let i = blocks.partition_point(|b| b.marks.end <= index);
    blocks.get(i).filter(|b| b.marks.contains(&index)).map(|_| i)
}

#[cfg(test)]
mod tests {
    use super::*;
    use pactlens_engine::{Label, Source, Span};

    fn mark(start: usize, end: usize) -> Mark {
        Mark {
            span: Span { start, end },
            label: Label::Company,
            source: Source::Lexicon,
            canonical: String::new(),
            owner: None,
            kind: None,
        }
    }

    fn covers_exactly(text: &str, blocks: &[Block]) {
        let mut at = 0;
        for b in blocks {
            assert_eq!(b.text.start, at, "blocks are contiguous");
            assert!(b.text.end > b.text.start, "no empty block");
            assert!(text.is_char_boundary(b.text.end));
            at = b.text.end;
        }
        assert_eq!(at, text.len(), "blocks cover the text");
    }

    #[test]
    fn a_short_text_is_one_block_with_all_its_marks() {
        let text = "Acme signed a deal with Globex.";
        let b = blocks(text, &[mark(0, 4), mark(24, 30)]);
        assert_eq!(
            b,
            vec![Block {
                text: 0..text.len(),
                marks: 0..2
            }]
        );
    }

    #[test]
    fn long_texts_break_after_paragraphs() {
        let para = format!("{}\n\n", "word ".repeat(100)); // 502 bytes
        let text = para.repeat(20);
        let b = blocks(&text, &[]);
        covers_exactly(&text, &b);
        assert!(b.len() > 2);
        for block in &b[..b.len() - 1] {
            assert!(
                text[block.text.clone()].ends_with("\n\n"),
                "a block ends after its paragraph break"
            );
            assert!(block.text.len() >= TARGET);
        }
    }

    #[test]
    fn a_mark_across_the_cut_moves_the_cut() {
        // No line break: the cut would fall right after the space at TARGET.
        let text = "x".repeat(TARGET) + " Acme Corp and more words";
        let over = mark(TARGET - 3, TARGET + 5);
        let b = blocks(&text, &[over]);
        covers_exactly(&text, &b);
        assert_eq!(b[0].text.end, TARGET + 5, "the cut moves to the end of the mark");
        assert_eq!(b[0].marks, 0..1);
        let after = mark(TARGET + 1, TARGET + 10);
        let b = blocks(&text, &[after]);
        assert_eq!(b[0].text.end, TARGET + 1);
        assert_eq!((b[0].marks.clone(), b[1].marks.clone()), (0..0, 0..1));
    }

    #[test]
    fn text_without_spaces_is_cut_on_a_character_boundary() {
        let text = "漢字".repeat(MAX); // multi-byte, no spaces or breaks
        let b = blocks(&text, &[]);
        covers_exactly(&text, &b);
        assert!(b.iter().all(|x| x.text.len() <= MAX + 3));
    }

    #[test]
    fn stale_and_overlapping_marks_are_left_out() {
        let text = "Acme and Globex";
        let marks = [mark(0, 4), mark(2, 6), mark(9, 15), mark(10, 99)];
        let b = blocks(text, &marks);
        assert_eq!(b.len(), 1);
        assert_eq!(b[0].marks, 0..3, "from the first to the last usable mark");
        assert!(!usable(text, &marks[1], 4));
        assert!(!usable(text, &marks[3], 15));
    }

    #[test]
    fn finds_the_block_of_a_mark() {
        let para = format!("Acme {}\n", "word ".repeat(500));
        let text = para.repeat(3);
        let marks: Vec<Mark> = (0..3).map(|i| mark(i * para.len(), i * para.len() + 4)).collect();
        let b = blocks(&text, &marks);
        assert_eq!(b.len(), 3);
        assert_eq!(block_of_mark(&b, 0), Some(0));
        assert_eq!(block_of_mark(&b, 2), Some(2));
        assert_eq!(block_of_mark(&b, 3), None);
    }
}
