package vn.nq57.helm;

import com.marcnuri.helm.DryRun;
import com.marcnuri.helm.Helm;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The web portal: what its pods are told, where its secrets come from, and how users and Prometheus reach it. */
class PortalChartTest {

    private static final String PORTAL = "nq57-portal";

    private final Charts.Rendered central = Scenario.CENTRAL.render();
    private final Charts.Rendered ministry = Scenario.MINISTRY.render();

    private static Container container(Charts.Rendered rendered) {
        return Pods.container(rendered, Charts.PORTAL);
    }

    private static Map<String, String> env(Charts.Rendered rendered) {
        return Pods.literalEnv(rendered, container(rendered));
    }

    @Test
    void thePortalIsInstalledAtTheCentreAndAtAMinistryButNotInAnEvaluationByDefault() {
        assertNotNull(Pods.service(central, Charts.PORTAL));
        assertNotNull(Pods.service(ministry, Charts.PORTAL));
        assertTrue(Scenario.EVALUATION.render().all(Deployment.class).stream().noneMatch(d -> PORTAL.equals(d.getMetadata().getName())),
                "an evaluation has no Secret with the portal's client secret");
    }

    @Test
    void thePortalRunsAsTheInstanceAndSignsUsersInAtTheIssuerTheServicesTrust() {
        for (Charts.Rendered rendered : List.of(central, ministry)) {
            Map<String, String> env = env(rendered);
            Map<String, String> kpi = Pods.literalEnv(rendered, Pods.container(rendered, "kpi-service"));
            assertEquals(kpi.get("NQ57_INSTANCE_ID"), env.get("NQ57_INSTANCE_ID"));
            assertEquals(kpi.get("NQ57_INSTANCE_ROLE"), env.get("NQ57_INSTANCE_ROLE"));
            assertEquals(kpi.get("NQ57_OIDC_ISSUER"), env.get("NQ57_OIDC_ISSUER"), "the user's token must be one the services accept");
            assertEquals("portal", env.get("NQ57_PORTAL_CLIENT_ID"));
            assertEquals("true", env.get("NQ57_PORTAL_COOKIE_SECURE"), "behind the TLS Ingress the session cookie is Secure");
        }
        assertEquals("central", env(central).get("NQ57_INSTANCE_ID"));
        assertEquals("https://sso.nq57.gov.vn/realms/nq57", env(central).get("NQ57_OIDC_ISSUER"));
        assertEquals("ministry", env(ministry).get("NQ57_INSTANCE_ROLE"));
        assertEquals("https://sso.nq57.bkhcn.gov.vn/realms/nq57", env(ministry).get("NQ57_OIDC_ISSUER"), "a ministry's users sign in at its own realm");
    }

    @Test
    void thePortalListensOnItsContainerPortWhichTheServiceForwardsTo() {
        Container c = container(central);
        assertEquals(8080, c.getPorts().get(0).getContainerPort());
        assertEquals("http", c.getPorts().get(0).getName());
        assertEquals("8080", env(central).get("NQ57_PORTAL_PORT"));
        ServicePort port = central.named(Service.class, PORTAL).getSpec().getPorts().get(0);
        assertEquals("http", port.getTargetPort().getStrVal());
        assertEquals(8080, port.getPort());
    }

    @Test
    void thePortalCallsTheServicesOfItsReleaseAtTheirServices() {
        for (Charts.Rendered rendered : List.of(central, ministry)) {
            Map<String, String> env = env(rendered);
            for (String service : Charts.SERVICES) {
                String variable = "NQ57_" + service.replace("-service", "").toUpperCase() + "_URL";
                URI url = URI.create(env.get(variable));
                assertEquals("http", url.getScheme(), variable + " is in-cluster");
                Service target = rendered.named(Service.class, url.getHost());
                assertEquals(Pods.service(rendered, service).getSpec().getSelector().getMatchLabels(), target.getSpec().getSelector(),
                        variable + " names the Service of " + service);
                assertEquals(target.getSpec().getPorts().get(0).getPort(), url.getPort(), variable + " uses the Service's port");
            }
        }
        assertEquals("http://nq57-initiative-service:8081", env(central).get("NQ57_INITIATIVE_URL"));
        assertEquals("http://nq57-kpi-service:8082", env(central).get("NQ57_KPI_URL"));
        assertEquals("http://nq57-budget-service:8083", env(central).get("NQ57_BUDGET_URL"));
    }

