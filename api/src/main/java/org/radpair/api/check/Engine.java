package org.radpair.api.check;

import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.validation.Validation;
import jakarta.validation.Validator;

import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.radpair.api.JacksonConfig;
import org.radpair.api.claims.ClaimMapper;
import org.radpair.api.claims.ValidateRequest;
import org.radpair.api.claims.ValidateResponse;
import org.radpair.api.x12.X12Resource;
import org.radpair.codes.ReferenceData;
import org.radpair.rules.CheckResult;
import org.radpair.rules.ClaimChecker;
import org.radpair.rules.Edit;
import org.radpair.rules.Verdict;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The rules engine alone, as the service builds it (same reference tables, same payer defaults), without the
 * container, the database or the HTTP server: JSON is read as strictly as the API reads it and shapes are checked by
 * the same constraints. What the patient's history would add is out of reach, so the rules that read it are skipped.
 */
final class Engine {

    /**
     * The rules that read the patient's history (earlier studies, open findings): without it they would either never
     * fire or fire on every claim that names a follow-up, so their edits are left out and every report says so.
     */
    static final String HISTORY_RULE_LIST = "PDX-003, PDX-004, PDX-005, SCR-009, SCR-011";
    static final Set<String> HISTORY_RULES = Set.of(HISTORY_RULE_LIST.split(", "));

    final ClaimChecker checker;
    final Validator validator;
    final ObjectMapper json;
    final Map<String, String> summaries;

    Engine() {
        this(ClaimChecker.standard(ReferenceData.load()));
    }

    Engine(ClaimChecker checker) {
        this.checker = checker;
        this.validator = Validation.byProvider(HibernateValidator.class).configure()
                .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator();
        this.json = jsonMapper();
        this.summaries = X12Resource.ruleSummaries(checker);
    }

    /** Jackson as the service configures it: strict reading, ISO dates, no unknown-field failures (Quarkus default). */
    static ObjectMapper jsonMapper() {
        ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        new JacksonConfig().customize(mapper);
        return mapper;
    }

    ValidateResponse check(ValidateRequest request) {
        CheckResult result = checker.check(ClaimMapper.toClaim(request));
        List<Edit> edits = result.edits().stream().filter(edit -> !HISTORY_RULES.contains(edit.rule())).toList();
        return new ValidateResponse(request.claimId(), Verdict.of(edits), edits, result.lines(),
                ValidateResponse.FollowUp.NONE, null, null, result.rulesetVersion());
    }
}
