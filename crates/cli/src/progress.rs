//! A progress bar on standard error, shown only when it is a terminal.

use std::io::IsTerminal;
use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// What the bar counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Unit {
    /// Bytes read of a file of known size.
    Bytes,
    /// Lines read from a stream of unknown size (standard input, a pipe).
    Lines,
}

/// Progress through an input: bytes of its size when the size is known,
/// lines otherwise. Hidden when standard error is not a terminal.
pub struct Progress {
    bar: ProgressBar,
    unit: Unit,
}

impl Progress {
    /// A bar for an input of `size` bytes (`None` when unknown), drawn on
    /// standard error if that is a terminal.
    pub fn for_input(size: Option<u64>) -> Self {
        if !std::io::stderr().is_terminal() {
            return Progress::hidden();
        }
        let (bar, unit, template) = match size {
            Some(len) => (
                ProgressBar::new(len),
                Unit::Bytes,
                "{spinner} {bar:40} {bytes}/{total_bytes} ({binary_bytes_per_sec}, {eta} left)",
            ),
            None => (
                ProgressBar::new_spinner(),
                Unit::Lines,
                "{spinner} {human_pos} lines ({per_sec})",
            ),
        };
        let style = ProgressStyle::with_template(template).unwrap_or_else(|_| ProgressStyle::default_bar());
        bar.set_style(style);
        bar.set_draw_target(ProgressDrawTarget::stderr());
        // Counts move a batch at a time; the ticks show that work goes on
        // in between.
        bar.enable_steady_tick(Duration::from_millis(200));
        Progress { bar, unit }
    }

    /// A bar that draws nothing.
    pub fn hidden() -> Self {
        Progress {
            bar: ProgressBar::hidden(),
            unit: Unit::Lines,
        }
    }

    /// Counts `lines` more lines, `bytes` bytes long with their newlines.
    pub fn advance(&self, lines: usize, bytes: u64) {
        match self.unit {
            Unit::Bytes => self.bar.inc(bytes),
            Unit::Lines => self.bar.inc(lines as u64),
        }
    }

    /// Runs `f` (which writes to standard error) with the bar wiped, then
    /// draws it again.
    pub fn suspend<T>(&self, f: impl FnOnce() -> T) -> T {
        self.bar.suspend(f)
    }

    /// Removes the bar.
    pub fn finish(&self) {
        self.bar.finish_and_clear();
    }
}
