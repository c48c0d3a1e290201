package io.bilan.synthesis;

import static io.bilan.synthesis.PdfWriter.BODY;
import static io.bilan.synthesis.PdfWriter.DETAIL;
import static io.bilan.synthesis.PdfWriter.LEGEND;
import static io.bilan.synthesis.PdfWriter.SMALL;
import static io.bilan.synthesis.PdfWriter.STRONG;
import static io.bilan.synthesis.PdfWriter.SUBHEADING;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import java.util.function.DoubleFunction;

/**
 * Renders a {@link Synthesis} as an A4 PDF/A-2u, tagged for PDF/UA-1, with the same sections as
 * {@link SynthesisHtml}: wrapped text, bar charts for competences, aptitudes and values, the RIASEC hexagon, and on
 * every page a header and a footer with the approval status and "page n / N". The same synthesis always gives the
 * same bytes: the document's dates come from the synthesis and its identifier from a digest of the content.
 */
public final class SynthesisPdf {

    private static final float FACT_COLUMN = 135;
    private static final float LIST_INDENT = 16;
    private static final float STEP_INDENT = 20;

    private final Synthesis synthesis;
    private final Labels labels;
    private final PdfWriter pdf;

    private SynthesisPdf(Synthesis synthesis, PdfWriter pdf) {
        this.synthesis = synthesis;
        this.labels = Labels.of(synthesis.language());
        this.pdf = pdf;
    }

    /**
     * The synthesis as a PDF/A-2u, tagged, in the synthesis's language.
     *
     * @throws UnprintableTextException if a text holds a character the embedded fonts cannot draw
     */
    public static byte[] render(Synthesis synthesis) {
        try (PdfWriter pdf = new PdfWriter()) {
            return new SynthesisPdf(synthesis, pdf).document();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not render the synthesis as PDF", e);
        }
    }

    private byte[] document() throws IOException {
        pdf.paragraph(labels.title(), PdfWriter.TITLE, 0);
        pdf.gap(8);
        facts();
        circumstances();
        process();
        project();
        bars(labels.competences(), labels.competencesLegend(), synthesis.competences(), labels::mastery, 4);
        bars(labels.aptitudes(), labels.aptitudesLegend(), synthesis.aptitudes(), labels::percent, 1);
        interests();
        bars(labels.values(), labels.valuesLegend(), synthesis.values(), labels::percent, 1);
        notAssessed();
        factors();
        roadmap();
        options();
        conclusion();
        confidentiality();
        signatures();
        approval();

        Synthesis.Approval approval = synthesis.approval();
        String status = approval == null ? labels.draft() : labels.approvedShort(approval.on());
        String name = synthesis.beneficiary().name();
        return pdf.save(labels.title(), name, status, labels::page, labels.title() + " — " + name,
                synthesis.language(), created(), identifier());
    }

    private void facts() throws IOException {
        for (Map.Entry<String, String> fact : labels.facts(synthesis).entrySet()) {
            fact(fact.getKey(), fact.getValue());
        }
    }

    private void fact(String label, String value) throws IOException {
        pdf.item(labels.field(label), STRONG, FACT_COLUMN, value, BODY);
        pdf.advance(2);
    }

    private void circumstances() throws IOException {
        pdf.heading(labels.circumstances());
        if (FreeText.present(synthesis.circumstances())) {
            paragraphs(synthesis.circumstances());
        } else {
            pdf.paragraph(labels.noCircumstances(), LEGEND, 0);
        }
    }

    // The sessions and the instruments, with their dates: how the bilan was run.
    private void process() throws IOException {
        Synthesis.Handover handover = synthesis.handover();
        if (handover == null || handover.sessions().isEmpty() && handover.methods().isEmpty()) {
            return;
        }
        pdf.heading(labels.process());
        if (!handover.sessions().isEmpty()) {
            list(labels.sessions(), handover.sessions().stream().map(labels::session).toList());
        }
        if (!handover.methods().isEmpty()) {
            list(labels.methods(), handover.methods().stream().map(method -> method.title()
                    + (FreeText.present(method.reference()) ? " (" + method.reference() + ")" : "") + " — "
                    + labels.used(method)).toList());
        }
    }

