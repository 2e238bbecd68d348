package vn.nq57.helm;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The three service charts stay one pattern, the portal chart shares their global block, and every value is documented. */
class ChartConsistencyTest {

    private static Path sourceChart(String name) {
        return "nq57".equals(name) ? Charts.source().resolve("nq57") : Charts.source().resolve("charts").resolve(name);
    }

    @Test
    void theServiceChartsShareOneSchema() {
        Map<String, Object> initiative = Charts.json(sourceChart("initiative-service").resolve("values.schema.json"));
        assertEquals(initiative, Charts.json(sourceChart("kpi-service").resolve("values.schema.json")));
        assertEquals(initiative, Charts.json(sourceChart("budget-service").resolve("values.schema.json")));
    }

    @Test
    void theUmbrellaValidatesGlobalValuesExactlyAsTheServiceAndPortalChartsDo() {
        Map<?, ?> umbrella = (Map<?, ?>) ((Map<?, ?>) Charts.json(sourceChart("nq57").resolve("values.schema.json")).get("properties")).get("global");
        for (String chart : List.of("initiative-service", Charts.PORTAL)) {
            Map<?, ?> global = (Map<?, ?>) ((Map<?, ?>) Charts.json(sourceChart(chart).resolve("values.schema.json")).get("properties")).get("global");
            assertEquals(umbrella, global, chart);
        }
    }

    @Test
    void theUmbrellaAndTheServiceAndPortalChartsHaveTheSameGlobalDefaults() {
        Object umbrella = Charts.yaml(sourceChart("nq57").resolve("values.yaml")).get("global");
        for (String chart : Charts.APPLICATIONS) {
            assertEquals(umbrella, Charts.yaml(sourceChart(chart).resolve("values.yaml")).get("global"), chart);
        }
    }

    @Test
    void theUmbrellaInstallsEveryChartItsValuesName() {
        Map<String, Object> chart = Charts.yaml(sourceChart("nq57").resolve("Chart.yaml"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> dependencies = (List<Map<String, Object>>) chart.get("dependencies");
        assertEquals(Charts.APPLICATIONS, dependencies.stream().map(d -> d.get("name")).toList());
        for (Map<String, Object> dependency : dependencies) {
            String name = (String) dependency.get("name");
            assertEquals(name + ".enabled", dependency.get("condition"), name);
            assertEquals("file://../charts/" + name, dependency.get("repository"), name);
            assertEquals(Charts.yaml(sourceChart(name).resolve("Chart.yaml")).get("version"), dependency.get("version"),
                    name + ": the umbrella names the chart's current version");
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"initiative-service", "kpi-service", "budget-service", "portal", "nq57"})
    void theChartReadmeListsEveryValue(String chart) throws IOException {
        Path readme = sourceChart(chart).resolve("README.md");
        assertTrue(Files.exists(readme), readme + " is missing");
        String text = Files.readString(readme);
        List<String> missing = new ArrayList<>();
        for (String key : keys("", Charts.yaml(sourceChart(chart).resolve("values.yaml")))) {
            if (!text.contains("`" + key + "`")) {
                missing.add(key);
            }
        }
        assertTrue(missing.isEmpty(), () -> readme + " does not list " + missing);
    }

    @Test
    void theHelmReadmeListsEveryValueOfTheUmbrellaAndTheServiceCharts() throws IOException {
        String text = Files.readString(Charts.source().resolve("README.md"));
        List<String> missing = new ArrayList<>();
        for (String chart : List.of("nq57", "initiative-service")) {
            for (String key : keys("", Charts.yaml(sourceChart(chart).resolve("values.yaml")))) {
                if (!text.contains("`" + key + "`")) {
                    missing.add(chart + ": " + key);
                }
            }
        }
        assertTrue(missing.isEmpty(), () -> "helm/README.md does not list " + missing);
    }

    /** Leaf keys of the values as dotted paths (a map of free-form entries such as annotations counts as a leaf when empty). */
    private static List<String> keys(String prefix, Map<?, ?> values) {
        List<String> keys = new ArrayList<>();
        for (Map.Entry<?, ?> e : values.entrySet()) {
            String key = prefix + e.getKey();
            if (e.getValue() instanceof Map<?, ?> map && !map.isEmpty() && !isFreeForm(key)) {
                keys.addAll(keys(key + ".", map));
            } else {
                keys.add(key);
            }
        }
        return keys;
    }

    private static boolean isFreeForm(String key) {
        return key.endsWith("Selector") || key.endsWith(".resources") || key.equals("resources") || key.endsWith("SecurityContext")
                || key.equals("securityContext") || key.endsWith(".securityContext") || key.startsWith("probes.")
                || key.endsWith(".annotations");
    }
}
