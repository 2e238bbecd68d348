package vn.nq57.platform.federation;

import java.util.List;

/**
 * A service's part of the federation lifecycle (issue #20): which of its tables hold a ministry's data, so that the
 * platform can hand the rows central holds for a ministry's agency subtree over to the ministry's instance
 * (commissioning), serve a ministry its own rows again (rebuild after a loss), and give them back to central
 * (retirement). Rows move whole, every column as stored (versions, history, timestamps), as JSON through PostgreSQL's
 * {@code row_to_json}/{@code json_populate_recordset}: both ends run the same schema.
 */
public interface Handover {

    /** The kinds of rows this service hands over, parents before children (the order rows are written in). */
    List<Kind> kinds();

    /**
     * At a ministry, after a page of {@code kind} was written as its own (same transaction): refresh what derives
     * from those rows here (read models, announcements to the instance's other services). {@code keys} are the rows'
     * key values as text.
     */
    default void imported(Kind kind, List<String> keys) {
    }

    /**
     * At a ministry, after a pull wrote every page of every kind (one transaction per kind): recompute what derives
     * from many rows at once (read models), rather than page by page.
     */
    default void completed(Kind kind) {
    }

    /**
     * At central, before the rows of {@code agencies} become {@code instance}'s ({@code toInstance}) or before every
     * row of {@code instance} becomes central's again ({@code agencies} empty): make what must be unique per owner
     * unique (e.g. a code both owners have used), in the same transaction.
     */
    default void beforeOwnerChange(String instance, List<String> agencies, boolean toInstance) {
    }

    /**
     * One kind of row.
     *
     * @param name      the kind's name in the API and the progress ({@code measurement})
     * @param table     its table
     * @param key       the column that identifies a row and orders the pages ({@code id}), or a text expression over
     *                  several (alias {@code t})
     * @param owned     SQL condition on the table's rows (alias {@code t}) selecting the rows instance {@code ?1}
     *                  owns at central; for a table with an {@code origin} column {@code t.origin = ?1}
     * @param scope     for a table with an {@code origin} column: SQL condition (alias {@code t}) selecting the rows
     *                  of the agencies {@code ?2} (their codes separated by commas: the agency and every agency below
     *                  it; use {@code = ANY(string_to_array(?2, ','))}); null for a table without
     * @param version   a version column: a ministry never replaces a newer row of its own with central's older copy
     *                  (null: none)
     * @param instanceColumns columns naming the owning instance ({@code origin_instance}), set to the new owner
     * @param parent    for a child table: the kind its rows belong to ({@link #ANY}: any kind); a child row is taken
     *                  only when the pull wrote its parent (null: every row is taken)
     * @param parentColumn the child's column holding its parent's key
     * @param reference true for rows a ministry needs to hold its own (a fiscal year its allocations name): copied
     *                  when missing, never replacing a row of the ministry's, a collision is no kept-out row
     */
    record Kind(String name, String table, String key, String owned, String scope, String version,
                List<String> instanceColumns, String parent, String parentColumn, boolean reference) {

        /** The parent of the audit entries: a row of any kind. */
        public static final String ANY = "*";

        /** A table with an {@code origin} column, its rows chosen by agency. */
        public static Kind owner(String name, String table, String scope, String version, String... instanceColumns) {
            return new Kind(name, table, "id", "t.origin = ?1", scope, version, List.of(instanceColumns), null, null,
                    false);
        }

        /** A child table without an origin column: its rows go with their parent's. */
        public static Kind child(String name, String table, String key, String owned, String parent,
                                 String parentColumn) {
            return new Kind(name, table, key, owned, null, null, List.of(), parent, parentColumn, false);
        }

        /** Rows of another table the ministry's rows name, copied when the ministry has none of its own. */
        public static Kind reference(String name, String table, String owned) {
            return new Kind(name, table, "id", owned, null, null, List.of(), null, null, true);
        }

        /** True for a table whose rows carry their owner in {@code origin}. */
        public boolean hasOrigin() {
            return scope != null;
        }
    }
}
