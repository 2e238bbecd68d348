package vn.nq57.platform;

import java.util.List;
import vn.nq57.platform.testing.ArchitectureTests;

/** The platform uses no service's code: every service builds on it, it builds on none of them. */
class PlatformArchitectureTest extends ArchitectureTests {

    @Override
    protected String basePackage() {
        return "vn.nq57.platform";
    }

    @Override
    protected List<String> mayUse() {
        return List.of("vn.nq57.tabular");
    }
}
