package org.radpair.claim;

import java.time.LocalDate;

/**
 * What the rules may know of the patient. The identifier is deliberately absent: the rules never
 * need it, and keeping it out of the model keeps it out of every result.
 */
public record Patient(Sex sex, LocalDate birthDate) {

    public Patient {
        sex = sex == null ? Sex.U : sex;
    }
}
