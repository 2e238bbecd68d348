package vn.nq57.initiative.obligation;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.nq57.platform.period.Frequency;
import vn.nq57.platform.period.Period;

/**
 * The reporting calendar of an obligation (pure rules): which periods are expected, each one's deadline (the period's
 * end plus the obligation's days), and whether a value was reported on time, late, is missing or still pending.
 */
public final class ReportingCalendar {

    @Schema(description = "Where an expected value stands: ON_TIME (first submitted by the deadline), LATE (after it), "
            + "MISSING (not submitted and the deadline has passed), PENDING (not submitted, the deadline has not passed)")
    public enum ReportStatus { ON_TIME, LATE, MISSING, PENDING }

    /** One expected value: the period and its deadline (the last day a value is on time). */
    public record Expected(Period period, LocalDate deadline) {
    }

    private ReportingCalendar() {
    }

    /** The last day a value of {@code period} is on time. */
    public static LocalDate deadline(Period period, int deadlineDays) {
        return period.end().plusDays(Math.max(0, deadlineDays));
    }

    /**
     * The periods of {@code frequency} that end within {@code [windowStart, windowEnd]}, have ended by {@code today},
     * and lie within the obligation's own bounds ({@code first}, {@code last}: null for none), oldest first.
     */
    public static List<Expected> expected(Frequency frequency, Period first, Period last, int deadlineDays,
                                          LocalDate windowStart, LocalDate windowEnd, LocalDate today) {
        List<Expected> out = new ArrayList<>();
        LocalDate until = windowEnd.isBefore(today) ? windowEnd : today.minusDays(1);
        if (until.isBefore(windowStart)) {
            return out;
        }
        Period p = Period.containing(frequency, windowStart);
        while (!p.end().isAfter(until)) {
            boolean afterFirst = first == null || !p.end().isBefore(first.end());
            boolean beforeLast = last == null || !p.end().isAfter(last.end());
            if (!p.end().isBefore(windowStart) && afterFirst && beforeLast) {
                out.add(new Expected(p, deadline(p, deadlineDays)));
            }
            p = p.next();
        }
        return out;
    }

    /** Where a value stands, from when it was first submitted (null: never) and today's date in Viet Nam. */
    public static ReportStatus status(LocalDate deadline, OffsetDateTime firstSubmitted, LocalDate today) {
        if (firstSubmitted != null) {
            LocalDate day = firstSubmitted.atZoneSameInstant(Period.VIETNAM).toLocalDate();
            return day.isAfter(deadline) ? ReportStatus.LATE : ReportStatus.ON_TIME;
        }
        return today.isAfter(deadline) ? ReportStatus.MISSING : ReportStatus.PENDING;
    }
}
