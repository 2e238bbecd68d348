package vn.nq57.portal.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.util.List;

/** The four health colours, worst first. Templates read them as {@code inject:rags.all}. */
@Named("rags")
@ApplicationScoped
public class Rags {
    public List<String> all() {
        return List.of("RED", "AMBER", "GREEN", "GREY");
    }
}
