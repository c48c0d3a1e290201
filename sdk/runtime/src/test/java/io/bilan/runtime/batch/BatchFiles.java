package io.bilan.runtime.batch;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.bilan.runtime.Instrument;
import io.bilan.runtime.TestPackages;
import io.bilan.runtime.scoring.ScoreOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** The batch test files under {@code src/test/resources/batch}, and a scorer for {@code every-rule}. */
final class BatchFiles {

    static final Instrument EVERY_RULE = TestPackages.load("every-rule");

    private BatchFiles() {
    }

    static BatchScorer scorer() {
        return new BatchScorer(EVERY_RULE, ScoreOptions.in("en"), TestPackages.runtime().json());
    }

    static Reader open(String name) {
        InputStream in = BatchFiles.class.getResourceAsStream("/batch/" + name);
        if (in == null) {
            throw new UncheckedIOException(new IOException("no test file /batch/" + name));
        }
        return new InputStreamReader(in, StandardCharsets.UTF_8);
    }

    /** The rows of a CSV output, keyed by header, read back with an independent reader. */
    static List<Map<String, String>> readCsv(String csv) throws IOException {
        try (MappingIterator<Map<String, String>> rows = new CsvMapper().readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(csv)) {
            return rows.readAll();
        }
    }
}
