package org.radpair.codes;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.radpair.claim.Sex;

/**
 * What the ICD-10-CM Tabular List and the CMS Medicare Code Editor say about a code, beyond its validity: the
 * Excludes1, "code first" and "use additional code" notes that apply to it (a note printed at a chapter, block,
 * category or subcategory applies to every code beneath it), whether it is a manifestation (never first-listed),
 * the MCE age range it belongs to and the one sex it fits. Derived by {@code tools/derive_icd_conventions.py}
 * (see docs/data.md); loaded once, immutable, and each code's answer is computed once.
 */
public final class IcdConventions {

    private static final String BASE = "/org/radpair/codes/";
    static final String NOTES = BASE + "icd10cm_tabular_notes.tsv.gz";
    static final String MCE = BASE + "icd10cm_mce_v43_1.tsv";
    public static final String SEX = BASE + "icd10cm_sex.tsv";

    /** From this date of service the FY2027 Excludes1 notes apply; before it the FY2023 Tabular List's. */
    public static final LocalDate FY2027 = LocalDate.of(2026, 10, 1);

    public enum Kind { EXCLUDES1, CODE_FIRST, USE_ADDITIONAL }

    /**
     * One instructional note.
     *
     * @param source  FY2023 (the Tabular List XML) or FY2027 (Excludes1 only)
     * @param sits    where the note is printed (a code, "Block M50-M54", "Chapter 13")
     * @param flag    CODE_FIRST: STRICT or CONDITIONAL; USE_ADDITIONAL: INFO or QUIET; EXCLUDES1: empty
     * @param targets undotted code prefixes the note cites, ranges expanded (empty for prose-only notes)
     * @param text    the note as printed
     */
    public record Note(Kind kind, String source, String sits, String flag, List<String> targets, String text) {

        /** Whether the note cites the (undotted) code: the code starts with one of its targets. */
        public boolean covers(String undottedCode) {
            for (String target : targets) {
                if (undottedCode.startsWith(target)) {
                    return true;
                }
            }
            return false;
        }

        /** The cited codes in dotted form (N18.1, N18.2 …), at most {@code limit} of them. */
        public List<String> cited(int limit) {
            return targets.stream().limit(limit).map(IcdCodes::dotted).toList();
        }
    }

    /** An MCE age-conflict list: NEWBORN 0–0, PEDIATRIC 0–17, MATERNITY 9–64, ADULT 15–124. */
    public record AgeRange(String list, int min, int max) {
        public boolean fits(int age) {
            return age >= min && age <= max;
        }
    }

    /** Everything that applies to one code on a date of service. */
    public record CodeNotes(String code, List<Note> excludes1, List<Note> codeFirst, List<Note> useAdditional,
            boolean manifestation, AgeRange age, Sex sex) {

        /** The first Excludes1 note of this code that cites the other (undotted) code, or null. */
        public Note excludes(String otherUndotted) {
            for (Note note : excludes1) {
                if (note.covers(otherUndotted)) {
                    return note;
                }
            }
            return null;
        }

        public boolean hasStrictCodeFirst() {
            return codeFirst.stream().anyMatch(n -> "STRICT".equals(n.flag()));
        }
    }

    /** The notes printed at one node (category, subcategory or code; chapter and block notes copied to each category). */
    private static final class Node {
        final List<Note> excludes2023 = new ArrayList<>(2);
        final List<Note> excludes2027 = new ArrayList<>(2);
        final List<Note> codeFirst = new ArrayList<>(1);
        final List<Note> useAdditional = new ArrayList<>(1);
    }

    private static final int MAX_ANSWERS = 200_000;

    private final Map<String, Node> nodes;
    private final Set<String> manifestations;
    private final Map<String, AgeRange> ages;
    private final Map<String, Sex> sexByPrefix;
    private final Map<String, CodeNotes> answers2023 = new ConcurrentHashMap<>();
    private final Map<String, CodeNotes> answers2027 = new ConcurrentHashMap<>();

    private IcdConventions(Map<String, Node> nodes, Set<String> manifestations, Map<String, AgeRange> ages,
            Map<String, Sex> sexByPrefix) {
        this.nodes = nodes;
        this.manifestations = manifestations;
        this.ages = ages;
        this.sexByPrefix = sexByPrefix;
    }

