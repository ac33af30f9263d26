package org.radpair.codes;

/** Imaging modality of a study. */
public enum Modality {
    XR, FLUORO, CT, CTA, MR, MRA, US, MAMMO, DXA, NM, PET, IR, RADONC
}
