package org.radpair.audit;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * The retention step: the monthly partitions of {@code audit_claim} and {@code finding_event} (V21) of months older
 * than N years are exported, each to a CSV file with its SHA-256 checksum, the export is verified, and only then is
 * the partition detached (and, if asked, dropped). Verified means: the file read back from disk has the checksum
 * written, holds as many rows as the partition, and, loaded into a temporary table, equals the partition row for row
 * ({@code EXCEPT ALL} both ways). One transaction per partition, holding a SHARE lock on it from the export to the
 * detach: whatever fails, the partition stays attached and nothing is lost. The keys of the rows
 * ({@code audit_claim_key}) stay: findings keep their references, and a claim's version numbers go on after its
 * retired ones.
 *
 * <p>Plain JDBC, run outside the service (docs/audit.md, "Retention"):
 * {@code java -cp 'api/target/quarkus-app/lib/main/*' org.radpair.audit.AuditRetention --older-than-years 7 --to DIR}.
 */
public final class AuditRetention {

    /** A month partition of one of the partitioned tables. */
    public record Partition(String parent, String name, YearMonth month) {
    }

    /** A partition written to {@code file}: its SHA-256 (hex) and the number of rows the database sent. */
    public record Export(Partition partition, Path file, String sha256, long rows) {

        public Path checksumFile() {
            return file.resolveSibling(file.getFileName() + ".sha256");
        }
    }

    /** The export does not match its file or its partition: the partition must stay attached. */
    public static final class ExportMismatch extends RuntimeException {

        private static final long serialVersionUID = 1L;

        public ExportMismatch(String message) {
            super(message);
        }
    }

    private static final List<String> PARENTS = List.of("audit_claim", "finding_event");

    private static final Pattern MONTH = Pattern.compile("^(.+)_(\\d{4})_(\\d{2})$");

    private static final String PARTITIONS = """
            select p.relname, c.relname from pg_inherits i
            join pg_class p on p.oid = i.inhparent join pg_class c on c.oid = i.inhrelid
            where p.relname = any (?) order by c.relname""";

    private final Connection connection;
    private final Path directory;

    /** Works on {@code connection} (its auto-commit is turned off) and writes its files into {@code directory}. */
    public AuditRetention(Connection connection, Path directory) throws SQLException {
        this.connection = connection;
        this.directory = directory;
        connection.setAutoCommit(false);
    }

