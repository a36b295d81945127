"""The spaCy component, in a blank pipeline (no model download)."""

from __future__ import annotations

import json
import subprocess
import sys

import spacy
from spacy.tokens import DocBin

import pactlens

TEXT = "Microsoft and Xiaomi signed a memorandum of understanding on Azure in March 2021."


def test_add_pipe_finds_the_factory_through_its_entry_point():
    # A new interpreter that never imports pactlens itself.
    code = (
        "import sys, spacy\n"
        "nlp = spacy.blank('en')\n"
        "nlp.add_pipe('pactlens')\n"
        "doc = nlp('Microsoft and Xiaomi signed a memorandum of understanding.')\n"
        "assert 'pactlens' in sys.modules\n"
        "print([(s.text, s.label_) for s in doc.spans['pactlens']])\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "('Xiaomi', 'COMPANY')" in out.stdout


def test_spans_agreements_and_offsets_match_the_engine():
    nlp = spacy.blank("en")
    nlp.add_pipe("pactlens")
    doc = nlp(TEXT)
    record = pactlens.annotate(TEXT)
    spans = doc.spans["pactlens"]
    assert [(s.start_char, s.end_char, s.label_) for s in spans] == [
        (e["start"], e["end"], e["label"]) for e in record["entities"]
    ]
    (agreement,) = doc._.pactlens_agreements
    assert sorted(agreement["parties"]) == ["Microsoft", "Xiaomi"]
    assert agreement["kind"] == "mou"
    assert [spans[i].text for i in agreement["mentions"]] == ["memorandum of understanding"]
    assert doc.ents == ()  # set_ents is off by default


def test_set_ents_and_an_earlier_ner_component():
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns([{"label": "ORG", "pattern": "Microsoft"}, {"label": "DATE", "pattern": "March 2021"}])
    nlp.add_pipe("pactlens", config={"set_ents": True, "spans_key": "deals"})
    doc = nlp(TEXT)
    ents = [(e.text, e.label_) for e in doc.ents]
    assert ("Microsoft", "COMPANY") in ents  # the overlapping ORG gave way
    assert ("March 2021", "DATE") in ents  # the rest are kept
    assert ("memorandum of understanding", "AGREEMENT") in ents
    assert "deals" in doc.spans


def test_marks_inside_tokens_widen_to_whole_tokens():
    nlp = spacy.blank("en")
    nlp.add_pipe("pactlens")
    text = "Microsoft's cloud, Azure, met Xiaomi."
    doc = nlp(text)
    record = pactlens.annotate(text)
    for span, e in zip(doc.spans["pactlens"], record["entities"]):
        assert span.start_char <= e["start"] and e["end"] <= span.end_char


def test_pipe_matches_calls_and_docs_serialise(tmp_path, dev_articles):
    texts = [d["text"] for d in dev_articles]
    nlp = spacy.blank("en")
    nlp.add_pipe("pactlens", config={"threads": 2})
    piped = list(nlp.pipe(texts, batch_size=5))
    for doc, text in zip(piped, texts):
        one = nlp(text)
        assert [(s.start_char, s.end_char, s.label_) for s in doc.spans["pactlens"]] == [
            (s.start_char, s.end_char, s.label_) for s in one.spans["pactlens"]
        ]
        assert doc._.pactlens_agreements == one._.pactlens_agreements
    assert any(doc._.pactlens_agreements for doc in piped)
    blob = DocBin(docs=piped, store_user_data=True).to_bytes()
    back = list(DocBin().from_bytes(blob).get_docs(nlp.vocab))
    for doc, again in zip(piped, back):
        # msgpack gives lists back as tuples
        assert json.dumps(again._.pactlens_agreements) == json.dumps(doc._.pactlens_agreements)
        assert [s.text for s in again.spans["pactlens"]] == [s.text for s in doc.spans["pactlens"]]


def test_a_dictionary_in_the_config(tmp_path):
    path = tmp_path / "dictionary.json"
    path.write_text(json.dumps({"always": [["Frobnicorp", "COMPANY"]], "never": []}), encoding="utf-8")
    for dictionary in [str(path), path.read_text(encoding="utf-8")]:
        nlp = spacy.blank("en")
        nlp.add_pipe("pactlens", config={"dictionary": dictionary})
        doc = nlp("Frobnicorp hired three people.")
        assert [(s.text, s.label_) for s in doc.spans["pactlens"]] == [("Frobnicorp", "COMPANY")]
    # The pipeline's config round-trips.
    nlp.to_disk(tmp_path / "pipeline")
    again = spacy.load(tmp_path / "pipeline")
    doc = again("Frobnicorp grew.")
    assert [s.text for s in doc.spans["pactlens"]] == ["Frobnicorp"]