    @Test
    void aServiceUrlCanBeSetInsteadOfTheReleasesService() {
        Charts.Rendered rendered = Scenario.CENTRAL.render("portal.api.kpiUrl", "https://kpi.nq57.gov.vn/");
        assertEquals("https://kpi.nq57.gov.vn", env(rendered).get("NQ57_KPI_URL"));
        assertEquals("http://nq57-budget-service:8083", env(rendered).get("NQ57_BUDGET_URL"));
        Charts.Rendered alone = Charts.render("portal", List.of());
        assertEquals("http://nq57-initiative-service:8081", Pods.literalEnv(alone, container(alone)).get("NQ57_INITIATIVE_URL"),
                "alone, the chart assumes the services of an nq57 umbrella release of its own name");
    }

    @Test
    void theUmbrellaRefusesAPortalWhoseDefaultUrlsMissTheReleasesServices() {
        String movedPort = Charts.renderFailure("nq57", List.of(Charts.umbrellaValues("values-central.yaml")), "kpi-service.service.port", "80");
        assertTrue(movedPort.contains("the portal would call kpi-service at http://nq57-kpi-service:8082, but this release serves it at http://nq57-kpi-service:80: set portal.api.kpiUrl to http://nq57-kpi-service:80"), movedPort);
        String renamed = Charts.renderFailure("nq57", List.of(Charts.umbrellaValues("values-central.yaml")), "budget-service.fullnameOverride", "budget");
        assertTrue(renamed.contains("set portal.api.budgetUrl to http://budget:8083"), renamed);
        String missing = Charts.renderFailure("nq57", List.of(Charts.umbrellaValues("values-ministry.yaml")), "initiative-service.enabled", "false");
        assertTrue(missing.contains("the portal calls initiative-service, which this release does not install: set portal.api.initiativeUrl"), missing);
        // with the URL given, it renders
        Charts.Rendered given = Scenario.CENTRAL.render("kpi-service.service.port", "80", "portal.api.kpiUrl", "http://nq57-kpi-service:80");
        assertEquals("http://nq57-kpi-service:80", env(given).get("NQ57_KPI_URL"));
    }

    @Test
    void theClientSecretAndTheSessionSecretComeFromTheExistingSecretNeverFromValues() {
        for (Charts.Rendered rendered : List.of(central, ministry)) {
            Container c = container(rendered);
            EnvVar client = Pods.envVar(c, "NQ57_PORTAL_CLIENT_SECRET");
            assertNull(client.getValue());
            assertEquals("nq57-portal", client.getValueFrom().getSecretKeyRef().getName());
            assertEquals("client-secret", client.getValueFrom().getSecretKeyRef().getKey());
            EnvVar session = Pods.envVar(c, "NQ57_PORTAL_SESSION_SECRET");
            assertNull(session.getValue());
            assertEquals("nq57-portal", session.getValueFrom().getSecretKeyRef().getName(), "the same Secret");
            assertEquals("session-secret", session.getValueFrom().getSecretKeyRef().getKey());
            assertEquals(Boolean.TRUE, session.getValueFrom().getSecretKeyRef().getOptional(), "the session secret key is optional");
            assertFalse(rendered.named(ConfigMap.class, PORTAL).getData().keySet().stream().anyMatch(k -> k.contains("SECRET")));
        }
        Charts.Rendered named = Scenario.MINISTRY.render("portal.oidc.existingSecret", "bkhcn-portal-oidc",
                "portal.oidc.clientSecretKey", "secret", "portal.oidc.sessionSecretKey", "cookie-key");
        SecretKeySelector client = Pods.envVar(container(named), "NQ57_PORTAL_CLIENT_SECRET").getValueFrom().getSecretKeyRef();
        SecretKeySelector session = Pods.envVar(container(named), "NQ57_PORTAL_SESSION_SECRET").getValueFrom().getSecretKeyRef();
        assertEquals(List.of("bkhcn-portal-oidc", "secret"), List.of(client.getName(), client.getKey()));
        assertEquals(List.of("bkhcn-portal-oidc", "cookie-key"), List.of(session.getName(), session.getKey()));
        // without existingSecret: the Secret <release>-portal
        Charts.Rendered byDefault = Scenario.EVALUATION.render("portal.enabled", "true");
        assertEquals("nq57-portal", Pods.envVar(container(byDefault), "NQ57_PORTAL_CLIENT_SECRET").getValueFrom().getSecretKeyRef().getName());
        assertTrue(byDefault.all(io.fabric8.kubernetes.api.model.Secret.class).stream().noneMatch(s -> s.getMetadata().getName().contains("portal")),
                "the chart makes no portal secret of its own");
    }

