package vn.nq57.portal.web;

import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.net.URI;
import java.util.UUID;

/**
 * What every form of the portal does the same way: a fresh Idempotency-Key per rendered form (a double click or a
 * resubmitted form replays the first answer instead of writing twice), the version it was opened at as If-Match (an
 * edit made meanwhile by someone else is a 412 the page explains), numbers typed the Vietnamese way, and
 * post/redirect/get after a successful write.
 */
public final class Forms {

    private Forms() {
    }

    /** A new key for a form being rendered. */
    public static String key() {
        return UUID.randomUUID().toString();
    }

    /** The key a form came back with, or a new one when it carried none (a hand-made request). */
    public static String key(String submitted) {
        return submitted == null || !submitted.matches("[0-9a-fA-F-]{36}") ? key() : submitted;
    }

    public static String ifMatch(Long version) {
        return version == null ? null : "\"" + version + "\"";
    }

    /**
     * A number as a person types it: "57,8" or "57.8", "1.234,5" or "1,234.5", spaces ignored; null when blank.
     *
     * @throws NumberFormatException when it is not a number
     */
    public static BigDecimal decimal(String typed) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        String s = typed.strip().replace(" ", "").replace("\u00a0", "");
        int comma = s.lastIndexOf(',');
        int dot = s.lastIndexOf('.');
        if (comma >= 0 && dot >= 0) {
            s = comma > dot ? s.replace(".", "").replace(',', '.') : s.replace(",", "");
        } else if (comma >= 0) {
            s = s.indexOf(',') == comma ? s.replace(',', '.') : s.replace(",", "");
        }
        return new BigDecimal(s);
    }

    /** A whole amount of đồng as typed ("1.500.000.000" or "1500000000"); null when blank. */
    public static Long amount(String typed) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        String digits = typed.strip().replaceAll("[\\s.,\u00a0]", "");
        if (!digits.matches("-?\\d{1,18}")) {
            throw new NumberFormatException(typed);
        }
        return Long.parseLong(digits);
    }

    public static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** 303 See Other: after a write the browser loads the result with a GET (reload never resubmits). */
    public static Response seeOther(String path) {
        return Response.seeOther(URI.create(path)).build();
    }
}
