package org.radpair.rules;

import java.util.List;

/** A group of related rules of one category. Implementations are stateless and thread-safe. */
public interface RuleFamily {

    /** Every rule this family can emit. */
    List<RuleDefinition> rules();

    /** Appends this family's edits for the claim under review. Must not throw for any claim. */
    void check(ClaimReview review, List<Edit> edits);
}
