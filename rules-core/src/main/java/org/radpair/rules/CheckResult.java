package org.radpair.rules;

import java.util.List;

public record CheckResult(Verdict verdict, List<Edit> edits, List<LineResult> lines, String rulesetVersion) {
}
