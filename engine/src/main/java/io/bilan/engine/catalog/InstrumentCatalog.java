package io.bilan.engine.catalog;

import io.bilan.api.instrument.BilanPhase;
import io.bilan.api.instrument.InstrumentManifest;
import io.bilan.api.instrument.LocalizedText;
import io.bilan.api.report.Problem;
import io.bilan.engine.config.EngineConfig;
import io.bilan.engine.problem.ProblemDetails;
import io.bilan.engine.problem.ProblemException;
import io.bilan.engine.problem.ProblemType;
import io.bilan.engine.problem.Texts;
import io.bilan.runtime.BilanRuntime;
import io.bilan.runtime.Instrument;
import io.bilan.runtime.InvalidPackageException;
import io.bilan.runtime.source.PackageReadException;
import io.bilan.runtime.source.PackageSource;
import io.bilan.runtime.source.PackageWriter;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * The instrument catalogue: packages are stored in the database, so every engine instance on the same database
 * sees the same catalogue, and loaded instruments are kept in memory by digest within a budget
 * ({@code bilan.catalog.loaded-budget}). What each publisher stores is held to quotas
 * ({@code bilan.catalog.quota.*}). All loading, validation and scoring rules are the SDK runtime's.
 */
@ApplicationScoped
public class InstrumentCatalog {

    private static final Logger LOG = Logger.getLogger(InstrumentCatalog.class);

    /** The version name that means the highest published version. */
    public static final String LATEST = "latest";

    private final BilanRuntime runtime;
    private final EngineConfig config;
    private final Clock clock;
    private final LoadedInstruments loaded;
    /**
     * What {@code id@version} (or {@code id@latest}) resolved to, kept for {@link #RESOLUTION_TTL_NANOS}: scoring
     * must not query the database on every call, and another engine instance's publications and deprecations
     * still show within seconds.
     */
    private final Map<String, Resolution> resolved = new ConcurrentHashMap<>();

    /**
     * One publication at a time per publisher on this instance, from its quota check to the end of its
     * transaction: they then never wait on each other's database lock (which H2 gives up after a second).
     */
    private final Map<String, Semaphore> publishing = new ConcurrentHashMap<>();
    private final TransactionSynchronizationRegistry transactions;
    private final CatalogState state;
    /** Tells {@link CatalogListings} once a publication or deprecation has committed. */
    private final Event<CatalogListings.CatalogChanged> changes;

    private static final long RESOLUTION_TTL_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(5);

    private record Resolution(String digest, String id, String version, boolean deprecated, long at) {
    }

    InstrumentCatalog(BilanRuntime runtime, EngineConfig config, Clock clock,
            TransactionSynchronizationRegistry transactions, CatalogState state,
            Event<CatalogListings.CatalogChanged> changes) {
        this.changes = changes;
        this.transactions = transactions;
        this.state = state;
        this.clock = clock;
        this.runtime = runtime;
        this.config = config;
        this.loaded = new LoadedInstruments(config.catalog().loadedBudget().asLongValue());
    }

    /**
     * Validates a zipped package, runs its fixtures and stores it. Publishing the same content again changes
     * nothing.
     *
     * @throws PackageReadException     when the zip is unsafe or unreadable
     * @throws InvalidPackageException  with every problem when the package is not valid
     * @throws ProblemException        ({@code version-conflict}) when {@code id@version} exists with other content
     */
    @Transactional
    public PublishOutcome publish(byte[] zip, String origin, Publisher publisher)
            throws PackageReadException, InvalidPackageException {
        if (zip.length > config.limits().maxPackageSize().asLongValue()) {
            throw new ProblemException(ProblemType.PACKAGE_TOO_LARGE, "the package is larger than the limit of "
                    + config.limits().maxPackageSize().asLongValue() + " bytes");
        }
        return publish(runtime.readZip(zip, origin), publisher);
    }

    /**
     * Publishes a package already read, e.g. from a folder at start-up.
     *
     * @throws ProblemException ({@code instrument-owned}) when another publisher published the instrument's
     *                           earlier versions; ({@code publisher-quota-exceeded}) when the publisher stores as
     *                           many versions or bytes as its quota allows
     */
    @Transactional
    public PublishOutcome publish(PackageSource source, Publisher publisher) throws InvalidPackageException {
        return publish(source, publisher, null);
    }

