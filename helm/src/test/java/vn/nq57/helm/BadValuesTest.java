package vn.nq57.helm;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bad values fail at install time with the schema's message. Each file in src/test/resources/bad-values says in its
 * header which chart's schema refuses it ({@code # chart:}) and with what message ({@code # expect:}).
 */
class BadValuesTest {

    private static final String SCHEMA_FAILURE = "values don't meet the specifications of the schema(s) in the following chart(s):";

    static Stream<Path> badValuesFiles() throws IOException {
        try (Stream<Path> files = Files.list(Charts.badValues(""))) {
            List<Path> all = files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
            if (all.size() < 10) {
                throw new AssertionError("expected the bad values files, found " + all);
            }
            return all.stream();
        }
    }

    private static String header(Path file, String name) {
        try {
            return Files.readAllLines(file).stream().filter(l -> l.startsWith("# " + name + ": ")).findFirst()
                    .map(l -> l.substring(name.length() + 4))
                    .orElseThrow(() -> new AssertionError(file + " has no '# " + name + ":' line"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badValuesFiles")
    void badValuesAreRefusedWithTheSchemasMessage(Path file) {
        String failure = Charts.renderFailure("nq57", List.of(file));
        String chart = header(file, "chart");
        String expected = header(file, "expect");
        assertTrue(failure.contains(SCHEMA_FAILURE), () -> "not a schema failure: " + failure);
        int section = failure.indexOf("\n" + chart + ":\n");
        assertTrue(section >= 0, () -> "the schema of " + chart + " does not refuse " + file.getFileName() + ": " + failure);
        assertTrue(failure.indexOf(expected, section) > section, () -> "expected '" + expected + "' from " + chart + " in: " + failure);
    }

    @Test
    void aServiceChartInstalledAloneRefusesBadValuesWithItsOwnSchema() {
        String failure = Charts.renderFailure("kpi-service", List.of(), "replicaCount", "0");
        assertTrue(failure.contains(SCHEMA_FAILURE) && failure.contains("at '/replicaCount': minimum: got 0, want 1"), failure);
    }

    @Test
    void anIssuerTheBundledKeycloakDoesNotIssueIsRefusedWithWhatToSet() {
        String failure = Charts.renderFailure("nq57", List.of(), "keycloak.hostname", "https://sso.bkhcn.gov.vn");
        assertTrue(failure.contains("the bundled Keycloak issues tokens as https://sso.bkhcn.gov.vn/realms/nq57"), failure);
        assertTrue(failure.contains("set global.oidc.issuerUrl to https://sso.bkhcn.gov.vn/realms/nq57"), failure);
    }

    @Test
    void twoServicesOfAMinistryReportingToOneUrlAreRefusedWithWhatToSet() {
        // every service at central serves /api/v1/federation/*, so one URL cannot reach two of them
        String failure = Charts.renderFailure("nq57", List.of(Charts.umbrellaValues("values-ministry.yaml")),
                "kpi-service.federation.centralUrl", "", "budget-service.federation.centralUrl", "",
                "global.federation.centralUrl", "https://nq57.gov.vn");
        assertTrue(failure.contains("kpi-service and budget-service would both report to https://nq57.gov.vn"), failure);
        assertTrue(failure.contains("set kpi-service.federation.centralUrl and budget-service.federation.centralUrl"), failure);
        String sameUrl = Charts.renderFailure("nq57", List.of(Charts.umbrellaValues("values-ministry.yaml")),
                "budget-service.federation.centralUrl", "https://kpi.nq57.gov.vn/");
        assertTrue(sameUrl.contains("kpi-service and budget-service would both report to https://kpi.nq57.gov.vn"), sameUrl);
    }

    @Test
    void theValuesFilesShippedWithTheChartAreAccepted() {
        for (Scenario scenario : Scenario.values()) {
            assertTrue(scenario.render().objects().size() > 10, scenario.name());
        }
    }
}