    public static IcdConventions load() {
        Map<String, Node> nodes = new HashMap<>(16_384);
        // Chapter and block notes are written once per category: share one Note (and its strings) among them.
        Map<String, Note> shared = new HashMap<>(16_384);
        Map<String, List<String>> targetLists = new HashMap<>(8_192);
        TsvReader.read(NOTES, row -> {
            String source = row.get("source");
            String kind = row.get("kind");
            String sits = row.get("sits");
            String flag = row.get("flag");
            String targets = row.get("targets");
            String text = row.get("text");
            String identity = source + '\t' + kind + '\t' + sits + '\t' + flag + '\t' + targets + '\t' + text;
            Note note = shared.computeIfAbsent(identity, k -> new Note(Kind.valueOf(kind), source, sits, flag,
                    targetLists.computeIfAbsent(targets, t -> t.isEmpty() ? List.of() : List.of(t.split(","))), text));
            Node node = nodes.computeIfAbsent(row.get("key"), k -> new Node());
            switch (note.kind()) {
                case EXCLUDES1 -> {
                    if (!note.targets().isEmpty()) {
                        ("FY2027".equals(note.source()) ? node.excludes2027 : node.excludes2023).add(note);
                    }
                }
                case CODE_FIRST -> node.codeFirst.add(note);
                case USE_ADDITIONAL -> node.useAdditional.add(note);
            }
        });
        Set<String> manifestations = new HashSet<>(1_024);
        Map<String, AgeRange> ages = new HashMap<>(8_192);
        Map<String, AgeRange> lists = new HashMap<>();
        TsvReader.read(MCE, row -> {
            String code = row.get("code");
            String list = row.get("list");
            if ("MANIFESTATION".equals(list)) {
                manifestations.add(code);
            } else {
                String min = row.get("age_min");
                String max = row.get("age_max");
                ages.put(code, lists.computeIfAbsent(list + min + max,
                        k -> new AgeRange(list, Integer.parseInt(min), Integer.parseInt(max))));
            }
        });
        Map<String, Sex> sex = new HashMap<>(1_024);
        TsvReader.read(SEX, row -> sex.put(row.get("prefix"), Sex.valueOf(row.get("sex"))));
        return new IcdConventions(nodes, manifestations, ages, sex);
    }

    /**
     * The notes and tables that apply to a code (dotted or undotted) on a date of service; null for text that
     * cannot be an ICD-10-CM code. Whether the code is valid on that date is the caller's question
     * ({@link Icd10CodeSet}): the notes are FY2023 (Excludes1 FY2027 from 2026-10-01) and apply to valid codes.
     */
    public CodeNotes notes(String code, LocalDate dateOfService) {
        if (code == null) {
            return null;
        }
        boolean fy2027 = dateOfService != null && !dateOfService.isBefore(FY2027);
        Map<String, CodeNotes> answers = fy2027 ? answers2027 : answers2023;
        // Keyed by the code as given (look-ups hand over the dotted form): a hit allocates nothing.
        CodeNotes known = answers.get(code);
        if (known == null) {
            String undotted = IcdCodes.undotted(code);
            if (undotted == null) {
                return null;
            }
            known = compute(undotted, fy2027);
            if (answers.size() < MAX_ANSWERS) {
                answers.put(code, known);
            }
        }
        return known;
    }

    private CodeNotes compute(String undotted, boolean fy2027) {
        List<Note> excludes = new ArrayList<>();
        List<Note> codeFirst = new ArrayList<>();
        List<Note> useAdditional = new ArrayList<>();
        for (int length = 3; length <= undotted.length(); length++) {
            Node node = nodes.get(undotted.substring(0, length));
            if (node != null) {
                excludes.addAll(fy2027 ? node.excludes2027 : node.excludes2023);
                codeFirst.addAll(node.codeFirst);
                useAdditional.addAll(node.useAdditional);
            }
        }
        return new CodeNotes(IcdCodes.dotted(undotted), List.copyOf(excludes), List.copyOf(codeFirst),
                List.copyOf(useAdditional), manifestations.contains(undotted), ages.get(undotted), longestSex(undotted));
    }

    private Sex longestSex(String undotted) {
        for (int length = undotted.length(); length >= 3; length--) {
            Sex sex = sexByPrefix.get(undotted.substring(0, length));
            if (sex != null) {
                return sex;
            }
        }
        return null;
    }

    /** The only sex a diagnosis fits, or null. */
    public Sex sexOf(String code) {
        String undotted = IcdCodes.undotted(code);
        return undotted == null ? null : longestSex(undotted);
    }

    /** Whether the code is on the MCE v43.1 manifestation list. */
    public boolean isManifestation(String code) {
        String undotted = IcdCodes.undotted(code);
        return undotted != null && manifestations.contains(undotted);
    }

    /** The MCE v43.1 age list of the code, or null. */
    public AgeRange ageOf(String code) {
        String undotted = IcdCodes.undotted(code);
        return undotted == null ? null : ages.get(undotted);
    }

    public int nodeCount() {
        return nodes.size();
    }
}
