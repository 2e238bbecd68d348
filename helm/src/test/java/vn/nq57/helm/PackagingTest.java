package vn.nq57.helm;

import com.marcnuri.helm.Helm;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Released charts run released images: the charts are packaged with their versions and refuse SNAPSHOT images in production. */
class PackagingTest {

    private static final List<String> PACKAGED = List.of("initiative-service", "kpi-service", "budget-service", "portal", "nq57");

    private static Map<String, Object> chartYaml(String chart) {
        Path dir = "nq57".equals(chart) ? Charts.source().resolve("nq57") : Charts.source().resolve("charts").resolve(chart);
        return Charts.yaml(dir.resolve("Chart.yaml"));
    }

    @Test
    void everyChartRunsTheReleaseVersionOfItsImage() {
        String appVersion = String.valueOf(chartYaml("nq57").get("appVersion"));
        assertTrue(appVersion.matches("[0-9]+\\.[0-9]+\\.[0-9]+"), "a release version: " + appVersion);
        for (String chart : PACKAGED) {
            assertEquals(appVersion, String.valueOf(chartYaml(chart).get("appVersion")), chart);
        }
    }

    @Test
    void productionRefusesASnapshotImageUnlessADigestPinsIt() {
        String failure = Charts.renderFailure("nq57", List.of(Charts.umbrellaValues("values-ministry.yaml")), "kpi-service.image.tag", "0.2.0-SNAPSHOT");
        assertTrue(failure.contains("kpi-service: the production profile runs release images only, not registry.nq57.gov.vn/nq57/kpi-service:0.2.0-SNAPSHOT"), failure);
        assertTrue(failure.contains("image.digest"), failure);
        String digest = "sha256:" + "b".repeat(64);
        Charts.Rendered pinned = Scenario.MINISTRY.render("kpi-service.image.tag", "0.2.0-SNAPSHOT", "kpi-service.image.digest", digest);
        assertEquals("registry.nq57.gov.vn/nq57/kpi-service@" + digest, Pods.container(pinned, "kpi-service").getImage());
        Charts.Rendered dev = Scenario.MINISTRY.render("global.profile", "dev", "portal.image.tag", "0.2.0-SNAPSHOT");
        assertEquals("registry.nq57.gov.vn/nq57/portal:0.2.0-SNAPSHOT", Pods.container(dev, "portal").getImage());
    }

    @Test
    void theChartsPackageWithTheirVersions() throws IOException {
        Path out = Charts.work().resolveSibling("packaged-charts");
        Files.createDirectories(out);
        for (String chart : PACKAGED) {
            new Helm(Charts.chart(chart)).packageIt().withDestination(out).call();
            String file = chart + "-" + chartYaml(chart).get("version") + ".tgz";
            assertTrue(Files.exists(out.resolve(file)), file);
        }
    }

    @Test
    void thePackagingScriptPackagesTheFourApplicationsAndTheUmbrellaAndPushesOnlyWhenAskedTo() throws IOException {
        Path script = Charts.source().resolve("package-charts.sh");
        assertTrue(Files.isExecutable(script), script + " is executable");
        String text = Files.readString(script);
        assertTrue(text.contains("charts=\"charts/initiative-service charts/kpi-service charts/budget-service charts/portal\""), text);
        assertTrue(text.contains("helm dependency update nq57") && text.contains("helm package nq57 --destination \"$out\""), text);
        assertTrue(text.contains("out=target/charts"), text);
        assertTrue(text.contains("helm push helm/$tgz oci://${registry:-<registry>/charts}"), "prints the push commands");
        assertTrue(text.contains("if [ -n \"$registry\" ]; then") && text.contains("helm push \"$tgz\" \"oci://$registry\""), "pushes with NQ57_CHART_REGISTRY");
        assertFalse(text.contains("helm push \"$tgz\"\n"), text);
    }
}
