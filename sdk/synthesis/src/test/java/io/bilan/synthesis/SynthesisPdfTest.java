package io.bilan.synthesis;

import static io.bilan.synthesis.SynthesisHtmlTest.assertInOrder;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bilan.synthesis.Synthesis.Beneficiary;
import io.bilan.synthesis.Synthesis.Level;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Calendar;
import java.util.List;
import java.util.TimeZone;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdfparser.PDFStreamParser;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** The PDF, read back with PDFBox: its text, its pages, its charts and its bytes. */
class SynthesisPdfTest {

    @Test
    void theFrenchPdfHoldsTheHeadingsTheBeneficiaryEveryCompetenceAndEveryStep() throws IOException {
        Synthesis french = Examples.french();
        String text = text(SynthesisPdf.render(french));

        assertInOrder(text, "Document de synthèse du bilan de compétences", "Bénéficiaire : Amandine Roux",
                "Centre de bilan : Centre de bilan Horizons, Lyon", "Accompagnement : Claire Martin",
                "Du 1er septembre 2026 au 26 novembre 2026", "24 heures",
                "Circonstances du bilan", "Mme Roux, 34 ans", "Projet professionnel", "Aide-soignante", "bonne",
                "Compétences mobilisables pour le projet", "Aptitudes", "Intérêts professionnels (RIASEC)", "Code Holland : SEC",
                "Valeurs professionnelles", "Facteurs favorisant ou freinant la réalisation du projet", "Points d'appui",
                "Freins à lever", "300 €", "Étapes de mise en œuvre du projet", "Pistes retenues",
                "Auxiliaire de vie sociale — Santé et action sociale", "Une piste d'attente",
                "Conclusion", "Au terme du bilan", "Projet — non approuvé");
        for (Level competence : french.competences()) {
            assertTrue(text.contains(competence.label() + " "), competence.label());
        }
        for (Level area : french.interests()) {
            assertTrue(text.contains(area.label()), area.label());
        }
        for (int i = 0; i < french.roadmap().size(); i++) {
            assertTrue(text.contains((i + 1) + ". " + french.roadmap().get(i).title()), french.roadmap().get(i).title());
        }
        assertTrue(text.contains("Expertise (4/4)"), "0.8 is mastery step 4");
        assertTrue(text.contains("Maîtrise (3/4)"), "0.7 is mastery step 3");
        assertTrue(text.contains("page 1 / "));
    }

    @Test
    void theEnglishPdfSpeaksEnglish() throws IOException {
        Synthesis english = Examples.english();
        String text = text(SynthesisPdf.render(english));

        assertInOrder(text, "Skills assessment synthesis document", "Beneficiary: Samantha Taylor",
                "Counsellors: Claire Martin, Paul Dubois", "1 September 2026 to 26 November 2026",
                "Circumstances of the assessment", "Career project", "Fit with the profile: good",
                "Competences relevant to the project", "Occupational interests (RIASEC)", "Holland code: SEC",
                "Work values", "€300", "Stages to carry out the project", "Options retained",
                "Home care worker — Health and social care", "A way to wait",
                "Draft — not approved");
        for (Level competence : english.competences()) {
            assertTrue(text.contains(competence.label()), competence.label());
        }
        for (int i = 0; i < english.roadmap().size(); i++) {
            assertTrue(text.contains((i + 1) + ". " + english.roadmap().get(i).title()), english.roadmap().get(i).title());
        }
    }

