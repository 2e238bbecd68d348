package vn.nq57.kpi;

import vn.nq57.platform.testing.ArchitectureTests;

/** kpi-service's boundaries (issue #16): no other service's code, thin resources, JDBC only where a class says why. */
class ArchitectureTest extends ArchitectureTests {

    @Override
    protected String basePackage() {
        return "vn.nq57.kpi";
    }
}
