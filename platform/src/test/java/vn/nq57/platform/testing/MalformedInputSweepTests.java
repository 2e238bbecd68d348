package vn.nq57.platform.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.arc.Arc;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Issue #19's sweep every service runs over its own OpenAPI document (extend it in a {@code @QuarkusTest}): wrong
 * JSON types in every body field and a NUL byte in every path are 400 problems naming what is wrong, never a 5xx, never
 * accepted, and nothing is stored. Federation endpoints are called with a ministry's federation token, the others as a
 * central admin.
 */
public abstract class MalformedInputSweepTests {

    @Test
    void everyOperationRefusesWrongTypesAndNulBytesAndStoresNothing() throws Exception {
        DataSource db = Arc.container().instance(DataSource.class).get();
        JsonNode doc = OpenApiContract.served();
        Map<String, Long> before = MalformedInputSweep.rowCounts(db);
        MalformedInputSweep.Result types = MalformedInputSweep.wrongTypes(doc, path -> path.contains("/federation/")
                ? TestTokens.federation("bkhcn", "BKHCN") : TestTokens.centralAdmin());
        MalformedInputSweep.Result nul = MalformedInputSweep.nulInPaths(doc, TestTokens.centralAdmin());
        Map<String, Long> after = MalformedInputSweep.rowCounts(db);
        System.out.println("wrong types: " + types + "\nNUL bytes: " + nul);
        assertTrue(types.wrong().isEmpty(), types.toString());
        assertTrue(nul.wrong().isEmpty(), nul.toString());
        assertTrue(types.refusedNamingTheField() > 0, "the sweep reached no body: " + types);
        assertEquals(before, after, "a refused request stored something");
    }
}
