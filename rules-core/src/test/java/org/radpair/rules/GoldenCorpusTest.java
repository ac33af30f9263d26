package org.radpair.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.radpair.claim.Claim;
import org.radpair.claim.ClaimContext;
import org.radpair.claim.ClaimHistory;
import org.radpair.claim.ClaimLine;
import org.radpair.claim.Patient;
import org.radpair.claim.Payer;
import org.radpair.claim.PayerType;
import org.radpair.claim.PriorFinding;
import org.radpair.claim.PriorStudy;
import org.radpair.claim.Purpose;
import org.radpair.claim.Sex;
import org.radpair.claim.Smoking;
import org.radpair.codes.ReferenceData;

/**
 * The golden corpus: claim scenarios with the exact set of edits (rule@line) each must produce, and
 * the pairing of each line where stated. Format in {@code golden/scenarios.txt}.
 */
class GoldenCorpusTest {

    private static ClaimChecker checker;

    record Scenario(String name, Claim claim, ClaimHistory history, List<String> expected, Map<Integer, Pairing> pairings,
            String source) {
        @Override
        public String toString() {
            return name;
        }
    }

    @BeforeAll
    static void load() {
        checker = ClaimChecker.standard(ReferenceData.load());
    }

    static Stream<Arguments> scenarios() {
        return read().stream().map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void producesExactlyTheExpectedEdits(Scenario scenario) {
        CheckResult result = checker.check(scenario.claim(), scenario.history());
        List<String> actual = result.edits().stream()
                .map(e -> e.rule() + "@" + (e.line() == null ? "-" : e.line())).sorted().toList();
        assertThat(actual).as(scenario.source() + "\n" + result.edits().stream().map(Edit::message).toList())
                .containsExactlyElementsOf(scenario.expected().stream().sorted().toList());
        scenario.pairings().forEach((line, pairing) ->
                assertThat(result.lines().get(line - 1).pairing()).as("pairing of line " + line).isEqualTo(pairing));
        assertThat(result.verdict()).isEqualTo(Verdict.of(result.edits()));
        result.edits().forEach(edit -> {
            assertThat(edit.message()).isNotBlank();
            assertThat(edit.reference()).isNotBlank();
        });
    }

    @Test
    void theCorpusIsLargeAndEveryRuleBothFiresAndStaysQuiet() {
        List<Scenario> all = read();
        assertThat(all).hasSizeGreaterThanOrEqualTo(120);
        Set<String> fired = new HashSet<>();
        Map<String, Integer> quiet = new HashMap<>();
        for (Scenario scenario : all) {
            Set<String> firedHere = new HashSet<>();
            scenario.expected().forEach(e -> firedHere.add(e.substring(0, e.indexOf('@'))));
            fired.addAll(firedHere);
            for (RuleDefinition rule : checker.rules()) {
                if (!firedHere.contains(rule.id())) {
                    quiet.merge(rule.id(), 1, Integer::sum);
                }
            }
        }
        List<String> never = checker.rules().stream().map(RuleDefinition::id).filter(id -> !fired.contains(id)).toList();
        assertThat(never).as("rules no scenario fires").isEmpty();
        assertThat(checker.rules()).allSatisfy(rule -> assertThat(quiet.getOrDefault(rule.id(), 0)).isPositive());
    }

    /** The golden files: the original corpus, the Tabular List conventions, and the coder's review of false denials. */
    static final List<String> FILES = List.of("/golden/scenarios.txt", "/golden/conventions.txt", "/golden/coder_review.txt");

    static List<Scenario> read() {
        List<Scenario> scenarios = new ArrayList<>();
        FILES.forEach(file -> scenarios.addAll(read(file)));
        return scenarios;
    }

    /** Every scenario of one file in the golden format (see {@code golden/scenarios.txt}). */
    static List<Scenario> read(String resource) {
        List<Scenario> scenarios = new ArrayList<>();
        try (var in = java.util.Objects.requireNonNull(GoldenCorpusTest.class.getResourceAsStream(resource), resource);
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    scenarios.add(parse(line));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return scenarios;
    }

    /** name | dos | payer | sex birth | context | diagnoses | lines | expected | pairings | history */
    private static Scenario parse(String source) {
        String[] f = Arrays.stream(source.split("\\|", -1)).map(String::strip).toArray(String[]::new);
        if (f.length < 8) {
            throw new IllegalArgumentException("Too few fields: " + source);
        }
        String[] patient = f[3].split("\\s+");
        Claim claim = new Claim("CLM-GOLDEN", new Patient(Sex.valueOf(patient[0]),
                patient.length > 1 ? LocalDate.parse(patient[1]) : null),
                new Payer("P", PayerType.valueOf(f[2])), LocalDate.parse(f[1]),
                f[5].isEmpty() ? List.of() : List.of(f[5].split("\\s+")), lines(f[6]), context(f[4]));
        List<String> expected = f[7].equals("none") ? List.of() : List.of(f[7].split("\\s+"));
        Map<Integer, Pairing> pairings = new TreeMap<>();
        if (f.length > 8 && !f[8].isEmpty() && !f[8].equals("-")) {
            for (String pair : f[8].split("\\s+")) {
                String[] kv = pair.split("=");
                pairings.put(Integer.parseInt(kv[0]), Pairing.valueOf(kv[1]));
            }
        }
        return new Scenario(f[0], claim, history(f.length > 9 ? f[9] : ""), expected, pairings, source);
    }

    /** cpt:modifiers(+):units:pointers(+), space separated */
    private static List<ClaimLine> lines(String spec) {
        List<ClaimLine> lines = new ArrayList<>();
        for (String line : spec.split("\\s+")) {
            String[] p = line.split(":", -1);
            List<String> modifiers = p.length > 1 && !p[1].isEmpty() ? List.of(p[1].split("\\+")) : List.of();
            int units = p.length > 2 && !p[2].isEmpty() ? Integer.parseInt(p[2]) : 1;
            List<Integer> pointers = p.length > 3 && !p[3].isEmpty()
                    ? Arrays.stream(p[3].split("\\+")).map(Integer::valueOf).toList() : List.of();
            lines.add(new ClaimLine(p[0], modifiers, units, pointers));
        }
        return lines;
    }

    /** purpose=…;birads=…;findings=A+B;followUpOf=…;smoking=packYears/current/yearsSinceQuit;ruleOut=true;pos=22 */
    private static ClaimContext context(String spec) {
        if (spec.isEmpty() || spec.equals("-")) {
            return ClaimContext.NONE;
        }
        Map<String, String> kv = new HashMap<>();
        for (String pair : spec.split(";")) {
            String[] p = pair.split("=", 2);
            kv.put(p[0].strip(), p[1].strip());
        }
        Smoking smoking = null;
        if (kv.containsKey("smoking")) {
            String[] s = kv.get("smoking").split("/");
            smoking = new Smoking(nullable(s[0]), s[1].equals("-") ? null : Boolean.valueOf(s[1]), nullable(s[2]));
        }
        return new ClaimContext(kv.containsKey("purpose") ? Purpose.valueOf(kv.get("purpose")) : null,
                kv.containsKey("birads") ? Integer.valueOf(kv.get("birads")) : null,
                kv.containsKey("findings") ? List.of(kv.get("findings").split("\\+")) : List.of(),
                kv.get("followUpOf"), smoking, Boolean.parseBoolean(kv.getOrDefault("ruleOut", "false")), kv.get("pos"));
    }

    private static Integer nullable(String value) {
        return value.equals("-") ? null : Integer.valueOf(value);
    }

    /** finding=CODE@CLAIM@DATE@REGION+REGION@open|closed ; study=CPT@CLAIM@DATE */
    private static ClaimHistory history(String spec) {
        if (spec.isEmpty() || spec.equals("-")) {
            return ClaimHistory.NONE;
        }
        List<PriorFinding> findings = new ArrayList<>();
        List<PriorStudy> studies = new ArrayList<>();
        for (String item : spec.split(";")) {
            String[] kv = item.strip().split("=", 2);
            String[] p = kv[1].split("@");
            if (kv[0].equals("finding")) {
                findings.add(new PriorFinding("F-" + findings.size(), p[0], p[1], LocalDate.parse(p[2]),
                        List.of(p[3].split("\\+")), p[4].equals("open")));
            } else {
                studies.add(new PriorStudy(p[1], p[0], LocalDate.parse(p[2])));
            }
        }
        return new ClaimHistory(findings, studies);
    }
}
