package org.radpair.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.radpair.claim.Claim;
import org.radpair.claim.ClaimHistory;
import org.radpair.claim.ClaimLine;
import org.radpair.claim.PriorFinding;
import org.radpair.claim.Purpose;
import org.radpair.codes.BodyRegion;
import org.radpair.codes.CptCode;
import org.radpair.codes.IcdCodes;
import org.radpair.codes.Modality;
import org.radpair.codes.StudyPurpose;
import org.radpair.codes.TsvReader;

/**
 * Findings and follow-ups recognised from the claims themselves, without {@code incidentalFindings} or
 * {@code followUpOf}: which findings a claim opens (a secondary diagnosis of a diagnostic study that is a
 * finding calling for follow-up imaging, in the study's field of view) and which open findings of the
 * patient it follows up (first-listed the finding's code, a more specific code, another finding code of the
 * family or a definitive result of it, on a study that images the family's region with a modality able to
 * evaluate it, within the window). Data: {@code follow_up_findings.tsv} and {@code follow_up_results.tsv}.
 * A plain function of the claim, the history and the CPT catalog: it reads and writes nothing.
 */
public final class FindingFollowUps {

    /** A claim's secondary diagnosis opened a finding. */
    public static final String OPENED_AS_SECONDARY = "FINDING-SECONDARY";
    /** {@code followUpOf} named the claim that opened the finding. */
    public static final String FOLLOWED_UP_EXPLICITLY = "FOLLOWUP-EXPLICIT";
    /** First-listed: the finding's own code or a more specific one. */
    public static final String FOLLOWED_UP_SAME_CODE = "FOLLOWUP-CODE";
    /** First-listed: another finding code of the same family. */
    public static final String FOLLOWED_UP_SAME_FAMILY = "FOLLOWUP-FAMILY";
    /** First-listed: a definitive diagnosis of the family (ICD-10-CM guideline IV.K). */
    public static final String FOLLOWED_UP_WITH_RESULT = "FOLLOWUP-RESULT";

    /** Window and due time of a finding whose code is not in the table (an explicit finding). */
    public static final int DEFAULT_WINDOW_MONTHS = 24;
    public static final int DEFAULT_DUE_MONTHS = 12;

    private static final String BASE = "/org/radpair/rules/";

    /** Modalities that may follow up a finding the table does not know: any diagnostic imaging but bone density. */
    private static final Set<Modality> ANY_IMAGING = EnumSet.complementOf(EnumSet.of(Modality.DXA, Modality.RADONC, Modality.IR));


    /** One row of the findings table: a code (and its more specific codes) of a family. */
    public record FindingCode(String family, String code, Set<BodyRegion> regions, Set<Modality> modalities, int dueMonths,
            int windowMonths, String source) {
    }

    /** A finding this claim opens. */
    public record Opening(String code, String family, String rule, List<String> regions, LocalDate dueOn) {
    }

    /** An open finding of the patient this claim follows up, and how that was recognised. */
    public record Closure(PriorFinding finding, String family, String rule, boolean inferred) {
    }

    private final List<FindingCode> findings;
    // The rows and the results by ICD-10-CM category (the first three characters), so that a look-up, made for
    // every diagnosis of every claim recorded, reads a handful of rows instead of the whole table.
    private final Map<String, List<FindingCode>> findingsByCategory = new HashMap<>();
    private final Map<String, List<Result>> resultsByCategory = new HashMap<>();

    /** A definitive result of a family: a code prefix. */
    private record Result(String family, String prefix) {
    }

    private FindingFollowUps(List<FindingCode> findings, Map<String, List<String>> results) {
        // Longest code first, so that the most specific row of a code wins.
        this.findings = findings.stream().sorted(Comparator.comparingInt((FindingCode f) -> f.code().length()).reversed()).toList();
        for (FindingCode finding : this.findings) {
            findingsByCategory.computeIfAbsent(category(finding.code()), c -> new ArrayList<>()).add(finding);
        }
        results.forEach((family, prefixes) -> prefixes.forEach(prefix -> resultsByCategory
                .computeIfAbsent(category(prefix), c -> new ArrayList<>()).add(new Result(family, prefix))));
    }

    private static String category(String code) {
        if (code.length() < 3) {
            throw new IllegalStateException("follow-up tables: a code needs at least its category (3 characters): " + code);
        }
        return code.substring(0, 3);
    }

