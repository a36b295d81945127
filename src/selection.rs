//! The reader's text selection inside the article, as code points of the
//! article text, snapped to whole words by the engine.
//!
//! The article's text content is exactly the text (marks add their letters
//! with CSS, not text nodes), so the length of a DOM range from the article's
//! start to the selection is the selection's UTF-16 offset.

use pactlens_engine::edits::snap_to_words;
use pactlens_engine::offsets::{OffsetMap, Unit};

/// The selected range of `text` in code points, if the selection lies in
/// the article and covers something word-like.
pub fn article_selection(text: &str) -> Option<(usize, usize)> {
    let document = gloo::utils::document();
    let article = document.get_element_by_id("article")?;
    let selection = gloo::utils::window().get_selection().ok()??;
    if selection.is_collapsed() || selection.range_count() == 0 {
        return None;
    }
    let range = selection.get_range_at(0).ok()?;
    let (start_node, end_node) = (range.start_container().ok()?, range.end_container().ok()?);
    if !article.contains(Some(&start_node)) || !article.contains(Some(&end_node)) {
        return None;
    }
    let before = document.create_range().ok()?;
    before.select_node_contents(&article).ok()?;
    before.set_end(&start_node, range.start_offset().ok()?).ok()?;
    let start16 = before.to_string().length() as usize;
    let end16 = start16 + range.to_string().length() as usize;
    let map = OffsetMap::new(text);
    let (start, end) = (map.to_byte(start16, Unit::Utf16)?, map.to_byte(end16, Unit::Utf16)?);
    let span = snap_to_words(text, start, end)?;
    Some((
        map.from_byte(span.start, Unit::CodePoint),
        map.from_byte(span.end, Unit::CodePoint),
    ))
}
