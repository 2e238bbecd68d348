package vn.nq57.helm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.client.utils.Serialization;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every object the charts render, in the scenarios the other tests render, keeps to the strict JSON schema of its apiVersion
 * and kind (see {@link ManifestSchemas}): the Kubernetes API's, or the Strimzi, prometheus-operator or Gateway API CRD's.
 * A field the schema does not declare fails as a wrong type does, and so does an object of a kind with no schema: no kind
 * is let through unchecked.
 */
class ManifestSchemaTest {

    private static final String[] STANDALONE_SERVICE = {
            "global.postgresql.host", "db.example.gov.vn",
            "global.postgresql.existingSecret", "nq57-db",
            "global.kafka.bootstrapServers", "kafka.example.gov.vn:9092",
            "global.oidc.issuerUrl", "https://sso.example.gov.vn/realms/nq57"};

    static Stream<Arguments> renders() {
        return Stream.of(
                render("evaluation (default values)", () -> Scenario.EVALUATION.render()),
                render("evaluation with the portal on", () -> Scenario.EVALUATION.render("portal.enabled", "true")),
                render("central (values-central.yaml, Strimzi and Prometheus APIs)", () -> Scenario.CENTRAL.render()),
                render("central without the Prometheus operator's API",
                        () -> Charts.renderUmbrella("values-central.yaml", withoutApi(Scenario.CENTRAL.sets, "monitoring.coreos.com/"))),
                render("ministry (values-ministry.yaml)", () -> Scenario.MINISTRY.render()),
                render("ministry with its hooks (migration Jobs, topics Job, helm test Pod, trust bundle, proxy)",
                        () -> Scenario.MINISTRY.renderWithHooks("kafka.topicsJob.enabled", "true",
                                "global.trust.configMap", "nq57-ca", "global.proxy.httpsHost", "proxy.bkhcn.gov.vn")),
                render("central with its hooks (migration Jobs)", () -> Scenario.CENTRAL.renderWithHooks()),
                render("ministry with restricted egress and extra destinations", () -> Scenario.MINISTRY.render(
                        "global.networkPolicy.egress.enabled", "true",
                        "global.networkPolicy.egress.extra[0].to[0].ipBlock.cidr", "10.20.0.0/16",
                        "global.networkPolicy.egress.extra[0].ports[0].port", "5432",
                        "portal.networkPolicy.extraEgress[0].to[0].ipBlock.cidr", "203.0.113.10/32",
                        "portal.networkPolicy.extraEgress[0].ports[0].port", "443")),
                render("initiative-service chart alone", () -> Charts.render("initiative-service", List.of(), STANDALONE_SERVICE)),
                render("kpi-service chart alone", () -> Charts.render("kpi-service", List.of(), STANDALONE_SERVICE)),
                render("budget-service chart alone", () -> Charts.render("budget-service", List.of(), STANDALONE_SERVICE)),
                render("portal chart alone (defaults)", () -> Charts.render("portal", List.of())),
                render("portal chart alone against given services", () -> Charts.render("portal", List.of(),
                        "global.oidc.issuerUrl", "https://sso.example.gov.vn/realms/nq57",
                        "oidc.existingSecret", "example-portal",
                        "api.initiativeUrl", "http://initiative.example:8081",
                        "api.kpiUrl", "http://kpi.example:8082",
                        "api.budgetUrl", "http://budget.example:8083")));
    }

    /** The --set pairs less the global.apiVersions entries of one API group, the others numbered anew. */
    private static String[] withoutApi(String[] sets, String apiPrefix) {
        List<String> kept = new ArrayList<>();
        int index = 0;
        for (int i = 0; i < sets.length; i += 2) {
            if (sets[i].startsWith("global.apiVersions[")) {
                if (!sets[i + 1].startsWith(apiPrefix)) {
                    kept.add("global.apiVersions[" + index++ + "]");
                    kept.add(sets[i + 1]);
                }
            } else {
                kept.add(sets[i]);
                kept.add(sets[i + 1]);
            }
        }
        return kept.toArray(String[]::new);
    }