    /**
     * As {@link #publish(PackageSource, Publisher)}, without running the package's fixtures when they passed under
     * this very runtime ({@code fixturesPassedUnder} equals its identity; see {@link BilanRuntime#load(PackageSource,
     * String)}): for a package of the start-up folders that the list of passed fixtures names.
     */
    @Transactional
    PublishOutcome publish(PackageSource source, Publisher publisher, String fixturesPassedUnder)
            throws InvalidPackageException {
        Instrument instrument = runtime.load(source, fixturesPassedUnder);
        InstrumentManifest manifest = instrument.manifest();
        checkOwner(manifest.id(), publisher);
        PackageRecord existing = PackageRecord.find("instrumentId = ?1 and version = ?2", manifest.id(),
                manifest.version()).firstResult();
        if (existing != null) {
            if (!existing.digest.equals(instrument.digest())) {
                throw new ProblemException(ProblemType.VERSION_CONFLICT, manifest.coordinates()
                        + " is already published with digest "
                        + existing.digest + "; a published version never changes: publish a new version");
            }
            // Its fixtures have just passed here, or under this runtime as listed.
            existing.fixturesPassedUnder = runtime.identity();
            return new PublishOutcome(VersionSummary.of(existing), false);
        }
        byte[] content = zip(source);
        checkQuota(publisher, content.length);
        PackageRecord record = new PackageRecord();
        record.instrumentId = manifest.id();
        record.version = manifest.version();
        record.digest = instrument.digest();
        record.kind = manifest.kind().code();
        record.phases = manifest.phases().stream().map(BilanPhase::code).collect(Collectors.joining(","));
        record.languages = String.join(",", manifest.languages());
        record.searchText = searchText(manifest);
        record.content = content;
        record.contentSize = content.length;
        record.deprecated = false;
        record.publishedAt = OffsetDateTime.now(clock);
        record.publishedBy = publisher.name();
        record.fixturesPassedUnder = runtime.identity();
        try {
            record.persistAndFlush();
        } catch (jakarta.persistence.PersistenceException e) {
            // Another request or engine instance stored this id@version between our check and our insert.
            throw new ProblemException(ProblemType.VERSION_CONFLICT, manifest.coordinates()
                    + " was published by another request at the "
                    + "same moment; publish again to see whether it holds the same content");
        }
        loaded.admit(instrument.digest(), instrument);
        resolved.clear();
        changes.fire(new CatalogListings.CatalogChanged());
        return new PublishOutcome(VersionSummary.of(record), true);
    }

    /** The instrument {@code id} at {@code version} ({@code latest} for the highest), loaded once per digest. */
    public Instrument instrument(String id, String version) {
        Resolution resolution = resolve(id, version);
        return loaded.get(resolution.digest(), () -> load(inTransaction(() -> record(resolution.id(),
                resolution.version()))));
    }

    /** An instrument as resolved, and whether its version is deprecated (as seen within the last few seconds). */
    public record Resolved(Instrument instrument, boolean deprecated) {
    }

    /**
     * {@code id@version} if this instance has it in memory now: resolved within the last few seconds and loaded.
     * Never reads the database nor loads anything, so it may be asked on the event loop; empty when
     * {@link #instrument} would have to do either.
     */
    public Optional<Resolved> inMemory(String id, String version) {
        Resolution resolution = resolved.get(id + "@" + version);
        if (resolution == null || System.nanoTime() - resolution.at() > RESOLUTION_TTL_NANOS) {
            return Optional.empty();
        }
        Instrument instrument = loaded.ifHeld(resolution.digest());
        return instrument == null ? Optional.empty()
                : Optional.of(new Resolved(instrument, resolution.deprecated()));
    }

    /**
     * Loads {@code id@version} in advance if it fits in the loaded instruments' budget without dropping another, so
     * that its first request finds it loaded; never throws.
     */
    void preload(String id, String version) {
        try {
            Resolution resolution = resolve(id, version);
            loaded.get(resolution.digest(), () -> load(inTransaction(() -> record(resolution.id(),
                    resolution.version()))), false);
        } catch (RuntimeException e) {
            // Its first request will say what is wrong, as it would have without this.
        }
    }

    private Resolution resolve(String id, String version) {
        String key = id + "@" + version;
        Resolution resolution = resolved.get(key);
        if (resolution == null || System.nanoTime() - resolution.at() > RESOLUTION_TTL_NANOS) {
            PackageRecord record = inTransaction(() -> record(id, version));
            resolution = new Resolution(record.digest, record.instrumentId, record.version, record.deprecated,
                    System.nanoTime());
            resolved.put(key, resolution);
        }
        return resolution;
    }

