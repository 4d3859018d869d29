package io.cutroom.catalog;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A real PostgreSQL server for the tests: Debian's binaries, a throwaway cluster in a temp folder on a free port of
 * the loopback, started once per test JVM and stopped when it exits. The user {@code cutroom} has a random password,
 * which the driver finds in a pgpass file (as a user's {@code ~/.pgpass}); child processes get it in
 * {@code PGPASSWORD}. Each test catalog is a database of its own.
 */
public final class PostgresServer {
    public static final String USER = "cutroom";
    private static PostgresServer running;

    private final Path folder;
    private final Path bin;
    private final int port;
    private final String password;
    private final boolean asPostgresUser;

    private PostgresServer(Path folder, Path bin, int port, String password, boolean asPostgresUser) {
        this.folder = folder;
        this.bin = bin;
        this.port = port;
        this.password = password;
        this.asPostgresUser = asPostgresUser;
    }

    /** The server, started on first use. Without PostgreSQL's binaries the test is skipped, except in CI. */
    public static synchronized PostgresServer get() {
        if (running == null) {
            Path bin = findBinaries();
            if (bin == null) {
                String why = "PostgreSQL's server binaries were not found: install Debian's postgresql package"
                        + " (or set CUTROOM_TEST_PGBIN to their folder).";
                if (System.getenv("CI") != null) throw new IllegalStateException(why);
                Assumptions.abort(why);
            }
            try {
                running = start(bin);
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException("The test PostgreSQL server did not start: " + e.getMessage(), e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(running::stop));
        }
        return running;
    }

    public int port() {
        return port;
    }

    /** The password, for child processes ({@code PGPASSWORD}). */
    public String password() {
        return password;
    }

    /** A catalog location on a database of its own, made if it is not there yet. */
    public CatalogLocation.Shared database(String name) {
        try (Connection admin = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", USER, password);
             Statement st = admin.createStatement()) {
            var rs = st.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name.replace("'", "''") + "'");
            if (!rs.next()) st.executeUpdate("CREATE DATABASE \"" + name + "\"");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not make the test database " + name + ": " + e.getMessage(), e);
        }
        return new CatalogLocation.Shared("127.0.0.1", port, name, USER, Map.of());
    }

    private static Path findBinaries() {
        String chosen = System.getenv("CUTROOM_TEST_PGBIN");
        if (chosen != null && Files.isExecutable(Path.of(chosen, "pg_ctl"))) return Path.of(chosen);
        Path versions = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(versions)) return null;
        try (Stream<Path> each = Files.list(versions)) {
            return each.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("pg_ctl")))
                    .max(Comparator.comparing(b -> Integer.parseInt(b.getParent().getFileName().toString().replaceAll("\\D", "0"))))
                    .orElse(null);
        } catch (IOException e) {
            return null;
        }
    }

    private static PostgresServer start(Path bin) throws IOException, InterruptedException {
        // PostgreSQL refuses to run as root, as CI does: the cluster then belongs to Debian's postgres user.
        boolean root = "root".equals(System.getProperty("user.name"));
        Path folder = Files.createTempDirectory("cutroom-pg");
        String password = HexFormat.of().formatHex(new SecureRandom().generateSeed(12));
        Path pwfile = folder.resolve("pw");
        Files.writeString(pwfile, password + "\n");
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        PostgresServer server = new PostgresServer(folder, bin, port, password, root);
        if (root) server.run("chown", "-R", "postgres", folder.toString());
        server.asOwner(bin.resolve("initdb").toString(), "-D", folder.resolve("data").toString(), "-U", USER,
                "--auth=scram-sha-256", "--pwfile=" + pwfile, "-E", "UTF8", "--no-locale", "--no-sync");
        Files.delete(pwfile);
        server.asOwner(bin.resolve("pg_ctl").toString(), "-D", folder.resolve("data").toString(), "-w", "-t", "60",
                "-l", folder.resolve("log").toString(), "-o", "-p " + port + " -k " + folder + " -c listen_addresses=127.0.0.1"
                        + " -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200",
                "start");
        Path pgpass = folder.resolve("pgpass");
        Files.writeString(pgpass, "127.0.0.1:" + port + ":*:" + USER + ":" + password + "\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(pgpass, PosixFilePermissions.fromString("rw-------"));
        System.setProperty("org.postgresql.pgpassfile", pgpass.toString());
        return server;
    }

    private void stop() {
        try {
            asOwner(bin.resolve("pg_ctl").toString(), "-D", folder.resolve("data").toString(), "-m", "immediate", "stop");
            try (Stream<Path> files = Files.walk(folder)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
            }
        } catch (IOException | InterruptedException | RuntimeException e) {
            System.err.println("The test PostgreSQL server in " + folder + " did not stop cleanly: " + e.getMessage());
        }
    }

    private void asOwner(String... command) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>();
        if (asPostgresUser) full.addAll(List.of("runuser", "-u", "postgres", "--"));
        full.addAll(List.of(command));
        run(full.toArray(String[]::new));
    }

    private void run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            String log = Files.exists(folder.resolve("log")) ? Files.readString(folder.resolve("log")) : "";
            throw new IOException(String.join(" ", command) + " failed: " + out + log);
        }
    }
}
