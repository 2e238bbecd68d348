package vn.nq57.kpi.measurement;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import vn.nq57.kpi.measurement.MeasurementViews.MeasurementEventData;

/**
 * Writes a measurement's event data field by field, exactly as the record's default serialisation does (same fields,
 * same order, nulls left out, times in ISO-8601 with their offset), but without reflection and formatting each distinct time once
 * per thread: the events of a batch carry one entry per value, and the times of a batch's new values are all the same
 * instant. This was half of the service's CPU in a batch of 10,000 (a test compares both serialisations).
 */
final class MeasurementEventJson extends StdSerializer<MeasurementEventData> {

    /** The last time written on this thread and its text. */
    private static final ThreadLocal<Object[]> LAST_TIME = ThreadLocal.withInitial(() -> new Object[2]);

    MeasurementEventJson() {
        super(MeasurementEventData.class);
    }

    @Override
    public void serialize(MeasurementEventData d, JsonGenerator g, SerializerProvider provider) throws IOException {
        g.writeStartObject();
        uuid(g, "id", d.id());
        uuid(g, "indicatorId", d.indicatorId());
        text(g, "indicatorCode", d.indicatorCode());
        text(g, "period", d.period());
        text(g, "agency", d.agency());
        if (d.value() != null) {
            g.writeFieldName("value");
            g.writeNumber((BigDecimal) d.value());
        }
        text(g, "status", d.status() == null ? null : d.status().name());
        text(g, "reason", d.reason());
        text(g, "actor", d.actor());
        time(g, "at", d.at());
        text(g, "originInstance", d.originInstance());
        g.writeNumberField("version", d.version());
        text(g, "note", d.note());
        text(g, "evidenceLink", d.evidenceLink());
        text(g, "returnReason", d.returnReason());
        text(g, "submittedBy", d.submittedBy());
        time(g, "submittedAt", d.submittedAt());
        time(g, "firstSubmittedAt", d.firstSubmittedAt());
        text(g, "decidedBy", d.decidedBy());
        time(g, "decidedAt", d.decidedAt());
        text(g, "origin", d.origin());
        g.writeEndObject();
    }

    private static void text(JsonGenerator g, String name, String value) throws IOException {
        if (value != null) {
            g.writeStringField(name, value);
        }
    }

    private static void uuid(JsonGenerator g, String name, UUID value) throws IOException {
        if (value != null) {
            g.writeStringField(name, value.toString());
        }
    }

    private static void time(JsonGenerator g, String name, OffsetDateTime value) throws IOException {
        if (value != null) {
            Object[] last = LAST_TIME.get();
            if (!value.equals(last[0])) {
                last[0] = value;
                last[1] = DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(value);
            }
            g.writeStringField(name, (String) last[1]);
        }
    }
}
