package vn.nq57.kpi.evaluation;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.nq57.kpi.indicator.Direction;
import vn.nq57.platform.period.Frequency;
import vn.nq57.platform.period.Period;

/**
 * The evaluation rules of DESIGN.md §1, as pure functions of an indicator's facts and its aggregated series:
 * progress, expected trajectory, status, forecast, and the due periods that have no value.
 */
public final class Evaluator {

    /** How many of the last values the forecast trend uses. */
    public static final int TREND_POINTS = 5;
    /** At most this many missing periods are named (the count is always complete). */
    public static final int MAX_MISSING_NAMED = 12;

    private Evaluator() {
    }

    @Schema(name = "KpiStatus", description = "An indicator's status against its expected trajectory: GREEN on or ahead, AMBER behind by less than the tolerance, RED further behind, GREY no data")
    public enum Status { GREEN, AMBER, RED, GREY }

    /** What the rules need to know about an indicator. */
    public record Facts(Direction direction, Frequency frequency, BigDecimal baselineValue, String baselinePeriod,
                        List<Target> targets, BigDecimal tolerancePoints, int graceDays) {
    }

    public record Target(String period, BigDecimal value) {
    }

    /** One period's aggregated value, how many agency values it combines, and when the newest was submitted. */
    public record Point(String period, LocalDate end, BigDecimal value, int count, int approved,
                        OffsetDateTime lastSubmittedAt) {
    }

    /** Progress toward one target. */
    @Schema(description = "Progress towards one target period")
    public record TargetProgress(String period, BigDecimal target, BigDecimal progress, boolean reached) {
    }

    /** The evaluation of one series. Percent figures are points (0..100, may exceed 100). */
    public record Result(String latestPeriod, BigDecimal actual, String targetPeriod, BigDecimal targetValue,
                         BigDecimal progress, BigDecimal expectedValue, BigDecimal expectedProgress, Status status,
                         BigDecimal forecast, Boolean forecastMeetsTarget, List<TargetProgress> targets,
                         int periodsWithData, int valuesUsed, int approvedValues, int missingPeriods,
                         List<String> missing, OffsetDateTime asOf) {
    }

    public static Result evaluate(Facts f, List<Point> series, LocalDate today) {
        // Long method: one pass over the series computing the figures of one result (latest, targets, expected,
        // forecast, missing periods); each figure is a few lines and they feed each other.
        List<Point> points = new ArrayList<>(series);
        points.sort(Comparator.comparing(Point::end));
        List<Target> targets = new ArrayList<>(f.targets());
        targets.sort(Comparator.comparing(Target::period));
        List<String> missing = new ArrayList<>();
        int valuesUsed = points.stream().mapToInt(Point::count).sum();
        int approved = points.stream().mapToInt(Point::approved).sum();
        OffsetDateTime asOf = points.stream().map(Point::lastSubmittedAt).filter(java.util.Objects::nonNull)
                .max(Comparator.naturalOrder()).orElse(null);
        if (f.baselineValue() == null) {
            missing.add("baseline");
        }
        if (targets.isEmpty()) {
            missing.add("targets");
        }
        int missingPeriods = missingPeriods(f, points, today, missing);
        if (points.isEmpty()) {
            missing.add("values");
            Target next = targets.stream().filter(t -> !Period.parse(t.period()).end().isBefore(today)).findFirst()
                    .orElse(targets.isEmpty() ? null : targets.get(targets.size() - 1));
            return new Result(null, null, next == null ? null : next.period(), next == null ? null : next.value(),
                    null, null, null, Status.GREY, null, null, List.of(), 0, 0, 0, missingPeriods, missing, null);
        }
        Point last = points.get(points.size() - 1);
        BigDecimal actual = last.value();
        Target target = targets.stream().filter(t -> !Period.parse(t.period()).end().isBefore(last.end())).findFirst()
                .orElse(targets.isEmpty() ? null : targets.get(targets.size() - 1));
        List<TargetProgress> perTarget = targets.stream().map(t -> new TargetProgress(t.period(), t.value(),
                progress(f, actual, t.value()), reached(f.direction(), actual, t.value()))).toList();
        if (target == null) {
            return new Result(last.period(), actual, null, null, null, null, null, Status.GREY, null, null, perTarget,
                    points.size(), valuesUsed, approved, missingPeriods, missing, asOf);
        }
        LocalDate targetEnd = Period.parse(target.period()).end();
        BigDecimal forecast = forecast(points, targetEnd);
        Boolean forecastMeets = forecast == null ? null : reached(f.direction(), forecast, target.value());
        boolean reached = reached(f.direction(), actual, target.value());
        BigDecimal progress = progress(f, actual, target.value());
        BigDecimal expectedProgress = null;
        BigDecimal expectedValue = null;
        Status status;
        if (f.baselineValue() == null) {
            status = reached ? Status.GREEN : Status.GREY;
        } else {
            LocalDate baselineEnd = Period.parse(f.baselinePeriod()).end();
            double span = ChronoUnit.DAYS.between(baselineEnd, targetEnd);
            double elapsed = ChronoUnit.DAYS.between(baselineEnd, last.end());
            double fraction = span <= 0 ? 1 : Math.max(0, Math.min(1, elapsed / span));
            BigDecimal fr = BigDecimal.valueOf(fraction);
            expectedProgress = scale(fr.multiply(BigDecimal.valueOf(100)), 2);
            expectedValue = scale(f.baselineValue().add(target.value().subtract(f.baselineValue()).multiply(fr)), 6);
            if (reached || progress.compareTo(expectedProgress) >= 0) {
                status = Status.GREEN;
            } else if (expectedProgress.subtract(progress).compareTo(f.tolerancePoints()) < 0) {
                status = Status.AMBER;
            } else {
                status = Status.RED;
            }
        }
        return new Result(last.period(), actual, target.period(), target.value(), progress, expectedValue,
                expectedProgress, status, forecast, forecastMeets, perTarget, points.size(), valuesUsed, approved,
                missingPeriods, missing, asOf);
    }

