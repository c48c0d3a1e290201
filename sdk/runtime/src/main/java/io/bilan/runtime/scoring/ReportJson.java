package io.bilan.runtime.scoring;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.bilan.api.report.BandResult;
import io.bilan.api.report.Flag;
import io.bilan.api.report.NormScores;
import io.bilan.api.report.OutcomeResult;
import io.bilan.api.report.ScaleResult;
import io.bilan.api.report.ScoreReport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * Writes a {@link ScoreReport} as JSON, byte for byte as Jackson's data binding writes it with
 * {@link MapperFeature#SORT_PROPERTIES_ALPHABETICALLY}: each record's properties in alphabetical order, those the
 * record marks {@code @JsonInclude(NON_NULL)} left out when null, enums by their {@code @JsonValue} code, numbers and
 * strings through the same {@link JsonGenerator} calls (a double's text, {@code Double.toString}'s, found by
 * {@link DoubleText} when it can be). The report's open part, {@code results}, is handed to that data binding
 * writer.
 *
 * <p>Why by hand: data binding reaches each record component through reflection and finds each map's and list's
 * serialiser again for every report. On the scoring endpoint that was a sixth of the event loop's time under load,
 * more than the scoring itself (docs/performance.md). {@code ReportJsonTest} compares the two writers on generated
 * reports that fill every component of every record, so a component added to a report record fails it until it is
 * written here too.
 */
public final class ReportJson {

    /** The writer this one matches, which writes the report's open part. */
    private static final ObjectMapper SORTED = JsonMapper.builder()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY).build();

    // ScoreReport
    private static final SerializableString DIGEST = name("digest");
    private static final SerializableString DURATION_SECONDS = name("durationSeconds");
    private static final SerializableString FLAGS = name("flags");
    private static final SerializableString INSTRUMENT = name("instrument");
    private static final SerializableString INTERPRETATION = name("interpretation");
    private static final SerializableString LANGUAGE = name("language");
    private static final SerializableString OUTCOMES = name("outcomes");
    private static final SerializableString RESPONDENT = name("respondent");
    private static final SerializableString RESULTS = name("results");
    private static final SerializableString SCALES = name("scales");
    // ScaleResult
    private static final SerializableString ANSWERED = name("answered");
    private static final SerializableString BAND = name("band");
    private static final SerializableString ITEMS = name("items");
    private static final SerializableString LABEL = name("label");
    private static final SerializableString MAX = name("max");
    private static final SerializableString MEAN = name("mean");
    private static final SerializableString MIN = name("min");
    private static final SerializableString NORM = name("norm");
    private static final SerializableString PRORATED = name("prorated");
    private static final SerializableString RAW = name("raw");
    private static final SerializableString SOURCE = name("source");
    private static final SerializableString STATUS = name("status");
    // NormScores
    private static final SerializableString PERCENTILE = name("percentile");
    private static final SerializableString STANINE = name("stanine");
    private static final SerializableString STEN = name("sten");
    private static final SerializableString T = name("t");
    // BandResult
    private static final SerializableString ID = name("id");
    private static final SerializableString TEXT = name("text");
    // OutcomeResult
    private static final SerializableString EVIDENCE = name("evidence");
    private static final SerializableString LEVEL = name("level");
    private static final SerializableString MEASURES = name("measures");
    private static final SerializableString SCALE = name("scale");
    private static final SerializableString TARGET = name("target");
    private static final SerializableString TYPE = name("type");
    // Flag
    private static final SerializableString CODE = name("code");
    private static final SerializableString MESSAGE = name("message");
    private static final SerializableString SEVERITY = name("severity");

    private ReportJson() {
    }

    /** The report as UTF-8 JSON. */
    public static byte[] bytes(ScoreReport report) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(2048);
        try (JsonGenerator json = SORTED.createGenerator(out)) {
            write(report, json);
        } catch (IOException e) {
            throw new UncheckedIOException("a score report could not be written as JSON", e);
        }
        return out.toByteArray();
    }

    /** Writes the report as one JSON object. */
    private static void write(ScoreReport report, JsonGenerator json) throws IOException {
        if (report == null) {
            json.writeNull();
            return;
        }
        json.writeStartObject();
        string(json, DIGEST, report.digest());
        number(json, DURATION_SECONDS, report.durationSeconds());
        if (report.flags() != null) {
            json.writeFieldName(FLAGS);
            list(json, report.flags(), ReportJson::flag);
        }
        string(json, INSTRUMENT, report.instrument());
        if (report.interpretation() != null) {
            json.writeFieldName(INTERPRETATION);
            list(json, report.interpretation(), JsonGenerator::writeString);
        }
        string(json, LANGUAGE, report.language());
        if (report.outcomes() != null) {
            json.writeFieldName(OUTCOMES);
            list(json, report.outcomes(), ReportJson::outcome);
        }
        string(json, RESPONDENT, report.respondent());
        if (report.results() != null) {
            json.writeFieldName(RESULTS);
            if (report.results().isEmpty()) {
                json.writeStartObject();
                json.writeEndObject();
            } else {
                SORTED.writeValue(json, report.results());
            }
        }
        if (report.scales() != null) {
            json.writeFieldName(SCALES);
            json.writeStartObject();
            for (Map.Entry<String, ScaleResult> scale : report.scales().entrySet()) {
                json.writeFieldName(scale.getKey());
                scale(json, scale.getValue());
            }
            json.writeEndObject();
        }
        json.writeEndObject();
    }

    private static void scale(JsonGenerator json, ScaleResult scale) throws IOException {
        if (scale == null) {
            json.writeNull();
            return;
        }
        json.writeStartObject();
        number(json, ANSWERED, scale.answered());
        if (scale.band() != null) {
            json.writeFieldName(BAND);
            band(json, scale.band());
        }
        number(json, ITEMS, scale.items());
        string(json, LABEL, scale.label());
        number(json, MAX, scale.max());
        number(json, MEAN, scale.mean());
        number(json, MIN, scale.min());
        if (scale.norm() != null) {
            json.writeFieldName(NORM);
            norm(json, scale.norm());
        }
        if (scale.prorated() != null) {
            json.writeFieldName(PRORATED);
            json.writeBoolean(scale.prorated());
        }
        number(json, RAW, scale.raw());
        string(json, SOURCE, scale.source());
        if (scale.status() != null) {
            json.writeFieldName(STATUS);
            json.writeString(scale.status().code());
        }
        json.writeEndObject();
    }

    /** NormScores has no {@code @JsonInclude}: a null norm id is written as null. */
    private static void norm(JsonGenerator json, NormScores norm) throws IOException {
        json.writeStartObject();
        json.writeFieldName(NORM);
        json.writeString(norm.norm());
        json.writeFieldName(PERCENTILE);
        number(json, norm.percentile());
        json.writeFieldName(STANINE);
        json.writeNumber(norm.stanine());
        json.writeFieldName(STEN);
        json.writeNumber(norm.sten());
        json.writeFieldName(T);
        number(json, norm.t());
        json.writeEndObject();
    }

    private static void band(JsonGenerator json, BandResult band) throws IOException {
        json.writeStartObject();
        string(json, ID, band.id());
        string(json, LABEL, band.label());
        string(json, TEXT, band.text());
        json.writeEndObject();
    }

    private static void outcome(JsonGenerator json, OutcomeResult outcome) throws IOException {
        json.writeStartObject();
        string(json, EVIDENCE, outcome.evidence());
        json.writeFieldName(LEVEL);
        number(json, outcome.level());
        if (outcome.measures() != null) {
            json.writeFieldName(MEASURES);
            json.writeString(outcome.measures().code());
        }
        string(json, SCALE, outcome.scale());
        if (outcome.source() != null) {
            json.writeFieldName(SOURCE);
            json.writeString(outcome.source().code());
        }
        string(json, TARGET, outcome.target());
        string(json, TYPE, outcome.type());
        json.writeEndObject();
    }

    /** Flag has no {@code @JsonInclude}: its null properties are written as null. */
    private static void flag(JsonGenerator json, Flag flag) throws IOException {
        json.writeStartObject();
        json.writeFieldName(CODE);
        json.writeString(flag.code());
        json.writeFieldName(MESSAGE);
        json.writeString(flag.message());
        json.writeFieldName(SEVERITY);
        if (flag.severity() == null) {
            json.writeNull();
        } else {
            json.writeString(flag.severity().code());
        }
        json.writeEndObject();
    }

    /** Writes one element of a list that is not null. */
    private interface ElementWriter<T> {
        void write(JsonGenerator json, T element) throws IOException;
    }

    private static <T> void list(JsonGenerator json, List<T> list, ElementWriter<T> element) throws IOException {
        json.writeStartArray();
        for (T each : list) {
            if (each == null) {
                json.writeNull();
            } else {
                element.write(json, each);
            }
        }
        json.writeEndArray();
    }

    /** A property of a {@code NON_NULL} record: left out when null. */
    private static void string(JsonGenerator json, SerializableString name, String value) throws IOException {
        if (value != null) {
            json.writeFieldName(name);
            json.writeString(value);
        }
    }

    private static void number(JsonGenerator json, SerializableString name, Double value) throws IOException {
        if (value != null) {
            json.writeFieldName(name);
            number(json, value);
        }
    }

    /** As {@code json.writeNumber(value)}, whose text is {@code Double.toString}'s, found faster when it can be. */
    private static void number(JsonGenerator json, double value) throws IOException {
        char[] text = new char[DoubleText.MAX_LENGTH];
        int length = DoubleText.write(value, text);
        if (length < 0) {
            json.writeNumber(value);
        } else {
            json.writeNumber(text, 0, length);
        }
    }

    private static void number(JsonGenerator json, SerializableString name, Integer value) throws IOException {
        if (value != null) {
            json.writeFieldName(name);
            json.writeNumber(value);
        }
    }

    private static SerializableString name(String name) {
        return new SerializedString(name);
    }
}
