package org.radpair.api.audit;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.radpair.audit.AuditLog;
import org.radpair.audit.AuditQuery;
import org.radpair.audit.AuditRecord;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * The audit list as CSV, streamed: pages are read one after another by keyset and written as they
 * arrive, so an export of any size holds one page in memory.
 */
@ApplicationScoped
public class AuditCsv {

    /** Rows per database round trip: large enough that a filtered export makes few queries, small enough to stream. */
    static final int PAGE = 2_000;

    static final String HEADER = "audit_id,claim_id,version,received_at,date_of_service,verdict,payer_id,payer_type,"
            + "cpts,diagnoses,rules,categories\n";

    private static final ObjectWriter ROW = new CsvMapper().writerFor(String[].class).with(CsvSchema.emptySchema());

    @Inject
    AuditLog auditLog;

    public Multi<String> stream(AuditQuery first) {
        AtomicReference<AuditQuery> next = new AtomicReference<>(first);
        Multi<String> rows = Multi.createBy().repeating()
                .uni(() -> next.get() == null ? Uni.createFrom().item(List.<AuditRecord>of()) : auditLog.search(next.get())
                        .invoke(page -> next.set(page.size() < first.limit() ? null
                                : first.after(page.get(page.size() - 1).receivedAt, page.get(page.size() - 1).auditId))))
                .whilst(page -> !page.isEmpty())
                .onItem().transform(AuditCsv::lines);
        return Multi.createBy().concatenating().streams(Multi.createFrom().item(HEADER), rows);
    }

    private static String lines(List<AuditRecord> page) {
        StringBuilder lines = new StringBuilder(page.size() * 160);
        for (AuditRecord record : page) {
            try {
                lines.append(ROW.writeValueAsString(new String[] {
                        record.auditId.toString(), record.claimId, String.valueOf(record.version),
                        record.receivedAt.toString(), record.dateOfService.toString(), record.verdict,
                        record.payerId == null ? "" : record.payerId, record.payerType == null ? "" : record.payerType,
                        String.join(";", record.cpts), String.join(";", record.diagnoses),
                        String.join(";", record.rules), String.join(";", record.categories)}));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("Cannot write an audit row as CSV", e);
            }
        }
        return lines.toString();
    }
}
