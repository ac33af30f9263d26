package org.radpair.api.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radpair.api.claims.ClaimMapper;
import org.radpair.api.claims.ValidateRequest;
import org.radpair.api.x12.Acknowledgments;
import org.radpair.api.x12.Acknowledgments.ClaimAck;
import org.radpair.api.x12.X12Fixtures;
import org.radpair.api.x12.X12Fixtures.TestClaim;
import org.radpair.rules.RuleDefinition;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;

/** The checker run in-process (picocli's execute) on files with passing, failing and unreadable claims. */
class CheckCommandTest {

    private static final Engine ENGINE = new Engine();

    @TempDir
    Path dir;

    private record Run(int exit, String report, String err) {
    }

    private Run run(String... args) throws IOException {
        Path report = dir.resolve("report-" + System.nanoTime());
        StringWriter err = new StringWriter();
        List<String> all = new ArrayList<>(List.of(args));
        if (!all.contains("-o")) {
            all.add(0, report.toString());
            all.add(0, "-o");
        }
        int exit = CheckCommand.commandLine(new CheckCommand(ENGINE)).setErr(new PrintWriter(err, true))
                .setOut(new PrintWriter(new StringWriter(), true)).execute(all.toArray(String[]::new));
        return new Run(exit, Files.exists(report) ? Files.readString(report) : "", err.toString());
    }

