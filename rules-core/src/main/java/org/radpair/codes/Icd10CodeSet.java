package org.radpair.codes;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Every ICD-10-CM code of the loaded releases with the dates on which it was billable, a header,
 * or absent. Built once from the public NCHS/CMS tables on the class path; immutable and
 * thread-safe afterwards, so one instance serves every request.
 */
public final class Icd10CodeSet {

    private static final String BASE = "/org/radpair/codes/";
    static final String HISTORY = BASE + "icd10cm_code_history_fy2019_fy2026.tsv.gz";
    static final String CHANGES_FY2027 = BASE + "icd10cm_changes_fy2026_fy2027.tsv.gz";
    static final String CONVERSION = BASE + "icd10cm_conversion_fy2026.tsv.gz";

    private static final int OPEN = Integer.MAX_VALUE;

    /** One unbroken run of a code with one status. Dates are epoch days; {@code to} is exclusive. */
    private record Run(int from, int to, boolean billable, String description) {
        boolean covers(int day) {
            return day >= from && day < to;
        }
    }

    /** A conversion-table row: {@code current} took over from the codes in {@code lowest..highest}. */
    private record Conversion(String lowest, String highest, String current, int effective) {
        boolean includes(String code) {
            return code.length() == lowest.length() && code.compareTo(lowest) >= 0 && code.compareTo(highest) <= 0;
        }
    }

    private final Map<String, Run[]> runsByCode;
    private final String[] sortedCodes;
    private final List<Conversion> conversions;
    private final Map<String, List<String>> previousByCurrent;
    private final List<IcdRelease> releases;

    private Icd10CodeSet(Map<String, Run[]> runsByCode, List<Conversion> conversions,
            Map<String, List<String>> previousByCurrent, List<IcdRelease> releases) {
        this.runsByCode = runsByCode;
        this.sortedCodes = runsByCode.keySet().toArray(new String[0]);
        Arrays.sort(this.sortedCodes);
        this.conversions = conversions;
        this.previousByCurrent = previousByCurrent;
        this.releases = releases;
    }

    /** Loads the shipped tables: the FY2019–FY2026 history, the FY2027 changes and the conversion table. */
    public static Icd10CodeSet load() {
        Map<String, List<Run>> runs = new HashMap<>(131_072);
        Map<String, LocalDate> releaseStarts = new TreeMap<>();
        // A dozen distinct dates across 100k rows: parse each once.
        Map<String, Integer> days = new HashMap<>();
        TsvReader.read(HISTORY, row -> {
            String until = row.get("effective_to_exclusive");
            int from = days.computeIfAbsent(row.get("effective_from"), d -> (int) LocalDate.parse(d).toEpochDay());
            int to = until.isEmpty() ? OPEN : days.computeIfAbsent(until, d -> (int) LocalDate.parse(d).toEpochDay());
            runs.computeIfAbsent(row.get("code"), k -> new ArrayList<>(2))
                    .add(new Run(from, to, "1".equals(row.get("billable")), row.get("long_description")));
            String release = row.get("first_release");
            if (!releaseStarts.containsKey(release)) {
                releaseStarts.put(release, LocalDate.ofEpochDay(from));
            }
        });
        TsvReader.read(CHANGES_FY2027, row -> {
            applyChange(runs, row);
            releaseStarts.putIfAbsent(row.get("to_release"), LocalDate.parse(row.get("effective_date")));
        });

        List<Conversion> conversions = new ArrayList<>(8_192);
        Map<String, List<String>> previousByCurrent = new HashMap<>(8_192);
        TsvReader.read(CONVERSION, row -> {
            String current = IcdCodes.undotted(row.get("current_code"));
            String previous = row.get("previous_codes_parsed");
            if (current == null || previous.isEmpty()) {
                return;
            }
            LocalDate effectiveDate = LocalDate.parse(row.get("effective_date"));
            int effective = (int) effectiveDate.toEpochDay();
            if (effectiveDate.getMonthValue() != 10) {
                correctOffCycleStart(runs.get(current), effective);
            }
            for (String token : previous.split(";")) {
                String[] range = token.split("-");
                String lowest = IcdCodes.undotted(range[0]);
                String highest = range.length > 1 ? IcdCodes.undotted(range[1]) : lowest;
                if (lowest != null && highest != null) {
                    conversions.add(new Conversion(lowest, highest, current, effective));
                    if (lowest.equals(highest)) {
                        previousByCurrent.computeIfAbsent(current, k -> new ArrayList<>(2)).add(IcdCodes.dotted(lowest));
                    }
                }
            }
        });
        Map<String, Run[]> frozen = new HashMap<>(runs.size() * 4 / 3 + 1);
        runs.forEach((code, list) -> {
            list.sort(Comparator.comparingInt(Run::from));
            frozen.put(code, list.toArray(new Run[0]));
        });

        return new Icd10CodeSet(frozen, List.copyOf(conversions), previousByCurrent, releases(releaseStarts));
    }

