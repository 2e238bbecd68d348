package vn.nq57.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import vn.nq57.client.KeycloakTokens;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The whole suite for real, once per test run: a Kafka broker (KRaft) and Keycloak with the nq57 realm, started
 * through the project's own scripts, and the three packaged services as processes, on ports of their own so a running
 * local suite is not disturbed. Everything is stopped when the run ends.
 */
public final class Suite implements BeforeAllCallback, ExtensionContext.Store.CloseableResource {

    public static final int KAFKA = 19092;
    public static final int KAFKA_CONTROLLER = 19093;
    public static final int KEYCLOAK = 18180;
    /** The production realm of the charts, imported beside the demo realm {@code nq57}. */
    public static final String PRODUCTION_REALM = "nq57-production";
    /** The SMTP server (GreenMail, in this JVM) every instance's initiative-service mails to. */
    public static final int SMTP = 18025;
    /** Health and metrics of every process are on its management port: its HTTP port + this (as deploy/nq57 does). */
    public static final int MANAGEMENT_OFFSET = 1000;
    public static final Map<String, Integer> PORTS = Map.of("initiative", 18081, "kpi", 18082, "budget", 18083);
    public static final String PASSWORD = "demo-local-only";
    /** The realm's LOCAL-ONLY secret of the confidential client {@code portal} (identity/realm-nq57.json). */
    public static final String PORTAL_SECRET = "local-dev-only-portal";

    /**
     * One instance of the suite (DESIGN.md §3 Federation): its id and role, the base of its ports (service ports are
     * base + 1, 2, 3), its topic prefix on the shared broker, and its databases {@code nq57_e2e_[id_]service}.
     */
    public record Node(String id, String role, int portBase, String topicPrefix) {
        public int port(String service) {
            return portBase + PORTS.get(service) - 18080;
        }

        public String database(String service) {
            return "nq57_e2e_" + ("central".equals(id) ? "" : id + "_") + service;
        }

        String key(String service) {
            return id + "/" + service;
        }

        String logName(String service) {
            return ("central".equals(id) ? "" : id + "-") + service + "-service.log";
        }
    }

    /** Central's services listen on base + 1, 2, 3 (18081–18083; {@code -Dnq57.e2e.central-port-base} moves them). */
    public static final Node CENTRAL = new Node("central", "central",
            Integer.getInteger("nq57.e2e.central-port-base", 18080), "");
    /** Ministry instances reporting to {@link #CENTRAL}; started only by the federation tests. */
    public static final Node BKHCN = new Node("bkhcn", "ministry", 18280, "bkhcn.");
    public static final Node BYT = new Node("byt", "ministry", 18380, "byt.");
    public static final List<Node> MINISTRIES = List.of(BKHCN, BYT);
    /**
     * The instance the portal tests read: a central instance of its own (databases {@code nq57_e2e_web_*}, topics
     * {@code web.*}) loaded with the Resolution 57 sample, so the other tests' data and the sample stay apart.
     */
    public static final Node WEB = new Node("web", "central", 18580, "web.");
    /** The portal of {@link #WEB}. */
    public static final int PORTAL = 18590;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static volatile boolean started;

    private final Path repo = Path.of(System.getProperty("nq57.repo", "..")).toAbsolutePath().normalize();
    private final Path run = repo.resolve("e2e/target/run");
    private final Path logs = run.resolve("logs");
    private final Map<String, Process> services = new ConcurrentHashMap<>();
    private final Map<String, Map<String, String>> extraEnv = new ConcurrentHashMap<>();
    private volatile boolean ministriesStarted;
    private volatile boolean webStarted;
    private final KeycloakTokens userTokens = new KeycloakTokens("http://127.0.0.1:" + KEYCLOAK + "/realms/nq57", "portal",
            PORTAL_SECRET);
    private final KeycloakTokens adminTokens = new KeycloakTokens("http://127.0.0.1:" + KEYCLOAK + "/realms/master",
            "admin-cli", null);
    private static Suite instance;
    private com.icegreen.greenmail.util.GreenMail smtp;

    /** The mail the services sent (GreenMail answers it grouped by mailbox, not in order of arrival). */
    public jakarta.mail.internet.MimeMessage[] mails() {
        return smtp.getReceivedMessages();
    }

    public static Suite get() {
        return instance;
    }

