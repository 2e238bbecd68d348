package vn.nq57.kpi.evaluation;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import vn.nq57.kpi.evaluation.EvaluationViews.AgencyTimeliness;
import vn.nq57.kpi.evaluation.EvaluationViews.Timeliness;
import vn.nq57.kpi.evaluation.EvaluationViews.TimelinessView;
import vn.nq57.platform.period.Frequency;
import vn.nq57.platform.period.Period;

/**
 * The timeliness rule (pure; {@code today} is a parameter): a period's value is due by the end of the indicator's grace
 * days after the period ends (Viet Nam time); an agency's first submission by then is ON_TIME, after it LATE; a value
 * due and never submitted is MISSING, one not yet due NOT_DUE.
 */
final class ReportingDeadlines {

    private ReportingDeadlines() {
    }

    /** The latest period of {@code frequency} whose value is due by {@code today}. */
    static Period latestDue(Frequency frequency, int graceDays, LocalDate today) {
        Period period = Period.containing(frequency, today);
        while (!due(period, graceDays).isBefore(today)) {
            period = period.previous();
        }
        return period;
    }

    /** The last day a value of {@code period} is on time. */
    static LocalDate due(Period period, int graceDays) {
        return period.end().plusDays(graceDays);
    }

    /**
     * Each agency's timeliness for {@code period}: the agencies expected to report and any other that reported (within
     * {@code subtree} when given), with the first submission of each that has one.
     */
    static TimelinessView timeliness(Period period, int graceDays, LocalDate today, Collection<String> reporting,
                                     Map<String, OffsetDateTime> firstSubmitted, Set<String> subtree) {
        LocalDate due = due(period, graceDays);
        OffsetDateTime deadline = due.plusDays(1).atStartOfDay(Period.VIETNAM).toOffsetDateTime();
        boolean isDue = due.isBefore(today);
        Set<String> expected = new TreeSet<>(reporting);
        expected.addAll(firstSubmitted.keySet());
        if (subtree != null) {
            expected.retainAll(subtree);
        }
        List<AgencyTimeliness> rows = new ArrayList<>();
        int onTime = 0;
        int late = 0;
        int missing = 0;
        for (String agency : expected) {
            OffsetDateTime first = firstSubmitted.get(agency);
            Timeliness t;
            if (first != null) {
                t = first.isBefore(deadline) ? Timeliness.ON_TIME : Timeliness.LATE;
            } else {
                t = isDue ? Timeliness.MISSING : Timeliness.NOT_DUE;
            }
            switch (t) {
                case ON_TIME -> onTime++;
                case LATE -> late++;
                case MISSING -> missing++;
                default -> { }
            }
            rows.add(new AgencyTimeliness(agency, t, first));
        }
        return new TimelinessView(period.toString(), due, onTime, late, missing, rows);
    }
}
