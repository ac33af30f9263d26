package org.radpair.api.console;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;

import org.radpair.api.claims.ValidateResponse;
import org.radpair.audit.AuditRecord;
import org.radpair.findings.Finding;
import org.radpair.findings.FindingEvent;
import org.radpair.rules.Edit;
import org.radpair.rules.LineResult;
import org.radpair.rules.Suggestion;

import io.quarkus.qute.TemplateData;

/** The classes the console's templates read, so that Qute generates their value resolvers (no reflection). */
@TemplateData(target = AuditRecord.class)
@TemplateData(target = Finding.class)
@TemplateData(target = FindingEvent.class)
@TemplateData(target = ValidateResponse.class)
@TemplateData(target = Edit.class)
@TemplateData(target = LineResult.class)
@TemplateData(target = Suggestion.class)
@TemplateData(target = OffsetDateTime.class)
@TemplateData(target = LocalDateTime.class)
@TemplateData(target = LocalDate.class)
@TemplateData(target = Dashboard.class)
@TemplateData(target = Dashboard.Figure.class)
@TemplateData(target = Dashboard.RuleFigure.class)
@TemplateData(target = Dashboard.Day.class)
@TemplateData(target = ConsoleUser.class)
@TemplateData(target = ConsoleResource.ClaimRow.class)
@TemplateData(target = ConsoleResource.Version.class)
@TemplateData(target = ConsoleResource.FindingRow.class)
@TemplateData(target = ConsoleResource.TimelineEntry.class)
@TemplateData(target = ConsoleResource.Filters.class)
@TemplateData(target = Overdue.class)
@TemplateData(target = org.radpair.findings.FindingStatus.class)
@TemplateData(target = org.radpair.rules.Verdict.class)
@TemplateData(target = org.radpair.rules.Category.class)
@TemplateData(target = org.radpair.rules.Severity.class)
@TemplateData(target = org.radpair.rules.Pairing.class)
@TemplateData(target = org.radpair.rules.SuggestionAction.class)
final class TemplateTypes {

    private TemplateTypes() {
    }
}
