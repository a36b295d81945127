"""The exceptions pactlens raises (all importable from ``pactlens``)."""

from __future__ import annotations

__all__ = [
    "PactlensError",
    "InputError",
    "DictionaryError",
    "ModelError",
    "AnnotationError",
]


class PactlensError(Exception):
    """Base class of every error pactlens raises."""


class InputError(PactlensError, ValueError, TypeError):
    """A text (or id, or argument) pactlens cannot annotate.

    Raised for a text that is not a ``str`` (``bytes``, ``None``, a number),
    a ``str`` holding a lone surrogate (not Unicode text), an id that is
    neither ``str`` nor ``int``, ``ids`` and ``texts`` of different lengths,
    and ``threads < 1``. It is a ``ValueError`` and a ``TypeError`` too, so
    code that catches either keeps working.
    """


class DictionaryError(PactlensError, ValueError):
    """A reader's dictionary that cannot be used: not JSON, JSON of another
    shape, over 8 MB or over 200,000 names, or a file that cannot be read."""


class ModelError(PactlensError, ValueError):
    """A tagger model file that is not a pactlens model."""


class AnnotationError(PactlensError, RuntimeError):
    """The engine failed on a text: a bug in pactlens (please report it with
    the text). The annotator can still be used for other texts."""
