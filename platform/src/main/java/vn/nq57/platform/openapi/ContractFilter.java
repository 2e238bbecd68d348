package vn.nq57.platform.openapi;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.core.Response;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;
import vn.nq57.platform.http.IfMatchOptional;
import vn.nq57.platform.idempotency.Idempotent;

/**
 * The platform's part of every service's OpenAPI document: what the platform does for every endpoint is also what the
 * contract says, so a generated client sees it. For each operation:
 * <ul>
 *   <li>a stable, readable {@code operationId} ({@code createInitiative}, {@code listMeasurement}: the Java method and
 *       its resource), from SmallRye's package-class-method ids;</li>
 *   <li>the roles that may call it ({@code x-nq57-roles} and the description), not as OAuth scopes; the security
 *       schemes {@code bearer} and {@code oidc} (OpenID Connect discovery of the instance's realm);</li>
 *   <li>the problem+json answers it can give, as shared responses with one {@code Problem} schema;</li>
 *   <li>{@code If-Match} required where the server requires it (with 412 and 428), {@code Idempotency-Key} on every
 *       creating POST (with {@code Idempotent-Replayed}), {@code X-Correlation-Id} on every answer, {@code ETag} on
 *       successful reads and writes of one resource.</li>
 * </ul>
 * Free-form JSON ({@code JsonNode}) becomes an object with any properties, and dates, times and UUIDs become typed
 * strings instead of leaking Java classes as schemas.
 */
@OpenApiFilter(OpenApiFilter.RunStage.RUNTIME_STARTUP)
public class ContractFilter implements OASFilter {

    static final String PROBLEM_JSON = "application/problem+json";
    static final String REF = "#/components/";
    /** Java types that must not appear as schemas, and what they are in JSON. */
    static final Map<String, String[]> SCALARS = Map.of(
            "LocalDate", new String[] {"string", "date"},
            "OffsetDateTime", new String[] {"string", "date-time"},
            "LocalDateTime", new String[] {"string", "date-time"},
            "Instant", new String[] {"string", "date-time"},
            "UUID", new String[] {"string", "uuid"});
    static final Set<String> FREE_FORM = Set.of("JsonNode", "ObjectNode", "ArrayNode", "RawValue");

    /** Shared error answers: status → component name, description. */
    static final Map<String, String[]> ERRORS = new LinkedHashMap<>();

    static {
        ERRORS.put("400", new String[] {"BadRequest", "Bad input: a field breaks a rule (`violations`), or the body is not the JSON expected"});
        ERRORS.put("401", new String[] {"Unauthorized", "No valid bearer token of the instance's realm"});
        ERRORS.put("403", new String[] {"Forbidden", "The caller's role or agency does not allow this"});
        ERRORS.put("404", new String[] {"NotFound", "No such resource"});
        ERRORS.put("409", new String[] {"Conflict", "The resource's state does not allow this (a duplicate code, an illegal transition, a final or read-only record: see `type`)"});
        ERRORS.put("412", new String[] {"PreconditionFailed", "`If-Match` names an older version; `currentEtag` is the current one"});
        ERRORS.put("415", new String[] {"UnsupportedMediaType", "The body is not of a media type this operation accepts"});
        ERRORS.put("422", new String[] {"Unprocessable", "A referenced resource is unknown, or an `Idempotency-Key` was reused with another request"});
        ERRORS.put("428", new String[] {"PreconditionRequired", "`If-Match` is missing: read the resource first and send its ETag"});
        ERRORS.put("500", new String[] {"InternalError", "A bug: quote `correlationId`"});
        ERRORS.put("503", new String[] {"ServiceUnavailable", "No database connection in time; nothing was written; retry after `Retry-After` seconds"});
    }

    private final Set<String> operationIds = new HashSet<>();

