package vn.nq57.portal.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The instance this portal belongs to (central, or a ministry's). Templates read it as {@code inject:instance}. */
@Named("instance")
@ApplicationScoped
public class Instance {

    @ConfigProperty(name = "nq57.instance.id")
    String id;

    @ConfigProperty(name = "nq57.instance.role")
    String role;

    public String id() {
        return id;
    }

    public boolean central() {
        return "central".equals(role);
    }
}
