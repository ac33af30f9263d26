#!/usr/bin/env python3
"""Pairing coverage of the billable FY2026 ICD-10-CM codes by indications.tsv and category_indications.tsv.

Prints how many billable FY2026 codes match no prefix of either table (their pairing is UNKNOWN), how many
fall on a NONE row ("supports no imaging"), both by chapter letter, and the first 50 unmatched codes.
It also validates the category table: regions and modalities are enum names, no prefix twice, every prefix
is a prefix of at least one FY2026 or FY2027 code, weights 1-5, NONE rows name no modality and OTHER only
appears on rows naming RADONC. Exit status 1 when a check fails or UNKNOWN exceeds 1 %.

Run from the repository root:  python3 tools/pairing_coverage.py
Reads only the project's own tables (stdlib only).
"""
import gzip
import os
import sys
from collections import Counter

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), os.pardir))
RES = os.path.join(ROOT, "rules-core", "src", "main", "resources", "org", "radpair")
HISTORY = os.path.join(RES, "codes", "icd10cm_code_history_fy2019_fy2026.tsv.gz")
CHANGES = os.path.join(RES, "codes", "icd10cm_changes_fy2026_fy2027.tsv.gz")
HAND = os.path.join(RES, "rules", "indications.tsv")
CATEGORY = os.path.join(RES, "rules", "category_indications.tsv")

REGIONS = {"BRAIN", "HEAD", "NECK", "CHEST", "BREAST", "HEART", "SPINE_CERVICAL", "SPINE_THORACIC",
           "SPINE_LUMBAR", "ABDOMEN", "PELVIS", "UPPER_EXTREMITY", "LOWER_EXTREMITY", "VASCULAR", "WHOLE_BODY",
           "OTHER"}
MODALITIES = {"XR", "FLUORO", "CT", "CTA", "MR", "MRA", "US", "MAMMO", "DXA", "NM", "PET", "IR", "RADONC"}


def read_table(path):
    """[(line number, fields)] of the data rows (comments and the header skipped)."""
    rows = []
    header = False
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            if not header:
                header = True
                continue
            fields = line.split("\t")
            fields += [""] * (5 - len(fields))
            rows.append((n, fields))
    return rows


def read_codes():
    billable26, all_codes = [], set()
    with gzip.open(HISTORY, "rt", encoding="utf-8") as f:
        head = f.readline().rstrip("\n").split("\t")
        i = {name: k for k, name in enumerate(head)}
        for line in f:
            row = line.rstrip("\n").split("\t")
            if row[i["effective_to_exclusive"]] == "":
                all_codes.add(row[i["code"]])
                if row[i["billable"]] == "1":
                    billable26.append(row[i["code"]])
    with gzip.open(CHANGES, "rt", encoding="utf-8") as f:
        head = f.readline().rstrip("\n").split("\t")
        i = {name: k for k, name in enumerate(head)}
        for line in f:
            row = line.rstrip("\n").split("\t")
            if row[i["change_type"]] != "deleted":
                all_codes.add(row[i["code"]])
    return sorted(billable26), all_codes


def validate(rows, all_codes):
    problems = []
    seen = {}
    prefixes = set()
    for code in all_codes:
        for k in range(1, len(code) + 1):
            prefixes.add(code[:k])
    for n, (prefix, regions, modalities, weight, note) in rows:
        where = f"{os.path.basename(CATEGORY)}:{n} {prefix}"
        key = prefix.replace(".", "")
        if key in seen:
            problems.append(f"{where}: duplicate prefix (line {seen[key]})")
        seen[key] = n
        if key not in prefixes:
            problems.append(f"{where}: prefix of no FY2026 or FY2027 code")
        if "." in prefix and (prefix.index(".") != 3 or len(prefix.split(".")[0]) != 3):
            problems.append(f"{where}: badly dotted prefix")
        mods = [] if modalities in ("", "ALL") else modalities.split(",")
        for m in mods:
            if m not in MODALITIES:
                problems.append(f"{where}: unknown modality {m}")
        if regions in ("ANY", "NONE"):
            if regions == "NONE" and modalities:
                problems.append(f"{where}: NONE row names modalities")
        else:
            for r in regions.split(","):
                if r not in REGIONS:
                    problems.append(f"{where}: unknown region {r}")
            if "OTHER" in regions.split(",") and "RADONC" not in mods and modalities != "ALL":
                problems.append(f"{where}: OTHER on a row that does not name RADONC")
        if not weight.isdigit() or not 1 <= int(weight) <= 5:
            problems.append(f"{where}: weight {weight!r} not 1-5")
        if not note.strip():
            problems.append(f"{where}: no note")
    return problems


def main():
    billable, all_codes = read_codes()
    hand = {f[0].replace(".", ""): ("hand", f) for _, f in read_table(HAND)}
    category_rows = read_table(CATEGORY)
    table = {f[0].replace(".", ""): ("category", f) for _, f in category_rows}
    # hand-written rows win over category rows of an equal prefix
    table.update(hand)
    longest = max(len(k) for k in table)

    def match(code):
        for k in range(min(longest, len(code)), 0, -1):
            hit = table.get(code[:k])
            if hit:
                return hit
        return None

    total, unknown, none = Counter(), Counter(), Counter()
    source = Counter()
    unmatched = []
    none_codes = []
    for code in billable:
        chapter = code[0]
        total[chapter] += 1
        hit = match(code)
        if hit is None:
            unknown[chapter] += 1
            unmatched.append(code)
            continue
        source[hit[0]] += 1
        if hit[1][1] == "NONE":
            none[chapter] += 1
            none_codes.append((code, hit[1][0]))

    n = len(billable)
    print(f"billable FY2026 codes: {n}")
    print(f"matched by indications.tsv: {source['hand']}, by category_indications.tsv: {source['category']}")
    print(f"UNKNOWN (no prefix matches): {len(unmatched)} ({100.0 * len(unmatched) / n:.2f} %)")
    print(f"NONE (supports no imaging): {len(none_codes)} ({100.0 * len(none_codes) / n:.2f} %)")
    print()
    print("chapter  billable  unknown   none")
    for chapter in sorted(total):
        print(f"{chapter:>7}  {total[chapter]:8d}  {unknown[chapter]:7d}  {none[chapter]:5d}")
    print()
    none_rows = Counter(prefix for _, prefix in none_codes)
    print("NONE rows by billable codes: " + ", ".join(f"{p} {c}" for p, c in sorted(none_rows.items())))
    print()
    print("first 50 unmatched codes: " + (" ".join(unmatched[:50]) if unmatched else "(none)"))

    problems = validate(category_rows, all_codes)
    print()
    print(f"category table: {len(category_rows)} rows, {len(problems)} problems")
    for p in problems:
        print("  " + p)
    if problems or len(unmatched) > n / 100:
        sys.exit(1)


if __name__ == "__main__":
    main()
