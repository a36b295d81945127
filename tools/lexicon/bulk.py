#!/usr/bin/env python3
"""Build the engine's bulk lexicon files from the prepared open name lists.

Inputs: the four folders of /work/shared/data/lexicon-sources (each has a
names.tsv with columns kind, name, aliases, owner, category, notability, id;
see their READMEs for source, licence and noise), plus the package cache of
build.py (`python3 tools/lexicon/build.py --fetch`, default /tmp/lexsrc) for
the word, first-name and place lists behind the `ambiguous` flag.

Outputs (same 6 columns as lexicon.tsv: kind, name, aliases, owner, flags,
source), each share-alike source in a file of its own with its notice:

  crates/engine/data/lexicon-dbpedia.tsv      DBpedia product names (CC BY-SA 3.0)
  crates/engine/data/lexicon-openflights.tsv  OpenFlights airlines, aircraft (ODbL 1.0)
  crates/engine/data/lexicon-bulk.tsv         SEC EDGAR companies (public domain) and
                                              Epoch AI models (CC BY 4.0)

    python3 tools/lexicon/bulk.py [--sources DIR] [--cache DIR] [--out-dir DIR]

Rules (all by data, never by name seen in an evaluation text):
  * a surface form (name or alias, case-insensitive) already in lexicon.tsv or
    lexicon-generated.tsv is skipped; an entry whose name is taken is skipped,
    an alias that is taken is dropped. Sources are read in the order SEC,
    Epoch, OpenFlights, DBpedia, and the first to claim a surface keeps it.
  * names with fewer than 2 letters, all-lower-case names, non-Latin names
    and names of build.py's generic technology terms are dropped;
  * a name that build.py's Ambiguity calls ambiguous (<=3 letters, a common
    word, a frequent first name or place, a generic phrase), or that is any
    lower-case dictionary word or one of the 5k most frequent words of
    French, Spanish, German, Italian, Portuguese or Dutch, is dropped (the
    engine asks for no evidence on multi-word forms, and nothing vouches
    for a one-word one); so are "Decision tree"-style common noun phrases;
  * an entry is flagged `ambiguous` when one of its one-word aliases is such
    a word: the engine keeps it and marks that alias only with evidence;
  * model codes ("ATR 72", "A330") are not ambiguous for having <=3 letters;
  * SEC: companies of rank <= --sec-rank (the SEC file's order, roughly by
    market value); the as-filed capitals title is not kept as an alias; an
    entry with a one-word short form ("Ryerson" for "Ryerson Holding") is
    flagged, so that form is marked only with evidence;
  * Epoch: AI developers, the families and models of those developers
    (research models of universities and labs are not products), accelerators;
  * OpenFlights: airlines active with routes or an IATA code, inactive ones
    only with routes; aircraft makers; aircraft types;
  * DBpedia: products, minus skweak's 17 hand-added generic words and names of
    a generic kind (file formats, protocols, algorithms, ...); the owner is
    the known company whose name begins the product's ("Ford Taurus" -> Ford).
  * the owner of a product is kept only when it is a company of the final
    lexicon (curated, unflagged generated, or unflagged bulk).
"""

import argparse
import os
import re
import sys
from collections import Counter, defaultdict

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from build import (  # noqa: E402
    CURATED,
    OUT as GENERATED,
    ROOT,
    Ambiguity,
    TECH_GENERIC,
    clean_space,
    fix_caps,
    is_latin,
    key,
    letters,
    read_curated as read_lexicon,
    strip_legal,
)

SOURCES = "/work/shared/data/lexicon-sources"
DATA = os.path.join(ROOT, "crates", "engine", "data")

SRC_DBPEDIA = "dbpedia:skweak@7ed6fbc (CC BY-SA 3.0)"
SRC_OPENFLIGHTS = "openflights@5a03602 (ODbL 1.0)"
SRC_SEC = "sec:company_tickers.json@2026-02 (public domain)"
SRC_EPOCH = "epoch-ai:notable-ai-models@2026-01-26 (CC BY 4.0)"

