package io.bilan.engine.catalog;

import io.bilan.engine.problem.ProblemException;
import io.bilan.engine.problem.ProblemType;
import io.bilan.engine.problem.Texts;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Whether the catalogue is ready: at first start the shipped packages are published in the background, tens of
 * seconds on a busy machine. Until then a listing would be short and an instrument not yet published would look
 * absent; both are answered 503 with {@code Retry-After} instead, as the readiness check says "not ready".
 */
@ApplicationScoped
public class CatalogState {

    /** Seconds a client is told to wait before asking again while the catalogue loads. */
    static final int RETRY_AFTER_SECONDS = 5;

    private volatile boolean ready;

    /** Whether the start-up publication is over. */
    public boolean ready() {
        return ready;
    }

    /** Set once, when the start-up publication is over; and by tests of the loading time. */
    void ready(boolean value) {
        ready = value;
    }

    /** The refusal of a request the catalogue cannot answer while it loads. */
    ProblemException loading() {
        return new ProblemException(ProblemType.CATALOG_LOADING, Texts.of("detail.catalog-loading"))
                .withHeader("Retry-After", String.valueOf(RETRY_AFTER_SECONDS));
    }
}
