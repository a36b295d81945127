"""Annotates a news archive with pactlens on a Spark cluster.

    spark-submit examples/spark/annotate_archive.py INPUT OUTPUT [options]

INPUT is JSON Lines or Parquet of ``{id, text}`` rows (a file, a directory
or a glob; ``.parquet`` names, or ``--format``, choose Parquet). OUTPUT is a
Parquet directory with one row per input row:

    id          string
    text        string                 (only with --keep-text)
    entities    array<struct<start: bigint, end: bigint, label: string, text: string>>
    agreements  array<struct<parties: array<string>, kind: string,
                             mentions: array<bigint>, date: string>>
    error       string                 (null, or why the row has no annotation)

Each row holds exactly what ``pactlens annotate --jsonl`` prints for the
document (offsets in code points; ``agreements`` is empty, not absent, when
there are none, and ``date`` null when none was written). A row without a
text gets null entities and an ``error``; so does a document the engine
fails on (a bug: report it), and the job goes on.

The rows are annotated with ``mapInArrow``: each Python worker keeps one
:class:`pactlens.Annotator` (``pactlens.shared_annotator``) for all its
tasks, and annotates a whole Arrow batch per call with the GIL released.
After the write the driver prints each partition's throughput (documents
and MB per second of annotation, measured in the worker) and the totals.

The executors need the ``pactlens`` wheel installed (the README's "Python
and Spark" section says how to ship it). The job sets no master, so it runs
unchanged on a cluster or with ``--master 'local[2]'``.
"""

from __future__ import annotations

import argparse
import sys
import time
from typing import Any, Dict, Iterator, List, Optional

import pyarrow as pa
import pyarrow.compute as pc
from pyspark.accumulators import AccumulatorParam
from pyspark.sql import SparkSession
from pyspark.sql import functions as F

ENTITY = pa.struct(
    [("start", pa.int64()), ("end", pa.int64()), ("label", pa.string()), ("text", pa.string())]
)
AGREEMENT = pa.struct(
    [
        ("parties", pa.list_(pa.string())),
        ("kind", pa.string()),
        ("mentions", pa.list_(pa.int64())),
        ("date", pa.string()),
    ]
)
ENTITIES_DDL = "array<struct<start: bigint, end: bigint, label: string, text: string>>"
AGREEMENTS_DDL = "array<struct<parties: array<string>, kind: string, mentions: array<bigint>, date: string>>"


class PartitionStats(AccumulatorParam):
    """Collects one ``{partition, documents, bytes, seconds}`` dict per
    finished partition (a retried task's last report wins)."""

    def zero(self, value: List[Dict[str, Any]]) -> List[Dict[str, Any]]:
        return []

    def addInPlace(self, a: List[Dict[str, Any]], b: List[Dict[str, Any]]) -> List[Dict[str, Any]]:
        a.extend(b)
        return a


def output_schema(keep_text: bool) -> pa.Schema:
    """The Arrow schema of the annotated rows."""
    fields = [("id", pa.string())]
    if keep_text:
        fields.append(("text", pa.string()))
    fields += [
        ("entities", pa.list_(ENTITY)),
        ("agreements", pa.list_(AGREEMENT)),
        ("error", pa.string()),
    ]
    return pa.schema(fields)


def spark_schema(keep_text: bool) -> str:
    """The same schema as Spark DDL, for ``mapInArrow``."""
    cols = ["id string"]
    if keep_text:
        cols.append("text string")
    cols += [f"entities {ENTITIES_DDL}", f"agreements {AGREEMENTS_DDL}", "error string"]
    return ", ".join(cols)


def annotate_batch(annotator: Any, batch: pa.RecordBatch, threads: int, keep_text: bool) -> pa.RecordBatch:
    """Annotates one Arrow batch of ``{id, text}`` rows."""
    from pactlens import AnnotationError

    ids = batch.column("id").to_pylist()
    texts = batch.column("text").to_pylist()
    present = [i for i, t in enumerate(texts) if t is not None]
    results: List[Optional[Dict[str, Any]]] = [None] * len(texts)
    errors: List[Optional[str]] = [None if t is not None else "no text" for t in texts]
    wanted = [texts[i] for i in present]
    try:
        for i, doc in zip(present, annotator.annotate_many(wanted, threads)):
            results[i] = doc
    except AnnotationError:
        # One document broke the engine: annotate the batch one by one, so
        # that only that row carries the error.
        for i in present:
            try:
                results[i] = annotator.annotate(texts[i])
            except AnnotationError as e:
                errors[i] = str(e)
    entities = [None if r is None else r["entities"] for r in results]
    agreements = [
        None
        if r is None
        else [
            {"parties": a["parties"], "kind": a["kind"], "mentions": a["mentions"], "date": a.get("date")}
            for a in r.get("agreements", [])
        ]
        for r in results
    ]
    columns = [pa.array(ids, pa.string())]
    if keep_text:
        columns.append(batch.column("text"))
    columns += [
        pa.array(entities, pa.list_(ENTITY)),
        pa.array(agreements, pa.list_(AGREEMENT)),
        pa.array(errors, pa.string()),
    ]
    return pa.RecordBatch.from_arrays(columns, schema=output_schema(keep_text))