    @Test
    void everyPageIsA4WithItsNumberAndStatus() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(SynthesisPdf.render(Examples.french()))) {
            int pages = pdf.getNumberOfPages();
            assertTrue(pages >= 2, "the example fills more than a page");
            for (int page = 1; page <= pages; page++) {
                PDRectangle size = pdf.getPage(page - 1).getMediaBox();
                assertEquals(PDRectangle.A4.getWidth(), size.getWidth(), 0.01);
                assertEquals(PDRectangle.A4.getHeight(), size.getHeight(), 0.01);
                String text = text(pdf, page, page);
                assertTrue(text.contains("page " + page + " / " + pages), "page " + page);
                assertTrue(text.contains("Projet — non approuvé"), "status on page " + page);
            }
        }
    }

    @Test
    void aLongConclusionFlowsOntoTheNextPage() throws IOException {
        StringBuilder conclusion = new StringBuilder();
        for (int i = 1; i <= 12; i++) {
            conclusion.append("Paragraphe ").append(i).append(". ").append(Examples.text("fr/conclusion.txt")).append("\n\n");
        }
        conclusion.append("Dernier mot de la conclusion.");
        Synthesis bare = Examples.withConclusion(Examples.bare("fr"), conclusion.toString());

        try (PDDocument pdf = Loader.loadPDF(SynthesisPdf.render(bare))) {
            assertTrue(pdf.getNumberOfPages() >= 2, "one page only");
            assertTrue(text(pdf, 1, 1).contains("Paragraphe 1."));
            assertFalse(text(pdf, 1, 1).contains("Dernier mot de la conclusion."));
            String last = text(pdf, pdf.getNumberOfPages(), pdf.getNumberOfPages());
            assertTrue(last.contains("Dernier mot de la conclusion."));
            assertTrue(last.contains("page " + pdf.getNumberOfPages() + " / " + pdf.getNumberOfPages()));
        }
    }

    @Test
    void theSameSynthesisGivesTheSameBytes() throws Exception {
        Synthesis approved = Examples.approved(Examples.french());
        byte[] first = SynthesisPdf.render(approved);
        Thread.sleep(20);
        byte[] second = SynthesisPdf.render(approved);
        assertArrayEquals(first, second);
        assertFalse(Arrays.equals(first, SynthesisPdf.render(Examples.french())));

        // The file identifier is ours, not the one PDFBox would make from the clock.
        byte[] expected = Arrays.copyOf(MessageDigest.getInstance("SHA-256")
                .digest(approved.toString().getBytes(StandardCharsets.UTF_8)), 16);
        try (PDDocument pdf = Loader.loadPDF(first)) {
            COSArray id = pdf.getDocument().getTrailer().getCOSArray(COSName.ID);
            assertArrayEquals(expected, ((COSString) id.getObject(0)).getBytes());
            assertArrayEquals(expected, ((COSString) id.getObject(1)).getBytes());
        }
    }

    @Test
    void theDocumentInformationComesFromTheSynthesis() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(SynthesisPdf.render(Examples.french()))) {
            assertEquals("Document de synthèse du bilan de compétences — Amandine Roux",
                    pdf.getDocumentInformation().getTitle());
            assertEquals("fr", pdf.getDocumentCatalog().getLanguage());
            Calendar created = pdf.getDocumentInformation().getCreationDate();
            created.setTimeZone(TimeZone.getTimeZone("UTC"));
            assertEquals(2026, created.get(Calendar.YEAR));
            assertEquals(Calendar.NOVEMBER, created.get(Calendar.MONTH));
            assertEquals(26, created.get(Calendar.DAY_OF_MONTH));
        }
    }

    @Test
    void aDraftSaysSoAndAnApprovedDocumentShowsDateSignatoryAndDigest() throws IOException {
        String draft = text(SynthesisPdf.render(Examples.english()));
        assertTrue(draft.contains("Draft — not approved"));
        assertFalse(draft.contains("sha256:"));

        String approved = text(SynthesisPdf.render(Examples.approved(Examples.english())));
        assertFalse(approved.contains("not approved"));
        assertTrue(approved.contains("Approved on 26 November 2026 by Samantha Taylor"));
        assertTrue(approved.contains(Examples.DIGEST));
        assertTrue(approved.contains("Approved on 26 November 2026 page 1 /"), "status in the page footer");
    }

    @Test
    void everyCharacterIsPrintedAsWrittenInEveryFace() throws IOException {
        String punctuation = "2027‑2028 – 2029 — ≥ 4 ans, ≤ 2 → œuvre, Œuvre, « très bien », 300 €, l’équipe";
        String names = "Łukasz Ștefan Nguyễn Ελένη Алёна Zoë";
        Synthesis synthesis = new Synthesis("fr", new Beneficiary(names, "Cœur d’Azur – “Bilans”"), List.of("Ștefan"),
                Examples.STARTED, null, 2, punctuation + "\n" + names,
                new Synthesis.Project("Formateur → " + punctuation, null, "partielle"),
                List.of(new Level(names, 0.5, punctuation)), null, null, null, null, null, null, null, null, null, null);

        String text = text(SynthesisPdf.render(synthesis));

        // In the body (regular), the project's title (bold), a chart's note (small), the header and the facts.
        assertEquals(3, occurrences(text, punctuation), text);
        assertTrue(occurrences(text, names) >= 4, text);
        assertTrue(text.contains("Cœur d’Azur – “Bilans”"), text);
        assertTrue(text.contains("Formateur → 2027‑2028"), text);
        assertFalse(text.contains("?"), text);
    }

    @Test
    void theHandedOverDocumentNamesTheCentreTheSessionsTheMethodsWhatWasNotAssessedAndWhoSigns() throws IOException {
        String text = text(SynthesisPdf.render(Examples.handedOver(Examples.french())));
        String flat = text.replaceAll("\\s+", " ");

        assertTrue(flat.contains("Centre de bilan : Cœur d’Azur – « Bilans » SARL"), flat);
        assertTrue(flat.contains("Adresse : 12 rue de l’Œuvre, 69002 Lyon"), flat);
        assertTrue(flat.contains("Déclaration d'activité : 84 69 12345 69"), flat);
        assertTrue(flat.contains("Certification qualité : Qualiopi — actions de bilan de compétences, certificat n° "
                + "QA‑2026‑017"), flat);
        assertTrue(flat.contains("Déroulement du bilan"), flat);
        assertTrue(flat.contains("1er septembre 2026 — phase préliminaire — 1 h 30"), flat);
        assertTrue(flat.contains("15 septembre 2026 — investigation — 3 h"), flat);
        assertTrue(flat.contains("26 novembre 2026 — conclusion — 45 min"), flat);
        assertTrue(flat.contains("Intérêts professionnels (RIASEC) (riasec-interests@1.2.0) — le 15 septembre 2026"), flat);
        assertTrue(flat.contains("Compétences transversales (transversal-competences@1.0.0) — du 15 septembre 2026 au "
                + "1er octobre 2026"), flat);
        assertTrue(flat.contains("Ce que le bilan n'a pas évalué"), flat);
        assertTrue(flat.contains("santé ≥ 2027‑2028 → non abordée."), flat);
        assertTrue(flat.contains("Confidentialité et propriété des résultats"), flat);
        assertTrue(flat.contains("secret professionnel"), flat);
        assertTrue(flat.contains("articles L6313-4 et R6313-4 à R6313-8"), flat);
        assertTrue(flat.contains("Ștefan Łukasiewicz Conseiller en bilan de compétences Date et signature"), flat);
        assertTrue(flat.contains("Ελένη Алёна Nguyễn Date et signature"), flat);
        assertFalse(text.contains("?"), text);
    }

    @Test
    void lettersAreNeverJoinedIntoLigaturesThatReadBackAsOtherCharacters() throws IOException {
        // DejaVu has fi and fl ligatures: printed as such, "confidentialité" would read back as "conﬁdentialité".
        String text = text(SynthesisPdf.render(Examples.handedOver(Examples.english())));
        assertTrue(text.contains("Confidentiality and ownership of the results"), text);
        assertTrue(text.chars().noneMatch(c -> c >= 0xFB00 && c <= 0xFB06), text);
    }

    @Test
    void aCharacterNoFontHasIsRefusedByNameNeverReplaced() {
        // Chinese ideographs and Devanagari are beyond DejaVu Sans; its emoticons are not.
        for (String name : List.of("王芳", "Anu अनु")) {
            Synthesis synthesis = new Synthesis("fr", new Beneficiary(name, null), null, Examples.STARTED, null, 2,
                    null, null, null, null, null, null, null, null, null, null, null, null, null);

            UnprintableTextException refused = assertThrows(UnprintableTextException.class,
                    () -> SynthesisPdf.render(synthesis));

            assertEquals(name.startsWith("王") ? 0x738B : 0x0905, refused.codePoint(), name);
            assertTrue(refused.getMessage().startsWith(String.format("U+%04X ", refused.codePoint())),
                    refused.getMessage());
        }
    }

    @Test
    void everyFontIsEmbeddedAsASubset() throws IOException {
        int fonts = 0;
        try (PDDocument pdf = Loader.loadPDF(SynthesisPdf.render(Examples.french()))) {
            for (PDPage page : pdf.getPages()) {
                PDResources resources = page.getResources();
                for (COSName name : resources.getFontNames()) {
                    PDFont font = resources.getFont(name);
                    assertTrue(font.isEmbedded(), font.getName());
                    assertTrue(font.getName().matches("[A-Z]{6}\\+DejaVuSans(-Bold)?"), font.getName());
                    fonts++;
                }
            }
        }
        assertTrue(fonts >= 2, "regular and bold");
    }

    @Test
    void aHeadingStaysOnThePageOfItsChart() throws IOException {
        Synthesis french = Examples.french();
        boolean moved = false;
        // As the circumstances grow line by line, the RIASEC heading falls at every height of the first page.
        for (int lines = 1; lines <= 45; lines++) {
            StringBuilder circumstances = new StringBuilder();
            for (int line = 1; line <= lines; line++) {
                circumstances.append("Ligne ").append(line).append(".\n\n");
            }
            Synthesis synthesis = new Synthesis("fr", french.beneficiary(), null, Examples.STARTED, null, 2,
                    circumstances.toString(), null, null, null, french.interests(), null, null, null, null, null, null,
                    null, null);
            try (PDDocument pdf = Loader.loadPDF(SynthesisPdf.render(synthesis))) {
                int heading = pageOf(pdf, "Intérêts professionnels (RIASEC)");
                assertEquals(heading, pageOf(pdf, "Conventionnel"), lines + " lines");
                assertEquals(heading, pageOf(pdf, "Social"), lines + " lines");
                moved |= heading == 2 && text(pdf, 1, 1).contains("Ligne " + lines + ".");
            }
        }
        assertTrue(moved, "some heading had to move to the next page");
    }

    private static int pageOf(PDDocument pdf, String text) throws IOException {
        for (int page = 1; page <= pdf.getNumberOfPages(); page++) {
            if (text(pdf, page, page).contains(text)) {
                return page;
            }
        }
        throw new AssertionError(text + " on no page");
    }

    private static int occurrences(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }

    @Test
    void emptySectionsAreLeftOutButCircumstancesAndRoadmapSaySo() throws IOException {
        String text = text(SynthesisPdf.render(Examples.bare("en")));

        assertInOrder(text, "Circumstances of the assessment", "have not been written yet",
                "Stages to carry out the project", "No stage has been set out yet.", "Draft — not approved");
        for (String absent : List.of("Career project", "Competences", "Aptitudes", "interests", "Holland", "Work values",
                "Factors", "Options retained", "Conclusion", "Assessment centre", "Counsellor")) {
            assertFalse(text.contains(absent), absent);
        }
    }

    @Test
    void theBarsAndTheHexagonAreDrawn() throws IOException {
        Synthesis french = Examples.french();
        int bars = french.competences().size() + french.aptitudes().size() + french.values().size();
        int rectangles = 0;
        int closedPaths = 0;
        try (PDDocument pdf = Loader.loadPDF(SynthesisPdf.render(french))) {
            for (PDPage page : pdf.getPages()) {
                for (Object token : new PDFStreamParser(page).parse()) {
                    if (token instanceof Operator operator) {
                        rectangles += "re".equals(operator.getName()) ? 1 : 0;
                        closedPaths += "h".equals(operator.getName()) ? 1 : 0;
                    }
                }
            }
        }
        assertEquals(2 * bars, rectangles, "a track and a bar for each level");
        // The person's polygon filled then outlined, and the four rings of the grid.
        assertEquals(2 + RiasecHexagon.RINGS.length, closedPaths);
    }

    /** The text of a PDF with runs of white space as one space, as a reader would copy it. */
    static String text(byte[] bytes) throws IOException {
        try (PDDocument pdf = Loader.loadPDF(bytes)) {
            return text(pdf, 1, pdf.getNumberOfPages());
        }
    }

    private static String text(PDDocument pdf, int from, int to) throws IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setStartPage(from);
        stripper.setEndPage(to);
        return stripper.getText(pdf).replaceAll("\\s+", " ");
    }
}