    /**
     * Marks a version deprecated, or current again. A deprecated version stays scoreable, and its reports carry
     * the flag {@code deprecated-version}; a version is never deleted while results may reference it.
     */
    @Transactional
    public VersionSummary setDeprecated(String id, String version, boolean deprecated, Publisher publisher) {
        PackageRecord record = record(id, version);
        checkOwner(id, publisher);
        record.deprecated = deprecated;
        resolved.clear();
        changes.fire(new CatalogListings.CatalogChanged());
        return VersionSummary.of(record);
    }

    /**
     * Who publishes: an instrument belongs to whoever published its first version; only they, and admins
     * ({@code maySupersede}), publish or deprecate its versions.
     */
    public record Publisher(String name, boolean maySupersede) {

        /** The engine itself, publishing the configured folders at start-up. */
        public static final Publisher ENGINE = new Publisher("bilan", true);
    }

    /**
     * Refuses a publication that would take {@code publisher} over its quota. The publisher's row of
     * {@code publisher_lock} is locked until the transaction ends, so concurrent publications by one publisher, on
     * any engine instance, are counted one after the other and cannot together go over the quota. On this
     * instance they also take turns before asking for that lock.
     */
    private void checkQuota(Publisher publisher, long bytes) {
        if (publisher.maySupersede()) {
            return;
        }
        awaitTurn(publisher.name());
        var entities = PackageRecord.getEntityManager();
        entities.createNativeQuery("INSERT INTO publisher_lock (published_by) VALUES (?1) ON CONFLICT DO NOTHING")
                .setParameter(1, publisher.name()).executeUpdate();
        entities.createNativeQuery("SELECT published_by FROM publisher_lock WHERE published_by = ?1 FOR UPDATE")
                .setParameter(1, publisher.name()).getResultList();
        Object[] usage = entities.createQuery("select count(p), coalesce(sum(p.contentSize), 0) from PackageRecord p "
                + "where p.publishedBy = ?1", Object[].class).setParameter(1, publisher.name()).getSingleResult();
        long versions = ((Number) usage[0]).longValue();
        long stored = ((Number) usage[1]).longValue();
        EngineConfig.Catalog.Quota quota = config.catalog().quota();
        if (versions + 1 > quota.maxVersionsPerPublisher()) {
            throw new ProblemException(ProblemType.PUBLISHER_QUOTA_EXCEEDED, "\"" + publisher.name()
                    + "\" already has " + versions + " versions in the catalogue, the most a publisher may have is "
                    + quota.maxVersionsPerPublisher() + ": ask an admin to publish it, or to raise "
                    + "bilan.catalog.quota.max-versions-per-publisher");
        }
        long maxBytes = quota.maxBytesPerPublisher().asLongValue();
        if (stored + bytes > maxBytes) {
            throw new ProblemException(ProblemType.PUBLISHER_QUOTA_EXCEEDED, "\"" + publisher.name()
                    + "\" stores " + stored + " bytes of packages; this one of " + bytes + " bytes would make "
                    + (stored + bytes) + ", over the " + maxBytes + " bytes a publisher may store: ask an admin "
                    + "to publish it, or to raise bilan.catalog.quota.max-bytes-per-publisher");
        }
    }

