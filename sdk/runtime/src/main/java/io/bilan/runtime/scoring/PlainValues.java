package io.bilan.runtime.scoring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON values as plain Java values, as Jackson's untyped binding ({@code convertValue(node, Object.class)}) gives
 * them: {@code LinkedHashMap}, {@code ArrayList}, {@code Integer}, {@code Long}, {@code BigInteger}, {@code Double},
 * {@code String}, {@code Boolean}, null. Walked directly rather than through a token buffer, which was a quarter of
 * scoring a batch row; a node of a kind no JSON text gives (a {@code BigDecimal} put in a tree by hand) is converted
 * by Jackson.
 */
public final class PlainValues {

    private PlainValues() {
    }

    /** {@code node}'s value; {@code json} converts what is not walked here. */
    public static Object of(JsonNode node, ObjectMapper json) {
        switch (node.getNodeType()) {
            case OBJECT -> {
                Map<String, Object> map = new LinkedHashMap<>(node.size() * 4 / 3 + 1);
                for (Map.Entry<String, JsonNode> field : node.properties()) {
                    map.put(field.getKey(), of(field.getValue(), json));
                }
                return map;
            }
            case ARRAY -> {
                List<Object> list = new ArrayList<>(node.size());
                for (JsonNode element : node) {
                    list.add(of(element, json));
                }
                return list;
            }
            case STRING -> {
                return node.textValue();
            }
            case BOOLEAN -> {
                return node.booleanValue();
            }
            case NULL -> {
                return null;
            }
            case NUMBER -> {
                if (node.isInt() || node.isLong() || node.isBigInteger() || node.isDouble()) {
                    return node.numberValue();
                }
                return json.convertValue(node, Object.class);
            }
            default -> {
                return json.convertValue(node, Object.class);
            }
        }
    }
}
