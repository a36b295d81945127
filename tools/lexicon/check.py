#!/usr/bin/env python3
"""Validate the lexicon TSV files (standard library only).

  python3 tools/lexicon/check.py [FILE ...]

Default files: crates/engine/data/lexicon.tsv and lexicon-generated.tsv.
Checks: 6 TAB-separated columns; kind is company|product; name non-empty;
flags empty or 'ambiguous'; no leading/trailing spaces in any field or alias;
no empty aliases; every owner is a company name in one of the files; no surface
form (name or alias, compared case-insensitively) belongs to two entries
across all files (case variants inside one entry are fine); the generated file is sorted. Exits 1 on any error.
"""

import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DATA = os.path.join(ROOT, "crates", "engine", "data")
DEFAULT = [os.path.join(DATA, "lexicon.tsv"), os.path.join(DATA, "lexicon-generated.tsv")]


def main(argv):
    files = argv or DEFAULT
    errors = []
    entries = []  # (file, line, cols)
    for path in files:
        rows = []
        with open(path, encoding="utf-8") as f:
            for n, raw in enumerate(f, 1):
                line = raw.rstrip("\n")
                if line.endswith("\r"):
                    errors.append("%s:%d: CR line ending" % (path, n))
                    line = line.rstrip("\r")
                if not line.strip() or line.startswith("#"):
                    continue
                cols = line.split("\t")
                where = "%s:%d" % (os.path.basename(path), n)
                if len(cols) != 6:
                    errors.append("%s: %d columns, want 6" % (where, len(cols)))
                    continue
                kind, name, aliases, owner, flags, source = cols
                if kind not in ("company", "product"):
                    errors.append("%s: bad kind %r" % (where, kind))
                if not name:
                    errors.append("%s: empty name" % where)
                if flags and not set(flags.split(",")) <= {"ambiguous", "platform"}:
                    errors.append("%s: bad flags %r" % (where, flags))
                if not source:
                    errors.append("%s: empty source" % where)
                for c in cols:
                    if c != c.strip():
                        errors.append("%s: leading/trailing space in %r" % (where, c))
                if aliases:
                    for a in aliases.split("|"):
                        if not a:
                            errors.append("%s: empty alias" % where)
                        elif a != a.strip():
                            errors.append("%s: space around alias %r" % (where, a))
                entries.append((where, cols))
                rows.append((kind, name.casefold(), name))
        if os.path.basename(path) == "lexicon-generated.tsv" and rows != sorted(rows):
            errors.append("%s: not sorted by (kind, name)" % path)

    companies = {cols[1] for _, cols in entries if cols[0] == "company"}
    seen = {}
    counts = {"company": 0, "product": 0, "ambiguous": 0}
    for where, cols in entries:
        kind, name, aliases, owner, flags, _ = cols
        counts[kind] = counts.get(kind, 0) + 1
        if flags:
            counts["ambiguous"] += 1
        if owner and owner not in companies:
            errors.append("%s: owner %r of %r is not a company name" % (where, owner, name))
        if kind == "product" and owner == name:
            errors.append("%s: product owns itself" % where)
        mine = set()
        for s in [name] + [a for a in aliases.split("|") if a]:
            k = s.casefold()
            if s in mine:
                errors.append("%s: surface form %r repeated in its entry" % (where, s))
            elif k in seen and seen[k] != where:
                errors.append("%s: surface form %r already at %s" % (where, s, seen[k]))
            else:
                seen[k] = where  # case variants within one entry (NVIDIA|Nvidia) are fine
            mine.add(s)
    for e in errors[:200]:
        print(e)
    if len(errors) > 200:
        print("... %d more" % (len(errors) - 200))
    print("%d entries (%d companies, %d products, %d ambiguous), %d surface forms, %d errors"
          % (len(entries), counts["company"], counts["product"], counts["ambiguous"], len(seen), len(errors)))
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
