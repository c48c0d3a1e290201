package io.bilan.engine.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bilan.runtime.schema.JsonSchemas;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/** One engine's OpenAPI document: its operations, and the schemas of their responses, compiled once. */
final class Contract {

    private static final ObjectMapper JSON = new ObjectMapper();

    record Route(String method, Pattern path, String template, JsonNode operation) {
    }

    private final JsonNode document;
    private final List<Route> routes;
    private final Map<String, JsonSchemas.CompiledSchema> compiled = new ConcurrentHashMap<>();

    Contract(JsonNode document) {
        this.document = document;
        this.routes = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            String regex = "^" + Pattern.quote(path.getKey()).replaceAll("\\{[^}/]+}", "\\\\E[^/]+\\\\Q") + "$";
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                routes.add(new Route(op.getKey().toUpperCase(Locale.ROOT), Pattern.compile(regex), path.getKey(),
                        op.getValue()));
            }
        }
        // A template with fewer variables wins over one with more: /instruments/{id} is not /{id}/{version}.
        routes.sort(Comparator.comparingLong(r -> r.template().chars().filter(c -> c == '{').count()));
    }

    /** What in the response the document does not allow, or null. */
    String mismatch(Route route, int status, String contentType, byte[] body) {
        JsonNode responses = route.operation().path("responses");
        JsonNode documented = responses.get(String.valueOf(status));
        if (documented == null) {
            return "status " + status + " is not documented (documented: " + names(responses) + ")";
        }
        documented = resolve(documented);
        JsonNode content = documented.path("content");
        String media = contentType == null ? "" : contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
        if (body.length == 0 && (media.isEmpty() || content.isMissingNode() || content.isEmpty())) {
            return null;
        }
        if (content.isMissingNode() || content.isEmpty()) {
            return "status " + status + " documents no body, but one came as " + contentType;
        }
        JsonNode mediaType = content.get(media);
        if (mediaType == null) {
            return "content type " + media + " is not documented for status " + status + " (documented: "
                    + names(content) + ")";
        }
        boolean json = media.equals("application/json") || media.endsWith("+json");
        if (!json || mediaType.path("schema").isMissingNode()) {
            return null;
        }
        JsonNode instance;
        try {
            instance = JSON.readTree(body);
        } catch (IOException e) {
            return "the body is not JSON: " + e.getMessage();
        }
        String key = route.method() + " " + route.template() + " " + status + " " + media;
        JsonSchemas.CompiledSchema schema = compiled.computeIfAbsent(key, ignored -> compile(mediaType.path("schema")));
        List<JsonSchemas.Violation> violations = schema.validate(instance);
        return violations.isEmpty() ? null : "the body breaks the schema: " + violations;
    }

    private JsonSchemas.CompiledSchema compile(JsonNode schema) {
        ObjectNode root = JSON.createObjectNode();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        ObjectNode schemas = document.path("components").path("schemas").deepCopy();
        schemas.forEach(Contract::closed);
        root.putObject("components").set("schemas", schemas);
        root.putArray("allOf").add(schema.deepCopy());
        return JsonSchemas.compile(root);
    }

    /** An object with declared properties and no word on others takes no other: drift shows. */
    private static void closed(JsonNode schema) {
        if (schema instanceof ObjectNode object && object.has("properties") && !object.has("additionalProperties")) {
            object.put("additionalProperties", false);
        }
    }

    private JsonNode resolve(JsonNode response) {
        JsonNode ref = response.get("$ref");
        if (ref == null) {
            return response;
        }
        return document.at(ref.asText().substring(1));
    }

    private static String names(JsonNode object) {
        List<String> names = new java.util.ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return String.join(", ", names);
    }

    /** The operation a request goes to, if the document has it. */
    Optional<Route> route(String method, String path) {
        return routes.stream().filter(r -> r.method().equals(method)).filter(r -> r.path().matcher(path).matches())
                .findFirst();
    }
}