    /** Reads the two tables from the class path. */
    public static FindingFollowUps load() {
        List<FindingCode> findings = new ArrayList<>();
        TsvReader.read(BASE + "follow_up_findings.tsv", row -> findings.add(new FindingCode(row.get("family"),
                row.get("finding"), enums(BodyRegion.class, row.get("regions")), enums(Modality.class, row.get("modalities")),
                Integer.parseInt(row.get("due_months")), Integer.parseInt(row.get("window_months")), row.get("source"))));
        Set<String> families = new HashSet<>();
        findings.forEach(f -> families.add(f.family()));
        Map<String, List<String>> results = new LinkedHashMap<>();
        TsvReader.read(BASE + "follow_up_results.tsv", row -> {
            String family = row.get("family");
            if (!families.contains(family)) {
                throw new IllegalStateException("follow_up_results.tsv names a family with no finding: " + family);
            }
            results.computeIfAbsent(family, f -> new ArrayList<>()).add(row.get("result"));
        });
        return new FindingFollowUps(findings, results);
    }

    private static <E extends Enum<E>> Set<E> enums(Class<E> type, String list) {
        Set<E> values = EnumSet.noneOf(type);
        for (String value : list.split(",")) {
            values.add(Enum.valueOf(type, value.strip()));
        }
        return values;
    }

    public List<FindingCode> table() {
        return findings;
    }

    /** The table row of a code (or of a less specific code of it), or null. */
    public FindingCode findingCode(String raw) {
        return rowOf(IcdCodes.display(raw));
    }

    /** {@link #findingCode} of a code already in display form. */
    private FindingCode rowOf(String code) {
        List<FindingCode> rows = code.length() < 3 ? null : findingsByCategory.get(code.substring(0, 3));
        if (rows != null) {
            for (FindingCode finding : rows) {
                if (code.startsWith(finding.code())) {
                    return finding;
                }
            }
        }
        return null;
    }

    /** The first family (in table order) of which a code (in display form) is a definitive result, or null. */
    private String resultFamilyOf(String code) {
        for (Result result : resultsOfCategory(code)) {
            if (code.startsWith(result.prefix())) {
                return result.family();
            }
        }
        return null;
    }

    /** Whether a code (in display form) is a definitive result of the family (a result may close several families). */
    private boolean isResultOf(String code, String family) {
        for (Result result : resultsOfCategory(code)) {
            if (result.family().equals(family) && code.startsWith(result.prefix())) {
                return true;
            }
        }
        return false;
    }

    private List<Result> resultsOfCategory(String code) {
        return code.length() < 3 ? List.of() : resultsByCategory.getOrDefault(code.substring(0, 3), List.of());
    }

    /** When a finding opened on {@code openedOn} is due: the table's time for its code, else {@value #DEFAULT_DUE_MONTHS} months. */
    public LocalDate dueOn(String code, LocalDate openedOn) {
        FindingCode row = findingCode(code);
        return openedOn.plusMonths(row == null ? DEFAULT_DUE_MONTHS : row.dueMonths());
    }

    /**
     * The findings this claim opens by inference: each secondary diagnosis (not first-listed on the claim nor
     * on a line) that is in the table, on a claim with a diagnostic study whose field of view includes the
     * finding's region (the lines pointing at it, or every line when none does). Not opened: a finding of a
     * family this claim is about (first-listed or followed up), or of which the patient already has an open
     * finding from another claim. Screening claims open nothing.
     */
    public List<Opening> openings(Claim claim, ClaimHistory history, Function<String, CptCode> catalog) {
        return openings(claim, history, catalog, closures(claim, history, catalog));
    }

    /** What a claim opens and follows up, the closures computed once. */
    public record Recognition(List<Opening> openings, List<Closure> closures) {
    }

    public Recognition recognise(Claim claim, ClaimHistory history, Function<String, CptCode> catalog) {
        List<Closure> closures = closures(claim, history, catalog);
        return new Recognition(openings(claim, history, catalog, closures), closures);
    }

