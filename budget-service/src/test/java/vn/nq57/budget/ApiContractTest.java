package vn.nq57.budget;

import io.quarkus.test.junit.QuarkusTest;
import vn.nq57.platform.testing.ApiContractTests;

/** The OpenAPI document keeps the platform's contract rules and is the one committed in docs/api. */
@QuarkusTest
class ApiContractTest extends ApiContractTests {

    @Override
    protected String service() {
        return "budget-service";
    }
}
