package vn.nq57.platform.idempotency;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.nq57.platform.error.ApiException;
import vn.nq57.platform.security.Caller;

@Idempotent
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 300)
public class IdempotencyInterceptor {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED = "Idempotent-Replayed";

    @Inject
    HttpServerRequest request;

    @Inject
    Caller caller;

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper mapper;

    @ConfigProperty(name = "nq57.idempotency.ttl", defaultValue = "PT24H")
    Duration ttl;

    @AroundInvoke
    Object around(InvocationContext ctx) throws Exception {
        String key = request.getHeader(HEADER);
        if (key == null) {
            return ctx.proceed();
        }
        if (key.isBlank() || key.length() > 200) {
            throw ApiException.badRequest(HEADER, "must be 1 to 200 characters");
        }
        String scope = caller.subject();
        String hash = hash(ctx);
        return QuarkusTransaction.joiningExisting().call(() -> once(ctx, scope, key, hash));
    }

    private Object once(InvocationContext ctx, String scope, String key, String hash) throws Exception {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        // Claims the key, or takes over an expired claim of it, in one statement. A concurrent request with the same
        // key waits here until the first one commits or rolls back.
        int claimed = em.createNativeQuery("""
                        INSERT INTO idempotency_key (scope, idem_key, request_hash, expires_at) VALUES (?1, ?2, ?3, ?4)
                        ON CONFLICT (scope, idem_key) DO UPDATE SET request_hash = excluded.request_hash,
                            expires_at = excluded.expires_at, created_at = now(), response_status = NULL,
                            response_body = NULL, location = NULL, etag = NULL
                        WHERE idempotency_key.expires_at < ?5""")
                .setParameter(1, scope).setParameter(2, key).setParameter(3, hash).setParameter(4, now.plus(ttl))
                .setParameter(5, now).executeUpdate();
        if (claimed == 0) {
            return replay(scope, key, hash);
        }
        Object result = ctx.proceed();
        if (result instanceof Response response && response.getStatus() < 300) {
            // serialised once: the stored text is also what this answer sends
            String body = response.hasEntity() ? mapper.writeValueAsString(response.getEntity()) : null;
            URI location = response.getLocation();
            EntityTag tag = response.getEntityTag();
            em.createNativeQuery("UPDATE idempotency_key SET response_status = ?1, response_body = ?2, location = ?3, "
                            + "etag = ?4 WHERE scope = ?5 AND idem_key = ?6")
                    .setParameter(1, response.getStatus()).setParameter(2, body)
                    .setParameter(3, location == null ? null : location.toString())
                    .setParameter(4, tag == null ? null : tag.getValue())
                    .setParameter(5, scope).setParameter(6, key).executeUpdate();
            MediaType type = response.getMediaType();
            if (body != null && (type == null || type.isCompatible(MediaType.APPLICATION_JSON_TYPE))) {
                return Response.fromResponse(response).entity(body).type(MediaType.APPLICATION_JSON_TYPE).build();
            }
        }
        return result;
    }

    private Response replay(String scope, String key, String hash) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT request_hash, response_status, response_body, location, etag "
                        + "FROM idempotency_key WHERE scope = ?1 AND idem_key = ?2")
                .setParameter(1, scope).setParameter(2, key).getResultList();
        if (rows.isEmpty()) {
            throw ApiException.conflict("a request with this Idempotency-Key is being processed; retry shortly");
        }
        Object[] row = rows.get(0);
        if (!hash.equals(row[0])) {
            throw ApiException.unprocessable("Idempotency-Key " + key
                    + " was already used for a different request; use a new key for a new request");
        }
        if (row[1] == null) {
            throw ApiException.conflict("a request with this Idempotency-Key is being processed; retry shortly");
        }
        Response.ResponseBuilder builder = Response.status(((Number) row[1]).intValue()).header(REPLAYED, "true");
        if (row[2] != null) {
            builder.entity(row[2]).type(MediaType.APPLICATION_JSON_TYPE);
        }
        if (row[3] != null) {
            builder.location(URI.create((String) row[3]));
        }
        if (row[4] != null) {
            builder.tag(new EntityTag((String) row[4]));
        }
        return builder.build();
    }

    /** What makes two requests "the same": method, path and the serialised arguments (the body). */
    private String hash(InvocationContext ctx) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        digest.update((request.method().name() + " " + request.path()).getBytes(StandardCharsets.UTF_8));
        for (Object arg : ctx.getParameters()) {
            if (arg == null) {
                digest.update((byte) 0);
            } else if (arg instanceof String s) {
                digest.update(s.getBytes(StandardCharsets.UTF_8));
            } else if (arg instanceof byte[] bytes) {
                digest.update(bytes);
            } else {
                digest.update(mapper.writeValueAsBytes(arg));
            }
            digest.update((byte) '|');
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
