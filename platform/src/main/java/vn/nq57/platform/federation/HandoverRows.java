package vn.nq57.platform.federation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.hibernate.Session;

/**
 * The SQL of the hand-over, the same for every table a service declares in its {@link Handover}: change the owner of
 * an agency subtree's rows (central), read a page of the rows an instance owns as JSON (central), and write such a
 * page as this instance's own (ministry). Tables, keys and conditions come from the services' code, never from a
 * request.
 */
@vn.nq57.platform.jdbc.Jdbc("hand-over pages of thousands of rows of any table read and written generically (measured: bench-handover)")
@ApplicationScoped
public class HandoverRows {

    /** The platform's own kind, after the service's: the audit entries of every handed-over row. */
    public static final String AUDIT = "audit";

    @Inject
    EntityManager em;

    @Inject
    Instance<Handover> handovers;

    @Inject
    ObjectMapper mapper;

    private final Map<String, Table> tables = new ConcurrentHashMap<>();

    /** What PostgreSQL says of a table: its columns (generated ones left out), identity columns, key type and PK. */
    private record Table(List<String> columns, List<String> identity, Map<String, String> types, String primaryKey) {
    }

    /** A page of one kind's rows as JSON, in key order; {@code next} is the last row's key. */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "HandoverPage",
            description = "Rows of one kind an instance owns at central, every column as stored, in key order")
    public record Page(String kind, List<JsonNode> rows, String next, boolean more) {
    }

    /** What writing a page did: rows written, rows of central's copy not taken (kept here instead), their keys. */
    public record Written(int applied, int kept, List<String> keys) {
    }

    /** True when this service hands anything over. */
    public boolean active() {
        return handovers.isResolvable();
    }

    /** The service's kinds and then the audit entries of the rows of the kinds that carry an owner. */
    public List<Handover.Kind> kinds() {
        if (!active()) {
            return List.of();
        }
        List<Handover.Kind> kinds = new ArrayList<>(handovers.get().kinds());
        String owned = kinds.stream().filter(Handover.Kind::hasOrigin)
                .map(k -> "SELECT t." + k.key() + "::text FROM " + k.table() + " t WHERE " + k.owned())
                .collect(Collectors.joining(" UNION ALL "));
        if (!owned.isEmpty()) {
            kinds.add(Handover.Kind.child(AUDIT, "audit_log", "id", "t.entity_id IN (" + owned + ")",
                    Handover.Kind.ANY, "entity_id"));
        }
        return kinds;
    }

    public Optional<Handover.Kind> kind(String name) {
        return kinds().stream().filter(k -> k.name().equals(name)).findFirst();
    }

    /**
     * (central) Gives the rows this instance owns of {@code agencies} (an agency and the agencies below it) to
     * {@code instance}, parents first; returns how many rows of each kind changed owner.
     */
    public Map<String, Integer> switchOwner(String instance, List<String> agencies) {
        if (!active()) {
            return new LinkedHashMap<>();
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        handovers.get().beforeOwnerChange(instance, agencies, true);
        for (Handover.Kind k : kinds()) {
            if (k.hasOrigin()) {
                String set = k.instanceColumns().stream().map(c -> ", " + c + " = ?1").collect(Collectors.joining());
                int n = update("UPDATE " + k.table() + " t SET origin = ?1" + set
                        + " WHERE t.origin IS NULL AND (" + k.scope() + ")", instance, String.join(",", agencies));
                counts.put(k.name(), n);
            }
        }
        analyze(counts);
        forgetCountsAfterCompletion();
        return counts;
    }

    /**
     * The condition that selects {@code instance}'s rows of a kind at central. An audit entry is the ministry's when
     * its entity is: looked up by key for each entry (an index lookup), not as "entity_id IN (every owned key)",
     * which hashes every owned row again for each page (7 s a page at 1 M values, 1.2 s this way).
     */
    private String owned(Handover.Kind kind) {
        if (!AUDIT.equals(kind.name())) {
            return kind.owned();
        }
        return kinds().stream().filter(Handover.Kind::hasOrigin)
                .map(k -> "EXISTS (SELECT 1 FROM " + k.table() + " x WHERE x." + k.key() + " = "
                        + entityKey(table(k.table()).types().get(k.key())) + " AND " + k.owned().replace("t.", "x.")
                        + ")")
                .collect(Collectors.joining(" OR "));
    }

    /** An audit entry's entity id as a key of the given type (a uuid only where the text is one, else no match). */
    private static String entityKey(String type) {
        if (type == null || type.startsWith("character") || type.equals("text")) {
            return "t.entity_id";
        }
        if (type.equals("uuid")) {
            return "CAST(CASE WHEN t.entity_id ~ '^[0-9a-fA-F-]{36}$' THEN t.entity_id END AS uuid)";
        }
        return "CAST(CASE WHEN t.entity_id ~ '^-?[0-9]{1,18}$' THEN t.entity_id END AS " + type + ")";
    }

    /** (central) Makes every row {@code instance} owns this instance's own again; returns the counts per kind. */
    public Map<String, Integer> takeBack(String instance, String self) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        if (!active()) {
            return counts;
        }
        handovers.get().beforeOwnerChange(instance, List.of(), false);
        for (Handover.Kind k : kinds()) {
            if (k.hasOrigin()) {
                String set = k.instanceColumns().stream().map(c -> ", " + c + " = ?2").collect(Collectors.joining());
                int n = update("UPDATE " + k.table() + " t SET origin = NULL" + set + " WHERE t.origin = ?1", instance,
                        self);
                counts.put(k.name(), n);
            }
        }
        analyze(counts);
        forgetCountsAfterCompletion();
        return counts;
    }

    /**
     * Brings the planner's statistics of the tables whose owner changed up to date, in this transaction (ANALYZE
     * samples the rows this transaction wrote as they now are): the pages the ministry pulls next select by the new
     * owner, and with the statistics of before (no row of that owner) PostgreSQL would walk every row for each page —
     * measured: 5 s a page of 5,000 at 1 M rows instead of 0.2 s.
     */
    private void analyze(Map<String, Integer> changed) {
        for (Handover.Kind k : kinds()) {
            if (changed.getOrDefault(k.name(), 0) > 1000) {
                em.createNativeQuery("ANALYZE " + k.table()).executeUpdate();
            }
        }
    }

    /** Runs an update binding ?1 and, when the statement uses it, ?2 (a kind's scope may name only the instance). */
    private int update(String sql, String first, String second) {
        jakarta.persistence.Query q = em.createNativeQuery(sql).setParameter(1, first);
        if (sql.contains("?2")) {
            q.setParameter(2, second);
        }
        return q.executeUpdate();
    }

    /** An instance's counts, when they were taken and how long counting took. */
    private record Counted(long at, long tookNanos, Map<String, Long> counts) {
    }

    private final Map<String, Counted> counted = new java.util.concurrent.ConcurrentHashMap<>();

    @Inject
    jakarta.transaction.TransactionSynchronizationRegistry transactions;

    /**
     * Forgets the counts now (this transaction's answer counts anew) and again when the owner-switching transaction
     * ends: counts taken by others before the commit still see the old owner and would be reused for up to a minute.
     */
    private void forgetCountsAfterCompletion() {
        counted.clear();
        transactions.registerInterposedSynchronization(new jakarta.transaction.Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                counted.clear();
            }
        });
    }

    /**
     * (central) How many rows of each kind {@code instance} owns here. Counting a million rows takes seconds, and an
     * instance's status is polled (the portal, a script waiting for FEDERATED): counts that took long are reused for
     * ten times as long as they took (at most a minute), so counting stays under a tenth of a core; counts that take
     * milliseconds, as on a small instance, are always fresh. A change of owner counts anew.
     */
    public Map<String, Long> counts(String instance) {
        Counted last = counted.get(instance);
        long now = System.nanoTime();
        if (last != null && now - last.at() < Math.min(10 * last.tookNanos(), MAX_REUSE.toNanos())) {
            return last.counts();
        }
        Map<String, Long> counts = count(instance);
        counted.put(instance, new Counted(now, System.nanoTime() - now, counts));
        return counts;
    }

    private static final java.time.Duration MAX_REUSE = java.time.Duration.ofMinutes(1);

    private Map<String, Long> count(String instance) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Handover.Kind k : kinds()) {
            Number n = (Number) em.createNativeQuery("SELECT count(*) FROM " + k.table() + " t WHERE " + owned(k))
                    .setParameter(1, instance).getSingleResult();
            counts.put(k.name(), n.longValue());
        }
        return counts;
    }

    /** (central) The rows of {@code kind} that {@code instance} owns, after key {@code after}, at most {@code limit}. */
    @SuppressWarnings("unchecked")
    public Page page(Handover.Kind kind, String instance, String after, int limit) {
        Table table = table(kind.table());
        String order = order(kind, table);
        String key = table.types().containsKey(kind.key()) ? "t." + kind.key() : "(" + kind.key() + ")";
        // the first page and the next ones are two statements (no "?2 = '' OR key > ?2", which a generic plan could
        // not use as an index range: each page would walk the table from its start)
        boolean first = after == null || after.isEmpty();
        jakarta.persistence.Query query = em.createNativeQuery("SELECT CAST(" + key + " AS text), row_to_json(t)::text "
                        + "FROM " + kind.table() + " t WHERE (" + owned(kind) + ")"
                        + (first ? " AND ?2 = ''" : " AND " + order + " > " + cast(kind, table, "?2"))
                        + " ORDER BY " + order + " LIMIT ?3")
                .setParameter(1, instance).setParameter(2, first ? "" : after).setParameter(3, limit + 1);
        List<Object[]> rows = query.getResultList();
        boolean more = rows.size() > limit;
        List<JsonNode> json = new ArrayList<>(Math.min(rows.size(), limit));
        String next = after;
        for (Object[] row : rows.subList(0, Math.min(rows.size(), limit))) {
            try {
                json.add(mapper.readTree((String) row[1]));
            } catch (java.io.IOException e) {
                throw new IllegalStateException("row_to_json gave no JSON", e);
            }
            next = (String) row[0];
        }
        return new Page(kind.name(), json, next, more);
    }

    /**
     * (ministry) Writes central's copy of some rows as this instance's own: inserted, or replacing a replica or an
     * older version of the same row; a row of its own that is newer stays. A row that cannot be written (it collides
     * with a different row of this instance's for the same key, or its parent was not taken) is kept out and listed
     * in {@code federation_handover_kept}. Runs in the caller's transaction.
     */
    public Written write(Handover.Kind kind, JsonNode page, String self) {
        JsonNode rows = kind.parent() == null ? page : withWrittenParent(kind, page);
        if (!rows.isArray() || rows.isEmpty()) {
            return new Written(0, 0, List.of());
        }
        Table table = table(kind.table());
        String sql = upsert(kind, table);
        Written written = writeRows(kind, rows, self, sql);
        if (kind.hasOrigin() && !written.keys().isEmpty()) {
            em.createNativeQuery("""
                            INSERT INTO federation_handover_written (kind, row_key)
                            SELECT ?1, k FROM unnest(string_to_array(?2, ',')) k ON CONFLICT DO NOTHING""")
                    .setParameter(1, kind.name()).setParameter(2, String.join(",", written.keys())).executeUpdate();
        }
        return written;
    }

    /** The rows of a child kind whose parent this pull wrote (a parent held here already keeps its own children). */
    @SuppressWarnings("unchecked")
    private JsonNode withWrittenParent(Handover.Kind kind, JsonNode rows) {
        java.util.Set<String> parents = new java.util.LinkedHashSet<>();
        rows.forEach(r -> parents.add(r.path(kind.parentColumn()).asText()));
        List<String> written = em.createNativeQuery("""
                        SELECT row_key FROM federation_handover_written
                        WHERE (?1 = '*' OR kind = ?1) AND row_key = ANY(string_to_array(?2, ','))""")
                .setParameter(1, kind.parent()).setParameter(2, String.join(",", parents)).getResultList();
        java.util.Set<String> taken = new java.util.HashSet<>(written);
        com.fasterxml.jackson.databind.node.ArrayNode kept = mapper.createArrayNode();
        rows.forEach(r -> {
            if (taken.contains(r.path(kind.parentColumn()).asText())) {
                kept.add(r);
            }
        });
        return kept;
    }

    private Written writeRows(Handover.Kind kind, JsonNode rows, String self, String sql) {
        // savepoints in SQL: the pool refuses Connection.rollback while the connection is enlisted in a transaction
        return em.unwrap(Session.class).doReturningWork(c -> {
            sql(c, "SAVEPOINT handover_page");
            try {
                List<String> keys = run(c, sql, rows.toString(), self);
                sql(c, "RELEASE SAVEPOINT handover_page");
                return new Written(keys.size(), 0, keys);
            } catch (SQLException e) {
                if (e.getSQLState() == null || !e.getSQLState().startsWith("23")) {
                    throw e;
                }
                sql(c, "ROLLBACK TO SAVEPOINT handover_page");
            }
            // one row at a time, to keep out only the rows that cannot be written
            List<String> keys = new ArrayList<>();
            int kept = 0;
            for (JsonNode row : rows) {
                sql(c, "SAVEPOINT handover_row");
                try {
                    keys.addAll(run(c, sql, "[" + row + "]", self));
                    sql(c, "RELEASE SAVEPOINT handover_row");
                } catch (SQLException e) {
                    if (e.getSQLState() == null || !e.getSQLState().startsWith("23")) {
                        throw e;
                    }
                    sql(c, "ROLLBACK TO SAVEPOINT handover_row");
                    kept++;
                    keep(c, kind.name(), rowKey(kind, row), e);
                }
            }
            sql(c, "RELEASE SAVEPOINT handover_page");
            return new Written(keys.size(), kept, keys);
        });
    }

    private static void sql(Connection c, String statement) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    private static List<String> run(Connection c, String sql, String json, String self) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, json);
            ps.setString(2, self);
            List<String> keys = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    keys.add(rs.getString(1));
                }
            }
            return keys;
        }
    }

    private static void keep(Connection c, String kind, String key, SQLException e) throws SQLException {
        String state = e.getSQLState();
        String cause = "23505".equals(state) ? "DUPLICATE" : "23503".equals(state) ? "MISSING_REFERENCE" : "OTHER";
        String detail = e.getMessage() == null ? "" : e.getMessage().lines().map(String::trim)
                .filter(l -> l.startsWith("Detail:")).map(l -> " (" + l.substring(7).trim() + ")").findFirst().orElse("");
        String reason = switch (cause) {
            case "DUPLICATE" -> "this instance holds a row of its own for the same key" + detail + "; its row stays";
            case "MISSING_REFERENCE" -> "a row it refers to is not here" + detail;
            default -> String.valueOf(e.getMessage()).lines().findFirst().orElse("not written");
        };
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO federation_handover_kept (kind, row_key, cause, reason) VALUES (?, ?, ?, ?)
                ON CONFLICT (kind, row_key) DO UPDATE SET cause = excluded.cause, reason = excluded.reason, at = now()""")) {
            ps.setString(1, kind);
            ps.setString(2, key.length() > 150 ? key.substring(0, 150) : key);
            ps.setString(3, cause);
            ps.setString(4, reason);
            ps.executeUpdate();
        }
    }

    private static String rowKey(Handover.Kind kind, JsonNode row) {
        JsonNode key = row.path(kind.key());
        return key.isMissingNode() ? row.toString() : key.asText();
    }

    /**
     * INSERT … SELECT FROM json_populate_recordset … ON CONFLICT (primary key) DO UPDATE: every column from central's
     * copy, the owner columns set to this instance ({@code origin} NULL, instance columns {@code ?2}); an identity key
     * is left to this database and the row is skipped when the same row (all other columns equal) is here already.
     */
    private static String upsert(Handover.Kind kind, Table table) {
        List<String> columns = table.columns().stream().filter(c -> !table.identity().contains(c)).toList();
        String select = columns.stream().map(c -> "origin".equals(c) ? "CAST(NULL AS varchar)"
                        : kind.instanceColumns().contains(c) ? "p.self" : "j." + c)
                .collect(Collectors.joining(", "));
        String list = String.join(", ", columns);
        String from = "WITH p AS (SELECT CAST(? AS json) AS rows, CAST(? AS varchar) AS self) INSERT INTO "
                + kind.table() + " AS x (" + list + ") SELECT " + select + " FROM p, json_populate_recordset(CAST(NULL AS "
                + kind.table() + "), p.rows) j";
        String returning = " RETURNING CAST(" + (table.types().containsKey(kind.key()) ? "x." + kind.key()
                : "(" + kind.key().replace("t.", "x.") + ")") + " AS text)";
        if (!table.identity().isEmpty()) {
            // the same row: equal in every column, its parent's first (an index finds the parent's rows)
            String same = (kind.parentColumn() == null ? "" : "y." + kind.parentColumn() + " = j." + kind.parentColumn()
                    + " AND ") + columns.stream().filter(c -> !c.equals("origin") && !kind.instanceColumns().contains(c))
                    .map(c -> "y." + c + " IS NOT DISTINCT FROM j." + c).collect(Collectors.joining(" AND "));
            return from + " WHERE NOT EXISTS (SELECT 1 FROM " + kind.table() + " y WHERE " + same + ")" + returning;
        }
        if (kind.reference()) {
            return from + " ON CONFLICT DO NOTHING" + returning;
        }
        String update = columns.stream().map(c -> c + " = EXCLUDED." + c).collect(Collectors.joining(", "));
        String guard = "";
        if (kind.version() != null) {
            guard = " WHERE x." + kind.version() + " < EXCLUDED." + kind.version()
                    + (table.columns().contains("origin") ? " OR x.origin IS NOT NULL" : "");
        }
        return from + " ON CONFLICT ON CONSTRAINT " + table.primaryKey() + " DO UPDATE SET " + update + guard + returning;
    }

    /** The order of a kind's pages: its key column, or a text expression (collation "C") over several. */
    private static String order(Handover.Kind kind, Table table) {
        return table.types().containsKey(kind.key()) ? "t." + kind.key() : "(" + kind.key() + ") COLLATE \"C\"";
    }

    private static String cast(Handover.Kind kind, Table table, String parameter) {
        String type = table.types().get(kind.key());
        return type == null ? "CAST(" + parameter + " AS text) COLLATE \"C\""
                : "CAST(NULLIF(" + parameter + ", '') AS " + type + ")";
    }

    @SuppressWarnings("unchecked")
    private Table table(String name) {
        return tables.computeIfAbsent(name, n -> {
            List<Object[]> rows = em.createNativeQuery("""
                            SELECT a.attname, format_type(a.atttypid, a.atttypmod), a.attidentity <> ''
                            FROM pg_attribute a
                            WHERE a.attrelid = CAST(?1 AS regclass) AND a.attnum > 0 AND NOT a.attisdropped
                              AND a.attgenerated = ''
                            ORDER BY a.attnum""").setParameter(1, n).getResultList();
            List<String> columns = new ArrayList<>();
            List<String> identity = new ArrayList<>();
            Map<String, String> types = new LinkedHashMap<>();
            for (Object[] r : rows) {
                columns.add((String) r[0]);
                types.put((String) r[0], (String) r[1]);
                if (Boolean.TRUE.equals(r[2])) {
                    identity.add((String) r[0]);
                }
            }
            String pk = (String) em.createNativeQuery("""
                            SELECT conname FROM pg_constraint WHERE conrelid = CAST(?1 AS regclass) AND contype = 'p'""")
                    .setParameter(1, n).getSingleResult();
            return new Table(List.copyOf(columns), List.copyOf(identity), types, pk);
        });
    }
}
