package org.radpair.codes;

import java.util.List;

import org.radpair.claim.Sex;

/**
 * One imaging code of the catalog: what it images and how, and what CMS says about paying it.
 *
 * @param label our own short plain description (never the AMA descriptor)
 * @param sex   the only patient sex the study fits, or null
 * @param mue   the NCCI MUE, or null when CMS publishes none for the code
 * @param measuresBoneDensity a bone mass measurement (DXA, quantitative CT, ultrasound densitometry)
 */
public record CptCode(
        String code,
        String label,
        Modality modality,
        List<BodyRegion> regions,
        Contrast contrast,
        Laterality laterality,
        StudyPurpose purpose,
        Sex sex,
        FeeSchedule feeSchedule,
        Mue mue,
        boolean measuresBoneDensity) {

    public boolean images(BodyRegion region) {
        return regions.contains(region);
    }
}