    /** (actual − baseline) / (target − baseline) in points; direction-aware when target equals baseline. */
    static BigDecimal progress(Facts f, BigDecimal actual, BigDecimal target) {
        if (f.baselineValue() == null) {
            return null;
        }
        BigDecimal span = target.subtract(f.baselineValue());
        if (span.signum() == 0) {
            return reached(f.direction(), actual, target) ? BigDecimal.valueOf(100) : BigDecimal.ZERO;
        }
        return scale(actual.subtract(f.baselineValue()).multiply(BigDecimal.valueOf(100))
                .divide(span, MathContext.DECIMAL64), 2);
    }

    static boolean reached(Direction direction, BigDecimal value, BigDecimal target) {
        return direction == Direction.LOWER_IS_BETTER ? value.compareTo(target) <= 0 : value.compareTo(target) >= 0;
    }

    /** Least-squares line through the last {@link #TREND_POINTS} values, read at {@code at}; null below 2 values. */
    static BigDecimal forecast(List<Point> points, LocalDate at) {
        List<Point> last = points.subList(Math.max(0, points.size() - TREND_POINTS), points.size());
        if (last.size() < 2) {
            return null;
        }
        double n = last.size();
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double sxy = 0;
        for (Point p : last) {
            double x = p.end().toEpochDay();
            double y = p.value().doubleValue();
            sx += x;
            sy += y;
            sxx += x * x;
            sxy += x * y;
        }
        double den = n * sxx - sx * sx;
        if (den == 0) {
            return null;
        }
        double slope = (n * sxy - sx * sy) / den;
        double intercept = (sy - slope * sx) / n;
        return scale(BigDecimal.valueOf(intercept + slope * at.toEpochDay()), 4);
    }

    /**
     * Counts the due periods (ended more than the grace days ago) from the one after the baseline (or the first value)
     * to the last due one that have no value, naming the latest {@link #MAX_MISSING_NAMED}.
     */
    static int missingPeriods(Facts f, List<Point> points, LocalDate today, List<String> missing) {
        Period from;
        if (f.baselinePeriod() != null) {
            from = Period.parse(f.baselinePeriod()).next();
        } else if (!points.isEmpty()) {
            from = Period.parse(points.get(0).period());
        } else {
            return 0;
        }
        java.util.Set<String> have = new java.util.HashSet<>();
        points.forEach(p -> have.add(p.period()));
        java.util.ArrayDeque<String> named = new java.util.ArrayDeque<>();
        int count = 0;
        Period p = from;
        for (int guard = 0; guard < 2000 && p.end().plusDays(f.graceDays()).isBefore(today); guard++, p = p.next()) {
            if (!have.contains(p.toString())) {
                count++;
                named.addLast(p.toString());
                if (named.size() > MAX_MISSING_NAMED) {
                    named.removeFirst();
                }
            }
        }
        if (count > 0) {
            missing.add("periods: " + String.join(", ", named) + (count > named.size()
                    ? " and " + (count - named.size()) + " earlier" : ""));
        }
        return count;
    }

    static BigDecimal scale(BigDecimal v, int scale) {
        BigDecimal s = v.setScale(scale, RoundingMode.HALF_UP).stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }
}
