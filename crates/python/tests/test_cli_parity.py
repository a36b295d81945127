"""pactlens for Python gives exactly what `pactlens annotate --jsonl` prints."""

from __future__ import annotations

import json

import pactlens
from conftest import cli_lines, read_jsonl, shared_dir


def _as_cli_json(doc) -> str:
    return json.dumps(doc, ensure_ascii=False, separators=(",", ":"))


def test_dev_articles_byte_for_byte(dev_articles, dev_cli_lines):
    assert len(dev_cli_lines) == len(dev_articles) > 0
    for d in dev_articles:
        expected = dev_cli_lines[d["id"]]
        assert pactlens.annotate_json(d["text"], id=d["id"]) == expected, d["id"]
        # The dict is the same record: same keys, order, omissions.
        assert _as_cli_json(pactlens.annotate(d["text"], id=d["id"])) == expected, d["id"]


def test_dev_articles_in_one_batch(dev_articles, dev_cli_lines):
    texts = [d["text"] for d in dev_articles]
    ids = [d["id"] for d in dev_articles]
    assert pactlens.annotate_many_json(texts, ids=ids) == [dev_cli_lines[i] for i in ids]
    assert [_as_cli_json(r) for r in pactlens.annotate_many(texts, ids=ids)] == [dev_cli_lines[i] for i in ids]


def test_wikinews_and_ner_samples(tmp_path):
    """More texts than the dev articles: Wikinews, and the first lines of
    each NER corpus's dev split (other scripts, tweets, code)."""
    docs = read_jsonl(shared_dir() / "data" / "wikinews" / "dev.jsonl")
    for corpus in sorted((shared_dir() / "data" / "ner").glob("*/dev.jsonl")):
        docs += read_jsonl(corpus)[:40]
    path = tmp_path / "mixed.jsonl"
    with open(path, "w", encoding="utf-8") as f:
        for d in docs:
            f.write(json.dumps({"id": d["id"], "text": d["text"]}, ensure_ascii=False) + "\n")
    expected = cli_lines(path)
    got = pactlens.annotate_many_json([d["text"] for d in docs], ids=[d["id"] for d in docs])
    assert len(got) == len(expected) == len(docs)
    for d, line in zip(docs, got):
        assert line == expected[d["id"]], d["id"]
