package vn.nq57.deploy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Pattern;

/**
 * PostgreSQL for deploy/nq57.
 *
 * <pre>
 *   Postgres embedded DATA_DIR PORT WORK_DIR LOG_FILE   runs a PostgreSQL 17 from the zonky binaries until SIGTERM
 *   Postgres create-databases JDBC_URL USER PASSWORD DB...   creates the missing databases (UTF8, template0)
 *   Postgres drop-databases JDBC_URL USER PASSWORD DB...     drops them (reset on an external server)
 * </pre>
 *
 * The embedded cluster keeps its data in DATA_DIR (initdb only when it is empty), listens on 127.0.0.1:PORT with trust
 * authentication for user {@code postgres}, and stops cleanly (pg_ctl stop) when this JVM gets SIGTERM.
 */
public final class Postgres {

    private static final Pattern DB_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private Postgres() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            usage();
        }
        switch (args[0]) {
            case "embedded" -> {
                if (args.length != 5) usage();
                embedded(Path.of(args[1]), Integer.parseInt(args[2]), Path.of(args[3]), new File(args[4]));
            }
            case "create-databases", "drop-databases" -> {
                if (args.length < 5) usage();
                boolean create = args[0].startsWith("create");
                List<String> names = List.of(args).subList(4, args.length);
                int changed = databases(args[1], args[2], args[3], names, create);
                System.out.println((create ? "created " : "dropped ") + changed + " of " + names.size() + " database(s)");
            }
            default -> usage();
        }
    }

    private static void usage() {
        System.err.println("usage: Postgres embedded DATA_DIR PORT WORK_DIR LOG_FILE\n"
                + "       Postgres create-databases|drop-databases JDBC_URL USER PASSWORD DB...");
        System.exit(2);
    }

    static void embedded(Path dataDir, int port, Path workDir, File log) throws Exception {
        Files.createDirectories(dataDir);
        Files.createDirectories(workDir);
        long t0 = System.nanoTime();
        EmbeddedPostgres pg = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)          // keep the data between runs
                .setOverrideWorkingDirectory(workDir.toFile()) // where the binaries are unpacked (once)
                .setPort(port)
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("max_connections", "200")
                .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log))
                .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log))
                .setPGStartupWait(java.time.Duration.ofSeconds(60))
                .start();
        System.out.printf("embedded PostgreSQL ready on 127.0.0.1:%d in %d ms (data %s)%n", pg.getPort(),
                (System.nanoTime() - t0) / 1_000_000, dataDir);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                System.out.println("stopping embedded PostgreSQL ...");
                pg.close();
                System.out.println("embedded PostgreSQL stopped");
            } catch (Exception e) {
                System.err.println("stopping embedded PostgreSQL failed: " + e);
            } finally {
                stopped.countDown();
            }
        }, "pg-stop"));
        stopped.await();
    }

    /** Creates (or drops) each named database that is missing (or present); returns how many it changed. */
    static int databases(String url, String user, String password, List<String> names, boolean create)
            throws SQLException {
        int changed = 0;
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            for (String name : names) {
                if (!DB_NAME.matcher(name).matches()) {
                    throw new IllegalArgumentException("not a plain database name: " + name);
                }
                boolean exists;
                try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                    ps.setString(1, name);
                    try (ResultSet rs = ps.executeQuery()) {
                        exists = rs.next();
                    }
                }
                try (Statement st = c.createStatement()) {
                    if (create && !exists) {
                        st.execute("CREATE DATABASE " + name + " ENCODING 'UTF8' TEMPLATE template0");
                        System.out.println("database " + name + " created");
                        changed++;
                    } else if (!create && exists) {
                        st.execute("DROP DATABASE " + name + " WITH (FORCE)");
                        System.out.println("database " + name + " dropped");
                        changed++;
                    }
                }
            }
        }
        return changed;
    }
}
