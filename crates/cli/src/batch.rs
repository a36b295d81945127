//! Streaming, parallel annotation of JSON Lines.
//!
//! A reader thread cuts the input into bounded [`Batch`]es (at most
//! [`Limits::lines`] lines, or about [`Limits::bytes`] bytes) and hands them
//! over a channel that holds one batch. The calling thread annotates each
//! batch across cores with rayon, then writes its results in input order
//! before taking the next one. So at most three batches are alive at once
//! (one being read, one waiting, one being annotated and written), and memory
//! stays flat however large the input is: only a single line longer than the
//! byte limit makes a batch grow past it.
//!
//! A line that cannot be annotated is handed to the caller with its 1-based
//! number and skipped; reading and writing errors stop the run.

use std::io::{self, BufRead, Write};
use std::ops::Range;
use std::sync::mpsc;
use std::thread;

use pactlens_engine::tagger::Tagger;
use rayon::prelude::*;

use crate::jsonl::{self, LineError};
use crate::progress::Progress;

/// How large one batch may grow.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// At most this many lines per batch.
    pub lines: usize,
    /// A batch is closed once its lines hold at least this many bytes.
    pub bytes: usize,
}

impl Default for Limits {
    /// 4096 lines or 8 MiB, whichever comes first: enough work per batch to
    /// keep every core busy, little enough to keep memory small.
    fn default() -> Self {
        Limits {
            lines: 4096,
            bytes: 8 << 20,
        }
    }
}

/// Why a run stopped before the end of the input.
#[derive(Debug, thiserror::Error)]
pub enum StreamError {
    /// The input could not be read.
    #[error("cannot read the input: {0}")]
    Read(#[source] io::Error),
    /// The output could not be written.
    #[error("cannot write output: {0}")]
    Write(#[source] io::Error),
}

/// What a finished run did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Summary {
    /// Lines read, blank and bad ones included.
    pub lines: usize,
    /// Documents written.
    pub documents: usize,
    /// Lines that could not be annotated.
    pub bad: usize,
}

/// Consecutive input lines, stored back to back in one buffer.
#[derive(Debug)]
struct Batch {
    /// The number of the first line (1-based).
    first_line: usize,
    /// The lines' bytes, without their newlines.
    data: Vec<u8>,
    /// Where each line lies in `data`.
    lines: Vec<Range<usize>>,
    /// Bytes taken from the input, newlines included.
    bytes_read: u64,
}

impl Batch {
    /// Reads the next batch; `None` at the end of the input.
    fn read(input: &mut impl BufRead, first_line: usize, limits: Limits) -> io::Result<Option<Batch>> {
        let mut batch = Batch {
            first_line,
            data: Vec::new(),
            lines: Vec::new(),
            bytes_read: 0,
        };
        while batch.lines.len() < limits.lines.max(1) && batch.data.len() < limits.bytes {
            let start = batch.data.len();
            let n = input.read_until(b'\n', &mut batch.data)?;
            if n == 0 {
                break;
            }
            batch.bytes_read += n as u64;
            if batch.data.last() == Some(&b'\n') {
                batch.data.pop();
            }
            batch.lines.push(start..batch.data.len());
        }
        Ok((!batch.lines.is_empty()).then_some(batch))
    }

