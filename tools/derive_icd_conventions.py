#!/usr/bin/env python3
"""Derive RadPair's compact ICD-10-CM convention tables from public CMS / CDC-NCHS releases.

Usage (from the repository root; DATA is the folder holding the inputs, e.g. ../shared/data):
    python3 tools/derive_icd_conventions.py DATA rules-core/src/main/resources/org/radpair/codes

Inputs
  DATA/icd10cm_tabular_2023.xml.gz        CDC/NCHS FY2023 Tabular List (Excludes1, Code first, Use additional notes;
                                          chapter and block ranges)
  DATA/icd10cm_excludes1_fy2027.csv       FY2027 Excludes1 notes (makevision/icd10cm-open-data, CC0)
  DATA/mce_v43_1_manifestation.tsv        MCE v43.1 manifestation codes (may not be first-listed)
  DATA/mce_v43_1_age.tsv                  MCE v43.1 age lists (newborn, pediatric, maternity, adult)
  OUT/icd10cm_code_history_fy2019_fy2026.tsv.gz and OUT/icd10cm_changes_fy2026_fy2027.tsv.gz
                                          (already shipped): the code universe and titles, FY2019-FY2027

Outputs (in OUT)
  icd10cm_tabular_notes.tsv.gz   source, kind, key, sits, flag, targets, text
      source  FY2023 (the Tabular XML) or FY2027 (Excludes1 only)
      kind    EXCLUDES1 | CODE_FIRST | USE_ADDITIONAL
      key     undotted category, subcategory or code the note applies to: a note printed at a chapter or block is
              written once per category of that chapter or block (over the FY2019-FY2027 code universe); at run time a
              code collects the notes of each of its prefixes (its category, subcategories and itself)
      sits    where the note is printed (A04.6, Block M50-M54, Chapter 13)
      flag    CODE_FIRST: STRICT (the code may not be first-listed: an unconditional "underlying condition" note) or
              CONDITIONAL (a sequencing instruction for named circumstances, "if applicable", "if known" ...);
              USE_ADDITIONAL: INFO (worth telling a coder when none of its codes is on the claim) or QUIET;
              EXCLUDES1: empty
      targets comma-separated undotted code prefixes the note cites, every printed range expanded over the universe
              (A04.0-A04.4 -> A040,A041,A042,A043,A044; T61-T62 -> T61,T62; A05.- -> A05); empty for prose notes
      text    the note as printed (lines of one Code first / Use additional block joined with " / ")
  icd10cm_mce_v43_1.tsv          code (undotted), list (MANIFESTATION | NEWBORN | PEDIATRIC | MATERNITY | ADULT), age_min, age_max
  icd10cm_sex.tsv                prefix (undotted), sex (F|M), basis: the smallest set of prefixes whose every code in the
                                 FY2019-FY2027 universe is of that sex (see SEX_NODES and the title rules below)
"""
import csv
import functools
import io
import gzip
import re
import sys
import xml.etree.ElementTree as ET
from bisect import bisect_left

DATA, OUT = sys.argv[1], sys.argv[2]

# ---------------------------------------------------------------- the code universe (FY2019-FY2027) and titles
titles = {}
with gzip.open(f"{OUT}/icd10cm_code_history_fy2019_fy2026.tsv.gz", "rt", encoding="utf-8") as f:
    for row in csv.reader(f, delimiter="\t"):
        if row[0] == "code" or row[0].startswith("#"):
            continue
        titles[row[0]] = row[7]  # later rows (newer runs) overwrite older titles
with gzip.open(f"{OUT}/icd10cm_changes_fy2026_fy2027.tsv.gz", "rt", encoding="utf-8") as f:
    for row in csv.reader(f, delimiter="\t"):
        if row[0] == "effective_date" or row[0].startswith("#"):
            continue
        if row[3] in ("added", "title_revised", "became_header", "became_billable") and row[9]:
            titles[row[4]] = row[9]
        else:
            titles.setdefault(row[4], row[8])

root = ET.parse(gzip.open(f"{DATA}/icd10cm_tabular_2023.xml.gz")).getroot()
assert root.findtext("version").strip() == "2023"
for d in root.iter("diag"):  # FY2023 codes deleted before FY2019 do not exist; add any the history lacks
    titles.setdefault(d.findtext("name").strip().replace(".", ""), d.findtext("desc").strip())