HEADERS = {
    "lexicon-dbpedia.tsv": [
        "# pactlens bulk lexicon: DBpedia product names. Written by tools/lexicon/bulk.py, do not edit by hand.",
        "# Same 6 columns as lexicon.tsv: kind, name, aliases, owner, flags, source.",
        "# Product names from DBpedia (https://www.dbpedia.org), extracted from Wikipedia,",
        "# licensed under CC BY-SA 3.0 (https://creativecommons.org/licenses/by-sa/3.0/);",
        "# list compiled by the skweak project (Norsk Regnesentral).",
        "# This file, as a database of its own, is offered under the same licence (CC BY-SA 3.0).",
    ],
    "lexicon-openflights.tsv": [
        "# pactlens bulk lexicon: airlines and aircraft. Written by tools/lexicon/bulk.py, do not edit by hand.",
        "# Same 6 columns as lexicon.tsv: kind, name, aliases, owner, flags, source.",
        "# Contains information from the OpenFlights Airline and Plane Databases",
        "# (https://openflights.org/data.php), made available under the Open Database",
        "# License (ODbL) 1.0 (https://opendatacommons.org/licenses/odbl/1-0/); contents",
        "# under the Database Contents License 1.0. This file is offered under ODbL 1.0.",
    ],
    "lexicon-bulk.tsv": [
        "# pactlens bulk lexicon: US-listed companies and AI models. Written by tools/lexicon/bulk.py, do not edit by hand.",
        "# Same 6 columns as lexicon.tsv: kind, name, aliases, owner, flags, source.",
        "# Company names: U.S. Securities and Exchange Commission, EDGAR company_tickers.json (public domain).",
        "# AI models, developers, accelerators: Epoch AI, 'Parameter, Compute and Data Trends in Machine",
        "# Learning'. Published online at epoch.ai. Retrieved from https://epoch.ai/data/notable-ai-models.",
        "# Licensed under CC BY 4.0.",
    ],
}
FILE_OF = {
    SRC_DBPEDIA: "lexicon-dbpedia.tsv",
    SRC_OPENFLIGHTS: "lexicon-openflights.tsv",
    SRC_SEC: "lexicon-bulk.tsv",
    SRC_EPOCH: "lexicon-bulk.tsv",
}

# skweak's hand-added list head (convert.py docstring): generic words in news.
SKWEAK_HAND_ADDED = {
    "Android", "Telegram", "Safari", "Explorer", "Outlook", "Microsoft Explorer", "Windows 10",
    "Windows Mobile", "Chrome", "Firefox", "Edge", "Microsoft Edge", "iOS", "Windows", "Mac OS X",
    "Office", "Word",
}
# DBpedia mixes technologies and formats with products; a name whose last
# word is one of these names a kind of thing, not a commercial product.
GENERIC_HEADS = {
    "format", "formats", "protocol", "protocols", "algorithm", "algorithms", "language", "languages",
    "standard", "standards", "specification", "architecture", "encoding", "codec", "notation",
    "syntax", "method", "model", "technique", "theorem", "interface", "scheme", "filesystem",
    "system", "systems", "extension", "extensions", "library", "framework", "pages", "file",
}
PAREN_TAIL = re.compile(r"\s*\([^)]*\)\s*$")
# Words that make a name of dictionary words an airline's ("East African" is not one).
AVIATION = {
    "air", "airline", "airlines", "airways", "aviation", "avia", "aero", "aereo", "aerea", "aereas",
    "aéreas", "aerolineas", "aerolíneas", "express", "jet", "jets", "cargo", "flight", "flights", "fly",
    "wings", "airlift", "helicopters", "helicopter", "charter", "aviacion", "aviación", "aviação", "lineas",
    "líneas", "linhas", "airtaxi", "shuttle", "connection", "airexpress",
}
IATA_RE = re.compile(r"\biata:[A-Z0-9]{2}\b")
WORD_RE = re.compile(r"[a-z0-9][a-z0-9'&.-]*")
OTHER_LANGS = ("fr", "es", "de", "it", "pt", "nl")


