package vn.nq57.platform.paging;

import io.quarkus.panache.common.Parameters;
import java.util.Locale;
import vn.nq57.platform.federation.OriginFilter;
import vn.nq57.platform.text.Text;

/**
 * The where clause of a list's JPQL query, built from its filters: each condition is added, with its named parameter,
 * only when its filter is given (null, or a blank code, means "any"). Every list of every service builds its filters
 * this way: {@code new Conditions().and("a.status = :status", "status", f.status()).code(...).origin(...)}, then
 * {@code "from X a where " + c.where()} with {@code c.params()}.
 */
public final class Conditions {

    private final StringBuilder where = new StringBuilder("1 = 1");
    private final Parameters params = new Parameters();

    /**
     * {@code and condition}, binding {@code :name} to {@code value}, when the value is given (a condition whose text
     * depends on its filter is chosen by the caller, then added the same way).
     */
    public Conditions and(String condition, String name, Object value) {
        if (value != null) {
            where.append(" and ").append(condition);
            params.and(name, value);
        }
        return this;
    }

    /** A text filter compared as given; null or blank means any. */
    public Conditions text(String condition, String name, String text) {
        return and(condition, name, text == null || text.isBlank() ? null : text);
    }

    /** A code filter (an agency, a System, a phase): trimmed and upper-case; null or blank means any. */
    public Conditions code(String condition, String name, String code) {
        return and(condition, name, code == null || code.isBlank() ? null : code.strip().toUpperCase(Locale.ROOT));
    }

    /** A text search: {@code condition} compares a folded text column with {@code like :name}; blank means none. */
    public Conditions search(String condition, String name, String text) {
        return and(condition, name, text == null || text.isBlank() ? null : "%" + Text.fold(text.strip()) + "%");
    }

    /** The {@code ?origin=} filter on {@code column} (see {@link OriginFilter}); null means any owner. */
    public Conditions origin(OriginFilter.Filter origin, String column) {
        where.append(OriginFilter.condition(origin, column));
        if (origin != null && origin.column() != null) {
            params.and("origin", origin.column());
        }
        return this;
    }

    /** The conditions, joined by {@code and} (at least {@code 1 = 1}). */
    public String where() {
        return where.toString();
    }

    public Parameters params() {
        return params;
    }
}
