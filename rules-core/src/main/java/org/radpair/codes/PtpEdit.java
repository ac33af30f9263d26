package org.radpair.codes;

import java.time.LocalDate;

/**
 * An NCCI procedure-to-procedure edit: column 2 is not paid with column 1 on the same date of
 * service unless the modifier indicator allows a bypass (1) with an appropriate modifier.
 *
 * @param deletedOn         null while active; otherwise the edit's deletion date (in force up to it)
 * @param modifierIndicator 0 no bypass, 1 bypass with 59/XE/XS/XP/XU or an anatomic modifier, 9 not applicable
 */
public record PtpEdit(String column1, String column2, LocalDate deletedOn, int modifierIndicator, String rationale) {

    public boolean inForceOn(LocalDate dateOfService) {
        return deletedOn == null || !dateOfService.isAfter(deletedOn);
    }

    public boolean modifierAllowed() {
        return modifierIndicator == 1;
    }
}