def read_rows(path):
    with open(path, encoding="utf-8") as f:
        header = next(f).rstrip("\n").split("\t")
        for line in f:
            cols = line.rstrip("\n").split("\t")
            row = dict(zip(header, cols))
            row["aliases"] = [a for a in row.get("aliases", "").split("|") if a]
            n = row.get("notability", "")
            row["notability"] = float(n) if n else None
            yield row


def name_ok(name):
    if not name or letters(name) < 2 or not is_latin(name):
        return False
    if name == name.lower():  # all lower case: a word, or a lower-cased query form
        return False
    if name.casefold() in TECH_GENERIC or "\t" in name or "|" in name:
        return False
    return True


class Words:
    """Word lists beyond build.py's Ambiguity, for names no curator checked.

    Ambiguity counts a word as common only among the 30k most frequent; a
    one-word bulk name is a word too when it is any lower-case dictionary word
    ("Invisible", "Exponent", "Frontline") or among the 5k most frequent words
    of a large European language ("Parti", "Norte", "Germania").
    """

    def __init__(self, cache):
        sys.path.insert(0, os.path.join(cache, "py"))
        from wordfreq import top_n_list  # noqa: E402

        from build import npm_dir  # noqa: E402

        self.lower, self.proper = set(), set()
        with open(os.path.join(npm_dir(cache, "dictionary-en", "4.0.0"), "index.dic"), encoding="utf-8") as f:
            next(f)
            for line in f:
                w = line.split("/")[0].strip()
                if w and w[0].islower():
                    self.lower.add(w)
                elif w and w[0].isupper():
                    self.proper.add(w.casefold())
        self.foreign = set()
        for lang in OTHER_LANGS:
            self.foreign.update(top_n_list(lang, 5000))

    def is_word(self, w):
        w = w.casefold()
        if w in self.lower:
            return True
        # Hunspell lists "invisible" as "visible" with a prefix rule
        for pre in ("un", "in", "im", "ir", "il", "dis", "re", "non", "mis", "over", "under", "pre"):
            if w.startswith(pre) and len(w) - len(pre) >= 4 and self.is_word(w[len(pre):]):
                return True
        for suf, rep in (("ies", "y"), ("es", ""), ("s", ""), ("ers", ""), ("er", ""), ("ed", ""), ("ing", ""),
                         ("ing", "e"), ("ly", ""), ("d", "")):
            if w.endswith(suf) and len(w) - len(suf) >= 3 and w[: len(w) - len(suf)] + rep in self.lower:
                return True
        return False

    def one_word_ambiguous(self, name):
        toks = WORD_RE.findall(name.casefold())
        return len(toks) == 1 and (self.is_word(toks[0]) or toks[0] in self.foreign)

    def generic_phrase(self, name):
        """'Decision tree', 'Digestive biscuit': a capitalised common noun phrase."""
        words = name.split()
        return len(words) > 1 and all(w.isalpha() and w.islower() and self.is_word(w) for w in words[1:]) \
            and self.is_word(words[0])

    def only_words(self, name):
        toks = WORD_RE.findall(name.casefold())
        return all(self.is_word(t) or t in self.proper for t in toks)


