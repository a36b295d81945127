"""The Python API: results, Annotator, dictionaries, models, bad input."""

from __future__ import annotations

import ast
import json
import pathlib
import pickle
import threading

import pytest

import pactlens
from conftest import REPO

SAMPLE = "Microsoft and Xiaomi signed a memorandum of understanding on Azure."


def test_is_the_installed_wheel_not_the_source_tree():
    where = pathlib.Path(pactlens.__file__).resolve()
    assert "site-packages" in where.parts, where
    assert pathlib.Path(pactlens._native.__file__).suffix == ".so"


def test_annotate_gives_the_cli_record_shape():
    doc = pactlens.annotate(SAMPLE)
    assert list(doc) == ["id", "text", "entities", "agreements"]
    assert doc["id"] == "" and doc["text"] == SAMPLE
    assert [(e["text"], e["label"]) for e in doc["entities"]] == [
        ("Microsoft", "COMPANY"),
        ("Xiaomi", "COMPANY"),
        ("memorandum of understanding", "AGREEMENT"),
        ("Azure", "PRODUCT"),
    ]
    for e in doc["entities"]:
        assert list(e) == ["start", "end", "label", "text"]
        assert SAMPLE[e["start"] : e["end"]] == e["text"]
    (agreement,) = doc["agreements"]
    assert sorted(agreement["parties"]) == ["Microsoft", "Xiaomi"]
    assert agreement["kind"] == "mou"
    assert doc["entities"][agreement["mentions"][0]]["label"] == "AGREEMENT"
    assert "date" not in agreement


def test_no_agreements_means_no_key_as_in_the_cli():
    assert "agreements" not in pactlens.annotate("Apple makes the iPhone.")


def test_ids_are_copied_and_ints_written_in_decimal():
    assert pactlens.annotate("Apple.", id="doc-1")["id"] == "doc-1"
    assert pactlens.annotate("Apple.", id=7)["id"] == "7"
    assert json.loads(pactlens.annotate_json("Apple.", id=7))["id"] == "7"


def test_offsets_count_code_points_beyond_the_bmp():
    text = "🚀🚀 Émile said Microsoft and 小米 (Xiaomi) signed a partnership. 👍"
    doc = pactlens.annotate(text)
    assert doc["entities"], doc
    for e in doc["entities"]:
        assert text[e["start"] : e["end"]] == e["text"]


def test_empty_text_and_whitespace():
    assert pactlens.annotate("") == {"id": "", "text": "", "entities": []}
    assert pactlens.annotate(" \n\t ")["entities"] == []
    assert pactlens.annotate_many([]) == []


def test_nul_bytes_are_text_like_any_other():
    text = "\x00Microsoft\x00 and Xiaomi\x00 signed a memorandum of understanding.\x00"
    doc = pactlens.annotate(text)
    assert doc["text"] == text
    assert "Microsoft" in [e["text"] for e in doc["entities"]]
    for e in doc["entities"]:
        assert text[e["start"] : e["end"]] == e["text"]


