package vn.nq57.budget;

import vn.nq57.platform.testing.ArchitectureTests;

/** budget-service's boundaries (issue #16): no other service's code, thin resources, JDBC only where a class says why. */
class ArchitectureTest extends ArchitectureTests {

    @Override
    protected String basePackage() {
        return "vn.nq57.budget";
    }
}
