package vn.nq57.portal.web;

import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

/** Renders a page in the request's language, with the navigation entry it belongs to. */
@RequestScoped
public class Pages {

    @Inject
    Lang lang;

    public TemplateInstance render(TemplateInstance page, String nav) {
        return page.setLocale(lang.locale()).data("nav", nav);
    }
}
