package org.radpair.api.audit;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
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

    /**
     * The header goes out with the first page, not before it: a first query that fails is still answered with a
     * problem status instead of a 200 cut short.
     */
    public Multi<String> stream(AuditQuery first) {
        AtomicReference<AuditQuery> next = new AtomicReference<>(first);
        AtomicBoolean header = new AtomicBoolean(true);
        return Multi.createBy().repeating()
                .uni(() -> next.get() == null ? Uni.createFrom().item(List.<AuditRecord>of()) : auditLog.search(next.get())
                        .invoke(page -> next.set(page.size() < first.limit() ? null
                                : first.after(page.get(page.size() - 1).receivedAt, page.get(page.size() - 1).auditId))))
                .whilst(page -> !page.isEmpty())
                .onItem().transform(page -> (header.getAndSet(false) ? HEADER : "") + lines(page));
    }

    private static String lines(List<AuditRecord> page) {
        StringBuilder lines = new StringBuilder(page.size() * 160);
        for (AuditRecord record : page) {
            try {
                lines.append(row(record.auditId.toString(), record.claimId, String.valueOf(record.version),
                        record.receivedAt.toString(), record.dateOfService.toString(), record.verdict,
                        record.payerId == null ? "" : record.payerId, record.payerType == null ? "" : record.payerType,
                        String.join(";", record.cpts), String.join(";", record.diagnoses),
                        String.join(";", record.rules), String.join(";", record.categories)));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("Cannot write an audit row as CSV", e);
            }
        }
        return lines.toString();
    }

    /** One CSV line, every cell neutralised (see {@link #cell}). */
    static String row(String... cells) throws JsonProcessingException {
        String[] safe = new String[cells.length];
        for (int i = 0; i < cells.length; i++) {
            safe[i] = cell(cells[i]);
        }
        return ROW.writeValueAsString(safe);
    }

    /**
     * A cell a spreadsheet would read as a formula ({@code =}, {@code +}, {@code -}, {@code @}, TAB or CR first)
     * gets a leading {@code '}, so that it is shown as text (OWASP "CSV injection"). Every CSV the service writes
     * goes through here (the audit export, the console's download and the checker's report).
     */
    public static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return value == null ? "" : value;
        }
        return FORMULA_STARTS.indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }

    private static final String FORMULA_STARTS = "=+-@\t\r";
}
