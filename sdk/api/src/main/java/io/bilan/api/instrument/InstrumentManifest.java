package io.bilan.api.instrument;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * The manifest of an instrument package, {@code manifest.json}, as described by the JSON Schema
 * {@code urn:bilan:schema:instrument-package:1} shipped in this module
 * ({@code /io/bilan/schema/instrument-package-1.schema.json}).
 *
 * @param formatVersion     the package format version, 1
 * @param id                stable identifier, lower-case words joined by hyphens
 * @param version           semantic version; {@code id@version} never changes once published
 * @param languages         ISO 639-1 codes every text of the package is written in
 * @param estimatedMinutes  how long administration usually takes
 * @param timeLimitSeconds  for timed tests: the time allowed; a longer duration is flagged
 * @param likertFormats     shared Likert formats by id
 * @param respondentView    what the person sees of their result after submitting; {@code null} when the manifest
 *                          does not say, see {@link #effectiveRespondentView()}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties("$schema")
public record InstrumentManifest(
        int formatVersion,
        String id,
        String version,
        InstrumentKind kind,
        List<BilanPhase> phases,
        List<String> languages,
        LocalizedText title,
        LocalizedText description,
        LocalizedText instructions,
        List<Author> authors,
        String licence,
        int estimatedMinutes,
        Integer timeLimitSeconds,
        Map<String, LikertFormat> likertFormats,
        List<Item> items,
        List<Scale> scales,
        List<NormTable> norms,
        List<OutcomeMapping> outcomes,
        ScoringMethod scoring,
        RespondentView respondentView) {

    public InstrumentManifest {
        phases = List.copyOf(phases);
        languages = List.copyOf(languages);
        authors = List.copyOf(authors);
        likertFormats = likertFormats == null ? Map.of() : Map.copyOf(likertFormats);
        items = List.copyOf(items);
        scales = scales == null ? List.of() : List.copyOf(scales);
        norms = norms == null ? List.of() : List.copyOf(norms);
        outcomes = outcomes == null ? List.of() : List.copyOf(outcomes);
    }

    /** What the person sees of their result: the declared {@code respondentView}, or the default of the kind. */
    public RespondentView effectiveRespondentView() {
        return respondentView != null ? respondentView : RespondentView.defaultFor(kind);
    }

    /** {@code id@version}, the immutable identity of the package. */
    public String coordinates() {
        return id + "@" + version;
    }
}