    /** Starts the suite outside JUnit (for the benchmark); the caller closes it. */
    public static Suite standalone() throws Exception {
        Suite suite = new Suite();
        instance = suite;
        Runtime.getRuntime().addShutdownHook(new Thread(suite::close));
        suite.start();
        return suite;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        synchronized (Suite.class) {
            if (!started) {
                instance = this;
                context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).put("nq57-suite", this);
                start();
                started = true;
            }
        }
    }

    private void start() throws Exception {
        Files.createDirectories(logs);
        Instant t0 = Instant.now();
        log("repository " + repo + ", run dir " + run);
        databases();
        smtp = new com.icegreen.greenmail.util.GreenMail(new com.icegreen.greenmail.util.ServerSetup(SMTP, "127.0.0.1",
                com.icegreen.greenmail.util.ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        productionRealm();
        script("identity/keycloak.sh", "start");
        log("Keycloak ready after " + Duration.between(t0, Instant.now()).toSeconds() + " s");
        startBroker(true);
        for (String service : PORTS.keySet()) {
            startService(service);
        }
        for (String service : PORTS.keySet()) {
            awaitReady(service, Duration.ofSeconds(120));
        }
        log("suite ready after " + Duration.between(t0, Instant.now()).toSeconds() + " s");
    }

    /**
     * Starts the ministry instances (once): their databases, their topics on the shared broker, and their three
     * services, each configured to report to the same service of {@link #CENTRAL} as its federation client.
     */
    public synchronized void startMinistries(Map<Node, Map<String, String>> env) throws Exception {
        if (ministriesStarted) {
            return;
        }
        Instant t0 = Instant.now();
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
             Statement st = c.createStatement()) {
            for (Node node : MINISTRIES) {
                for (String service : PORTS.keySet()) {
                    st.execute("DROP DATABASE IF EXISTS " + node.database(service) + " WITH (FORCE)");
                    st.execute("CREATE DATABASE " + node.database(service) + " ENCODING 'UTF8' TEMPLATE template0");
                }
            }
        }
        List<String> prefixes = new java.util.ArrayList<>(List.of("ensure-topics"));
        MINISTRIES.forEach(n -> prefixes.add(n.topicPrefix()));
        script("deploy/infra/kafka.sh", prefixes.toArray(String[]::new));
        for (Node node : MINISTRIES) {
            extraEnv.put(node.id(), env.getOrDefault(node, Map.of()));
            for (String service : PORTS.keySet()) {
                startService(node, service);
            }
        }
        for (Node node : MINISTRIES) {
            for (String service : PORTS.keySet()) {
                awaitReady(node, service, Duration.ofSeconds(180));
            }
        }
        ministriesStarted = true;
        log("ministry instances ready after " + Duration.between(t0, Instant.now()).toSeconds() + " s");
    }

    /**
     * Stops the ministry instances' services (their databases stay until the next {@link #startMinistries} drops
     * them), so that the test classes after the one that needed them do not share the two cores with six idle services
     * polling central.
     */
    public synchronized void stopMinistries() {
        for (Node node : MINISTRIES) {
            for (String service : PORTS.keySet()) {
                stopService(node, service);
            }
        }
        ministriesStarted = false;
    }

    /**
     * Starts {@link #WEB} once: its databases and topics, its three services, the Resolution 57 sample loaded through
     * the REST APIs by the deploy module's loader (as {@code deploy/nq57} does), and the portal on {@link #PORTAL}.
     */
    public synchronized void startWeb() throws Exception {
        if (webStarted) {
            return;
        }
        Instant t0 = Instant.now();
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
             Statement st = c.createStatement()) {
            for (String service : PORTS.keySet()) {
                st.execute("DROP DATABASE IF EXISTS " + WEB.database(service) + " WITH (FORCE)");
                st.execute("CREATE DATABASE " + WEB.database(service) + " ENCODING 'UTF8' TEMPLATE template0");
            }
        }
        script("deploy/infra/kafka.sh", "ensure-topics", WEB.topicPrefix());
        for (String service : PORTS.keySet()) {
            startService(WEB, service);
        }
        for (String service : PORTS.keySet()) {
            awaitReady(WEB, service, Duration.ofSeconds(180));
        }
        loadSample(WEB);
        startPortal(WEB, PORTAL);
        webStarted = true;
        log("web instance with the sample and the portal ready after " + Duration.between(t0, Instant.now()).toSeconds()
                + " s");
    }

    /** The deploy module's sample loader against an instance (the jar the reactor built before e2e). */
    private void loadSample(Node node) throws Exception {
        Path jar = repo.resolve("deploy/target/deploy.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: build the deploy module first (./mvnw install -DskipTests)");
        }
        ProcessBuilder pb = new ProcessBuilder(javaBin(), "-Xmx192m", "-Dfile.encoding=UTF-8", "-cp",
                jar + java.io.File.pathSeparator + repo.resolve("deploy/target/lib") + "/*", "vn.nq57.deploy.SampleLoader");
        Map<String, String> env = pb.environment();
        env.put("NQ57_KEYCLOAK_URL", "http://127.0.0.1:" + KEYCLOAK);
        env.put("NQ57_INITIATIVE_URL", url(node, "initiative"));
        env.put("NQ57_KPI_URL", url(node, "kpi"));
        env.put("NQ57_BUDGET_URL", url(node, "budget"));
        env.put("NQ57_PORTAL_CLIENT_SECRET", PORTAL_SECRET);
        Path log = logs.resolve(node.id() + "-sample.log");
        pb.redirectErrorStream(true);
        pb.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Process p = pb.start();
        if (!p.waitFor(300, java.util.concurrent.TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("the sample loader did not finish in 300 s; see " + log);
        }
        if (p.exitValue() != 0) {
            throw new IllegalStateException("the sample loader failed with " + p.exitValue() + "; see " + log);
        }
        log("sample loaded into " + node.id() + ": " + Files.readAllLines(log).stream()
                .filter(l -> l.startsWith("sample: done")).findFirst().orElse("?"));
    }

    /** Starts the packaged portal for an instance's services, signing users in at the suite's Keycloak. */
    public void startPortal(Node node, int port) throws Exception {
        Path jar = repo.resolve("portal/target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: package the portal first (./mvnw install -DskipTests)");
        }
        ProcessBuilder pb = new ProcessBuilder(javaBin(), "-Xmx192m", "-jar", jar.toString());
        Map<String, String> env = pb.environment();
        env.put("NQ57_PORTAL_PORT", String.valueOf(port));
        env.put("NQ57_MANAGEMENT_PORT", String.valueOf(port + MANAGEMENT_OFFSET));
        env.put("NQ57_INITIATIVE_URL", url(node, "initiative"));
        env.put("NQ57_KPI_URL", url(node, "kpi"));
        env.put("NQ57_BUDGET_URL", url(node, "budget"));
        env.put("NQ57_OIDC_ISSUER", issuer());
        env.put("NQ57_PORTAL_CLIENT_SECRET", PORTAL_SECRET);
        env.put("NQ57_INSTANCE_ID", node.id());
        env.put("NQ57_INSTANCE_ROLE", node.role());
        env.put("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "false");
        pb.redirectErrorStream(true);
        pb.redirectOutput(ProcessBuilder.Redirect.appendTo(logs.resolve(node.id() + "-portal.log").toFile()));
        String key = node.id() + "/portal";
        services.put(key, pb.start());
        HttpClient client = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            if (!services.get(key).isAlive()) {
                throw new IllegalStateException("the portal exited; see " + logs.resolve(node.id() + "-portal.log"));
            }
            try {
                if (client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + (port + MANAGEMENT_OFFSET) + "/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    log("portal of " + node.id() + " ready on " + port);
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the portal was not ready in 60 s");
    }

    @Override
    public void close() {
        for (String key : List.copyOf(services.keySet())) {
            stop(key);
        }
        try {
            script("deploy/infra/kafka.sh", "stop");
        } catch (Exception e) {
            log("kafka stop: " + e.getMessage());
        }
        try {
            script("identity/keycloak.sh", "stop");
        } catch (Exception e) {
            log("keycloak stop: " + e.getMessage());
        }
        if (smtp != null) {
            smtp.stop();
        }
    }

    /**
     * The charts' production realm (helm/nq57/files/realm-nq57-production.json) as Keycloak imports it in a cluster,
     * next to the demo realm under the name {@link #PRODUCTION_REALM}: its placeholders come from Keycloak's
     * environment ({@link #productionRealmEnv()}).
     */
    private void productionRealm() throws IOException {
        com.fasterxml.jackson.databind.node.ObjectNode realm = (com.fasterxml.jackson.databind.node.ObjectNode)
                JSON.readTree(repo.resolve("helm/nq57/files/realm-nq57-production.json").toFile());
        realm.put("realm", PRODUCTION_REALM);
        Files.writeString(run.resolve("realm-" + PRODUCTION_REALM + ".json"), JSON.writeValueAsString(realm));
    }

    /** What a cluster's Keycloak container gets from Secrets and values for the production realm (tests only). */
    public static Map<String, String> productionRealmEnv() {
        return Map.of("NQ57_PORTAL_URL", "https://portal.e2e.nq57.example",
                "NQ57_PORTAL_CLIENT_SECRET", "e2e-portal-secret-local-only",
                "NQ57_SERVICE_CLIENT_SECRET", "e2e-service-secret-local-only");
    }

    /** Fresh databases for this run. */
    private void databases() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
             Statement s = c.createStatement()) {
            for (String service : PORTS.keySet()) {
                s.execute("DROP DATABASE IF EXISTS nq57_e2e_" + service + " WITH (FORCE)");
                s.execute("CREATE DATABASE nq57_e2e_" + service + " ENCODING 'UTF8' TEMPLATE template0");
            }
        }
    }

    /** Empties an instance's databases (its services must be stopped): a ministry that lost everything. */
    public void emptyDatabases(Node node) throws Exception {
        for (String service : PORTS.keySet()) {
            emptyDatabase(node, service);
        }
    }

    /** Empties one service's database of an instance (the service must be stopped). */
    public void emptyDatabase(Node node, String service) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
             Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + node.database(service) + " WITH (FORCE)");
            s.execute("CREATE DATABASE " + node.database(service) + " ENCODING 'UTF8' TEMPLATE template0");
        }
    }

    /** The topics of an instance with this prefix on the suite's broker. */
    public void ensureTopics(String prefix) throws Exception {
        script("deploy/infra/kafka.sh", "ensure-topics", prefix);
    }

    public void startBroker(boolean reset) throws Exception {
        if (reset) {
            script("deploy/infra/kafka.sh", "start", "--reset");
        } else {
            script("deploy/infra/kafka.sh", "start");
        }
    }

    public void stopBroker() throws Exception {
        script("deploy/infra/kafka.sh", "stop");
    }

    public void startService(String service) throws IOException {
        startService(CENTRAL, service);
    }

    public void startService(Node node, String service) throws IOException {
        ProcessBuilder pb = serviceProcess(node, service);
        services.put(node.key(service), pb.start());
        log("started " + node.id() + " " + service + "-service on " + node.port(service));
    }

    /** Extra settings of an instance's services from now on: NAME for all of them, service/NAME for one. */
    public void environment(Node node, Map<String, String> env) {
        extraEnv.put(node.id(), Map.copyOf(env));
    }

    /** Runs a service of an instance as a one-off task (e.g. QUARKUS_INIT_AND_EXIT) and answers its exit code. */
    public int runToExit(Node node, String service, Duration timeout) throws Exception {
        Process p = serviceProcess(node, service).start();
        if (!p.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException(node.id() + " " + service + "-service did not exit within " + timeout
                    + "; see " + logs.resolve(node.logName(service)));
        }
        return p.exitValue();
    }

    private ProcessBuilder serviceProcess(Node node, String service) {
        Path jar = repo.resolve(service + "-service/target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: package the services first (./mvnw install -DskipTests)");
        }
        ProcessBuilder pb = new ProcessBuilder(javaBin(), "-Xmx256m", "-jar", jar.toString());
        Map<String, String> env = pb.environment();
        String upper = service.toUpperCase();
        env.put("NQ57_" + upper + "_PORT", String.valueOf(node.port(service)));
        env.put("NQ57_MANAGEMENT_PORT", String.valueOf(node.port(service) + MANAGEMENT_OFFSET));
        env.put("NQ57_" + upper + "_DB_URL", "jdbc:postgresql://127.0.0.1:5432/" + node.database(service));
        env.put("NQ57_OIDC_ISSUER", issuer());
        env.put("NQ57_OIDC_JWKS", issuer() + "/protocol/openid-connect/certs");
        env.put("NQ57_KAFKA_BOOTSTRAP", "127.0.0.1:" + KAFKA);
        env.put("NQ57_INSTANCE_ID", node.id());
        env.put("NQ57_INSTANCE_ROLE", node.role());
        env.put("NQ57_TOPIC_PREFIX", node.topicPrefix());
        env.put("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "false");
        if ("ministry".equals(node.role())) {
            env.put("NQ57_FEDERATION_CENTRAL_URL", url(CENTRAL, service));
            env.put("NQ57_FEDERATION_TOKEN_URL", issuer() + "/protocol/openid-connect/token");
            env.put("NQ57_FEDERATION_CLIENT_ID", "nq57-federation-" + node.id());
            env.put("NQ57_FEDERATION_CLIENT_SECRET", "local-dev-only-federation-" + node.id());
            env.put("NQ57_FEDERATION_FORWARD_INTERVAL", "200ms");
            env.put("NQ57_FEDERATION_CATALOG_INTERVAL", "5s");
            env.put("NQ57_FEDERATION_MAX_BACKOFF", "2s");
        }
        env.put("NQ57_EVENTS_PARKED_RETRY_INTERVAL", "2s");
        if (service.equals("initiative")) {
            // accountability: warnings evaluated soon after changes, mail to the suite's SMTP server, recipients
            // from the realm through the service account
            env.put("NQ57_WARNINGS_EVERY", "2s");
            env.put("NQ57_WARNINGS_DELAY", "1s");
            env.put("NQ57_MAIL_ENABLED", "true");
            env.put("NQ57_MAIL_EVERY", "2s");
            env.put("NQ57_MAIL_DELAY", "1s");
            // reminders and the digest at any hour of the day the tests run (07:00 in Viet Nam by default)
            env.put("NQ57_MAIL_DIGEST_HOUR", "0");
            env.put("NQ57_SMTP_HOST", "127.0.0.1");
            env.put("NQ57_SMTP_PORT", String.valueOf(SMTP));
            env.put("NQ57_SMTP_STARTTLS", "DISABLED");
            env.put("NQ57_KEYCLOAK_URL", "http://127.0.0.1:" + KEYCLOAK);
        }
        // every process here shares one clock: tokens are checked without the default 60 s of clock skew, so an
        // expired token is refused at once (the federation test relies on it)
        env.put("MP_JWT_VERIFY_CLOCK_SKEW", "0");
        env.put("SMALLRYE_JWT_EXPIRATION_GRACE", "0");
        // extra settings of the instance: NAME for all its services, service/NAME for one of them
        extraEnv.getOrDefault(node.id(), Map.of()).forEach((name, value) -> {
            int slash = name.indexOf('/');
            if (slash < 0) {
                env.put(name, value);
            } else if (name.substring(0, slash).equals(service)) {
                env.put(name.substring(slash + 1), value);
            }
        });
        pb.redirectErrorStream(true);
        pb.redirectOutput(ProcessBuilder.Redirect.appendTo(logs.resolve(node.logName(service)).toFile()));
        return pb;
    }

    public void stopService(String service) {
        stopService(CENTRAL, service);
    }

    /** The operating system's process id of a running service of an instance (for RSS readings), or -1. */
    public long pid(Node node, String service) {
        Process p = services.get(node.key(service));
        return p == null ? -1 : p.pid();
    }

    /**
     * Starts another replica of a service of an instance on {@code port} (management port + 1000): the same database,
     * topics and consumer group, as a second pod of the chart's Deployment would; its log is
     * {@code <service>-service-<port>.log}. Ready when this returns.
     */
    public void startReplica(Node node, String service, int port) throws Exception {
        ProcessBuilder pb = serviceProcess(node, service);
        pb.environment().put("NQ57_" + service.toUpperCase() + "_PORT", String.valueOf(port));
        pb.environment().put("NQ57_MANAGEMENT_PORT", String.valueOf(port + MANAGEMENT_OFFSET));
        Path log = logs.resolve(node.logName(service).replace(".log", "-" + port + ".log"));
        pb.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        String key = node.key(service) + "#" + port;
        Process p = pb.start();
        services.put(key, p);
        log("started a replica of " + node.id() + " " + service + "-service on " + port);
        HttpClient client = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (Instant.now().isBefore(deadline)) {
            if (!p.isAlive()) {
                throw new IllegalStateException("the replica exited with " + p.exitValue() + "; see " + log);
            }
            try {
                if (up(client, "http://127.0.0.1:" + (port + MANAGEMENT_OFFSET))) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the replica on " + port + " is not ready; see " + log);
    }

    /** Stops a replica started by {@link #startReplica} (SIGTERM: a graceful shutdown, as a rolling update does). */
    public void stopReplica(Node node, String service, int port) {
        stop(node.key(service) + "#" + port);
    }

    public void stopService(Node node, String service) {
        stop(node.key(service));
    }

    /** Kills a service at once (SIGKILL: no shutdown hooks, no transaction completes). */
    public void killService(Node node, String service) throws InterruptedException {
        Process p = services.remove(node.key(service));
        if (p != null) {
            p.destroyForcibly().waitFor();
        }
    }

    private void stop(String key) {
        Process p = services.remove(key);
        if (p != null) {
            p.destroy();
            try {
                if (!p.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                    p.destroyForcibly().waitFor();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    public void restartService(String service) throws Exception {
        restartService(CENTRAL, service);
    }

    public void restartService(Node node, String service) throws Exception {
        stopService(node, service);
        startService(node, service);
        awaitReady(node, service, Duration.ofSeconds(120));
    }

    public void awaitReady(String service, Duration timeout) throws Exception {
        awaitReady(CENTRAL, service, timeout);
    }

    /** Waits until the service answers its liveness check and its database is up (Kafka may still be connecting). */
    public void awaitReady(Node node, String service, Duration timeout) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(timeout);
        Path log = logs.resolve(node.logName(service));
        while (Instant.now().isBefore(deadline)) {
            Process p = services.get(node.key(service));
            if (p != null && !p.isAlive()) {
                throw new IllegalStateException(node.id() + " " + service + "-service exited with " + p.exitValue()
                        + "; see " + log);
            }
            try {
                if (up(client, managementUrl(node, service))) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(node.id() + " " + service + "-service not ready after " + timeout + "; see "
                + log);
    }

    /** Health and metrics of a service of an instance (its management interface). */
    public String managementUrl(Node node, String service) {
        return "http://127.0.0.1:" + (node.port(service) + MANAGEMENT_OFFSET);
    }

    /**
     * Whether a service is up: ready (its database) and started (its Kafka clients connected: readiness leaves Kafka
     * out, so that a broker's restart does not take the API out of service).
     */
    private static boolean up(HttpClient client, String management) throws IOException, InterruptedException {
        for (String probe : new String[] {"/q/health/ready", "/q/health/started"}) {
            if (client.send(HttpRequest.newBuilder(URI.create(management + probe)).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() != 200) {
                return false;
            }
        }
        return true;
    }

    /** A health probe ({@code /q/health/ready}, {@code live}, {@code started}) of a service, on its management port. */
    public io.restassured.response.Response health(Node node, String service, String probe) {
        return io.restassured.RestAssured.given().baseUri(managementUrl(node, service)).when().get("/q/health/" + probe);
    }

    public String url(String service) {
        return url(CENTRAL, service);
    }

    public String url(Node node, String service) {
        return "http://127.0.0.1:" + node.port(service);
    }

    /** The Keycloak admin's token (bootstrap admin of the local realm server: admin/admin, local only). */
    public String adminToken() throws IOException, InterruptedException {
        return adminTokens.token("admin", "admin");
    }

    public String issuer() {
        return "http://127.0.0.1:" + KEYCLOAK + "/realms/nq57";
    }

    /** An access token of a demo user from the real Keycloak (password grant on the portal client), cached. */
    public String token(String user) {
        try {
            return userTokens.token(user, PASSWORD);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The claims of a token (its payload, decoded). */
    public static JsonNode claims(String token) throws IOException {
        String payload = token.split("\\.")[1];
        return JSON.readTree(java.util.Base64.getUrlDecoder().decode(payload));
    }

    private void script(String script, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("bash", repo.resolve(script).toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(repo.toFile());
        Map<String, String> env = pb.environment();
        env.putAll(scriptEnv());
        pb.redirectErrorStream(true);
        pb.redirectOutput(ProcessBuilder.Redirect.appendTo(logs.resolve("scripts.log").toFile()));
        Process p = pb.start();
        if (!p.waitFor(600, java.util.concurrent.TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException(script + " " + String.join(" ", args) + " timed out; see scripts.log");
        }
        if (p.exitValue() != 0) {
            throw new IllegalStateException(script + " " + String.join(" ", args) + " failed with " + p.exitValue()
                    + "; see " + logs.resolve("scripts.log"));
        }
    }

    private Map<String, String> scriptEnv() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("NQ57_RUN_DIR", run.toString());
        env.put("NQ57_LOG_DIR", logs.toString());
        env.put("NQ57_KAFKA_PORT", String.valueOf(KAFKA));
        env.put("NQ57_KAFKA_CONTROLLER_PORT", String.valueOf(KAFKA_CONTROLLER));
        env.put("NQ57_KEYCLOAK_PORT", String.valueOf(KEYCLOAK));
        env.put("NQ57_KEYCLOAK_EXTRA_REALMS", run.resolve("realm-" + PRODUCTION_REALM + ".json").toString());
        env.putAll(productionRealmEnv());
        return env;
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static void log(String message) {
        System.out.println("[e2e suite] " + message);
    }

    static boolean portOpen(int port) {
        try (Socket s = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
