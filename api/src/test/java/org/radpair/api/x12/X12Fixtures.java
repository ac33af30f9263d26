package org.radpair.api.x12;

import java.util.ArrayList;
import java.util.List;

/** Hand-built 837P (005010X222A1) interchanges for tests, with the delimiters asked for. */
public final class X12Fixtures {

    /** One claim: subscriber id, birth date, sex, SBR09, diagnoses (undotted), lines "cpt:mod:mod|units|pointers". */
    public record TestClaim(String claimId, String memberId, String birthDate, String sex, String filing, String dos,
            List<String> diagnoses, List<String> lines, boolean withDate) {

        public static TestClaim of(String claimId, String dos, List<String> diagnoses, String... lines) {
            return new TestClaim(claimId, "MRN4411", "19610402", "F", "MB", dos, diagnoses, List.of(lines), true);
        }
    }

    private X12Fixtures() {
    }

    public static String interchange(List<TestClaim> claims) {
        return interchange(claims, '*', ':', '^', "~\n");
    }

    /** The claims billed from one place of service (CLM05-1, e.g. 22 outpatient hospital). */
    public static String interchangeAt(String placeOfService, List<TestClaim> claims) {
        return interchange(claims, '*', ':', '^', "~\n", placeOfService);
    }

    public static String interchange(List<TestClaim> claims, char element, char component, char repetition, String terminator) {
        return interchange(claims, element, component, repetition, terminator, "11");
    }

    private static String interchange(List<TestClaim> claims, char element, char component, char repetition, String terminator,
            String placeOfService) {
        String e = String.valueOf(element);
        String c = String.valueOf(component);
        List<String> transaction = new ArrayList<>();
        transaction.add(String.join(e, "ST", "837", "0001", "005010X222A1"));
        transaction.add(String.join(e, "BHT", "0019", "00", "0123", "20260302", "1200", "CH"));
        transaction.add(String.join(e, "NM1", "41", "2", "RADPAIR TEST", "", "", "", "", "46", "TEST01"));
        transaction.add(String.join(e, "NM1", "40", "2", "PAYER", "", "", "", "", "46", "PAYER01"));
        transaction.add(String.join(e, "HL", "1", "", "20", "1"));
        transaction.add(String.join(e, "NM1", "85", "2", "RADIOLOGY GROUP", "", "", "", "", "XX", "1234567893"));
        int hl = 2;
        for (TestClaim claim : claims) {
            transaction.add(String.join(e, "HL", String.valueOf(hl), "1", "22", "0"));
            hl++;
            transaction.add(String.join(e, "SBR", "P", "18", "", "", "", "", "", "", claim.filing()));
            transaction.add(String.join(e, "NM1", "IL", "1", "DOE", "JANE", "", "", "", "MI", claim.memberId()));
            transaction.add(String.join(e, "DMG", "D8", claim.birthDate(), claim.sex()));
            transaction.add(String.join(e, "NM1", "PR", "2", "MEDICARE JL", "", "", "", "", "PI", "MEDICARE-JL"));
            transaction.add(String.join(e, "CLM", claim.claimId(), "250", "", "", placeOfService + c + "B" + c + "1", "Y", "A", "Y", "Y"));
            List<String> hi = new ArrayList<>();
            hi.add("HI");
            for (int i = 0; i < claim.diagnoses().size(); i++) {
                hi.add((i == 0 ? "ABK" : "ABF") + c + claim.diagnoses().get(i));
            }
            transaction.add(String.join(e, hi));
            int number = 1;
            for (String line : claim.lines()) {
                String[] parts = line.split("\\|");
                transaction.add(String.join(e, "LX", String.valueOf(number++)));
                transaction.add(String.join(e, "SV1", "HC" + c + parts[0].replace(":", c), "250", "UN", parts[1], "", "",
                        parts[2].replace(":", c)));
                if (claim.withDate()) {
                    transaction.add(String.join(e, "DTP", "472", "D8", claim.dos()));
                }
            }
        }
        transaction.add(String.join(e, "SE", String.valueOf(transaction.size() + 1), "0001"));
        StringBuilder x12 = new StringBuilder();
        x12.append(String.join(e, "ISA", "00", "          ", "00", "          ", "ZZ", "SENDER         ", "ZZ",
                "RECEIVER       ", "260302", "1200", String.valueOf(repetition), "00501", "000000905", "0", "T", c))
                .append(terminator);
        x12.append(String.join(e, "GS", "HC", "SENDER", "RECEIVER", "20260302", "1200", "1", "X", "005010X222A1")).append(terminator);
        transaction.forEach(segment -> x12.append(segment).append(terminator));
        x12.append(String.join(e, "GE", "1", "1")).append(terminator);
        x12.append(String.join(e, "IEA", "1", "000000905")).append(terminator);
        return x12.toString();
    }
}
