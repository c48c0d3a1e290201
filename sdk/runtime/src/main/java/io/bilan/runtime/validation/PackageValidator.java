package io.bilan.runtime.validation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bilan.api.instrument.InstrumentManifest;
import io.bilan.api.report.Problem;
import io.bilan.api.report.Severity;
import io.bilan.runtime.problem.ValidationCode;
import io.bilan.runtime.schema.JsonSchemas;
import io.bilan.runtime.source.PackageSource;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a manifest: structure against the package schema, then the semantic rules. Every problem is
 * collected; the manifest is only bound when the structure is sound.
 */
public final class PackageValidator {

    private static final JsonSchemas.CompiledSchema SCHEMA = JsonSchemas.bundled(JsonSchemas.INSTRUMENT_PACKAGE);

    private final ObjectMapper json;
    private final Set<String> requiredLanguages;

    /**
     * @param requiredLanguages languages every package must declare (Bilan's own packages: fr and en)
     */
    public PackageValidator(ObjectMapper json, Set<String> requiredLanguages) {
        this.json = json;
        this.requiredLanguages = Set.copyOf(requiredLanguages);
    }

    /** The outcome: every problem, and the manifest when it could be read. */
    public record Result(List<Problem> problems, Optional<InstrumentManifest> manifest) {
    }

    public Result validate(PackageSource source) {
        ProblemCollector problems = new ProblemCollector();
        Optional<byte[]> bytes = source.file(PackageSource.MANIFEST);
        if (bytes.isEmpty()) {
            problems.error(ValidationCode.MISSING_MANIFEST, PackageSource.MANIFEST, null,
                    "the package has no manifest.json at its root (files: " + source.files().keySet() + ")");
            return new Result(problems.problems(), Optional.empty());
        }
        JsonNode document;
        try {
            document = json.readTree(bytes.get());
        } catch (JsonProcessingException e) {
            problems.error(ValidationCode.INVALID_JSON, PackageSource.MANIFEST, null, "manifest.json is not valid JSON: "
                    + e.getOriginalMessage() + location(e));
            return new Result(problems.problems(), Optional.empty());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        if (document == null || !document.isObject()) {
            problems.error(ValidationCode.INVALID_JSON, PackageSource.MANIFEST, "", "manifest.json must hold a JSON object");
            return new Result(problems.problems(), Optional.empty());
        }
        for (JsonSchemas.Violation violation : SCHEMA.validate(document)) {
            problems.add(new Problem(Severity.ERROR, ValidationCode.schema(violation.keyword()), PackageSource.MANIFEST,
                    violation.pointer(), violation.message()));
        }
        if (problems.hasErrors()) {
            return new Result(problems.problems(), Optional.empty());
        }
        InstrumentManifest manifest;
        try {
            manifest = ManifestReader.read(document);
        } catch (IllegalArgumentException | NullPointerException e) {
            // A record's own check in its constructor, which the schema does not express (Jackson's binding refused
            // the same manifests: ManifestReaderTest).
            problems.error(ValidationCode.INVALID_MANIFEST, PackageSource.MANIFEST, "", "manifest.json cannot be read: " + e.getMessage());
            return new Result(problems.problems(), Optional.empty());
        }
        new ManifestChecks(manifest, problems).run(document, requiredLanguages);
        return new Result(problems.problems(), Optional.of(manifest));
    }

    private static String location(JsonProcessingException e) {
        return e.getLocation() == null ? ""
                : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
    }

}
