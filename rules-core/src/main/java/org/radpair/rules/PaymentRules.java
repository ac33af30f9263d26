package org.radpair.rules;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.radpair.codes.CptCode;
import org.radpair.codes.FeeSchedule;

/** PAYMENT (informational): the multiple procedure payment reduction for diagnostic imaging. */
public final class PaymentRules implements RuleFamily {

    static final RuleDefinition IMAGING_MPPR = new RuleDefinition("PAY-001", Category.PAYMENT, Severity.INFO,
            "CMS PFS multiple procedure indicator 4 (diagnostic imaging MPPR: technical component of later procedures "
                    + "at 50%, professional component at 95%)",
            "Multiple procedure payment reduction applies");

    private record Ranked(int line, CptCode study, double technicalRvu) {
    }

    @Override
    public List<RuleDefinition> rules() {
        return List.of(IMAGING_MPPR);
    }

    @Override
    public void check(ClaimReview review, List<Edit> edits) {
        List<Ranked> family = new ArrayList<>();
        for (int i = 0; i < review.lineCount(); i++) {
            CptCode study = review.study(i);
            if (study != null && study.feeSchedule().inImagingMultipleProcedureFamily()) {
                FeeSchedule fees = study.feeSchedule();
                family.add(new Ranked(i + 1, study, fees.technicalRvu() != null ? fees.technicalRvu() : fees.globalRvu()));
            }
        }
        if (family.size() < 2) {
            return;
        }
        family.sort(Comparator.comparingDouble(Ranked::technicalRvu).reversed().thenComparingInt(Ranked::line));
        String order = String.join(" > ", family.stream().map(r -> r.study().code() + " (line " + r.line() + ")").toList());
        for (Ranked reduced : family.subList(1, family.size())) {
            edits.add(IMAGING_MPPR.edit(reduced.line(), List.of(reduced.study().code(), family.get(0).study().code()),
                    "Line " + reduced.line() + ": " + reduced.study().code() + " is reduced as a later imaging procedure of the"
                            + " same session: technical component paid at 50%, professional at 95%. The payer ranks by"
                            + " technical value: " + order + "."));
        }
    }
}
