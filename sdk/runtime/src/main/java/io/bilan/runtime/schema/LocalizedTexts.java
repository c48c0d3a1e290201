package io.bilan.runtime.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Texts inside manifest documents: in a manifest that passed its schema, a text is exactly an object whose
 * keys are all language codes and whose values are all strings.
 */
public final class LocalizedTexts {

    private static final Pattern LANGUAGE = Pattern.compile("^[a-z]{2}$");

    private LocalizedTexts() {
    }

    /** Whether {@code node} is a text in several languages. */
    public static boolean isText(JsonNode node) {
        if (!node.isObject() || node.isEmpty()) {
            return false;
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!LANGUAGE.matcher(field.getKey()).matches() || !field.getValue().isTextual()) {
                return false;
            }
        }
        return true;
    }

    /**
     * A copy of {@code node} with every text replaced by its string in {@code language}, else English, else
     * its first language: what a client shows one person.
     */
    public static JsonNode localize(JsonNode node, String language) {
        if (node instanceof ObjectNode object) {
            if (isText(object)) {
                JsonNode text = object.has(language) ? object.get(language)
                        : object.has("en") ? object.get("en") : object.elements().next();
                return TextNode.valueOf(text.asText());
            }
            ObjectNode copy = object.objectNode();
            object.fields().forEachRemaining(field -> copy.set(field.getKey(), localize(field.getValue(), language)));
            return copy;
        }
        if (node instanceof ArrayNode array) {
            ArrayNode copy = array.arrayNode();
            array.forEach(element -> copy.add(localize(element, language)));
            return copy;
        }
        return node;
    }
}
