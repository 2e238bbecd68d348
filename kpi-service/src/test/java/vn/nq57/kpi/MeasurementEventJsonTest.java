package vn.nq57.kpi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
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
import vn.nq57.kpi.measurement.MeasurementViews.RowResult;
import vn.nq57.kpi.measurement.MeasurementViews.RowStatus;
import vn.nq57.platform.error.Problem;

/** The hand-written serialisations (event data, summary rows) write what the records' default ones write. */
@QuarkusTest
class MeasurementEventJsonTest {

    @Inject
    ObjectMapper mapper;

    /** The service's mapper as configured, with the @JsonSerialize annotations ignored: the records' default form. */
    private ObjectMapper withoutCustomSerializers() {
        ObjectMapper reference = mapper.copy();
        reference.setAnnotationIntrospector(new JacksonAnnotationIntrospector() {
            @Override
            public Object findSerializer(Annotated a) {
                return null;
            }
        });
        return reference;
    }

    @Test
    void summaryRowsAreWrittenExactlyAsTheDefaultSerialisationWritesThem() throws Exception {
        ObjectMapper reference = withoutCustomSerializers();
        List<RowResult> rows = List.of(
                new RowResult(1, RowStatus.IMPORTED, "H4-DL-01", "2026-03", "BKHCN", UUID.randomUUID(), 0L, List.of()),
                new RowResult(2, RowStatus.REJECTED, "H4-DL-01", "2031", "", null, null,
                        List.of(new Problem.Violation("period", "period 2031 lies in the future"),
                                new Problem.Violation("agency", "cơ quan \"X\" không tồn tại"))),
                new RowResult(0, null, null, null, null, null, null, null));
        for (RowResult r : rows) {
            assertEquals(reference.writeValueAsString(r), mapper.writeValueAsString(r));
        }
        assertEquals(reference.writeValueAsString(rows), mapper.writeValueAsString(rows));
    }

    @Test
    void eventDataIsWrittenExactlyAsTheDefaultSerialisationWritesIt() throws Exception {
        ObjectMapper reference = withoutCustomSerializers();
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
