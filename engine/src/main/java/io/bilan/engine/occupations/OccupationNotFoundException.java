package io.bilan.engine.occupations;

/** No occupation with the id asked for. */
public final class OccupationNotFoundException extends RuntimeException {

    OccupationNotFoundException(String id) {
        super("no occupation \"" + id + "\" in the catalogue");
    }
}