universe = sorted(titles)
categories = sorted(c for c in universe if len(c) == 3)


def subtree(prefix):
    i = bisect_left(universe, prefix)
    out = []
    while i < len(universe) and universe[i].startswith(prefix):
        out.append(universe[i])
        i += 1
    return out


def undot(code):
    return code.replace(".", "").strip()


@functools.lru_cache(maxsize=None)
def expand(token):
    """A printed reference (A04.0-A04.4, T61-T62, A05.-, M51.2-, I15.0) as the minimal set of undotted prefixes."""
    token = token.strip().rstrip(".")
    if "-" in token[1:] and not token.endswith("-"):
        lo, hi = token.split("-", 1) if token.count("-") == 1 else token.rsplit("-", 1)
    else:
        lo = hi = token
    lo, hi = undot(lo.rstrip("-").rstrip(".")), undot(hi.rstrip("-").rstrip("."))
    if lo == hi:
        return [lo]
    inside = []
    i = bisect_left(universe, lo)
    while i < len(universe) and (universe[i] <= hi or universe[i].startswith(hi)):
        inside.append(universe[i])
        i += 1
    inside_set = set(inside)
    # a header counts only when every code beneath it is inside the range
    whole = {u for u in inside if all(c in inside_set for c in subtree(u))}
    cover = [u for u in sorted(whole) if not any(u[:k] in whole for k in range(3, len(u)))]
    return tuple(cover or [lo, hi])


CODE = r"[A-Z][0-9][0-9A-Z](?:\.[0-9A-Z]{1,4})?(?:\.?-(?![A-Z][0-9]))?"
REF = re.compile(r"(?<![A-Za-z0-9])(" + CODE + r")(?:\s*-\s*(" + CODE + r"))?(?![A-Za-z0-9])")


def refs(note):
    """Code references in a note's parentheses. A qualifier "with .42" (E08-E13 with .42) is applied to each category
    cited (E08.42 ... E13.42); a parenthesis with any other qualifier ("with fifth character 1") cites nothing, so that a
    reference is never read wider than printed."""
    found = []
    for paren in re.findall(r"\(([^()]*)\)", note):
        head, _, qualifier = paren.partition(" with ")
        suffixes = None
        if qualifier:
            suffixes = re.findall(r"\.([0-9A-Z]{1,4})", qualifier)
            if not suffixes or re.sub(r"[\s,.0-9A-Z]|and|or", "", qualifier):
                continue
        for m in REF.finditer(head):
            token = m.group(1) + ("-" + m.group(2) if m.group(2) else "")
            if suffixes:
                found.extend("+" + c + x for c in expand(token) if len(c) == 3 for x in suffixes)
            else:
                found.append(token)
    return found


def targets_of(tokens):
    out = []
    for t in tokens:
        for p in ([t[1:]] if t.startswith("+") else expand(t)):
            if p not in out:
                out.append(p)
    return out


def txt(el):
    return re.sub(r"\s+", " ", "".join(el.itertext())).strip()


def categories_in(lo, hi):
    lo, hi = undot(lo), undot(hi)
    return [c for c in categories if lo <= c <= hi]


# ---------------------------------------------------------------- notes of the FY2023 Tabular List
rows = []
chapter_range = {}

CONDITIONAL_CF = re.compile(r"if applicable|if known|if present|if any|, if\b", re.I)
UNDERLYING = re.compile(r"^(code first )?(the |any |associated )?(underlying|associated underlying)", re.I)
CONDITIONAL_UA = re.compile(
    r"if applicable|if known|if desired|if any|\bany\b|associated|such as|, if\b|control using|place of occurrence"
    r"|perpetrator|outcome of delivery|organism|infectious agent|to identify (the )?(drug|source|cause|agent)"
    r"|tobacco|alcohol|adverse effect|poisoning|external cause|status|history"
    r"|to identify:|bacterial agent|bacteria\b|vaccine|long-term|poliomyelitis|food allergy|carrier state|dependence"
    r"|percentage", re.I)


