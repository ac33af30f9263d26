package org.radpair.api.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radpair.api.support.FreshDatabase;
import org.radpair.audit.AuditRetention;
import org.radpair.audit.AuditRetention.Export;
import org.radpair.audit.AuditRetention.ExportMismatch;
import org.radpair.audit.AuditRetention.Partition;

/**
 * The retention step on a database of its own: months older than N years are exported with a checksum, the export is
 * verified and only then is the partition detached; an export that is corrupted, short, altered or cannot be written
 * leaves the partition attached with every row.
 */
class AuditRetentionTest {

    /** "Today" for these tests: with 7 years kept, the months before 2019-12 are retired. */
    private static final Clock TODAY = Clock.fixed(Instant.parse("2026-12-02T10:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path exports;

    private FreshDatabase database;
    private Connection connection;

    @BeforeEach
    void aMigratedDatabaseWithOldMonths() throws SQLException {
        database = FreshDatabase.create();
        database.flyway("latest").migrate();
        connection = database.connect();
        // Recorded through the partitioned table: these months have no partition yet, so the rows land in DEFAULT.
        insertClaims("2015-03-10", 120);
        insertClaims("2019-11-30", 40);
        insertClaims("2019-12-01", 30);
        try (Statement statement = connection.createStatement()) {
            statement.execute("""
                    insert into finding (finding_id, tenant, patient_key, code, regions, status, opened_by_claim, opened_by_audit,
                        opened_on, opened_at, due_on)
                    select gen_random_uuid(), tenant, patient_key, 'R91.1', '{chest}', 'OPEN', claim_id, audit_id, date_of_service,
                        received_at, date_of_service + 365
                    from audit_claim where claim_id like 'OLD-2015-03-10-%'""");
            statement.execute("""
                    insert into finding_event (finding_id, tenant, at, to_status, claim_id, audit_id, actor)
                    select finding_id, tenant, opened_at, 'OPEN', opened_by_claim, opened_by_audit, 'claim' from finding""");
        }
    }

    @AfterEach
    void dropTheDatabase() throws SQLException {
        connection.close();
        database.close();
    }

    @Test
    void oldMonthsAreExportedVerifiedAndOnlyThenDetached() throws Exception {
        List<String> march2015 = rows("select a::text from audit_claim_default a where received_at < '2015-04-01' order by audit_id");
        assertThat(march2015).hasSize(120);

        List<Export> retired = new AuditRetention(connection, exports).retire(7, TODAY, false);

        assertThat(retired).extracting(export -> export.partition().name())
                .containsExactly("audit_claim_2015_03", "finding_event_2015_03", "audit_claim_2019_11");
        assertThat(retired).extracting(Export::rows).containsExactly(120L, 120L, 40L);
        for (Export export : retired) {
            byte[] file = Files.readAllBytes(export.file());
            String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(file));
            assertThat(export.sha256()).isEqualTo(sha256);
            // The checksum file reads as sha256sum -c expects.
            assertThat(Files.readString(export.checksumFile())).isEqualTo(sha256 + "  " + export.file().getFileName() + "\n");
            assertThat(attached(export.partition().name())).isFalse();
        }
        connection.setAutoCommit(true);
        assertThat(single("select count(*) from audit_claim where received_at < '2019-12-01'")).isZero();
        assertThat(single("select count(*) from audit_claim where received_at >= '2019-12-01'")).isEqualTo(30);
        assertThat(attached("audit_claim_2019_12")).isTrue();
        // Not dropped: the detached month stays as a plain table, and the keys stay (findings keep their references).
        assertThat(single("select count(*) from audit_claim_2015_03")).isEqualTo(120);
        assertThat(single("select count(*) from audit_claim_key where received_at < '2019-12-01'")).isEqualTo(160);
        assertThat(single("select count(*) from finding")).isEqualTo(120);

        // The file restores the month exactly.
        try (Statement statement = connection.createStatement()) {
            statement.execute("create table restored (like audit_claim)");
        }
        connection.unwrap(org.postgresql.PGConnection.class).getCopyAPI()
                .copyIn("copy restored from stdin (format csv, header)", Files.newInputStream(retired.get(0).file()));
        assertThat(rows("select a::text from restored a order by audit_id")).containsExactlyElementsOf(march2015);
    }

    @Test
    void dropRemovesTheDetachedMonth() throws Exception {
        new AuditRetention(connection, exports).retire(7, TODAY, true);
        connection.setAutoCommit(true);
        assertThat(single("select count(*) from pg_class where relname in ('audit_claim_2015_03', 'audit_claim_2019_11',"
                + " 'finding_event_2015_03')")).isZero();
        assertThat(Files.exists(exports.resolve("audit_claim_2015_03.csv"))).isTrue();
    }

    @Test
    void aCorruptedExportLeavesThePartitionAttached() throws Exception {
        AuditRetention retention = monthsInTheirPartitions();
        Partition march = partition(retention, "audit_claim_2015_03");
        Export export = retention.export(march);
        byte[] bytes = Files.readAllBytes(export.file());
        bytes[bytes.length / 2] ^= 1;
        Files.write(export.file(), bytes);

        assertThatThrownBy(() -> retention.detach(export, true)).isInstanceOf(ExportMismatch.class)
                .hasMessageContaining("checksum");
        connection.rollback();
        assertThat(attached("audit_claim_2015_03")).isTrue();
        assertThat(single("select count(*) from audit_claim where received_at < '2015-04-01'")).isEqualTo(120);
    }

    @Test
    void anExportShortOfARowOrWithAnAlteredValueIsRefusedEvenWithAMatchingChecksum() throws Exception {
        AuditRetention retention = monthsInTheirPartitions();
        Partition march = partition(retention, "audit_claim_2015_03");

        Export export = retention.export(march);
        List<String> lines = new ArrayList<>(Files.readAllLines(export.file()));
        lines.remove(lines.size() - 1);
        Export shortExport = rewritten(export, String.join("\n", lines) + "\n", export.rows());
        assertThatThrownBy(() -> retention.detach(shortExport, false)).isInstanceOf(ExportMismatch.class)
                .hasMessageContaining("119 rows");
        connection.rollback();

        Export again = retention.export(march);
        String altered = Files.readString(again.file()).replaceFirst(",PASS,", ",FAIL,");
        Export alteredExport = rewritten(again, altered, again.rows());
        assertThatThrownBy(() -> retention.detach(alteredExport, false)).isInstanceOf(ExportMismatch.class)
                .hasMessageContaining("differs from the partition in 2 rows");
        connection.rollback();
        assertThat(attached("audit_claim_2015_03")).isTrue();
        assertThat(single("select count(*) from audit_claim_2015_03")).isEqualTo(120);
    }

    @Test
    void anExportThatCannotBeWrittenLeavesEveryPartitionAttached() throws Exception {
        Path notADirectory = Files.writeString(exports.resolve("occupied"), "a file where the exports should go");
        assertThatThrownBy(() -> new AuditRetention(connection, notADirectory).retire(7, TODAY, true))
                .hasMessageContaining("Cannot write the export of audit_claim_2015_03");
        assertThat(attached("audit_claim_2015_03")).isTrue();
        assertThat(attached("audit_claim_2019_11")).isTrue();
        assertThat(single("select count(*) from audit_claim where received_at < '2019-12-01'")).isEqualTo(160);
    }

    @Test
    void yearsMustBeAtLeastOne() throws Exception {
        assertThatThrownBy(() -> new AuditRetention(connection, exports).retire(0, TODAY, false))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void csvRecordsAreCountedOutsideQuotes() throws IOException {
        String csv = "a,b\n1,\"line\none\"\n2,\"say \"\"hi\"\"\n\"\n3,x";
        assertThat(AuditRetention.csvRecords(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)))).isEqualTo(4);
    }

