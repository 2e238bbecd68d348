package vn.nq57.budget;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import vn.nq57.platform.testing.MalformedInputSweep;
import vn.nq57.platform.testing.OpenApiContract;
import vn.nq57.platform.testing.TestTokens;

/**
 * Issue #19's sweep over this service's own OpenAPI document: wrong JSON types in every body field and a NUL byte in
 * every path are 400 problems naming what is wrong, never a 5xx, never accepted, and nothing is stored.
 */
@QuarkusTest
class MalformedInputSweepTest {

    @Inject
    DataSource db;

    @Test
    void everyOperationRefusesWrongTypesAndNulBytesAndStoresNothing() throws Exception {
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
