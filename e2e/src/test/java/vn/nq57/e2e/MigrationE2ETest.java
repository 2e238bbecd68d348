package vn.nq57.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.restassured.http.ContentType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The production database set-up of the charts, for real: the DBA's grants (helm/database-grants.sql as it is), the
 * migration Job (the service's own jar with QUARKUS_INIT_AND_EXIT, as the owner user) that migrates and exits, then the
 * service as the data-only user with migrations off: it reads and writes, and cannot change the schema.
 */
@ExtendWith(Suite.class)
class MigrationE2ETest {

    static final Suite.Node NODE = new Suite.Node("mig", "central", 18680, "mig.");
    static final String OWNER = "nq57_e2e_owner";
    static final String APP = "nq57_e2e_app";
    static final String OWNER_PASSWORD = "e2e-owner-local-only";
    static final String APP_PASSWORD = "e2e-app-local-only";
    static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";

    @Test
    void theMigrationJobMigratesAsTheOwnerAndTheServiceRunsAsADataOnlyUser() throws Exception {
        Suite suite = Suite.get();
        String db = NODE.database("kpi");
        try (Connection c = DriverManager.getConnection(SERVER + "postgres", "postgres", "");
             Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
            st.execute("DROP ROLE IF EXISTS " + OWNER);
            st.execute("DROP ROLE IF EXISTS " + APP);
            st.execute("CREATE ROLE " + OWNER + " LOGIN PASSWORD '" + OWNER_PASSWORD + "'");
            st.execute("CREATE ROLE " + APP + " LOGIN PASSWORD '" + APP_PASSWORD + "'");
            st.execute("CREATE DATABASE " + db + " OWNER " + OWNER + " ENCODING 'UTF8' TEMPLATE template0");
        }
        String grants = Files.readString(Path.of(System.getProperty("nq57.repo", "..")).resolve("helm/database-grants.sql"))
                .replace(":\"owner\"", '"' + OWNER + '"').replace(":\"app\"", '"' + APP + '"');
        try (Connection c = DriverManager.getConnection(SERVER + db, "postgres", "");
             Statement st = c.createStatement()) {
            st.execute(grants);
        }
        suite.ensureTopics(NODE.topicPrefix());

        // the pre-install Job: migrates as the owner and exits
        suite.environment(NODE, Map.of("QUARKUS_INIT_AND_EXIT", "true", "QUARKUS_FLYWAY_MIGRATE_AT_START", "true",
                "NQ57_DB_USER", OWNER, "NQ57_DB_PASSWORD", OWNER_PASSWORD));
        Instant t0 = Instant.now();
        assertThat(suite.runToExit(NODE, "kpi", Duration.ofSeconds(180))).as("the migration's exit code").isZero();
        System.out.printf("[e2e] migration job of a new kpi database: %d ms%n", Duration.between(t0, Instant.now()).toMillis());
        try (Connection c = DriverManager.getConnection(SERVER + db, "postgres", "");
             Statement st = c.createStatement();
             ResultSet r = st.executeQuery("SELECT count(*), count(*) FILTER (WHERE tableowner <> '" + OWNER + "'),"
                     + " (SELECT count(*) FILTER (WHERE NOT success) FROM flyway_schema_history)"
                     + " FROM pg_tables WHERE schemaname = 'public'")) {
            r.next();
            assertThat(r.getInt(1)).as("tables").isGreaterThan(10);
            assertThat(r.getInt(2)).as("tables not owned by the owner user").isZero();
            assertThat(r.getInt(3)).as("failed migrations").isZero();
        }

        // the Deployment: the data user, no migration at start
        suite.environment(NODE, Map.of("QUARKUS_FLYWAY_MIGRATE_AT_START", "false",
                "NQ57_DB_USER", APP, "NQ57_DB_PASSWORD", APP_PASSWORD));
        suite.startService(NODE, "kpi");
        try {
            suite.awaitReady(NODE, "kpi", Duration.ofSeconds(180));
            String code = "E2E-MIG-" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
            String id = given().baseUri(suite.url(NODE, "kpi")).auth().oauth2(suite.token("central.admin"))
                    .contentType(ContentType.JSON)
                    .body(Map.ofEntries(Map.entry("code", code), Map.entry("nameVi", "Tỷ lệ cơ sở dữ liệu dùng chung"),
                            Map.entry("unit", "PERCENT"), Map.entry("direction", "HIGHER_IS_BETTER"),
                            Map.entry("aggregation", "LATEST"), Map.entry("frequency", "ANNUAL"),
                            Map.entry("tier", "STRATEGIC"), Map.entry("system", "H4"), Map.entry("ownerAgency", "BKHCN"),
                            Map.entry("baseline", Map.of("value", 10, "period", "2024")),
                            Map.entry("targets", List.of(Map.of("period", "2030", "value", 90)))))
                    .post("/api/v1/indicators").then().log().ifValidationFails().statusCode(201).extract().path("id");
            given().baseUri(suite.url(NODE, "kpi")).auth().oauth2(suite.token("viewer.central"))
                    .get("/api/v1/indicators/" + id).then().statusCode(200)
                    .body("nameVi", org.hamcrest.Matchers.equalTo("Tỷ lệ cơ sở dữ liệu dùng chung"));
        } finally {
            suite.stopService(NODE, "kpi");
        }

        try (Connection c = DriverManager.getConnection(SERVER + db, APP, APP_PASSWORD);
             Statement st = c.createStatement()) {
            assertThatThrownBy(() -> st.execute("CREATE TABLE sneaky (id int)")).isInstanceOf(SQLException.class)
                    .hasMessageContaining("permission denied");
            assertThatThrownBy(() -> st.execute("ALTER TABLE indicator ADD COLUMN sneaky int"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("must be owner");
        }

        // the next upgrade's Job with nothing new to apply
        suite.environment(NODE, Map.of("QUARKUS_INIT_AND_EXIT", "true", "QUARKUS_FLYWAY_MIGRATE_AT_START", "true",
                "NQ57_DB_USER", OWNER, "NQ57_DB_PASSWORD", OWNER_PASSWORD));
        assertThat(suite.runToExit(NODE, "kpi", Duration.ofSeconds(180))).as("an up-to-date schema's exit code").isZero();
        suite.environment(NODE, Map.of());
    }
}
