"""Shared fixtures: the shared data, the CLI, and documents to annotate."""

from __future__ import annotations

import json
import os
import pathlib
import subprocess
from typing import Dict, List

import pytest

REPO = pathlib.Path(__file__).resolve().parents[3]


def shared_dir() -> pathlib.Path:
    """``$PACTLENS_SHARED`` (as scripts/test.sh sets it), else ``../shared``."""
    return pathlib.Path(os.environ.get("PACTLENS_SHARED", REPO.parent / "shared"))


def cli_path() -> pathlib.Path:
    """The release CLI that scripts/test-python.sh builds (``$PACTLENS_CLI``)."""
    path = pathlib.Path(os.environ.get("PACTLENS_CLI", REPO / "target" / "release" / "pactlens"))
    if not path.is_file():
        pytest.fail(f"no pactlens CLI at {path}: run scripts/test-python.sh wheel (or set PACTLENS_CLI)")
    return path


def read_jsonl(path: pathlib.Path) -> List[dict]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def cli_lines(jsonl: pathlib.Path) -> Dict[str, str]:
    """``pactlens annotate --jsonl`` on a file: its output lines by id."""
    run = subprocess.run(
        [str(cli_path()), "annotate", "--jsonl", str(jsonl)], capture_output=True, check=True
    )
    out: Dict[str, str] = {}
    for line in run.stdout.decode("utf-8").splitlines():
        out[json.loads(line)["id"]] = line
    return out


@pytest.fixture(scope="session")
def dev_articles() -> List[dict]:
    """The dev articles of shared/data/dev/dev.jsonl."""
    return read_jsonl(shared_dir() / "data" / "dev" / "dev.jsonl")


@pytest.fixture(scope="session")
def dev_cli_lines() -> Dict[str, str]:
    """The CLI's output on the dev articles, by id."""
    return cli_lines(shared_dir() / "data" / "dev" / "dev.jsonl")


@pytest.fixture(scope="session")
def article(dev_articles: List[dict]) -> str:
    """The longest dev article."""
    return max((d["text"] for d in dev_articles), key=len)
