package vn.nq57.helm;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The environment the portal chart gives the pods is the one the portal reads (portal/): a variable the portal reads
 * but the chart does not set leaves a pod on its local defaults (127.0.0.1, the local-only client secret) without any
 * error at install time.
 */
class PortalConfigContractTest {

    private static final Path PORTAL = Charts.source().getParent().resolve("portal");

    /** Read by the portal with a default that suits a cluster too: set them through portal.config when needed. */
    private static final Set<String> TUNABLES = Set.of("NQ57_PORTAL_API_TIMEOUT_MS");

    /** ${NQ57_X} in application.properties, or System.getenv("NQ57_X") in a config source. */
    private static final Pattern READ = Pattern.compile("\\$\\{(NQ57_[A-Z0-9_]+)|getenv\\(\"(NQ57_[A-Z0-9_]+)\"\\)");

    private static String sources() throws IOException {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.walk(PORTAL.resolve("src/main"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".properties") || f.toString().endsWith(".java")).toList()) {
                all.append(Files.readString(file)).append('\n');
            }
        }
        return all.toString();
    }

    /** What the chart sets for the portal: its ConfigMap and the env entries of its container. */
    private static Set<String> setByTheChart() {
        Charts.Rendered central = Scenario.CENTRAL.render();
        Set<String> names = new TreeSet<>(central.named(ConfigMap.class, "nq57-portal").getData().keySet());
        Container container = Pods.container(central, Charts.PORTAL);
        container.getEnv().stream().map(EnvVar::getName).forEach(names::add);
        return names;
    }

    @Test
    void everyVariableThePortalReadsIsSetByTheChart() throws IOException {
        Path properties = PORTAL.resolve("src/main/resources/application.properties");
        assertTrue(Files.exists(properties), properties + " is missing");
        Set<String> set = setByTheChart();
        List<String> missing = new ArrayList<>();
        Matcher m = READ.matcher(sources());
        while (m.find()) {
            String name = m.group(1) != null ? m.group(1) : m.group(2);
            if (!set.contains(name) && !TUNABLES.contains(name) && !missing.contains(name)) {
                missing.add(name);
            }
        }
        assertTrue(missing.isEmpty(), () -> "the portal reads " + missing + " but the chart does not set them (charts/nq57-common/templates/_portal.tpl)");
    }

    @Test
    void everyNq57VariableTheChartSetsIsReadByThePortal() throws IOException {
        String sources = sources();
        List<String> unread = new ArrayList<>();
        for (String variable : setByTheChart()) {
            if (!variable.startsWith("NQ57_")) {
                continue;
            }
            // ${NQ57_X} in application.properties, or the property MicroProfile Config maps it to (nq57.x, nq57.x-y)
            String dotted = variable.toLowerCase().replace('_', '.');
            String property = Stream.of(dotted.split("\\.")).map(Pattern::quote).collect(Collectors.joining("[.-]"));
            boolean read = sources.contains("${" + variable) || sources.contains("getenv(\"" + variable + "\")") || Pattern.compile("\"" + property + "\"").matcher(sources).find();
            if (!read) {
                unread.add(variable);
            }
        }
        assertTrue(unread.isEmpty(), () -> "the chart sets " + unread + " but the portal does not read them");
    }
}
