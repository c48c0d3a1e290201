package io.bilan.engine.web.player;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bilan.api.instrument.ChoiceOption;
import io.bilan.api.instrument.Field;
import io.bilan.api.instrument.InstrumentManifest;
import io.bilan.api.instrument.Item;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Reads the player's form into the {@code answers} of a response set, for any package: the form is the same with or
 * without JavaScript (a script only sends it sooner, as a draft). Field names are {@code a:<item>} and, below an
 * item, {@code a:<item>:most}, {@code a:<item>:rank:<option index>}, {@code a:<item>:<entry>:<field>} and
 * {@code a:<item>:count}. What the person left blank is left out; what cannot be read (a word in a number field) is
 * kept as typed, so the response schema names the problem next to the item.
 */
final class AnswerForm {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private AnswerForm() {
    }

    /** The answers a form holds. */
    static ObjectNode read(InstrumentManifest manifest, Map<String, List<String>> form) {
        ObjectNode answers = JSON.objectNode();
        for (Item item : manifest.items()) {
            JsonNode answer = read(item, form);
            if (answer != null) {
                answers.set(item.id(), answer);
            }
        }
        return answers;
    }

    /** Leaves out the entries of repeating groups that are wholly blank (the one just added with "add an entry"). */
    static ObjectNode withoutBlankEntries(InstrumentManifest manifest, ObjectNode answers) {
        ObjectNode result = answers.deepCopy();
        for (Item item : manifest.items()) {
            if (item instanceof Item.RepeatingGroup && result.get(item.id()) instanceof ArrayNode entries) {
                ArrayNode kept = JSON.arrayNode();
                entries.forEach(entry -> {
                    if (!entry.isObject() || !entry.isEmpty()) {
                        kept.add(entry);
                    }
                });
                if (kept.isEmpty()) {
                    result.remove(item.id());
                } else {
                    result.set(item.id(), kept);
                }
            }
        }
        return result;
    }

    private static JsonNode read(Item item, Map<String, List<String>> form) {
        String name = "a:" + item.id();
        return switch (item) {
            case Item.Likert likert -> number(one(form, name), true);
            case Item.ObservationCriterion criterion -> number(one(form, name), true);
            case Item.Numeric numeric -> number(one(form, name), numeric.integer());
            case Item.SingleChoice choice -> text(one(form, name));
            case Item.Knowledge knowledge -> text(one(form, name));
            case Item.FreeText free -> text(one(form, name));
            case Item.MultipleChoice multiple -> picks(form.get(name));
            case Item.ForcedChoice forced -> {
                String most = one(form, name + ":most");
                String least = one(form, name + ":least");
                if (most == null && least == null) {
                    yield null;
                }
                ObjectNode answer = JSON.objectNode();
                if (most != null) {
                    answer.put("most", most);
                }
                if (least != null) {
                    answer.put("least", least);
                }
                yield answer;
            }
            case Item.Ranking ranking -> ranking(ranking.options(), form, name);
            case Item.RepeatingGroup group -> entries(group, form, name);
        };
    }

    /** The options in the order of the ranks given; none ranked is no answer. */
    private static JsonNode ranking(List<ChoiceOption> options, Map<String, List<String>> form, String name) {
        record Ranked(String value, int rank) {
        }
        List<Ranked> ranked = new ArrayList<>();
        for (int i = 0; i < options.size(); i++) {
            String rank = one(form, name + ":rank:" + i);
            if (rank != null && rank.matches("\\d{1,3}")) {
                ranked.add(new Ranked(options.get(i).value(), Integer.parseInt(rank)));
            }
        }
        if (ranked.isEmpty()) {
            return null;
        }
        ArrayNode answer = JSON.arrayNode();
        ranked.stream().sorted(Comparator.comparingInt(Ranked::rank)).forEach(r -> answer.add(r.value()));
        return answer;
    }

    private static JsonNode entries(Item.RepeatingGroup group, Map<String, List<String>> form, String name) {
        String counted = one(form, name + ":count");
        int count = counted != null && counted.matches("\\d{1,3}") ? Math.min(Integer.parseInt(counted), 200) : 0;
        if (count == 0) {
            return null;
        }
        ArrayNode entries = JSON.arrayNode();
        for (int n = 0; n < count; n++) {
            ObjectNode entry = JSON.objectNode();
            for (Field field : group.fields()) {
                String fieldName = name + ":" + n + ":" + field.id();
                JsonNode value = switch (field.type()) {
                    case NUMBER -> number(one(form, fieldName), false);
                    case BOOLEAN -> {
                        String yes = one(form, fieldName);
                        yield yes == null ? null : yes.equals("true") ? JSON.booleanNode(true)
                                : yes.equals("false") ? JSON.booleanNode(false) : JSON.textNode(yes);
                    }
                    case CHOICES, COMPETENCES -> picks(form.get(fieldName));
                    case TEXT, CHOICE, DATE -> text(one(form, fieldName));
                };
                if (value != null) {
                    entry.set(field.id(), value);
                }
            }
            entries.add(entry);
        }
        return entries;
    }

    private static JsonNode picks(List<String> values) {
        if (values == null) {
            return null;
        }
        ArrayNode picks = JSON.arrayNode();
        values.stream().filter(value -> !value.isBlank()).forEach(picks::add);
        return picks.isEmpty() ? null : picks;
    }

    private static JsonNode text(String value) {
        return value == null ? null : JSON.textNode(value);
    }

    private static JsonNode number(String value, boolean integer) {
        if (value == null) {
            return null;
        }
        String typed = value.strip().replace(',', '.');
        try {
            BigDecimal number = new BigDecimal(typed);
            if (integer && number.stripTrailingZeros().scale() <= 0 && number.abs().compareTo(BigDecimal.valueOf(1_000_000_000L)) < 0) {
                return JSON.numberNode(number.intValueExact());
            }
            return number.abs().compareTo(new BigDecimal("1e15")) < 0 ? JSON.numberNode(number.doubleValue())
                    : JSON.textNode(value);
        } catch (NumberFormatException | ArithmeticException notANumber) {
            return JSON.textNode(value);
        }
    }

    /** The form's value for {@code name}, or null when absent or blank. Free text keeps its spaces. */
    private static String one(Map<String, List<String>> form, String name) {
        List<String> values = form.get(name);
        if (values == null || values.isEmpty() || values.getFirst() == null || values.getFirst().isBlank()) {
            return null;
        }
        return values.getFirst();
    }
}
