package org.radpair.api.x12;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.validation.Validation;
import jakarta.validation.Validator;

import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;
import org.radpair.api.claims.BatchValidation;
import org.radpair.api.claims.ClaimMapper;
import org.radpair.api.claims.ValidateResponse;
import org.radpair.api.x12.Acknowledgments.ClaimAck;
import org.radpair.api.x12.Acknowledgments.Segment;
import org.radpair.api.x12.X12Fixtures.TestClaim;
import org.radpair.codes.ReferenceData;
import org.radpair.rules.CheckResult;
import org.radpair.rules.ClaimChecker;
import org.radpair.rules.Edit;
import org.radpair.rules.RuleDefinition;
import org.radpair.rules.Severity;

/** The 277CA as written, read back with StAEDI and validated against the 005010X214 subset schema. No container. */
class Acknowledgment277Test {

    private static final ClaimChecker CHECKER = ClaimChecker.standard(ReferenceData.load());
    private static final Validator VALIDATOR = Validation.byProvider(HibernateValidator.class).configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator();

    private static final List<TestClaim> CLAIMS = List.of(
            TestClaim.of("ACK-PASS", "20260302", List.of("R519"), "70450:26|1|1"),
            TestClaim.of("ACK-HEADER", "20260302", List.of("M545"), "72148:26|1|1"),
            TestClaim.of("ACK-SIDE", "20260302", List.of("M25562"), "73721:RT|1|1"),
            TestClaim.of("ACK-WARN", "20260302", List.of("R519", "G43909"), "70450:26|1|1:2"),
            new TestClaim("ACK-NODATE", "MRN7", "19700101", "M", "CI", "20260302", List.of("R519"), List.of("70450:26|1|1"), false));

    private static byte[] acknowledge(List<TestClaim> claims) {
        Interchange interchange = Interchange.read(X12Fixtures.interchange(claims).getBytes(StandardCharsets.UTF_8),
                BatchValidation.MAX_CLAIMS);
        List<ValidateResponse> answers = interchange.checkAll(VALIDATOR, request -> {
            CheckResult result = CHECKER.check(ClaimMapper.toClaim(request));
            return new ValidateResponse(request.claimId(), result.verdict(), result.edits(), result.lines(),
                    ValidateResponse.FollowUp.NONE, null, null, result.rulesetVersion());
        });
        return interchange.acknowledge(answers, X12Resource.ruleSummaries(CHECKER));
    }

    @Test
    void everyClaimGetsItsStatusEchoingItsControlNumber() {
        Map<String, ClaimAck> claims = Acknowledgments.claims(Acknowledgments.read(acknowledge(CLAIMS)));

        assertThat(claims.keySet()).containsExactly("ACK-PASS", "ACK-HEADER", "ACK-SIDE", "ACK-WARN", "ACK-NODATE");
        assertThat(claims.get("ACK-PASS").statuses()).containsExactly("A2:20");
        assertThat(claims.get("ACK-PASS").action()).isEqualTo("WQ");
        assertThat(claims.get("ACK-PASS").message()).isEmpty();
        assertThat(claims.get("ACK-PASS").charge()).isEqualTo("250");
        assertThat(claims.get("ACK-PASS").serviceDate()).isEqualTo("20260302");
        assertThat(claims.get("ACK-PASS").patientLast()).isEqualTo("DOE");
        assertThat(claims.get("ACK-PASS").memberId()).isEqualTo("MRN4411");

        // ICD-003, a category header: invalid information about a diagnosis code.
        assertThat(claims.get("ACK-HEADER").statuses()).containsExactly("A7:255");
        assertThat(claims.get("ACK-HEADER").action()).isEqualTo("U");
        assertThat(claims.get("ACK-HEADER").message()).startsWith("ICD-003 ");
        // MOD-005, the side modifier against the diagnosis's side: a relational error about the modifier.
        assertThat(claims.get("ACK-SIDE").statuses()).first().isEqualTo("A8:453");
        assertThat(claims.get("ACK-SIDE").message()).contains("MOD-005");
        // A warning is accepted, its rule named in the message.
        assertThat(claims.get("ACK-WARN").statuses()).containsExactly("A2:20");
        assertThat(claims.get("ACK-WARN").message()).startsWith("SYM-001 ");
        // No DTP*472: rejected for missing information (date of service), and no service date to echo.
        assertThat(claims.get("ACK-NODATE").statuses()).containsExactly("A6:187");
        assertThat(claims.get("ACK-NODATE").message()).contains("X12-001").contains("DTP 472");
        assertThat(claims.get("ACK-NODATE").serviceDate()).isNull();
        assertThat(claims.get("ACK-NODATE").memberId()).isEqualTo("MRN7");
    }

