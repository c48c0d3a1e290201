package io.bilan.synthesis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bilan.synthesis.Synthesis.Approval;
import io.bilan.synthesis.Synthesis.Beneficiary;
import io.bilan.synthesis.Synthesis.Level;
import io.bilan.synthesis.Synthesis.Option;
import io.bilan.synthesis.Synthesis.Project;
import io.bilan.synthesis.Synthesis.Step;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The HTML page: its sections, its escaping, its hexagon and its footer. */
class SynthesisHtmlTest {

    private static final String HOSTILE = "<script>alert('x')</script> & \"co\"";

    @Test
    void theHexagonAloneIsTheDocumentsFigureForAPageToShow() {
        List<Level> six = new ArrayList<>();
        for (String area : List.of("Réaliste", "Investigateur", "Artistique", "Social", "Entreprenant", "Conventionnel")) {
            six.add(new Level(area, area.equals("Social") ? 0.9 : 0.4, null));
        }
        String figure = SynthesisHtml.hexagon(six, "fr");
        assertTrue(figure.startsWith("<figure class=\"hexagon\">"), figure);
        assertTrue(figure.contains("role=\"img\" aria-label=\"Intérêts professionnels (RIASEC)\""), figure);
        assertEquals(6, Pattern.compile("<text class=\"area\"").matcher(figure).results().count());
        assertTrue(figure.contains(">Social<tspan") && figure.contains("90"), figure);
        assertTrue(org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> SynthesisHtml.hexagon(six.subList(0, 5), "fr")).getMessage().contains("six areas"));
    }

    @Test
    void theFrenchPageHasEverySectionInOrder() {
        String html = SynthesisHtml.render(Examples.french());

        assertTrue(html.startsWith("<!DOCTYPE html>\n<html lang=\"fr\">"), html.substring(0, 40));
        assertInOrder(html, "<h1>Document de synthèse du bilan de compétences</h1>",
                "Amandine Roux", "Centre de bilan Horizons, Lyon", "Claire Martin",
                "Du 1er septembre 2026 au 26 novembre 2026", "24 heures",
                "<h2>Circonstances du bilan</h2>", "<h2>Projet professionnel</h2>", "Aide-soignante", "bonne",
                "<h2>Compétences mobilisables pour le projet</h2>", "Niveau de maîtrise en quatre degrés, un par quart de la barre : 1 Notions, 2 Application, 3 Maîtrise, 4 Expertise.",
                // 0.8 and 0.75 are step 4, 0.7 step 3: the steps begin at 0, 0.25, 0.5 and 0.75
                "Écoute active et empathie", "Expertise (4/4)", "Communication orale", "Expertise (4/4)",
                "Travail en équipe", "Maîtrise (3/4)",
                "<h2>Aptitudes</h2>", "moyen +",
                "<h2>Intérêts professionnels (RIASEC)</h2>", "<svg", "Code Holland", "SEC",
                "<h2>Valeurs professionnelles</h2>",
                "<h2>Facteurs favorisant ou freinant la réalisation du projet</h2>", "Points d&#39;appui", "Freins à lever",
                "<h2>Étapes de mise en œuvre du projet</h2>", "<ol class=\"roadmap\">",
                "<h2>Pistes retenues</h2>", "Auxiliaire de vie sociale", "Santé et action sociale",
                "<span class=\"detail\">Une piste d&#39;attente si l&#39;entrée en IFAS est repoussée",
                "<h2>Conclusion</h2>",
                "<footer class=\"draft\">", "Projet — non approuvé");
    }

    @Test
    void theHandedOverPageHasTheCentreTheProcessWhatWasNotAssessedConfidentialityAndSignatures() {
        String html = SynthesisHtml.render(Examples.handedOver(Examples.english()));

        assertInOrder(html, "<dt>Beneficiary</dt><dd>Samantha Taylor</dd>",
                "<dt>Assessment centre</dt><dd>Cœur d’Azur – « Bilans » SARL</dd>",
                "<dt>Address</dt><dd>12 rue de l’Œuvre, 69002 Lyon</dd>",
                "<dt>Declaration of activity</dt><dd>84 69 12345 69</dd>",
                "<dt>Quality certification</dt><dd>Qualiopi — skills assessment actions, certificate QA‑2026‑017</dd>",
                "<h2>Circumstances of the assessment</h2>",
                "<h2>How the assessment was run</h2>", "<h3>Sessions</h3>",
                "<li>1 September 2026 — preliminary phase — 1 h 30 min</li>",
                "<li>15 September 2026 — investigation — 3 h</li>", "<li>26 November 2026 — conclusion — 45 min</li>",
                "<h3>Methods and instruments used</h3>",
                "<li><strong>Occupational interests (RIASEC)</strong> (riasec-interests@1.2.0) — on 15 September 2026</li>",
                "<strong>Transversal competences</strong> (transversal-competences@1.0.0) — from 15 September 2026 to "
                        + "1 October 2026",
                "<h2>Career project</h2>",
                "<h2>What the assessment did not cover</h2>", "<li>Aptitudes (no reasoning test taken); health ≥ "
                        + "2027‑2028 → not discussed.</li>",
                "<h2>Conclusion</h2>",
                "<h2>Confidentiality and ownership of the results</h2>", "are yours", "professional secrecy",
                "destroyed when it ends, unless you agreed", "(articles L6313-4 and R6313-4 to R6313-8)",
                "<h2>Signatures</h2>", "<strong>Ștefan Łukasiewicz</strong><br>\nSkills assessment counsellor",
                "Date and signature", "<strong>Ελένη Алёна Nguyễn</strong></p>", "Date and signature",
                "<footer class=\"draft\">");
    }

    @Test
    void aDocumentWithoutHandoverStillSaysWhoOwnsTheResultsAndNamesNoSignature() {
        String html = SynthesisHtml.render(Examples.bare("fr"));
        assertTrue(html.contains("<h2>Confidentialité et propriété des résultats</h2>"), html);
        assertTrue(html.contains("Les résultats de ce bilan et le présent document vous appartiennent."), html);
        assertFalse(html.contains("<h2>Signatures</h2>"), html);
        assertFalse(html.contains("<h2>Déroulement du bilan</h2>"), html);
    }

    @Test
    void theEnglishPageSpeaksEnglish() {
        String html = SynthesisHtml.render(Examples.english());

        assertTrue(html.contains("<html lang=\"en\">"));
        assertInOrder(html, "<h1>Skills assessment synthesis document</h1>", "Counsellors", "Claire Martin, Paul Dubois",
                "1 September 2026 to 26 November 2026", "24 hours",
                "<h2>Circumstances of the assessment</h2>", "<h2>Career project</h2>", "Fit with the profile", "good",
                "<h2>Competences relevant to the project</h2>",
                "Level of mastery in four steps, one per quarter of the bar: 1 Basic knowledge, 2 Application, 3 Proficiency, 4 Expertise.",
                "Expertise (4/4)", "Proficiency (3/4)", "<h2>Aptitudes</h2>",
                "<h2>Occupational interests (RIASEC)</h2>", "<h2>Work values</h2>",
                "<h2>Factors favouring or hindering the project</h2>", "<h2>Stages to carry out the project</h2>",
                "<h2>Options retained</h2>", "Home care worker",
                "<span class=\"detail\">A way to wait if entry to a healthcare assistant school is postponed", "<h2>Conclusion</h2>", "Draft — not approved");
        assertFalse(html.contains("Projet"));
    }

    @Test
    void everyTextOfTheSynthesisIsEscaped() {
        Level level = new Level(HOSTILE, 0.5, HOSTILE);
        Synthesis hostile = new Synthesis("fr", new Beneficiary(HOSTILE, HOSTILE), List.of(HOSTILE, HOSTILE),
                Examples.STARTED, Examples.CONCLUDED, 24, HOSTILE, new Project(HOSTILE, HOSTILE, HOSTILE),
                List.of(level), List.of(level), Collections.nCopies(6, level), HOSTILE, List.of(level),
                List.of(HOSTILE), List.of(HOSTILE), List.of(new Step(HOSTILE, HOSTILE)), List.of(new Option(HOSTILE, HOSTILE, HOSTILE, HOSTILE, HOSTILE)),
                HOSTILE, new Approval(Examples.CONCLUDED, HOSTILE, "sha256:" + HOSTILE));

        String html = SynthesisHtml.render(hostile);

        assertFalse(html.contains("<script"), "a script tag came through");
        assertFalse(html.contains("'x'"), "a quote came through");
        // Name, centre, 2 counsellors, circumstances, project title and sector, 2 levels with notes, six interests,
        // one value with note, holland code, 2 factors, a step and its detail, an option, its sector and reason, the
        // conclusion, approved by, the digest, and the name again in the page title.
        assertTrue(count(html, "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;co&quot;") >= 30,
                "every text is escaped");
        Matcher bareAmpersand = Pattern.compile("&(?!(amp|lt|gt|quot|#39);)").matcher(html);
        assertFalse(bareAmpersand.find(), () -> "bare & at " + html.substring(bareAmpersand.start(),
                Math.min(html.length(), bareAmpersand.start() + 30)));
    }

    @Test
    void anOptionShowsItsReasonAndAFitOnlyWhenItHasOne() {
        Synthesis options = new Synthesis("fr", new Beneficiary("Lou Bernard", null), null, Examples.STARTED, null, 2,
                null, null, null, null, null, null, null, null, null, null,
                List.of(new Option("adult-trainer", "Formatrice d'adultes", null, "Son projet, à préparer.", null),
                        new Option("Auxiliaire de vie sociale", "Santé et action sociale", "bonne")),
                null, null);

        String html = SynthesisHtml.render(options);

        assertInOrder(html, "<h2>Pistes retenues</h2>",
                "<li><strong>Formatrice d&#39;adultes</strong><span class=\"detail\">Son projet, à préparer.</span></li>",
                "<li><strong>Auxiliaire de vie sociale</strong> — Santé et action sociale — adéquation bonne</li>");
        assertEquals(1, count(html, "adéquation"));
    }

    @Test
    void thePageNeedsNothingFromElsewhere() {
        String html = SynthesisHtml.render(Examples.approved(Examples.french()));

        for (String outside : List.of("<script", "src=", "href=", "url(", "@import", "<link")) {
            assertFalse(html.contains(outside), outside);
        }
        assertFalse(html.replace("http://www.w3.org/2000/svg", "").contains("://"), "an address besides the SVG namespace");
        assertTrue(html.contains("default-src 'none'"));
        assertTrue(html.contains("@media print"));
    }

    @Test
    void emptySectionsAreLeftOutButCircumstancesAndRoadmapSaySo() {
        String html = SynthesisHtml.render(Examples.bare("fr"));

        assertInOrder(html, "<h2>Circonstances du bilan</h2>", "n&#39;ont pas encore été rédigées",
                "<h2>Étapes de mise en œuvre du projet</h2>", "Aucune étape n&#39;a encore été définie.");
        for (String absent : List.of("Projet professionnel", "Compétences mobilisables", "<h2>Aptitudes", "Intérêts",
                "<svg", "Code Holland", "Valeurs", "Facteurs", "Autres pistes", "<h2>Conclusion", "Centre de bilan",
                "Accompagnement")) {
            assertFalse(html.contains(absent), absent);
        }
        assertTrue(html.contains("Depuis le 1er septembre 2026"));
        assertTrue(html.contains("2 heures"));
    }

    @Test
    void theHexagonPointsFollowTheLevels() {
        Synthesis french = Examples.french();
        List<double[]> points = personPolygon(SynthesisHtml.render(french));

        assertEquals(6, points.size());
        for (int axis = 0; axis < 6; axis++) {
            double[] point = points.get(axis);
            double distance = Math.hypot(point[0] - SynthesisHtml.HEXAGON_X, point[1] - SynthesisHtml.HEXAGON_Y);
            assertEquals(french.interests().get(axis).level() * SynthesisHtml.HEXAGON_RADIUS, distance, 0.01,
                    french.interests().get(axis).label());
        }
        // By hand, centre (210, 160), radius 100. Realistic 0.35 straight up: (210, 125). Investigative 0.3, 60°
        // clockwise from the top: (210 + 30 sin 60°, 160 - 30 cos 60°) = (235.98, 145). Social 0.9 straight down.
        assertArrayEquals(new double[] {210, 125}, points.get(0));
        assertArrayEquals(new double[] {235.98, 145}, points.get(1));
        assertArrayEquals(new double[] {210, 250}, points.get(3));
    }

    @Test
    void aDraftSaysSoAndAnApprovedDocumentShowsDateSignatoryAndDigest() {
        String draft = SynthesisHtml.render(Examples.french());
        assertTrue(draft.contains("Projet — non approuvé"));
        assertFalse(draft.contains("sha256:"));

        String approved = SynthesisHtml.render(Examples.approved(Examples.french()));
        assertFalse(approved.contains("non approuvé"));
        assertTrue(approved.contains("Approuvé le 26 novembre 2026 par Amandine Roux"));
        assertTrue(approved.contains(Examples.DIGEST));

        String english = SynthesisHtml.render(Examples.approved(Examples.english()));
        assertTrue(english.contains("Approved on 26 November 2026 by Samantha Taylor"));
        assertTrue(english.contains(Examples.DIGEST));
    }

    @Test
    void paragraphsAndLineBreaksOfFreeTextAreKept() {
        Synthesis synthesis = Examples.withConclusion(Examples.bare("en"), "First line\nsecond line\n\n\nNext paragraph");
        String html = SynthesisHtml.render(synthesis);
        assertTrue(html.contains("<p>First line<br>\nsecond line</p>\n<p>Next paragraph</p>"), html);
    }

    @Test
    void datesAreWrittenForTheLanguage() {
        Labels french = Labels.of("fr");
        Labels english = Labels.of("en");
        assertEquals("26 novembre 2026", french.date(LocalDate.of(2026, 11, 26)));
        assertEquals("1er août 2026", french.date(LocalDate.of(2026, 8, 1)));
        assertEquals("26 November 2026", english.date(LocalDate.of(2026, 11, 26)));
        assertEquals("1 August 2026", english.date(LocalDate.of(2026, 8, 1)));
        assertEquals("1 h 30", french.hours(1.5));
        assertEquals("1 heure", french.hours(1));
        assertEquals("24 heures", french.hours(24));
        assertEquals("4 h 05", french.hours(4 + 5 / 60.0));
        assertEquals("1 hour", english.hours(1));
        assertEquals("23 h 30 min", english.hours(23.5));
        assertEquals("45 min", english.hours(0.75));
    }

    static List<double[]> personPolygon(String html) {
        Matcher polygon = Pattern.compile("<polygon class=\"person\" points=\"([^\"]*)\"").matcher(html);
        assertTrue(polygon.find(), "no person polygon");
        List<double[]> points = new ArrayList<>();
        for (String pair : polygon.group(1).split(" ")) {
            String[] xy = pair.split(",");
            points.add(new double[] {Double.parseDouble(xy[0]), Double.parseDouble(xy[1])});
        }
        return points;
    }

    private static void assertArrayEquals(double[] expected, double[] actual) {
        org.junit.jupiter.api.Assertions.assertArrayEquals(expected, actual, 0.005);
    }

    static void assertInOrder(String text, String... parts) {
        int from = 0;
        for (String part : parts) {
            int at = text.indexOf(part, from);
            assertTrue(at >= 0, () -> "\"" + part + "\" missing, or not after what comes before it");
            from = at + part.length();
        }
    }

    private static int count(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
            count++;
        }
        return count;
    }
}