class Bulk:
    def __init__(self, amb, words):
        self.amb = amb
        self.words = words
        self.taken = {}  # surface key -> source tag
        self.companies = {}  # surface key -> canonical name of a company the engine keeps
        self.entries = []
        self.skipped_known = Counter()
        self.dropped = Counter()
        for path, keep_flagged in ((CURATED, True), (GENERATED, False)):
            for kind, name, aliases, flags in read_lexicon(path):
                for s in [name] + aliases:
                    self.taken.setdefault(key(s), "known")
                # the engine drops flagged generated entries, so they own nothing
                if kind == "company" and (keep_flagged or not flags):
                    for s in [name] + aliases:
                        self.companies.setdefault(key(s), name)

    def company_for(self, surface):
        return self.companies.get(key(surface))

    def prefix_owner(self, title):
        """The company whose name begins `title` ("Ford Taurus" -> Ford)."""
        words = title.split()
        for i in range(len(words) - 1, 0, -1):
            owner = self.company_for(" ".join(words[:i]))
            if owner:
                return owner
        return None

    def surface_ambiguous(self, s, codes_ok=False):
        if codes_ok and any(c.isdigit() for c in s) and letters(s) >= 1:
            return False  # a model code: "A330", "ATR 72", "MD-11", "BAe 146"
        return self.amb.is_ambiguous(s) or self.words.one_word_ambiguous(s)

    def judge(self, name, aliases, codes_ok=False, airline=False):
        """None to drop the entry, else whether it is flagged `ambiguous`.

        A name that is a word, a first name or a place, or a generic phrase
        ("First Bank", "East African"), is dropped (the engine never asks for
        evidence on multi-word surfaces, and a bulk list cannot vouch for a
        one-word one). A one-word alias that is such a word ("Star" for "Star
        Group") flags the entry: the engine then marks that alias only with
        evidence from the document, and the full name always.
        """
        toks = WORD_RE.findall(name.casefold())
        name_ok_ = False
        if airline and len(toks) > 1:
            aviation = AVIATION & set(toks)
            distinct = [t for t in toks if t not in AVIATION and not self.words.is_word(t)
                        and t not in self.amb.common]
            if not aviation and self.words.only_words(name):
                return None  # "East African", "Southern Winds": words, not an airline's name
            # "China Southern Airlines": a place or name plus an airline word
            name_ok_ = bool(aviation and distinct)
        if not name_ok_ and self.surface_ambiguous(name, codes_ok):
            return None  # the name itself is a word or a generic phrase: nothing to vouch for it
        return any(self.surface_ambiguous(a, codes_ok) for a in aliases if letters(a) <= 3 or " " not in a.strip())

    def add(self, kind, name, aliases, owner, source, cat, codes_ok=False, airline=False):
        name = clean_space(name)
        if not name_ok(name) or self.words.generic_phrase(name):
            return None
        k = key(name)
        if k in self.taken:
            if self.taken[k] == "known":
                self.skipped_known[cat] += 1
            return None
        als, seen = [], {k}
        for a in aliases:
            a = clean_space(a)
            ak = key(a)
            if not name_ok(a) or self.words.generic_phrase(a) or ak in seen or ak in self.taken:
                continue
            seen.add(ak)
            als.append(a)
        if owner:
            owner = self.company_for(owner)
            if owner and key(owner) == k:
                return None
        amb = self.judge(name, als, codes_ok, airline)
        if amb is None:
            self.dropped[cat] += 1
            return None
        e = {
            "kind": kind, "name": name, "aliases": sorted(als, key=lambda s: (s.casefold(), s)),
            "owner": owner or "", "flags": "ambiguous" if amb else "", "source": source, "cat": cat,
        }
        self.entries.append(e)
        for s in [name] + als:
            self.taken[key(s)] = source
            if kind == "company" and not amb:
                self.companies.setdefault(key(s), name)
        return e


def add_sec(b, rows, max_rank):
    for r in sorted(rows, key=lambda r: r["notability"] or 1e9):
        if r["notability"] is None or r["notability"] > max_rank:
            continue
        # the as-filed title in capitals ("HONEYWELL INTERNATIONAL INC") is not how news writes it
        aliases = [a for a in r["aliases"] if a != a.upper() or letters(a) <= 5]
        aliases += [strip_legal(a) for a in aliases]
        e = b.add("company", r["name"], aliases, "", SRC_SEC, "sec")
        if e and any(" " not in a for a in e["aliases"]) and " " in e["name"]:
            # "Ryerson" for "Ryerson Holding": the SEC's short forms are often
            # surnames or words the lists miss; the engine wants evidence for them
            e["flags"] = "ambiguous"


def add_epoch(b, rows, cats):
    rows = list(rows)
    developers = {r["name"] for r in rows if r["category"] == "ai-developer"}
    order = ["ai-developer", "ai-accelerator", "ai-model-family", "ai-model"]
    for cat in order:
        if cat not in cats:
            continue
        for r in sorted((r for r in rows if r["category"] == cat), key=lambda r: -(r["notability"] or 0)):
            if cat in ("ai-model", "ai-model-family") and r["owner"] not in developers:
                continue  # a university's or lab's research model is not a product
            name = r["name"]
            aliases = list(r["aliases"])
            if PAREN_TAIL.search(name):
                # "GPT-4 (Mar 2023)": news writes the short form; keep it only as an alias
                if not aliases:
                    continue
            kind = "company" if cat == "ai-developer" else "product"
            b.add(kind, name, aliases, r["owner"], SRC_EPOCH, "epoch:" + cat)