def emit(keys, sits, el):
    for blk in el.findall("excludes1"):
        for n in blk.findall("note"):
            text = txt(n)
            for key in keys:
                rows.append(("FY2023", "EXCLUDES1", key, sits, "", ",".join(targets_of(refs(text))), text))
    for tag, kind in (("codeFirst", "CODE_FIRST"), ("useAdditionalCode", "USE_ADDITIONAL")):
        for blk in el.findall(tag):
            lines = [txt(n) for n in blk.findall("note")]
            text = " / ".join(lines)
            tokens = [t for line in lines for t in refs(line)]
            targets = ",".join(targets_of(tokens))
            if kind == "CODE_FIRST":
                flag = "STRICT" if UNDERLYING.search(lines[0]) and not CONDITIONAL_CF.search(text) else "CONDITIONAL"
            else:
                cites_only_external = tokens and all(t[0] in "VWXY" for t in tokens)
                flag = ("INFO" if tokens and not sits.startswith(("Block", "Chapter"))
                        and not CONDITIONAL_UA.search(text) and not cites_only_external else "QUIET")
            for key in keys:
                rows.append(("FY2023", kind, key, sits, flag, targets, text))


for ch in root.findall("chapter"):
    number = ch.findtext("name").strip()
    m = re.search(r"\(([A-Z][0-9A-Z]{2})-([A-Z][0-9A-Z]{2})\)", ch.findtext("desc"))
    chapter_range[number] = (m.group(1), m.group(2))
    emit(categories_in(*chapter_range[number]), "Chapter " + number, ch)
    for sec in ch.findall("section"):
        sid = sec.get("id")
        lo, hi = sid.split("-") if "-" in sid else (sid, sid)
        emit(categories_in(lo, hi), "Block " + sid, sec)
        stack = list(sec.findall("diag"))
        while stack:
            d = stack.pop(0)
            name = d.findtext("name").strip()
            emit([undot(name)], name, d)
            stack[0:0] = d.findall("diag")

# ---------------------------------------------------------------- FY2027 Excludes1
with open(f"{DATA}/icd10cm_excludes1_fy2027.csv", newline="", encoding="utf-8") as f:
    seen = set()
    for r in csv.DictReader(f):
        where, text = r["code"].strip(), r["noteText"].strip()
        if (where, text) in seen:  # one A87 note is printed twice in the source
            continue
        seen.add((where, text))
        if where.startswith("Block "):
            lo, hi = where[6:].split("-") if "-" in where[6:] else (where[6:], where[6:])
            keys = categories_in(lo, hi)
        elif where.startswith("Chapter "):
            keys = categories_in(*chapter_range[where[8:].strip()])
        else:
            keys = [undot(where)]
        tokens = refs(text)  # the same reading as the FY2023 notes (the CSV's referencedCodes ignore qualifiers)
        targets = ",".join(targets_of(tokens))
        for key in keys:
            rows.append(("FY2027", "EXCLUDES1", key, where, "", targets, text))

with gzip.GzipFile(f"{OUT}/icd10cm_tabular_notes.tsv.gz", "wb", mtime=0) as raw:
    with io.TextIOWrapper(raw, "utf-8", newline="") as f:
        f.write("# ICD-10-CM Tabular List instructional notes (FY2023 XML; FY2027 Excludes1); see docs/data.md and "
                "tools/derive_icd_conventions.py\n")
        w = csv.writer(f, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE, escapechar="\\")
        w.writerow(["source", "kind", "key", "sits", "flag", "targets", "text"])
        for r in rows:
            w.writerow([x.replace("\t", " ") for x in r])
print("notes rows", len(rows), {k: sum(1 for r in rows if (r[0], r[1]) == k)
                                 for k in {(r[0], r[1]) for r in rows}})

# ---------------------------------------------------------------- MCE v43.1
with open(f"{OUT}/icd10cm_mce_v43_1.tsv", "w", encoding="utf-8", newline="") as out:
    out.write("# CMS Medicare Code Editor v43.1 (FY2026): manifestation codes and age-conflict lists; see docs/data.md\n")
    out.write("code\tlist\tage_min\tage_max\n")
    n = 0
    with open(f"{DATA}/mce_v43_1_manifestation.tsv", encoding="utf-8") as f:
        for r in csv.DictReader(f, delimiter="\t"):
            out.write(f"{r['code_nodot']}\tMANIFESTATION\t\t\n")
            n += 1
    with open(f"{DATA}/mce_v43_1_age.tsv", encoding="utf-8") as f:
        for r in csv.DictReader(f, delimiter="\t"):
            out.write(f"{r['code_nodot']}\t{r['category'].upper()}\t{r['age_min']}\t{r['age_max']}\n")
            n += 1
