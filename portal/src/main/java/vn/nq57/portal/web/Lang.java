package vn.nq57.portal.web;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Locale;

/**
 * The language of this request: Vietnamese unless the user chose English with the switch (remembered in the
 * {@value #COOKIE} cookie for a year). Templates read it as {@code inject:lang}.
 */
@Named("lang")
@RequestScoped
public class Lang {

    public static final String COOKIE = "nq57-lang";
    public static final Locale VI = Locale.forLanguageTag("vi-VN");
    public static final Locale EN = Locale.forLanguageTag("en-GB");

    @Inject
    HttpServerRequest request;

    private Locale locale;

    public Locale locale() {
        if (locale == null) {
            Cookie c = request.getCookie(COOKIE);
            locale = c != null && "en".equals(c.getValue()) ? EN : VI;
        }
        return locale;
    }

    /** "vi" or "en" (the page's {@code lang} attribute). */
    public String code() {
        return locale().getLanguage();
    }

    public boolean en() {
        return "en".equals(code());
    }

    /** The other language's code (what the switch offers). */
    public String other() {
        return en() ? "vi" : "en";
    }

    /** Picks the English or the Vietnamese text of a pair the services return (falls back to Vietnamese). */
    public String pick(String vi, String en) {
        return en() && en != null && !en.isBlank() ? en : vi;
    }
}
