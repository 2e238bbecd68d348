package vn.nq57.platform.error;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.lang.reflect.Proxy;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProblemMappersTest {

    private final ProblemMappers mappers = new ProblemMappers();

    @Test
    void anExhaustedConnectionPoolIsARetryable503NotA500() {
        Response r = mappers.any(new PersistenceException(new SQLException("Sorry, acquisition timeout!")), request());
        assertEquals(503, r.getStatus());
        assertEquals("2", r.getHeaderString("Retry-After"));
        assertEquals(ProblemTypes.UNAVAILABLE, ((Problem) r.getEntity()).type());
    }

    @Test
    void aDatabaseRefusingConnectionsIsA503() {
        assertEquals(503, mappers.any(new SQLException("too many clients", "53300"), request()).getStatus());
        assertEquals(503, mappers.any(new SQLException("connection refused", "08001"), request()).getStatus());
    }

    @Test
    void otherDatabaseFailuresKeepTheirMeaning() {
        assertEquals(409, mappers.any(new SQLException("duplicate key", "23505"), request()).getStatus());
        assertEquals(500, mappers.any(new SQLException("syntax error", "42601"), request()).getStatus());
    }

    private static ContainerRequestContext request() {
        Map<String, Object> properties = new HashMap<>();
        UriInfo uri = (UriInfo) Proxy.newProxyInstance(UriInfo.class.getClassLoader(), new Class<?>[] {UriInfo.class},
                (p, m, a) -> "getPath".equals(m.getName()) ? "/api/v1/things" : null);
        return (ContainerRequestContext) Proxy.newProxyInstance(ContainerRequestContext.class.getClassLoader(),
                new Class<?>[] {ContainerRequestContext.class}, (p, m, a) -> switch (m.getName()) {
                    case "getUriInfo" -> uri;
                    case "getMethod" -> "POST";
                    case "getProperty" -> properties.get((String) a[0]);
                    case "setProperty" -> properties.put((String) a[0], a[1]);
                    default -> null;
                });
    }
}
