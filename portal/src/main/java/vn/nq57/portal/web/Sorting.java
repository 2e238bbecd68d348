package vn.nq57.portal.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * How a table is sorted and filtered (query parameters {@code sort}, {@code dir}, {@code q}, {@code health}), and the
 * links of its column headers: a sortable table that works without script and tells screen readers its order.
 */
public record Sorting(String path, String sort, boolean descending, String q, String health) {

    public static Sorting of(String path, String sort, String dir, String q, String health) {
        return new Sorting(path, sort != null && InitiativeRow.SORTS.contains(sort) ? sort : "health", "desc".equals(dir),
                q == null || q.isBlank() ? null : q.strip(), health != null && health.matches("GREEN|AMBER|RED|GREY") ? health : null);
    }

    /** The rows this sorting and filtering shows. */
    public List<InitiativeRow> apply(List<InitiativeRow> rows) {
        return InitiativeRow.sort(InitiativeRow.filter(rows, q, health), sort, descending);
    }

    /** The link of a column header: sorts by it, or turns the order round when it is the sort already. */
    public String href(String column) {
        boolean desc = column.equals(sort) && !descending;
        StringBuilder sb = new StringBuilder(path).append("?sort=").append(column);
        if (desc) {
            sb.append("&dir=desc");
        }
        if (q != null) {
            sb.append("&q=").append(URLEncoder.encode(q, StandardCharsets.UTF_8));
        }
        if (health != null) {
            sb.append("&health=").append(health);
        }
        return sb.toString();
    }

    /** The link that downloads the table as shown (same filters and order) in {@code format} (csv or xlsx). */
    public String export(String format) {
        return href(sort).replaceFirst("&dir=desc", "") + (descending ? "&dir=desc" : "") + "&format=" + format;
    }

    /** The {@code aria-sort} value of a column header. */
    public String aria(String column) {
        return column.equals(sort) ? (descending ? "descending" : "ascending") : "none";
    }

    public String arrow(String column) {
        return column.equals(sort) ? (descending ? "▼" : "▲") : "↕";
    }
}
