"""Type stubs for the compiled half of pactlens (``pactlens._native``).

Use the public API in :mod:`pactlens` instead; it wraps these.
"""

from typing import Iterable, List, Optional, Union

from .types import Document

__version__: str

class Annotator:
    """The engine with a dictionary (JSON text) and a tagger model (bytes)."""

    def __init__(self, dictionary: Optional[str] = None, model: Optional[bytes] = None) -> None: ...
    @property
    def dictionary_size(self) -> int: ...
    def annotate(self, text: str, id: Optional[Union[str, int]] = None) -> Document: ...
    def annotate_json(self, text: str, id: Optional[Union[str, int]] = None) -> str: ...
    def annotate_many(
        self,
        texts: Iterable[str],
        ids: Optional[Iterable[Union[str, int]]] = None,
        threads: Optional[int] = None,
    ) -> List[Document]: ...
    def annotate_many_json(
        self,
        texts: Iterable[str],
        ids: Optional[Iterable[Union[str, int]]] = None,
        threads: Optional[int] = None,
    ) -> List[str]: ...