    private Path file(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    private Path x12() throws IOException {
        return file("claims.837", X12Fixtures.interchange(List.of(
                TestClaim.of("C-PASS", "20260302", List.of("R519"), "70450:26|1|1"),
                TestClaim.of("C-FAIL", "20260302", List.of("M545"), "72148:26|1|1"),
                TestClaim.of("C-SIDE", "20260302", List.of("M25562"), "73721:RT|1|1"))));
    }

    private static String claim(String claimId, String payer, String diagnosis, String cpt, String context) {
        return "{\"claimId\":\"" + claimId + "\",\"patient\":{\"id\":\"P-" + claimId + "\",\"sex\":\"F\",\"birthDate\":\"1961-04-02\"},"
                + "\"payer\":{\"id\":\"PAYER\",\"type\":\"" + payer + "\"},\"dateOfService\":\"2026-03-02\","
                + "\"diagnoses\":[\"" + diagnosis + "\"],\"lines\":[{\"cpt\":\"" + cpt + "\",\"modifiers\":[\"26\"],"
                + "\"units\":1,\"diagnosisPointers\":[1]}]" + (context == null ? "" : ",\"context\":" + context) + "}";
    }

    private Path ndjson(String... lines) throws IOException {
        return file("claims-" + System.nanoTime() + ".ndjson", String.join("\n", lines) + "\n");
    }

    private static List<List<String>> csv(String report) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        try (var it = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY).readerFor(List.class).<List<String>>readValues(report)) {
            it.forEachRemaining(rows::add);
        }
        return rows;
    }

    @Test
    void anInterchangeWithAFailingClaimExitsOneAndListsEveryClaim() throws IOException {
        Run run = run(x12().toString());
        assertThat(run.exit()).isEqualTo(1);
        List<List<String>> rows = csv(run.report());
        assertThat(rows.get(0)).containsExactly("file", "claim", "claim_id", "verdict", "rules", "categories", "errors", "messages");
        assertThat(rows.subList(1, rows.size()).stream().map(r -> r.get(2) + "=" + r.get(3)).toList())
                .containsExactly("C-PASS=PASS", "C-FAIL=FAIL", "C-SIDE=FAIL");
        assertThat(rows.get(2).get(4)).contains("ICD-003");
        assertThat(run.err()).contains("3 claims in 1 files").contains("1 pass, 0 warn, 2 fail, 0 invalid")
                .contains("skipped").contains("SCR-011");
    }

    @Test
    void passingClaimsExitZeroAndTheJsonLinesSayWhatWasSkipped() throws IOException {
        Run run = run("--format", "jsonl", ndjson(claim("N-1", "COMMERCIAL", "R51.9", "70450", null),
                claim("N-2", "COMMERCIAL", "R51.9", "70450", null)).toString());
        assertThat(run.exit()).isZero();
        List<JsonNode> lines = run.report().lines().map(CheckCommandTest::json).toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0).get("type").asText()).isEqualTo("run");
        assertThat(lines.get(0).get("historyRulesSkipped").toString()).contains("PDX-004", "SCR-009");
        assertThat(lines.get(1).get("type").asText()).isEqualTo("claim");
        assertThat(lines.get(1).get("claimId").asText()).isEqualTo("N-1");
        assertThat(lines.get(1).get("verdict").asText()).isEqualTo("PASS");
        assertThat(lines.get(2).get("lines").get(0).get("primaryDiagnosis").asText()).isEqualTo("R51.9");
    }

    @Test
    void theHistoryRulesDoNotFireWithoutAHistory() throws IOException {
        // Without filtering, followUpOf would give PDX-004 and a first Medicare LDCT SCR-011 on every claim.
        String followUp = claim("H-1", "COMMERCIAL", "R91.1", "71250", "{\"followUpOf\":\"EARLIER-1\"}");
        String screening = claim("H-2", "MEDICARE", "Z87.891", "71271", "{\"purpose\":\"SCREENING\",\"smoking\":"
                + "{\"packYears\":30,\"currentSmoker\":true}}");
        List<String> unfiltered = new ArrayList<>();
        for (String line : List.of(followUp, screening)) {
            ENGINE.checker.check(ClaimMapper.toClaim(ENGINE.json.readValue(line, ValidateRequest.class))).edits()
                    .forEach(edit -> unfiltered.add(edit.rule()));
        }
        assertThat(unfiltered).contains("PDX-004", "SCR-011");

        Run run = run("--format", "jsonl", ndjson(followUp, screening).toString());
        List<String> claims = run.report().lines().skip(1).toList();
        assertThat(claims).hasSize(2).allSatisfy(line -> assertThat(line).doesNotContain("PDX-004").doesNotContain("SCR-011"));
    }

    @Test
    void the277caReportReadsBackWithEveryClaimsStatus() throws IOException {
        Run run = run("-f", "277ca", x12().toString(), ndjson(claim("N-3", "COMMERCIAL", "R51.9", "70450", null)).toString());
        assertThat(run.exit()).isEqualTo(1);
        String report = run.report();
        int second = report.indexOf("ISA", 3);
        Map<String, ClaimAck> fromX12 = Acknowledgments.claims(Acknowledgments.read(
                report.substring(0, second).getBytes(StandardCharsets.UTF_8)));
        assertThat(fromX12.keySet()).containsExactly("C-PASS", "C-FAIL", "C-SIDE");
        assertThat(fromX12.get("C-PASS").statuses()).containsExactly("A2:20");
        assertThat(fromX12.get("C-FAIL").statuses()).containsExactly("A7:255");
        assertThat(fromX12.get("C-SIDE").statuses().get(0)).isEqualTo("A8:453");
        Map<String, ClaimAck> fromJson = Acknowledgments.claims(Acknowledgments.read(
                report.substring(second).getBytes(StandardCharsets.UTF_8)));
        assertThat(fromJson.get("N-3").statuses()).containsExactly("A2:20");
        assertThat(fromJson.get("N-3").memberId()).isEqualTo("P-N-3");
    }

    @Test
    void badInputIsReportedAndExitsTwoWhileTheRestIsChecked() throws IOException {
        Path garbage = file("garbage.txt", "hello\n");
        String x12 = X12Fixtures.interchange(List.of(TestClaim.of("T-1", "20260302", List.of("R519"), "70450:26|1|1")));
        Path truncated = file("truncated.837", x12.substring(0, x12.length() / 2));
        Path lines = ndjson(claim("=HYPERLINK(1)", "COMMERCIAL", "R51.9", "70450", null), "{not json",
                "{\"claimId\":\"NO-LINES\"}");
        Run run = run(garbage.toString(), truncated.toString(), lines.toString(), dir.resolve("missing.837").toString());
        assertThat(run.exit()).isEqualTo(2);
        List<List<String>> rows = csv(run.report());
        assertThat(rows.subList(1, rows.size()).stream().map(r -> r.get(3)).toList())
                .containsExactly("INVALID", "INVALID", "PASS", "INVALID", "INVALID", "INVALID");
        // A claim id a spreadsheet would run as a formula is neutralised.
        assertThat(rows.get(3).get(2)).isEqualTo("'=HYPERLINK(1)");
        assertThat(rows.get(5).get(7)).contains("line 3").contains("lines");
        assertThat(run.err()).contains("garbage.txt").contains("neither an X12").contains("truncated.837")
                .contains("missing.837");
    }

    @Test
    void usageErrorsExitTwo() throws IOException {
        assertThat(run().exit()).isEqualTo(2);
        assertThat(run("--format", "pdf", x12().toString()).exit()).isEqualTo(2);
        assertThat(run("--no-such-option", x12().toString()).exit()).isEqualTo(2);
    }

    @Test
    void theSkippedRulesAreRulesTheEngineHas() {
        assertThat(ENGINE.checker.rules().stream().map(RuleDefinition::id).toList()).containsAll(Engine.HISTORY_RULES);
    }

    private static JsonNode json(String line) {
        try {
            return new ObjectMapper().readTree(line);
        } catch (IOException e) {
            throw new AssertionError(line, e);
        }
    }
}
