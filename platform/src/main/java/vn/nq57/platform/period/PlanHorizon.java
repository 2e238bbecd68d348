package vn.nq57.platform.period;

import java.time.LocalDate;
import vn.nq57.platform.error.ApiException;

/**
 * The years the Strategic Action Plan can speak of: 2020 (the years before Resolution 57, for values reported as the
 * starting point) to 2045 (its vision). A due date, deadline or reporting period outside them is a typing error, not a
 * plan — refused with the reason instead of stored (a JSON {@code -1} once became an output due on 1969-12-31).
 */
public final class PlanHorizon {

    public static final int FIRST_YEAR = 2020;
    public static final int LAST_YEAR = 2045;
    public static final LocalDate FIRST_DAY = LocalDate.of(FIRST_YEAR, 1, 1);
    public static final LocalDate LAST_DAY = LocalDate.of(LAST_YEAR, 12, 31);

    private PlanHorizon() {
    }

    /** Why {@code date} cannot be a date of the plan, or null when it can. */
    public static String outside(LocalDate date) {
        if (date.isBefore(FIRST_DAY) || date.isAfter(LAST_DAY)) {
            return date + " lies outside the plan's horizon, " + FIRST_DAY + " to " + LAST_DAY;
        }
        return null;
    }

    /** Why {@code period} cannot be a period of the plan, or null when it can. */
    public static String outside(Period period) {
        if (period.year() < FIRST_YEAR || period.year() > LAST_YEAR) {
            return "period " + period + " lies outside the plan's horizon, " + FIRST_YEAR + " to " + LAST_YEAR;
        }
        return null;
    }

    /** {@code date} if the plan can speak of it; otherwise a 400 problem naming {@code field}. */
    public static LocalDate require(String field, LocalDate date) {
        String why = date == null ? null : outside(date);
        if (why != null) {
            throw ApiException.badRequest(field, why);
        }
        return date;
    }

    /**
     * As {@link #require(String, LocalDate)}, and not before {@code notBefore} ({@code what} names it, e.g. "the start
     * of phase P2, 2027-01-01").
     */
    public static LocalDate require(String field, LocalDate date, LocalDate notBefore, String what) {
        require(field, date);
        if (date != null && notBefore != null && date.isBefore(notBefore)) {
            throw ApiException.badRequest(field, date + " lies before " + what);
        }
        return date;
    }
}