    /// Annotates every line across cores; the results are in line order.
    fn annotate(&self, tagger: &Tagger) -> Vec<Result<Option<Vec<u8>>, LineError>> {
        self.lines
            .par_iter()
            .map(|range| jsonl::annotate_line_to_json(&self.data[range.clone()], tagger))
            .collect()
    }
}

/// Starts the reader thread; its batches arrive in input order, and an error
/// ends them. The thread stops by itself when the receiver is dropped.
fn spawn_reader<R>(mut input: R, limits: Limits) -> mpsc::Receiver<io::Result<Batch>>
where
    R: BufRead + Send + 'static,
{
    let (sender, receiver) = mpsc::sync_channel(1);
    thread::spawn(move || {
        let mut next_line = 1;
        loop {
            let message = match Batch::read(&mut input, next_line, limits) {
                Ok(None) => return,
                Ok(Some(batch)) => {
                    next_line += batch.lines.len();
                    Ok(batch)
                }
                Err(e) => Err(e),
            };
            let failed = message.is_err();
            if sender.send(message).is_err() || failed {
                return;
            }
        }
    });
    receiver
}

/// Annotates every `{"id", "text"}` line of `input` and writes one
/// evaluation-format line per document to `output`, in input order. Blank
/// lines are skipped; a bad line goes to `on_bad_line` with its number and
/// is skipped too.
pub fn annotate_stream<R, W>(
    input: R,
    output: W,
    tagger: &Tagger,
    limits: Limits,
    progress: &Progress,
    on_bad_line: impl FnMut(usize, &LineError),
) -> Result<Summary, StreamError>
where
    R: BufRead + Send + 'static,
    W: Write,
{
    let result = run(input, output, tagger, limits, progress, on_bad_line);
    // Cleared on errors too, so that the error message stands alone.
    progress.finish();
    result
}

/// [`annotate_stream`] without the clearing of the bar.
fn run<R, W>(
    input: R,
    output: W,
    tagger: &Tagger,
    limits: Limits,
    progress: &Progress,
    mut on_bad_line: impl FnMut(usize, &LineError),
) -> Result<Summary, StreamError>
where
    R: BufRead + Send + 'static,
    W: Write,
{
    let mut output = io::BufWriter::with_capacity(1 << 20, output);
    let mut summary = Summary::default();
    for batch in spawn_reader(input, limits) {
        let batch = batch.map_err(StreamError::Read)?;
        for (i, result) in batch.annotate(tagger).into_iter().enumerate() {
            match result {
                Ok(None) => {}
                Ok(Some(json)) => {
                    output.write_all(&json).map_err(StreamError::Write)?;
                    output.write_all(b"\n").map_err(StreamError::Write)?;
                    summary.documents += 1;
                }
                Err(e) => {
                    summary.bad += 1;
                    progress.suspend(|| on_bad_line(batch.first_line + i, &e));
                }
            }
        }
        // Whole batches reach the reader downstream without delay.
        output.flush().map_err(StreamError::Write)?;
        summary.lines += batch.lines.len();
        progress.advance(batch.lines.len(), batch.bytes_read);
    }
    Ok(summary)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Cursor;

    /// Runs `input` through the stream with tiny batches; gives the output,
    /// the bad lines' numbers and the summary.
    fn stream(input: &[u8], limits: Limits) -> (String, Vec<usize>, Summary) {
        let mut out = Vec::new();
        let mut bad = Vec::new();
        let summary = annotate_stream(
            Cursor::new(input.to_vec()),
            &mut out,
            Tagger::builtin(),
            limits,
            &Progress::hidden(),
            |n, _| bad.push(n),
        )
        .expect("in-memory streams do not fail");
        (String::from_utf8(out).expect("the output is UTF-8"), bad, summary)
    }

    fn ids(output: &str) -> Vec<String> {
        output
            .lines()
            .map(|l| {
                serde_json::from_str::<serde_json::Value>(l).expect("each line is JSON")["id"]
                    .as_str()
                    .unwrap_or_default()
                    .to_string()
            })
            .collect()
    }

    #[test]
    fn batches_split_on_lines_and_bytes_and_keep_line_numbers() {
        let input = b"one\ntwo\r\n\nfour";
        let mut reader = Cursor::new(&input[..]);
        let limits = Limits {
            lines: 2,
            bytes: 1 << 20,
        };
        let first = Batch::read(&mut reader, 1, limits).unwrap().unwrap();
        assert_eq!(first.lines.len(), 2);
        assert_eq!(&first.data[first.lines[1].clone()], b"two\r");
        assert_eq!(first.bytes_read, 9);
        let second = Batch::read(&mut reader, 3, limits).unwrap().unwrap();
        assert_eq!(second.lines, [0..0, 0..4], "a blank line, then one without a newline");
        assert!(Batch::read(&mut reader, 5, limits).unwrap().is_none());

        let mut reader = Cursor::new(&input[..]);
        let by_bytes = Batch::read(&mut reader, 1, Limits { lines: 100, bytes: 1 })
            .unwrap()
            .unwrap();
        assert_eq!(by_bytes.lines.len(), 1, "a batch holds at least one line");
    }

    #[test]
    fn order_and_bad_line_numbers_survive_small_batches() {
        let mut input = String::new();
        for i in 0..50 {
            match i {
                7 => input.push_str("not json\n"),
                20 => input.push('\n'),
                _ => input.push_str(&format!(
                    "{{\"id\":{i},\"text\":\"Microsoft met Xiaomi, number {i}.\"}}\n"
                )),
            }
        }
        for limits in [
            Limits {
                lines: 3,
                bytes: 1 << 20,
            },
            Limits { lines: 1000, bytes: 64 },
        ] {
            let (output, bad, summary) = stream(input.as_bytes(), limits);
            let expected: Vec<String> = (0..50)
                .filter(|i| ![7, 20].contains(i))
                .map(|i| i.to_string())
                .collect();
            assert_eq!(ids(&output), expected);
            assert_eq!(bad, [8], "line numbers are 1-based");
            assert_eq!(
                summary,
                Summary {
                    lines: 50,
                    documents: 48,
                    bad: 1
                }
            );
        }
    }

    #[test]
    fn empty_input_writes_nothing() {
        let (output, bad, summary) = stream(b"", Limits::default());
        assert!(output.is_empty() && bad.is_empty());
        assert_eq!(summary, Summary::default());
    }
}
