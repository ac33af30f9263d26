#!/usr/bin/env python3
"""Checks a claim corpus in the golden line format against the public code tables, independently of the engine.

    python3 tools/check_corpus_codes.py [rules-core/src/test/resources/clean/claims.txt] [--shared /work/shared/data]

For every claim: each ICD-10-CM code billable and valid on the date of service (code history in the project), each
procedure code in the PFS file of the project or the radiology-adjacent PFS file, 26 only where the PC/TC indicator
splits the service (1 or 6), 50 only where the bilateral indicator allows it (1 or 3), units within the MUE (per line for MAI 1, per day for MAI 2 and 3), dates inside
FY2026, an external-cause code (V00-Y99) or a manifestation code never first-listed, pregnancy codes only for females
aged 12-55, the MCE age lists, and Excludes1 pairs on one claim. With --shared the MCE, Excludes1 and MUE tables of the
reference-data folder are used too (they are optional: the code and fee-schedule checks need only the project).
Prints one line per problem and a summary by modality; exits 1 when a problem is found.
"""
import csv
import datetime as dt
import gzip
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CODES = ROOT / "rules-core/src/main/resources/org/radpair/codes"
FY_START, FY_END = dt.date(2025, 10, 1), dt.date(2026, 9, 30)


def read_tsv(path):
    opener = gzip.open if str(path).endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as f:
        rows = [l.rstrip("\n").split("\t") for l in f if not l.startswith("#")]
    header = rows[0]
    return [dict(zip(header, r)) for r in rows[1:]]


def icd_history():
    history = {}
    for r in read_tsv(CODES / "icd10cm_code_history_fy2019_fy2026.tsv.gz"):
        history.setdefault(r["code_dotted"], []).append(r)
    return history


def icd_valid(history, code, dos):
    for r in history.get(code, []):
        start = dt.date.fromisoformat(r["effective_from"])
        end = dt.date.fromisoformat(r["effective_to_exclusive"]) if r["effective_to_exclusive"] else None
        if start <= dos and (end is None or dos < end):
            return r["billable"] == "1", r["long_description"]
    return None, None


def fee_schedule(shared):
    pfs = {}
    sources = [CODES / "pfs_rvu_cy2025_oct_radiology.tsv.gz"]
    if shared:
        sources.append(shared / "pfs_rvu_cy2025_oct_radiology_adjacent.tsv")
    for source in sources:
        for r in read_tsv(source):
            if r["mod"] == "":
                pfs[r["hcpcs"]] = r
    return pfs


def catalog():
    rows = []
    for r in read_tsv(CODES / "cpt_catalog.tsv"):
        rows.append((r["first"], r["last"], r["modality"]))
    return rows


def modality(cat, code):
    for first, last, mod in cat:
        if len(first) == len(code) and first <= code <= last and first[0].isdigit() == code[0].isdigit():
            return mod
    return None


def age_on(birth, dos):
    return dos.year - birth.year - ((dos.month, dos.day) < (birth.month, birth.day))


def excludes1(shared):
    """note node (code without dot, or a block range) -> referenced code prefixes / ranges"""
    notes = []
    path = shared / "icd10cm_excludes1_fy2027.csv"
    if not path.exists():
        return notes
    with open(path, encoding="utf-8") as f:
        for r in csv.DictReader(f):
            node = r["code"]
            if node.startswith("Chapter"):
                continue
            for token in filter(None, (t.strip() for t in r["referencedCodes"].split(";"))):
                notes.append((node, token, r["noteText"]))
    return notes


def in_node(code, node):
    c = code.replace(".", "")
    if node.startswith("Block "):
        bounds = node[6:].split("-")
        return len(bounds) == 2 and bounds[0] <= c[:3] <= bounds[1]
    return c.startswith(node.replace(".", ""))


def in_token(code, token):
    c = code.replace(".", "")
    token = token.replace(".-", "").rstrip("-").replace(".", "")
    if "-" in token:
        lo, hi = token.split("-", 1)
        return lo <= c[: len(lo)] <= hi
    return c.startswith(token)


def parse(path):
    claims = []
    for n, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        f = [x.strip() for x in line.split("|")]
        sex_birth = f[3].split()
        lines = []
        for spec in f[6].split():
            p = spec.split(":")
            lines.append((p[0], [m for m in p[1].split("+") if m] if len(p) > 1 else [], int(p[2] or 1) if len(p) > 2 else 1,
                          [int(x) for x in p[3].split("+") if x] if len(p) > 3 else []))
        claims.append(dict(n=n, name=f[0], dos=dt.date.fromisoformat(f[1]), payer=f[2], sex=sex_birth[0],
                           birth=dt.date.fromisoformat(sex_birth[1]), context=f[4], dx=f[5].split(), lines=lines,
                           expected=f[7], history=f[9] if len(f) > 9 else "-"))
    return claims


