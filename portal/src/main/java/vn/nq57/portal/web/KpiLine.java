package vn.nq57.portal.web;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import vn.nq57.portal.api.Views.IndicatorEvaluation;
import vn.nq57.portal.api.Views.SeriesPoint;
import vn.nq57.portal.api.Views.TargetProgress;

/**
 * An indicator as a line of the overview or a System: its value in the chosen period (the latest by default), the
 * value of the period before and whether that is an improvement (direction-aware), the target of the chosen horizon
 * and a small trend.
 *
 * @param trend IMPROVED, DECLINED, UNCHANGED or NONE (fewer than two values)
 */
public record KpiLine(String code, String name, String unit, String direction, String status, String period,
                      BigDecimal value, String previousPeriod, BigDecimal previous, String trend,
                      String targetPeriod, BigDecimal target, BigDecimal target2045, BigDecimal progress,
                      BigDecimal forecast, Boolean forecastMeetsTarget, Sparkline sparkline) {

    /**
     * @param period  the period to show ("2025", or null for the latest); the latest value up to it is shown
     * @param horizon the target year to compare with ("2030", "2045", or null for the evaluation's own)
     */
    public static KpiLine of(IndicatorEvaluation e, String period, String horizon) {
        List<SeriesPoint> upTo = e.series() == null ? List.of() : e.series().stream()
                .filter(p -> p.value() != null && (period == null || p.period().compareTo(period) <= 0 || p.period().startsWith(period)))
                .toList();
        SeriesPoint last = upTo.isEmpty() ? null : upTo.get(upTo.size() - 1);
        SeriesPoint before = upTo.size() < 2 ? null : upTo.get(upTo.size() - 2);
        String trend = "NONE";
        if (last != null && before != null) {
            int c = last.value().compareTo(before.value());
            boolean lowerBetter = "LOWER_IS_BETTER".equals(e.direction());
            trend = c == 0 ? "UNCHANGED" : (c > 0) != lowerBetter ? "IMPROVED" : "DECLINED";
        }
        TargetProgress chosen = null;
        BigDecimal t2045 = null;
        for (TargetProgress t : e.targets() == null ? List.<TargetProgress>of() : e.targets()) {
            if (t.period().equals(horizon)) {
                chosen = t;
            }
            if (t.period().equals("2045")) {
                t2045 = t.target();
            }
        }
        String targetPeriod = chosen != null ? chosen.period() : e.targetPeriod();
        BigDecimal target = chosen != null ? chosen.target() : e.targetValue();
        BigDecimal progress = chosen != null ? chosen.progress() : e.progress();
        boolean latest = period == null || (last != null && last.period().equals(e.latestPeriod()));
        return new KpiLine(e.code(), e.nameVi(), e.unit(), e.direction(), latest ? e.status() : null,
                last == null ? null : last.period(), last == null ? null : last.value(),
                before == null ? null : before.period(), before == null ? null : before.value(), trend,
                targetPeriod, target, t2045, latest ? progress : null, e.forecast(), e.forecastMeetsTarget(),
                Sparkline.of(upTo.stream().map(SeriesPoint::value).toList()));
    }

    public String trendClass() {
        return trend.toLowerCase(Locale.ROOT);
    }
}
