package vn.nq57.kpi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.nq57.kpi.measurement.MeasurementStatus;
import vn.nq57.kpi.measurement.MeasurementViews.MeasurementEventData;

/** The hand-written serialisation of measurement event data writes what the record's default one writes. */
@QuarkusTest
class MeasurementEventJsonTest {

    @Inject
    ObjectMapper mapper;

    @Test
    void eventDataIsWrittenExactlyAsTheDefaultSerialisationWritesIt() throws Exception {
        // the service's mapper as configured, with the @JsonSerialize annotation ignored: the record's default form
        ObjectMapper reference = mapper.copy().configure(MapperFeature.USE_ANNOTATIONS, false);
        OffsetDateTime now = OffsetDateTime.of(2026, 11, 27, 20, 5, 9, 702_423_199, ZoneOffset.UTC);
        List<MeasurementEventData> cases = List.of(
                new MeasurementEventData(UUID.randomUUID(), UUID.randomUUID(), "H4-DL-01", "2026-03", "BKHCN",
                        new BigDecimal("60"), MeasurementStatus.SUBMITTED, null, "submitter.bkhcn", now, "central", 0,
                        "Số liệu quý I — đã rà soát", null, null, "submitter.bkhcn", now, now, null, null, null),
                new MeasurementEventData(UUID.randomUUID(), UUID.randomUUID(), "H1-X", "2025", "BYT",
                        new BigDecimal("1234567.250000"), MeasurementStatus.APPROVED, "Đạt", "admin.byt",
                        now.plusSeconds(1).withNano(0), "byt", 7, null, "https://minh-chung.gov.vn/a?b=c&d=\"e\"",
                        "Thiếu minh chứng", "submitter.byt", now.minusDays(2),
                        OffsetDateTime.of(2026, 1, 2, 10, 0, 0, 120_000_000, ZoneOffset.ofHours(7)), "admin.byt",
                        now.plusSeconds(1).withNano(0), "byt"),
                new MeasurementEventData(null, null, null, null, null, null, null, null, null, null, null, -1,
                        null, null, null, null, null, null, null, null, null));
        for (MeasurementEventData d : cases) {
            assertEquals(reference.writeValueAsString(d), mapper.writeValueAsString(d));
        }
        // a list in one go (the batch event), where the same instant repeats
        assertEquals(reference.writeValueAsString(List.of(cases.get(0), cases.get(0), cases.get(1))),
                mapper.writeValueAsString(List.of(cases.get(0), cases.get(0), cases.get(1))));
    }
}
