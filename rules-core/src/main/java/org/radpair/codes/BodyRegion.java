package org.radpair.codes;

/** The body regions a study images. OTHER for procedures with no fixed region (guidance, unlisted). */
public enum BodyRegion {
    BRAIN, HEAD, NECK, CHEST, BREAST, HEART, SPINE_CERVICAL, SPINE_THORACIC, SPINE_LUMBAR, ABDOMEN, PELVIS, UPPER_EXTREMITY, LOWER_EXTREMITY, VASCULAR, WHOLE_BODY, OTHER
}
