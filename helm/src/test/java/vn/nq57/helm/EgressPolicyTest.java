package vn.nq57.helm;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Outgoing connections of the services and the portal are restricted only when asked, to DNS, this release's parts and
 * what is listed.
 */
class EgressPolicyTest {

    @Test
    void servicesAndThePortalMayConnectAnywhereUnlessEgressIsRestricted() {
        for (String service : Charts.APPLICATIONS) {
            NetworkPolicy policy = Scenario.MINISTRY.render().named(NetworkPolicy.class, "nq57-" + service);
            assertEquals(List.of("Ingress"), policy.getSpec().getPolicyTypes());
            assertTrue(policy.getSpec().getEgress() == null || policy.getSpec().getEgress().isEmpty(), service + " has no egress rules");
        }
    }

    @Test
    void restrictedEgressAllowsDnsTheReleasesOwnPartsAndTheListedDestinationsOnly() {
        Charts.Rendered rendered = Scenario.MINISTRY.render(
                "global.networkPolicy.egress.enabled", "true",
                "global.networkPolicy.egress.extra[0].to[0].ipBlock.cidr", "10.20.0.0/16",
                "global.networkPolicy.egress.extra[0].ports[0].port", "5432");
        for (String service : Charts.SERVICES) {
            NetworkPolicy policy = rendered.named(NetworkPolicy.class, "nq57-" + service);
            assertEquals(List.of("Ingress", "Egress"), policy.getSpec().getPolicyTypes());
            List<NetworkPolicyEgressRule> egress = policy.getSpec().getEgress();
            assertEquals(4, egress.size(), service + ": " + egress);
            assertEquals("kube-system", egress.get(0).getTo().get(0).getNamespaceSelector().getMatchLabels().get("kubernetes.io/metadata.name"));
            assertEquals(List.of(53, 53), egress.get(0).getPorts().stream().map(p -> p.getPort().getIntVal()).toList());
            assertEquals(Map.of("app.kubernetes.io/part-of", "nq57", "app.kubernetes.io/instance", "nq57"),
                    egress.get(1).getTo().get(0).getPodSelector().getMatchLabels());
            assertEquals(Map.of("strimzi.io/cluster", "nq57-kafka"), egress.get(2).getTo().get(0).getPodSelector().getMatchLabels());
            assertEquals("10.20.0.0/16", egress.get(3).getTo().get(0).getIpBlock().getCidr());
            assertEquals(5432, egress.get(3).getPorts().get(0).getPort().getIntVal());
        }
    }

    @Test
    void restrictedEgressLetsThePortalReachDnsTheReleasesServicesAndKeycloakAndTheListedDestinationsOnly() {
        Charts.Rendered rendered = Scenario.MINISTRY.render(
                "global.networkPolicy.egress.enabled", "true",
                "global.networkPolicy.egress.extra[0].to[0].ipBlock.cidr", "10.20.0.0/16",
                "portal.networkPolicy.extraEgress[0].to[0].ipBlock.cidr", "203.0.113.10/32",
                "portal.networkPolicy.extraEgress[0].ports[0].port", "443");
        NetworkPolicy policy = rendered.named(NetworkPolicy.class, "nq57-portal");
        assertEquals(List.of("Ingress", "Egress"), policy.getSpec().getPolicyTypes());
        List<NetworkPolicyEgressRule> egress = policy.getSpec().getEgress();
        assertEquals(5, egress.size(), egress.toString());
        assertEquals("kube-system", egress.get(0).getTo().get(0).getNamespaceSelector().getMatchLabels().get("kubernetes.io/metadata.name"));
        assertEquals(List.of(53, 53), egress.get(0).getPorts().stream().map(p -> p.getPort().getIntVal()).toList());

        // the three services of this release, on their HTTP port, and no other pod of the release (no database, no Kafka)
        Map<String, String> services = egress.get(1).getTo().get(0).getPodSelector().getMatchLabels();
        assertEquals(Map.of("app.kubernetes.io/instance", "nq57", "app.kubernetes.io/component", "api"), services);
        assertEquals("http", egress.get(1).getPorts().get(0).getPort().getStrVal());
        for (String service : Charts.SERVICES) {
            Deployment d = Pods.service(rendered, service);
            assertTrue(d.getSpec().getTemplate().getMetadata().getLabels().entrySet().containsAll(services.entrySet()), service + " is reachable");
            assertTrue(Pods.container(rendered, service).getPorts().stream().anyMatch(p -> "http".equals(p.getName())), service + " names its port http");
        }
        for (Deployment other : rendered.all(Deployment.class)) {
            if (!Charts.SERVICES.contains(other.getMetadata().getName().substring("nq57-".length()))) {
                assertFalse(other.getSpec().getTemplate().getMetadata().getLabels().entrySet().containsAll(services.entrySet()),
                        other.getMetadata().getName() + " is not reachable through the services' rule");
            }
        }

        // this release's Keycloak (bundled at a ministry)
        Map<String, String> keycloak = egress.get(2).getTo().get(0).getPodSelector().getMatchLabels();
        assertEquals(Map.of("app.kubernetes.io/instance", "nq57", "app.kubernetes.io/name", "keycloak"), keycloak);
        Deployment kc = rendered.named(Deployment.class, "nq57-keycloak");
        assertTrue(kc.getSpec().getTemplate().getMetadata().getLabels().entrySet().containsAll(keycloak.entrySet()));
        assertTrue(kc.getSpec().getTemplate().getSpec().getContainers().get(0).getPorts().stream().anyMatch(p -> "http".equals(p.getName())));

        // the portal's own extra rule, then the global one
        assertEquals("203.0.113.10/32", egress.get(3).getTo().get(0).getIpBlock().getCidr());
        assertEquals(443, egress.get(3).getPorts().get(0).getPort().getIntVal());
        assertEquals("10.20.0.0/16", egress.get(4).getTo().get(0).getIpBlock().getCidr());
    }

    @Test
    void theServicesLetInTheReleasesPortalPodsWhetherOrNotEgressIsRestricted() {
        for (Charts.Rendered rendered : List.of(Scenario.CENTRAL.render(), Scenario.MINISTRY.render("global.networkPolicy.egress.enabled", "true"))) {
            Map<String, String> portalPod = Pods.service(rendered, Charts.PORTAL).getSpec().getTemplate().getMetadata().getLabels();
            for (String service : Charts.SERVICES) {
                NetworkPolicy policy = rendered.named(NetworkPolicy.class, "nq57-" + service);
                assertTrue(policy.getSpec().getIngress().stream().anyMatch(rule -> rule.getFrom().stream().anyMatch(peer ->
                                peer.getNamespaceSelector() == null && peer.getPodSelector() != null
                                        && portalPod.entrySet().containsAll(peer.getPodSelector().getMatchLabels().entrySet()))
                                && rule.getPorts().stream().anyMatch(p -> "http".equals(p.getPort().getStrVal()))),
                        service + " admits the portal's pods on its HTTP port");
            }
        }
    }
}
