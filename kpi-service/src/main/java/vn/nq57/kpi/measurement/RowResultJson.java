package vn.nq57.kpi.measurement;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import vn.nq57.kpi.measurement.MeasurementViews.RowResult;
import vn.nq57.platform.error.Problem;

/**
 * Writes one row of an import summary field by field, exactly as the record's default serialisation with
 * {@code NON_EMPTY} does (same fields and order; null, empty texts and no reasons left out), without reflection: an
 * answer to a batch holds up to 10,000 of them, written once into the stored idempotent answer (a test compares both).
 */
final class RowResultJson extends StdSerializer<RowResult> {

    RowResultJson() {
        super(RowResult.class);
    }

    @Override
    public void serialize(RowResult r, JsonGenerator g, SerializerProvider provider) throws IOException {
        g.writeStartObject();
        g.writeNumberField("row", r.row());
        text(g, "status", r.status() == null ? null : r.status().name());
        text(g, "indicator", r.indicator());
        text(g, "period", r.period());
        text(g, "agency", r.agency());
        text(g, "measurementId", r.measurementId() == null ? null : r.measurementId().toString());
        if (r.version() != null) {
            g.writeNumberField("version", r.version());
        }
        if (r.reasons() != null && !r.reasons().isEmpty()) {
            g.writeArrayFieldStart("reasons");
            for (Problem.Violation v : r.reasons()) {
                provider.defaultSerializeValue(v, g);
            }
            g.writeEndArray();
        }
        g.writeEndObject();
    }

    private static void text(JsonGenerator g, String name, String value) throws IOException {
        if (value != null && !value.isEmpty()) {
            g.writeStringField(name, value);
        }
    }
}