    @Test
    void everyReplicaReadsTheSameSessionSecretSoAnyReplicaServesAnySession() {
        for (Charts.Rendered rendered : List.of(central, ministry, Scenario.MINISTRY.render("portal.replicaCount", "5"))) {
            Deployment d = Pods.service(rendered, Charts.PORTAL);
            int replicas = d.getSpec().getReplicas() != null ? d.getSpec().getReplicas()
                    : rendered.named(HorizontalPodAutoscaler.class, PORTAL).getSpec().getMinReplicas();
            assertTrue(replicas >= 2, "several replicas: " + replicas);
            // one pod template: every replica gets the same reference, and nothing generated per pod or per render
            Container c = d.getSpec().getTemplate().getSpec().getContainers().get(0);
            assertEquals(1, c.getEnv().stream().filter(e -> "NQ57_PORTAL_SESSION_SECRET".equals(e.getName())).count());
            assertNotNull(Pods.envVar(c, "NQ57_PORTAL_SESSION_SECRET").getValueFrom().getSecretKeyRef());
            var init = d.getSpec().getTemplate().getSpec().getInitContainers();
            assertTrue(init == null || init.isEmpty(), "no init container makes a key");
            assertTrue(d.getSpec().getTemplate().getSpec().getVolumes().stream().allMatch(v -> v.getSecret() == null), "no per-pod secret volume");
        }
        assertEquals(Pods.service(central, Charts.PORTAL).getSpec().getTemplate(), Pods.service(Scenario.CENTRAL.render("global.instance.id", "central"),
                Charts.PORTAL).getSpec().getTemplate(), "rendering again changes nothing a replica reads (no random key)");
        assertNull(Pods.service(central, Charts.PORTAL).getSpec().getReplicas(), "autoscaled at the centre");
        assertEquals(2, central.named(HorizontalPodAutoscaler.class, PORTAL).getSpec().getMinReplicas());
        assertEquals(2, Pods.service(ministry, Charts.PORTAL).getSpec().getReplicas());
    }

    @Test
    void thePortalIsProbedOnItsHealthEndpointsAndScrapedOnItsMetrics() {
        Container c = container(central);
        assertEquals("/q/health/started", c.getStartupProbe().getHttpGet().getPath());
        assertEquals("/q/health/live", c.getLivenessProbe().getHttpGet().getPath());
        assertEquals("/q/health/ready", c.getReadinessProbe().getHttpGet().getPath());
        assertTrue(c.getStartupProbe().getPeriodSeconds() * c.getStartupProbe().getFailureThreshold() >= 60, "a minute or more to start");
        var monitor = (io.fabric8.kubernetes.api.model.GenericKubernetesResource) central.ofKind("ServiceMonitor").stream()
                .filter(m -> PORTAL.equals(m.getMetadata().getName())).findFirst().orElseThrow();
        @SuppressWarnings("unchecked")
        Map<String, Object> endpoint = ((List<Map<String, Object>>) monitor.get("spec", "endpoints")).get(0);
        assertEquals("/q/metrics", endpoint.get("path"));
        assertEquals("management", endpoint.get("port"), "probes and metrics on the management interface");
        for (var probe : List.of(c.getStartupProbe(), c.getLivenessProbe(), c.getReadinessProbe())) {
            assertEquals("management", probe.getHttpGet().getPort().getStrVal());
        }
    }

    @Test
    void thePortalRunsAsUser185WithOnlyTmpWritable() {
        Deployment d = Pods.service(central, Charts.PORTAL);
        assertEquals(185L, d.getSpec().getTemplate().getSpec().getSecurityContext().getRunAsUser());
        Container c = container(central);
        assertEquals(Boolean.TRUE, c.getSecurityContext().getReadOnlyRootFilesystem());
        assertEquals(List.of("/tmp"), c.getVolumeMounts().stream().map(m -> m.getMountPath()).toList());
        assertNotNull(d.getSpec().getTemplate().getSpec().getVolumes().get(0).getEmptyDir());
        assertEquals("portal", d.getSpec().getTemplate().getMetadata().getLabels().get("app.kubernetes.io/component"));
    }