    private static Arguments render(String name, Supplier<Charts.Rendered> rendering) {
        return Arguments.of(name, rendering);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renders")
    void everyRenderedObjectKeepsToTheSchemaOfItsKind(String scenario, Supplier<Charts.Rendered> rendering) {
        Charts.Rendered rendered = rendering.get();
        List<JsonNode> objects = ManifestSchemas.objects(rendered.yaml());
        assertEquals(rendered.objects().size(), objects.size(), scenario + ": every rendered object is checked");
        assertFalse(objects.isEmpty(), scenario);
        List<ManifestSchemas.Violation> violations = objects.stream()
                .flatMap(object -> ManifestSchemas.get().violations(object).stream()).toList();
        System.out.println("ManifestSchemaTest: " + scenario + ": " + objects.size() + " objects checked ("
                + objects.stream().map(o -> o.path("apiVersion").asText() + " " + o.path("kind").asText()).distinct().sorted()
                .collect(Collectors.joining(", ")) + "), " + violations.size() + " violation(s)");
        assertTrue(violations.isEmpty(), scenario + ": " + violations.size() + " violation(s) in " + objects.size() + " objects:\n  "
                + violations.stream().map(ManifestSchemas.Violation::toString).collect(Collectors.joining("\n  ")));
    }

    // The checks below prove the check fails where it must, on objects the charts render with one fault put in.

    private static ObjectNode first(Charts.Rendered rendered, String kind) {
        return (ObjectNode) ManifestSchemas.objects(rendered.yaml()).stream()
                .filter(o -> kind.equals(o.path("kind").asText())).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " rendered"));
    }

    private static List<String> pointers(JsonNode object) {
        return ManifestSchemas.get().violations(object).stream().map(ManifestSchemas.Violation::pointer).distinct().toList();
    }

    @Test
    void theCheckedObjectsAreValidBeforeTheFaultIsPutIn() {
        assertEquals(List.of(), ManifestSchemas.get().violations(first(Scenario.EVALUATION.render(), "Deployment")));
        assertEquals(List.of(), ManifestSchemas.get().violations(first(Scenario.CENTRAL.render(), "KafkaTopic")));
    }

    @Test
    void anUnknownFieldInAContainerFails() {
        ObjectNode deployment = first(Scenario.EVALUATION.render(), "Deployment");
        ((ObjectNode) deployment.at("/spec/template/spec/containers/0")).put("foo", "bar");
        List<ManifestSchemas.Violation> violations = ManifestSchemas.get().violations(deployment);
        assertEquals(List.of("/spec/template/spec/containers/0/foo"), pointers(deployment), violations::toString);
        assertTrue(violations.get(0).object().startsWith("Deployment/nq57-"), violations::toString);
    }

    @Test
    void anUnknownFieldInAKafkaTopicSpecFails() {
        ObjectNode topic = first(Scenario.CENTRAL.render(), "KafkaTopic");
        ((ObjectNode) topic.get("spec")).put("retentionMs", 1000);
        assertEquals(List.of("/spec/retentionMs"), pointers(topic), () -> ManifestSchemas.get().violations(topic).toString());
    }

    @Test
    void anUnknownFieldInTheMetadataOfACustomResourceFails() {
        ObjectNode topic = first(Scenario.CENTRAL.render(), "KafkaTopic");
        ((ObjectNode) topic.get("metadata")).put("label", "x");
        assertEquals(List.of("/metadata/label"), pointers(topic));
    }

    @Test
    void anUnknownTopLevelFieldFails() {
        ObjectNode configMap = first(Scenario.MINISTRY.render(), "ConfigMap");
        configMap.putObject("spec").put("a", "b");
        assertEquals(List.of("/spec"), pointers(configMap));
    }

    @Test
    void aWrongTypeFails() {
        ObjectNode service = first(Scenario.MINISTRY.render(), "Service");
        ((ObjectNode) service.at("/spec/ports/0")).put("port", "http");
        assertEquals(List.of("/spec/ports/0/port"), pointers(service));
        ObjectNode pool = first(Scenario.CENTRAL.render(), "KafkaNodePool");
        ((ObjectNode) pool.get("spec")).put("replicas", "three");
        assertEquals(List.of("/spec/replicas"), pointers(pool));
    }

    @Test
    void anIntOrStringAndAQuantityTakeBothForms() {
        ObjectNode service = first(Scenario.MINISTRY.render(), "Service");
        ((ObjectNode) service.at("/spec/ports/0")).put("targetPort", 8080);
        assertEquals(List.of(), pointers(service));
        ((ObjectNode) service.at("/spec/ports/0")).put("targetPort", true);
        assertEquals(List.of("/spec/ports/0/targetPort"), pointers(service));
        ObjectNode deployment = first(Scenario.MINISTRY.render(), "Deployment");
        ((ObjectNode) deployment.at("/spec/template/spec/containers/0")).putObject("resources").putObject("limits")
                .put("cpu", 1).put("memory", "512Mi");
        assertEquals(List.of(), pointers(deployment));
    }

    @Test
    void anObjectOfAKindWithNoSchemaFails() throws Exception {
        JsonNode widget = Serialization.yamlMapper().readTree("apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w\nspec: {}\n");
        List<ManifestSchemas.Violation> violations = ManifestSchemas.get().violations(widget);
        assertEquals(1, violations.size());
        assertTrue(violations.get(0).message().startsWith("no schema for apiVersion 'example.com/v1' kind 'Widget'"), violations::toString);
        JsonNode noKind = Serialization.yamlMapper().readTree("apiVersion: v1\nmetadata:\n  name: x\n");
        assertEquals(1, ManifestSchemas.get().violations(noKind).size());
    }
}