print("mce rows", n)

# ---------------------------------------------------------------- sex-specific diagnoses
# 1. Nodes of the classification that are of one sex as a whole (every code beneath them).
SEX_NODES = {
    "F": ["O00-O9A", "Z3A", "N70-N98", "C51-C58", "D06", "D07.0-D07.3", "D25-D28", "D39", "E28", "Q50-Q52", "R87",
          "Z32", "Z33", "Z34", "Z36", "Z37", "Z39", "Z01.41", "Z01.42", "Z12.4", "Z12.72", "Z12.73", "Z85.40-Z85.44",
          "Z86.32", "Z87.42", "Z87.5", "Z90.71", "Z90.72", "Z97.5", "F53", "A54.24", "A56.11", "B37.3"],
    "M": ["N40-N53", "C60-C63", "D07.4-D07.6", "D29", "D40", "E29", "Q53-Q55", "R86", "Z12.5", "Z85.45-Z85.49",
          "R97.2", "A54.22", "A54.23"],
}
# 2. Titles (of the code or any of its ancestors) naming one sex or an organ of one sex. Not in chapters P (newborn:
#    "maternal" and "uterine" describe the mother) and V-Y (external causes), nor family histories.
TITLE = {
    "F": re.compile(r"\bfemale\b|\buter(us|ine)\b|\bovar(y|ies|ian)\b|\bcervix\b|\bvagina|\bvulva|\bfallopian\b"
                    r"|\bendometri|\bpregnan|\bpuerper|\bchildbirth\b|\bobstetric|\bpostpartum\b|\bgestation"
                    r"|\bantenatal\b|\bmaternal\b|\bmenopaus|\bmenstruat|\bclitor|\bbartholin|\bparametri", re.I),
    "M": re.compile(r"\bmale\b|\bprostat|\btestis\b|\btestes\b|\btesticle|\btesticular\b|\bscrot(um|al)\b"
                    r"|\bpen(is|ile)\b|\bepididym|\bspermatic\b|\bseminal\b|\bvas deferens\b|\bprepuce\b"
                    r"|\bcorpus cavernosum\b", re.I),
}
NOT_BY_TITLE = re.compile(r"family history|contact with|exposure to|newborn|infant|liveborn|fetus|not associated with"
                          r"|family planning|gestational carrier", re.I)

sex = {}
basis = {}
for s, nodes in SEX_NODES.items():
    for node in nodes:
        for p in expand(node):
            for c in subtree(p):
                sex[c] = s
                basis[c] = node


def title_sex(code):
    if code[0] in "PVWXY":
        return None
    found = set()
    for k in range(3, len(code) + 1):
        t = titles.get(code[:k])
        if not t or NOT_BY_TITLE.search(t):
            if t:
                return None
            continue
        for s, rx in TITLE.items():
            if rx.search(t):
                found.add(s)
    return found.pop() if len(found) == 1 else None


for c in universe:
    if c not in sex:
        s = title_sex(c)
        if s:
            sex[c] = s
            basis[c] = "title"

# Minimal cover: a prefix is written when its whole subtree has that one sex and its parent's does not.
def uniform(p):
    s = {sex.get(c) for c in subtree(p)}
    return s.pop() if len(s) == 1 else None


cover = []
for c in universe:
    s = sex.get(c)
    if not s or uniform(c) != s:
        continue
    if any(uniform(c[:k]) == s for k in range(3, len(c)) if c[:k] in titles):
        continue
    cover.append((c, s, basis[c] if basis[c] != "title" else "title: " + titles[c]))
with open(f"{OUT}/icd10cm_sex.tsv", "w", encoding="utf-8", newline="") as out:
    out.write("# Diagnoses of one sex, derived from the ICD-10-CM Tabular List by tools/derive_icd_conventions.py "
              "(docs/data.md). Undotted prefix, sex, basis.\n")
    out.write("prefix\tsex\tbasis\n")
    for c, s, b in cover:
        out.write(f"{c}\t{s}\t{b}\n")
print("sex prefixes", len(cover), "codes", len(sex), {s: sum(1 for v in sex.values() if v == s) for s in "FM"})