    @Test
    void theIngressSendsEverythingToThePortalOverTlsAndNamesItsPublicUrl() {
        for (Charts.Rendered rendered : List.of(central, ministry)) {
            Ingress ingress = rendered.named(Ingress.class, PORTAL);
            String host = ingress.getSpec().getRules().get(0).getHost();
            assertTrue(ingress.getSpec().getTls().stream().anyMatch(tls -> tls.getHosts().contains(host)), host + " is served over TLS");
            HTTPIngressPath path = ingress.getSpec().getRules().get(0).getHttp().getPaths().get(0);
            assertEquals("/", path.getPath());
            assertEquals("Prefix", path.getPathType());
            assertEquals(PORTAL, path.getBackend().getService().getName());
            assertEquals("http", path.getBackend().getService().getPort().getName());
            assertEquals("https://" + host, env(rendered).get("NQ57_PORTAL_PUBLIC_URL"), "redirect URIs use the Ingress host");
            assertEquals("16k", ingress.getMetadata().getAnnotations().get("nginx.ingress.kubernetes.io/proxy-buffer-size"),
                    "room for the session cookies' headers");
        }
        assertEquals("portal.nq57.gov.vn", central.named(Ingress.class, PORTAL).getSpec().getRules().get(0).getHost());
        assertEquals("portal.nq57.bkhcn.gov.vn", ministry.named(Ingress.class, PORTAL).getSpec().getRules().get(0).getHost());
        assertEquals("https://nq57.gov.vn", env(Scenario.CENTRAL.render("portal.publicUrl", "https://nq57.gov.vn/")).get("NQ57_PORTAL_PUBLIC_URL"),
                "an explicit public URL wins");
        Charts.Rendered withoutIngress = Scenario.EVALUATION.render("portal.enabled", "true");
        assertFalse(env(withoutIngress).containsKey("NQ57_PORTAL_PUBLIC_URL"), "without an Ingress the portal answers on the request's URL");
        assertTrue(withoutIngress.all(Ingress.class).stream().noneMatch(i -> PORTAL.equals(i.getMetadata().getName())));
    }

    @Test
    void onlyTheIngressControllerAndPrometheusMayConnectToThePortal() {
        NetworkPolicy policy = central.named(NetworkPolicy.class, PORTAL);
        assertEquals(Pods.service(central, Charts.PORTAL).getSpec().getSelector().getMatchLabels(), policy.getSpec().getPodSelector().getMatchLabels());
        // the ingress controller to the pages (http), Prometheus to the metrics (management)
        assertEquals(2, policy.getSpec().getIngress().size());
        assertEquals(List.of("ingress-nginx"), policy.getSpec().getIngress().get(0).getFrom().stream()
                .map(p -> p.getNamespaceSelector().getMatchLabels().get("kubernetes.io/metadata.name")).toList());
        assertEquals("http", policy.getSpec().getIngress().get(0).getPorts().get(0).getPort().getStrVal());
        assertEquals(List.of("monitoring"), policy.getSpec().getIngress().get(1).getFrom().stream()
                .map(p -> p.getNamespaceSelector().getMatchLabels().get("kubernetes.io/metadata.name")).toList());
        assertEquals("management", policy.getSpec().getIngress().get(1).getPorts().get(0).getPort().getStrVal());
    }

    @Test
    void aPortalValueRollsOnlyThePortal() {
        Charts.Rendered after = Scenario.MINISTRY.render("portal.config.QUARKUS_LOG_LEVEL", "DEBUG");
        assertFalse(checksum(ministry, Charts.PORTAL).equals(checksum(after, Charts.PORTAL)));
        for (String service : Charts.SERVICES) {
            assertEquals(checksum(ministry, service), checksum(after, service), service);
        }
        assertEquals("registry.nq57.gov.vn/nq57/portal:0.1.0", container(ministry).getImage(), "the charts' release appVersion");
    }

