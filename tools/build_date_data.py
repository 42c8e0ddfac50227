#!/usr/bin/env python3
"""Generate the calendar-name and Umm al-Qura data compiled into akhbar-core.

Reads the gazetteers under ../shared/data/gazetteers and writes

- ``crates/akhbar-core/data/date_names.tsv``: ``kind, value, name`` rows for Gregorian month
  names (every ``ar_*`` locale of CLDR plus dateparser's Arabic month strings), Hijri month names
  (hijridate, with their case forms ذو/ذي/ذا and the spellings of the second Rabi'/Jumada month
  built by rule), weekdays (CLDR, dateparser) and currencies (CLDR, current ISO 4217 codes
  only; bare heads such as ريال with their plural forms, coded only when the head names one
  currency, or دولار → USD);
- ``crates/akhbar-core/data/ummalqura.tsv``: for every Hijri year the Umm al-Qura calendar covers
  (hijridate, MIT), the Gregorian date of 1 Muharram and the twelve month lengths.

Run it in a venv that has ``hijridate`` (the Umm al-Qura table only needs it at generation time):

    python -m venv /tmp/tools && /tmp/tools/bin/pip install hijridate
    /tmp/tools/bin/python tools/build_date_data.py [--shared ../shared]
"""

from __future__ import annotations

import argparse
import csv
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "crates" / "akhbar-core" / "data"


def read_tsv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t"))


def gregorian_months(gaz: Path) -> set[tuple[int, str]]:
    names: set[tuple[int, str]] = set()
    for row in read_tsv(gaz / "cldr_babel" / "gregorian_months_by_locale.tsv"):
        for col in ("format_wide", "format_abbr", "standalone_wide"):
            names.add((int(row["month"]), row[col].strip()))
    for row in read_tsv(gaz / "dateparser" / "months_ar_by_locale.tsv"):
        names.add((int(row["month"]), row["name"].strip()))
    return names


def hijri_case_forms(name: str) -> set[str]:
    """The month name and its grammatical/spelling variants (rules, not a word list)."""
    forms = {name}
    if name.startswith("ذو "):
        # ذو is nominative; in running text it is mostly genitive ذي, sometimes accusative ذا.
        rest = name[3:]
        forms |= {"ذي " + rest, "ذا " + rest}
    if name.startswith("ربيع ") and name.endswith("الثاني"):
        forms |= {"ربيع الآخر", "ربيع الأخير"}
    if name.startswith("جمادى "):
        stem = name.split(" ", 1)[1]
        if stem == "الأولى":
            forms |= {"جمادى الأول"}
        else:
            forms |= {"جمادى الآخر", "جمادى الثانية", "جمادى الثاني"}
        forms |= {f.replace("جمادى", "جمادي") for f in forms}
    return forms


def hijri_months(gaz: Path) -> set[tuple[int, str]]:
    names: set[tuple[int, str]] = set()
    for row in read_tsv(gaz / "hijri" / "hijri_months.tsv"):
        for form in hijri_case_forms(row["name_ar"].strip()):
            names.add((int(row["month"]), form))
    return names


def weekdays(gaz: Path) -> set[tuple[int, str]]:
    names: set[tuple[int, str]] = set()
    for row in read_tsv(gaz / "cldr_babel" / "weekdays_by_locale.tsv"):
        names.add((int(row["weekday_0_is_monday"]), row["name"].strip()))
    for row in read_tsv(gaz / "dateparser" / "weekdays_ar.tsv"):
        names.add((int(row["weekday_0_is_monday"]), row["name"].strip()))
    return names


def currencies(gaz: Path) -> set[tuple[str, str]]:
    out: set[tuple[str, str]] = set()
    for row in read_tsv(gaz / "cldr_babel" / "currencies_ar.tsv"):
        name = row["name_ar"].strip()
        # Historical units carry their years ("أفغاني - 1927-2002") or a parenthesis.
        if any(ch.isdigit() for ch in name) or "(" in name:
            continue
        out.add((row["iso4217"], name))
    return out


