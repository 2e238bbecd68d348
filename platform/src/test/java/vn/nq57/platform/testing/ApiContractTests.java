package vn.nq57.platform.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The contract tests every service runs: extend it in a {@code @QuarkusTest} and name the service. The OpenAPI
 * document keeps the platform's rules ({@link OpenApiContract#problems}) and is the one committed in docs/api.
 */
public abstract class ApiContractTests {

    /** The service's name, as in {@code docs/api/<service>.json}. */
    protected abstract String service();

    @Test
    void everyOperationHasAReadableIdATypedAnswerTheSharedProblemAnswersAndRolesOutsideTheScopes() throws Exception {
        assertEquals(List.of(), OpenApiContract.problems(OpenApiContract.served()));
    }

    @Test
    void theServedDocumentIsTheCommittedOne() throws Exception {
        assertNull(OpenApiContract.differenceFromCommitted(OpenApiContract.served(), service()));
    }
}