    private List<Opening> openings(Claim claim, ClaimHistory history, Function<String, CptCode> catalog,
            List<Closure> closures) {
        if (claim.context().purpose() == Purpose.SCREENING || claim.diagnoses().size() < 2) {
            return List.of();
        }
        // The table says which codes matter: most claims have no secondary diagnosis in it, and open nothing.
        int diagnoses = claim.diagnoses().size();
        String[] codes = null;
        FindingCode[] rows = null;
        for (int i = 1; i < diagnoses; i++) {
            String code = IcdCodes.display(claim.diagnoses().get(i));
            FindingCode row = rowOf(code);
            if (row != null) {
                if (rows == null) {
                    codes = new String[diagnoses];
                    rows = new FindingCode[diagnoses];
                }
                codes[i] = code;
                rows[i] = row;
            }
        }
        if (rows == null) {
            return List.of();
        }
        Set<String> firstListed = new HashSet<>();
        firstListed.add(IcdCodes.display(claim.diagnoses().get(0)));
        for (ClaimLine line : claim.lines()) {
            String primary = line.diagnosisPointers().isEmpty() ? null : claim.diagnosisAt(line.diagnosisPointers().get(0));
            if (primary != null) {
                firstListed.add(IcdCodes.display(primary));
            }
        }
        Set<String> familiesOfTheClaim = new HashSet<>();
        for (String code : firstListed) {
            familiesOfTheClaim.add(familyOfFirstListed(code));
        }
        for (Closure closure : closures) {
            familiesOfTheClaim.add(closure.family());
        }
        Set<String> alreadyOpen = new HashSet<>();
        for (PriorFinding finding : history.findings()) {
            if (finding.open() && !claim.claimId().equals(finding.openedBy())) {
                alreadyOpen.add(familyOf(finding));
            }
        }
        Map<String, Opening> openings = new LinkedHashMap<>();
        for (int i = 1; i < diagnoses; i++) {
            String code = codes[i];
            FindingCode row = rows[i];
            if (row == null || firstListed.contains(code) || openings.containsKey(code)
                    || familiesOfTheClaim.contains(row.family()) || alreadyOpen.contains(row.family())) {
                continue;
            }
            if (seenBy(studiesPointingAt(claim, i + 1, catalog), row)) {
                openings.put(code, new Opening(code, row.family(), OPENED_AS_SECONDARY,
                        row.regions().stream().map(Enum::name).toList(), claim.dateOfService().plusMonths(row.dueMonths())));
            }
        }
        return List.copyOf(openings.values());
    }

    /**
     * The open findings of the patient this claim follows up. With {@code followUpOf}, only those of the claim
     * it names whose code is listed first ({@link FollowUps}): an explicit answer wins over any inference.
     * Otherwise, per family, the oldest open finding (opened by another claim, on or before this date of
     * service, within its window) for which a first-listed diagnosis and its study qualify.
     */
    public List<Closure> closures(Claim claim, ClaimHistory history, Function<String, CptCode> catalog) {
        String followUpOf = claim.context().followUpOf();
        if (followUpOf != null && !followUpOf.isBlank()) {
            return FollowUps.resolvedBy(claim, history).stream()
                    .map(finding -> new Closure(finding, familyOf(finding), FOLLOWED_UP_EXPLICITLY, false)).toList();
        }
        if (claim.context().purpose() == Purpose.SCREENING) {
            return List.of();
        }
        List<PriorFinding> open = new ArrayList<>(history.findings().size());
        for (PriorFinding finding : history.findings()) {
            if (finding.open() && !claim.claimId().equals(finding.openedBy())
                    && !finding.openedOn().isAfter(claim.dateOfService())) {
                open.add(finding);
            }
        }
        if (open.isEmpty()) {
            return List.of();
        }
        List<FirstListed> candidates = firstListed(claim, catalog);
        if (candidates.isEmpty()) {
            return List.of();
        }
        open.sort(OLDEST_FIRST);
        List<Closure> closures = new ArrayList<>();
        Set<String> closedFamilies = new HashSet<>();
        for (PriorFinding finding : open) {
            FindingCode row = findingCode(finding.code());
            String family = familyOf(finding);
            int window = row == null ? DEFAULT_WINDOW_MONTHS : row.windowMonths();
            if (closedFamilies.contains(family) || claim.dateOfService().isAfter(finding.openedOn().plusMonths(window))) {
                continue;
            }
            for (FirstListed candidate : candidates) {
                String rule = rule(candidate.code(), finding, row);
                if (rule != null && candidate.studies().stream().anyMatch(study -> evaluates(study, finding, row))) {
                    closures.add(new Closure(finding, family, rule, true));
                    closedFamilies.add(family);
                    break;
                }
            }
        }
        return closures;
    }

    private static final Comparator<PriorFinding> OLDEST_FIRST = Comparator.comparing(PriorFinding::openedOn)
            .thenComparing(PriorFinding::openedBy).thenComparing(PriorFinding::findingId);

