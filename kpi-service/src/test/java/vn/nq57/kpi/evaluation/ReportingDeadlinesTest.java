package vn.nq57.kpi.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.nq57.kpi.evaluation.EvaluationViews.AgencyTimeliness;
import vn.nq57.kpi.evaluation.EvaluationViews.Timeliness;
import vn.nq57.kpi.evaluation.EvaluationViews.TimelinessView;
import vn.nq57.platform.period.Frequency;
import vn.nq57.platform.period.Period;

/** The timeliness rule: deadlines, grace days and Viet Nam's midnight, with {@code today} given. */
class ReportingDeadlinesTest {

    @Test
    void theLatestPeriodDueIsTheLastWhoseGraceDaysHaveEnded() {
        // 2025Q4 ends 31 Dec; with 30 grace days it is due by 30 Jan 2026 and counts as due from 31 Jan
        assertEquals(Period.parse("2025Q3"), ReportingDeadlines.latestDue(Frequency.QUARTERLY, 30, LocalDate.of(2026, 1, 30)));
        assertEquals(Period.parse("2025Q4"), ReportingDeadlines.latestDue(Frequency.QUARTERLY, 30, LocalDate.of(2026, 1, 31)));
        assertEquals(Period.parse("2024"), ReportingDeadlines.latestDue(Frequency.ANNUAL, 90, LocalDate.of(2025, 12, 31)));
        assertEquals(Period.parse("2026-02"), ReportingDeadlines.latestDue(Frequency.MONTHLY, 0, LocalDate.of(2026, 3, 1)));
    }

    @Test
    void aFirstSubmissionBeforeMidnightInVietNamOnTheDueDayIsOnTime() {
        Period q = Period.parse("2025Q4");
        LocalDate today = LocalDate.of(2026, 3, 1);
        Map<String, OffsetDateTime> first = new LinkedHashMap<>();
        // due 30 Jan 2026: 23:59 in Ha Noi is 16:59 UTC; 00:00 on 31 Jan in Ha Noi is 17:00 UTC on the 30th
        first.put("BKHCN", OffsetDateTime.of(2026, 1, 30, 16, 59, 0, 0, ZoneOffset.UTC));
        first.put("BYT", OffsetDateTime.of(2026, 1, 30, 17, 0, 0, 0, ZoneOffset.UTC));
        first.put("BTC", OffsetDateTime.of(2026, 1, 5, 9, 0, 0, 0, ZoneOffset.UTC));
        TimelinessView v = ReportingDeadlines.timeliness(q, 30, today, List.of("BKHCN", "BYT", "BCA"), first, null);
        assertEquals("2025Q4", v.period());
        assertEquals(LocalDate.of(2026, 1, 30), v.due());
        assertEquals(List.of(new AgencyTimeliness("BCA", Timeliness.MISSING, null),
                new AgencyTimeliness("BKHCN", Timeliness.ON_TIME, first.get("BKHCN")),
                new AgencyTimeliness("BTC", Timeliness.ON_TIME, first.get("BTC")),
                new AgencyTimeliness("BYT", Timeliness.LATE, first.get("BYT"))), v.agencies());
        assertEquals(2, v.onTime());
        assertEquals(1, v.late());
        assertEquals(1, v.missing());
    }

    @Test
    void nothingIsMissingBeforeTheDeadlineAndASubtreeKeepsOnlyItsAgencies() {
        TimelinessView notYet = ReportingDeadlines.timeliness(Period.parse("2026Q1"), 30, LocalDate.of(2026, 4, 30),
                List.of("BKHCN", "BYT"), Map.of(), null);
        assertEquals(0, notYet.missing());
        assertEquals(List.of(Timeliness.NOT_DUE, Timeliness.NOT_DUE),
                notYet.agencies().stream().map(AgencyTimeliness::status).toList());
        TimelinessView due = ReportingDeadlines.timeliness(Period.parse("2026Q1"), 30, LocalDate.of(2026, 5, 1),
                List.of("BKHCN", "BYT"), Map.of(), Set.of("BYT"));
        assertEquals(List.of(new AgencyTimeliness("BYT", Timeliness.MISSING, null)), due.agencies());
    }
}
