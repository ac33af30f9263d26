package org.radpair.api.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL primary and a hot standby streaming from it, made the way an operator makes one: {@code initdb}, then
 * {@code pg_basebackup -R -X stream} from the primary into a second cluster on another port. Uses the server binaries
 * installed on the machine ({@code -Dradpair.test.pg.bin}, or the newest {@code /usr/lib/postgresql/<n>/bin});
 * running as root, the servers run as the {@code postgres} user ({@code runuser}). Both clusters live in a temporary
 * directory that {@link #close()} stops and deletes.
 */
public final class StreamingPair implements AutoCloseable {

    private static final List<String> TOOLS = List.of("initdb", "pg_ctl", "pg_basebackup", "postgres");
    private static final boolean ROOT = "root".equals(System.getProperty("user.name"));

    private static volatile StreamingPair current;

    private final Path bin;
    private final Path directory;
    private final int primaryPort;
    private final int standbyPort;

    private StreamingPair(Path bin, Path directory, int primaryPort, int standbyPort) {
        this.bin = bin;
        this.directory = directory;
        this.primaryPort = primaryPort;
        this.standbyPort = standbyPort;
    }

    /** The server binaries to use, if the machine has them (with pg_basebackup). */
    public static Optional<Path> binaries() {
        String configured = System.getProperty("radpair.test.pg.bin", "");
        if (!configured.isBlank()) {
            return Optional.of(Path.of(configured)).filter(StreamingPair::complete);
        }
        Path installed = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(installed)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(installed)) {
            return versions.map(version -> version.resolve("bin")).filter(StreamingPair::complete)
                    .max(Comparator.comparing(path -> path.getParent().getFileName().toString(),
                            Comparator.comparingInt(name -> name.matches("\\d+") ? Integer.parseInt(name) : 0)));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** For {@code @EnabledIf}: the machine can make a streaming pair (and, as root, run servers as postgres). */
    public static boolean available() {
        return binaries().isPresent() && (!ROOT || Files.isExecutable(Path.of("/usr/sbin/runuser")));
    }

    private static boolean complete(Path bin) {
        return TOOLS.stream().allMatch(tool -> Files.isExecutable(bin.resolve(tool)));
    }

    /** The pair a test resource started last (its test stops the standby to see reads go on). */
    public static StreamingPair current() {
        return current;
    }

    public static StreamingPair start() {
        Path bin = binaries().orElseThrow(() -> new IllegalStateException("No PostgreSQL server binaries with pg_basebackup"));
        try {
            Path directory = Files.createTempDirectory("radpair-standby");
            StreamingPair pair = new StreamingPair(bin, directory, freePort(), freePort());
            if (ROOT) {
                run(directory, List.of("chown", "postgres", directory.toString()));
            }
            pair.postgres("initdb", "-D", directory.resolve("primary").toString(), "-A", "trust", "-U", "postgres", "--no-sync");
            pair.startCluster("primary", pair.primaryPort);
            pair.postgres("pg_basebackup", "-h", "127.0.0.1", "-p", Integer.toString(pair.primaryPort), "-U", "postgres",
                    "-D", directory.resolve("standby").toString(), "-R", "-X", "stream", "--no-sync");
            pair.startCluster("standby", pair.standbyPort);
            current = pair;
            return pair;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The service's datasource on the primary, and the replica setting on the standby. */
    public Map<String, String> config() {
        return Map.of(
                "quarkus.datasource.jdbc.url", primaryJdbcUrl(),
                "quarkus.datasource.reactive.url", "postgresql://127.0.0.1:" + primaryPort + "/postgres",
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", "postgres",
                "radpair.audit.replica.url", "postgresql://127.0.0.1:" + standbyPort + "/postgres");
    }

    public String primaryJdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + primaryPort + "/postgres";
    }

    public String standbyJdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + standbyPort + "/postgres";
    }

    /** Runs one statement on the standby (pausing or resuming its replay, reading its statistics). */
    public String onStandby(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(standbyJdbcUrl(), "postgres", "postgres");
                Statement statement = connection.createStatement();
                var rows = statement.executeQuery(sql)) {
            return rows.next() ? rows.getString(1) : null;
        }
    }

    public void stopStandby() {
        postgres("pg_ctl", "-D", directory.resolve("standby").toString(), "-m", "immediate", "-w", "stop");
    }

    @Override
    public void close() {
        for (String cluster : List.of("standby", "primary")) {
            if (Files.exists(directory.resolve(cluster).resolve("postmaster.pid"))) {
                try {
                    postgres("pg_ctl", "-D", directory.resolve(cluster).toString(), "-m", "immediate", "-w", "stop");
                } catch (RuntimeException e) {
                    // Already stopped: nothing to do.
                }
            }
        }
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (current == this) {
            current = null;
        }
    }

    private void startCluster(String name, int port) {
        postgres("pg_ctl", "-D", directory.resolve(name).toString(), "-l", directory.resolve(name + ".log").toString(), "-w",
                "-o", "-p " + port + " -c listen_addresses=127.0.0.1 -c unix_socket_directories=" + directory
                        + " -c fsync=off -c max_connections=60",
                "start");
    }

    /** Runs a server binary, as postgres when the tests run as root. */
    private void postgres(String tool, String... arguments) {
        List<String> command = new ArrayList<>();
        if (ROOT) {
            command.addAll(List.of("/usr/sbin/runuser", "-u", "postgres", "--"));
        }
        command.add(bin.resolve(tool).toString());
        command.addAll(List.of(arguments));
        run(directory, command);
    }

    private static void run(Path directory, List<String> command) {
        Path log = directory.resolve("commands.log");
        try {
            Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " failed:\n" + Files.readString(log));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