# The currency words accepted bare after a number, with their plural, dual and accusative
# forms (Arabic broken plurals cannot be derived by rule); other heads keep their CLDR form.
CURRENCY_FORMS = {
    "دولار": ["دولارات", "دولارا", "دولاراً", "دولارين", "دولاران"],
    "ريال": ["ريالات", "ريالا", "ريالاً", "ريالين", "ريالان"],
    "دينار": ["دنانير", "دينارا", "ديناراً", "دينارين", "ديناران"],
    "جنيه": ["جنيهات", "جنيها", "جنيهاً", "جنيهين", "جنيهان"],
    "درهم": ["دراهم", "درهما", "درهماً", "درهمين", "درهمان"],
    "ليرة": ["ليرات", "ليرتين", "ليرتان"],
    "يورو": [],
    "روبل": ["روبلات", "روبلا"],
    "يوان": [],
    "روبية": ["روبيات"],
    "فرنك": ["فرنكات", "فرنكا"],
}
# A bare "دولار" in Arabic news is the US dollar; other bare heads stay unnamed ("-").
BARE_DEFAULT = {"دولار": "USD"}


def currency_words(gaz: Path) -> set[tuple[str, str]]:
    """Bare currency heads (first word of the CLDR names) and their inflected forms."""
    heads: dict[str, set[str]] = {}
    for code, name in currencies(gaz):
        heads.setdefault(name.split()[0], set()).add(code)
    out: set[tuple[str, str]] = set()
    for head, codes in heads.items():
        if head not in CURRENCY_FORMS:
            # Rare heads (سيدي، ليون، مارك) are ordinary words too; only full names count.
            continue
        code = next(iter(codes)) if len(codes) == 1 else BARE_DEFAULT.get(head, "-")
        for form in [head, *CURRENCY_FORMS.get(head, [])]:
            out.add((code, form))
    return out


def umm_al_qura() -> list[str]:
    from hijridate import Hijri  # type: ignore[import-not-found]
    from hijridate.ummalqura import HIJRI_RANGE  # type: ignore[import-not-found]

    first, last = HIJRI_RANGE[0][0], HIJRI_RANGE[1][0]
    rows = []
    for year in range(first, last + 1):
        start = Hijri(year, 1, 1).to_gregorian()
        lengths = "".join(str(Hijri(year, m, 1).month_length() % 10) for m in range(1, 13))
        rows.append(f"{year}\t{start.isoformat()}\t{lengths}")
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = ap.parse_args()
    gaz = args.shared / "data" / "gazetteers"

    rows: list[tuple[str, str, str]] = []
    rows += [("gmonth", str(v), n) for v, n in sorted(gregorian_months(gaz))]
    rows += [("hmonth", str(v), n) for v, n in sorted(hijri_months(gaz))]
    rows += [("weekday", str(v), n) for v, n in sorted(weekdays(gaz))]
    rows += [("currency", c, n) for c, n in sorted(currencies(gaz))]
    rows += [("currency_word", c, n) for c, n in sorted(currency_words(gaz))]
    header = (
        "# Generated by tools/build_date_data.py from CLDR (via babel), dateparser and hijridate;\n"
        "# see python/akhbar/NOTICE.md. kind\tvalue\tname (weekday 0 = Monday)\n"
    )
    body = "".join(f"{k}\t{v}\t{n}\n" for k, v, n in rows)
    (OUT / "date_names.tsv").write_text(header + body, encoding="utf-8")

    uaq = umm_al_qura()
    header = (
        "# Umm al-Qura calendar, generated by tools/build_date_data.py from hijridate (MIT);\n"
        "# hijri_year\tgregorian date of 1 Muharram\tmonth lengths, last digit\n"
        "# (8, 9, 0, 1 = 28-31 days;\n"
        "# the table has a few 28- and 31-day months before 1355)\n"
    )
    (OUT / "ummalqura.tsv").write_text(header + "\n".join(uaq) + "\n", encoding="utf-8")
    print(f"{len(rows)} names, {len(uaq)} Umm al-Qura years")


if __name__ == "__main__":
    main()
