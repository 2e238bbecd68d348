package vn.nq57.platform.testing;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.response.Response;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The malformed-input sweep of issue #19, driven by the service's own OpenAPI document: every operation that takes a
 * JSON body gets, one field at a time, values of the wrong JSON type (a number for a date, text for a number or a
 * boolean, a fraction for a whole number, a number for text or an enum, an object or array for a scalar) and every
 * path parameter a NUL byte. What it finds is what a service did wrong: a 5xx, a wrong type accepted, a 400 that does
 * not name the field. {@link #rowCounts} lets a test prove that nothing refused was stored.
 */
public final class MalformedInputSweep {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String MALFORMED = "https://nq57.gov.vn/problems/malformed-request";

    /** What the sweep sent and what it found wrong (empty {@code wrong}: nothing). */
    public record Result(int operations, int requests, int refusedNamingTheField, List<String> wrong) {
        @Override
        public String toString() {
            return operations + " operations, " + requests + " requests, " + refusedNamingTheField
                    + " refused naming the field, " + wrong.size() + " wrong" + (wrong.isEmpty() ? ""
                    : ":\n  " + String.join("\n  ", wrong));
        }
    }

    private MalformedInputSweep() {
    }

    /** Sends wrong-typed values to every JSON body field of every operation in {@code doc} as {@code token}'s caller. */
    public static Result wrongTypes(JsonNode doc, java.util.function.Function<String, String> tokenForPath) {
        JsonNode schemas = doc.path("components").path("schemas");
        Tally t = new Tally();
        operations(doc, (path, method, op) -> {
            JsonNode schema = op.path("requestBody").path("content").path("application/json").path("schema");
            if (schema.isMissingNode()) {
                return;
            }
            t.operations++;
            String url = concrete(path, op);
            List<Case> cases = new ArrayList<>();
            cases(resolve(schema, schemas), schemas, "", 0, cases);
            for (Case c : cases) {
                t.requests++;
                Response r = send(method, url, c.body(), tokenForPath.apply(path));
                String where = method + " " + path + " with " + c.field() + " = " + c.value();
                int status = r.statusCode();
                if (status >= 500) {
                    t.wrong.add(where + ": " + status + " " + r.asString());
                } else if (status < 400) {
                    t.wrong.add(where + ": accepted (" + status + ")");
                } else if (status == 400 && !named(r, c.field())) {
                    t.wrong.add(where + ": 400 without naming " + c.field() + ": " + r.asString());
                } else if (status == 400) {
                    t.named++;
                }
            }
        });
        return t.result();
    }

    /** Sends a NUL byte as each path parameter of every operation, and in a query: each must be a 400 problem. */
    public static Result nulInPaths(JsonNode doc, String token) {
        Tally t = new Tally();
        operations(doc, (path, method, op) -> {
            t.operations++;
            List<String> urls = new ArrayList<>();
            urls.add(concrete(path, op) + "?q=%00");
            if (path.contains("{")) {
                urls.add(path.replaceAll("\\{[^}]+}", "%00"));
            }
            for (String url : urls) {
                t.requests++;
                Response r = given().urlEncodingEnabled(false).auth().oauth2(token)
                        .header("Content-Type", "application/json").body("{}").request(method, url);
                if (r.statusCode() != 400 || !MALFORMED.equals(r.jsonPath().getString("type"))) {
                    t.wrong.add(method + " " + url + ": " + r.statusCode() + " " + r.asString());
                } else {
                    t.named++;
                }
            }
        });
        return t.result();
    }

    /** One operation of the document: its path template, HTTP method (upper case) and operation object. */
    private interface Operation {
        void visit(String path, String method, JsonNode op);
    }

    private static void operations(JsonNode doc, Operation visitor) {
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                visitor.visit(path.getKey(), op.getKey().toUpperCase(), op.getValue());
            }
        }
    }

    /** What a sweep counted. */
    private static final class Tally {
        int operations;
        int requests;
        int named;
        final List<String> wrong = new ArrayList<>();

        Result result() {
            return new Result(operations, requests, named, wrong);
        }
    }

    /** The number of rows in each table of the database's {@code public} schema. */
    public static Map<String, Long> rowCounts(DataSource ds) throws SQLException {
        Map<String, Long> counts = new TreeMap<>();
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("select table_name from information_schema.tables "
                    + "where table_schema = 'public' and table_type = 'BASE TABLE'")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String t : tables) {
                try (ResultSet rs = s.executeQuery("select count(*) from \"" + t + "\"")) {
                    rs.next();
                    counts.put(t, rs.getLong(1));
                }
            }
        }
        return counts;
    }

    private record Case(String field, String value, JsonNode body) {
    }

    /** A body per (field, wrong value), with the field at {@code prefix} inside an otherwise empty object. */
    private static void cases(JsonNode schema, JsonNode schemas, String prefix, int depth, List<Case> out) {
        JsonNode props = schema.path("properties");
        for (Iterator<Map.Entry<String, JsonNode>> it = props.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> p = it.next();
            if (p.getValue().path("readOnly").asBoolean(false)) {
                continue;
            }
            JsonNode type = resolve(p.getValue(), schemas);
            String field = prefix + p.getKey();
            for (JsonNode bad : wrongValues(type)) {
                ObjectNode body = NODES.objectNode();
                body.set(p.getKey(), bad);
                out.add(new Case(field, bad.toString(), body));
            }
            if (depth < 1 && "object".equals(typeOf(type)) && type.has("properties")) {
                List<Case> inner = new ArrayList<>();
                cases(type, schemas, field + ".", depth + 1, inner);
                for (Case c : inner) {
                    ObjectNode body = NODES.objectNode();
                    body.set(p.getKey(), c.body());
                    out.add(new Case(c.field(), c.value(), body));
                }
            }
            if (depth < 1 && "array".equals(typeOf(type))) {
                JsonNode item = resolve(type.path("items"), schemas);
                if ("object".equals(typeOf(item)) && item.has("properties")) {
                    List<Case> inner = new ArrayList<>();
                    cases(item, schemas, field + "[0].", depth + 1, inner);
                    for (Case c : inner) {
                        ObjectNode body = NODES.objectNode();
                        ArrayNode array = body.putArray(p.getKey());
                        array.add(c.body());
                        out.add(new Case(c.field(), c.value(), body));
                    }
                }
            }
        }
    }

    private static List<JsonNode> wrongValues(JsonNode type) {
        String t = typeOf(type);
        String format = type.path("format").asText("");
        List<JsonNode> out = new ArrayList<>();
        if (type.has("enum")) {
            out.add(NODES.numberNode(0));
            out.add(NODES.objectNode());
            return out;
        }
        switch (t == null ? "" : t) {
            case "string" -> {
                if (format.equals("date") || format.equals("date-time")) {
                    out.add(NODES.numberNode(-1));
                    out.add(NODES.arrayNode().add(2026).add(1).add(1));
                } else {
                    out.add(NODES.numberNode(12));
                    out.add(NODES.booleanNode(true));
                }
                out.add(NODES.objectNode());
            }
            case "integer" -> {
                out.add(NODES.textNode("5"));
                out.add(NODES.numberNode(new java.math.BigDecimal("1.5")));
                out.add(NODES.textNode(""));
                out.add(NODES.booleanNode(true));
            }
            case "number" -> {
                out.add(NODES.textNode("5"));
                out.add(NODES.booleanNode(true));
                out.add(NODES.arrayNode().add(5));
            }
            case "boolean" -> {
                out.add(NODES.textNode("true"));
                out.add(NODES.numberNode(1));
            }
            case "array" -> out.add(NODES.textNode("x"));
            case "object" -> {
                if (type.has("properties")) {
                    out.add(NODES.textNode("x"));
                }
            }
            default -> {
            }
        }
        return out;
    }

    private static String typeOf(JsonNode schema) {
        JsonNode t = schema.path("type");
        if (t.isArray()) {
            for (JsonNode each : t) {
                if (!"null".equals(each.asText())) {
                    return each.asText();
                }
            }
        }
        if (t.isTextual()) {
            return t.asText();
        }
        return schema.has("properties") ? "object" : null;
    }

    /** Follows {@code $ref} and a single-element {@code allOf}/{@code anyOf}/{@code oneOf} to the schema meant. */
    private static JsonNode resolve(JsonNode schema, JsonNode schemas) {
        for (int i = 0; i < 10; i++) {
            if (schema.has("$ref")) {
                String ref = schema.get("$ref").asText();
                schema = schemas.path(ref.substring(ref.lastIndexOf('/') + 1));
                continue;
            }
            JsonNode next = null;
            for (String k : List.of("allOf", "anyOf", "oneOf")) {
                int types = 0;
                for (JsonNode each : schema.path(k)) {
                    types += "null".equals(each.path("type").asText()) ? 0 : 1;
                }
                if (types > 1 && !k.equals("allOf")) {
                    return NODES.objectNode(); // a union (a number or text): no one wrong type to send
                }
                if (schema.path(k).isArray()) {
                    for (JsonNode each : schema.path(k)) {
                        if (!"null".equals(each.path("type").asText())) {
                            next = each;
                            break;
                        }
                    }
                }
            }
            if (next == null) {
                return schema;
            }
            schema = next;
        }
        return schema;
    }

    /** The path with each parameter given a plausible value (an unknown UUID, a code). */
    private static String concrete(String path, JsonNode op) {
        String url = path;
        for (JsonNode p : op.path("parameters")) {
            if ("path".equals(p.path("in").asText())) {
                String name = p.path("name").asText();
                JsonNode schema = p.path("schema");
                String pattern = schema.path("pattern").asText("");
                String value = "uuid".equals(schema.path("format").asText()) ? UUID.randomUUID().toString()
                        : p.has("example") ? p.get("example").asText()
                        : pattern.contains("a-z") && !pattern.contains("A-Z") ? "x1" : "X1";
                url = url.replace("{" + name + "}", value);
            }
        }
        return url.replaceAll("\\{[^}]+}", "X1");
    }

    private static Response send(String method, String url, JsonNode body, String token) {
        String text;
        try {
            text = JSON.writeValueAsString(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return given().auth().oauth2(token).header("Content-Type", "application/json")
                .header("If-Match", "\"0\"").header("Idempotency-Key", UUID.randomUUID().toString())
                .body(text).request(method, url);
    }

    private static boolean named(Response r, String field) {
        List<String> fields = r.jsonPath().getList("violations.field");
        return fields != null && fields.contains(field);
    }
}
