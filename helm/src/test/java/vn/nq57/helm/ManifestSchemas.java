package vn.nq57.helm;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.fabric8.kubernetes.client.utils.Serialization;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Checks rendered manifests against strict JSON schemas, one per apiVersion and kind: src/test/resources/manifest-schemas.json,
 * written by helm/tools/manifest_schemas.py from the Kubernetes OpenAPI and the Strimzi, prometheus-operator and Gateway API CRDs
 * (sources and versions in src/test/resources/manifest-schemas.md). Every object with properties forbids fields it does not
 * declare, so a misspelt or misplaced field fails as a wrong type does; an object of a kind with no schema fails too.
 */
final class ManifestSchemas {

    static final String RESOURCE = "manifest-schemas.json";
    private static final Pattern DOCUMENT_SEPARATOR = Pattern.compile("(?m)^---\\s*$");
    private static volatile ManifestSchemas instance;

    private final Map<String, String> definitions = new LinkedHashMap<>();
    private final Map<String, JsonSchema> schemas = new ConcurrentHashMap<>();
    private final JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7);
    private final SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
            .pathType(PathType.JSON_POINTER)
            .formatAssertionsEnabled(false)
            .build();

    /** One rule broken by one object: its kind and name, the JSON pointer of the field, and what is wrong. */
    record Violation(String object, String pointer, String message) {
        @Override
        public String toString() {
            return object + " " + (pointer.isEmpty() ? "/" : pointer) + ": " + message;
        }
    }

    private ManifestSchemas() {
        try (InputStream in = ManifestSchemas.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the test class path");
            }
            JsonNode document = Serialization.jsonMapper().readTree(in);
            for (Iterator<Map.Entry<String, JsonNode>> it = document.get("kinds").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> kind = it.next();
                definitions.put(kind.getKey(), kind.getValue().asText());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ManifestSchemas get() {
        if (instance == null) {
            synchronized (ManifestSchemas.class) {
                if (instance == null) {
                    instance = new ManifestSchemas();
                }
            }
        }
        return instance;
    }

    /** The kinds with a schema, each as "apiVersion kind". */
    Set<String> kinds() {
        return new TreeSet<>(definitions.keySet());
    }

    /** The objects of a rendered multi-document YAML text, in order, comment-only documents left out. */
    static List<JsonNode> objects(String yaml) {
        List<JsonNode> objects = new ArrayList<>();
        for (String document : DOCUMENT_SEPARATOR.split(yaml)) {
            if (document.lines().allMatch(line -> line.isBlank() || line.trim().startsWith("#"))) {
                continue;
            }
            try {
                objects.add(Serialization.yamlMapper().readTree(document));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return objects;
    }

    /** "Kind/name" of an object, for messages. */
    static String describe(JsonNode object) {
        return object.path("kind").asText("?") + "/" + object.path("metadata").path("name").asText("?");
    }

    /** Every violation in every object of a rendered multi-document YAML text. */
    List<Violation> violations(String yaml) {
        List<Violation> violations = new ArrayList<>();
        for (JsonNode object : objects(yaml)) {
            violations.addAll(violations(object));
        }
        return violations;
    }

    /** The violations of one object: none when its kind has a schema and the object keeps to it. */
    List<Violation> violations(JsonNode object) {
        String name = describe(object);
        if (object == null || !object.isObject()) {
            return List.of(new Violation(name, "", "not an object"));
        }
        String key = object.path("apiVersion").asText() + " " + object.path("kind").asText();
        String definition = definitions.get(key);
        if (definition == null) {
            return List.of(new Violation(name, "", "no schema for apiVersion '" + object.path("apiVersion").asText()
                    + "' kind '" + object.path("kind").asText() + "' (known: " + kinds() + ")"));
        }
        JsonSchema schema = schemas.computeIfAbsent(definition, d -> factory.getSchema(
                SchemaLocation.of("classpath:" + RESOURCE + "#/definitions/" + d.replace("~", "~0").replace("/", "~1")), config));
        List<Violation> violations = new ArrayList<>();
        for (ValidationMessage message : schema.validate(object)) {
            String pointer = message.getInstanceLocation().toString();
            if ("additionalProperties".equals(message.getType()) && message.getProperty() != null) {
                pointer = pointer + "/" + message.getProperty().replace("~", "~0").replace("/", "~1");
            }
            violations.add(new Violation(name, pointer, message.getMessage()));
        }
        violations.sort(Comparator.comparing(Violation::pointer).thenComparing(Violation::message));
        return violations;
    }
}
