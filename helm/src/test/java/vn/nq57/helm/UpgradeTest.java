package vn.nq57.helm;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** helm upgrade with changed values or image rolls the pods that the change concerns, and only those. */
class UpgradeTest {

    private static String checksum(Charts.Rendered rendered, String service) {
        return Pods.service(rendered, service).getSpec().getTemplate().getMetadata().getAnnotations().get("checksum/config");
    }

    private static String image(Charts.Rendered rendered, String service) {
        return Pods.service(rendered, service).getSpec().getTemplate().getSpec().getContainers().get(0).getImage();
    }

    @Test
    void theSameValuesGiveTheSameChecksumSoAnUpgradeWithoutChangesRollsNothing() {
        Charts.Rendered first = Scenario.MINISTRY.render();
        Charts.Rendered again = Scenario.MINISTRY.render("global.instance.id", "bkhcn");
        for (String service : Charts.SERVICES) {
            assertEquals(checksum(first, service), checksum(again, service), service);
        }
    }

    @Test
    void aChangedSharedValueChangesTheChecksumOfEveryService() {
        Charts.Rendered before = Scenario.MINISTRY.render();
        Charts.Rendered after = Scenario.MINISTRY.render("global.federation.tokenUrl", "https://sso2.nq57.gov.vn/realms/nq57/protocol/openid-connect/token");
        for (String service : Charts.SERVICES) {
            assertNotEquals(checksum(before, service), checksum(after, service), service);
        }
    }

    @Test
    void aValueOfOneServiceRollsOnlyThatService() {
        Charts.Rendered before = Scenario.MINISTRY.render();
        Charts.Rendered after = Scenario.MINISTRY.render("kpi-service.config.QUARKUS_LOG_LEVEL", "DEBUG");
        assertNotEquals(checksum(before, "kpi-service"), checksum(after, "kpi-service"));
        assertEquals(checksum(before, "initiative-service"), checksum(after, "initiative-service"));
        assertEquals(checksum(before, "budget-service"), checksum(after, "budget-service"));
    }

    @Test
    void aNewImageTagChangesThePodTemplateOfThatService() {
        Charts.Rendered after = Scenario.MINISTRY.render("budget-service.image.tag", "0.2.0");
        assertEquals("registry.nq57.gov.vn/nq57/budget-service:0.2.0", image(after, "budget-service"));
        assertEquals(image(Scenario.MINISTRY.render(), "kpi-service"), image(after, "kpi-service"));
    }

    @Test
    void anImageDigestPinsTheImage() {
        String digest = "sha256:" + "a".repeat(64);
        Charts.Rendered after = Scenario.MINISTRY.render("initiative-service.image.digest", digest);
        assertEquals("registry.nq57.gov.vn/nq57/initiative-service@" + digest, image(after, "initiative-service"));
    }

    @Test
    void aChangedRealmRollsKeycloak() {
        String before = Scenario.EVALUATION.render().named(io.fabric8.kubernetes.api.model.apps.Deployment.class, "nq57-keycloak")
                .getSpec().getTemplate().getMetadata().getAnnotations().get("checksum/realm");
        String after = Scenario.EVALUATION.render("keycloak.realm.json", "{\"realm\":\"nq57-renamed\"}")
                .named(io.fabric8.kubernetes.api.model.apps.Deployment.class, "nq57-keycloak")
                .getSpec().getTemplate().getMetadata().getAnnotations().get("checksum/realm");
        assertNotEquals(before, after);
    }
}