def add_openflights(b, rows, cats):
    rows = list(rows)
    for cat in ("aircraft-maker", "airline", "airline-inactive", "aircraft"):
        if cat not in cats:
            continue
        for r in sorted((r for r in rows if r["category"] == cat), key=lambda r: -(r["notability"] or 0)):
            routes = r["notability"] or 0
            if cat == "airline" and not (routes > 0 or IATA_RE.search(r["id"])):
                continue
            if cat == "airline-inactive" and routes <= 0:
                continue
            name = fix_caps(r["name"])
            aliases = [fix_caps(a) for a in r["aliases"]]
            kind = "product" if cat == "aircraft" else "company"
            b.add(kind, name, aliases, r["owner"], SRC_OPENFLIGHTS, "openflights:" + cat,
                  codes_ok=cat == "aircraft", airline=cat.startswith("airline"))


def add_dbpedia(b, rows):
    for r in rows:
        name = clean_space(r["name"])
        if name in SKWEAK_HAND_ADDED:
            continue
        words = name.split()
        if len(words) > 1 and words[-1].casefold() in GENERIC_HEADS:
            continue
        b.add("product", name, [], b.prefix_owner(name), SRC_DBPEDIA, "dbpedia")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sources", default=SOURCES)
    ap.add_argument("--cache", default="/tmp/lexsrc")
    ap.add_argument("--out-dir", default=DATA)
    ap.add_argument("--sec-rank", type=int, default=3000)
    ap.add_argument("--epoch", default="ai-developer,ai-accelerator,ai-model-family,ai-model")
    ap.add_argument("--openflights", default="aircraft-maker,airline,airline-inactive,aircraft")
    ap.add_argument("--no-dbpedia", action="store_true")
    args = ap.parse_args()
    b = Bulk(Ambiguity(args.cache), Words(args.cache))
    src = lambda d: read_rows(os.path.join(args.sources, d, "names.tsv"))  # noqa: E731
    add_sec(b, src("sec-company-tickers"), args.sec_rank)
    add_epoch(b, src("epoch-ai-models"), set(args.epoch.split(",")))
    add_openflights(b, src("openflights"), set(args.openflights.split(",")))
    if not args.no_dbpedia:
        add_dbpedia(b, src("dbpedia-products-skweak"))
    # an owner must be a company the engine keeps (a flagged bulk company is dropped)
    kept_companies = set(b.companies.values())
    files = defaultdict(list)
    for e in b.entries:
        if e["owner"] and e["owner"] not in kept_companies:
            e["owner"] = ""
        files[FILE_OF[e["source"]]].append(e)
    stats = defaultdict(Counter)
    for fname, header in HEADERS.items():
        rows = sorted(files.get(fname, []), key=lambda e: (e["kind"], e["name"].casefold(), e["name"]))
        with open(os.path.join(args.out_dir, fname), "w", encoding="utf-8", newline="\n") as f:
            f.write("\n".join(header) + "\n")
            f.write("# Sources and licences: crates/engine/data/SOURCES.md. lexicon.tsv and lexicon-generated.tsv win on any overlap.\n")
            for e in rows:
                f.write("\t".join((e["kind"], e["name"], "|".join(e["aliases"]), e["owner"], e["flags"], e["source"])) + "\n")
                stats[e["cat"]]["kept"] += 1
                stats[e["cat"]]["ambiguous"] += bool(e["flags"])
                stats[e["cat"]]["with owner"] += bool(e["owner"])
        print("wrote %s: %d entries" % (fname, len(rows)))
    for cat in sorted(stats):
        s = stats[cat]
        print("  %-30s kept %6d  ambiguous %5d  with owner %5d  dropped as generic %5d  skipped (already known) %5d"
              % (cat, s["kept"], s["ambiguous"], s["with owner"], b.dropped[cat], b.skipped_known[cat]))


if __name__ == "__main__":
    main()
