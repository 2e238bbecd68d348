package vn.nq57.kpi.sql;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Several statements sent to PostgreSQL in one round trip ({@code "a; b; c"} in one prepared statement, parameters
 * numbered across them). The server runs them one after the other in the caller's transaction, and under READ
 * COMMITTED each takes its own snapshot when it starts: a read sent after a lock statement sees everything committed
 * before the lock was granted, exactly as if it had been sent separately.
 */
@vn.nq57.platform.jdbc.Jdbc("several statements sent in one round trip")
public final class RoundTrip {
    private RoundTrip() {
    }

    /** Runs the statements and returns their result sets in order (statements without rows are skipped). */
    public static List<ResultSet> results(PreparedStatement ps) throws SQLException {
        List<ResultSet> sets = new ArrayList<>();
        boolean isResult = ps.execute();
        while (isResult || ps.getUpdateCount() != -1) {
            if (isResult) {
                sets.add(ps.getResultSet());
            }
            isResult = ps.getMoreResults(Statement.KEEP_CURRENT_RESULT);
        }
        return sets;
    }
}
