"""pactlens: marks the companies, products and agreements in news text.

The pactlens engine (Rust) for Python. Every result is the record that
``pactlens annotate --jsonl`` prints for a document (see ANNOTATION.md), as
a ``dict``; offsets count Unicode code points, as Python ``str`` indexes do::

    >>> import pactlens
    >>> doc = pactlens.annotate("Microsoft and Xiaomi signed a memorandum of understanding.")
    >>> [(e["text"], e["label"]) for e in doc["entities"]][:2]
    [('Microsoft', 'COMPANY'), ('Xiaomi', 'COMPANY')]

* :func:`annotate` and :func:`annotate_json` annotate one text;
  :func:`annotate_many` and :func:`annotate_many_json` a batch, on all cores.
  All of them release the GIL while the engine runs.
* :class:`Annotator` carries a reader's dictionary (and optionally another
  tagger model); the functions above use one without either.
* Bad input raises :class:`InputError`; every error is a
  :class:`PactlensError`.
* ``nlp.add_pipe("pactlens")`` adds the spaCy component
  (:mod:`pactlens.spacy_component`).
"""

from __future__ import annotations

import hashlib
import json
import os
import threading
from collections.abc import Iterable, Mapping
from typing import Any, List, Optional, Union

from . import _native
from ._errors import (
    AnnotationError,
    DictionaryError,
    InputError,
    ModelError,
    PactlensError,
)
from .types import Agreement, Document, Entity

__all__ = [
    "Annotator",
    "annotate",
    "annotate_json",
    "annotate_many",
    "annotate_many_json",
    "shared_annotator",
    "Document",
    "Entity",
    "Agreement",
    "PactlensError",
    "InputError",
    "DictionaryError",
    "ModelError",
    "AnnotationError",
    "__version__",
]

__version__: str = _native.__version__

#: A document id: a ``str``, or an ``int`` (written in decimal, as the CLI does).
Id = Union[str, int]

#: What :class:`Annotator` takes as a dictionary: JSON text (``str`` or
#: ``bytes``), a path to a JSON file, or the parsed JSON (a mapping with
#: ``always`` and ``never``).
DictionarySource = Union[str, bytes, "os.PathLike[str]", Mapping[str, Any]]

#: What :class:`Annotator` takes as a model: a path to the file, or its bytes.
ModelSource = Union[str, bytes, "os.PathLike[str]"]


def _dictionary_json(dictionary: Optional[DictionarySource]) -> Optional[str]:
    """The dictionary as JSON text, or ``None`` for no dictionary."""
    if dictionary is None:
        return None
    if isinstance(dictionary, str):
        return dictionary
    if isinstance(dictionary, (bytes, bytearray)):
        try:
            return bytes(dictionary).decode("utf-8")
        except UnicodeDecodeError as e:
            raise DictionaryError(f"the dictionary is not UTF-8 text ({e})") from None
    if isinstance(dictionary, os.PathLike):
        try:
            with open(dictionary, encoding="utf-8") as f:
                return f.read()
        except (OSError, UnicodeDecodeError) as e:
            raise DictionaryError(f"cannot read the dictionary {os.fspath(dictionary)!r}: {e}") from None
    if isinstance(dictionary, Mapping):
        try:
            parsed = {"always": [], "never": [], **dict(dictionary)}
            return json.dumps(parsed, ensure_ascii=False)
        except (TypeError, ValueError) as e:
            raise DictionaryError(f"the dictionary cannot be written as JSON: {e}") from None
    raise DictionaryError(
        "dictionary must be JSON text (str or bytes), a path (pathlib.Path) or a mapping, "
        f"not {type(dictionary).__name__}"
    )


def _model_bytes(model: Optional[ModelSource]) -> Optional[bytes]:
    """The model file's bytes, or ``None`` for the built-in model."""
    if model is None:
        return None
    if isinstance(model, (bytes, bytearray)):
        return bytes(model)
    if isinstance(model, (str, os.PathLike)):
        try:
            with open(model, "rb") as f:
                return f.read()
        except OSError as e:
            raise ModelError(f"cannot read the model {os.fspath(model)!r}: {e}") from None
    raise ModelError(f"model must be a path or bytes, not {type(model).__name__}")