def test_ten_megabytes(article):
    text = (article + "\n\n") * (10_000_000 // (len(article.encode()) + 2) + 1)
    assert len(text.encode()) >= 10_000_000
    doc = pactlens.annotate(text)
    assert len(doc["text"]) == len(text)
    assert len(doc["entities"]) > 1000
    last = doc["entities"][-1]
    assert text[last["start"] : last["end"]] == last["text"]


def test_annotate_many_keeps_order_ids_and_matches_annotate(dev_articles):
    texts = [d["text"] for d in dev_articles]
    ids = [d["id"] for d in dev_articles]
    one_by_one = [pactlens.annotate(t, id=i) for t, i in zip(texts, ids)]
    assert pactlens.annotate_many(texts, ids=ids) == one_by_one
    assert pactlens.annotate_many(iter(texts), 1, ids=ids) == one_by_one
    assert pactlens.annotate_many(tuple(texts), threads=3, ids=ids) == one_by_one
    assert [json.loads(j) for j in pactlens.annotate_many_json(texts, ids=ids)] == one_by_one


@pytest.mark.parametrize(
    "bad, message",
    [
        (b"Microsoft", "not bytes"),
        (None, "not NoneType"),
        (42, "not int"),
        (["Microsoft"], "not list"),
    ],
)
def test_a_text_that_is_not_a_str_is_an_input_error(bad, message):
    with pytest.raises(pactlens.InputError, match=message):
        pactlens.annotate(bad)
    with pytest.raises(pactlens.InputError, match=message):
        pactlens.annotate_json(bad)


def test_lone_surrogates_are_refused_with_their_index():
    with pytest.raises(pactlens.InputError, match=r"lone surrogate at index 4"):
        pactlens.annotate("abc \udc80 Microsoft")
    # The fix the message suggests keeps every offset.
    fixed = "abc \udc80 Microsoft".encode("utf-8", "replace").decode("utf-8")
    assert fixed == "abc ? Microsoft"
    assert pactlens.annotate(fixed)["entities"][0]["start"] == 6


def test_bad_items_in_a_batch_are_named_and_nothing_is_annotated():
    with pytest.raises(pactlens.InputError, match=r"texts\[2\] must be a str, not bytes"):
        pactlens.annotate_many(["Apple.", "Microsoft.", b"Xiaomi."])
    with pytest.raises(pactlens.InputError, match=r"texts\[1\] holds a lone surrogate at index 0"):
        pactlens.annotate_many(["Apple.", "\ud800"])
    with pytest.raises(pactlens.InputError, match="not a single str"):
        pactlens.annotate_many("Apple and Microsoft")
    with pytest.raises(pactlens.InputError, match="iterable of str, not int"):
        pactlens.annotate_many(5)
    with pytest.raises(pactlens.InputError, match="2 ids for 1 texts"):
        pactlens.annotate_many(["Apple."], ids=["a", "b"])
    with pytest.raises(pactlens.InputError, match=r"ids\[0\] must be a str or an int, not float"):
        pactlens.annotate_many(["Apple."], ids=[1.5])
    with pytest.raises(pactlens.InputError, match="at least 1"):
        pactlens.annotate_many(["Apple."], threads=0)
    with pytest.raises(pactlens.InputError, match="int or None"):
        pactlens.annotate_many(["Apple."], threads="2")


def test_errors_are_typed():
    assert issubclass(pactlens.InputError, pactlens.PactlensError)
    assert issubclass(pactlens.InputError, ValueError) and issubclass(pactlens.InputError, TypeError)
    assert issubclass(pactlens.DictionaryError, pactlens.PactlensError)
    assert issubclass(pactlens.DictionaryError, ValueError)
    assert issubclass(pactlens.ModelError, pactlens.PactlensError)
    assert issubclass(pactlens.AnnotationError, RuntimeError)


DICTIONARY = {"always": [["Frobnicorp", "COMPANY"], ["Zorblax 9", "PRODUCT"]], "never": ["Microsoft"]}
DICT_TEXT = "Frobnicorp and Microsoft will sell the Zorblax 9 in Europe."


def _marks(doc):
    return [(e["text"], e["label"]) for e in doc["entities"]]


def test_a_dictionary_marks_and_unmarks(tmp_path):
    plain = _marks(pactlens.annotate(DICT_TEXT))
    assert ("Microsoft", "COMPANY") in plain
    path = tmp_path / "dictionary.json"
    path.write_text(json.dumps(DICTIONARY), encoding="utf-8")
    for source in [DICTIONARY, json.dumps(DICTIONARY), json.dumps(DICTIONARY).encode(), path]:
        annotator = pactlens.Annotator(source)
        assert annotator.dictionary_size == 3
        marks = _marks(annotator.annotate(DICT_TEXT))
        assert ("Frobnicorp", "COMPANY") in marks
        assert ("Zorblax 9", "PRODUCT") in marks
        assert "Microsoft" not in [m for m, _ in marks]
        assert _marks(annotator.annotate_many([DICT_TEXT])[0]) == marks
    assert pactlens.Annotator().dictionary_size == 0
    assert pactlens.Annotator({"never": ["Microsoft"]}).dictionary_size == 1


@pytest.mark.parametrize(
    "bad, message",
    [
        ("not json", "not a pactlens dictionary"),
        ("[1, 2]", "not a pactlens dictionary"),
        ('{"always": [["Acme", "BANANA"]], "never": []}', "not a pactlens dictionary"),
        ('{"always": []}', "missing field `never`"),
        (b"\xff\xfe", "not UTF-8"),
        (pathlib.Path("/nonexistent/dictionary.json"), "cannot read the dictionary"),
        ({"always": {1, 2}}, "cannot be written as JSON"),
        (3.5, "not float"),
    ],
)
def test_a_bad_dictionary_is_a_dictionary_error(bad, message):
    with pytest.raises(pactlens.DictionaryError, match=message):
        pactlens.Annotator(bad)


def test_an_oversized_dictionary_is_refused():
    huge = '{"never": ["' + "x" * (9 << 20) + '"]}'
    with pytest.raises(pactlens.DictionaryError, match="up to 8 MB"):
        pactlens.Annotator(huge)
    many = json.dumps({"always": [], "never": [f"name{i}" for i in range(200_001)]})
    with pytest.raises(pactlens.DictionaryError, match="at most 200000"):
        pactlens.Annotator(many)


def test_models():
    shipped = REPO / "crates" / "engine" / "data" / "tagger.bin"
    with_model = pactlens.Annotator(model=shipped)
    assert with_model.annotate(SAMPLE) == pactlens.annotate(SAMPLE)
    with pytest.raises(pactlens.ModelError, match="not a pactlens tagger model"):
        pactlens.Annotator(model=b"garbage")
    with pytest.raises(pactlens.ModelError, match="cannot read the model"):
        pactlens.Annotator(model="/nonexistent/model.bin")


def test_annotators_pickle_and_are_shared_per_process():
    annotator = pactlens.Annotator(DICTIONARY)
    copy = pickle.loads(pickle.dumps(annotator))
    assert copy.dictionary_size == 3
    assert copy.annotate(DICT_TEXT) == annotator.annotate(DICT_TEXT)
    assert pactlens.shared_annotator(DICTIONARY) is pactlens.shared_annotator(json.dumps(DICTIONARY))
    assert pactlens.shared_annotator() is not pactlens.shared_annotator(DICTIONARY)
    assert "3 dictionary names" in repr(annotator)


def test_one_annotator_serves_many_threads(dev_articles):
    texts = [d["text"] for d in dev_articles]
    expected = pactlens.annotate_many(texts)
    annotator = pactlens.Annotator()
    results = [None] * 4

    def work(k):
        results[k] = [annotator.annotate(t) for t in texts]

    threads = [threading.Thread(target=work, args=(k,)) for k in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == [expected] * 4


def test_type_stubs_and_docstrings_ship_with_the_package():
    package = pathlib.Path(pactlens.__file__).parent
    assert (package / "py.typed").is_file()
    stub = ast.parse((package / "_native.pyi").read_text(encoding="utf-8"))
    (cls,) = [n for n in stub.body if isinstance(n, ast.ClassDef)]
    stubbed = {n.name for n in cls.body if isinstance(n, ast.FunctionDef)} - {"__init__"}
    public = {n for n in dir(pactlens._native.Annotator) if not n.startswith("_")}
    assert stubbed == public
    for name in pactlens.__all__:
        obj = getattr(pactlens, name)
        if callable(obj) and not isinstance(obj, type(pactlens.Document)):
            assert obj.__doc__, name
    for method in ["annotate", "annotate_json", "annotate_many", "annotate_many_json"]:
        assert getattr(pactlens.Annotator, method).__doc__