    @Override
    public void filterOpenAPI(OpenAPI api) {
        Components components = api.getComponents() == null ? OASFactory.createComponents() : api.getComponents();
        api.setComponents(components);
        addProblemSchemas(components);
        addHeaders(components);
        addErrorResponses(components);
        addSecuritySchemes(api, components);
        addServers(api);
        if (api.getPaths() != null && api.getPaths().getPathItems() != null) {
            api.getPaths().getPathItems().forEach((path, item) -> item.getOperations()
                    .forEach((method, operation) -> describe(path, method, operation)));
        }
        if (components.getSchemas() != null) {
            Map<String, Schema> schemas = new LinkedHashMap<>(components.getSchemas());
            schemas.keySet().removeIf(name -> SCALARS.containsKey(name) || FREE_FORM.contains(name)
                    || name.equals("JsonNodeType"));
            components.setSchemas(schemas);
            schemas.values().forEach(ContractFilter::retype);
            schemas.forEach(ContractFilter::describePage);
        }
        if (api.getPaths() != null && api.getPaths().getPathItems() != null) {
            api.getPaths().getPathItems().values().forEach(item -> item.getOperations().values().forEach(op -> {
                if (op.getRequestBody() != null && op.getRequestBody().getContent() != null) {
                    op.getRequestBody().getContent().getMediaTypes().values().forEach(m -> retype(m.getSchema()));
                }
                if (op.getResponses() != null && op.getResponses().getAPIResponses() != null) {
                    op.getResponses().getAPIResponses().values().forEach(r -> {
                        if (r.getContent() != null && r.getContent().getMediaTypes() != null) {
                            r.getContent().getMediaTypes().values().forEach(m -> retype(m.getSchema()));
                        }
                    });
                }
                if (op.getParameters() != null) {
                    op.getParameters().forEach(p -> retype(p.getSchema()));
                }
            }));
        }
    }

    /**
     * The generic {@code Page<T>} is published once per item type ({@code PageMeasurementView}); a description on the
     * record itself would add an unused {@code Page} schema, so each instance is described here.
     */
    static void describePage(String name, Schema schema) {
        if (name.startsWith("Page") && name.length() > 4 && schema.getDescription() == null
                && schema.getProperties() != null && schema.getProperties().containsKey("items")) {
            schema.setDescription("One page of " + name.substring(4) + " items (0-based `page`, `size` per page, "
                    + "`total` of the whole list)");
        }
    }

    /** One operation: its id, roles, headers and error answers. */
    void describe(String path, PathItem.HttpMethod method, Operation op) {
        Optional<Method> java = javaMethod(op.getOperationId());
        String id = java.map(m -> readableId(m)).orElse(op.getOperationId());
        op.setOperationId(unique(id));

        List<String> roles = java.map(ContractFilter::roles).orElse(List.of());
        if (!roles.isEmpty()) {
            op.addExtension("x-nq57-roles", roles);
            String who = "Roles: " + String.join(", ", roles) + ".";
            op.setDescription(op.getDescription() == null || op.getDescription().isBlank() ? who
                    : op.getDescription().strip() + "\n\n" + who);
        }
        if (op.getSecurity() != null && !op.getSecurity().isEmpty()) {
            SecurityRequirement bearer = OASFactory.createSecurityRequirement().addScheme("bearer");
            SecurityRequirement oidc = OASFactory.createSecurityRequirement().addScheme("oidc");
            op.setSecurity(new ArrayList<>(List.of(bearer, oidc)));
        }

        boolean ifMatchOptional = java.map(m -> m.isAnnotationPresent(IfMatchOptional.class)).orElse(false);
        boolean ifMatch = describeIfMatch(op, ifMatchOptional);
        boolean idempotent = java.map(m -> m.isAnnotationPresent(Idempotent.class)).orElse(false);
        if (idempotent) {
            op.addParameter(OASFactory.createParameter().name("Idempotency-Key").in(Parameter.In.HEADER)
                    .required(false).description("Makes a retry safe: the same key and body replay the first answer "
                            + "(with `Idempotent-Replayed: true`) instead of writing twice; the same key with another "
                            + "body is 422. Keys are the caller's, kept 24 h.")
                    .schema(OASFactory.createSchema().addType(SchemaType.STRING).minLength(1).maxLength(200)
                            .examples(List.of("2026Q3-bkhcn-upload-0001"))));
        }
        APIResponses responses = op.getResponses() == null ? OASFactory.createAPIResponses() : op.getResponses();
        op.setResponses(responses);
        boolean versioned = java.map(m -> m.getReturnType() == Response.class).orElse(false);
        describeSuccessHeaders(responses, ifMatch || (method == PathItem.HttpMethod.GET && path.endsWith("}")
                && versioned), idempotent);
        for (String status : errors(path, method, op, ifMatch, ifMatchOptional)) {
            responses.addAPIResponse(status, OASFactory.createAPIResponse().ref(REF + "responses/" + ERRORS.get(status)[0]));
        }
    }

