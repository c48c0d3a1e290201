package io.bilan.occupation;

import java.util.List;

/**
 * What an import of ESCO files gives.
 *
 * @param catalogue      the occupations imported, with figures borrowed from earlier sources
 * @param leftOut        the URIs of the ESCO occupations left out: no occupation of an earlier source shares their
 *                       ISCO-08 unit or minor group, so they have no figures to be matched on
 * @param fromMinorGroup how many of the imported occupations took the figures of their minor group, none of their
 *                       unit group having any
 */
public record EscoImport(OccupationCatalogue catalogue, List<String> leftOut, int fromMinorGroup) {

    /** Copies the list. */
    public EscoImport {
        leftOut = List.copyOf(leftOut);
    }

    /** One sentence for the start-up log: how many were imported, how many from their minor group, how many left out. */
    public String summary() {
        return String.format(java.util.Locale.ROOT, "%,d ESCO occupations imported (%,d with the figures of their"
                + " ISCO-08 minor group); %,d left out, no occupation of an earlier source sharing their ISCO-08 unit"
                + " or minor group", catalogue.size(), fromMinorGroup, leftOut.size());
    }
}
