package io.bilan.engine.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import io.bilan.engine.config.EngineConfig;
import io.bilan.engine.problem.ProblemException;
import io.bilan.engine.problem.ProblemType;
import io.bilan.runtime.BilanRuntime;
import io.bilan.runtime.InvalidPackageException;
import io.bilan.runtime.source.PackageReadException;
import io.bilan.runtime.source.PackageSource;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * Publishes the packages of the configured folders at start-up, so a fresh engine serves the shipped
 * instruments. A package already published with the same content is left as it is; one that fails
 * validation or conflicts with a published version is reported in the log and skipped. The work runs in the
 * background: the HTTP server starts at once, and the readiness check reports the engine ready when the catalogue
 * is and the JavaScript engine has started. A package already published (a restart) is not validated again then;
 * one that {@code bilan.catalog.fixtures-passed} lists as passed under this runtime is validated without running its
 * fixtures (the build lists the shipped packages, whose fixtures its own first start of the engine ran).
 * Once ready, the packages of the folders are loaded in the background, so that their first requests find them
 * loaded; a request that comes earlier loads what it needs.
 */
@ApplicationScoped
public class CatalogStartup {

    private static final Logger LOG = Logger.getLogger(CatalogStartup.class);
    /** The setting the engine's commands turn off: they do not serve the catalogue. */
    public static final String PUBLISH_AT_START = "bilan.catalog.publish-at-start";

    private final InstrumentCatalog catalog;
    private final Instance<BilanRuntime> runtimes;
    private final EngineConfig config;
    private final CatalogState state;

    CatalogStartup(InstrumentCatalog catalog, Instance<BilanRuntime> runtimes, EngineConfig config,
            CatalogState state) {
        this.catalog = catalog;
        this.runtimes = runtimes;
        this.config = config;
        this.state = state;
    }

    void onStart(@Observes StartupEvent event) {
        // The engine's commands (create-admin-key, create-admin) start Quarkus for its database only and stop at
        // once: publishing the folders then would only be cut short by the stop.
        if (!config.catalog().publishAtStart()) {
            return;
        }
        Thread.ofPlatform().name("bilan-catalog-startup").daemon().start(() -> {
            try {
                publishFolders();
            } catch (RuntimeException e) {
                // Stopped while it worked (the database closed under it), or a failure that must be seen: either way
                // in one line of the log rather than a stack trace on the console, and never ready.
                LOG.errorf("the catalogue could not be published at start-up: %s", e.getMessage());
                LOG.debug("the catalogue's start-up failure", e);
            }
        });
    }

    private void publishFolders() {
        BilanRuntime runtime = runtimes.get();
        PassedFixtures passed = PassedFixtures.read(config.catalog().fixturesPassed());
        int published = 0;
        int present = 0;
        List<PackageSource> held = new ArrayList<>();
        for (Path folder : config.catalog().folders()) {
            for (Path candidate : packagesIn(folder)) {
                try {
                    PackageSource source = runtime.read(candidate);
                    String digest = source.digest();
                    if (catalog.holds(digest)) {
                        present++;
                        held.add(source);
                        continue;
                    }
                    PublishOutcome outcome = catalog.publish(source, InstrumentCatalog.Publisher.ENGINE,
                            passed.passedUnder(digest));
                    if (outcome.created()) {
                        published++;
                    } else {
                        present++;
                    }
                } catch (ProblemException e) {
                    if (e.type() != ProblemType.VERSION_CONFLICT) {
                        throw e;
                    }
                    LOG.errorf("%s was not published: %s", candidate, e.getMessage());
                } catch (InvalidPackageException | PackageReadException e) {
                    LOG.errorf("%s was not published: %s", candidate, e.getMessage());
                }
            }
        }
        // Before ready, not after: a scripted request arriving just after ready would otherwise wait, unannounced,
        // for the JavaScript engine's start (seconds, tens of seconds on busy cores: docs/performance.md). Ready
        // means any request is answered at its usual speed.
        runtime.startScripts();
        state.ready(true);
        LOG.infof("catalogue ready: %d packages published now, %d already there, %d versions in all", published,
                present, catalog.size());
        preload(runtime, held);
    }

    /** Loads the packages of the folders that were already published, as their first requests would. */
    private void preload(BilanRuntime runtime, List<PackageSource> sources) {
        for (PackageSource source : sources) {
            try {
                JsonNode manifest = runtime.json().readTree(source.text(PackageSource.MANIFEST).orElse("{}"));
                catalog.preload(manifest.path("id").asText(), manifest.path("version").asText());
            } catch (IOException | RuntimeException e) {
                // Its first request will say what is wrong, as it would have without this.
                LOG.debugf("%s was not loaded in advance: %s", source.origin(), e.getMessage());
            }
        }
        LOG.debugf("%d packages of the folders loaded in advance", sources.size());
    }

    /** Whether the start-up publication is over. */
    public boolean ready() {
        return state.ready();
    }

    private static List<Path> packagesIn(Path folder) {
        if (!Files.isDirectory(folder)) {
            LOG.warnf("instrument folder %s does not exist", folder.toAbsolutePath());
            return List.of();
        }
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.filter(path -> Files.isRegularFile(path.resolve("manifest.json"))
                            || path.getFileName().toString().endsWith(".zip"))
                    .sorted().toList();
        } catch (IOException e) {
            LOG.errorf("cannot list instrument folder %s: %s", folder, e.getMessage());
            return List.of();
        }
    }
}
