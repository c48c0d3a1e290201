package io.bilan.engine.cases;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/** Erases, on schedule, the closed cases kept longer than {@code bilan.cases.retention}. */
@ApplicationScoped
public class CasePurge {

    private static final Logger LOG = Logger.getLogger(CasePurge.class);

    private final CaseErasure erasure;

    CasePurge(CaseErasure erasure) {
        this.erasure = erasure;
    }

    @Scheduled(cron = "{bilan.cases.purge-cron}", identity = "bilan-case-purge",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purge() {
        int erased = erasure.purgeExpired();
        if (erased > 0) {
            LOG.infof("retention: %d closed case(s) erased", erased);
        }
    }
}
