package io.bilan.engine.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bilan.api.instrument.BilanPhase;
import io.bilan.api.instrument.InstrumentManifest;
import io.bilan.engine.problem.ProblemException;
import io.bilan.engine.problem.ProblemType;
import io.bilan.engine.problem.Texts;
import io.bilan.engine.security.Sha256;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.ws.rs.core.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * The catalogue's listings (every instrument by its latest version; the versions of one instrument) answered from
 * memory: the published versions' metadata is read once, and each listing asked for is rendered once, to the bytes
 * sent and their strong ETag, per filter and language. A profile of the listing under load had 40 % of its time in
 * reading every row from the database (twice per request: once for the languages, once for the list) and 16 % in
 * Jackson (docs/performance.md, "Catalogue reads").
 *
 * <p>What changes the catalogue: a publication or a deprecation on this instance, including the start-up publication
 * of the configured folders, all through {@link InstrumentCatalog}, which announces each with {@link CatalogChanged}
 * once its transaction has committed; everything is then read again at the next request. Another instance on the same
 * database, or anything else that writes the table, is seen by a one-row summary of the table checked at most once a
 * {@link #RECHECK_NANOS second}: a change made elsewhere shows here within a second.
 */
@ApplicationScoped
public class CatalogListings {

    private static final Logger LOG = Logger.getLogger(CatalogListings.class);

    /** How long what was read from the database is trusted before it is checked again. */
    static final long RECHECK_NANOS = TimeUnit.SECONDS.toNanos(1);
    /** The most listings kept rendered: the free-text filter must not let clients fill the memory. */
    static final int MAX_RENDERED = 256;
    /** The longest free-text filter whose listing is kept rendered; longer ones are rendered for each request. */
    static final int MAX_KEPT_TEXT = 64;

    private final InstrumentCatalog catalog;
    private final CatalogState state;
    private final ObjectMapper json;
    /** Bumped by every change: what was read before it is not kept. */
    private final AtomicLong generation = new AtomicLong();
    private volatile Snapshot snapshot;

    CatalogListings(InstrumentCatalog catalog, CatalogState state, ObjectMapper json) {
        this.catalog = catalog;
        this.state = state;
        this.json = json;
    }

    /** A listing as sent: its JSON bytes, strong ETag and language; {@code value} is what was serialised. */
    public record Rendered(Object value, byte[] body, String tag, String language) {
    }

    /** A change of the catalogue, announced after its transaction committed. */
    public record CatalogChanged() {
    }

    /** What a listing depends on besides the catalogue. */
    private record ListingKey(String kind, String phase, String language, String text, String lang) {
    }

    private record VersionsKey(String id) {
    }

    /**
     * The one-row summary of the table checked before trusting what was read: it moves when a version is added or
     * removed and when one is deprecated or made current again.
     */
    private record Fingerprint(long versions, long highestRow, long deprecated, long deprecatedRows) {
    }

    /** The published versions' metadata as read at one moment, and the listings rendered from it. */
    private static final class Snapshot {
        final Fingerprint fingerprint;
        final List<CatalogRow> latest;
        final Map<String, List<CatalogRow>> versions;
        final Set<String> languages;
        final Map<Object, Rendered> rendered = new ConcurrentHashMap<>();
        volatile long checkedAt;

        Snapshot(Fingerprint fingerprint, List<CatalogRow> rows) {
            this.fingerprint = fingerprint;
            this.checkedAt = System.nanoTime();
            Map<String, List<CatalogRow>> byInstrument = new LinkedHashMap<>();
            Set<String> written = new TreeSet<>(Texts.LANGUAGES);
            for (CatalogRow row : rows) {
                byInstrument.computeIfAbsent(row.instrumentId(), ignored -> new ArrayList<>()).add(row);
                written.addAll(List.of(row.languages().split(",")));
            }
            byInstrument.values().forEach(list -> list.sort(Comparator.comparing(CatalogRow::version,
                    SemanticVersion.ORDER)));
            this.versions = Map.copyOf(byInstrument);
            this.latest = byInstrument.values().stream().map(List::getLast)
                    .sorted(Comparator.comparing(CatalogRow::instrumentId)).toList();
            this.languages = Set.copyOf(written);
        }

        boolean fresh() {
            return System.nanoTime() - checkedAt <= RECHECK_NANOS;
        }
    }

    /**
     * The listing of every instrument passing {@code filter}, by its latest version, in the language chosen from
     * {@code lang} or the Accept-Language of {@code headers}, when it can be answered at once (nothing to read from the
     * database); else {@code null}, and {@link #list} answers it.
     */
    public Rendered renderedList(CatalogFilter filter, String lang, HttpHeaders headers) {
        Snapshot current = fresh();
        return current == null ? null : current.rendered.get(listingKey(filter, lang, headers, current));
    }

    /** {@link #renderedList}, reading and rendering what it needs; blocking. */
    public Rendered list(CatalogFilter filter, String lang, HttpHeaders headers) {
        Snapshot current = current();
        ListingKey key = listingKey(filter, lang, headers, current);
        return render(current, key, key.lang(), () -> summaries(current, key));
    }

    /** Every instrument passing {@code filter}, described by its latest version in {@code language}. */
    public List<InstrumentSummary> list(CatalogFilter filter, String language) {
        Snapshot current = current();
        ListingKey key = key(filter, language);
        @SuppressWarnings("unchecked")
        List<InstrumentSummary> summaries = (List<InstrumentSummary>) render(current, key, language,
                () -> summaries(current, key)).value();
        return summaries;
    }

    /** The versions of instrument {@code id}, oldest first, when they can be answered at once; else {@code null}. */
    public Rendered renderedVersions(String id) {
        Snapshot current = fresh();
        return current == null ? null : current.rendered.get(new VersionsKey(id));
    }

    /** {@link #renderedVersions}, reading and rendering what it needs; blocking. */
    public Rendered versions(String id) {
        Snapshot current = state.ready() ? current() : null;
        List<CatalogRow> rows = current == null ? null : current.versions.get(id);
        if (rows == null) {
            // Not ready yet (a published instrument is served meanwhile), or not there when the catalogue was read:
            // the database says whether it is there now, and the answer (usually a 404) is not kept.
            return render(null, new VersionsKey(id), null,
                    () -> new InstrumentResource.InstrumentVersions(id, catalog.versions(id)));
        }
        return render(current, new VersionsKey(id), null, () -> new InstrumentResource.InstrumentVersions(id,
                rows.stream().map(VersionSummary::of).toList()));
    }

    /** Every language an instrument of the catalogue is written in, and the engine's own. */
    public Set<String> languages() {
        return current().languages;
    }

    /** Forgets what was read: the next request reads the catalogue again. */
    void changed(@Observes(during = TransactionPhase.AFTER_SUCCESS) CatalogChanged change) {
        generation.incrementAndGet();
        snapshot = null;
    }

    private Snapshot fresh() {
        Snapshot current = snapshot;
        return current != null && current.fresh() && state.ready() ? current : null;
    }

    /** What was read, checked against the database at most once a second; read again when it moved. */
    private Snapshot current() {
        if (!state.ready()) {
            // A short list would look like the whole catalogue.
            throw state.loading();
        }
        Snapshot current = snapshot;
        if (current != null && current.fresh()) {
            return current;
        }
        synchronized (this) {
            current = snapshot;
            if (current != null && current.fresh()) {
                return current;
            }
            long seen = generation.get();
            Fingerprint now = QuarkusTransaction.joiningExisting().call(CatalogListings::fingerprint);
            if (current != null && current.fingerprint.equals(now)) {
                current.checkedAt = System.nanoTime();
                return current;
            }
            // The rows are read after the fingerprint: a change between the two is seen at the next check.
            Snapshot read = new Snapshot(now, QuarkusTransaction.joiningExisting().call(() ->
                    PackageRecord.findAll().project(CatalogRow.class).list()));
            if (generation.get() == seen) {
                snapshot = read;
            }
            return read;
        }
    }

    private static Fingerprint fingerprint() {
        Object[] row = PackageRecord.getEntityManager().createQuery("select count(p), coalesce(max(p.id), 0), "
                + "coalesce(sum(case when p.deprecated = true then 1 else 0 end), 0), "
                + "coalesce(sum(case when p.deprecated = true then p.id else 0 end), 0) from PackageRecord p",
                Object[].class).getSingleResult();
        return new Fingerprint(((Number) row[0]).longValue(), ((Number) row[1]).longValue(),
                ((Number) row[2]).longValue(), ((Number) row[3]).longValue());
    }

    private static ListingKey listingKey(CatalogFilter filter, String lang, HttpHeaders headers, Snapshot current) {
        // A listing may be asked in any language an instrument of the catalogue is written in.
        return key(filter, Languages.choose(lang, headers, null, current.languages));
    }

    private static ListingKey key(CatalogFilter filter, String language) {
        String text = filter.text() == null || filter.text().isEmpty() ? null
                : filter.text().toLowerCase(Locale.ROOT);
        return new ListingKey(filter.kind(), filter.phase(), filter.language(), text, language);
    }

    /** The listing of {@code key}, rendered now unless {@code current} holds it; kept in {@code current} if room. */
    private Rendered render(Snapshot current, Object key, String language, Supplier<Object> value) {
        Rendered held = current == null ? null : current.rendered.get(key);
        if (held != null) {
            return held;
        }
        Object rendered = value.get();
        boolean complete = !(rendered instanceof Incomplete);
        if (rendered instanceof Incomplete incomplete) {
            rendered = incomplete.summaries();
        }
        byte[] body;
        try {
            body = json.writeValueAsBytes(rendered);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a catalogue listing could not be written as JSON", e);
        }
        Rendered made = new Rendered(rendered, body, tag(key, body), language);
        boolean keep = complete && current != null && current.rendered.size() < MAX_RENDERED
                && !(key instanceof ListingKey listing && listing.text() != null
                        && listing.text().length() > MAX_KEPT_TEXT);
        if (keep) {
            Rendered first = current.rendered.putIfAbsent(key, made);
            return first == null ? made : first;
        }
        return made;
    }

    /**
     * A strong ETag: a digest of the bytes sent, so it changes whenever they do, whichever instance or version of
     * the engine made them, and of what else tells two representations apart (the language, under Vary:
     * Accept-Language, and the filter), so no two listings share one.
     */
    private static String tag(Object key, byte[] body) {
        byte[] digest = Sha256.of(key.toString().getBytes(StandardCharsets.UTF_8), new byte[] {0}, body);
        return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 18)) + "\"";
    }

    /**
     * The summaries of the listing {@code key}, or an {@link Incomplete} listing when an instrument could not be
     * loaded: one stored package that no longer loads (its plugin removed, its fixtures failing under a new build)
     * is left out, and logged, rather than making the whole catalogue unavailable.
     */
    private Object summaries(Snapshot current, ListingKey key) {
        List<InstrumentSummary> summaries = new ArrayList<>();
        boolean complete = true;
        for (CatalogRow row : current.latest) {
            if (!matches(row, key)) {
                continue;
            }
            try {
                summaries.add(summary(row, key.lang()));
            } catch (ProblemException e) {
                if (e.type() != ProblemType.INSTRUMENT_UNAVAILABLE) {
                    throw e;
                }
                LOG.warnf("%s@%s is left out of the catalogue's listing: %s", row.instrumentId(), row.version(),
                        e.getMessage());
                complete = false;
            }
        }
        return complete ? List.copyOf(summaries) : new Incomplete(List.copyOf(summaries));
    }

    /** A listing that left an instrument out: sent as it is, but not kept, so that the next request tries again. */
    private record Incomplete(List<InstrumentSummary> summaries) {
    }

    private InstrumentSummary summary(CatalogRow row, String language) {
        InstrumentManifest manifest = catalog.instrument(row.instrumentId(), row.version()).manifest();
        return new InstrumentSummary(manifest.id(), manifest.version(), manifest.kind().code(),
                manifest.phases().stream().map(BilanPhase::code).toList(), manifest.languages(),
                manifest.title().resolve(language, "en"), manifest.description().resolve(language, "en"),
                manifest.estimatedMinutes(), row.deprecated());
    }

    private static boolean matches(CatalogRow row, ListingKey key) {
        return (key.kind() == null || row.kind().equals(key.kind()))
                && (key.phase() == null || List.of(row.phases().split(",")).contains(key.phase()))
                && (key.language() == null || List.of(row.languages().split(",")).contains(key.language()))
                && (key.text() == null || row.searchText().contains(key.text()));
    }
}
