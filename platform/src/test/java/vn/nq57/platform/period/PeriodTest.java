package vn.nq57.platform.period;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Reading and printing periods (the batch path reads them by hand and prints them from a table). */
class PeriodTest {

    @Test
    void everyPeriodOfTheSupportedYearsReadsAndPrintsItself() {
        for (int year = Period.MIN_YEAR; year <= Period.MAX_YEAR; year++) {
            check(String.valueOf(year), Frequency.ANNUAL, year, 0);
            for (int q = 1; q <= 4; q++) {
                check(year + "Q" + q, Frequency.QUARTERLY, year, q);
            }
            for (int m = 1; m <= 12; m++) {
                check(String.format("%d-%02d", year, m), Frequency.MONTHLY, year, m);
            }
        }
    }

    private static void check(String text, Frequency type, int year, int part) {
        Period p = Period.parse(text);
        assertEquals(new Period(type, year, part), p, text);
        assertEquals(text, p.toString());
        assertEquals(text, p.toString(), "printed again from the table");
    }

    @Test
    void lowerCaseAndSurroundingSpacesAreAccepted() {
        assertEquals(new Period(Frequency.QUARTERLY, 2026, 1), Period.parse(" 2026q1 "));
        assertEquals(new Period(Frequency.MONTHLY, 2026, 3), Period.parse("2026-03\t"));
    }

    @Test
    void anythingElseIsRefusedWithTheFormsToUse() {
        for (String bad : new String[] {"2026-13", "2026-00", "2026-1", "2026Q0", "2026Q5", "20a6", "2026-3a",
                "2026/03", "26", "2026Q", "2026-", "202603", "12026", "2026 Q1", "２０２６", "٢٠٢٦-03"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Period.parse(bad), bad);
            assertTrue(e.getMessage().contains("is not a period"), bad + ": " + e.getMessage());
        }
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Period.parse("1999")).getMessage()
                .contains("is outside 2000..2100"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Period.parse("2101-01")).getMessage()
                .contains("is outside 2000..2100"));
    }

    @Test
    void aPeriodOutsideTheTableStillPrints() {
        assertEquals("1999Q4", new Period(Frequency.QUARTERLY, 1999, 4).toString());
        assertEquals("2101-02", new Period(Frequency.MONTHLY, 2101, 2).toString());
    }

    @Test
    void previousAndNextWalkAcrossYearEnds() {
        assertEquals(Period.parse("2025Q4"), Period.parse("2026Q1").previous());
        assertEquals(Period.parse("2025-12"), Period.parse("2026-01").previous());
        assertEquals(Period.parse("2025"), Period.parse("2026").previous());
        for (String p : new String[] {"2026Q3", "2026-07", "2030", "2026Q1", "2026-01"}) {
            assertEquals(Period.parse(p), Period.parse(p).previous().next());
        }
    }
}
