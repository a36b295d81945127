"""The pactlens spaCy component: ``nlp.add_pipe("pactlens")``.

The package registers the factory ``pactlens`` through spaCy's
``spacy_factories`` entry point, so any pipeline finds it once pactlens is
installed, without importing it first::

    import spacy
    nlp = spacy.blank("en")                     # or spacy.load(...)
    nlp.add_pipe("pactlens", config={"set_ents": True})
    doc = nlp("Microsoft and Xiaomi signed a memorandum of understanding.")
    doc.spans["pactlens"]                       # COMPANY, PRODUCT, AGREEMENT spans
    doc._.pactlens_agreements                   # [{"parties", "kind", "date", "mentions"}]

For every doc the component

* puts pactlens's marks in ``doc.spans[spans_key]`` (default ``"pactlens"``),
  one :class:`spacy.tokens.Span` per mark in text order, labelled
  ``COMPANY``, ``PRODUCT`` or ``AGREEMENT``. A mark that does not start or
  end on a token boundary of spaCy's tokeniser is widened to whole tokens;
* with ``set_ents``, also writes them to ``doc.ents``: an existing entity
  (from an earlier ``ner``) that overlaps a pactlens mark gives way to it,
  the others are kept;
* sets ``doc._.pactlens_agreements`` to the agreements reported as made:
  dicts with ``parties`` (canonical names), ``kind``, ``date`` (as written,
  or ``None``) and ``mentions`` (indexes into ``doc.spans[spans_key]``).
  Only plain values, so docs still serialise (``DocBin``, ``to_bytes``).

``nlp.pipe`` annotates each batch with :meth:`pactlens.Annotator.annotate_many`
(GIL released, on ``threads`` threads, all cores by default).

Config: ``dictionary`` (a path to a reader's dictionary JSON file, or the
JSON text itself; ``None`` for none), ``spans_key``, ``set_ents`` (``False``),
``threads`` (``None``: all cores).
"""

from __future__ import annotations

import pathlib
from typing import Any, Dict, Iterable, Iterator, List, Optional

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans, minibatch

from . import Annotator, Document

__all__ = ["PactlensComponent", "make_pactlens", "EXTENSION"]

#: The ``Doc`` extension that holds the agreements.
EXTENSION = "pactlens_agreements"

if not Doc.has_extension(EXTENSION):
    Doc.set_extension(EXTENSION, default=None)


class PactlensComponent:
    """Marks companies, products and agreements in spaCy docs (see the
    module's documentation)."""

    def __init__(
        self,
        nlp: Language,
        name: str = "pactlens",
        *,
        dictionary: Optional[str] = None,
        spans_key: str = "pactlens",
        set_ents: bool = False,
        threads: Optional[int] = None,
    ) -> None:
        self.name = name
        self.spans_key = spans_key
        self.set_ents = set_ents
        self.threads = threads
        if dictionary is None:
            source: Any = None
        elif dictionary.lstrip().startswith("{"):
            source = dictionary
        else:
            source = pathlib.Path(dictionary)
        self.annotator = Annotator(source)

    def __call__(self, doc: Doc) -> Doc:
        """Annotates one doc (the GIL is released while the engine runs)."""
        return self._apply(doc, self.annotator.annotate(doc.text))

    def pipe(self, stream: Iterable[Doc], *, batch_size: int = 128) -> Iterator[Doc]:
        """Annotates docs a batch at a time, in parallel."""
        for batch in minibatch(stream, size=batch_size):
            docs = list(batch)
            results = self.annotator.annotate_many([d.text for d in docs], self.threads)
            for doc, result in zip(docs, results):
                yield self._apply(doc, result)

    def _apply(self, doc: Doc, result: Document) -> Doc:
        spans: List[Span] = []
        span_of: Dict[int, int] = {}
        for i, entity in enumerate(result["entities"]):
            span = doc.char_span(entity["start"], entity["end"], label=entity["label"], alignment_mode="expand")
            if span is None:  # only whitespace under the mark
                continue
            span_of[i] = len(spans)
            spans.append(span)
        doc.spans[self.spans_key] = spans
        doc._.set(
            EXTENSION,
            [
                {
                    "parties": list(a["parties"]),
                    "kind": a["kind"],
                    "date": a.get("date"),
                    "mentions": [span_of[m] for m in a["mentions"] if m in span_of],
                }
                for a in result.get("agreements", [])
            ],
        )
        if self.set_ents:
            ours = filter_spans(spans)
            taken = bytearray(len(doc))
            for span in ours:
                taken[span.start : span.end] = b"\x01" * len(span)
            kept = [e for e in doc.ents if not any(taken[e.start : e.end])]
            doc.ents = sorted(kept + ours, key=lambda s: s.start)
        return doc


@Language.factory(
    "pactlens",
    default_config={"dictionary": None, "spans_key": "pactlens", "set_ents": False, "threads": None},
)
def make_pactlens(
    nlp: Language,
    name: str,
    dictionary: Optional[str],
    spans_key: str,
    set_ents: bool,
    threads: Optional[int],
) -> PactlensComponent:
    """spaCy's factory for :class:`PactlensComponent`."""
    return PactlensComponent(
        nlp, name, dictionary=dictionary, spans_key=spans_key, set_ents=set_ents, threads=threads
    )
