package vn.nq57.helm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.marcnuri.helm.Helm;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;

/**
 * The build packages the charts as a release ships them (helm/target/charts/&lt;name&gt;-&lt;version&gt;.tgz, what
 * helm/package-charts.sh pushes to an OCI registry): each application chart with the library chart inside, the
 * umbrella with the four application charts inside, each at the version its Chart.yaml says, with a release
 * appVersion (no SNAPSHOT).
 */
class ChartPackagesTest {

    @Test
    void everyChartIsPackagedAtItsVersionWithItsDependenciesInside() throws IOException {
        Path out = Path.of(System.getProperty("nq57.charts.out", "target/charts")).toAbsolutePath();
        Files.createDirectories(out);
        List<String> charts = new ArrayList<>(Charts.APPLICATIONS);
        charts.add("nq57");
        for (String name : charts) {
            new Helm(Charts.chart(name)).packageIt().withDestination(out).call();
        }
        for (String name : charts) {
            Map<String, Object> chart = chartYaml(Charts.chart(name).resolve("Chart.yaml"));
            String version = String.valueOf(chart.get("version"));
            Path tgz = out.resolve(name + "-" + version + ".tgz");
            assertTrue(Files.isRegularFile(tgz), tgz + " was not written");
            assertFalse(String.valueOf(chart.get("appVersion")).contains("SNAPSHOT"), name + ": a release appVersion");
            List<String> entries = entries(tgz);
            assertTrue(entries.contains(name + "/Chart.yaml") && entries.contains(name + "/values.schema.json"),
                    name + ": " + entries);
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> dependencies = (List<Map<String, Object>>) chart.getOrDefault("dependencies", List.of());
            for (Map<String, Object> d : dependencies) {
                // helm package keeps a dependency as its archive or unpacks it under charts/<name>/
                String archive = name + "/charts/" + d.get("name") + "-" + d.get("version") + ".tgz";
                String unpacked = name + "/charts/" + d.get("name") + "/Chart.yaml";
                assertTrue(entries.contains(archive) || entries.contains(unpacked),
                        name + " lacks its dependency " + d.get("name") + ": " + entries);
            }
        }
        assertTrue(entries(out.resolve("nq57-" + chartYaml(Charts.chart("nq57").resolve("Chart.yaml")).get("version")
                + ".tgz")).contains("nq57/files/realm-nq57-production.json"), "the production realm ships in the chart");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> chartYaml(Path file) throws IOException {
        return Serialization.yamlMapper().readValue(Files.readString(file), LinkedHashMap.class);
    }

    private static List<String> entries(Path tgz) throws IOException {
        List<String> names = new ArrayList<>();
        try (InputStream in = Files.newInputStream(tgz);
             TarArchiveInputStream tar = new TarArchiveInputStream(new GZIPInputStream(in))) {
            for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
                names.add(e.getName());
            }
        }
        assertEquals(names.size(), names.stream().distinct().count(), tgz + " has duplicate entries");
        return names;
    }
}
