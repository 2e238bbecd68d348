package vn.nq57.initiative;

import vn.nq57.platform.testing.ArchitectureTests;

/** initiative-service's boundaries (issue #16): no other service's code, thin resources, JDBC only where a class says why. */
class ArchitectureTest extends ArchitectureTests {

    @Override
    protected String basePackage() {
        return "vn.nq57.initiative";
    }
}
