package vn.nq57.portal.web;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/**
 * A small trend drawn on the server as an SVG polyline (no script, nothing to load): the points of a series scaled
 * into a {@value #WIDTH}×{@value #HEIGHT} box. Decorative: the numbers next to it say the same in words.
 */
public record Sparkline(String points, String lastX, String lastY) {

    public static final int WIDTH = 80;
    public static final int HEIGHT = 24;

    public static Sparkline of(List<BigDecimal> values) {
        if (values.size() < 2) {
            return null;
        }
        double min = values.stream().mapToDouble(BigDecimal::doubleValue).min().orElse(0);
        double max = values.stream().mapToDouble(BigDecimal::doubleValue).max().orElse(0);
        double span = max - min == 0 ? 1 : max - min;
        StringBuilder sb = new StringBuilder();
        double x = 0;
        double y = 0;
        for (int i = 0; i < values.size(); i++) {
            x = 2 + (WIDTH - 4) * i / (double) (values.size() - 1);
            y = HEIGHT - 2 - (HEIGHT - 4) * (values.get(i).doubleValue() - min) / span;
            sb.append(i == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.1f,%.1f", x, y));
        }
        return new Sparkline(sb.toString(), String.format(Locale.ROOT, "%.1f", x), String.format(Locale.ROOT, "%.1f", y));
    }
}