def main(argv):
    args = [a for a in argv if not a.startswith("--")]
    corpus = args[0] if args else ROOT / "rules-core/src/test/resources/clean/claims.txt"
    shared = Path(argv[argv.index("--shared") + 1]) if "--shared" in argv else Path("/work/shared/data")
    if not shared.exists():
        shared = None
    history, pfs, cat = icd_history(), fee_schedule(shared), catalog()
    mue, ages, manifestations, excl = {}, {}, set(), []
    if shared:
        mue = {r["hcpcs"]: (int(r["mue_value"]), r["mue_adjudication_indicator"])
               for r in read_tsv(shared / "ncci_mue_practitioner_radiology_2026q2.tsv")}
        for r in read_tsv(shared / "mce_v43_1_age.tsv"):
            ages[r["code"]] = (r["category"], int(r["age_min"]), int(r["age_max"]))
        manifestations = {r["code"] for r in read_tsv(shared / "mce_v43_1_manifestation.tsv")}
        excl = excludes1(shared)
    problems, by_modality, names = [], Counter(), Counter()
    claims = parse(corpus)
    for c in claims:
        where = f"line {c['n']} ({c['name']})"
        names[c["name"]] += 1
        if not (FY_START <= c["dos"] <= FY_END):
            problems.append(f"{where}: date {c['dos']} outside FY2026")
        if c["expected"] != "none":
            problems.append(f"{where}: expected column must be none")
        age = age_on(c["birth"], c["dos"])
        for i, code in enumerate(c["dx"]):
            billable, title = icd_valid(history, code, c["dos"])
            if billable is None:
                problems.append(f"{where}: {code} not valid on {c['dos']}")
            elif not billable:
                problems.append(f"{where}: {code} is a header, not billable ({title})")
            if code in ages:
                kind, lo, hi = ages[code]
                if not lo <= age <= hi:
                    problems.append(f"{where}: {code} is a {kind} code ({lo}-{hi}), patient is {age}")
            if code[0] == "O" or code.startswith(("Z3A", "Z34", "Z36")):
                if c["sex"] != "F" or not 12 <= age <= 55:
                    problems.append(f"{where}: pregnancy code {code} for {c['sex']} aged {age}")
            if i == 0 and code[0] in "VWXY":
                problems.append(f"{where}: external-cause code {code} first-listed")
            if i == 0 and code in manifestations:
                problems.append(f"{where}: manifestation code {code} first-listed")
        for a in c["dx"]:
            for node, token, text in excl:
                if in_node(a, node):
                    for b in c["dx"]:
                        if b != a and in_token(b, token) and not in_node(b, node):
                            problems.append(f"{where}: Excludes1 at {node}: {a} with {b} ({text})")
        for cpt, mods, units, pointers in c["lines"]:
            row = pfs.get(cpt)
            mod = modality(cat, cpt)
            by_modality[mod or "adjacent:" + cpt[:3]] += 1
            if row is None:
                problems.append(f"{where}: {cpt} not in the fee schedule files")
                continue
            if row["status_code"] not in ("A", "C", "R", "T"):
                problems.append(f"{where}: {cpt} status {row['status_code']}")
            if ("26" in mods or "TC" in mods) and row["pctc_ind"] not in ("1", "6"):
                problems.append(f"{where}: 26/TC on {cpt} with PC/TC indicator {row['pctc_ind']}")
            if "50" in mods and row["bilat_surg"] not in ("1", "3"):
                problems.append(f"{where}: 50 on {cpt} with bilateral indicator {row['bilat_surg']}")
            if cpt in mue:
                limit, mai = mue[cpt]
                # MAI 1: per line; MAI 2 and 3: per day, so the claim's lines of the code add up
                total = units if mai == "1" else sum(u for code, _, u, _ in c["lines"] if code == cpt)
                message = f"{where}: {total} units of {cpt} over its MUE {limit} (MAI {mai})"
                if total > limit and message not in problems:
                    problems.append(message)
            if any(p > len(c["dx"]) for p in pointers) or not pointers:
                problems.append(f"{where}: bad pointers on {cpt}")
    for name, count in names.items():
        if count > 1:
            problems.append(f"name repeated {count} times: {name}")
    for p in problems:
        print(p)
    print(f"{len(claims)} claims, {sum(by_modality.values())} lines; by modality: "
          + ", ".join(f"{k}={v}" for k, v in sorted(by_modality.items())))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
