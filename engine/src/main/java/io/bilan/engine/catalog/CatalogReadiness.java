package io.bilan.engine.catalog;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready once the start-up packages are published and the catalogue can be read. */
@Readiness
@ApplicationScoped
public class CatalogReadiness implements HealthCheck {

    private final CatalogStartup startup;
    private final InstrumentCatalog catalog;

    CatalogReadiness(CatalogStartup startup, InstrumentCatalog catalog) {
        this.startup = startup;
        this.catalog = catalog;
    }

    @Override
    public HealthCheckResponse call() {
        if (!startup.ready()) {
            return HealthCheckResponse.named("catalog").down().build();
        }
        return HealthCheckResponse.named("catalog").up().withData("versions", catalog.size()).build();
    }
}