    /**
     * The history starts every code at a release date, but a few codes took effect between releases
     * (U07.1 on 2020-04-01; J12.82, Z20.822 and four others on 2021-01-01, shipped in the January 2021
     * re-release of FY2021). The conversion table has their real dates; the first run starts there.
     */
    private static void correctOffCycleStart(List<Run> codeRuns, int effective) {
        if (codeRuns == null || codeRuns.isEmpty()) {
            return;
        }
        Run first = codeRuns.stream().min(Comparator.comparingInt(Run::from)).orElseThrow();
        if (first.from() != effective && effective < first.to()) {
            codeRuns.set(codeRuns.indexOf(first), new Run(effective, first.to(), first.billable(), first.description()));
        }
    }

    /** Applies one FY2026→FY2027 change row to the runs (the FY2027 order file itself is not published in usable form). */
    private static void applyChange(Map<String, List<Run>> runs, TsvReader.Row row) {
        int day = (int) LocalDate.parse(row.get("effective_date")).toEpochDay();
        String code = row.get("code");
        String changeType = row.get("change_type");
        boolean billableAfter = "1".equals(row.get("billable_after"));
        String descriptionAfter = row.get("long_description_after");
        List<Run> list = runs.computeIfAbsent(code, k -> new ArrayList<>(2));
        Run open = list.stream().filter(r -> r.to() == OPEN).findFirst().orElse(null);
        switch (changeType) {
            case "added" -> list.add(new Run(day, OPEN, billableAfter, descriptionAfter));
            case "deleted" -> close(list, open, day);
            case "became_header", "became_billable" -> {
                close(list, open, day);
                String description = open == null ? descriptionAfter : open.description();
                list.add(new Run(day, OPEN, billableAfter, descriptionAfter.isEmpty() ? description : descriptionAfter));
            }
            case "title_revised" -> {
                if (open != null) {
                    list.set(list.indexOf(open), new Run(open.from(), OPEN, open.billable(), descriptionAfter));
                }
            }
            default -> throw new IllegalStateException("Unknown ICD-10-CM change type " + changeType + " for " + code);
        }
    }

    private static void close(List<Run> list, Run open, int day) {
        if (open != null) {
            list.set(list.indexOf(open), new Run(open.from(), day, open.billable(), open.description()));
        }
    }

    private static List<IcdRelease> releases(Map<String, LocalDate> starts) {
        List<Map.Entry<String, LocalDate>> ordered = new ArrayList<>(starts.entrySet());
        ordered.sort(Map.Entry.comparingByValue());
        List<IcdRelease> releases = new ArrayList<>(ordered.size());
        for (int i = 0; i < ordered.size(); i++) {
            LocalDate from = ordered.get(i).getValue();
            LocalDate to = i + 1 < ordered.size()
                    ? ordered.get(i + 1).getValue()
                    : LocalDate.of(from.getMonthValue() >= 10 ? from.getYear() + 1 : from.getYear(), 10, 1);
            releases.add(new IcdRelease(ordered.get(i).getKey(), from, to));
        }
        return List.copyOf(releases);
    }

    /** The loaded releases, oldest first. */
    public List<IcdRelease> releases() {
        return releases;
    }

    public IcdRelease newestRelease() {
        return releases.get(releases.size() - 1);
    }

    /**
     * The release a date of service is checked against: the one in force, or the nearest one
     * when the date lies before the oldest or after the newest loaded release.
     */
    public IcdRelease releaseFor(LocalDate dateOfService) {
        for (IcdRelease release : releases) {
            if (release.covers(dateOfService)) {
                return release;
            }
        }
        return dateOfService.isBefore(releases.get(0).effectiveFrom()) ? releases.get(0) : newestRelease();
    }

    /** Number of distinct codes (billable or header) ever loaded. */
    public int size() {
        return runsByCode.size();
    }

