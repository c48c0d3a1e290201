package io.bilan.engine.cases;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.bilan.api.report.ScoreReport;
import io.bilan.engine.runtime.RequestJson;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** The JSON a case keeps in its columns: contact data, responses, reports, the synthesis. */
@ApplicationScoped
public class CaseJson {

    private static final TypeReference<LinkedHashMap<String, String>> CONTACT = new TypeReference<>() { };

    private final ObjectMapper json;
    private final ObjectReader stored;

    CaseJson(ObjectMapper json) {
        this.json = json;
        this.stored = RequestJson.stored(json);
    }

    String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    <T> T read(String text, Class<T> type) {
        try {
            return stored.forType(type).readValue(text);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The report an administration was scored into. */
    ScoreReport report(CaseAdministration administration) {
        return read(administration.report, ScoreReport.class);
    }

    /** The contact data of a case, or null. */
    Map<String, String> contact(CaseRecord record) {
        if (record.contact == null) {
            return null;
        }
        try {
            return stored.forType(CONTACT).readValue(record.contact);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