    /** Waits until no other publication of {@code name} runs here; the turn ends with the current transaction. */
    private void awaitTurn(String name) {
        Semaphore turn = publishing.computeIfAbsent(name,
                ignored -> new Semaphore(1));
        turn.acquireUninterruptibly();
        try {
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    turn.release();
                }
            });
        } catch (RuntimeException e) {
            turn.release();
            throw e;
        }
    }

    /** How much memory the loaded instruments take, as accounted against {@code bilan.catalog.loaded-budget}. */
    long loadedWeight() {
        return loaded.weight();
    }

    /** Whether the instrument with {@code digest} is in memory now. */
    boolean isLoaded(String digest) {
        return loaded.holds(digest);
    }

    private static void checkOwner(String id, Publisher publisher) {
        if (publisher.maySupersede()) {
            return;
        }
        List<String> owners = PackageRecord.getEntityManager().createQuery(
                "select distinct p.publishedBy from PackageRecord p where p.instrumentId = ?1", String.class)
                .setParameter(1, id).getResultList();
        if (!owners.isEmpty() && !owners.contains(publisher.name())) {
            throw new ProblemException(ProblemType.INSTRUMENT_OWNED, "\"" + id
                    + "\" is published by another author; only they or an admin "
                    + "may publish or deprecate its versions: publish under another id, or ask an admin");
        }
    }

    /** Whether {@code id@version} is deprecated (as seen within the last few seconds). */
    public boolean isDeprecated(String id, String version) {
        return resolve(id, version).deprecated();
    }

    /** The published versions of an instrument, oldest first. */
    public List<VersionSummary> versions(String id) {
        List<CatalogRow> rows = rowsOf(id);
        if (rows.isEmpty()) {
            throw noInstrument(id);
        }
        return rows.stream().sorted(Comparator.comparing(CatalogRow::version, SemanticVersion.ORDER))
                .map(VersionSummary::of).toList();
    }

    /** Whether a package with this digest is published: a restart need not validate it again. */
    @Transactional
    public boolean holds(String digest) {
        return PackageRecord.count("digest", digest) > 0;
    }

    /** How many versions the catalogue holds. */
    @Transactional
    public long size() {
        return PackageRecord.count();
    }

    private PackageRecord record(String id, String version) {
        if (LATEST.equals(version)) {
            String highest = rowsOf(id).stream().map(CatalogRow::version).max(SemanticVersion.ORDER)
                    .orElseThrow(() -> noInstrument(id));
            return record(id, highest);
        }
        PackageRecord record = PackageRecord.find("instrumentId = ?1 and version = ?2", id, version).firstResult();
        if (record == null) {
            throw state.ready() ? new ProblemException(ProblemType.INSTRUMENT_NOT_FOUND,
                    Texts.of("detail.instrument-version-not-found", version, id)) : state.loading();
        }
        return record;
    }

    /** No such instrument; or not yet, while the catalogue loads. */
    private ProblemException noInstrument(String id) {
        return state.ready() ? new ProblemException(ProblemType.INSTRUMENT_NOT_FOUND,
                Texts.of("detail.instrument-not-found", id)) : state.loading();
    }

    /** The versions of an instrument without their package bytes. */
    private static List<CatalogRow> rowsOf(String id) {
        return PackageRecord.find("instrumentId", id).project(CatalogRow.class).list();
    }

    /**
     * Runs a read of the scoring path, which is not transactional, in a transaction (the caller's, or its own), so
     * it has a session of its own: without one, a read made under many concurrent scoring requests once failed
     * inside Hibernate (NoSuchElementException from its load contexts).
     */
    private static <T> T inTransaction(java.util.concurrent.Callable<T> read) {
        return QuarkusTransaction.joiningExisting().call(read);
    }

    /**
     * Loads a stored package. Its fixtures run only when this runtime has not passed them yet (a package stored by
     * another build of the engine, or before that was recorded): a stored package's digest proves it is the same
     * package, so only another runtime could score it otherwise. Then this runtime is recorded.
     */
    private Instrument load(PackageRecord record) {
        try {
            Instrument instrument = runtime.load(runtime.readZip(record.content,
                    record.instrumentId + "@" + record.version), record.fixturesPassedUnder);
            if (!runtime.identity().equals(record.fixturesPassedUnder)) {
                recordFixturesPassed(record.id);
            }
            return instrument;
        } catch (InvalidPackageException e) {
            // Valid when published: what changed is the engine around it, e.g. a plugin removed or broken.
            throw new ProblemException(ProblemType.INSTRUMENT_UNAVAILABLE,
                    Texts.of("detail.instrument-unavailable", record.instrumentId + "@" + record.version),
                    ProblemDetails.errors(e.problems().stream().filter(Problem::isError).toList()), e);
        } catch (PackageReadException e) {
            throw new IllegalStateException("stored package " + record.instrumentId + "@" + record.version
                    + " no longer reads: " + e.getMessage(), e);
        }
    }

    /**
     * Records that this runtime passed the stored package's fixtures, in a transaction of its own: the load it follows
     * may be part of a caller's transaction that should not hold this row. A failure only means they run again next time.
     */
    private void recordFixturesPassed(long id) {
        try {
            QuarkusTransaction.requiringNew().run(() -> PackageRecord.update("fixturesPassedUnder = ?1 where id = ?2",
                    runtime.identity(), id));
        } catch (RuntimeException e) {
            LOG.debugf("that the fixtures of stored package %d passed was not recorded: %s", id, e.getMessage());
        }
    }

    private static String searchText(InstrumentManifest manifest) {
        String text = Stream.of(manifest.title(), manifest.description())
                .map(LocalizedText::texts).flatMap(texts -> texts.values().stream())
                .collect(Collectors.joining(" ")) + " " + manifest.id();
        text = text.toLowerCase(Locale.ROOT);
        return text.length() > 4000 ? text.substring(0, 4000) : text;
    }

    private static byte[] zip(PackageSource source) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            PackageWriter.writeZip(source, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
