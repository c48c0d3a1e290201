package io.bilan.occupation;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Loads a catalogue from a source named as in configuration: {@code built-in}, {@code onet:<folder>} (the O*NET
 * database's text files), {@code csv:<file>} or {@code json:<file>} (a centre's own catalogue). Several sources
 * combine in order; an occupation of a later source replaces one of an earlier source with the same id.
 */
public final class CatalogueSources {

    private CatalogueSources() {
    }

    /** The catalogue of these sources, combined in order. */
    public static OccupationCatalogue load(List<String> sources) throws CatalogueException, IOException {
        OccupationCatalogue catalogue = OccupationCatalogue.of(List.of());
        for (String source : sources) {
            catalogue = catalogue.with(load(source.strip()));
        }
        return catalogue;
    }

    /** The catalogue of one source. */
    public static OccupationCatalogue load(String source) throws CatalogueException, IOException {
        if ("built-in".equals(source)) {
            return OccupationCatalogue.builtIn();
        }
        int colon = source.indexOf(':');
        String kind = colon < 0 ? "" : source.substring(0, colon);
        Path path = colon < 0 ? null : Path.of(source.substring(colon + 1));
        return switch (kind) {
            case "onet" -> OnetImporter.read(path);
            case "csv" -> {
                try (Reader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
                    yield OccupationCatalogue.of(CatalogueCsv.read(in, path.toString()));
                }
            }
            case "json" -> OccupationCatalogue.of(CatalogueJson.read(Files.readString(path), path.toString()));
            default -> throw new CatalogueException(source, List.of("not a catalogue source: expected built-in, "
                    + "onet:<folder>, csv:<file> or json:<file>"));
        };
    }
}
