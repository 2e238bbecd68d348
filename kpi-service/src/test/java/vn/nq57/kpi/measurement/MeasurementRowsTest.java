package vn.nq57.kpi.measurement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.nq57.kpi.measurement.MeasurementRows.Checked;
import vn.nq57.kpi.measurement.MeasurementRows.Existing;
import vn.nq57.kpi.measurement.MeasurementRows.IndicatorRef;
import vn.nq57.kpi.measurement.MeasurementRows.Kind;
import vn.nq57.kpi.measurement.MeasurementViews.Row;
import vn.nq57.kpi.measurement.MeasurementViews.RowStatus;
import vn.nq57.platform.period.Frequency;
import vn.nq57.platform.upload.ImportMode;

/** The rules of recording values, without a database: checks, classification against the current value, summary. */
class MeasurementRowsTest {

    static final IndicatorRef GDP = new IndicatorRef(UUID.randomUUID(), "R57-RD-GDP", Frequency.ANNUAL);
    static final LocalDate TODAY = LocalDate.of(2026, 12, 4);

    /** BKHCN's submitter: BKHCN and BKHCN-CDMST are in scope, BYT exists outside it, HCM's values are written by 'hcm'. */
    static MeasurementRows.Context context() {
        return new MeasurementRows.Context(Map.of(GDP.code(), GDP, GDP.id().toString().toUpperCase(), GDP),
                Set.of("BKHCN", "BKHCN-CDMST", "BYT", "HCM"), Set.of("BKHCN", "BKHCN-CDMST", "HCM"),
                "you act for BKHCN", agency -> agency.equals("HCM") ? Optional.of("hcm") : Optional.empty(),
                (agency, owner) -> agency + " is written at " + owner, TODAY);
    }

    static Row row(int n, String indicator, String period, String agency, String value, String status) {
        return new Row(n, indicator, period, agency, value, null, null, status);
    }

    static Checked one(Row row) {
        return MeasurementRows.check(List.of(row), context()).get(0);
    }

    @Test
    void aValueIsADecimalWithAtMost18DigitsBeforeAnd6AfterThePointSpacesIgnored() {
        assertEquals(new BigDecimal("1234.5"), one(row(1, "r57-rd-gdp", "2025", "bkhcn", " 1 234.5 ", null)).value);
        Checked text = one(row(1, GDP.code(), "2025", "BKHCN", "12,5", null));
        assertEquals("value", text.reasons.get(0).field());
        assertTrue(text.reasons.get(0).message().contains("not a number"));
        assertTrue(one(row(1, GDP.code(), "2025", "BKHCN", "0.1234567", null)).rejected());
        assertTrue(one(row(1, GDP.code(), "2025", "BKHCN", "1234567890123456789", null)).rejected());
        assertTrue(one(row(1, GDP.code(), "2025", "BKHCN", "", null)).reasons.get(0).message().contains("required"));
    }

    @Test
    void aValueIsSentAsDraftOrSubmittedNeverApproved() {
        assertEquals(MeasurementStatus.SUBMITTED, one(row(1, GDP.code(), "2025", "BKHCN", "1", null)).status);
        assertEquals(MeasurementStatus.DRAFT, one(row(1, GDP.code(), "2025", "BKHCN", "1", "draft")).status);
        Checked approved = one(row(1, GDP.code(), "2025", "BKHCN", "1", "APPROVED"));
        assertEquals(Kind.INVALID, approved.kind);
        assertEquals("status", approved.reasons.get(0).field());
    }

    @Test
    void referencesScopeAndTheWritingInstanceDecideTheKindOfRefusal() {
        assertEquals(Kind.UNKNOWN, one(row(1, "NO-SUCH", "2025", "BKHCN", "1", null)).kind);
        assertEquals(Kind.UNKNOWN, one(row(1, GDP.code(), "2025", "NOWHERE", "1", null)).kind);
        Checked outside = one(row(1, GDP.code(), "2025", "BYT", "1", null));
        assertEquals(Kind.FORBIDDEN, outside.kind);
        assertTrue(outside.reasons.get(0).message().contains("you act for BKHCN"));
        Checked elsewhere = one(row(1, GDP.code(), "2025", "HCM", "1", null));
        assertEquals(Kind.REPLICA, elsewhere.kind);
        assertEquals("hcm", elsewhere.owner);
        // a forbidden agency outranks an invalid field: the single submission answers 403
        Checked both = one(row(1, GDP.code(), "2025", "BYT", "x", null));
        assertEquals(Kind.FORBIDDEN, both.kind);
        assertEquals(2, both.reasons.size());
    }