    private void notAssessed() throws IOException {
        if (synthesis.handover() == null || synthesis.handover().notAssessed().isEmpty()) {
            return;
        }
        pdf.heading(labels.notAssessed());
        pdf.beginList();
        for (String item : synthesis.handover().notAssessed()) {
            pdf.item("•", BODY, LIST_INDENT, item, BODY);
            pdf.advance(3);
        }
        pdf.endList();
    }

    private void confidentiality() throws IOException {
        pdf.heading(labels.confidentiality());
        for (String paragraph : labels.confidentialityText()) {
            pdf.paragraph(paragraph, BODY, 0);
            pdf.gap(4);
        }
    }

    // A block per counsellor who signs: name, function, and room for the date and signature on paper.
    private void signatures() throws IOException {
        if (synthesis.handover() == null || synthesis.handover().signatories().isEmpty()) {
            return;
        }
        pdf.heading(labels.signatures(), 2 * STRONG.leading() + BODY.leading() + 40);
        for (Synthesis.Signatory signatory : synthesis.handover().signatories()) {
            pdf.ensure(2 * STRONG.leading() + BODY.leading() + 40);
            pdf.paragraph(signatory.name(), STRONG, 0);
            if (FreeText.present(signatory.function())) {
                pdf.paragraph(signatory.function(), BODY, 0);
            }
            pdf.paragraph(labels.dateAndSignature(), LEGEND, 0);
            pdf.advance(34);
            pdf.rule(PdfWriter.LEFT, PdfWriter.LEFT + 220, pdf.y(), 0xc9d1dc);
            pdf.advance(12);
        }
    }

    private void project() throws IOException {
        Synthesis.Project project = synthesis.project();
        if (project == null) {
            return;
        }
        pdf.heading(labels.project());
        pdf.paragraph(project.title(), SUBHEADING, 0);
        pdf.gap(3);
        if (FreeText.present(project.sector())) {
            fact(labels.sector(), project.sector());
        }
        if (FreeText.present(project.fit())) {
            fact(labels.fit(), project.fit());
        }
    }

    private void bars(String heading, String legend, List<Synthesis.Level> levels, DoubleFunction<String> shown,
            int divisions) throws IOException {
        if (levels.isEmpty()) {
            return;
        }
        pdf.heading(heading, height(legend) + 4 + PdfCharts.rowHeight(pdf, levels.getFirst()));
        pdf.paragraph(legend, LEGEND, 0);
        pdf.gap(4);
        PdfCharts.bars(pdf, levels, shown, divisions);
    }

    private void interests() throws IOException {
        List<Synthesis.Level> interests = synthesis.interests();
        if (interests.isEmpty() && !FreeText.present(synthesis.hollandCode())) {
            return;
        }
        // The hexagon is tall: the heading goes to the next page with it rather than end this one alone.
        pdf.heading(labels.interests(), interests.isEmpty() ? 4 + STRONG.leading()
                : height(labels.interestsLegend()) + 6 + PdfCharts.HEXAGON_HEIGHT);
        if (!interests.isEmpty()) {
            pdf.paragraph(labels.interestsLegend(), LEGEND, 0);
            pdf.gap(6);
            PdfCharts.hexagon(pdf, interests, labels);
        }
        if (FreeText.present(synthesis.hollandCode())) {
            pdf.gap(4);
            pdf.paragraph(labels.field(labels.hollandCode()) + synthesis.hollandCode(), STRONG, 0);
        }
    }

    private void factors() throws IOException {
        if (synthesis.favourable().isEmpty() && synthesis.unfavourable().isEmpty()) {
            return;
        }
        pdf.heading(labels.factors());
        list(labels.favourable(), synthesis.favourable());
        list(labels.unfavourable(), synthesis.unfavourable());
    }

