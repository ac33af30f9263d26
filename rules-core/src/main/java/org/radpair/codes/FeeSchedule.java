package org.radpair.codes;

/**
 * A code's CMS Physician Fee Schedule indicators and RVUs (CY2025 October release). RVUs are the
 * non-facility totals; {@code professionalRvu}/{@code technicalRvu} are null for codes without a
 * professional/technical split.
 *
 * @param status                     A active, C carrier priced, I not valid for Medicare, N non-covered, R restricted, X statutory exclusion
 * @param pcTcIndicator              0–9; 1 = has professional (26) and technical (TC) components
 * @param bilateralIndicator         0, 1, 2 (inherently bilateral), 3 or 9
 * @param multipleProcedureIndicator 4 = diagnostic imaging multiple procedure payment reduction
 * @param imagingFamily              88 = subject to the imaging MPPR, 99 = not applicable
 */
public record FeeSchedule(
        String status,
        String pcTcIndicator,
        String bilateralIndicator,
        String multipleProcedureIndicator,
        String imagingFamily,
        String globalDays,
        double workRvu,
        double globalRvu,
        Double professionalRvu,
        Double technicalRvu) {

    public boolean hasProfessionalAndTechnicalComponents() {
        return "1".equals(pcTcIndicator);
    }

    public boolean inImagingMultipleProcedureFamily() {
        return "4".equals(multipleProcedureIndicator);
    }
}
