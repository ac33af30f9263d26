package org.radpair.rules;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.radpair.codes.BodyRegion;

/** Regions a study's field of view usually includes beyond its own (a CT abdomen sees the lung bases). */
final class FieldOfView {

    private static final Map<BodyRegion, Set<BodyRegion>> AROUND = Map.of(
            BodyRegion.ABDOMEN, EnumSet.of(BodyRegion.CHEST, BodyRegion.PELVIS, BodyRegion.SPINE_LUMBAR, BodyRegion.SPINE_THORACIC, BodyRegion.VASCULAR),
            BodyRegion.CHEST, EnumSet.of(BodyRegion.ABDOMEN, BodyRegion.NECK, BodyRegion.BREAST, BodyRegion.HEART, BodyRegion.SPINE_THORACIC, BodyRegion.VASCULAR),
            BodyRegion.PELVIS, EnumSet.of(BodyRegion.ABDOMEN, BodyRegion.SPINE_LUMBAR, BodyRegion.LOWER_EXTREMITY, BodyRegion.VASCULAR),
            BodyRegion.NECK, EnumSet.of(BodyRegion.HEAD, BodyRegion.CHEST, BodyRegion.SPINE_CERVICAL, BodyRegion.VASCULAR),
            BodyRegion.HEAD, EnumSet.of(BodyRegion.BRAIN, BodyRegion.NECK),
            BodyRegion.BRAIN, EnumSet.of(BodyRegion.HEAD),
            BodyRegion.SPINE_LUMBAR, EnumSet.of(BodyRegion.ABDOMEN, BodyRegion.PELVIS),
            BodyRegion.SPINE_THORACIC, EnumSet.of(BodyRegion.CHEST),
            BodyRegion.SPINE_CERVICAL, EnumSet.of(BodyRegion.NECK));

    private FieldOfView() {
    }

    /** The regions seen beside {@code region} (none for a region not listed). */
    static Set<BodyRegion> around(BodyRegion region) {
        return AROUND.getOrDefault(region, Set.of());
    }
}
