package io.bilan.runtime.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bilan.api.instrument.InstrumentKind;
import io.bilan.api.instrument.InstrumentManifest;
import io.bilan.api.instrument.RespondentView;
import io.bilan.runtime.TestPackages;
import io.bilan.runtime.ValidationReport;
import io.bilan.runtime.source.PackageSource;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** {@code respondentView}: what the person sees of their result, declared by the package or following its kind. */
class RespondentViewTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A test package with its manifest changed; {@code withFixtures} false drops its fixtures. */
    private static PackageSource changed(String name, boolean withFixtures, Consumer<ObjectNode> change) throws IOException {
        PackageSource source = TestPackages.source(name);
        ObjectNode manifest = (ObjectNode) JSON.readTree(source.files().get(PackageSource.MANIFEST));
        change.accept(manifest);
        var files = new TreeMap<String, byte[]>();
        source.files().forEach((path, bytes) -> {
            if (withFixtures || !path.startsWith(PackageSource.FIXTURES)) {
                files.put(path, bytes);
            }
        });
        files.put(PackageSource.MANIFEST, JSON.writeValueAsBytes(manifest));
        return new PackageSource(source.origin(), files);
    }

    private static InstrumentManifest loaded(ValidationReport report) {
        assertTrue(report.valid(), () -> report.problems().toString());
        return report.instrument().orElseThrow().manifest();
    }

    private static Set<String> codesAndPointers(ValidationReport report) {
        return report.problems().stream()
                .map(problem -> problem.severity().code() + " " + problem.code() + " " + problem.pointer())
                .collect(Collectors.toSet());
    }

    @Test
    void absentItFollowsTheKind() {
        InstrumentManifest questionnaire = TestPackages.load("bfi").manifest();
        assertNull(questionnaire.respondentView());
        assertEquals(InstrumentKind.QUESTIONNAIRE, questionnaire.kind());
        assertEquals(RespondentView.SCALES, questionnaire.effectiveRespondentView());
        InstrumentManifest test = TestPackages.load("every-rule").manifest();
        assertEquals(InstrumentKind.TEST, test.kind());
        assertEquals(RespondentView.COUNSELLOR_ONLY, test.effectiveRespondentView());
        InstrumentManifest grid = TestPackages.load("quiet-grid").manifest();
        assertEquals(RespondentView.COUNSELLOR_ONLY, grid.effectiveRespondentView());
    }

    @Test
    void declaredItOverridesTheKind() throws IOException {
        for (String code : List.of("scales", "summary", "counsellor-only")) {
            InstrumentManifest questionnaire = loaded(TestPackages.runtime().validate(
                    changed("bfi", true, manifest -> manifest.put("respondentView", code))));
            assertEquals(code, questionnaire.respondentView().code());
            assertEquals(questionnaire.respondentView(), questionnaire.effectiveRespondentView());
        }
        InstrumentManifest test = loaded(TestPackages.runtime().validate(
                changed("every-rule", true, manifest -> manifest.put("respondentView", "summary"))));
        assertEquals(RespondentView.SUMMARY, test.effectiveRespondentView());
    }

    @Test
    void anUnknownViewBreaksTheSchema() throws IOException {
        ValidationReport report = TestPackages.runtime().validate(
                changed("bfi", true, manifest -> manifest.put("respondentView", "charts")));
        assertEquals(Set.of("error schema-enum /respondentView"), codesAndPointers(report));
    }

    @Test
    void showingScalesOfAPackageWithoutAnyIsWarnedAbout() throws IOException {
        Consumer<ObjectNode> noScales = manifest -> {
            manifest.remove(List.of("scales", "norms", "outcomes", "scoring"));
        };
        ValidationReport summary = TestPackages.runtime().validate(changed("bfi", false,
                noScales.andThen(manifest -> manifest.put("respondentView", "summary"))));
        assertEquals(Set.of("warning no-fixtures null", "warning respondent-view-without-results /respondentView"),
                codesAndPointers(summary));
        assertTrue(summary.valid(), "a warning does not block loading");
        ValidationReport counsellorOnly = TestPackages.runtime().validate(changed("bfi", false,
                noScales.andThen(manifest -> manifest.put("respondentView", "counsellor-only"))));
        assertEquals(Set.of("warning no-fixtures null"), codesAndPointers(counsellorOnly));
    }
}
