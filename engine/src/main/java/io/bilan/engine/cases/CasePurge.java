package io.bilan.engine.cases;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.jboss.logging.Logger;

/** Erases, on schedule, the closed cases kept longer than {@code bilan.cases.retention}. */
@ApplicationScoped
public class CasePurge {

    private static final Logger LOG = Logger.getLogger(CasePurge.class);

    private final Cases cases;

    CasePurge(Cases cases) {
        this.cases = cases;
    }

    @Scheduled(cron = "{bilan.cases.purge-cron}", identity = "bilan-case-purge",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purge() {
        int erased = cases.purgeExpired(OffsetDateTime.now(ZoneOffset.UTC));
        if (erased > 0) {
            LOG.infof("retention: %d closed case(s) erased", erased);
        }
    }
}