    @Test
    void aPeriodOfTheWrongFrequencyOrInTheFutureIsRefused() {
        assertEquals("period", one(row(1, GDP.code(), "2025Q1", "BKHCN", "1", null)).reasons.get(0).field());
        assertTrue(one(row(1, GDP.code(), "2027", "BKHCN", "1", null)).reasons.get(0).message().contains("future"));
        assertFalse(one(row(1, GDP.code(), "2026", "BKHCN", "1", null)).rejected());
    }

    @Test
    void aBatchGivesOneValuePerIndicatorPeriodAndAgency() {
        List<Checked> rows = MeasurementRows.check(List.of(row(1, GDP.code(), "2025", "BKHCN", "1", null),
                row(2, GDP.id().toString(), "2025", "bkhcn", "2", null),
                row(3, GDP.code(), "2025", "BKHCN-CDMST", "3", null)), context());
        assertFalse(rows.get(0).rejected());
        assertEquals("row 1 already gives a value for R57-RD-GDP 2025 BKHCN", rows.get(1).reasons.get(0).message());
        assertFalse(rows.get(2).rejected());
    }

    static Checked against(Existing existing, String value, String status) {
        Checked c = one(row(1, GDP.code(), "2025", "BKHCN", value, status));
        c.existing = existing;
        MeasurementRows.classify(c);
        return c;
    }

    static Existing current(String value, MeasurementStatus status, String origin) {
        return new Existing(UUID.randomUUID(), new BigDecimal(value), status, null, null, 3, origin, null);
    }

    @Test
    void aRowIsNewUpdatedUnchangedLockedOrAnotherInstancesAgainstTheCurrentValue() {
        Checked fresh = against(null, "1", null);
        assertEquals(RowStatus.IMPORTED, fresh.outcome);
        assertEquals(0, fresh.version);
        Checked updated = against(current("1", MeasurementStatus.SUBMITTED, null), "2", null);
        assertEquals(RowStatus.UPDATED, updated.outcome);
        assertEquals(3, updated.version);
        assertEquals(RowStatus.UNCHANGED, against(current("1.0", MeasurementStatus.SUBMITTED, null), "1", null).outcome);
        // the same figure sent again for an approved value changes nothing; a new figure is locked out
        assertEquals(RowStatus.UNCHANGED, against(current("1", MeasurementStatus.APPROVED, null), "1", null).outcome);
        assertEquals(Kind.LOCKED, against(current("1", MeasurementStatus.APPROVED, null), "2", null).kind);
        Checked replica = against(current("1", MeasurementStatus.SUBMITTED, "bkhcn"), "2", null);
        assertEquals(Kind.REPLICA, replica.kind);
        assertEquals("bkhcn", replica.owner);
    }

    @Test
    void theSummaryIsSuccessWarningOrErrorByModeAndRejections() {
        List<Checked> rows = MeasurementRows.check(List.of(row(1, GDP.code(), "2025", "BKHCN", "1", null),
                row(2, GDP.code(), "2024", "BKHCN", "x", null)), context());
        rows.stream().filter(c -> !c.rejected()).forEach(MeasurementRows::classify);
        UUID batch = UUID.randomUUID();
        MeasurementViews.ImportSummary partial = MeasurementRows.summary(rows, ImportMode.PARTIAL, true, batch);
        assertEquals("WARNING", partial.status());
        assertEquals(1, partial.importCount().imported());
        assertEquals(1, partial.importCount().rejected());
        assertEquals(List.of(RowStatus.IMPORTED, RowStatus.REJECTED), partial.rows().stream()
                .map(MeasurementViews.RowResult::status).toList());
        assertNull(partial.rows().get(1).measurementId());
        assertEquals("ERROR", MeasurementRows.summary(rows, ImportMode.ATOMIC, false, batch).status());
        assertEquals("ERROR", MeasurementRows.summary(rows.subList(1, 2), ImportMode.PARTIAL, false, batch).status());
        assertEquals("SUCCESS", MeasurementRows.summary(rows.subList(0, 1), ImportMode.ATOMIC, true, batch).status());
    }
}