    /** The month partitions of months before {@code firstKept}, oldest first (DEFAULT partitions are never listed). */
    public List<Partition> monthsBefore(YearMonth firstKept) throws SQLException {
        List<Partition> partitions = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(PARTITIONS)) {
            statement.setArray(1, connection.createArrayOf("text", PARENTS.toArray()));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    Matcher name = MONTH.matcher(rows.getString(2));
                    if (name.matches() && name.group(1).equals(rows.getString(1))) {
                        YearMonth month = YearMonth.of(Integer.parseInt(name.group(2)), Integer.parseInt(name.group(3)));
                        if (month.isBefore(firstKept)) {
                            partitions.add(new Partition(rows.getString(1), rows.getString(2), month));
                        }
                    }
                }
            }
        }
        partitions.sort((a, b) -> a.month().equals(b.month()) ? a.parent().compareTo(b.parent()) : a.month().compareTo(b.month()));
        return partitions;
    }

    /**
     * Retires every month partition of months that ended more than {@code years} years before this month: rows
     * waiting in the DEFAULT partitions are first moved into their months (so none is left behind), then each
     * partition is exported, verified and detached in its own transaction. Stops at the first failure.
     */
    public List<Export> retire(int years, Clock clock, boolean drop) throws SQLException {
        if (years < 1) {
            throw new IllegalArgumentException("years must be at least 1");
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("select maintain_monthly_partitions(" + AuditPartitions.MONTHS_AHEAD + ")");
            connection.commit();
        }
        List<Export> retired = new ArrayList<>();
        for (Partition partition : monthsBefore(YearMonth.now(clock.withZone(ZoneOffset.UTC)).minusYears(years))) {
            try {
                Export export = export(partition);
                detach(export, drop);
                connection.commit();
                retired.add(export);
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
        return retired;
    }

    /**
     * Writes the partition to {@code <directory>/<partition>.csv} (CSV with a header, PostgreSQL's COPY) and its
     * checksum to {@code <partition>.csv.sha256} (the format of {@code sha256sum -c}), in the connection's
     * transaction, which from here on holds a SHARE lock on the partition: no row can be added until it ends.
     */
    public Export export(Partition partition) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("lock table " + quoted(partition.name()) + " in share mode");
        }
        Path file = directory.resolve(partition.name() + ".csv");
        long rows;
        MessageDigest sha256 = sha256();
        try {
            Files.createDirectories(directory);
            try (OutputStream out = new DigestOutputStream(new BufferedOutputStream(Files.newOutputStream(file)), sha256)) {
                rows = copyManager().copyOut("copy " + quoted(partition.name()) + " to stdout (format csv, header)", out);
            }
            Export export = new Export(partition, file, HexFormat.of().formatHex(sha256.digest()), rows);
            Files.writeString(export.checksumFile(), export.sha256() + "  " + file.getFileName() + "\n", StandardCharsets.UTF_8);
            return export;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the export of " + partition.name() + " to " + file, e);
        }
    }

    /**
     * Checks the export against its files and the partition; throws {@link ExportMismatch} if anything differs. In
     * the transaction of the export, whose lock keeps the partition as it was exported.
     */
    public void verify(Export export) throws SQLException {
        String name = export.partition().name();
        String written;
        String read;
        long records;
        try {
            written = Files.readString(export.checksumFile(), StandardCharsets.UTF_8).split("\\s+", 2)[0];
            MessageDigest sha256 = sha256();
            try (InputStream in = new DigestInputStream(new BufferedInputStream(Files.newInputStream(export.file())), sha256)) {
                records = csvRecords(in) - 1;
            }
            read = HexFormat.of().formatHex(sha256.digest());
        } catch (IOException e) {
            throw new ExportMismatch("Cannot read back the export of " + name + ": " + e.getMessage());
        }
        if (!read.equals(export.sha256()) || !written.equals(export.sha256())) {
            throw new ExportMismatch("The export of " + name + " does not have the checksum written: " + read);
        }
        long inDatabase = count("select count(*) from " + quoted(name));
        if (records != export.rows() || inDatabase != export.rows()) {
            throw new ExportMismatch("The export of " + name + " holds " + records + " rows, COPY sent " + export.rows()
                    + ", the partition has " + inDatabase);
        }
        long differing = restoredDifferences(export);
        if (differing != 0) {
            throw new ExportMismatch("The export of " + name + ", loaded back, differs from the partition in " + differing + " rows");
        }
    }

    /** Verifies the export, then detaches its partition from its table (and drops it if asked), in the export's transaction. */
    public void detach(Export export, boolean drop) throws SQLException {
        verify(export);
        Partition partition = export.partition();
        try (Statement statement = connection.createStatement()) {
            // DETACH locks the whole table for an instant: better to fail this run than to queue every audit read behind it.
            statement.execute("set local lock_timeout = '10s'");
            statement.execute("alter table " + quoted(partition.parent()) + " detach partition " + quoted(partition.name()));
            if (drop) {
                statement.execute("drop table " + quoted(partition.name()));
            }
        }
    }

    /** Rows in the partition and not in the file loaded back, plus rows in the file and not in the partition. */
    private long restoredDifferences(Export export) throws SQLException {
        String name = quoted(export.partition().name());
        try (Statement statement = connection.createStatement()) {
            statement.execute("create temporary table retention_check (like " + quoted(export.partition().parent())
                    + ") on commit drop");
        }
        try (InputStream in = new BufferedInputStream(Files.newInputStream(export.file()))) {
            copyManager().copyIn("copy retention_check from stdin (format csv, header)", in);
        } catch (IOException e) {
            throw new ExportMismatch("Cannot load back the export of " + export.partition().name() + ": " + e.getMessage());
        } catch (SQLException e) {
            throw new ExportMismatch("The export of " + export.partition().name() + " does not load back: " + e.getMessage());
        }
        long differing = count("select (select count(*) from (select * from " + name + " except all select * from retention_check) a)"
                + " + (select count(*) from (select * from retention_check except all select * from " + name + ") b)");
        try (Statement statement = connection.createStatement()) {
            statement.execute("drop table retention_check");
        }
        return differing;
    }

    /** CSV records in the stream: line ends outside quotes (a quote inside a field is doubled, so it toggles twice). */
    public static long csvRecords(InputStream in) throws IOException {
        long records = 0;
        boolean quoted = false;
        int last = '\n';
        int c;
        while ((c = in.read()) != -1) {
            if (c == '"') {
                quoted = !quoted;
            } else if (c == '\n' && !quoted) {
                records++;
            }
            last = c;
        }
        return last == '\n' ? records : records + 1;
    }

    private long count(String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private CopyManager copyManager() throws SQLException {
        return connection.unwrap(PGConnection.class).getCopyAPI();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static String quoted(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    /**
     * {@code --older-than-years N --to DIR [--drop]}; the database from {@code QUARKUS_DATASOURCE_JDBC_URL},
     * {@code QUARKUS_DATASOURCE_USERNAME} and {@code QUARKUS_DATASOURCE_PASSWORD}, as the service reads them.
     */
    public static void main(String[] args) {
        int years = 0;
        Path to = null;
        boolean drop = false;
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : "";
            switch (args[i]) {
                case "--older-than-years" -> years = value.matches("\\d{1,3}") ? Integer.parseInt(args[++i]) : 0;
                case "--to" -> to = value.isBlank() ? null : Path.of(args[++i]);
                case "--drop" -> drop = true;
                default -> years = -1;
            }
            if (years < 0) {
                break;
            }
        }
        String url = System.getenv("QUARKUS_DATASOURCE_JDBC_URL");
        if (years < 1 || to == null || url == null || url.isBlank()) {
            System.err.println("usage: QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://host:5432/db [QUARKUS_DATASOURCE_USERNAME=…"
                    + " QUARKUS_DATASOURCE_PASSWORD=…] java -cp 'api/target/quarkus-app/lib/main/*' org.radpair.audit.AuditRetention"
                    + " --older-than-years N --to DIR [--drop]");
            System.exit(2);
        }
        try (Connection connection = DriverManager.getConnection(url, System.getenv("QUARKUS_DATASOURCE_USERNAME"),
                System.getenv("QUARKUS_DATASOURCE_PASSWORD"))) {
            List<Export> retired = new AuditRetention(connection, to).retire(years, Clock.systemUTC(), drop);
            for (Export export : retired) {
                System.out.printf("%s: %d rows to %s (sha256 %s), %s%n", export.partition().name(), export.rows(), export.file(),
                        export.sha256(), drop ? "detached and dropped" : "detached (kept as a plain table)");
            }
            System.out.printf("%d partition(s) of months before %s retired%n", retired.size(),
                    YearMonth.now(ZoneOffset.UTC).minusYears(years));
        } catch (SQLException | RuntimeException e) {
            System.err.println("Retention stopped; the partition being retired is still attached: " + e.getMessage());
            System.exit(1);
        }
    }
}
