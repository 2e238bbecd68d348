package vn.nq57.platform.period;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import vn.nq57.platform.error.ApiException;

/**
 * A reporting period, typed by its form: {@code 2026} (a year), {@code 2026Q1} (a quarter), {@code 2026-03} (a
 * month). Its {@link #end()} orders periods of any type on one time line.
 */
public record Period(Frequency type, int year, int part) implements Comparable<Period> {

    public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    public static final int MIN_YEAR = 2000;
    public static final int MAX_YEAR = 2100;


    /** Reads a period, or explains why it is not one. */
    public static Period parse(String text) throws IllegalArgumentException {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a period is required (YYYY, YYYYQn or YYYY-MM)");
        }
        String s = text.trim().toUpperCase(java.util.Locale.ROOT);
        Period p = read(s);
        if (p == null) {
            throw new IllegalArgumentException("'" + text + "' is not a period: use YYYY (2026), YYYYQn (2026Q1) "
                    + "or YYYY-MM (2026-03)");
        }
        if (p.year < MIN_YEAR || p.year > MAX_YEAR) {
            throw new IllegalArgumentException("'" + text + "' is outside " + MIN_YEAR + ".." + MAX_YEAR);
        }
        return p;
    }

    /**
     * {@code 2026}, {@code 2026Q1} or {@code 2026-03} (ASCII digits, month 01–12, quarter 1–4) read by hand, without
     * patterns (a batch reads up to 10,000 periods); null for anything else.
     */
    private static Period read(String s) {
        int n = s.length();
        if (n != 4 && n != 6 && n != 7) {
            return null;
        }
        int year = 0;
        for (int i = 0; i < 4; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return null;
            }
            year = year * 10 + (c - '0');
        }
        if (n == 4) {
            return new Period(Frequency.ANNUAL, year, 0);
        }
        if (n == 6) {
            char q = s.charAt(5);
            return s.charAt(4) == 'Q' && q >= '1' && q <= '4' ? new Period(Frequency.QUARTERLY, year, q - '0') : null;
        }
        char a = s.charAt(5);
        char b = s.charAt(6);
        if (s.charAt(4) != '-' || a < '0' || a > '1' || b < '0' || b > '9') {
            return null;
        }
        int month = (a - '0') * 10 + (b - '0');
        return month >= 1 && month <= 12 ? new Period(Frequency.MONTHLY, year, month) : null;
    }

    /**
     * Reads a period of the given frequency that has already begun (a value cannot be reported ahead) and lies in the
     * plan's horizon ({@link PlanHorizon}).
     */
    public static Period reported(String text, Frequency frequency, LocalDate today) throws IllegalArgumentException {
        Period p = parse(text);
        if (p.type != frequency) {
            throw new IllegalArgumentException("period " + p + " is " + p.type.name().toLowerCase()
                    + " but the indicator is reported " + frequency + ": use " + frequency.format());
        }
        if (p.start().isAfter(today)) {
            throw new IllegalArgumentException("period " + p + " lies in the future (it starts on " + p.start() + ")");
        }
        String outside = PlanHorizon.outside(p);
        if (outside != null) {
            throw new IllegalArgumentException(outside);
        }
        return p;
    }

    /** As {@link #parse} but a bad period is a 400 problem naming {@code field}. */
    public static Period param(String field, String text) {
        try {
            return parse(text);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(field, e.getMessage());
        }
    }

    /** Today in Viet Nam by the given clock (the services' injected {@link Clocks clock}). */
    public static LocalDate today(java.time.Clock clock) {
        return LocalDate.now(clock.withZone(VIETNAM));
    }

    public LocalDate start() {
        return switch (type) {
            case ANNUAL -> LocalDate.of(year, 1, 1);
            case QUARTERLY -> LocalDate.of(year, (part - 1) * 3 + 1, 1);
            case MONTHLY -> LocalDate.of(year, part, 1);
        };
    }

    public LocalDate end() {
        return switch (type) {
            case ANNUAL -> LocalDate.of(year, 12, 31);
            case QUARTERLY -> YearMonth.of(year, part * 3).atEndOfMonth();
            case MONTHLY -> YearMonth.of(year, part).atEndOfMonth();
        };
    }

    /** The period of the same type that follows this one. */
    public Period next() {
        return switch (type) {
            case ANNUAL -> new Period(type, year + 1, 0);
            case QUARTERLY -> part == 4 ? new Period(type, year + 1, 1) : new Period(type, year, part + 1);
            case MONTHLY -> part == 12 ? new Period(type, year + 1, 1) : new Period(type, year, part + 1);
        };
    }

    /** The period of the same type that comes before this one. */
    public Period previous() {
        return switch (type) {
            case ANNUAL -> new Period(type, year - 1, 0);
            case QUARTERLY -> part == 1 ? new Period(type, year - 1, 4) : new Period(type, year, part - 1);
            case MONTHLY -> part == 1 ? new Period(type, year - 1, 12) : new Period(type, year, part - 1);
        };
    }

    /** The period of the given type that contains {@code date}. */
    public static Period containing(Frequency type, LocalDate date) {
        return switch (type) {
            case ANNUAL -> new Period(type, date.getYear(), 0);
            case QUARTERLY -> new Period(type, date.getYear(), (date.getMonthValue() - 1) / 3 + 1);
            case MONTHLY -> new Period(type, date.getYear(), date.getMonthValue());
        };
    }

    @Override
    public int compareTo(Period o) {
        return end().compareTo(o.end());
    }

    @Override
    public String toString() {
        if (year < MIN_YEAR || year > MAX_YEAR) {
            return format();
        }
        int index = (year - MIN_YEAR) * 17 + switch (type) {
            case ANNUAL -> 0;
            case QUARTERLY -> part;
            case MONTHLY -> 4 + part;
        };
        String text = TEXTS[index];
        if (text == null) {
            text = format();
            TEXTS[index] = text; // a benign race: every thread writes the same text
        }
        return text;
    }

    /** The text of each period of the supported years, made once (periods are printed for every row of a batch). */
    private static final String[] TEXTS = new String[(MAX_YEAR - MIN_YEAR + 1) * 17];

    private String format() {
        return switch (type) {
            case ANNUAL -> Integer.toString(year);
            case QUARTERLY -> year + "Q" + part;
            case MONTHLY -> (part < 10 ? year + "-0" : year + "-") + part;
        };
    }
}
