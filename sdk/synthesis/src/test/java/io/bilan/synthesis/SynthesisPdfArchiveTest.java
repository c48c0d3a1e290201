package io.bilan.synthesis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

/** The PDF is a PDF/A-2u, as veraPDF, the reference validator, checks it. */
class SynthesisPdfArchiveTest {

    @BeforeAll
    static void validator() {
        VeraGreenfieldFoundryProvider.initialise();
    }

    @Test
    void theFrenchAndEnglishDocumentsDraftAndApprovedArePdfA2u() throws Exception {
        for (Synthesis synthesis : List.of(Examples.french(), Examples.approved(Examples.english()),
                Examples.bare("en"))) {
            ValidationResult result = validate(SynthesisPdf.render(synthesis));
            assertTrue(result.isCompliant(), failures(result));
        }
    }

    @Test
    void theValidatorRefusesTheSameDocumentWithoutItsMetadata() throws Exception {
        byte[] stripped;
        try (PDDocument pdf = Loader.loadPDF(SynthesisPdf.render(Examples.french()))) {
            pdf.getDocumentCatalog().setMetadata(null);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            pdf.save(bytes);
            stripped = bytes.toByteArray();
        }
        ValidationResult result = validate(stripped);
        assertFalse(result.isCompliant());
        assertEquals(PDFAFlavour.PDFA_2_U, result.getPDFAFlavour());
    }

    private static ValidationResult validate(byte[] pdf) throws Exception {
        try (PDFAParser parser = Foundries.defaultInstance().createParser(new ByteArrayInputStream(pdf),
                PDFAFlavour.PDFA_2_U);
                PDFAValidator validator = Foundries.defaultInstance().createValidator(PDFAFlavour.PDFA_2_U, false)) {
            return validator.validate(parser);
        }
    }

    private static String failures(ValidationResult result) {
        return result.getTestAssertions().stream()
                .filter(assertion -> assertion.getStatus() == TestAssertion.Status.FAILED)
                .map(assertion -> assertion.getRuleId() + " " + assertion.getMessage() + " at "
                        + assertion.getLocation().getContext())
                .distinct()
                .collect(Collectors.joining("\n"));
    }
}