    private void list(String heading, List<String> items) throws IOException {
        if (items.isEmpty()) {
            return;
        }
        pdf.gap(4);
        pdf.ensure(SUBHEADING.leading() + 2 * BODY.leading());
        pdf.paragraph(heading, SUBHEADING, 0);
        pdf.beginList();
        for (String item : items) {
            pdf.item("•", BODY, LIST_INDENT, item, BODY);
            pdf.advance(3);
        }
        pdf.endList();
    }

    private void roadmap() throws IOException {
        pdf.heading(labels.roadmap());
        if (synthesis.roadmap().isEmpty()) {
            pdf.paragraph(labels.noRoadmap(), LEGEND, 0);
            return;
        }
        int number = 1;
        pdf.beginList();
        for (Synthesis.Step step : synthesis.roadmap()) {
            boolean detailed = FreeText.present(step.detail());
            pdf.ensure(STRONG.leading() + (detailed ? DETAIL.leading() : 0));
            pdf.item(number++ + ".", STRONG, STEP_INDENT, step.title(), STRONG);
            if (detailed) {
                pdf.paragraph(step.detail(), DETAIL, STEP_INDENT);
            }
            pdf.advance(5);
        }
        pdf.endList();
    }

    private void options() throws IOException {
        if (synthesis.options().isEmpty()) {
            return;
        }
        pdf.heading(labels.options());
        pdf.beginList();
        for (Synthesis.Option option : synthesis.options()) {
            String text = option.title()
                    + (FreeText.present(option.sector()) ? " — " + option.sector() : "")
                    + (FreeText.present(option.fit()) ? " — " + labels.fitBand(option.fit()) : "");
            boolean reasoned = FreeText.present(option.reason());
            pdf.ensure(BODY.leading() + (reasoned ? DETAIL.leading() : 0));
            pdf.item("•", BODY, LIST_INDENT, text, BODY);
            if (reasoned) {
                pdf.paragraph(option.reason(), DETAIL, LIST_INDENT);
            }
            pdf.advance(3);
        }
        pdf.endList();
    }

    private void conclusion() throws IOException {
        if (!FreeText.present(synthesis.conclusion())) {
            return;
        }
        pdf.heading(labels.conclusion());
        paragraphs(synthesis.conclusion());
    }

    // The end of the document: approval or draft status, with the digest the approval covers.
    private void approval() throws IOException {
        Synthesis.Approval approval = synthesis.approval();
        pdf.gap(18);
        pdf.ensure(4 * BODY.leading());
        pdf.rule(PdfWriter.LEFT, PdfWriter.RIGHT, pdf.y(), 0xc9d1dc);
        pdf.advance(8);
        pdf.paragraph(approval == null ? labels.draft() : labels.approved(approval.on(), approval.by()), STRONG, 0);
        if (approval != null) {
            pdf.paragraph(labels.field(labels.digest()) + approval.digest(), SMALL, 0);
        }
        pdf.gap(4);
        pdf.paragraph(labels.ownership(), SMALL, 0);
    }

    private float height(String legend) throws IOException {
        return pdf.wrap(legend, LEGEND, PdfWriter.width()).size() * LEGEND.leading();
    }

    private void paragraphs(String text) throws IOException {
        for (String paragraph : FreeText.paragraphs(text)) {
            pdf.paragraph(paragraph, BODY, 0);
            pdf.gap(6);
        }
    }

    // The document's date: the conclusion if there is one, else the start; midnight UTC so no time zone leaks in.
    private Calendar created() {
        LocalDate date = synthesis.concludedOn() != null ? synthesis.concludedOn() : synthesis.startedOn();
        Calendar calendar = new GregorianCalendar(TimeZone.getTimeZone("UTC"), Locale.ROOT);
        calendar.clear();
        calendar.set(date.getYear(), date.getMonthValue() - 1, date.getDayOfMonth());
        return calendar;
    }

    // The file identifier: the first 16 bytes of a SHA-256 over the synthesis, whose record text holds every field.
    private byte[] identifier() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(synthesis.toString().getBytes(StandardCharsets.UTF_8));
            return Arrays.copyOf(digest, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }
}
