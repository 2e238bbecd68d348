package vn.nq57.platform.jdbc;

import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Binds a statement's array parameters, the way a set-based write passes one column per parameter
 * ({@code unnest(?::uuid[], ?::text[], …)}).
 */
@Jdbc("binds java.sql arrays for the set-based writes")
public final class SqlArrays {

    private SqlArrays() {
    }

    /**
     * Binds each array, as an SQL array of {@code type}, to consecutive parameters from {@code first}.
     *
     * @return the index of the next parameter
     */
    public static int bind(PreparedStatement ps, int first, String type, Object[]... arrays) throws SQLException {
        int i = first;
        for (Object[] array : arrays) {
            ps.setArray(i++, ps.getConnection().createArrayOf(type, array));
        }
        return i;
    }
}
