package vn.nq57.platform.federation;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import vn.nq57.platform.InstanceConfig;
import vn.nq57.platform.error.ApiException;
import vn.nq57.platform.error.ProblemTypes;
import vn.nq57.platform.events.CloudEvent;

class FederationTest {

    @Test
    void aRowWithoutOriginIsOwnedAndShownAsThisInstance() {
        Federation bkhcn = federation("bkhcn", "ministry");
        assertEquals("bkhcn", bkhcn.originOf(null));
        assertEquals("central", bkhcn.originOf("central"));
        assertNull(bkhcn.originColumn("bkhcn"));
        assertEquals("central", bkhcn.originColumn("central"));
        assertDoesNotThrow(() -> bkhcn.requireOwned(null, "Initiative", "x"));
        assertDoesNotThrow(() -> bkhcn.requireOwned("bkhcn", "Initiative", "x"));
    }

    @Test
    void aWriteToAnotherInstancesRowIsAConflictNamingTheOwnerAndWhereToGo() {
        ApiException e = assertThrows(ApiException.class,
                () -> federation("bkhcn", "ministry").requireOwned("central", "Initiative", "abc"));
        assertEquals(409, e.status());
        assertEquals(ProblemTypes.READ_ONLY_REPLICA, e.type());
        assertEquals("central", e.extensions().get("owner"));
        assertEquals("https://kpi.central.example", e.extensions().get("centralUrl"));

        ApiException atCentral = assertThrows(ApiException.class,
                () -> federation("central", "central").requireOwned("bkhcn", "Measurement", "m1"));
        assertEquals("bkhcn", atCentral.extensions().get("owner"));
        assertNull(atCentral.extensions().get("centralUrl"));
    }

    @Test
    void theCatalogueIsReadOnlyAtAMinistryOnly() {
        assertThrows(ApiException.class, () -> federation("bkhcn", "ministry").requireCatalogueWritable("Agency", "BKHCN"));
        assertDoesNotThrow(() -> federation("central", "central").requireCatalogueWritable("Agency", "BKHCN"));
    }

    @Test
    void anAggregateIsKeyedByItsTypeWhenTheEventNamesIt() {
        CloudEvent typed = new CloudEvent("1.0", "e1", "/s", "t", "42", null, null, 3, "bkhcn", null, "indicator");
        CloudEvent untyped = new CloudEvent("1.0", "e2", "/s", "t", "42", null, null, 3, "bkhcn", null, null);
        assertEquals("indicator:42", typed.aggregateKey());
        assertEquals("42", untyped.aggregateKey());
    }

    private static Federation federation(String id, String role) {
        Federation f = new Federation();
        f.instance = new InstanceConfig() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public String role() {
                return role;
            }
        };
        f.config = (FederationConfig) Proxy.newProxyInstance(FederationConfig.class.getClassLoader(),
                new Class<?>[] {FederationConfig.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "centralUrl" -> Optional.of("https://kpi.central.example");
                    case "tokenUrl", "clientId", "clientSecret" -> Optional.empty();
                    case "forwardInterval", "catalogInterval", "tokenRefreshMargin", "tokenExpirySkew", "requestTimeout",
                            "maxBackoff" ->
                            Duration.ofSeconds(1);
                    case "batchSize", "catalogPageSize" -> 100;
                    case "intakeEnabled" -> true;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        return f;
    }
}