def make_annotate_partition(dictionary: Any, stats: Any, threads: int, keep_text: bool):
    """The function ``mapInArrow`` runs on every partition."""

    def annotate_partition(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        import pactlens
        from pyspark import TaskContext

        annotator = pactlens.shared_annotator(None if dictionary is None else dictionary.value)
        annotator.annotate("Warm-up: Microsoft.")  # loads the lexicon once per worker, untimed
        documents = 0
        size = 0
        seconds = 0.0
        for batch in batches:
            t0 = time.perf_counter()
            out = annotate_batch(annotator, batch, threads, keep_text)
            seconds += time.perf_counter() - t0
            documents += batch.num_rows
            size += pc.sum(pc.binary_length(batch.column("text"))).as_py() or 0
            yield out
        context = TaskContext.get()
        stats.add(
            [
                {
                    "partition": context.partitionId() if context else -1,
                    "documents": documents,
                    "bytes": size,
                    "seconds": seconds,
                }
            ]
        )

    return annotate_partition


def read_input(spark: SparkSession, path: str, fmt: str):
    """``{id, text}`` rows from JSON Lines or Parquet; a numeric id becomes
    its decimal text, as in the CLI."""
    if fmt == "auto":
        fmt = "parquet" if path.rstrip("/").endswith(".parquet") else "jsonl"
    if fmt == "parquet":
        df = spark.read.parquet(path)
        return df.select(F.col("id").cast("string").alias("id"), F.col("text").cast("string").alias("text"))
    return spark.read.schema("id string, text string").json(path)


def print_stats(stats: List[Dict[str, Any]], wall: float, out=sys.stdout) -> None:
    """The per-partition throughput table and the totals."""
    by_partition: Dict[int, Dict[str, Any]] = {}
    for s in stats:
        by_partition[s["partition"]] = s
    rows = [by_partition[p] for p in sorted(by_partition)]
    print("partition  documents         MB   seconds    docs/s      MB/s", file=out)
    for s in rows:
        secs = max(s["seconds"], 1e-9)
        print(
            f"{s['partition']:>9}  {s['documents']:>9}  {s['bytes'] / 1e6:>9.2f}  {s['seconds']:>8.2f}"
            f"  {s['documents'] / secs:>8.0f}  {s['bytes'] / 1e6 / secs:>8.2f}",
            file=out,
        )
    docs = sum(s["documents"] for s in rows)
    size = sum(s["bytes"] for s in rows)
    busy = sum(s["seconds"] for s in rows)
    print(
        f"total: {docs} documents, {size / 1e6:.2f} MB in {len(rows)} partitions; "
        f"annotation {busy:.2f} s of worker time; job {wall:.2f} s wall, "
        f"{docs / max(wall, 1e-9):.0f} docs/s, {size / 1e6 / max(wall, 1e-9):.2f} MB/s",
        file=out,
    )


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(description="Annotate {id, text} rows with pactlens into Parquet.")
    parser.add_argument("input", help="JSON Lines or Parquet of {id, text}")
    parser.add_argument("output", help="the Parquet directory to write")
    parser.add_argument("--format", choices=["auto", "jsonl", "parquet"], default="auto", help="input format")
    parser.add_argument("--dictionary", help="a reader's dictionary (JSON file, read on the driver)")
    parser.add_argument("--partitions", type=int, help="repartition the input into this many partitions first")
    parser.add_argument(
        "--threads", type=int, default=1, help="engine threads per task (default 1: Spark runs a task per core)"
    )
    parser.add_argument("--keep-text", action="store_true", help="copy the text into the output")
    parser.add_argument("--overwrite", action="store_true", help="replace OUTPUT if it exists")
    args = parser.parse_args(argv)

    spark = SparkSession.builder.appName("pactlens-annotate-archive").getOrCreate()
    sc = spark.sparkContext
    dictionary = None
    if args.dictionary:
        with open(args.dictionary, encoding="utf-8") as f:
            text = f.read()
        import pactlens

        pactlens.Annotator(text)  # refuse a bad dictionary here, not in every task
        dictionary = sc.broadcast(text)
    stats = sc.accumulator([], PartitionStats())

    t0 = time.perf_counter()
    rows = read_input(spark, args.input, args.format)
    if args.partitions:
        rows = rows.repartition(args.partitions)
    annotated = rows.mapInArrow(
        make_annotate_partition(dictionary, stats, args.threads, args.keep_text), spark_schema(args.keep_text)
    )
    annotated.write.mode("overwrite" if args.overwrite else "errorifexists").parquet(args.output)
    wall = time.perf_counter() - t0
    print_stats(stats.value, wall)
    spark.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
