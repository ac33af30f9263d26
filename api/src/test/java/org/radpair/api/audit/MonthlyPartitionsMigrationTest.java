package org.radpair.api.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.radpair.api.support.FreshDatabase;

/**
 * V21 on a populated database: a schema at V20 holding claims over eight years (versions of one claim in different
 * months, rows on the edges of months, findings and their events) is migrated to the partitioned tables, and every
 * row is found again, each in the partition of its month, with every guarantee of the old tables still enforced.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MonthlyPartitionsMigrationTest {

    private static final int CLAIMS = 3_000;

    private static FreshDatabase database;
    private static Connection connection;
    private static List<String> auditBefore;
    private static List<String> eventsBefore;
    private static List<String> findingsBefore;
    private static long maxEventId;

    @BeforeAll
    static void migrateAPopulatedV20Schema() throws SQLException {
        database = FreshDatabase.create();
        database.flyway("20").migrate();
        connection = database.connect();
        try (Statement statement = connection.createStatement()) {
            // Two versions per claim id, received 27 h and a few minutes apart: many versions fall in different months.
            statement.execute("""
                    insert into audit_claim (audit_id, tenant, claim_id, version, patient_key, request_hash, received_at,
                        date_of_service, payer_id, payer_type, cpts, diagnoses, verdict, ruleset_version, request, result, rules, categories)
                    select md5('row' || i)::uuid, 'tenant-' || ((i / 2) % 3), 'CLM-' || (i / 2), 1 + i % 2, md5('patient' || (i % 400)),
                        md5('request' || i), timestamptz '2019-01-01 00:00:00+00' + (i * interval '23 hours 17 minutes'),
                        date '2019-01-01' + (i % 2900), case when i % 5 = 0 then null else 'PAYER-' || (i % 7) end,
                        case when i % 5 = 0 then null else 'COMMERCIAL' end, array['70450', '7' || (i % 10) || '000'],
                        array['R51.9'], (array['PASS', 'WARN', 'FAIL'])[1 + i % 3], 'v' || (i % 4),
                        jsonb_build_object('claimId', 'CLM-' || (i / 2), 'note', 'é ü "quoted", line' || chr(10) || 'two'),
                        jsonb_build_object('verdict', (array['PASS', 'WARN', 'FAIL'])[1 + i % 3], 'i', i),
                        case when i % 3 = 0 then '{}'::text[] else array['MED-001', 'SYM-00' || (i % 4)] end,
                        case when i % 3 = 0 then '{}'::text[] else array['MEDICAL_NECESSITY'] end
                    from generate_series(0, LAST) as i""".replace("LAST", Integer.toString(CLAIMS - 1)));
            // Rows on the very edges of a month (UTC): the first and the last microsecond.
            statement.execute("""
                    insert into audit_claim (audit_id, tenant, claim_id, version, patient_key, request_hash, received_at,
                        date_of_service, cpts, diagnoses, verdict, ruleset_version, request, result)
                    values (md5('edge-1')::uuid, 'tenant-edge', 'EDGE', 1, 'k', 'h1', timestamptz '2024-03-01 00:00:00+00',
                            date '2024-02-29', '{70450}', '{R51.9}', 'PASS', 'v', '{}', '{}'),
                           (md5('edge-2')::uuid, 'tenant-edge', 'EDGE', 2, 'k', 'h2', timestamptz '2024-03-31 23:59:59.999999+00',
                            date '2024-03-31', '{70450}', '{R51.9}', 'PASS', 'v', '{}', '{}')""");
            statement.execute("""
                    insert into finding (finding_id, tenant, patient_key, code, regions, status, opened_by_claim, opened_by_audit,
                        opened_on, opened_at, resolved_by_claim, resolved_by_audit, resolved_on, resolved_at, due_on)
                    select md5('finding' || a.audit_id)::uuid, a.tenant, a.patient_key, 'R91.1', '{chest}',
                        case when b.audit_id is null then 'OPEN' else 'FOLLOWED_UP' end, a.claim_id, a.audit_id,
                        a.date_of_service, a.received_at, b.claim_id, b.audit_id, b.date_of_service, b.received_at,
                        a.date_of_service + 365
                    from audit_claim a left join audit_claim b on b.tenant = a.tenant and b.claim_id = a.claim_id and b.version = 2
                         and a.claim_id like '%0'
                    where a.version = 1 and (a.claim_id like '%5' or a.claim_id like '%0')""");
            statement.execute("""
                    insert into finding_event (finding_id, tenant, at, from_status, to_status, claim_id, audit_id, actor, reason)
                    select finding_id, tenant, opened_at, null, 'OPEN', opened_by_claim, opened_by_audit, 'claim', null from finding
                    union all
                    select finding_id, tenant, resolved_at, 'OPEN', 'FOLLOWED_UP', resolved_by_claim, resolved_by_audit, 'claim', 'x'
                    from finding where status = 'FOLLOWED_UP'""");
        }
        auditBefore = rows(AUDIT_ROWS);
        eventsBefore = rows(EVENT_ROWS);
        findingsBefore = rows(FINDING_ROWS);
        maxEventId = single("select max(event_id) from finding_event");
        assertThat(auditBefore).hasSize(CLAIMS + 2);
        assertThat(eventsBefore).hasSizeGreaterThan(300);

        database.flyway("latest").migrate();
    }

    @AfterAll
    static void dropTheDatabase() throws SQLException {
        if (connection != null) {
            connection.close();
        }
        if (database != null) {
            database.close();
        }
    }

    private static final String AUDIT_ROWS = """
            select concat_ws('|', audit_id, tenant, claim_id, version, patient_key, request_hash, received_at, date_of_service,
                payer_id, payer_type, cpts, diagnoses, verdict, ruleset_version, request, result, rules, categories)
            from audit_claim order by audit_id""";

    private static final String EVENT_ROWS = """
            select concat_ws('|', event_id, finding_id, tenant, at, from_status, to_status, claim_id, audit_id, actor, reason)
            from finding_event order by event_id""";

    private static final String FINDING_ROWS = "select f::text from finding f order by finding_id";

    @Test
    @Order(1)
    void everyRowIsThereUnchanged() throws SQLException {
        assertThat(rows(AUDIT_ROWS)).containsExactlyElementsOf(auditBefore);
        assertThat(rows(EVENT_ROWS)).containsExactlyElementsOf(eventsBefore);
        assertThat(rows(FINDING_ROWS)).containsExactlyElementsOf(findingsBefore);
        assertThat(single("select count(*) from audit_claim_key")).isEqualTo(CLAIMS + 2);
        assertThat(single("""
                select count(*) from audit_claim a join audit_claim_key k using (audit_id)
                where (k.tenant, k.claim_id, k.version, k.request_hash, k.received_at)
                    = (a.tenant, a.claim_id, a.version, a.request_hash, a.received_at)""")).isEqualTo(CLAIMS + 2);
    }

    @Test
    void eachRowIsInThePartitionOfItsMonth() throws SQLException {
        assertThat(single("""
                select count(*) from audit_claim
                where tableoid::regclass::text <> 'audit_claim_' || to_char(received_at at time zone 'UTC', 'YYYY_MM')""")).isZero();
        assertThat(single("""
                select count(*) from finding_event
                where tableoid::regclass::text <> 'finding_event_' || to_char(at at time zone 'UTC', 'YYYY_MM')""")).isZero();
        assertThat(single("select count(*) from audit_claim_2024_03 where tenant = 'tenant-edge'")).isEqualTo(2);
        assertThat(single("select count(*) from audit_claim_default")).isZero();
        // Partitions for the coming months exist before anything is recorded in them.
        assertThat(single("""
                select count(*) from generate_series(0, 3) as i
                where to_regclass('audit_claim_' || to_char(now() at time zone 'UTC' + make_interval(months => i), 'YYYY_MM')) is not null
                  and to_regclass('finding_event_' || to_char(now() at time zone 'UTC' + make_interval(months => i), 'YYYY_MM')) is not null"""))
                .isEqualTo(4);
    }

    @Test
    void theOldGuaranteesHoldAcrossMonths() throws SQLException {
        connection.setAutoCommit(true);
        // A version taken in another month, a request already recorded in another month: refused as before.
        assertThatThrownBy(() -> insertAudit("tenant-0", "CLM-0", 1, "fresh-hash", "now()"))
                .hasMessageContaining("audit_claim_version_unique");
        assertThatThrownBy(() -> insertAudit("tenant-0", "CLM-0", 3, md5("request0"), "now()"))
                .hasMessageContaining("audit_claim_request_unique");
        insertAudit("tenant-0", "CLM-0", 3, "fresh-hash", "now()");
        assertThat(single("select count(*) from audit_claim_key where tenant = 'tenant-0' and claim_id = 'CLM-0'")).isEqualTo(3);
        // Events are numbered after the copied ones.
        try (Statement statement = connection.createStatement()) {
            statement.execute("insert into finding_event (finding_id, tenant, at, to_status) select finding_id, tenant, now(), 'CLOSED'"
                    + " from finding limit 1");
        }
        assertThat(single("select max(event_id) from finding_event")).isGreaterThan(maxEventId);
        // A finding must still point at a recorded audit row (the foreign key is checked at commit).
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            statement.execute("""
                    insert into finding (finding_id, tenant, patient_key, code, regions, status, opened_by_claim, opened_by_audit,
                        opened_on, opened_at, due_on)
                    values (gen_random_uuid(), 'tenant-0', 'k', 'R91.1', '{chest}', 'OPEN', 'CLM-X', gen_random_uuid(),
                        current_date, now(), current_date)""");
            assertThatThrownBy(connection::commit).hasMessageContaining("finding_opened_by_audit_fkey");
        } finally {
            connection.rollback();
            connection.setAutoCommit(true);
        }
    }

    @Test
    void everyPartitionIsAppendOnly() throws SQLException {
        connection.setAutoCommit(true);
        String claims = text("select tableoid::regclass::text from audit_claim where tenant = 'tenant-edge' limit 1");
        String events = text("select tableoid::regclass::text from finding_event order by event_id limit 1");
        long claimRows = single("select count(*) from " + claims);
        long eventRows = single("select count(*) from " + events);
        for (String sql : List.of("update " + claims + " set verdict = 'FAIL'", "delete from " + claims, "truncate " + claims,
                "truncate audit_claim_default", "truncate audit_claim", "update " + events + " set reason = 'x'",
                "delete from " + events, "truncate " + events, "truncate finding_event_default", "truncate finding_event",
                "update audit_claim_key set version = 9", "delete from audit_claim_key")) {
            assertThatThrownBy(() -> {
                try (Statement statement = connection.createStatement()) {
                    statement.execute(sql);
                }
            }).as(sql).hasMessageContaining("append-only");
        }
        assertThat(single("select count(*) from " + claims)).isEqualTo(claimRows);
        assertThat(single("select count(*) from " + events)).isEqualTo(eventRows).isPositive();
    }

    private static void insertAudit(String tenant, String claimId, int version, String hash, String receivedAt) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("""
                    insert into audit_claim (audit_id, tenant, claim_id, version, patient_key, request_hash, received_at,
                        date_of_service, cpts, diagnoses, verdict, ruleset_version, request, result)
                    values (gen_random_uuid(), '%s', '%s', %d, 'k', '%s', %s, current_date, '{70450}', '{R51.9}', 'PASS', 'v',
                        '{}', '{}')""".formatted(tenant, claimId, version, hash, receivedAt));
        }
    }

    private static String md5(String text) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select md5('" + text + "')")) {
            rows.next();
            return rows.getString(1);
        }
    }

    private static List<String> rows(String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            while (result.next()) {
                rows.add(result.getString(1));
            }
        }
        return rows;
    }

    private static String text(String sql) throws SQLException {
        return rows(sql).get(0);
    }

    private static long single(String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }
}
