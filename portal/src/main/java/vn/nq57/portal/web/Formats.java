package vn.nq57.portal.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Numbers, money and dates in the request's language: Vietnamese 1.234,5 and 31/12/2030; English 1,234.5 and
 * 31/12/2030 too (the plan's documents use day/month/year). Times are shown in Viet Nam's time zone. Templates read it
 * as {@code inject:fmt}.
 */
@Named("fmt")
@RequestScoped
public class Formats {

    public static final ZoneId VIET_NAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final BigDecimal BILLION = BigDecimal.valueOf(1_000_000_000L);

    @Inject
    Lang lang;

    /** Today in Viet Nam, whatever the host's zone: the one way the portal reads the date. */
    public static LocalDate today() {
        return LocalDate.now(VIET_NAM);
    }

    /** A number with at most {@code digits} decimals; "–" for none. */
    public String num(Object value, int digits) {
        if (value == null) {
            return "–";
        }
        NumberFormat f = NumberFormat.getNumberInstance(lang.locale());
        f.setMaximumFractionDigits(digits);
        f.setMinimumFractionDigits(0);
        f.setRoundingMode(RoundingMode.HALF_UP);
        return f.format(value instanceof BigDecimal b ? b : new BigDecimal(value.toString()));
    }

    public String num(Object value) {
        return num(value, 2);
    }

    /** Percentage points: "57,8 %" (a space before the sign, as Vietnamese and SI write it). */
    /** A change with its sign: "+1,5", "−0,25", "0". */
    public String signed(BigDecimal change) {
        if (change == null) {
            return "–";
        }
        String n = num(change.abs(), 6);
        return change.signum() > 0 ? "+" + n : change.signum() < 0 ? "\u2212" + n : n;
    }

    public String pct(Object value) {
        return value == null ? "–" : num(value, 2) + " %";
    }

    /** Whole VND as billions: "1.234,5 tỷ đồng" / "VND 1,234.5 bn". */
    public String money(long vnd) {
        String n = num(BigDecimal.valueOf(vnd).divide(BILLION, 1, RoundingMode.HALF_UP), 1);
        return lang.en() ? "VND " + n + " bn" : n + " tỷ đồng";
    }

    public String date(LocalDate d) {
        return d == null ? "–" : DATE.format(d);
    }

    public String dateTime(OffsetDateTime t) {
        return t == null ? "–" : DATE_TIME.format(t.atZoneSameInstant(VIET_NAM));
    }

    public String time(OffsetDateTime t) {
        return t == null ? "–" : TIME.format(t.atZoneSameInstant(VIET_NAM));
    }

    /** A value in an indicator's unit: "57,8 %", "12,4 / 10.000 dân", "3.000 tỷ đồng", "hạng 3". */
    public String value(Object value, String unit) {
        if (value == null) {
            return "–";
        }
        if (unit == null) {
            return num(value);
        }
        return switch (unit) {
            case "PERCENT" -> pct(value);
            case "VND" -> money(new BigDecimal(value.toString()).longValue());
            case "RANK" -> (lang.en() ? "rank " : "hạng ") + num(value, 0);
            case "PER_10K_PEOPLE" -> num(value) + (lang.en() ? " per 10,000 people" : " / 10.000 dân");
            default -> num(value);
        };
    }
}
