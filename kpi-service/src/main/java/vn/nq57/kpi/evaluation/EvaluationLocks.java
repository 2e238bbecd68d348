package vn.nq57.kpi.evaluation;

import java.sql.Array;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.UUID;
import vn.nq57.kpi.evaluation.EvaluationMaintainer.Touched;

/**
 * The transaction-scoped advisory locks that serialise the evaluation's writers: one key per (indicator, period) pair
 * (writers of a pair) and one per indicator (its evaluation), always taken in ascending order so that two writers
 * cannot deadlock.
 */
@vn.nq57.platform.jdbc.Jdbc("lock keys as a bigint[] parameter, sent ahead of a writer's reads in one round trip")
public final class EvaluationLocks {

    private EvaluationLocks() {
    }

    /**
     * The advisory lock keys of these pairs, ascending (no deadlock between writers), for {@link #LOCK} when a writer
     * sends the lock ahead of its read in one round trip.
     */
    public static long[] pairKeys(Collection<Touched> pairs) {
        return pairs.stream().mapToLong(p -> 0x1F57L * 31 + p.indicatorId().getMostSignificantBits()
                ^ p.indicatorId().getLeastSignificantBits() ^ p.period().hashCode() * 0x9E3779B97F4A7C15L)
                .sorted().distinct().toArray();
    }

    /**
     * The lock keys that serialise the evaluation of these indicators until the transaction ends: taken just before an
     * indicator's evaluation is recomputed from its period aggregates, so that the last committer has seen every
     * earlier one.
     */
    static long[] indicatorKeys(Collection<UUID> indicatorIds) {
        return indicatorIds.stream().mapToLong(id -> 0x5757L << 48 ^ id.getMostSignificantBits()
                ^ id.getLeastSignificantBits()).sorted().distinct().toArray();
    }

    /** Takes transaction-scoped advisory locks on the keys of its bigint[] parameter, in the order given. */
    public static final String LOCK = "SELECT pg_advisory_xact_lock(k)::text FROM unnest(?::bigint[]) AS t(k)";

    /** Lock keys as the parameter of {@link #LOCK}. */
    public static Array keys(Connection c, long[] keys) throws SQLException {
        return c.createArrayOf("bigint", java.util.Arrays.stream(keys).boxed().toArray());
    }
}
