package io.bilan.engine.catalog;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One published version of an instrument. */
@Schema(description = "One published version of an instrument.")
// Alphabetical, as the API has always written it, whether serialised by the REST layer or ahead of time.
@JsonPropertyOrder(alphabetic = true)
public record VersionSummary(
        @Schema(example = "teamwork-styles") String id,
        @Schema(example = "1.0.0") String version,
        @Schema(example = "sha256:770f2acd40cbe26d5f82cde7ab1a211abbb8abcca320a2d024d1149513671882") String digest,
        boolean deprecated,
        OffsetDateTime publishedAt) {

    static VersionSummary of(CatalogRow row) {
        return new VersionSummary(row.instrumentId(), row.version(), row.digest(), row.deprecated(), row.publishedAt());
    }

    static VersionSummary of(PackageRecord record) {
        return new VersionSummary(record.instrumentId, record.version, record.digest, record.deprecated,
                record.publishedAt);
    }
}
