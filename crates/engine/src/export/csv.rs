//! CSV, written with the `csv` crate (RFC 4180 quoting).
//!
//! * [`marks_csv`]: one row per mark: `start,end,label,text,canonical,owner,source`,
//!   offsets in code points (half-open).
//! * [`agreements_csv`]: one row per agreement record:
//!   `parties,kind,status,date,mentions`, parties joined with `"; "`,
//!   mentions the indexes of its marks (the row numbers of [`marks_csv`]
//!   counted from 0 after the header) joined with `"; "`.
//!
//! A text cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage
//! return gets a leading `'`, so that a spreadsheet opening the file shows
//! the text instead of running it as a formula (CSV injection).

use ::csv::{Terminator, WriterBuilder};

use super::{serde_name, DocumentJson};

/// Neutralises a cell a spreadsheet would read as a formula.
fn cell(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_string()
    }
}

fn write_rows(header: &[&str], rows: Vec<Vec<String>>) -> String {
    let mut writer = WriterBuilder::new()
        .terminator(Terminator::CRLF)
        .from_writer(Vec::new());
    // Writing to a Vec cannot fail; a row that somehow could not be written
    // is left out rather than ending the export.
    let _ = writer.write_record(header);
    for row in rows {
        let _ = writer.write_record(&row);
    }
    let bytes = writer.into_inner().unwrap_or_default();
    String::from_utf8(bytes).unwrap_or_default()
}

/// One row per mark of `doc` (see the module docs).
pub fn marks_csv(doc: &DocumentJson) -> String {
    let rows = doc
        .marks
        .iter()
        .map(|m| {
            vec![
                m.start.to_string(),
                m.end.to_string(),
                m.label.as_str().to_string(),
                cell(&m.text),
                cell(&m.canonical),
                m.owner.as_deref().map(cell).unwrap_or_default(),
                serde_name(&m.source),
            ]
        })
        .collect();
    write_rows(&["start", "end", "label", "text", "canonical", "owner", "source"], rows)
}

/// One row per agreement record of `doc` (see the module docs).
pub fn agreements_csv(doc: &DocumentJson) -> String {
    let rows = doc
        .agreements
        .iter()
        .map(|a| {
            vec![
                cell(&a.parties.join("; ")),
                serde_name(&a.kind),
                serde_name(&a.status),
                a.date.as_deref().map(cell).unwrap_or_default(),
                a.mentions.iter().map(usize::to_string).collect::<Vec<_>>().join("; "),
            ]
        })
        .collect();
    write_rows(&["parties", "kind", "status", "date", "mentions"], rows)
}
