package vn.nq57.kpi.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.nq57.kpi.evaluation.Evaluator.Facts;
import vn.nq57.kpi.evaluation.Evaluator.Point;
import vn.nq57.kpi.evaluation.Evaluator.Status;
import vn.nq57.kpi.evaluation.Evaluator.Target;
import vn.nq57.kpi.indicator.Direction;
import vn.nq57.platform.period.Frequency;
import vn.nq57.platform.period.Period;

/**
 * The evaluation rules (DESIGN.md §1) as plain functions, without a database: progress between baseline and target,
 * status against the expected trajectory with its tolerance, the forecast line, and the due periods without a value.
 */
class EvaluatorTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 3);

    /** Annual, baseline 0 in 2020, target 100 in 2030, 10 points of tolerance. */
    private static Facts annual(Direction direction, String baseline, String target) {
        return new Facts(direction, Frequency.ANNUAL, baseline == null ? null : new BigDecimal(baseline), "2020",
                List.of(new Target("2030", new BigDecimal(target))), BigDecimal.TEN, 0);
    }

    private static Point point(String period, String value) {
        return new Point(period, Period.parse(period).end(), new BigDecimal(value), 1, 0, null);
    }

    @Test
    void progressIsTheShareOfTheWayFromBaselineToTargetInEitherDirection() {
        assertEquals(0, new BigDecimal("50").compareTo(Evaluator.progress(annual(Direction.HIGHER_IS_BETTER, "10", "20"),
                new BigDecimal("15"), new BigDecimal("20"))));
        // a rank improves downwards: from 20 towards 10, at 15 half the way
        assertEquals(0, new BigDecimal("50").compareTo(Evaluator.progress(annual(Direction.LOWER_IS_BETTER, "20", "10"),
                new BigDecimal("15"), new BigDecimal("10"))));
        // target equal to the baseline: all or nothing
        Facts flat = annual(Direction.HIGHER_IS_BETTER, "10", "10");
        assertEquals(0, BigDecimal.valueOf(100).compareTo(Evaluator.progress(flat, new BigDecimal("10"), BigDecimal.TEN)));
        assertEquals(0, BigDecimal.ZERO.compareTo(Evaluator.progress(flat, new BigDecimal("9"), BigDecimal.TEN)));
        assertNull(Evaluator.progress(annual(Direction.HIGHER_IS_BETTER, null, "10"), BigDecimal.ONE, BigDecimal.TEN));
    }

    @Test
    void halfWayInTimeExpectsHalfTheProgressAndTheToleranceSeparatesAmberFromRed() {
        // 2020-12-31 → 2025-12-31 is 1,826 days of the 3,652 to 2030-12-31: exactly half the way
        Facts f = annual(Direction.HIGHER_IS_BETTER, "0", "100");
        Evaluator.Result onTrack = Evaluator.evaluate(f, List.of(point("2025", "50")), TODAY);
        assertEquals(0, new BigDecimal("50").compareTo(onTrack.expectedProgress()));
        assertEquals(0, new BigDecimal("50").compareTo(onTrack.expectedValue()));
        assertEquals(Status.GREEN, onTrack.status());
        assertEquals(Status.AMBER, Evaluator.evaluate(f, List.of(point("2025", "40.01")), TODAY).status());
        assertEquals(Status.RED, Evaluator.evaluate(f, List.of(point("2025", "40")), TODAY).status());
        // a target already reached is green whatever the trajectory says
        assertEquals(Status.GREEN, Evaluator.evaluate(f, List.of(point("2021", "100")), TODAY).status());
    }

    @Test
    void withoutValuesOrBaselineTheStatusIsGreyAndWhatIsMissingIsNamed() {
        Evaluator.Result none = Evaluator.evaluate(annual(Direction.HIGHER_IS_BETTER, "0", "100"), List.of(), TODAY);
        assertEquals(Status.GREY, none.status());
        assertEquals("2030", none.targetPeriod());
        assertTrue(none.missing().contains("values"), none.missing().toString());
        Facts noBaseline = annual(Direction.HIGHER_IS_BETTER, null, "100");
        assertEquals(Status.GREY, Evaluator.evaluate(noBaseline, List.of(point("2025", "60")), TODAY).status());
        assertEquals(Status.GREEN, Evaluator.evaluate(noBaseline, List.of(point("2025", "100")), TODAY).status());
        assertTrue(Evaluator.evaluate(noBaseline, List.of(point("2025", "60")), TODAY).missing().contains("baseline"));
    }

    @Test
    void theForecastIsTheLineThroughTheLastValuesAndNeedsTwoOfThem() {
        List<Point> series = List.of(point("2021", "10"), point("2022", "20"), point("2023", "30"));
        // 10 a year (365 days): 731 days after the end of 2023 (2024 is a leap year) the line reads 50.03
        BigDecimal at2025 = Evaluator.forecast(series, LocalDate.of(2025, 12, 31));
        assertTrue(at2025.compareTo(new BigDecimal("50.02")) > 0 && at2025.compareTo(new BigDecimal("50.03")) < 0,
                String.valueOf(at2025));
        assertNull(Evaluator.forecast(List.of(point("2021", "10")), LocalDate.of(2025, 12, 31)));
        // only the last TREND_POINTS values count: an old outlier does not bend the line
        List<Point> withOutlier = new ArrayList<>(List.of(point("2015", "900")));
        for (int year = 2016; year <= 2020; year++) {
            withOutlier.add(point(String.valueOf(year), "5"));
        }
        assertEquals(0, new BigDecimal("5").compareTo(Evaluator.forecast(withOutlier, LocalDate.of(2030, 12, 31))));
        assertFalse(Evaluator.evaluate(annual(Direction.HIGHER_IS_BETTER, "0", "200"), series, TODAY)
                .forecastMeetsTarget(), "10 a year from 30 in 2023 does not reach 200 by 2030");
        assertTrue(Evaluator.evaluate(annual(Direction.HIGHER_IS_BETTER, "0", "100"), series, TODAY)
                .forecastMeetsTarget(), "10 a year from 30 in 2023 reaches 100 by the end of 2030");
    }

    @Test
    void dueAnnualPeriodsWithoutAValueAreCountedAfterTheGraceDays() {
        List<String> missing = new ArrayList<>();
        Facts f = new Facts(Direction.HIGHER_IS_BETTER, Frequency.ANNUAL, BigDecimal.ZERO, "2020",
                List.of(new Target("2030", BigDecimal.TEN)), BigDecimal.TEN, 60);
        // 2021…2025 are due on 3 Dec 2026 (2025 ended 11 months ago, more than 60 days); 2026 is not over
        int count = Evaluator.missingPeriods(f, List.of(point("2021", "1"), point("2023", "2")), TODAY, missing);
        assertEquals(3, count);
        assertEquals(List.of("periods: 2022, 2024, 2025"), missing);
        // the same on 15 Feb 2026: 2025 is still within its 60 days of grace
        missing.clear();
        assertEquals(2, Evaluator.missingPeriods(f, List.of(point("2021", "1"), point("2023", "2")),
                LocalDate.of(2026, 2, 15), missing));
    }

    @Test
    void atMostTwelveMissingPeriodsAreNamedButAllAreCounted() {
        List<String> missing = new ArrayList<>();
        Facts monthly = new Facts(Direction.HIGHER_IS_BETTER, Frequency.MONTHLY, BigDecimal.ZERO, "2020-01",
                List.of(), BigDecimal.TEN, 0);
        // February 2020 to December 2021: 23 months due on 15 Jan 2022
        assertEquals(23, Evaluator.missingPeriods(monthly, List.of(), LocalDate.of(2022, 1, 15), missing));
        assertEquals(1, missing.size());
        assertTrue(missing.get(0).startsWith("periods: 2021-01, 2021-02"), missing.get(0));
        assertTrue(missing.get(0).endsWith("2021-12 and 11 earlier"), missing.get(0));
    }
}
