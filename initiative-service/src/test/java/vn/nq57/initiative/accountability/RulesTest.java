package vn.nq57.initiative.accountability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.nq57.initiative.compliance.ComplianceScore;
import vn.nq57.initiative.obligation.ReportingCalendar;
import vn.nq57.initiative.obligation.ReportingCalendar.Expected;
import vn.nq57.initiative.obligation.ReportingCalendar.ReportStatus;
import vn.nq57.platform.period.Frequency;
import vn.nq57.platform.period.Period;
import vn.nq57.platform.period.WorkingDays;

/** The pure rules of accountability: the reporting calendar, timeliness, the score, working days. */
class RulesTest {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 3);

    @Test
    void expectedPeriodsAreThoseEndedInTheWindowWithinTheObligationsBounds() {
        List<Expected> q = ReportingCalendar.expected(Frequency.QUARTERLY, null, null, 30,
                LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), TODAY);
        assertEquals(List.of("2026Q1", "2026Q2", "2026Q3"), q.stream().map(e -> e.period().toString()).toList(),
                "2026Q4 has not ended");
        assertEquals(LocalDate.of(2026, 4, 30), q.get(0).deadline());
        List<Expected> bounded = ReportingCalendar.expected(Frequency.QUARTERLY, Period.parse("2026Q2"),
                Period.parse("2026Q2"), 30, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), TODAY);
        assertEquals(List.of("2026Q2"), bounded.stream().map(e -> e.period().toString()).toList());
        assertEquals(11, ReportingCalendar.expected(Frequency.MONTHLY, null, null, 10, LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 12, 31), TODAY).size());
        assertEquals(List.of("2025"), ReportingCalendar.expected(Frequency.ANNUAL, null, null, 90,
                LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31), TODAY).stream()
                .map(e -> e.period().toString()).toList());
        assertEquals(0, ReportingCalendar.expected(Frequency.ANNUAL, null, null, 90, LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 12, 31), TODAY).size(), "the year 2026 has not ended");
    }

    @Test
    void aValueIsOnTimeUntilTheEndOfItsDeadlineDayInVietNam() {
        LocalDate deadline = LocalDate.of(2026, 4, 30);
        assertEquals(ReportStatus.ON_TIME, ReportingCalendar.status(deadline,
                OffsetDateTime.parse("2026-04-30T16:59:59Z"), TODAY), "23:59:59 in Ha Noi");
        assertEquals(ReportStatus.LATE, ReportingCalendar.status(deadline,
                OffsetDateTime.parse("2026-04-30T17:00:00Z"), TODAY), "00:00 on 1 May in Ha Noi");
        assertEquals(ReportStatus.MISSING, ReportingCalendar.status(deadline, null, TODAY));
        assertEquals(ReportStatus.PENDING, ReportingCalendar.status(deadline, null, deadline));
    }

    @Test
    void theScoreWeighsThePartsThatHaveSomethingCounted() {
        long[] none = {0, 0, 0};
        assertNull(ComplianceScore.score(none, none, none, none));
        assertEquals(new BigDecimal("37.5"), ComplianceScore.score(new long[] {1, 1, 2}, none, none, none));
        assertEquals(new BigDecimal("100.0"), ComplianceScore.score(new long[] {3, 0, 0}, new long[] {1, 0, 0}, none,
                none));
        // values 50 % (w .4), outputs 0 % (w .3), obstacles 100 % (w .15), initiatives 50 % (w .15): .2 + 0 + .15 + .075
        assertEquals(new BigDecimal("42.5"), ComplianceScore.score(new long[] {1, 0, 1}, new long[] {0, 0, 2},
                new long[] {1, 0, 0}, new long[] {0, 1, 0}));
    }

    @Test
    void workingDaysSkipWeekends() {
        LocalDate friday = LocalDate.of(2026, 12, 4);
        assertEquals(LocalDate.of(2026, 12, 7), WorkingDays.after(friday, 1));
        assertEquals(LocalDate.of(2026, 12, 25), WorkingDays.after(friday, 15));
    }
}
