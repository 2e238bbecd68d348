package vn.nq57.platform.period;

import java.time.DayOfWeek;
import java.time.LocalDate;

/**
 * Working days: Monday to Friday. Public holidays are not known to the platform (an instance whose rules count them
 * sets a longer answer period instead).
 */
public final class WorkingDays {

    private WorkingDays() {
    }

    /** The day {@code days} working days after {@code from} (from itself does not count). */
    public static LocalDate after(LocalDate from, int days) {
        LocalDate d = from;
        int left = Math.max(0, days);
        while (left > 0) {
            d = d.plusDays(1);
            if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                left--;
            }
        }
        return d;
    }
}
