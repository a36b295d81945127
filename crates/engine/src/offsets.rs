//! The one module that converts byte offsets to the units the outside uses.
//!
//! * Code points: every export and the evaluation format (ANNOTATION.md).
//! * UTF-16 code units: the DOM (selection ranges, JavaScript string indexes).
//!
//! An [`OffsetMap`] is built once per text in O(n) and then answers each
//! conversion with a binary search over the non-ASCII characters only, so a
//! pure-ASCII article costs one pass and no extra memory per character.

/// Converts byte offsets of one text into code-point and UTF-16 offsets, and back.
#[derive(Debug, Clone)]
pub struct OffsetMap {
    /// For each non-ASCII character: (byte offset, code points before it,
    /// UTF-16 units before it, its UTF-8 length, its UTF-16 length).
    wide: Vec<Wide>,
    len_bytes: usize,
    len_chars: usize,
    len_utf16: usize,
}

#[derive(Debug, Clone, Copy)]
struct Wide {
    byte: usize,
    chars_before: usize,
    utf16_before: usize,
    utf8_len: u8,
    utf16_len: u8,
}

/// A unit that offsets are counted in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// UTF-8 bytes (the engine's own unit).
    Byte,
    /// Unicode scalar values (Python's `str` indexes).
    CodePoint,
    /// UTF-16 code units (JavaScript's string indexes).
    Utf16,
}

impl OffsetMap {
    /// Indexes `text`; later conversions refer to this text only.
    pub fn new(text: &str) -> Self {
        let mut wide = Vec::new();
        let mut chars = 0usize;
        let mut utf16 = 0usize;
        for (byte, ch) in text.char_indices() {
            if !ch.is_ascii() {
                wide.push(Wide {
                    byte,
                    chars_before: chars,
                    utf16_before: utf16,
                    utf8_len: ch.len_utf8() as u8,
                    utf16_len: ch.len_utf16() as u8,
                });
            }
            chars += 1;
            utf16 += ch.len_utf16();
        }
        OffsetMap {
            wide,
            len_bytes: text.len(),
            len_chars: chars,
            len_utf16: utf16,
        }
    }

    /// Length of the text in `unit`.
    pub fn len(&self, unit: Unit) -> usize {
        match unit {
            Unit::Byte => self.len_bytes,
            Unit::CodePoint => self.len_chars,
            Unit::Utf16 => self.len_utf16,
        }
    }

    /// True for the empty text.
    pub fn is_empty(&self) -> bool {
        self.len_bytes == 0
    }

    /// Converts a byte offset on a character boundary to `unit`.
    pub fn from_byte(&self, byte: usize, unit: Unit) -> usize {
        // Number of wide characters that start before `byte`.
        let i = self.wide.partition_point(|w| w.byte < byte);
        let (chars, utf16) = match i.checked_sub(1).map(|k| self.wide[k]) {
            None => (byte, byte),
            Some(w) => {
                let after = w.byte + w.utf8_len as usize;
                let ascii_run = byte - after;
                (
                    w.chars_before + 1 + ascii_run,
                    w.utf16_before + w.utf16_len as usize + ascii_run,
                )
            }
        };
        match unit {
            Unit::Byte => byte,
            Unit::CodePoint => chars,
            Unit::Utf16 => utf16,
        }
    }

    /// Converts an offset counted in `unit` back to a byte offset.
    ///
    /// Returns `None` when the offset is past the end or falls inside a
    /// character (for UTF-16: between the two halves of a surrogate pair).
    pub fn to_byte(&self, offset: usize, unit: Unit) -> Option<usize> {
        if offset > self.len(unit) {
            return None;
        }
        let before = |w: &Wide| match unit {
            Unit::Byte => w.byte,
            Unit::CodePoint => w.chars_before,
            Unit::Utf16 => w.utf16_before,
        };
        let width = |w: &Wide| match unit {
            Unit::Byte => w.utf8_len as usize,
            Unit::CodePoint => 1,
            Unit::Utf16 => w.utf16_len as usize,
        };
        // Last wide character starting at or before `offset`.
        let i = self.wide.partition_point(|w| before(w) <= offset);
        match i.checked_sub(1).map(|k| self.wide[k]) {
            None => Some(offset),
            Some(w) => {
                let start = before(&w);
                if offset == start {
                    return Some(w.byte);
                }
                let end = start + width(&w);
                if offset < end {
                    return None;
                }
                Some(w.byte + w.utf8_len as usize + (offset - end))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_offsets_are_identical_in_all_units() {
        let map = OffsetMap::new("Microsoft and Xiaomi");
        for b in 0..=20 {
            assert_eq!(map.from_byte(b, Unit::CodePoint), b);
            assert_eq!(map.from_byte(b, Unit::Utf16), b);
            assert_eq!(map.to_byte(b, Unit::Utf16), Some(b));
        }
    }

    #[test]
    fn emoji_counts_one_code_point_and_two_utf16_units() {
        let text = "a😀b";
        let map = OffsetMap::new(text);
        assert_eq!(map.from_byte(5, Unit::CodePoint), 2);
        assert_eq!(map.from_byte(5, Unit::Utf16), 3);
        assert_eq!(map.to_byte(2, Unit::CodePoint), Some(5));
        assert_eq!(map.to_byte(3, Unit::Utf16), Some(5));
        // Between the two surrogates of the emoji.
        assert_eq!(map.to_byte(2, Unit::Utf16), None);
        assert_eq!(map.len(Unit::Utf16), 4);
    }

    #[test]
    fn cjk_is_three_bytes_one_unit() {
        let text = "小米and";
        let map = OffsetMap::new(text);
        assert_eq!(map.from_byte(6, Unit::CodePoint), 2);
        assert_eq!(map.from_byte(6, Unit::Utf16), 2);
        assert_eq!(map.to_byte(1, Unit::CodePoint), Some(3));
        assert_eq!(map.to_byte(4, Unit::CodePoint), Some(8));
    }

    #[test]
    fn past_the_end_is_rejected() {
        let map = OffsetMap::new("ab");
        assert_eq!(map.to_byte(3, Unit::CodePoint), None);
        assert_eq!(map.to_byte(2, Unit::CodePoint), Some(2));
    }
}
