package vn.nq57.initiative;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.nq57.platform.testing.OpenApiContract;

/** The OpenAPI document keeps the platform's contract rules and is the one committed in docs/api. */
@QuarkusTest
class ApiContractTest {

    @Test
    void everyOperationHasAReadableIdTheSharedProblemAnswersAndRolesOutsideTheScopes() throws Exception {
        assertEquals(List.of(), OpenApiContract.problems(OpenApiContract.served()));
    }

    @Test
    void theServedDocumentIsTheCommittedOne() throws Exception {
        JsonNode served = OpenApiContract.served();
        assertNull(OpenApiContract.differenceFromCommitted(served, "initiative-service"));
    }
}
