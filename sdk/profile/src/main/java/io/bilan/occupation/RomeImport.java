package io.bilan.occupation;

import java.util.List;

/**
 * What an import of the ROME export gives.
 *
 * @param catalogue       the codes imported, one occupation each
 * @param borrowed        how many took the interest and value figures of earlier occupations with their ROME code or
 *                        its parent
 * @param estimated       how many have interest scores estimated from ROME's interest centres, and no work values
 * @param leftOut         codes left out: no earlier occupation shares their code and no interest centre maps to an area
 * @param unmappedCentres interest centres of the files that Bilan's mapping does not know (a newer ROME release)
 */
public record RomeImport(OccupationCatalogue catalogue, int borrowed, int estimated, List<String> leftOut,
        List<String> unmappedCentres) {

    /** Copies the lists. */
    public RomeImport {
        leftOut = List.copyOf(leftOut);
        unmappedCentres = List.copyOf(unmappedCentres);
    }

    /** One sentence for the start-up log. */
    public String summary() {
        return String.format(java.util.Locale.ROOT, "%,d ROME codes imported (%,d with the figures of earlier"
                + " occupations of the same code, %,d with interests estimated from interest centres); %,d left out%s",
                catalogue.size(), borrowed, estimated, leftOut.size(),
                unmappedCentres.isEmpty() ? "" : "; interest centres not mapped: " + unmappedCentres);
    }
}
