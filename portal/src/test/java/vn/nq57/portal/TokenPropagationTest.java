package vn.nq57.portal;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import vn.nq57.portal.testing.Browser;
import vn.nq57.portal.testing.Browser.Response;
import vn.nq57.portal.testing.Html;
import vn.nq57.portal.testing.Stub;
import vn.nq57.portal.testing.Stub.Call;

/**
 * The portal calls the services as the signed-in user: every call of every page carries that user's own access token
 * (never the ID token, never another user's, never none), so a service scopes what it answers to the user.
 */
@QuarkusTest
class TokenPropagationTest {

    static final String ID = Html.INITIATIVE_ID;

    @TestHTTPResource("/")
    URI portal;

    @AfterEach
    void resetStub() {
        Stub.reset();
    }

    /** Each page and calls it must make ("service path-regex"). */
    static Stream<Arguments> pages() {
        return Stream.of(
                Arguments.of("/", List.of("initiative /api/v1/scorecard", "initiative /api/v1/agencies/tree",
                        "kpi /api/v1/indicators", "kpi /api/v1/evaluation/indicators/R57-RD-GDP")),
                Arguments.of("/systems/H4", List.of("initiative /api/v1/scorecard/systems/H4",
                        "initiative /api/v1/initiatives", "kpi /api/v1/indicators",
                        "kpi /api/v1/evaluation/indicators/R57-SEA-DIGITAL-COMPETITIVENESS")),
                Arguments.of("/agencies/BKHCN", List.of("initiative /api/v1/agencies/tree",
                        "initiative /api/v1/scorecard/agencies/BKHCN", "kpi /api/v1/indicators")),
                Arguments.of("/initiatives/" + ID, List.of("initiative /api/v1/initiatives/" + ID,
                        "initiative /api/v1/scorecard/initiatives/" + ID, "initiative /api/v1/obstacles",
                        "kpi /api/v1/evaluation/initiatives/" + ID, "budget /api/v1/allocations")),
                Arguments.of("/indicators/R57-RD-GDP", List.of("kpi /api/v1/indicators/R57-RD-GDP",
                        "kpi /api/v1/evaluation/indicators/R57-RD-GDP", "kpi /api/v1/measurements")),
                Arguments.of("/budget", List.of("budget /api/v1/fiscal-years",
                        "budget /api/v1/reports/\\d{4}/three-percent-rule", "budget /api/v1/reports/\\d{4}/by-system")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pages")
    void everyServiceCallOfThePageCarriesTheSignedInUsersOwnAccessToken(String page, List<String> expected) {
        // two users signed in at once, in two browsers: each page load carries only its own user's token
        Browser ministry = new Browser(portal);
        ministry.signIn("viewer.bkhcn");
        Browser other = new Browser(portal);
        other.signIn("admin.byt");

        for (Browser browser : List.of(ministry, other, ministry)) {
            String user = browser == ministry ? "viewer.bkhcn" : "admin.byt";
            Stub.reset();
            Response r = browser.open(page);
            assertThat(r.status()).as("%s", r).isEqualTo(200);

            String token = Stub.lastIssuedTo(user).accessToken();
            List<Call> calls = Stub.calls();
            assertThat(calls).as("calls of %s for %s", page, user).isNotEmpty();
            assertThat(calls).allSatisfy(c -> {
                assertThat(c.user()).as("%s %s carried a token of", c.service(), c.pathAndQuery()).isEqualTo(user);
                assertThat(c.token()).as("%s %s carried the user's access token", c.service(), c.pathAndQuery())
                        .isEqualTo(token);
                assertThat(c.method()).isEqualTo("GET");
            });
            for (String call : expected) {
                String service = call.substring(0, call.indexOf(' '));
                String path = call.substring(call.indexOf(' ') + 1);
                assertThat(calls).as("%s calls %s", page, call)
                        .anySatisfy(c -> {
                            assertThat(c.service()).isEqualTo(service);
                            assertThat(c.path()).matches(path);
                        });
            }
        }
    }
}
