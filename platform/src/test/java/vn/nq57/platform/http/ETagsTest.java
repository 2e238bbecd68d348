package vn.nq57.platform.http;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import vn.nq57.platform.error.ApiException;

class ETagsTest {

    @Test
    void aMissingIfMatchIs428() {
        assertEquals(428, assertThrows(ApiException.class, () -> ETags.require(null, 3)).status());
        assertEquals(428, assertThrows(ApiException.class, () -> ETags.require("  ", 3)).status());
    }

    @Test
    void anOlderVersionIs412AndNamesTheCurrentETag() {
        ApiException e = assertThrows(ApiException.class, () -> ETags.require("\"2\"", 3));
        assertEquals(412, e.status());
        assertEquals("\"3\"", e.extensions().get("currentEtag"));
    }

    @Test
    void theCurrentVersionWeakOrStrongInAListOrAStarPasses() {
        assertDoesNotThrow(() -> ETags.require("\"3\"", 3));
        assertDoesNotThrow(() -> ETags.require("W/\"3\"", 3));
        assertDoesNotThrow(() -> ETags.require("\"1\", \"3\"", 3));
        assertDoesNotThrow(() -> ETags.require("*", 3));
    }
}
