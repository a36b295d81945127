//! Throughput of `annotate` on the sample article (about 600 words) and on
//! 1 MB of news text made by repeating it, and the time to read the largest
//! lexicon file (part of the first call's cost).
//!
//! Run: `cargo bench -p pactlens-engine`. Figures go in the notes; no test
//! asserts a time.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::hint::black_box;

const SAMPLE: &str = include_str!("../../../static/sample.txt");

fn one_megabyte() -> String {
    let mut text = String::with_capacity(1 << 20);
    while text.len() < 1 << 20 {
        text.push_str(SAMPLE);
        text.push_str("\n\n");
    }
    text
}

fn bench(c: &mut Criterion) {
    // Build the lexicon and automaton once, outside the timings.
    black_box(pactlens_engine::annotate("warm up"));
    let mut group = c.benchmark_group("annotate");
    group.throughput(Throughput::Bytes(SAMPLE.len() as u64));
    group.bench_function("sample article", |b| {
        b.iter(|| pactlens_engine::annotate(black_box(SAMPLE)))
    });
    let big = one_megabyte();
    group.throughput(Throughput::Bytes(big.len() as u64));
    group.sample_size(10);
    group.bench_function("1 MB", |b| b.iter(|| pactlens_engine::annotate(black_box(&big))));
    group.finish();

    let mut lexicon = c.benchmark_group("lexicon");
    const DBPEDIA: &str = include_str!("../data/lexicon-dbpedia.tsv");
    lexicon.throughput(Throughput::Bytes(DBPEDIA.len() as u64));
    lexicon.bench_function("parse lexicon-dbpedia.tsv", |b| {
        b.iter(|| pactlens_engine::lexicon::Lexicon::parse(black_box(DBPEDIA)).map(|l| l.entries().len()))
    });
    lexicon.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
