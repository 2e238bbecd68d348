package vn.nq57.helm;

import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Outgoing connections of the services are restricted only when asked, to DNS, this release's parts and what is listed. */
class EgressPolicyTest {

    @Test
    void servicesMayConnectAnywhereUnlessEgressIsRestricted() {
        for (String service : Charts.SERVICES) {
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
}
