package vn.nq57.helm;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Health and metrics live on Quarkus' management interface (port 9000), which no Ingress routes: the probes and
 * Prometheus use it, the ingress controller reaches only the API (and the portal's pages).
 */
class ManagementPortTest {

    private static List<HTTPIngressPath> paths(Ingress ingress) {
        return ingress.getSpec().getRules().stream().flatMap(r -> r.getHttp().getPaths().stream()).toList();
    }

    @ParameterizedTest
    @EnumSource(Scenario.class)
    void noIngressRoutesAnythingUnderQByDefault(Scenario scenario) {
        Charts.Rendered rendered = scenario.render();
        for (Ingress ingress : rendered.all(Ingress.class)) {
            for (HTTPIngressPath path : paths(ingress)) {
                assertFalse(path.getPath().startsWith("/q"), ingress.getMetadata().getName() + " routes " + path.getPath());
            }
        }
        for (String service : Charts.SERVICES) {
            rendered.all(Ingress.class).stream().filter(i -> ("nq57-" + service).equals(i.getMetadata().getName())).forEach(ingress ->
                    assertEquals(List.of("/api Prefix"), paths(ingress).stream().map(p -> p.getPath() + " " + p.getPathType()).toList(), service));
            Map<String, String> env = Pods.literalEnv(rendered, Pods.container(rendered, service));
            assertEquals("false", env.get("QUARKUS_SWAGGER_UI_ENABLED"), service);
            assertEquals("false", env.get("QUARKUS_SMALLRYE_OPENAPI_ENABLED"), service);
        }
    }

    @Test
    void openapiEnabledServesAndRoutesTheContractOfThatServiceOnly() {
        Charts.Rendered rendered = Scenario.CENTRAL.render("kpi-service.openapi.enabled", "true");
        assertEquals(List.of("/api", "/q/openapi", "/q/swagger-ui"), paths(rendered.named(Ingress.class, "nq57-kpi-service")).stream()
                .map(HTTPIngressPath::getPath).toList());
        assertTrue(paths(rendered.named(Ingress.class, "nq57-kpi-service")).stream().allMatch(p -> "Prefix".equals(p.getPathType())
                && "http".equals(p.getBackend().getService().getPort().getName())));
        Map<String, String> kpi = Pods.literalEnv(rendered, Pods.container(rendered, "kpi-service"));
        assertEquals("true", kpi.get("QUARKUS_SWAGGER_UI_ENABLED"));
        assertEquals("true", kpi.get("QUARKUS_SMALLRYE_OPENAPI_ENABLED"));
        assertEquals(List.of("/api"), paths(rendered.named(Ingress.class, "nq57-budget-service")).stream().map(HTTPIngressPath::getPath).toList());
        assertEquals("false", Pods.literalEnv(rendered, Pods.container(rendered, "budget-service")).get("QUARKUS_SWAGGER_UI_ENABLED"));
    }

    @ParameterizedTest
    @EnumSource(Scenario.class)
    void probesUseTheManagementPortTheApplicationIsToldToListenOn(Scenario scenario) {
        Charts.Rendered rendered = scenario.render();
        for (String application : Pods.applications(rendered)) {
            Container c = Pods.container(rendered, application);
            ContainerPort management = c.getPorts().stream().filter(p -> "management".equals(p.getName())).findFirst().orElseThrow();
            assertEquals(9000, management.getContainerPort(), application);
            assertEquals("9000", Pods.literalEnv(rendered, c).get("NQ57_MANAGEMENT_PORT"), application);
            for (var probe : List.of(c.getStartupProbe(), c.getLivenessProbe(), c.getReadinessProbe())) {
                assertEquals("management", probe.getHttpGet().getPort().getStrVal(), application);
                assertTrue(probe.getHttpGet().getPath().startsWith("/q/health/"), application);
            }
            Service service = rendered.named(Service.class, Charts.RELEASE + "-" + application);
            ServicePort port = service.getSpec().getPorts().stream().filter(p -> "management".equals(p.getName())).findFirst().orElseThrow();
            assertEquals("management", port.getTargetPort().getStrVal());
        }
    }

    @Test
    void theServiceMonitorsScrapeTheManagementPortOfTheService() {
        Charts.Rendered central = Scenario.CENTRAL.render();
        for (var monitor : central.ofKind("ServiceMonitor")) {
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> endpoints = (List<Map<String, Object>>) ((GenericKubernetesResource) monitor).get("spec", "endpoints");
            assertEquals(1, endpoints.size());
            assertEquals("management", endpoints.get(0).get("port"));
            Service service = central.named(Service.class, monitor.getMetadata().getName());
            assertTrue(service.getSpec().getPorts().stream().anyMatch(p -> "management".equals(p.getName())), "the Service names the port");
        }
    }

    @Test
    void theServicesAndThePortalReadTheManagementPortTheChartsSet() throws IOException {
        var root = Charts.source().getParent();
        String platform = Files.readString(root.resolve("platform/src/main/resources/META-INF/microprofile-config.properties"));
        String portal = Files.readString(root.resolve("portal/src/main/resources/application.properties"));
        for (String properties : List.of(platform, portal)) {
            assertTrue(properties.contains("quarkus.management.enabled=true"));
            assertTrue(properties.contains("quarkus.management.port=${NQ57_MANAGEMENT_PORT:"));
        }
    }
}