    /** The If-Match header, when the operation takes one: required unless {@link IfMatchOptional}. */
    private static boolean describeIfMatch(Operation op, boolean optional) {
        boolean ifMatch = false;
        if (op.getParameters() != null) {
            for (Parameter p : op.getParameters()) {
                if (p.getIn() == Parameter.In.HEADER && "If-Match".equalsIgnoreCase(p.getName())) {
                    ifMatch = true;
                    p.setRequired(!optional);
                    p.setDescription(optional
                            ? "Optional: the ETag of the version read (`\"3\"`); when sent, a stale one is 412"
                            : "The ETag of the version read (`\"3\"`): a stale one is 412, none is 428 — a lost "
                            + "update is impossible");
                    p.setSchema(OASFactory.createSchema().addType(SchemaType.STRING).examples(List.of("\"3\"")));
                }
            }
        }
        return ifMatch;
    }

    /** The headers of the success answers: the correlation id, and the ETag, replay flag and Location where they apply. */
    private void describeSuccessHeaders(APIResponses responses, boolean etag, boolean idempotent) {
        Map<String, APIResponse> existing = responses.getAPIResponses() == null ? Map.of() : responses.getAPIResponses();
        for (Map.Entry<String, APIResponse> r : existing.entrySet()) {
            if (r.getKey().startsWith("2")) {
                APIResponse ok = r.getValue();
                header(ok, "X-Correlation-Id");
                if (etag) {
                    header(ok, "ETag");
                }
                if (idempotent) {
                    header(ok, "Idempotent-Replayed");
                }
                if (r.getKey().equals("201")) {
                    header(ok, "Location");
                }
            }
        }
    }

    /** The error answers an operation can give, by what it is (a path with an id, a write, a query, If-Match). */
    private static List<String> errors(String path, PathItem.HttpMethod method, Operation op, boolean ifMatch,
                                       boolean ifMatchOptional) {
        List<String> errors = new ArrayList<>(List.of("401", "403", "500", "503"));
        if (path.contains("{")) {
            errors.add("404");
        }
        if (method == PathItem.HttpMethod.POST || method == PathItem.HttpMethod.PUT
                || method == PathItem.HttpMethod.PATCH) {
            errors.addAll(List.of("400", "409", "415", "422"));
        } else if (method == PathItem.HttpMethod.DELETE) {
            errors.add("409");
        } else if (op.getParameters() != null && op.getParameters().stream().anyMatch(p -> p.getIn() == Parameter.In.QUERY)) {
            errors.add("400");
        }
        if (ifMatch) {
            errors.add("412");
            if (!ifMatchOptional) {
                errors.add("428");
            }
        }
        return errors;
    }

    /** The Java method behind SmallRye's package-class-method id ({@code vn.nq57.x.FooResource_bar}), if loadable. */
    static Optional<Method> javaMethod(String smallryeId) {
        if (smallryeId == null || !smallryeId.contains("_")) {
            return Optional.empty();
        }
        int cut = smallryeId.lastIndexOf('_');
        try {
            Class<?> type = Class.forName(smallryeId.substring(0, cut), false,
                    Thread.currentThread().getContextClassLoader());
            String name = smallryeId.substring(cut + 1);
            return Arrays.stream(type.getMethods()).filter(m -> m.getName().equals(name))
                    .sorted((a, b) -> Boolean.compare(b.isAnnotationPresent(Idempotent.class),
                            a.isAnnotationPresent(Idempotent.class)))
                    .findFirst();
        } catch (ClassNotFoundException | LinkageError e) {
            return Optional.empty();
        }
    }

