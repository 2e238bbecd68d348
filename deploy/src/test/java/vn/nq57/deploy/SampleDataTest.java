package vn.nq57.deploy;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The sample is pure data: these checks need no running suite. */
class SampleDataTest {

    @Test
    void everySystemHasInitiativesWithUniqueCodesAndOutputs() {
        List<SampleData.Initiative> all = SampleData.initiatives();
        assertEquals(Set.of("H1", "H2", "H3", "H4", "H5", "H6"),
                all.stream().map(SampleData.Initiative::system).collect(Collectors.toSet()));
        assertEquals(all.size(), new HashSet<>(all.stream().map(SampleData.Initiative::code).toList()).size());
        for (SampleData.Initiative i : all) {
            assertTrue(i.code().startsWith(i.system() + "-"), i.code());
            assertFalse(SampleData.outputs(i).isEmpty());
            assertFalse(i.criteria().isEmpty());
            assertTrue(i.deadline().getYear() >= 2025 && i.deadline().getYear() <= 2045);
        }
    }

    @Test
    void systemSixHoldsTheSpecialNationalProjectsTheResolutionNames() {
        List<String> special = SampleData.initiatives().stream().filter(i -> i.system().equals("H6"))
                .map(SampleData.Initiative::titleVi).toList();
        for (String project : List.of("trí tuệ nhân tạo quốc gia", "Công nghệ gen", "Đường sắt tốc độ cao")) {
            assertTrue(special.stream().anyMatch(t -> t.contains(project)), project + " in " + special);
        }
    }

    @Test
    void quartersAndPaymentsNeverLieInTheFuture() {
        LocalDate today = LocalDate.of(2026, 11, 27);
        assertEquals(List.of("2025Q1", "2025Q2", "2025Q3", "2025Q4", "2026Q1", "2026Q2", "2026Q3"),
                SampleData.endedQuarters(today));
        for (int year : List.of(2025, 2026)) {
            long paid = 0;
            for (SampleData.Payment p : SampleData.payments(year, 100 * SampleData.BILLION, today)) {
                assertFalse(p.date().isAfter(today));
                assertEquals(year, p.date().getYear());
                paid += p.amount();
            }
            assertTrue(paid <= 100 * SampleData.BILLION, "never more than the allocation");
        }
        assertEquals(1, SampleData.payments(2026, SampleData.BILLION, LocalDate.of(2026, 4, 1)).size());
    }

    @Test
    void operationalValuesStayWithinZeroAndHundredPercent() {
        for (SampleData.Initiative i : SampleData.initiatives()) {
            for (int k = 0; k < 24; k++) {
                double v = SampleData.operationalValue(i, k);
                assertTrue(v > 10 && v <= 100, i.code() + " " + v);
            }
        }
    }

    @Test
    void anIndicatorViewBecomesAPutBodyWithoutServerOwnedFields() throws Exception {
        var view = new vn.nq57.client.kpi.model.IndicatorView().id(java.util.UUID.randomUUID()).code("R57-RD-GDP")
                .version(3L).createdAt(java.time.OffsetDateTime.now()).updatedAt(java.time.OffsetDateTime.now())
                .originInstance("central").origin("central").ownerAgency("BKHCN")
                .unit(vn.nq57.client.kpi.model.Unit.PERCENT).nameVi("Chi cho nghiên cứu và phát triển so với GDP")
                .tier(vn.nq57.client.kpi.model.Tier.STRATEGIC).aggregation(vn.nq57.client.kpi.model.Aggregation.LATEST)
                .direction(vn.nq57.client.kpi.model.Direction.HIGHER_IS_BETTER)
                .frequency(vn.nq57.client.kpi.model.Frequency.ANNUAL)
                .targets(List.of(new vn.nq57.client.kpi.model.TargetView().period("2030")
                        .value(new java.math.BigDecimal("2"))));
        var put = KpiPart.indicatorRequest(view);
        var json = KpiPart.JSON.readTree(KpiPart.JSON.writeValueAsString(put));
        assertEquals(Set.of("code", "ownerAgency", "unit", "nameVi", "tier", "aggregation", "direction", "frequency",
                "targets", "reportingAgencies"), iterable(json.fieldNames()));
        assertEquals("ANNUAL", json.path("frequency").asText());
        assertEquals("Chi cho nghiên cứu và phát triển so với GDP", put.getNameVi());
        assertEquals("2030", put.getTargets().get(0).getPeriod());
        assertEquals(0, new java.math.BigDecimal("2").compareTo(put.getTargets().get(0).getValue()));
    }

    private static Set<String> iterable(java.util.Iterator<String> it) {
        Set<String> s = new HashSet<>();
        it.forEachRemaining(s::add);
        return s;
    }
}
