package vn.nq57.kpi.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import vn.nq57.kpi.evaluation.EvaluationViews.RollUp;
import vn.nq57.kpi.evaluation.Evaluator.Status;
import vn.nq57.kpi.evaluation.Tally.Line;

/** The roll-up rule of the scorecards, without a database. */
class TallyTest {

    private static final OffsetDateTime T = OffsetDateTime.of(2026, 3, 31, 10, 0, 0, 0, ZoneOffset.UTC);

    private static Line line(String code, Status status, String progress, int values) {
        return new Line(code, status, progress == null ? null : new BigDecimal(progress), values, T, null);
    }

    private static List<Line> lines(int green, int amber, int red, int grey) {
        List<Line> lines = new ArrayList<>();
        IntStream.range(0, green).forEach(k -> lines.add(line("G" + k, Status.GREEN, "100", 1)));
        IntStream.range(0, amber).forEach(k -> lines.add(line("A" + k, Status.AMBER, "60", 1)));
        IntStream.range(0, red).forEach(k -> lines.add(line("R" + k, Status.RED, "10", 1)));
        IntStream.range(0, grey).forEach(k -> lines.add(line("N" + k, Status.GREY, null, 0)));
        return lines;
    }

    @Test
    void greenFromEightyPercentWithAmberCountingHalfAndGreyNotCounted() {
        assertEquals(Status.GREEN, Tally.of(lines(8, 0, 2, 5)).rollUp().status());
        assertEquals(Status.GREEN, Tally.of(lines(6, 4, 0, 0)).rollUp().status(), "(6 + 2) / 10 = 0.8");
        assertEquals(Status.AMBER, Tally.of(lines(7, 1, 2, 0)).rollUp().status(), "(7 + 0.5) / 10 = 0.75");
        assertEquals(Status.AMBER, Tally.of(lines(5, 0, 5, 0)).rollUp().status(), "0.5");
        assertEquals(Status.RED, Tally.of(lines(4, 1, 5, 0)).rollUp().status(), "0.45");
        assertEquals(Status.GREY, Tally.of(lines(0, 0, 0, 3)).rollUp().status(), "nothing evaluated");
        assertEquals(Status.GREY, new Tally().rollUp().status());
    }

    @Test
    void averageProgressCapsEachIndicatorAtOneHundredAndLeavesOutThoseWithout() {
        RollUp r = Tally.of(List.of(line("A", Status.GREEN, "250", 2), line("B", Status.RED, "50", 1),
                line("C", Status.GREY, null, 0))).rollUp();
        assertEquals(0, new BigDecimal("75").compareTo(r.averageProgress()), "(100 + 50) / 2: " + r.averageProgress());
        assertEquals(3, r.valuesUsed());
        assertEquals(1, r.withoutData());
        assertEquals(List.of("C"), r.withoutDataCodes());
        assertNull(Tally.of(lines(0, 0, 0, 2)).rollUp().averageProgress());
    }

    @Test
    void mergingTalliesEqualsCountingAllTheLinesTogether() {
        List<Line> a = lines(3, 1, 0, 2);
        List<Line> b = List.of(line("X", Status.RED, "33.333", 4), line("Y", Status.AMBER, "70", 1));
        List<Line> all = new ArrayList<>(a);
        all.addAll(b);
        Tally merged = Tally.of(a);
        merged.merge(Tally.of(b));
        assertEquals(Tally.of(all).rollUp(), merged.rollUp());
    }

    @Test
    void atMostTwentyIndicatorsWithoutDataAreNamedInCodeOrderButAllAreCounted() {
        List<Line> many = new ArrayList<>();
        for (int k = 30; k > 0; k--) {
            many.add(line(String.format("K%02d", k), Status.GREY, null, 0));
        }
        RollUp r = Tally.of(many).rollUp();
        assertEquals(30, r.withoutData());
        assertEquals(Tally.NAMED, r.withoutDataCodes().size());
        assertEquals("K11", r.withoutDataCodes().get(0), "the first twenty met (K30..K11), sorted");
        assertEquals("K30", r.withoutDataCodes().get(19));
    }
}
