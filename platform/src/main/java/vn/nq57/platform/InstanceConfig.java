package vn.nq57.platform;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Which instance this is (DESIGN.md §3 Federation). */
@ConfigMapping(prefix = "nq57.instance")
public interface InstanceConfig {

    /** The instance id, e.g. {@code central} or {@code bkhcn}. */
    @WithDefault("central")
    String id();

    /** {@code central} or {@code ministry}. */
    @WithDefault("central")
    String role();
}
