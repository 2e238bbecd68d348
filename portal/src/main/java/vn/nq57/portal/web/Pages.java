package vn.nq57.portal.web;

import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

/** Renders a page in the request's language, with the navigation entry it belongs to. */
@RequestScoped
public class Pages {

    @Inject
    Lang lang;

    /** A page's id from its path: a UUID, or the page does not exist (404). */
    public static java.util.UUID id(String path) {
        try {
            return java.util.UUID.fromString(path);
        } catch (IllegalArgumentException e) {
            throw new jakarta.ws.rs.NotFoundException();
        }
    }

    public TemplateInstance render(TemplateInstance page, String nav) {
        return page.setLocale(lang.locale()).data("nav", nav);
    }
}
