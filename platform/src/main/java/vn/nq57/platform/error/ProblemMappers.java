package vn.nq57.platform.error;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.UnauthorizedException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import vn.nq57.platform.http.CorrelationFilter;

/**
 * Maps every failure to RFC 9457 problem+json. No stack trace or SQL reaches a client: unexpected errors are
 * logged with a correlation id and answered as a 500 that carries the same id.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response api(ApiException e, ContainerRequestContext request) {
        return respond(request, e.status(), e.type(), e.title(), e.getMessage(), e.violations(), e.extensions());
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e, ContainerRequestContext request) {
        List<Problem.Violation> violations = e.getConstraintViolations().stream()
                .map(v -> new Problem.Violation(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.Violation::field))
                .toList();
        boolean returnValue = e.getConstraintViolations().stream()
                .anyMatch(v -> v.getPropertyPath().toString().contains("<return value>"));
        if (returnValue) {
            return unexpected(e, request);
        }
        return respond(request, 400, ProblemTypes.VALIDATION, "Invalid request",
                violations.size() + " field(s) are invalid", violations, Map.of());
    }

    @ServerExceptionMapper(priority = 1)
    public Response json(JsonProcessingException e, ContainerRequestContext request) {
        String field = e instanceof JsonMappingException jme ? pathOf(jme) : null;
        String message;
        if (e instanceof InvalidFormatException ife && ife.getTargetType() != null && ife.getTargetType().isEnum()) {
            message = "'" + ife.getValue() + "' is not one of " + Arrays.toString(ife.getTargetType().getEnumConstants());
        } else if (e instanceof InvalidFormatException ife) {
            message = "expected " + simpleType(ife.getTargetType()) + ", not " + shown(ife.getValue());
        } else if (e instanceof UnrecognizedPropertyException upe) {
            message = "unknown property '" + upe.getPropertyName() + "'";
        } else if (e instanceof MismatchedInputException mie) {
            message = "expected " + simpleType(mie.getTargetType());
        } else {
            message = "the body is not valid JSON: " + e.getOriginalMessage();
        }
        List<Problem.Violation> violations = field == null || field.isEmpty()
                ? List.of() : List.of(new Problem.Violation(field, message));
        return respond(request, 400, ProblemTypes.MALFORMED, "Malformed request", message, violations, Map.of());
    }

    // Quarkus REST ships mappers for these subtypes; more specific mappers of ours win over them.
    @ServerExceptionMapper(priority = 1)
    public Response mismatchedInput(MismatchedInputException e, ContainerRequestContext request) {
        return json(e, request);
    }

    @ServerExceptionMapper(priority = 1)
    public Response invalidFormat(InvalidFormatException e, ContainerRequestContext request) {
        return json(e, request);
    }

    @ServerExceptionMapper(priority = 1)
    public Response jsonParse(com.fasterxml.jackson.core.JsonParseException e, ContainerRequestContext request) {
        return json(e, request);
    }

    @ServerExceptionMapper(priority = 1)
    public Response jsonMapping(JsonMappingException e, ContainerRequestContext request) {
        return json(e, request);
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, ContainerRequestContext request) {
        return unauthenticated(request);
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, ContainerRequestContext request) {
        return unauthenticated(request);
    }

    @ServerExceptionMapper
    public Response forbidden(io.quarkus.security.ForbiddenException e, ContainerRequestContext request) {
        return respond(request, 403, ProblemTypes.FORBIDDEN, "Forbidden",
                "your roles do not allow this operation", List.of(), Map.of());
    }

    @ServerExceptionMapper
    public Response optimisticLock(OptimisticLockException e, ContainerRequestContext request) {
        return staleWrite(request);
    }

    @ServerExceptionMapper
    public Response staleState(StaleStateException e, ContainerRequestContext request) {
        return staleWrite(request);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, ContainerRequestContext request) {
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        if (status == 400 && e.getCause() instanceof JsonProcessingException json) {
            return json(json, request);
        }
        if (status >= 500) {
            return unexpected(e, request);
        }
        String type = switch (status) {
            case 404 -> ProblemTypes.NOT_FOUND;
            case 405 -> ProblemTypes.METHOD_NOT_ALLOWED;
            case 406 -> ProblemTypes.NOT_ACCEPTABLE;
            case 415 -> ProblemTypes.UNSUPPORTED_MEDIA_TYPE;
            case 401 -> ProblemTypes.UNAUTHORIZED;
            case 403 -> ProblemTypes.FORBIDDEN;
            default -> ProblemTypes.HTTP;
        };
        if (status == 401) {
            return unauthenticated(request);
        }
        String title = Response.Status.fromStatusCode(status) == null ? "HTTP " + status
                : Response.Status.fromStatusCode(status).getReasonPhrase();
        String detail = switch (status) {
            case 404 -> "no resource at " + request.getUriInfo().getPath();
            case 415 -> "content type " + request.getMediaType() + " is not supported here";
            case 405 -> request.getMethod() + " is not allowed here";
            default -> safeMessage(e);
        };
        return respond(request, status, type, title, detail, List.of(), Map.of());
    }

    @ServerExceptionMapper
    public Response any(Throwable e, ContainerRequestContext request) {
        SQLException sql = sqlCause(e);
        if (sql != null && overloaded(sql)) {
            LOG.warnf("Database unavailable or saturated on %s %s: %s", request.getMethod(),
                    request.getUriInfo().getPath(), sql.getMessage());
            return Response.fromResponse(respond(request, 503, ProblemTypes.UNAVAILABLE, "Service unavailable",
                    "the database is saturated or unreachable; nothing was written; retry after the indicated delay",
                    List.of(), Map.of())).header("Retry-After", "2").build();
        }
        if (sql != null && sql.getSQLState() != null) {
            switch (sql.getSQLState()) {
                case "23505":
                    return respond(request, 409, ProblemTypes.CONFLICT, "Conflict",
                            "a resource with the same unique key already exists", List.of(), Map.of());
                case "23503":
                    return respond(request, 422, ProblemTypes.UNPROCESSABLE, "Unprocessable request",
                            "a referenced resource does not exist or is still referenced", List.of(), Map.of());
                case "23514":
                case "22001":
                case "22003":
                    return respond(request, 400, ProblemTypes.VALIDATION, "Invalid request",
                            "a value is out of the allowed range", List.of(), Map.of());
                case "40001":
                case "40P01":
                    return respond(request, 409, ProblemTypes.CONFLICT, "Conflict",
                            "a concurrent change collided with this one; retry", List.of(), Map.of());
                default:
                    break;
            }
        }
        Throwable cause = e;
        while (cause != null) {
            if (cause instanceof OptimisticLockException || cause instanceof StaleStateException) {
                return staleWrite(request);
            }
            if (cause instanceof ApiException api) {
                return api(api, request);
            }
            if (cause.getCause() == cause) {
                break;
            }
            cause = cause.getCause();
        }
        return unexpected(e, request);
    }

    /**
     * No connection could be had in time (the pool is exhausted: Agroal's acquisition time-out) or the server refuses
     * connections (too many, starting up, shutting down, connection failure): a retryable 503, not a 500.
     */
    private static boolean overloaded(SQLException sql) {
        String state = sql.getSQLState();
        if (state != null && (state.startsWith("08") || state.equals("53300") || state.equals("57P03")
                || state.equals("57P01"))) {
            return true;
        }
        String message = String.valueOf(sql.getMessage()).toLowerCase(java.util.Locale.ROOT);
        return message.contains("acquisition timeout");
    }

    private Response unexpected(Throwable e, ContainerRequestContext request) {
        String id = CorrelationFilter.correlationId(request);
        LOG.errorf(e, "Unexpected error [correlationId=%s] on %s %s", id, request.getMethod(),
                request.getUriInfo().getPath());
        return respond(request, 500, ProblemTypes.INTERNAL, "Internal error",
                "an unexpected error occurred; quote correlation id " + id + " to the operators", List.of(), Map.of());
    }

    private Response staleWrite(ContainerRequestContext request) {
        return respond(request, 412, ProblemTypes.PRECONDITION_FAILED, "Precondition failed",
                "the resource was changed by someone else; read it again and retry with its new ETag", List.of(), Map.of());
    }

    private Response unauthenticated(ContainerRequestContext request) {
        return Response.fromResponse(respond(request, 401, ProblemTypes.UNAUTHORIZED, "Unauthorized",
                        "a valid bearer token from the instance's identity provider is required", List.of(), Map.of()))
                .header("WWW-Authenticate", "Bearer").build();
    }

    static Response respond(ContainerRequestContext request, int status, String type, String title, String detail,
                            List<Problem.Violation> violations, Map<String, Object> extensions) {
        String path = request == null ? null : "/" + stripSlash(request.getUriInfo().getPath());
        String correlationId = request == null ? null : CorrelationFilter.correlationId(request);
        Problem problem = new Problem(type, title, status, detail, path, violations, correlationId, extensions);
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private static String stripSlash(String path) {
        return path.startsWith("/") ? path.substring(1) : path;
    }

    private static String safeMessage(WebApplicationException e) {
        String message = e.getMessage();
        return message == null || message.contains("Exception") ? "the request cannot be served" : message;
    }

    /** A refused JSON value as the caller wrote it: text quoted, numbers and booleans as they are. */
    private static String shown(Object value) {
        return value instanceof String s ? "'" + s + "'" : String.valueOf(value);
    }

    private static String simpleType(Class<?> type) {
        if (type == null) {
            return "value";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.toString(type.getEnumConstants());
        }
        return switch (type.getSimpleName()) {
            case "BigDecimal", "Double", "double", "Float", "float" -> "a number";
            case "Long", "long", "Integer", "int", "Short", "short" -> "a whole number";
            case "Boolean", "boolean" -> "true or false";
            case "LocalDate" -> "a date (YYYY-MM-DD)";
            case "OffsetDateTime", "Instant" -> "a timestamp (ISO-8601)";
            case "UUID" -> "a UUID";
            case "String" -> "a string";
            case "List", "Set", "Collection" -> "an array";
            default -> "an object";
        };
    }

    /** The JSON path of a mapping error: {@code outputs[0].dueDate}. */
    static String pathOf(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    /** The field path of a bean-validation violation, without the method and parameter names. */
    static String fieldOf(ConstraintViolation<?> v) {
        List<String> parts = new ArrayList<>();
        StringBuilder sb = new StringBuilder();
        boolean afterParameter = false;
        String parameterName = null;
        for (Path.Node node : v.getPropertyPath()) {
            ElementKind kind = node.getKind();
            if (kind == ElementKind.METHOD || kind == ElementKind.CONSTRUCTOR) {
                continue;
            }
            if (kind == ElementKind.PARAMETER) {
                afterParameter = true;
                parameterName = node.getName();
                continue;
            }
            if (node.getIndex() != null && !sb.isEmpty()) {
                sb.append('[').append(node.getIndex()).append(']');
            } else if (node.getKey() != null && !sb.isEmpty()) {
                sb.append('[').append(node.getKey()).append(']');
            }
            if (node.getName() != null && kind != ElementKind.CONTAINER_ELEMENT) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(node.getName());
            }
        }
        parts.add(sb.toString());
        String field = String.join(".", parts);
        if (field.isEmpty() && afterParameter) {
            return parameterName;
        }
        return field;
    }

    private static SQLException sqlCause(Throwable e) {
        Throwable cause = e;
        int depth = 0;
        while (cause != null && depth++ < 20) {
            if (cause instanceof SQLException sql) {
                return sql;
            }
            cause = cause.getCause();
        }
        return null;
    }
}
