package org.radpair.codes;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * NCCI procedure-to-procedure edits (practitioner, 2024 Q3, radiology codes), indexed by the
 * ordered pair for constant-time look-up.
 */
public final class NcciEdits {

    static final String PTP = "/org/radpair/codes/ncci_ptp_practitioner_radiology_2024q3.tsv.gz";
    public static final String RELEASE = "NCCI PTP and MUE, practitioner, 2024 Q3";

    private final Map<String, PtpEdit[]> byPair;
    private final Map<String, List<PtpEdit>> byColumn1;

    private NcciEdits(Map<String, PtpEdit[]> byPair, Map<String, List<PtpEdit>> byColumn1) {
        this.byPair = byPair;
        this.byColumn1 = byColumn1;
    }

    public static NcciEdits load() {
        Map<String, List<PtpEdit>> pairs = new HashMap<>(16_384);
        Map<String, List<PtpEdit>> column1 = new HashMap<>(1_024);
        TsvReader.read(PTP, row -> {
            String first = row.get("column1");
            String second = row.get("column2");
            String deleted = row.get("deletion_date");
            PtpEdit edit = new PtpEdit(first, second, "*".equals(deleted) ? null : LocalDate.parse(deleted),
                    Integer.parseInt(row.get("modifier_indicator")), row.get("rationale"));
            pairs.computeIfAbsent(first + second, k -> new ArrayList<>(1)).add(edit);
            column1.computeIfAbsent(first, k -> new ArrayList<>()).add(edit);
        });
        Map<String, PtpEdit[]> frozen = new HashMap<>(pairs.size() * 4 / 3 + 1);
        pairs.forEach((pair, edits) -> frozen.put(pair, edits.toArray(new PtpEdit[0])));
        Map<String, List<PtpEdit>> column1Frozen = new HashMap<>(column1.size() * 4 / 3 + 1);
        column1.forEach((code, edits) -> column1Frozen.put(code, List.copyOf(edits)));
        return new NcciEdits(frozen, column1Frozen);
    }

    /** The edit in force on the date for column 1 / column 2, or null. */
    public PtpEdit edit(String column1, String column2, LocalDate dateOfService) {
        PtpEdit[] edits = byPair.get(column1 + column2);
        if (edits == null) {
            return null;
        }
        for (PtpEdit edit : edits) {
            if (edit.inForceOn(dateOfService)) {
                return edit;
            }
        }
        return null;
    }

    /** Every edit (active or deleted) in which the code is column 1. */
    public List<PtpEdit> asColumn1(String code) {
        return byColumn1.getOrDefault(code, List.of());
    }

    public int size() {
        return byPair.size();
    }
}
