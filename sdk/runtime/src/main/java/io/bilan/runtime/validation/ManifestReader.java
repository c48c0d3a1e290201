package io.bilan.runtime.validation;

import com.fasterxml.jackson.databind.JsonNode;
import io.bilan.api.instrument.Author;
import io.bilan.api.instrument.Bands;
import io.bilan.api.instrument.BilanPhase;
import io.bilan.api.instrument.ChoiceOption;
import io.bilan.api.instrument.Field;
import io.bilan.api.instrument.InstrumentKind;
import io.bilan.api.instrument.InstrumentManifest;
import io.bilan.api.instrument.Item;
import io.bilan.api.instrument.LabelledPoint;
import io.bilan.api.instrument.LikertFormat;
import io.bilan.api.instrument.LocalizedText;
import io.bilan.api.instrument.MissingDataRule;
import io.bilan.api.instrument.NormTable;
import io.bilan.api.instrument.OutcomeMapping;
import io.bilan.api.instrument.RespondentView;
import io.bilan.api.instrument.Scale;
import io.bilan.api.instrument.ScaleItem;
import io.bilan.api.instrument.ScoringMethod;
import io.bilan.api.vocabulary.EvidenceMeasure;
import io.bilan.api.vocabulary.EvidenceSource;
import io.bilan.api.vocabulary.RiasecArea;
import io.bilan.api.vocabulary.WorkValue;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads a manifest the package schema has accepted into its records, giving what Jackson's binding of the records'
 * annotations gives (absent or null members as {@code null}, or as zero and {@code false} for primitives; enums by
 * their {@code @JsonValue} code or their {@code @JsonCreator}; items and outcomes by their {@code type}), without
 * building Jackson's deserializers for the thirty types of a manifest. Building them was a tenth of the command
 * line's CPU on a researcher's data set (docs/performance.md, "Command line vs R"). {@code ManifestReaderTest} holds
 * it to Jackson's binding on every manifest of the repository and on generated ones: a member added to a record and
 * not read here fails that test.
 *
 * <p>The schema has checked every type and closed every object, so a value of the wrong kind cannot reach this
 * class; a record's own check ({@link IllegalArgumentException}) still can, and is reported by the caller.
 */
final class ManifestReader {

    private ManifestReader() {
    }

    static InstrumentManifest read(JsonNode manifest) {
        return new InstrumentManifest(
                integer(manifest, "formatVersion"),
                text(manifest, "id"),
                text(manifest, "version"),
                code(manifest, "kind", InstrumentKind.values(), InstrumentKind::code),
                list(manifest, "phases", phase -> byCode(phase.asText(), BilanPhase.values(), BilanPhase::code)),
                list(manifest, "languages", JsonNode::asText),
                localized(manifest, "title"),
                localized(manifest, "description"),
                localized(manifest, "instructions"),
                list(manifest, "authors", ManifestReader::author),
                text(manifest, "licence"),
                integer(manifest, "estimatedMinutes"),
                nullableInteger(manifest, "timeLimitSeconds"),
                map(manifest, "likertFormats", ManifestReader::likertFormat),
                list(manifest, "items", ManifestReader::item),
                list(manifest, "scales", ManifestReader::scale),
                list(manifest, "norms", ManifestReader::normTable),
                list(manifest, "outcomes", ManifestReader::outcome),
                object(manifest, "scoring", ManifestReader::scoring),
                code(manifest, "respondentView", RespondentView.values(), RespondentView::code));
    }

    private static Author author(JsonNode author) {
        return new Author(text(author, "name"), text(author, "organisation"), text(author, "email"));
    }

    private static LikertFormat likertFormat(JsonNode format) {
        return new LikertFormat(integer(format, "min"), integer(format, "max"),
                list(format, "labels", ManifestReader::labelledPoint));
    }

    private static LabelledPoint labelledPoint(JsonNode point) {
        return new LabelledPoint(integer(point, "value"), localized(point, "label"));
    }

