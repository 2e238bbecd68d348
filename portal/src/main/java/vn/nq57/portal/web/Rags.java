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

    /** The six Systems of the Strategic Action Plan. */
    public List<String> systems() {
        return List.of("H1", "H2", "H3", "H4", "H5", "H6");
    }
}
