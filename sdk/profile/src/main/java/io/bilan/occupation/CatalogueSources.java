package io.bilan.occupation;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * Loads a catalogue from a source named as in configuration: {@code built-in}, {@code onet:<folder>} (the O*NET
 * database's text files), {@code esco:<folder>} (the ESCO classification's CSV files), {@code csv:<file>} or
 * {@code json:<file>} (a centre's own catalogue), {@code rome:<folder>} (France Travail's ROME export, RefRomeCsv).
 * Several sources combine in order; an occupation of a later source
 * replaces one of an earlier source with the same id. An ESCO source borrows its interest and value figures from
 * the sources before it, so it must come after one of them, e.g. {@code built-in,esco:/data/esco}; a ROME source
 * borrows them from earlier occupations with the same ROME code, else estimates interests from ROME's interest
 * centres.
 */
public final class CatalogueSources {

    private CatalogueSources() {
    }

    /** The catalogue of these sources, combined in order. */
    public static OccupationCatalogue load(List<String> sources) throws CatalogueException, IOException {
        return load(sources, note -> {
        });
    }

    /**
     * The catalogue of these sources, combined in order; {@code notes} hears what is worth a line in a log, such as
     * how many ESCO occupations were left out for want of figures.
     */
    public static OccupationCatalogue load(List<String> sources, Consumer<String> notes)
            throws CatalogueException, IOException {
        OccupationCatalogue catalogue = OccupationCatalogue.of(List.of());
        for (String source : sources) {
            catalogue = catalogue.with(load(source.strip(), catalogue, notes));
        }
        return catalogue;
    }

    /** The catalogue of one source; an {@code esco:} source cannot stand alone. */
    public static OccupationCatalogue load(String source) throws CatalogueException, IOException {
        return load(source, OccupationCatalogue.of(List.of()), note -> {
        });
    }

    private static OccupationCatalogue load(String source, OccupationCatalogue earlier, Consumer<String> notes)
            throws CatalogueException, IOException {
        if ("built-in".equals(source)) {
            return OccupationCatalogue.builtIn();
        }
        int colon = source.indexOf(':');
        String kind = colon < 0 ? "" : source.substring(0, colon);
        Path path = colon < 0 ? null : Path.of(source.substring(colon + 1));
        return switch (kind) {
            case "onet" -> OnetImporter.read(path);
            case "esco" -> {
                EscoImport imported = EscoImporter.read(path, earlier);
                notes.accept(source + ": " + imported.summary());
                yield imported.catalogue();
            }
            case "rome" -> {
                RomeImport imported = RomeImporter.read(path, earlier);
                notes.accept(source + ": " + imported.summary());
                yield imported.catalogue();
            }
            case "csv" -> {
                try (Reader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
                    yield OccupationCatalogue.of(CatalogueCsv.read(in, path.toString()));
                }
            }
            case "json" -> OccupationCatalogue.of(CatalogueJson.read(Files.readString(path), path.toString()));
            default -> throw new CatalogueException(source, List.of("not a catalogue source: expected built-in, "
                    + "onet:<folder>, esco:<folder>, rome:<folder>, csv:<file> or json:<file>"));
        };
    }
}
