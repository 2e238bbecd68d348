package vn.nq57.platform.testing;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** A {@code @TestProfile} that runs the service as the BKHCN ministry instance (DESIGN.md §3 Federation). */
public class MinistryProfile implements QuarkusTestProfile {

    public static final String INSTANCE = "bkhcn";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("nq57.instance.role", "ministry", "nq57.instance.id", INSTANCE);
    }
}
