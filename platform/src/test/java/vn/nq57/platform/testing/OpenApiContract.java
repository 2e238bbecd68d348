package vn.nq57.platform.testing;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The rules every service's OpenAPI document keeps (issue "The API contract"), and the committed copy of it
 * ({@code docs/api/<service>.json}) that the build compares with the generated one, so a contract change is always a
 * visible diff. After an intended change: {@code ./mvnw verify -pl <service> -Dnq57.openapi.write=true} rewrites the
 * copy; commit it with the change.
 */
public final class OpenApiContract {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
    private static final Set<String> LEAKED = Set.of("LocalDate", "OffsetDateTime", "LocalDateTime", "Instant", "UUID",
            "JsonNode", "JsonNodeType", "ObjectNode", "RawValue");

    private OpenApiContract() {
    }

    /** The document the running test instance serves. */
    public static JsonNode served() throws IOException {
        return JSON.readTree(given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200)
                .extract().asString());
    }

    /** What breaks the rules, one line each (empty: none). */
    public static List<String> problems(JsonNode doc) {
        List<String> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        JsonNode schemas = doc.path("components").path("schemas");
        schemas.fieldNames().forEachRemaining(name -> {
            if (LEAKED.contains(name)) {
                out.add("schema " + name + " is a Java class, not a contract type");
            }
        });
        if (!doc.path("components").path("securitySchemes").has("oidc")) {
            out.add("no openIdConnect security scheme");
        }
        doc.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(m -> {
            String where = m.getKey().toUpperCase() + " " + path.getKey();
            JsonNode op = m.getValue();
            String id = op.path("operationId").asText("");
            if (id.isEmpty() || id.contains("_") || id.contains(".")) {
                out.add(where + ": operationId '" + id + "' is missing or not readable");
            } else if (!ids.add(id)) {
                out.add(where + ": operationId '" + id + "' is not unique");
            }
            JsonNode responses = op.path("responses");
            boolean success = false;
            Iterator<String> codes = responses.fieldNames();
            while (codes.hasNext()) {
                String code = codes.next();
                if (!code.startsWith("2")) {
                    continue;
                }
                success = true;
                if (!code.equals("204") && !code.equals("202") && !typed(responses.path(code))) {
                    out.add(where + ": success " + code + " has no schema (a generated client would return Object)");
                }
            }
            if (!success) {
                out.add(where + ": no success response");
            }
            for (String status : List.of("401", "403", "500")) {
                if (!responses.path(status).path("$ref").asText("").endsWith("/responses/" + refName(status))) {
                    out.add(where + ": " + status + " is not the shared problem+json answer");
                }
            }
            for (JsonNode p : op.path("parameters")) {
                // required exactly where the server answers 428 without it (workflow steps marked @IfMatchOptional)
                if ("If-Match".equalsIgnoreCase(p.path("name").asText())
                        && p.path("required").asBoolean() != responses.has("428")) {
                    out.add(where + ": If-Match required=" + p.path("required").asBoolean() + " but 428 "
                            + (responses.has("428") ? "documented" : "missing"));
                }
            }
            if (op.path("security").isArray() && op.path("security").size() > 0) {
                for (JsonNode req : op.path("security")) {
                    req.fields().forEachRemaining(s -> {
                        if (s.getValue().size() > 0) {
                            out.add(where + ": roles published as OAuth scopes of " + s.getKey());
                        }
                    });
                }
            }
        }));
        return out;
    }

    /** Some content of the response names or describes its body (not the empty schema {}). */
    private static boolean typed(JsonNode response) {
        for (JsonNode media : response.path("content")) {
            JsonNode schema = media.path("schema");
            if (schema.has("$ref") || schema.has("type") || schema.has("oneOf") || schema.has("allOf")) {
                return true;
            }
        }
        return false;
    }

    private static String refName(String status) {
        return Map.of("401", "Unauthorized", "403", "Forbidden", "500", "InternalError").get(status);
    }

    /**
     * Compares the served document with the committed copy (ignoring {@code servers} and the security schemes' URLs,
     * which differ per instance); with {@code -Dnq57.openapi.write=true} rewrites the copy instead.
     *
     * @return a description of the difference, or null when they are equal
     */
    public static String differenceFromCommitted(JsonNode served, String service) throws IOException {
        Path file = repository().resolve("docs/api/" + service + ".json");
        JsonNode normal = normalise(served);
        if (Boolean.getBoolean("nq57.openapi.write") || !Files.exists(file)) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, JSON.writeValueAsString(JSON.treeToValue(normal, Object.class)) + "\n");
            return Boolean.getBoolean("nq57.openapi.write") ? null
                    : file + " did not exist: written now; commit it";
        }
        JsonNode committed = normalise(JSON.readTree(file.toFile()));
        if (committed.equals(normal)) {
            return null;
        }
        Map<String, String> diff = new TreeMap<>();
        compare("", committed, normal, diff);
        return "the served OpenAPI document differs from " + file + " (re-run with -Dnq57.openapi.write=true after an "
                + "intended change and commit the diff): " + diff.entrySet().stream().limit(20)
                .map(e -> e.getKey() + " " + e.getValue()).toList();
    }

    private static JsonNode normalise(JsonNode doc) {
        ObjectNode copy = doc.deepCopy();
        copy.remove("servers");
        JsonNode oidc = copy.path("components").path("securitySchemes").path("oidc");
        if (oidc instanceof ObjectNode o) {
            o.put("openIdConnectUrl", "https://sso.example.gov.vn/realms/nq57/.well-known/openid-configuration");
        }
        return copy;
    }

    private static void compare(String at, JsonNode a, JsonNode b, Map<String, String> out) {
        if (a.equals(b)) {
            return;
        }
        if (a.isObject() && b.isObject()) {
            Set<String> names = new HashSet<>();
            a.fieldNames().forEachRemaining(names::add);
            b.fieldNames().forEachRemaining(names::add);
            for (String n : names) {
                if (!a.has(n)) {
                    out.put(at + "/" + n, "added");
                } else if (!b.has(n)) {
                    out.put(at + "/" + n, "removed");
                } else {
                    compare(at + "/" + n, a.get(n), b.get(n), out);
                }
            }
        } else {
            out.put(at, "changed");
        }
    }

    /** The repository root: the nearest folder up from the module with a {@code .git} or the root pom's modules. */
    static Path repository() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("mvnw"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("no repository root above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }
}
