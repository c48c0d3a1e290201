package io.bilan.engine.catalog;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * A published package: its zip, digest and the metadata the catalogue filters on. Never changed once stored, but for
 * {@link #fixturesPassedUnder} and the deprecation flag.
 */
@Entity
@Table(name = "instrument_package")
public class PackageRecord extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "instrument_id", nullable = false)
    public String instrumentId;

    @Column(nullable = false)
    public String version;

    @Column(nullable = false)
    public String digest;

    @Column(nullable = false)
    public String kind;

    /** Comma-separated phase codes. */
    @Column(nullable = false)
    public String phases;

    /** Comma-separated language codes. */
    @Column(nullable = false)
    public String languages;

    /** Lower-cased titles and descriptions in every language, for text search. */
    @Column(name = "search_text", nullable = false)
    public String searchText;

    /** The package as a reproducible zip. */
    @Column(nullable = false)
    public byte[] content;

    /** The length of {@link #content} in bytes. */
    @Column(name = "content_size", nullable = false)
    public long contentSize;

    @Column(nullable = false)
    public boolean deprecated;

    @Column(name = "published_at", nullable = false)
    public OffsetDateTime publishedAt;

    /** Who published it: {@code key:<id>} for an API key, a token's subject, or {@code bilan} at start-up. */
    @Column(name = "published_by", nullable = false)
    public String publishedBy;

    /**
     * The {@code BilanRuntime.identity()} of the runtime that last ran the package's fixtures and saw them pass; a
     * load by the same runtime does not run them again. Null when unknown (stored before this was recorded).
     */
    @Column(name = "fixtures_passed_under")
    public String fixturesPassedUnder;
}