    private static String checksum(Charts.Rendered rendered, String application) {
        return Pods.service(rendered, application).getSpec().getTemplate().getMetadata().getAnnotations().get("checksum/config");
    }

    @Test
    void thePortalChartAloneRunsAgainstTheGivenIssuerAndServices() {
        Charts.Rendered rendered = Charts.render("portal", List.of(),
                "global.oidc.issuerUrl", "https://sso.example.gov.vn/realms/nq57",
                "oidc.existingSecret", "example-portal",
                "api.initiativeUrl", "http://initiative.example:8081",
                "api.kpiUrl", "http://kpi.example:8082",
                "api.budgetUrl", "http://budget.example:8083");
        Map<String, String> env = env(rendered);
        assertEquals("https://sso.example.gov.vn/realms/nq57", env.get("NQ57_OIDC_ISSUER"));
        assertEquals("http://initiative.example:8081", env.get("NQ57_INITIATIVE_URL"));
        assertEquals("http://kpi.example:8082", env.get("NQ57_KPI_URL"));
        assertEquals("http://budget.example:8083", env.get("NQ57_BUDGET_URL"));
        assertEquals("example-portal", Pods.envVar(container(rendered), "NQ57_PORTAL_CLIENT_SECRET").getValueFrom().getSecretKeyRef().getName());
        assertNotNull(rendered.named(NetworkPolicy.class, PORTAL));
        assertNotNull(rendered.named(io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget.class, PORTAL));
    }

    @Test
    void theSchemaRefusesASecretInTheValuesAndAnyKeyItDoesNotKnow() {
        String schema = "values don't meet the specifications of the schema(s)";
        String inline = Charts.renderFailure("portal", List.of(), "oidc.clientSecret", "s3cr3t");
        assertTrue(inline.contains(schema) && inline.contains("at '/oidc': additional properties 'clientSecret' not allowed"), inline);
        String session = Charts.renderFailure("portal", List.of(), "sessionSecret", "0123456789abcdef0123456789abcdef");
        assertTrue(session.contains(schema) && session.contains("additional properties 'sessionSecret' not allowed"), session);
        String typo = Charts.renderFailure("portal", List.of(), "replicas", "3");
        assertTrue(typo.contains(schema) && typo.contains("additional properties 'replicas' not allowed"), typo);
        String inConfig = Charts.renderFailure("portal", List.of(), "config.NQ57_PORTAL_CLIENT_SECRET", "s3cr3t");
        assertTrue(inConfig.contains(schema) && inConfig.contains("invalid propertyName 'NQ57_PORTAL_CLIENT_SECRET'"), inConfig);
        String inEnv = Charts.renderFailure("portal", List.of(), "extraEnv[0].name", "NQ57_PORTAL_SESSION_SECRET", "extraEnv[0].value", "x");
        assertTrue(inEnv.contains(schema), inEnv);
    }

    @Test
    void installingTheCentralInstanceSaysWhereThePortalIsAndWhatItsKeycloakClientNeeds() {
        String output = new Helm(Charts.chart("nq57")).install().withName("nq57").withNamespace("nq57-central")
                .withValuesFile(Charts.umbrellaValues("values-central.yaml")).set("global.apiVersions[0]", "kafka.strimzi.io/v1")
                .clientOnly().withDryRunOption(DryRun.CLIENT).call().getOutput();
        assertTrue(output.contains("Portal:     https://portal.nq57.gov.vn/"), output);
        assertTrue(output.contains("sign-in at https://sso.nq57.gov.vn/realms/nq57 as client \"portal\""), output);
        assertTrue(output.contains("redirect URI and post-logout redirect URI https://portal.nq57.gov.vn/*"), output);
        assertTrue(output.contains("secrets: Secret nq57-portal, key client-secret (and session-secret"), output);
        String restricted = new Helm(Charts.chart("nq57")).install().withName("nq57").withNamespace("nq57-central")
                .withValuesFile(Charts.umbrellaValues("values-central.yaml")).set("global.networkPolicy.egress.enabled", "true")
                .set("global.apiVersions[0]", "kafka.strimzi.io/v1")
                .clientOnly().withDryRunOption(DryRun.CLIENT).call().getOutput();
        assertTrue(restricted.contains("the portal cannot reach https://sso.nq57.gov.vn/realms/nq57"), restricted);
    }
}
