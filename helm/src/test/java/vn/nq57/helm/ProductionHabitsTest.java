package vn.nq57.helm;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What every rendered instance must have, whatever its values: the "production habits". */
class ProductionHabitsTest {

    private static final Pattern SECRET_NAME = Pattern.compile(".*(PASSWORD|SECRET|TOKEN|CREDENTIAL).*");

    /**
     * Federation settings whose names say TOKEN but which are not secrets (FederationConfig): a ConfigMap may hold
     * them, and only with a value of their shape (an http(s) URL of a token endpoint, a duration), never anything else.
     */
    private static final Map<String, Pattern> NOT_SECRET_DESPITE_NAME = Map.of(
            "NQ57_FEDERATION_TOKEN_URL", Pattern.compile("https?://[^\\s@]+/protocol/openid-connect/token"),
            "NQ57_FEDERATION_TOKEN_REFRESH_MARGIN", Pattern.compile("[0-9]+(ms|s|m|h)"));

    @ParameterizedTest
    @EnumSource(Scenario.class)
    void everyContainerHasStartupLivenessAndReadinessProbes(Scenario scenario) {
        for (Pods.Workload workload : Pods.workloads(scenario.render())) {
            // the long-running containers: an init container (the truststore) runs to completion and may have no probes
            for (Container c : workload.template().getSpec().getContainers()) {
                String where = workload.name() + " container " + c.getName();
                assertAll(where,
                        () -> assertNotNull(c.getStartupProbe(), where + " has no startupProbe"),
                        () -> assertNotNull(c.getLivenessProbe(), where + " has no livenessProbe"),
                        () -> assertNotNull(c.getReadinessProbe(), where + " has no readinessProbe"));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Scenario.class)
    void servicesAndThePortalProbeTheQuarkusHealthEndpoints(Scenario scenario) {
        Charts.Rendered rendered = scenario.render();
        for (String application : Pods.applications(rendered)) {
            Container c = Pods.container(rendered, application);
            assertEquals("/q/health/started", c.getStartupProbe().getHttpGet().getPath(), application);
            assertEquals("/q/health/live", c.getLivenessProbe().getHttpGet().getPath(), application);
            assertEquals("/q/health/ready", c.getReadinessProbe().getHttpGet().getPath(), application);
            for (var probe : List.of(c.getStartupProbe(), c.getLivenessProbe(), c.getReadinessProbe())) {
                assertEquals("management", probe.getHttpGet().getPort().getStrVal(), application + " probes its management port");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Scenario.class)
    void everyContainerHasCpuAndMemoryRequestsAndLimits(Scenario scenario) {
        for (Pods.Workload workload : Pods.workloads(scenario.render())) {
            for (Container c : workload.containers()) {
                String where = workload.name() + " container " + c.getName();
                assertNotNull(c.getResources(), where);
                Map<String, Quantity> limits = c.getResources().getLimits();
                Map<String, Quantity> requests = c.getResources().getRequests();
                assertAll(where,
                        () -> assertTrue(limits != null && limits.containsKey("cpu") && limits.containsKey("memory"), where + " limits " + limits),
                        () -> assertTrue(requests != null && requests.containsKey("cpu") && requests.containsKey("memory"), where + " requests " + requests));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Scenario.class)
    void everyPodRunsAsNonRootWithoutPrivilegeEscalationOrCapabilities(Scenario scenario) {
        for (Pods.Workload workload : Pods.workloads(scenario.render())) {
            PodSecurityContext pod = workload.template().getSpec().getSecurityContext();
            assertNotNull(pod, workload.name() + " has no pod securityContext");
            assertEquals(Boolean.TRUE, pod.getRunAsNonRoot(), workload.name() + " pod runAsNonRoot");
            assertTrue(pod.getRunAsUser() != null && pod.getRunAsUser() > 0, workload.name() + " runs as a non-zero uid");
            assertEquals(Boolean.FALSE, workload.template().getSpec().getAutomountServiceAccountToken(), workload.name() + " mounts no API token");
            for (Container c : workload.containers()) {
                SecurityContext sc = c.getSecurityContext();
                String where = workload.name() + " container " + c.getName();
                assertNotNull(sc, where + " has no securityContext");
                assertEquals(Boolean.TRUE, sc.getRunAsNonRoot(), where + " runAsNonRoot");
                assertEquals(Boolean.FALSE, sc.getAllowPrivilegeEscalation(), where + " allowPrivilegeEscalation");
                assertEquals(List.of("ALL"), sc.getCapabilities().getDrop(), where + " drops all capabilities");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Scenario.class)
    void servicesAndPostgresqlHaveReadOnlyRootFilesystems(Scenario scenario) {
        for (Pods.Workload workload : Pods.workloads(scenario.render())) {
            if ("keycloak".equals(workload.owner().getMetadata().getLabels().get("app.kubernetes.io/name"))) {
                continue; // Keycloak rebuilds itself into its installation directory at start
            }
            for (Container c : workload.containers()) {
                assertEquals(Boolean.TRUE, c.getSecurityContext().getReadOnlyRootFilesystem(), workload.name() + " container " + c.getName());
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Scenario.class)
    void secretsAreReferencedFromSecretsNeverInlinedInPodsOrConfigMaps(Scenario scenario) {
        Charts.Rendered rendered = scenario.render();
        for (Pods.Workload workload : Pods.workloads(rendered)) {
            for (Container c : workload.containers()) {
                for (EnvVar var : c.getEnv() == null ? List.<EnvVar>of() : c.getEnv()) {
                    if (SECRET_NAME.matcher(var.getName()).matches()) {
                        String where = workload.name() + " env " + var.getName();
                        assertNull(var.getValue(), where + " is inlined");
                        assertNotNull(var.getValueFrom(), where);
                        assertNotNull(var.getValueFrom().getSecretKeyRef(), where + " must come from a Secret");
                    }
                }
            }
        }
        for (ConfigMap map : rendered.all(ConfigMap.class)) {
            for (Map.Entry<String, String> entry : map.getData().entrySet()) {
                String key = entry.getKey();
                Pattern shape = NOT_SECRET_DESPITE_NAME.get(key);
                if (shape != null) {
                    assertTrue(shape.matcher(entry.getValue()).matches(), "ConfigMap " + map.getMetadata().getName() + " " + key + " = " + entry.getValue());
                } else {
                    assertFalse(SECRET_NAME.matcher(key).matches(), "ConfigMap " + map.getMetadata().getName() + " holds " + key);
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Scenario.class)
    void everyServiceHasANetworkPolicyLettingInOnlyTheIngressControllerPrometheusAndThePortal(Scenario scenario) {
        Charts.Rendered rendered = scenario.render();
        for (String application : Pods.applications(rendered)) {
            Deployment deployment = Pods.service(rendered, application);
            NetworkPolicy policy = rendered.named(NetworkPolicy.class, Charts.RELEASE + "-" + application);
            assertEquals(deployment.getSpec().getSelector().getMatchLabels(), policy.getSpec().getPodSelector().getMatchLabels(),
                    application + "'s NetworkPolicy selects its pods");
            assertEquals(List.of("Ingress"), policy.getSpec().getPolicyTypes());
            boolean portal = Charts.PORTAL.equals(application);
            assertEquals(portal ? 2 : 3, policy.getSpec().getIngress().size(), application + ": ingress controller, Prometheus"
                    + (portal ? "" : ", and the portal"));
            // the ingress controller reaches the HTTP port only, Prometheus the management port only
            assertEquals(List.of("ingress-nginx"), policy.getSpec().getIngress().get(0).getFrom().stream()
                    .map(p -> p.getNamespaceSelector().getMatchLabels().get("kubernetes.io/metadata.name")).toList());
            assertEquals(List.of("http"), policy.getSpec().getIngress().get(0).getPorts().stream().map(p -> p.getPort().getStrVal()).toList());
            assertEquals(List.of("monitoring"), policy.getSpec().getIngress().get(1).getFrom().stream()
                    .map(p -> p.getNamespaceSelector().getMatchLabels().get("kubernetes.io/metadata.name")).toList());
            assertEquals(List.of("management"), policy.getSpec().getIngress().get(1).getPorts().stream().map(p -> p.getPort().getStrVal()).toList());
            if (!portal) {
                NetworkPolicyPeer fromPortal = policy.getSpec().getIngress().get(2).getFrom().get(0);
                assertNull(fromPortal.getNamespaceSelector(), application + ": the portal of this namespace only");
                assertEquals(Map.of("app.kubernetes.io/instance", Charts.RELEASE, "app.kubernetes.io/component", "portal"),
                        fromPortal.getPodSelector().getMatchLabels(), application + ": this release's portal only");
                assertEquals("http", policy.getSpec().getIngress().get(2).getPorts().get(0).getPort().getStrVal());
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Scenario.class)
    void bundledPostgresqlAcceptsOnlyThisReleasesPods(Scenario scenario) {
        Charts.Rendered rendered = scenario.render();
        rendered.all(NetworkPolicy.class).stream().filter(p -> p.getMetadata().getName().endsWith("-postgresql")).forEach(policy -> {
            NetworkPolicyPeer peer = policy.getSpec().getIngress().get(0).getFrom().get(0);
            assertNull(peer.getNamespaceSelector());
            assertEquals(Map.of("app.kubernetes.io/part-of", "nq57", "app.kubernetes.io/instance", Charts.RELEASE),
                    peer.getPodSelector().getMatchLabels());
        });
        assertEquals(scenario == Scenario.EVALUATION, rendered.all(NetworkPolicy.class).stream()
                .anyMatch(p -> p.getMetadata().getName().endsWith("-postgresql")));
    }

    @ParameterizedTest
    @EnumSource(Scenario.class)
    void everyServiceAndThePortalHaveAPodDisruptionBudget(Scenario scenario) {
        Charts.Rendered rendered = scenario.render();
        for (String service : Pods.applications(rendered)) {
            PodDisruptionBudget pdb = rendered.named(PodDisruptionBudget.class, Charts.RELEASE + "-" + service);
            assertEquals(Pods.service(rendered, service).getSpec().getSelector().getMatchLabels(), pdb.getSpec().getSelector().getMatchLabels());
            assertEquals(1, pdb.getSpec().getMaxUnavailable().getIntVal(), service + " lets one pod go at a time");
        }
    }

    @ParameterizedTest
    @EnumSource(Scenario.class)
    void stoppingServiceAndPortalPodsFinishTheirRequestsWithinTheGracePeriod(Scenario scenario) {
        Charts.Rendered rendered = scenario.render();
        for (String service : Pods.applications(rendered)) {
            Deployment d = Pods.service(rendered, service);
            Container c = d.getSpec().getTemplate().getSpec().getContainers().get(0);
            var preStop = c.getLifecycle().getPreStop();
            // the kubelet's sleep action from Kubernetes 1.30, else a shell's sleep
            int pause = preStop.getSleep() != null ? preStop.getSleep().getSeconds().intValue()
                    : Integer.parseInt(preStop.getExec().getCommand().get(2).replace("sleep ", ""));
            String timeout = Pods.literalEnv(rendered, c).get("QUARKUS_SHUTDOWN_TIMEOUT");
            int shutdown = Integer.parseInt(timeout.replace("s", ""));
            assertTrue(d.getSpec().getTemplate().getSpec().getTerminationGracePeriodSeconds() > pause + shutdown,
                    service + ": grace period " + d.getSpec().getTemplate().getSpec().getTerminationGracePeriodSeconds()
                            + " s must exceed the preStop pause " + pause + " s plus the shutdown timeout " + timeout);
        }
    }

    @ParameterizedTest
    @EnumSource(Scenario.class)
    void servicesAndThePortalRollOneNewPodAtATimeWithoutLosingCapacity(Scenario scenario) {
        Charts.Rendered rendered = scenario.render();
        for (String service : Pods.applications(rendered)) {
            Deployment d = Pods.service(rendered, service);
            assertEquals(0, d.getSpec().getStrategy().getRollingUpdate().getMaxUnavailable().getIntVal());
            assertNotNull(d.getSpec().getTemplate().getMetadata().getAnnotations().get("checksum/config"), service + " carries its config checksum");
        }
    }
}
