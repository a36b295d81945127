"""The shapes of pactlens's results, for type checkers and editors.

A result is exactly the record ``pactlens annotate --jsonl`` prints for a
document (ANNOTATION.md), as a ``dict``: offsets count Unicode code points,
which is what Python ``str`` indexes count, so ``text[e["start"]:e["end"]]
== e["text"]``.
"""

from __future__ import annotations

from typing import List, Literal, TypedDict

__all__ = ["Label", "AgreementKind", "Entity", "Agreement", "Document"]

#: What a mark is.
Label = Literal["COMPANY", "PRODUCT", "AGREEMENT"]

#: What was agreed (the engine's ``AgreementKind``, in its JSON spelling).
AgreementKind = Literal[
    "partnership",
    "mou",
    "licensing",
    "acquisition",
    "merger",
    "joint_venture",
    "investment",
    "supply",
    "distribution",
    "collaboration",
    "settlement",
    "other",
]


class Entity(TypedDict):
    """One mark: ``[start, end)`` in code points, its label and its text."""

    start: int
    end: int
    label: Label
    text: str


class _AgreementRequired(TypedDict):
    parties: List[str]
    kind: AgreementKind
    mentions: List[int]


class Agreement(_AgreementRequired, total=False):
    """One agreement reported as made: the canonical names of its parties,
    its kind, the indexes into ``entities`` of its mentions, and the date as
    written (the key is absent when the article gives none)."""

    date: str


class _DocumentRequired(TypedDict):
    id: str
    text: str
    entities: List[Entity]


class Document(_DocumentRequired, total=False):
    """One annotated text. ``agreements`` is absent when there are none, as
    in the CLI's JSON; read it with ``doc.get("agreements", [])``."""

    agreements: List[Agreement]
