package vn.nq57.platform.federation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.regex.Pattern;
import vn.nq57.platform.error.ApiException;

/**
 * The {@code ?origin=} filter of every list and report: the instance that owns the rows ({@code bkhcn}); this
 * instance's own id means its own rows (origin column null); absent or blank means any owner. A value that cannot be an
 * instance id is a 400 naming {@code origin}, never an empty answer.
 */
@ApplicationScoped
public class OriginFilter {

    private static final Pattern INSTANCE = Pattern.compile("[a-z0-9][a-z0-9_-]{0,49}");

    @Inject
    Federation federation;

    /** A filter on rows by owner; {@code column} null means "this instance's own rows". */
    public record Filter(String column) {
    }

    /** The filter for a query parameter (null when absent); 400 for a value that cannot be an instance id. */
    public Filter parse(String origin) {
        if (origin == null || origin.isBlank()) {
            return null;
        }
        String id = origin.trim().toLowerCase(Locale.ROOT);
        if (!INSTANCE.matcher(id).matches()) {
            throw ApiException.badRequest("origin", "'" + origin + "' is not an instance id (e.g. central, bkhcn)");
        }
        return new Filter(federation.originColumn(id));
    }

    /**
     * The condition (starting with {@code " and "}) on {@code column} for the filter, binding the named parameter
     * {@code :origin} when it compares with a value; empty without a filter.
     */
    public static String condition(Filter filter, String column) {
        if (filter == null) {
            return "";
        }
        return filter.column() == null ? " and " + column + " is null" : " and " + column + " = :origin";
    }
}
