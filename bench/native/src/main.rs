//! Times `pactlens_engine::annotate` on one input file and prints one JSON
//! line: bytes, words, repeats, median/min ms, peak RSS (VmHWM).
//!
//! Usage: pactlens-bench-native FILE [MIN_SECONDS]
//! One process per input, so VmHWM is that input's peak.

use std::hint::black_box;
use std::time::{Duration, Instant};

fn vm_kib(key: &str) -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find(|l| l.starts_with(key))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|v| v.parse().ok())
        .unwrap_or(0)
}

/// User + system CPU time of this process in ms (clock ticks of 1/100 s, Linux's USER_HZ).
fn cpu_ms() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    // Fields after the command name, which is in parentheses.
    let rest = stat.rsplit_once(')').map(|(_, r)| r).unwrap_or("");
    let f: Vec<&str> = rest.split_whitespace().collect();
    // rest starts at field 3 (state); utime is field 14, stime field 15.
    let tick = |i: usize| f.get(i).and_then(|v| v.parse::<u64>().ok()).unwrap_or(0);
    (tick(11) + tick(12)) as f64 * 10.0
}

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().expect("usage: pactlens-bench-native FILE [MIN_SECONDS]");
    let min_secs: f64 = args.next().map(|s| s.parse().expect("MIN_SECONDS")).unwrap_or(2.0);
    let text = std::fs::read_to_string(&path).expect("read input");
    let words = text.split_whitespace().count();

    // Build the lexicon and tagger once, outside the timings (cold start is
    // reported separately).
    let t0 = Instant::now();
    black_box(pactlens_engine::annotate("warm up"));
    let init_ms = t0.elapsed().as_secs_f64() * 1e3;
    let rss_after_init = vm_kib("VmRSS:");

    // First (cold-cache) run on this input, then repeats until MIN_SECONDS
    // and at least 5 runs.
    let t = Instant::now();
    let first = black_box(pactlens_engine::annotate(black_box(&text)));
    let first_ms = t.elapsed().as_secs_f64() * 1e3;
    let marks = first.marks.len();
    drop(first);

    let mut times = Vec::new();
    let cpu0 = cpu_ms();
    let start = Instant::now();
    while times.len() < 5 || start.elapsed() < Duration::from_secs_f64(min_secs) {
        let t = Instant::now();
        black_box(pactlens_engine::annotate(black_box(&text)));
        times.push(t.elapsed().as_secs_f64() * 1e3);
        if times.len() >= 10_000 {
            break;
        }
    }
    let cpu_per_run = (cpu_ms() - cpu0) / times.len() as f64;
    times.sort_by(|a, b| a.partial_cmp(b).unwrap());
    let median = times[times.len() / 2];
    println!(
        "{{\"tool\":\"pactlens\",\"env\":\"native\",\"bytes\":{},\"words\":{},\"repeats\":{},\"median_ms\":{:.4},\"min_ms\":{:.4},\"first_ms\":{:.4},\"init_ms\":{:.3},\"marks\":{},\"cpu_ms\":{:.4},\"rss_after_init_kib\":{},\"peak_kib\":{},\"peak_kind\":\"VmHWM\"}}",
        text.len(),
        words,
        times.len(),
        median,
        times[0],
        first_ms,
        init_ms,
        marks,
        cpu_per_run,
        rss_after_init,
        vm_kib("VmHWM:")
    );
}
