package vn.nq57.portal.testing;

import io.quarkus.test.junit.QuarkusTestProfile;

/** kpi-service does not run: its URL is a port where nothing listens ({@link StubServer} reads the profile). */
public class KpiServiceIsDown implements QuarkusTestProfile {
}
