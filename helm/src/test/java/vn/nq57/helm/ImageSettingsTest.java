package vn.nq57.helm;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The images the build makes (helm/images.properties) are the ones the charts run, and they run as the charts expect. */
class ImageSettingsTest {

    private static Properties images() throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(Charts.source().resolve("images.properties"))) {
            properties.load(reader);
        }
        return properties;
    }

    @Test
    void imagesRunAsTheNonRootUserTheChartsRunThePodsAs() throws IOException {
        String user = images().getProperty("quarkus.jib.user");
        assertEquals("185", user);
        for (String service : Charts.APPLICATIONS) {
            Map<?, ?> pod = (Map<?, ?>) Charts.yaml(Charts.source().resolve("charts").resolve(service).resolve("values.yaml")).get("podSecurityContext");
            assertEquals(Integer.parseInt(user), pod.get("runAsUser"), service);
        }
    }

    @Test
    void theJvmSizesItsHeapFromTheContainerMemoryLimit() throws IOException {
        assertTrue(images().getProperty("quarkus.jib.jvm-additional-arguments").contains("-XX:MaxRAMPercentage=75"));
        for (String service : Charts.APPLICATIONS) {
            Object jvm = Charts.yaml(Charts.source().resolve("charts").resolve(service).resolve("values.yaml")).get("jvmOptions");
            assertTrue(String.valueOf(jvm).contains("-XX:MaxRAMPercentage="), service);
        }
    }

    @Test
    void theChartsRunTheImagesTheBuildNames() throws IOException {
        Properties images = images();
        String group = images.getProperty("quarkus.container-image.group");
        for (String service : Charts.APPLICATIONS) {
            Map<?, ?> image = (Map<?, ?>) Charts.yaml(Charts.source().resolve("charts").resolve(service).resolve("values.yaml")).get("image");
            assertEquals(group + "/" + service, image.get("repository"), service);
        }
        assertEquals("registry.nq57.gov.vn", images.getProperty("quarkus.container-image.registry"));
        assertEquals("registry.nq57.gov.vn", ((Map<?, ?>) Charts.yaml(Charts.umbrellaValues("values-central.yaml")).get("global")).get("imageRegistry"));
    }

    @Test
    void theInitiativeServiceAndThePortalBuildTheirImagesWithJib() throws IOException {
        for (String module : List.of("initiative-service", Charts.PORTAL)) {
            String pom = Files.readString(Charts.source().resolveSibling(module).resolve("pom.xml"));
            assertTrue(pom.contains("<artifactId>quarkus-container-image-jib</artifactId>"), module);
            assertTrue(pom.contains("<artifactId>" + module + "</artifactId>"), module + ": the image is named after the artifactId");
        }
    }

    @Test
    void buildImagesBuildsEveryImageTheChartsRunByDefault() throws IOException {
        String script = Files.readString(Charts.source().resolve("build-images.sh"));
        String loop = script.lines().filter(l -> l.trim().startsWith("for s in ")).findFirst().orElseThrow();
        assertEquals("for s in " + String.join(" ", Charts.APPLICATIONS) + "; do", loop.trim());
        String dependencies = Files.readString(Charts.source().resolve("build-dependencies.sh"));
        for (String chart : Charts.APPLICATIONS) {
            assertTrue(dependencies.contains("charts/" + chart + " ") || dependencies.contains("charts/" + chart + ";"),
                    "build-dependencies.sh packages the dependency of " + chart);
        }
    }
}