    private static Item item(JsonNode item) {
        String id = text(item, "id");
        LocalizedText text = localized(item, "text");
        boolean required = bool(item, "required");
        String type = text(item, "type");
        return switch (type == null ? "" : type) {
            case "likert" -> new Item.Likert(id, text, required, text(item, "format"));
            case "single-choice" -> new Item.SingleChoice(id, text, required, options(item));
            case "multiple-choice" -> new Item.MultipleChoice(id, text, required, options(item),
                    nullableInteger(item, "minPicks"), nullableInteger(item, "maxPicks"));
            case "ranking" -> new Item.Ranking(id, text, required, options(item));
            case "forced-choice" -> new Item.ForcedChoice(id, text, required, options(item));
            case "numeric" -> new Item.Numeric(id, text, required, nullableDecimal(item, "min"),
                    nullableDecimal(item, "max"), bool(item, "integer"), localized(item, "unit"));
            case "free-text" -> new Item.FreeText(id, text, required, integer(item, "maxLength"));
            case "repeating-group" -> new Item.RepeatingGroup(id, text, required,
                    list(item, "fields", ManifestReader::field), nullableInteger(item, "minEntries"),
                    integer(item, "maxEntries"));
            case "knowledge" -> new Item.Knowledge(id, text, required, options(item), text(item, "correct"),
                    map(item, "credit", JsonNode::asDouble), nullableDecimal(item, "points"));
            case "observation-criterion" -> new Item.ObservationCriterion(id, text, required, integer(item, "min"),
                    integer(item, "max"), list(item, "anchors", ManifestReader::labelledPoint));
            default -> throw new IllegalArgumentException("item " + id + " has no known type: " + type);
        };
    }

    private static List<ChoiceOption> options(JsonNode item) {
        return list(item, "options", option -> new ChoiceOption(text(option, "value"), localized(option, "label"),
                nullableDecimal(option, "score")));
    }

    private static Field field(JsonNode field) {
        return new Field(text(field, "id"), localized(field, "label"),
                code(field, "type", Field.Type.values(), Field.Type::code), bool(field, "required"), options(field),
                nullableDecimal(field, "min"), nullableDecimal(field, "max"), nullableInteger(field, "maxLength"));
    }

    private static Scale scale(JsonNode scale) {
        return new Scale(text(scale, "id"), localized(scale, "label"), localized(scale, "description"),
                code(scale, "aggregation", Scale.Aggregation.values(), Scale.Aggregation::code),
                list(scale, "items", item -> new ScaleItem(text(item, "item"), text(item, "option"),
                        nullableInteger(item, "key"), nullableDecimal(item, "weight"))),
                object(scale, "missing", missing -> new MissingDataRule(nullableInteger(missing, "minAnswered"),
                        nullableBool(missing, "prorate"), code(missing, "onInsufficient",
                                MissingDataRule.Insufficient.values(), MissingDataRule.Insufficient::code))),
                object(scale, "bands", ManifestReader::bands));
    }

    private static Bands bands(JsonNode bands) {
        return new Bands(code(bands, "on", Bands.Metric.values(), Bands.Metric::code),
                list(bands, "levels", band -> new Bands.Band(text(band, "id"), decimal(band, "from"),
                        localized(band, "label"), localized(band, "text"))));
    }

    private static NormTable normTable(JsonNode table) {
        return new NormTable(text(table, "id"), localized(table, "population"), integer(table, "sampleSize"),
                text(table, "collected"),
                map(table, "scales", norms -> new NormTable.ScaleNorms(
                        code(norms, "basis", NormTable.Basis.values(), NormTable.Basis::code),
                        list(norms, "rows", row -> new NormTable.Row(decimal(row, "score"), decimal(row, "percentile"),
                                decimal(row, "t"), integer(row, "stanine"), integer(row, "sten"))))),
                object(table, "bands", ManifestReader::bands));
    }