    @Test
    void maintenanceMovesDefaultRowsIntoTheirMonthsAndRunsSafelyTwiceAtOnce() throws Exception {
        connection.setAutoCommit(true);
        assertThat(single("select count(*) from audit_claim_default")).isEqualTo(190);
        assertThat(single("select count(*) from finding_event_default")).isEqualTo(120);
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            Callable<long[]> maintain = () -> {
                try (Connection own = database.connect(); Statement statement = own.createStatement();
                        ResultSet result = statement.executeQuery("select * from maintain_monthly_partitions(3)")) {
                    result.next();
                    return new long[] {result.getLong(1), result.getLong(2)};
                }
            };
            Future<long[]> first = two.submit(maintain);
            Future<long[]> second = two.submit(maintain);
            long moved = first.get(60, TimeUnit.SECONDS)[1] + second.get(60, TimeUnit.SECONDS)[1];
            assertThat(moved).isEqualTo(310);
        } finally {
            two.shutdownNow();
        }
        assertThat(single("select count(*) from audit_claim_default")).isZero();
        assertThat(single("select count(*) from finding_event_default")).isZero();
        assertThat(single("select count(*) from audit_claim_2015_03")).isEqualTo(120);
        assertThat(single("select count(*) from audit_claim_2019_12")).isEqualTo(30);
        assertThat(single("select count(*) from finding_event_2015_03")).isEqualTo(120);
        // The moved months are partitions like the others: append-only, keys kept, the default still there.
        assertThatThrownBy(() -> connection.createStatement().execute("truncate audit_claim_2015_03"))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> connection.createStatement().execute("delete from audit_claim_2015_03"))
                .hasMessageContaining("append-only");
        assertThat(single("select count(*) from audit_claim_key")).isEqualTo(190);
        insertClaims("2012-06-15", 1);
        assertThat(single("select count(*) from audit_claim_default")).isEqualTo(1);
    }

    private AuditRetention monthsInTheirPartitions() throws SQLException {
        connection.setAutoCommit(true);
        try (Statement statement = connection.createStatement()) {
            statement.execute("select maintain_monthly_partitions(3)");
        }
        return new AuditRetention(connection, exports);
    }

    private static Partition partition(AuditRetention retention, String name) throws SQLException {
        return retention.monthsBefore(YearMonth.of(2019, 12)).stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    }

    /** The export's file replaced by {@code content}, with a checksum file that matches it. */
    private static Export rewritten(Export export, String content, long rows) throws Exception {
        Files.writeString(export.file(), content);
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(export.file())));
        Files.writeString(export.checksumFile(), sha256 + "  " + export.file().getFileName() + "\n");
        return new Export(export.partition(), export.file(), sha256, rows);
    }

    private void insertClaims(String day, int count) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(true);
        try (Statement statement = connection.createStatement()) {
            statement.execute("""
                    insert into audit_claim (audit_id, tenant, claim_id, version, patient_key, request_hash, received_at,
                        date_of_service, payer_id, cpts, diagnoses, verdict, ruleset_version, request, result, rules)
                    select gen_random_uuid(), 'tenant-old', 'OLD-DAY-' || i, 1, md5('p' || i), md5('DAY' || i),
                        timestamptz 'DAYT08:00:00+00' + i * interval '1 minute', date 'DAY', case when i % 4 = 0 then null else 'AETNA' end,
                        '{70450}', '{R51.9}', case when i % 2 = 0 then 'PASS' else 'WARN' end, 'v',
                        jsonb_build_object('note', 'a "quoted", multi' || chr(10) || 'line value', 'i', i), '{"verdict":"PASS"}',
                        array['RULE,' || i]
                    from generate_series(1, COUNT) as i""".replace("DAY", day).replace("COUNT", Integer.toString(count)));
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    private boolean attached(String partition) throws SQLException {
        return single("select count(*) from pg_inherits where inhrelid = to_regclass('" + partition + "')") == 1;
    }

    private List<String> rows(String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            while (result.next()) {
                rows.add(result.getString(1));
            }
        }
        return rows;
    }

    private long single(String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }
}