    /** Cheap yes/no for the hot path: is the code billable on the date of service. */
    public boolean isBillable(String rawCode, LocalDate dateOfService) {
        String code = IcdCodes.undotted(rawCode);
        if (code == null) {
            return false;
        }
        Run run = runOn(runsByCode.get(code), clampToLoaded(dateOfService));
        return run != null && run.billable();
    }

    /** Looks a code up as of a date of service. Never throws for bad input: malformed text is a status. */
    public IcdLookup lookup(String rawCode, LocalDate dateOfService) {
        IcdRelease release = releaseFor(dateOfService);
        String code = IcdCodes.undotted(rawCode);
        if (code == null) {
            return new IcdLookup(IcdCodes.display(rawCode), IcdStatus.MALFORMED, null, null, null,
                    List.of(), List.of(), List.of(), release);
        }
        String dotted = IcdCodes.dotted(code);
        Run[] runs = runsByCode.get(code);
        if (runs == null) {
            return new IcdLookup(dotted, IcdStatus.UNKNOWN, null, null, null, List.of(), List.of(), List.of(), release);
        }
        int day = clampToLoaded(dateOfService);
        Run run = runOn(runs, day);
        if (run != null) {
            List<String> children = run.billable() ? List.of() : billableChildren(code, day);
            return new IcdLookup(dotted, run.billable() ? IcdStatus.BILLABLE : IcdStatus.HEADER, run.description(),
                    date(run.from()), lastDay(run.to()), List.of(), children,
                    previousByCurrent.getOrDefault(code, List.of()), release);
        }
        if (day < runs[0].from()) {
            Run first = runs[0];
            return new IcdLookup(dotted, IcdStatus.NOT_YET_EFFECTIVE, first.description(), date(first.from()),
                    lastDay(first.to()), List.of(), List.of(), previousByCurrent.getOrDefault(code, List.of()), release);
        }
        Run last = lastBefore(runs, day);
        return new IcdLookup(dotted, IcdStatus.DELETED, last.description(), date(last.from()), lastDay(last.to()),
                replacements(code, last.to()), List.of(), List.of(), release);
    }

    private int clampToLoaded(LocalDate dateOfService) {
        // The oldest history row means "on or before": dates before it are judged by the oldest release.
        long day = Math.max(dateOfService.toEpochDay(), releases.get(0).effectiveFrom().toEpochDay());
        return (int) Math.min(day, OPEN - 1L);
    }

    private static Run runOn(Run[] runs, int day) {
        if (runs == null) {
            return null;
        }
        for (Run run : runs) {
            if (run.covers(day)) {
                return run;
            }
        }
        return null;
    }

    private static Run lastBefore(Run[] runs, int day) {
        Run last = runs[0];
        for (Run run : runs) {
            if (run.from() <= day) {
                last = run;
            }
        }
        return last;
    }

    /** Billable codes under a header on a date, in code order. */
    private List<String> billableChildren(String header, int day) {
        int index = Arrays.binarySearch(sortedCodes, header);
        index = index < 0 ? -index - 1 : index + 1;
        List<String> children = new ArrayList<>();
        for (int i = index; i < sortedCodes.length && sortedCodes[i].startsWith(header); i++) {
            Run run = runOn(runsByCode.get(sortedCodes[i]), day);
            if (run != null && run.billable()) {
                children.add(IcdCodes.dotted(sortedCodes[i]));
            }
        }
        return Collections.unmodifiableList(children);
    }

    /** Codes the conversion table names as taking over from a code deleted on {@code deletedOn}. */
    private List<String> replacements(String code, int deletedOn) {
        Set<String> found = new LinkedHashSet<>();
        for (Conversion conversion : conversions) {
            if (conversion.effective() == deletedOn && conversion.includes(code)) {
                found.add(IcdCodes.dotted(conversion.current()));
            }
        }
        if (found.isEmpty()) {
            for (Conversion conversion : conversions) {
                if (conversion.includes(code)) {
                    found.add(IcdCodes.dotted(conversion.current()));
                }
            }
        }
        return List.copyOf(found);
    }

    private static LocalDate date(int day) {
        return LocalDate.ofEpochDay(day);
    }

    private static LocalDate lastDay(int exclusiveEnd) {
        return exclusiveEnd == OPEN ? null : LocalDate.ofEpochDay(exclusiveEnd - 1L);
    }
}
