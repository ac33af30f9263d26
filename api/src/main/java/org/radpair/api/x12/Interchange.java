package org.radpair.api.x12;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.radpair.api.claims.ValidateRequest;
import org.radpair.api.claims.ValidateResponse;
import org.radpair.api.x12.Claim837Mapper.Envelope;
import org.radpair.api.x12.Claim837Mapper.MappedClaim;
import org.radpair.api.x12.Claim837Mapper.NamedPatient;
import org.radpair.api.x12.Claim837Mapper.Origin;
import org.radpair.api.x12.Claim837Mapper.Party;
import org.radpair.rules.Category;
import org.radpair.rules.Edit;
import org.radpair.rules.Severity;
import org.radpair.rules.Verdict;

/**
 * The claims of one 837P interchange as mapped for the check, with what a 277CA acknowledgment echoes. Used by
 * {@link X12Resource} and by the command-line checker; needs no container.
 */
public final class Interchange {

    /** A claim that maps from X12 but misses what the check needs: its own CLAIM_STRUCTURE edits, the others go on. */
    static final String INCOMPLETE_RULE = "X12-001";
    private static final String X12_REFERENCE = "ASC X12 005010X222A1 (837P) implementation guide";

    private final Envelope envelope;
    private final List<MappedClaim> claims;

    private Interchange(Envelope envelope, List<MappedClaim> claims) {
        this.envelope = envelope;
        this.claims = List.copyOf(claims);
    }

    /**
     * Reads an 837P interchange; more than {@code maxClaims} CLM loops stop the read with {@link X12Resource.TooManyClaims}.
     *
     * @throws X12SyntaxException when the body is not a readable X12 interchange
     */
    public static Interchange read(byte[] interchange, int maxClaims) {
        if (interchange == null || interchange.length == 0) {
            throw new X12SyntaxException(0, null, "The body is empty: an X12 interchange starts with an ISA segment.", null);
        }
        List<MappedClaim> claims = new ArrayList<>();
        Claim837Mapper mapper = new Claim837Mapper(claim -> {
            if (claims.size() >= maxClaims) {
                throw new X12Resource.TooManyClaims(claim.segmentPosition(), maxClaims);
            }
            claims.add(claim);
        });
        X12Reader.read(new ByteArrayInputStream(interchange), mapper);
        mapper.finish();
        return new Interchange(mapper.envelope(), claims);
    }

    /** Claims that came as JSON (no 837 around them), to be acknowledged as a 277CA all the same. */
    public static Interchange ofRequests(List<ValidateRequest> requests) {
        Origin none = new Origin(1, "", Party.UNKNOWN, Party.UNKNOWN, Party.UNKNOWN, 1);
        List<MappedClaim> claims = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            ValidateRequest request = requests.get(i);
            String patientId = request.patient() == null || request.patient().id() == null ? "" : request.patient().id();
            claims.add(new MappedClaim(request.claimId(), i + 1, request, List.of(), none,
                    new NamedPatient("", "", patientId), BigDecimal.ZERO));
        }
        return new Interchange(Envelope.NONE, claims);
    }

    public String controlNumber() {
        return envelope.controlNumber();
    }

    public int size() {
        return claims.size();
    }

    public String claimId(int index) {
        return claims.get(index).claimId();
    }

    List<MappedClaim> claims() {
        return claims;
    }

    Envelope envelope() {
        return envelope;
    }

    /**
     * Checks every claim (on every core; {@code check} must be thread-safe) and answers in claim order: the engine for a
     * complete claim, X12-001 edits for one that cannot be checked.
     */
    public List<ValidateResponse> checkAll(Validator validator, Function<ValidateRequest, ValidateResponse> check) {
        return claims.parallelStream().map(claim -> {
            List<String> problems = problemsOf(claim, validator);
            return problems.isEmpty() ? check.apply(claim.request()) : incomplete(claim, problems);
        }).toList();
    }

    /** What keeps a claim from being checked: the mapping's problems, then the request's constraint violations. */
    static List<String> problemsOf(MappedClaim claim, Validator validator) {
        List<String> problems = new ArrayList<>(claim.problemTexts());
        for (ConstraintViolation<ValidateRequest> violation : validator.validate(claim.request())) {
            problems.add(violation.getPropertyPath() + " " + violation.getMessage());
        }
        return problems;
    }

    static ValidateResponse incomplete(MappedClaim claim, List<String> problems) {
        List<Edit> edits = problems.stream()
                .map(problem -> new Edit(INCOMPLETE_RULE, Category.CLAIM_STRUCTURE, Severity.ERROR, null, List.of(),
                        "The 837P claim " + claim.claimId() + " (CLM at segment " + claim.segmentPosition()
                                + ") cannot be checked: " + problem + ".", null, X12_REFERENCE))
                .toList();
        return new ValidateResponse(claim.claimId(), Verdict.FAIL, edits, List.of(), ValidateResponse.FollowUp.NONE,
                null, null, null);
    }

    /**
     * The 277CA (005010X214) answering these claims, validated against RadPair's schema of the guide's subset as it is
     * written. {@code answers} are in claim order; {@code summaries} gives each rule id's one-line summary.
     */
    public byte[] acknowledge(List<ValidateResponse> answers, Map<String, String> summaries) {
        return new Acknowledgment277(envelope, claims, answers, summaries, ControlNumbers.next(),
                LocalDateTime.now(ZoneOffset.UTC)).write();
    }
}
