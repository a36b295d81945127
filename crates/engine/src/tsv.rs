//! The engine's tab-separated data files (the lexicon, the name model's
//! weights), read with the `csv` crate: no quoting, `#` comment lines and
//! blank lines skipped, each field trimmed.

use csv::{ReaderBuilder, StringRecord};

/// Calls `row` with the 1-based line number and the trimmed fields of every
/// row of `data`, stopping at the first error `row` returns.
pub(crate) fn for_each_row<E>(data: &str, mut row: impl FnMut(usize, &[&str]) -> Result<(), E>) -> Result<(), E> {
    let mut reader = ReaderBuilder::new()
        .delimiter(b'\t')
        .has_headers(false)
        .flexible(true)
        .quoting(false)
        .from_reader(data.as_bytes());
    let mut record = StringRecord::new();
    // `data` is a `&str`, so reading never fails on UTF-8; with quoting off
    // and flexible rows there is no other error to report.
    while reader.read_record(&mut record).unwrap_or(false) {
        let line = record.position().map_or(0, |p| p.line() as usize);
        let fields: Vec<&str> = record.iter().map(str::trim).collect();
        // The csv crate's own comment handling leaves comment lines out of
        // its line count, so comments are skipped here.
        if fields.iter().all(|f| f.is_empty()) || record.get(0).is_some_and(|f| f.starts_with('#')) {
            continue;
        }
        row(line, &fields)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_skip_comments_and_blank_lines_and_keep_line_numbers() {
        let data = "# head\na\t b \r\n\n  \nc\"d\t'e'\n# tail\n";
        let mut got = Vec::new();
        for_each_row(data, |line, fields| {
            got.push((line, fields.join("|")));
            Ok::<_, ()>(())
        })
        .unwrap();
        assert_eq!(got, [(2, "a|b".to_string()), (5, "c\"d|'e'".to_string())]);
    }

    #[test]
    fn the_first_error_stops_the_reading() {
        let mut seen = 0;
        let err = for_each_row("a\nb\nc\n", |line, _| {
            seen += 1;
            if line == 2 {
                Err(line)
            } else {
                Ok(())
            }
        });
        assert_eq!((err, seen), (Err(2), 2));
    }
}
