package vn.nq57.helm;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Alerts on the metrics the services really expose, and a Gateway API HTTPRoute beside the Ingress. */
class MonitoringAndRoutingTest {

    private static final String PROMETHEUS = "monitoring.coreos.com/v1";
    private static final String GATEWAY = "gateway.networking.k8s.io/v1";

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> alerts(Charts.Rendered rendered) {
        GenericKubernetesResource rule = (GenericKubernetesResource) rendered.ofKind("PrometheusRule").get(0);
        List<Map<String, Object>> all = new ArrayList<>();
        for (Map<String, Object> group : (List<Map<String, Object>>) rule.get("spec", "groups")) {
            all.addAll((List<Map<String, Object>>) group.get("rules"));
        }
        return all;
    }

    /** The meter names the platform registers (Micrometer's dotted names). */
    private static String platformSources() throws IOException {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.walk(Charts.source().resolveSibling("platform").resolve("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                all.append(Files.readString(file));
            }
        }
        return all.toString();
    }

    @Test
    void alertsUseOnlyMetricsTheServicesExpose() throws IOException {
        String sources = platformSources();
        TreeSet<String> used = new TreeSet<>();
        for (Charts.Rendered rendered : List.of(Scenario.CENTRAL.render("monitoring.prometheusRule.enabled", "true"),
                Scenario.MINISTRY.render("monitoring.prometheusRule.enabled", "true", "global.apiVersions[0]", PROMETHEUS))) {
            for (Map<String, Object> alert : alerts(rendered)) {
                String expr = (String) alert.get("expr");
                assertTrue(expr.contains("namespace=\"nq57-test\""), alert.get("alert") + " looks at this release's namespace only: " + expr);
                Matcher m = Pattern.compile("\\b(nq57_[a-z_]+|kafka_[a-z_]+)\\{").matcher(expr);
                assertTrue(m.find(), expr);
                do {
                    used.add(m.group(1));
                } while (m.find());
            }
        }
        for (String metric : used) {
            if (metric.startsWith("kafka_")) {
                assertEquals("kafka_consumer_fetch_manager_records_lag_max", metric, "the Kafka client's own metric (Micrometer's Kafka binder)");
                continue;
            }
            // Prometheus name -> Micrometer meter name: counters get _total, dots become underscores
            String meter = metric.replaceFirst("_total$", "").replace('_', '.');
            assertTrue(sources.contains("\"" + meter + "\"") || (meter.endsWith(".failures") && sources.contains("\"nq57.federation.\" + name + \".failures\"")),
                    metric + ": no meter " + meter + " in platform/src/main/java");
        }
        assertTrue(used.containsAll(List.of("nq57_federation_origin_lag_ms", "nq57_federation_forward_pending",
                "nq57_federation_forward_oldest_pending_seconds", "nq57_events_consumed_total", "nq57_outbox_oldest_pending_seconds",
                "kafka_consumer_fetch_manager_records_lag_max")), used.toString());
    }

    @Test
    void centralWatchesTheMinistriesAndAMinistryItsWayToCentral() {
        List<String> central = alerts(Scenario.CENTRAL.render("monitoring.prometheusRule.enabled", "true")).stream().map(a -> (String) a.get("alert")).toList();
        List<String> ministry = alerts(Scenario.MINISTRY.render("monitoring.prometheusRule.enabled", "true", "global.apiVersions[0]", PROMETHEUS))
                .stream().map(a -> (String) a.get("alert")).toList();
        assertTrue(central.containsAll(List.of("NQ57FederationOriginLagging", "NQ57FederationEventsParked", "NQ57EventsParked", "NQ57OutboxBacklog", "NQ57KafkaConsumerLag")), central.toString());
        assertFalse(central.contains("NQ57FederationForwardStalled"));
        assertTrue(ministry.containsAll(List.of("NQ57FederationForwardBacklog", "NQ57FederationForwardStalled", "NQ57EventsParked", "NQ57OutboxBacklog")), ministry.toString());
        assertFalse(ministry.contains("NQ57FederationOriginLagging"));
    }

    @Test
    void thePrometheusRuleNeedsTheValueAndTheOperatorsApi() {
        assertTrue(Scenario.CENTRAL.render().ofKind("PrometheusRule").isEmpty(), "off by default");
        assertTrue(Scenario.MINISTRY.render("monitoring.prometheusRule.enabled", "true").ofKind("PrometheusRule").isEmpty(), "no Prometheus operator");
    }

    @Test
    void anHttpRouteRoutesTheSamePathsAsTheIngressToTheHttpPort() {
        Charts.Rendered rendered = Scenario.MINISTRY.render("global.apiVersions[0]", GATEWAY,
                "kpi-service.httpRoute.enabled", "true", "kpi-service.httpRoute.parentRefs[0].name", "nq57-gateway",
                "kpi-service.httpRoute.parentRefs[0].namespace", "gateway-system", "kpi-service.httpRoute.hostnames[0]", "kpi.nq57.bkhcn.gov.vn",
                "kpi-service.openapi.enabled", "true",
                "portal.httpRoute.enabled", "true", "portal.httpRoute.parentRefs[0].name", "nq57-gateway");
        // fabric8 knows HTTPRoute: read it generically, as the YAML says
        List<GenericKubernetesResource> routes = rendered.ofKind("HTTPRoute").stream()
                .map(r -> io.fabric8.kubernetes.client.utils.Serialization.jsonMapper().convertValue(r, GenericKubernetesResource.class)).toList();
        assertEquals(List.of("nq57-kpi-service", "nq57-portal"), routes.stream().map(r -> r.getMetadata().getName()).sorted().toList());
        GenericKubernetesResource kpi = routes.stream().filter(r -> r.getMetadata().getName().equals("nq57-kpi-service")).findFirst().orElseThrow();
        assertEquals(GATEWAY, kpi.getApiVersion());
        assertEquals(List.of(Map.of("name", "nq57-gateway", "namespace", "gateway-system")), kpi.get("spec", "parentRefs"));
        assertEquals(List.of("kpi.nq57.bkhcn.gov.vn"), kpi.get("spec", "hostnames"));
        @SuppressWarnings("unchecked")
        Map<String, Object> rule = ((List<Map<String, Object>>) kpi.get("spec", "rules")).get(0);
        @SuppressWarnings("unchecked")
        List<Map<String, Map<String, Object>>> matches = (List<Map<String, Map<String, Object>>>) rule.get("matches");
        assertEquals(List.of("/api", "/q/openapi", "/q/swagger-ui"), matches.stream().map(m -> m.get("path").get("value")).toList());
        assertTrue(matches.stream().allMatch(m -> "PathPrefix".equals(m.get("path").get("type"))));
        assertEquals(List.of(Map.of("name", "nq57-kpi-service", "port", 8082)), rule.get("backendRefs"), "the Service's HTTP port, never management");
        GenericKubernetesResource portal = routes.stream().filter(r -> r.getMetadata().getName().equals("nq57-portal")).findFirst().orElseThrow();
        assertTrue(portal.get("spec", "rules").toString().contains("value=/"), portal.get("spec", "rules").toString());
        // without the API, an HTTPRoute asked for is refused; without the value, none
        String failure = Charts.renderFailure("nq57", List.of(Charts.umbrellaValues("values-ministry.yaml")),
                "kpi-service.httpRoute.enabled", "true", "kpi-service.httpRoute.parentRefs[0].name", "nq57-gateway");
        assertTrue(failure.contains("does not serve gateway.networking.k8s.io/v1"), failure);
        assertTrue(Scenario.MINISTRY.render().ofKind("HTTPRoute").isEmpty());
    }
}
