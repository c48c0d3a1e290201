package io.bilan.engine.cases;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bilan.api.report.ScoreReport;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** The JSON a case keeps in its columns: contact data, responses, reports, the synthesis. */
@ApplicationScoped
public class CaseJson {

    private static final TypeReference<LinkedHashMap<String, String>> CONTACT = new TypeReference<>() { };

    private final ObjectMapper json;

    CaseJson(ObjectMapper json) {
        this.json = json;
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
            return json.readValue(text, type);
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
            return json.readValue(record.contact, CONTACT);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