    /** A first-listed diagnosis and the studies it is first-listed for. */
    private record FirstListed(String code, List<CptCode> studies) {
    }

    private static List<FirstListed> firstListed(Claim claim, Function<String, CptCode> catalog) {
        List<FirstListed> candidates = new ArrayList<>();
        if (!claim.diagnoses().isEmpty()) {
            List<CptCode> all = new ArrayList<>();
            for (ClaimLine line : claim.lines()) {
                CptCode study = catalog.apply(line.cpt());
                if (study != null) {
                    all.add(study);
                }
            }
            candidates.add(new FirstListed(IcdCodes.display(claim.diagnoses().get(0)), all));
        }
        for (ClaimLine line : claim.lines()) {
            String primary = line.diagnosisPointers().isEmpty() ? null : claim.diagnosisAt(line.diagnosisPointers().get(0));
            CptCode study = catalog.apply(line.cpt());
            if (primary != null && study != null) {
                candidates.add(new FirstListed(IcdCodes.display(primary), List.of(study)));
            }
        }
        return candidates;
    }

    private String rule(String firstListed, PriorFinding finding, FindingCode row) {
        if (firstListed.startsWith(IcdCodes.display(finding.code()))) {
            return FOLLOWED_UP_SAME_CODE;
        }
        if (row == null) {
            return null;
        }
        FindingCode other = rowOf(firstListed);
        if (other != null && other.family().equals(row.family())) {
            return FOLLOWED_UP_SAME_FAMILY;
        }
        return isResultOf(firstListed, row.family()) ? FOLLOWED_UP_WITH_RESULT : null;
    }

    /** A study able to evaluate the finding: diagnostic, of one of its modalities, imaging one of its regions. */
    private static boolean evaluates(CptCode study, PriorFinding finding, FindingCode row) {
        if (study.purpose() == StudyPurpose.SCREENING) {
            return false;
        }
        Set<Modality> modalities = row == null ? ANY_IMAGING : row.modalities();
        if (!modalities.contains(study.modality())) {
            return false;
        }
        Set<BodyRegion> regions = row == null ? regionsOf(finding.regions()) : row.regions();
        for (BodyRegion region : study.regions()) {
            if (region == BodyRegion.WHOLE_BODY || regions.contains(region)) {
                return true;
            }
        }
        return false;
    }

    private static Set<BodyRegion> regionsOf(List<String> names) {
        Set<BodyRegion> regions = EnumSet.noneOf(BodyRegion.class);
        for (String name : names) {
            try {
                regions.add(BodyRegion.valueOf(name));
            } catch (IllegalArgumentException e) {
                // a region this version does not know: it matches nothing
            }
        }
        regions.remove(BodyRegion.OTHER);
        return regions;
    }

    private static List<CptCode> studiesPointingAt(Claim claim, int pointer, Function<String, CptCode> catalog) {
        List<CptCode> pointing = new ArrayList<>();
        List<CptCode> all = new ArrayList<>();
        for (ClaimLine line : claim.lines()) {
            CptCode study = catalog.apply(line.cpt());
            if (study == null) {
                continue;
            }
            all.add(study);
            if (line.diagnosisPointers().contains(pointer)) {
                pointing.add(study);
            }
        }
        return pointing.isEmpty() ? all : pointing;
    }

    /** Whether one of the studies is diagnostic and its field of view includes one of the finding's regions. */
    private static boolean seenBy(List<CptCode> studies, FindingCode row) {
        for (CptCode study : studies) {
            if (study.purpose() != StudyPurpose.DIAGNOSTIC) {
                continue;
            }
            for (BodyRegion region : study.regions()) {
                if (region == BodyRegion.WHOLE_BODY || row.regions().contains(region)
                        || FieldOfView.around(region).stream().anyMatch(row.regions()::contains)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The family of a recorded finding: its table family, or its own code when the table does not know it. */
    public String familyOf(PriorFinding finding) {
        FindingCode row = findingCode(finding.code());
        return row == null ? "code:" + IcdCodes.display(finding.code()) : row.family();
    }

    private String familyOfFirstListed(String code) {
        FindingCode row = rowOf(code);
        if (row != null) {
            return row.family();
        }
        String family = resultFamilyOf(code);
        return family != null ? family : "code:" + code;
    }

    /** Families known to the table, in table order (for documentation and tests). */
    public Set<String> families() {
        Set<String> families = new LinkedHashSet<>();
        findings.forEach(f -> families.add(f.family()));
        return families;
    }
}
