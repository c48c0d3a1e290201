package io.bilan.runtime.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import com.networknt.schema.path.PathType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The one class that talks to the networknt JSON Schema validator. Schemas are compiled once and are
 * thread-safe; every violation comes back with a JSON Pointer into the validated document.
 */
public final class JsonSchemas {

    /** The manifest format of instrument packages. */
    public static final String INSTRUMENT_PACKAGE = "urn:bilan:schema:instrument-package:1";
    /** What a script or Java scorer returns. */
    public static final String SCORE_ADDITIONS = "urn:bilan:schema:score-additions:1";
    /** A fixture file of a package. */
    public static final String FIXTURE = "urn:bilan:schema:fixture:1";

    private static final Map<String, String> BUNDLED = Map.of(
            INSTRUMENT_PACKAGE, "/io/bilan/schema/instrument-package-1.schema.json",
            SCORE_ADDITIONS, "/io/bilan/schema/score-additions-1.schema.json",
            FIXTURE, "/io/bilan/schema/fixture-1.schema.json");

    private static final SchemaRegistryConfig CONFIG = SchemaRegistryConfig.builder()
            .pathType(PathType.JSON_POINTER)
            .locale(Locale.ENGLISH)
            // Lets the bundled schemas say what a pattern means instead of printing the regex.
            .errorMessageKeyword("errorMessage")
            .build();

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaRegistryConfig(CONFIG).schemas(JsonSchemas::bundledText));

    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonSchemas() {
    }

    /** The bundled schema with this {@code urn:} id, compiled. */
    public static CompiledSchema bundled(String id) {
        if (!BUNDLED.containsKey(id)) {
            throw new IllegalArgumentException("no bundled schema " + id);
        }
        return new CompiledSchema(REGISTRY.getSchema(SchemaLocation.of(id)));
    }

    /** The bundled schema's text, as published in the SDK. */
    public static JsonNode bundledDocument(String id) {
        try {
            return JSON.readTree(bundledText(id));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Compiles a schema built in memory, such as the response schema derived from an instrument. */
    public static CompiledSchema compile(JsonNode schema) {
        return new CompiledSchema(REGISTRY.getSchema(schema));
    }

    private static String bundledText(String id) {
        String resource = BUNDLED.get(id);
        if (resource == null) {
            return null;
        }
        try (InputStream in = JsonSchemas.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("schema resource missing from the SDK: " + resource);
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A compiled schema. Thread-safe. */
    public static final class CompiledSchema {
        private final Schema schema;

        private CompiledSchema(Schema schema) {
            this.schema = schema;
            schema.initializeValidators();
        }

        /** Every violation of the schema by {@code document}; empty when it is valid. */
        public List<Violation> validate(JsonNode document) {
            List<Error> errors = schema.validate(document);
            List<Violation> violations = new ArrayList<>(errors.size());
            for (Error error : errors) {
                violations.add(new Violation(pointerOf(error), error.getKeyword(), error.getProperty(),
                        error.getMessage()));
            }
            return violations;
        }

        private static String pointerOf(Error error) {
            NodePath location = error.getInstanceLocation();
            StringBuilder pointer = new StringBuilder();
            for (int i = 0; i < location.getNameCount(); i++) {
                pointer.append('/').append(escape(String.valueOf(location.getElement(i))));
            }
            // A missing or unexpected property is reported on its parent, with its name on the side.
            String keyword = error.getKeyword();
            if (error.getProperty() != null && ("additionalProperties".equals(keyword)
                    || "unevaluatedProperties".equals(keyword) || "required".equals(keyword))) {
                pointer.append('/').append(escape(error.getProperty()));
            }
            return pointer.toString();
        }

        private static String escape(String token) {
            return token.replace("~", "~0").replace("/", "~1");
        }
    }

    /**
     * One violation of a schema.
     *
     * @param pointer  JSON Pointer to the offending value (for a missing property: where it should be)
     * @param keyword  the schema keyword that failed, e.g. {@code required}, {@code maximum}
     * @param property the property name for {@code required} and unknown-property violations
     * @param message  the validator's message, starting with the location
     */
    public record Violation(String pointer, String keyword, String property, String message) {
    }
}