    private static OutcomeMapping outcome(JsonNode outcome) {
        String scale = text(outcome, "scale");
        EvidenceSource source = code(outcome, "source", EvidenceSource.values(), EvidenceSource::code);
        String type = text(outcome, "type");
        return switch (type == null ? "" : type) {
            case "interest" -> new OutcomeMapping.Interest(object(outcome, "area", area -> RiasecArea.of(area.asText())),
                    scale, source);
            case "work-value" -> new OutcomeMapping.Value(object(outcome, "value", value -> WorkValue.of(value.asText())),
                    scale, source);
            case "competence" -> new OutcomeMapping.Competence(text(outcome, "competence"), scale, source,
                    object(outcome, "measures", measure -> EvidenceMeasure.of(measure.asText())));
            default -> throw new IllegalArgumentException("outcome of scale " + scale + " has no known type: " + type);
        };
    }

    private static ScoringMethod scoring(JsonNode scoring) {
        return new ScoringMethod(text(scoring, "script"), text(scoring, "scorer"),
                list(scoring, "include", JsonNode::asText));
    }

    /** The member {@code name}, or {@code null} when it is absent or JSON null (Jackson's reading of both). */
    private static JsonNode member(JsonNode node, String name) {
        JsonNode value = node.get(name);
        return value == null || value.isNull() ? null : value;
    }

    private static <T> T object(JsonNode node, String name, Function<JsonNode, T> read) {
        JsonNode value = member(node, name);
        return value == null ? null : read.apply(value);
    }

    private static String text(JsonNode node, String name) {
        return object(node, name, JsonNode::asText);
    }

    private static int integer(JsonNode node, String name) {
        JsonNode value = member(node, name);
        return value == null ? 0 : toInt(name, value);
    }

    private static Integer nullableInteger(JsonNode node, String name) {
        JsonNode value = member(node, name);
        return value == null ? null : toInt(name, value);
    }

    /** As Jackson reads an {@code int}: a fraction is cut off, a number beyond an int's range refused. */
    private static int toInt(String name, JsonNode value) {
        if (value.isNumber() && !value.canConvertToInt()) {
            throw new IllegalArgumentException(name + " " + value + " is out of the range of an int");
        }
        return value.asInt();
    }

    private static double decimal(JsonNode node, String name) {
        JsonNode value = member(node, name);
        return value == null ? 0 : value.asDouble();
    }

    private static Double nullableDecimal(JsonNode node, String name) {
        return object(node, name, JsonNode::asDouble);
    }

    private static boolean bool(JsonNode node, String name) {
        JsonNode value = member(node, name);
        return value != null && value.asBoolean();
    }

    private static Boolean nullableBool(JsonNode node, String name) {
        return object(node, name, JsonNode::asBoolean);
    }

    private static LocalizedText localized(JsonNode node, String name) {
        return object(node, name, texts -> new LocalizedText(map(texts, JsonNode::asText)));
    }

    private static <T> List<T> list(JsonNode node, String name, Function<JsonNode, T> read) {
        JsonNode array = member(node, name);
        if (array == null) {
            return null;
        }
        List<T> values = new ArrayList<>(array.size());
        for (JsonNode element : array) {
            values.add(element.isNull() ? null : read.apply(element));
        }
        return values;
    }

    private static <T> Map<String, T> map(JsonNode node, String name, Function<JsonNode, T> read) {
        JsonNode object = member(node, name);
        return object == null ? null : map(object, read);
    }

    private static <T> Map<String, T> map(JsonNode object, Function<JsonNode, T> read) {
        Map<String, T> values = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            values.put(field.getKey(), field.getValue().isNull() ? null : read.apply(field.getValue()));
        }
        return values;
    }

    private static <E extends Enum<E>> E code(JsonNode node, String name, E[] values, Function<E, String> code) {
        return object(node, name, value -> byCode(value.asText(), values, code));
    }

    /** The constant whose {@code @JsonValue} code is {@code text}; Jackson refuses any other text, and so does this. */
    private static <E extends Enum<E>> E byCode(String text, E[] values, Function<E, String> code) {
        for (E value : values) {
            if (code.apply(value).equals(text)) {
                return value;
            }
        }
        throw new IllegalArgumentException("\"" + text + "\" is not one of the codes of "
                + values[0].getDeclaringClass().getSimpleName());
    }
}
