package org.radpair.api;

import org.radpair.rules.Edit;
import org.radpair.rules.LineResult;
import org.radpair.rules.Suggestion;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** rules-core values that Jackson writes and reads back (stored results) in a native image. */
@RegisterForReflection(targets = {Edit.class, Suggestion.class, LineResult.class})
final class NativeReflection {

    private NativeReflection() {
    }
}