    /** {@code InitiativeResource.create} → {@code createInitiative}; {@code ScorecardResource.plan} → {@code planScorecard}. */
    static String readableId(Method m) {
        String resource = m.getDeclaringClass().getSimpleName().replaceAll("Resource$", "");
        if (m.getName().toLowerCase().endsWith(resource.toLowerCase())) {
            return m.getName();
        }
        return m.getName() + resource;
    }

    String unique(String id) {
        String candidate = id;
        for (int n = 2; !operationIds.add(candidate); n++) {
            candidate = id + n;
        }
        return candidate;
    }

    static List<String> roles(Method m) {
        RolesAllowed r = m.getAnnotation(RolesAllowed.class);
        if (r == null) {
            r = m.getDeclaringClass().getAnnotation(RolesAllowed.class);
        }
        return r == null ? List.of() : List.of(r.value());
    }

    static void header(APIResponse response, String name) {
        if (response.getHeaders() == null || !response.getHeaders().containsKey(name)) {
            response.addHeader(name, OASFactory.createHeader().ref(REF + "headers/" + name));
        }
    }

    static void addProblemSchemas(Components c) {
        Schema text = OASFactory.createSchema().addType(SchemaType.STRING);
        c.addSchema("Violation", OASFactory.createSchema().addType(SchemaType.OBJECT)
                .description("One field that breaks a rule")
                .addProperty("field", OASFactory.createSchema().addType(SchemaType.STRING)
                        .description("JSON path of the field, e.g. `outputs[0].dueDate`").examples(List.of("period")))
                .addProperty("message", OASFactory.createSchema().addType(SchemaType.STRING)
                        .examples(List.of("period 2027 lies in the future (it starts on 2027-01-01)")))
                .required(List.of("field", "message")));
        c.addSchema("Problem", OASFactory.createSchema().addType(SchemaType.OBJECT)
                .description("RFC 9457 problem details: every failure of every service has this shape")
                .addProperty("type", OASFactory.createSchema().addType(SchemaType.STRING).format("uri")
                        .examples(List.of("https://nq57.gov.vn/problems/validation")))
                .addProperty("title", text)
                .addProperty("status", OASFactory.createSchema().addType(SchemaType.INTEGER).examples(List.of(400)))
                .addProperty("detail", text)
                .addProperty("instance", OASFactory.createSchema().addType(SchemaType.STRING)
                        .description("The request path"))
                .addProperty("correlationId", OASFactory.createSchema().addType(SchemaType.STRING)
                        .description("Also in the server's log line and the X-Correlation-Id header"))
                .addProperty("violations", OASFactory.createSchema().addType(SchemaType.ARRAY)
                        .items(OASFactory.createSchema().ref(REF + "schemas/Violation")))
                .addProperty("currentEtag", OASFactory.createSchema().addType(SchemaType.STRING)
                        .description("With 412: the resource's current ETag"))
                .addProperty("allowed", OASFactory.createSchema().addType(SchemaType.ARRAY)
                        .items(OASFactory.createSchema().addType(SchemaType.STRING))
                        .description("With an illegal transition: the states it may go to"))
                .addProperty("currentStatus", OASFactory.createSchema().addType(SchemaType.STRING))
                .addProperty("owner", OASFactory.createSchema().addType(SchemaType.STRING)
                        .description("With read-only-replica: the instance that owns the record"))
                .addProperty("centralUrl", OASFactory.createSchema().addType(SchemaType.STRING))
                .additionalPropertiesSchema(OASFactory.createSchema())
                .required(List.of("type", "title", "status")));
    }

    static void addHeaders(Components c) {
        Schema text = OASFactory.createSchema().addType(SchemaType.STRING);
        c.addHeader("X-Correlation-Id", OASFactory.createHeader().schema(text)
                .description("The request's correlation id (the caller's if it sent a sane one), also in the server log"));
        c.addHeader("ETag", OASFactory.createHeader().schema(text)
                .description("The resource's version, to send back as `If-Match` when updating it"));
        c.addHeader("Location", OASFactory.createHeader().schema(OASFactory.createSchema().addType(SchemaType.STRING)
                .format("uri")).description("The created resource"));
        c.addHeader("Idempotent-Replayed", OASFactory.createHeader().schema(OASFactory.createSchema()
                .addType(SchemaType.BOOLEAN)).description("`true` when this is the stored answer of an earlier request "
                + "with the same Idempotency-Key"));
        c.addHeader("Retry-After", OASFactory.createHeader().schema(OASFactory.createSchema().addType(SchemaType.INTEGER))
                .description("Seconds to wait before retrying"));
    }