    @Test
    void theLevelsNestAndTheCountsAddUp() {
        List<Segment> segments = Acknowledgments.read(acknowledge(CLAIMS));
        List<Segment> levels = Acknowledgments.all(segments, "HL");
        assertThat(levels.get(0).elements()).hasSize(4);
        assertThat(levels.stream().map(hl -> hl.element(3)).toList()).containsExactly("20", "21", "19", "PT", "PT", "PT", "PT", "PT");
        Map<String, String> levelOf = levels.stream().collect(Collectors.toMap(hl -> hl.element(1), hl -> hl.element(3)));
        for (Segment hl : levels) {
            String expectedParent = switch (hl.element(3)) {
                case "20" -> null;
                case "21" -> "20";
                case "19" -> "21";
                default -> "19";
            };
            assertThat(hl.element(2).isEmpty() ? null : levelOf.get(hl.element(2))).isEqualTo(expectedParent);
        }
        assertThat(Acknowledgments.all(segments, "QTY").stream().map(q -> q.element(1) + "=" + q.element(2)).toList())
                .containsExactly("90=2", "AA=3", "QA=2", "QC=3");
        assertThat(Acknowledgments.all(segments, "AMT").stream().map(a -> a.element(1) + "=" + a.element(2)).toList())
                .containsExactly("YU=500", "YY=750", "YU=500", "YY=750");
        Segment st = Acknowledgments.all(segments, "ST").get(0);
        assertThat(st.element(1)).isEqualTo("277");
        assertThat(st.element(3)).isEqualTo("005010X214");
        Segment se = Acknowledgments.all(segments, "SE").get(0);
        int first = segments.indexOf(st);
        int last = segments.indexOf(se);
        assertThat(Integer.parseInt(se.element(1))).isEqualTo(last - first + 1);
        assertThat(se.element(2)).isEqualTo(st.element(2));
        // The receiver's trace is the 837's BHT03; the 837's sender is the 277CA's receiver.
        Segment bht = Acknowledgments.all(segments, "BHT").get(0);
        assertThat(bht.element(3)).isEqualTo("0123");
        Segment isa = segments.get(0);
        assertThat(isa.element(8).strip()).isEqualTo("SENDER");
        assertThat(isa.element(6).strip()).isEqualTo("RECEIVER");
    }

    @Test
    void controlNumbersAreUniquePerResponseAndMatchTheirTrailers() {
        List<Segment> one = Acknowledgments.read(acknowledge(CLAIMS.subList(0, 1)));
        List<Segment> two = Acknowledgments.read(acknowledge(CLAIMS.subList(0, 1)));
        for (List<Segment> ack : List.of(one, two)) {
            assertThat(ack.get(0).element(13)).isEqualTo(Acknowledgments.all(ack, "IEA").get(0).element(2));
            assertThat(Acknowledgments.all(ack, "GS").get(0).element(6)).isEqualTo(Acknowledgments.all(ack, "GE").get(0).element(2));
        }
        assertThat(one.get(0).element(13)).isNotEqualTo(two.get(0).element(13));
        Set<String> traces = Acknowledgments.all(one, "TRN").stream().filter(t -> t.element(1).equals("1"))
                .map(t -> t.element(2)).collect(Collectors.toSet());
        assertThat(traces).hasSize(2);
    }

    @Test
    void everyRuleThatCanRejectMapsToARejectionCategory() {
        for (RuleDefinition rule : CHECKER.rules()) {
            ClaimStatus status = ClaimStatus.of(new Edit(rule.id(), rule.category(), Severity.ERROR, null, List.of(), "", null, ""));
            assertThat(status).as(rule.id()).isNotNull();
            assertThat(status.category()).as(rule.id()).isIn("A6", "A7", "A8");
            assertThat(status.code()).as(rule.id()).matches("[0-9]{2,3}");
        }
    }

    @Test
    void freeTextLosesTheDelimitersAndAccents() {
        assertThat(Acknowledgment277.clean("a*b:c^d~e — é\u0001")).isEqualTo("a b c d e - e");
    }
}