class Annotator:
    """The engine with a reader's settings, reusable across any number of texts.

    :param dictionary: names to always or never mark, as exported from the
        pactlens page: ``{"always": [["Acme", "COMPANY"]], "never": ["Bolt"]}``.
        Give the JSON text (``str`` or ``bytes``; both keys are required, as
        in the page's export), a :class:`pathlib.Path` to the file, or the
        parsed mapping (a missing key counts as an empty list). Refused with :class:`DictionaryError`
        when it is not such JSON, or over 8 MB or 200,000 names.
    :param model: another tagger model (a path or its bytes), as
        ``pactlens annotate --model`` takes; ``None`` for the built-in one.
        Refused with :class:`ModelError`.

    An annotator is safe to share between threads, and can be pickled (it is
    rebuilt from its dictionary and model), so it can be sent to Spark or
    multiprocessing workers. Making one is cheap without a model; keep one
    per process anyway.
    """

    __slots__ = ("_native", "_dictionary", "_model")

    def __init__(
        self,
        dictionary: Optional[DictionarySource] = None,
        *,
        model: Optional[ModelSource] = None,
    ) -> None:
        self._dictionary = _dictionary_json(dictionary)
        self._model = _model_bytes(model)
        self._native = _native.Annotator(self._dictionary, self._model)

    def __reduce__(self) -> Any:
        return (_rebuild, (self._dictionary, self._model))

    def __repr__(self) -> str:
        model = "built-in model" if self._model is None else f"model of {len(self._model)} bytes"
        return f"<pactlens.Annotator: {self.dictionary_size} dictionary names, {model}>"

    @property
    def dictionary_size(self) -> int:
        """How many names the dictionary lists (0 without one)."""
        return self._native.dictionary_size

    def annotate(self, text: str, id: Optional[Id] = None) -> Document:
        """Annotates one text.

        :param text: the text (any length; empty gives no entities).
        :param id: copied into the result's ``"id"`` (``""`` when ``None``).
        :returns: the CLI's record for the text: ``id``, ``text``,
            ``entities`` and, when there are any, ``agreements``.
        :raises InputError: ``text`` is not a ``str``, or holds a lone surrogate.
        :raises AnnotationError: the engine failed on the text (a bug).
        """
        return self._native.annotate(text, id)

    def annotate_json(self, text: str, id: Optional[Id] = None) -> str:
        """Like :meth:`annotate`, but gives the record as the CLI's JSON
        line (without the newline), byte for byte."""
        return self._native.annotate_json(text, id)

    def annotate_many(
        self,
        texts: Iterable[str],
        threads: Optional[int] = None,
        *,
        ids: Optional[Iterable[Id]] = None,
    ) -> List[Document]:
        """Annotates many texts in parallel; the results keep their order.

        The GIL is released while the engine runs, so other Python threads
        go on meanwhile.

        :param texts: any iterable of ``str`` (read whole before annotating).
        :param threads: how many threads to use: ``None`` for all cores (or
            ``RAYON_NUM_THREADS``), ``1`` for the calling thread only (as in
            a Spark task, which already has a core of its own).
        :param ids: one id per text, copied into the results (``""`` when
            ``None``).
        :raises InputError: an item is not a ``str`` (its index is named),
            ``ids`` has another length, or ``threads < 1``; nothing is
            annotated then.
        :raises AnnotationError: the engine failed on a text (its index is
            named).
        """
        return self._native.annotate_many(texts, ids, _threads(threads))

    def annotate_many_json(
        self,
        texts: Iterable[str],
        threads: Optional[int] = None,
        *,
        ids: Optional[Iterable[Id]] = None,
    ) -> List[str]:
        """Like :meth:`annotate_many`, but gives each record as the CLI's
        JSON line (without the newline)."""
        return self._native.annotate_many_json(texts, ids, _threads(threads))


def _threads(threads: Optional[int]) -> Optional[int]:
    if threads is None:
        return None
    if isinstance(threads, bool) or not isinstance(threads, int):
        raise InputError(f"threads must be an int or None, not {type(threads).__name__}")
    if threads < 1:
        raise InputError(f"threads must be at least 1 (or None for all cores), not {threads}")
    return threads


def _rebuild(dictionary: Optional[str], model: Optional[bytes]) -> Annotator:
    return Annotator(dictionary, model=model)


_default: Optional[Annotator] = None


def _default_annotator() -> Annotator:
    global _default
    if _default is None:
        _default = Annotator()
    return _default


def annotate(text: str, id: Optional[Id] = None) -> Document:
    """Annotates one text with the built-in model and no dictionary; see
    :meth:`Annotator.annotate`."""
    return _default_annotator().annotate(text, id)


def annotate_json(text: str, id: Optional[Id] = None) -> str:
    """One text as the CLI's JSON line; see :meth:`Annotator.annotate_json`."""
    return _default_annotator().annotate_json(text, id)


def annotate_many(
    texts: Iterable[str],
    threads: Optional[int] = None,
    *,
    ids: Optional[Iterable[Id]] = None,
) -> List[Document]:
    """Annotates many texts on all cores (or ``threads``), GIL released;
    see :meth:`Annotator.annotate_many`."""
    return _default_annotator().annotate_many(texts, threads, ids=ids)


def annotate_many_json(
    texts: Iterable[str],
    threads: Optional[int] = None,
    *,
    ids: Optional[Iterable[Id]] = None,
) -> List[str]:
    """Many texts as the CLI's JSON lines; see
    :meth:`Annotator.annotate_many_json`."""
    return _default_annotator().annotate_many_json(texts, threads, ids=ids)


_shared: "dict[tuple[str, str], Annotator]" = {}
_shared_lock = threading.Lock()


def shared_annotator(
    dictionary: Optional[DictionarySource] = None,
    *,
    model: Optional[ModelSource] = None,
) -> Annotator:
    """The process's one :class:`Annotator` for these settings, made on the
    first call and reused by every later one.

    For workers that run many tasks in one process, such as Spark's Python
    workers (``mapInArrow``, ``mapInPandas``) or a multiprocessing pool:
    each task calls this instead of making (and loading) its own annotator.
    """
    text = _dictionary_json(dictionary)
    blob = _model_bytes(model)
    key = (
        hashlib.sha256((text or "").encode("utf-8", "surrogatepass")).hexdigest() + ("" if text is None else "+"),
        "" if blob is None else hashlib.sha256(blob).hexdigest(),
    )
    with _shared_lock:
        annotator = _shared.get(key)
        if annotator is None:
            annotator = Annotator(text, model=blob)
            _shared[key] = annotator
        return annotator