    static void addErrorResponses(Components c) {
        ERRORS.forEach((status, named) -> {
            APIResponse r = OASFactory.createAPIResponse().description(named[1])
                    .content(OASFactory.createContent().addMediaType(PROBLEM_JSON,
                            OASFactory.createMediaType().schema(OASFactory.createSchema().ref(REF + "schemas/Problem"))))
                    .addHeader("X-Correlation-Id", OASFactory.createHeader().ref(REF + "headers/X-Correlation-Id"));
            if (status.equals("503")) {
                r.addHeader("Retry-After", OASFactory.createHeader().ref(REF + "headers/Retry-After"));
            }
            if (status.equals("401")) {
                r.addHeader("WWW-Authenticate", OASFactory.createHeader()
                        .schema(OASFactory.createSchema().addType(SchemaType.STRING)));
            }
            c.addResponse(named[0], r);
        });
    }

    static void addSecuritySchemes(OpenAPI api, Components c) {
        Config config = ConfigProvider.getConfig();
        String discovery = config.getOptionalValue("nq57.openapi.oidc-discovery-url", String.class)
                .or(() -> config.getOptionalValue("mp.jwt.verify.issuer", String.class)
                        .map(i -> i.replaceAll("/+$", "") + "/.well-known/openid-configuration"))
                .orElse("http://127.0.0.1:8180/realms/nq57/.well-known/openid-configuration");
        Map<String, SecurityScheme> schemes = new LinkedHashMap<>();
        schemes.put("bearer", OASFactory.createSecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                .bearerFormat("JWT").description("An access token of the instance's Keycloak realm (`realm_access.roles`"
                        + " for the role, `agency` for the caller's agency)"));
        schemes.put("oidc", OASFactory.createSecurityScheme().type(SecurityScheme.Type.OPENIDCONNECT)
                .openIdConnectUrl(discovery).description("The same realm through OpenID Connect discovery (sign in "
                        + "with the authorization code flow and PKCE)"));
        c.setSecuritySchemes(schemes);
    }

    static void addServers(OpenAPI api) {
        ConfigProvider.getConfig().getOptionalValue("nq57.openapi.server-url", String.class)
                .filter(s -> !s.isBlank())
                .ifPresent(url -> api.setServers(new ArrayList<>(List.of(OASFactory.createServer().url(url)
                        .description("This instance")))));
    }

    /** Replaces references to Java scalar types and to free-form JSON nodes, in a schema and inside it. */
    static void retype(Schema schema) {
        if (schema == null) {
            return;
        }
        List<SchemaType> types = schema.getType();
        if (types != null && types.size() > 1 && new HashSet<>(types).size() < types.size()) {
            schema.setType(types.stream().distinct().toList()); // an explicit @Schema(type) on a typed Java field
        }
        String ref = schema.getRef();
        if (ref != null && ref.startsWith(REF + "schemas/")) {
            String name = ref.substring((REF + "schemas/").length());
            if (SCALARS.containsKey(name)) {
                schema.setRef(null);
                schema.setType(List.of(SchemaType.STRING));
                schema.setFormat(SCALARS.get(name)[1]);
            } else if (FREE_FORM.contains(name)) {
                schema.setRef(null);
                schema.setDescription(schema.getDescription() == null ? "Any JSON value" : schema.getDescription());
            }
        }
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(ContractFilter::retype);
        }
        retype(schema.getItems());
        retype(schema.getAdditionalPropertiesSchema());
        for (List<Schema> group : Arrays.asList(schema.getAllOf(), schema.getAnyOf(), schema.getOneOf())) {
            if (group != null) {
                group.forEach(ContractFilter::retype);
            }
        }
    }
}
