package io.bilan.synthesis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDMarkedContentReference;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.markedcontent.PDMarkedContent;
import org.apache.pdfbox.text.PDFMarkedContentExtractor;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

/**
 * The PDF is a PDF/A-2u and a tagged PDF/UA-1 document, as veraPDF, the reference validator, checks them; its
 * structure tree holds the headings, paragraphs and lists a screen reader announces.
 */
class SynthesisPdfConformanceTest {

    @BeforeAll
    static void validator() {
        VeraGreenfieldFoundryProvider.initialise();
    }

    @Test
    void theFrenchAndEnglishDocumentsDraftAndApprovedArePdfA2u() throws Exception {
        for (Synthesis synthesis : List.of(Examples.french(), Examples.approved(Examples.english()),
                Examples.bare("en"), Examples.handedOver(Examples.french()),
                Examples.approved(Examples.handedOver(Examples.english())))) {
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

    @Test
    void theDocumentsPassThePdfUaMachineChecks() throws Exception {
        for (Synthesis synthesis : List.of(Examples.french(), Examples.approved(Examples.english()),
                Examples.bare("fr"), Examples.handedOver(Examples.french()))) {
            ValidationResult result = validate(SynthesisPdf.render(synthesis), PDFAFlavour.PDFUA_1);
            assertTrue(result.isCompliant(), failures(result));
        }
    }

    @Test
    void theStructureTreeHoldsTheTitleTheSectionsAndTheRoadmapAsAList() throws Exception {
        Synthesis french = Examples.french();
        try (PDDocument pdf = Loader.loadPDF(SynthesisPdf.render(french))) {
            assertTrue(pdf.getDocumentCatalog().getMarkInfo().isMarked());
            PDStructureElement document = (PDStructureElement) pdf.getDocumentCatalog().getStructureTreeRoot()
                    .getKids().getFirst();
            assertEquals("Document", document.getStructureType());
            assertEquals("fr", document.getLanguage());
            List<PDStructureElement> kids = elements(document);
            assertEquals("H1", kids.getFirst().getStructureType());

            List<String> headings = new ArrayList<>();
            for (PDStructureElement kid : kids) {
                if (kid.getStructureType().equals("H2")) {
                    headings.add(text(pdf, kid));
                }
            }
            assertEquals(List.of("Circonstances du bilan", "Projet professionnel",
                    "Compétences mobilisables pour le projet", "Aptitudes", "Intérêts professionnels (RIASEC)",
                    "Valeurs professionnelles", "Facteurs favorisant ou freinant la réalisation du projet",
                    "Étapes de mise en œuvre du projet", "Pistes retenues", "Conclusion",
                    "Confidentialité et propriété des résultats"), headings);

            // The lists: favourable, unfavourable, roadmap, options; each item a label and a body.
            List<PDStructureElement> lists = kids.stream().filter(kid -> kid.getStructureType().equals("L")).toList();
            assertEquals(4, lists.size());
            List<PDStructureElement> steps = elements(lists.get(2));
            assertEquals(french.roadmap().size(), steps.size());
            for (PDStructureElement step : steps) {
                assertEquals("LI", step.getStructureType());
                assertEquals(List.of("Lbl", "LBody"), elements(step).stream().map(PDStructureElement::getStructureType)
                        .toList());
            }
        }
    }

    private static List<PDStructureElement> elements(PDStructureElement parent) {
        return parent.getKids().stream().filter(PDStructureElement.class::isInstance)
                .map(PDStructureElement.class::cast).toList();
    }

    // The text an element's marked content holds, read from its page.
    private static String text(PDDocument pdf, PDStructureElement element) throws Exception {
        Set<Integer> ids = new HashSet<>();
        PDPage page = null;
        for (Object kid : element.getKids()) {
            if (kid instanceof PDMarkedContentReference reference) {
                ids.add(reference.getMCID());
                page = reference.getPage();
            }
        }
        PDFMarkedContentExtractor extractor = new PDFMarkedContentExtractor();
        extractor.processPage(page);
        StringBuilder text = new StringBuilder();
        for (PDMarkedContent content : extractor.getMarkedContents()) {
            if (ids.contains(content.getMCID())) {
                content.getContents().forEach(part -> text.append(((TextPosition) part).getUnicode()));
            }
        }
        return text.toString();
    }

    private static ValidationResult validate(byte[] pdf) throws Exception {
        return validate(pdf, PDFAFlavour.PDFA_2_U);
    }

    private static ValidationResult validate(byte[] pdf, PDFAFlavour flavour) throws Exception {
        try (PDFAParser parser = Foundries.defaultInstance().createParser(new ByteArrayInputStream(pdf), flavour);
                PDFAValidator validator = Foundries.defaultInstance().createValidator(flavour, false)) {
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
