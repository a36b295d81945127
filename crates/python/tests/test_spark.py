"""The Spark job (examples/spark/annotate_archive.py) with spark-submit in
local[2], checked row by row against `pactlens annotate --jsonl`."""

from __future__ import annotations

import json
import os
import pathlib
import subprocess
import sys
from typing import Dict, List

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from conftest import REPO, cli_lines, read_jsonl, shared_dir

JOB = REPO / "examples" / "spark" / "annotate_archive.py"
DOCS = 2500


def spark_submit(*args: str) -> subprocess.CompletedProcess:
    import pyspark

    submit = pathlib.Path(pyspark.__file__).parent / "bin" / "spark-submit"
    env = dict(os.environ, PYSPARK_PYTHON=sys.executable, PYSPARK_DRIVER_PYTHON=sys.executable)
    run = subprocess.run(
        [
            str(submit),
            "--master",
            "local[2]",
            "--conf",
            "spark.ui.enabled=false",
            "--conf",
            "spark.sql.shuffle.partitions=4",
            "--driver-java-options",
            "-Dlog4j.rootLogger=WARN",
            str(JOB),
            *args,
        ],
        capture_output=True,
        text=True,
        env=env,
    )
    if run.returncode != 0:
        pytest.fail(f"spark-submit failed ({run.returncode}):\n{run.stdout}\n{run.stderr[-5000:]}")
    return run


def archive() -> List[dict]:
    """About DOCS documents: the dev articles, Wikinews, and lines of every
    NER corpus's dev split (news, tweets, code, other scripts)."""
    docs = read_jsonl(shared_dir() / "data" / "dev" / "dev.jsonl")
    docs += read_jsonl(shared_dir() / "data" / "wikinews" / "dev.jsonl")
    corpora = [read_jsonl(p) for p in sorted((shared_dir() / "data" / "ner").glob("*/dev.jsonl"))]
    i = 0
    while len(docs) < DOCS:
        for corpus in corpora:
            if i < len(corpus) and len(docs) < DOCS:
                docs.append(corpus[i])
        i += 1
    return [{"id": d["id"], "text": d["text"]} for d in docs]


def as_cli_line(row: dict) -> str:
    """A Parquet row back in the CLI's JSON: the same keys, order and
    omissions (no `agreements` when empty, no `date` when null)."""
    record = {"id": row["id"], "text": row["text"], "entities": row["entities"]}
    agreements = []
    for a in row["agreements"]:
        a = dict(a)
        if a["date"] is None:
            del a["date"]
        agreements.append(a)
    if agreements:
        record["agreements"] = agreements
    return json.dumps(record, ensure_ascii=False, separators=(",", ":"))


def write_jsonl(path: pathlib.Path, docs: List[dict]) -> None:
    with open(path, "w", encoding="utf-8") as f:
        for d in docs:
            f.write(json.dumps(d, ensure_ascii=False) + "\n")


def test_jsonl_archive_matches_the_cli(tmp_path):
    docs = archive()
    assert len(docs) == DOCS
    write_jsonl(tmp_path / "cli-input.jsonl", docs)
    expected: Dict[str, str] = cli_lines(tmp_path / "cli-input.jsonl")
    assert len(expected) == len(docs)
    # The job's input also has rows the CLI would refuse: no text, a null
    # text, a numeric id.
    write_jsonl(
        tmp_path / "archive.jsonl",
        docs + [{"id": "no-text"}, {"id": "null-text", "text": None}, {"id": 12345, "text": "Apple bought Beats."}],
    )
    out = tmp_path / "annotated"
    run = spark_submit(str(tmp_path / "archive.jsonl"), str(out), "--partitions", "4", "--keep-text")

    rows = pq.read_table(out).to_pylist()
    assert len(rows) == len(docs) + 3
    by_id = {r["id"]: r for r in rows}
    assert by_id["no-text"]["error"] == "no text" and by_id["no-text"]["entities"] is None
    assert by_id["null-text"]["error"] == "no text"
    assert [e["text"] for e in by_id["12345"]["entities"]] == ["Apple", "Beats"]
    mismatched = [d["id"] for d in docs if as_cli_line(by_id[d["id"]]) != expected[d["id"]]]
    assert not mismatched, f"{len(mismatched)} rows differ from the CLI, e.g. {mismatched[:5]}"
    assert all(by_id[d["id"]]["error"] is None for d in docs)
    assert sum(1 for d in docs if by_id[d["id"]]["agreements"]) > 10

    # The per-partition throughput table, one line per partition.
    table = run.stdout.splitlines()
    header = table.index("partition  documents         MB   seconds    docs/s      MB/s")
    partitions = table[header + 1 : header + 5]
    assert [int(line.split()[0]) for line in partitions] == [0, 1, 2, 3]
    assert sum(int(line.split()[1]) for line in partitions) == len(docs) + 3
    assert table[header + 5].startswith(f"total: {len(docs) + 3} documents")


def test_parquet_input_schema_and_a_dictionary(tmp_path):
    docs = read_jsonl(shared_dir() / "data" / "dev" / "dev.jsonl")
    source = tmp_path / "archive.parquet"
    pq.write_table(
        pa.table({"id": [d["id"] for d in docs], "text": [d["text"] for d in docs], "extra": [1] * len(docs)}),
        source,
    )
    dictionary = tmp_path / "dictionary.json"
    dictionary.write_text(json.dumps({"always": [], "never": ["Google"]}), encoding="utf-8")
    out = tmp_path / "annotated"
    spark_submit(str(source), str(out), "--dictionary", str(dictionary))

    table = pq.read_table(out)
    assert table.schema.names == ["id", "entities", "agreements", "error"]
    assert table.schema.field("entities").type == pa.list_(
        pa.struct([("start", pa.int64()), ("end", pa.int64()), ("label", pa.string()), ("text", pa.string())])
    )
    rows = {r["id"]: r for r in table.to_pylist()}
    assert set(rows) == {d["id"] for d in docs}

    import pactlens

    annotator = pactlens.Annotator(dictionary)
    for d in docs:
        record = annotator.annotate(d["text"], id=d["id"])
        assert rows[d["id"]]["entities"] == record["entities"]
        assert "Google" not in [e["text"] for e in rows[d["id"]]["entities"]]
