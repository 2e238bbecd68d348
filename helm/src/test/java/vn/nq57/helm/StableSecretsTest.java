package vn.nq57.helm;

import io.fabric8.kubernetes.api.model.Secret;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A render gives the same manifests every time (GitOps tools re-render constantly): production names every password's
 * Secret; only the dev profile generates passwords, and then reuses the existing Secret's.
 */
class StableSecretsTest {

    private static final String[] PRODUCTION = {"global.postgresql.existingSecret", "nq57-db", "keycloak.admin.existingSecret", "nq57-keycloak-admin",
            "keycloak.realm.portalUrl", "https://portal.nq57.example.gov.vn", "global.apiVersions[0]", "kafka.strimzi.io/v1"};

    @Test
    void productionRefusesToGeneratePasswordsAndSaysWhichSecretToCreate() {
        String postgresql = Charts.renderFailure("nq57", List.of(), "keycloak.admin.existingSecret", "nq57-keycloak-admin",
                "keycloak.realm.portalUrl", "https://portal.nq57.example.gov.vn", "global.apiVersions[0]", "kafka.strimzi.io/v1");
        assertTrue(postgresql.contains("the production profile generates no passwords: create a Secret with the bundled PostgreSQL's password"), postgresql);
        assertTrue(postgresql.contains("set global.postgresql.existingSecret"), postgresql);
        String keycloak = Charts.renderFailure("nq57", List.of(), "global.postgresql.existingSecret", "nq57-db",
                "keycloak.realm.portalUrl", "https://portal.nq57.example.gov.vn", "global.apiVersions[0]", "kafka.strimzi.io/v1");
        assertTrue(keycloak.contains("create a Secret with Keycloak's bootstrap admin password"), keycloak);
        assertTrue(keycloak.contains("set keycloak.admin.existingSecret"), keycloak);
    }

    @Test
    void aProductionRenderIsTheSameEveryTimeAndCreatesNoPasswordSecret() {
        Charts.Rendered first = Charts.renderUmbrella(null, PRODUCTION);
        // the cache would hand back the same object: render again with an equivalent but different set of values
        String[] again = new String[PRODUCTION.length + 2];
        System.arraycopy(PRODUCTION, 0, again, 0, PRODUCTION.length);
        again[PRODUCTION.length] = "global.profile";
        again[PRODUCTION.length + 1] = "production";
        assertEquals(first.yaml(), Charts.renderUmbrella(null, again).yaml());
        assertTrue(first.all(Secret.class).isEmpty(), "no generated password: " + first.all(Secret.class));
        for (Scenario scenario : List.of(Scenario.CENTRAL, Scenario.MINISTRY)) {
            assertEquals(scenario.render().yaml(), scenario.render("global.profile", "production").yaml(), scenario.name());
        }
    }

    @Test
    void theOnlyRandomValueOfTheChartsIsThePasswordKeptInItsExistingSecret() throws IOException {
        Pattern random = Pattern.compile("\\b(randAlphaNum|randAlpha|randNumeric|randAscii|randBytes|uuidv4|genPrivateKey|genCA|derivePassword)\\b");
        int uses = 0;
        try (Stream<Path> files = Files.walk(Charts.source())) {
            for (Path file : files.filter(f -> f.toString().contains("/templates/") && !f.toString().contains("/target/") && Files.isRegularFile(f)).toList()) {
                Matcher m = random.matcher(Files.readString(file));
                while (m.find()) {
                    uses++;
                    assertTrue(file.endsWith(Path.of("nq57/templates/_helpers.tpl")), file + " uses " + m.group());
                }
            }
        }
        assertEquals(1, uses, "one random value, in nq57.keptPassword");
        String helpers = Files.readString(Charts.source().resolve("nq57/templates/_helpers.tpl"));
        String kept = helpers.substring(helpers.indexOf("define \"nq57.keptPassword\""));
        kept = kept.substring(0, kept.indexOf("{{- end -}}\n{{- end -}}"));
        assertTrue(kept.contains("lookup \"v1\" \"Secret\"") && kept.contains("randAlphaNum"), "keptPassword reads the existing Secret before generating");
        // and every generated Secret goes through it
        for (String template : List.of("nq57/templates/postgresql.yaml", "nq57/templates/keycloak.yaml")) {
            String text = Files.readString(Charts.source().resolve(template));
            assertTrue(text.contains("include \"nq57.keptPassword\""), template);
        }
    }
}
