package io.bilan.synthesis;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.interactive.viewerpreferences.PDViewerPreferences;

/**
 * Lays text out on A4 pages with PDFBox: a cursor moving down the page, wrapped paragraphs, a new page when the
 * next block does not fit, and page headers and footers added once the page count is known. Text is set in the
 * standard Helvetica fonts (WinAnsi encoding), so no font is embedded; a character they cannot print becomes
 * {@code '?'}.
 */
final class PdfWriter implements AutoCloseable {

    static final PDRectangle PAGE = PDRectangle.A4;
    /** 2 cm margins on the sides; room for the header and footer at top and bottom. */
    static final float LEFT = 56.7f;
    static final float RIGHT = PAGE.getWidth() - LEFT;
    static final float TOP = PAGE.getHeight() - 68;
    static final float BOTTOM = 68;

    enum Face {
        REGULAR, BOLD, ITALIC
    }

    /** How a run of text looks: face, size and line height in points, colour as 0xRRGGBB. */
    record Style(Face face, float size, float leading, int colour) {
    }

    static final int INK = 0x1d2430;
    static final int GREY = 0x5b6574;
    static final int ACCENT = 0x173a63;

    static final Style TITLE = new Style(Face.BOLD, 18, 23, ACCENT);
    static final Style HEADING = new Style(Face.BOLD, 13, 17, ACCENT);
    static final Style SUBHEADING = new Style(Face.BOLD, 10.5f, 15, INK);
    static final Style BODY = new Style(Face.REGULAR, 10, 14, INK);
    static final Style STRONG = new Style(Face.BOLD, 10, 14, INK);
    static final Style DETAIL = new Style(Face.REGULAR, 9.5f, 13, 0x3d4653);
    static final Style LEGEND = new Style(Face.ITALIC, 9, 13, GREY);
    static final Style SMALL = new Style(Face.REGULAR, 8.5f, 11, GREY);

    private final PDDocument document = new PDDocument();
    private final Map<Face, PDFont> fonts = new EnumMap<>(Face.class);
    private final Map<Face, Map<Integer, Boolean>> printable = new EnumMap<>(Face.class);
    private PDPageContentStream canvas;
    private float y;

    PdfWriter() throws IOException {
        fonts.put(Face.REGULAR, new PDType1Font(Standard14Fonts.FontName.HELVETICA));
        fonts.put(Face.BOLD, new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD));
        fonts.put(Face.ITALIC, new PDType1Font(Standard14Fonts.FontName.HELVETICA_OBLIQUE));
        newPage();
    }

    /** The top of the free space left on the page. */
    float y() {
        return y;
    }

    static float width() {
        return RIGHT - LEFT;
    }

    /** The page being written, for drawing; valid until the next page break. */
    PDPageContentStream canvas() {
        return canvas;
    }

    void advance(float height) {
        y -= height;
    }

    /** Vertical space, except at the top of a page where it would only push the content down. */
    void gap(float height) {
        if (y < TOP) {
            y -= height;
        }
    }

    /** Starts a new page unless {@code height} points still fit on this one. */
    void ensure(float height) throws IOException {
        if (y - height < BOTTOM) {
            newPage();
        }
    }

    private void newPage() throws IOException {
        if (canvas != null) {
            canvas.close();
        }
        PDPage page = new PDPage(PAGE);
        document.addPage(page);
        canvas = new PDPageContentStream(document, page);
        y = TOP;
    }

    // ---- text

    /** A paragraph wrapped to the text width less {@code indent}, breaking pages between lines. */
    void paragraph(String text, Style style, float indent) throws IOException {
        for (String line : wrap(text, style, width() - indent)) {
            ensure(style.leading());
            show(line, style, LEFT + indent, y - style.size());
            y -= style.leading();
        }
    }

    /** A heading kept with at least a few lines of what follows it, underlined by a thin rule. */
    void heading(String text) throws IOException {
        gap(16);
        List<String> lines = wrap(text, HEADING, width());
        ensure(lines.size() * HEADING.leading() + 6 + 3 * BODY.leading());
        for (String line : lines) {
            show(line, HEADING, LEFT, y - HEADING.size());
            y -= HEADING.leading();
        }
        y -= 2;
        rule(LEFT, RIGHT, y, 0xc9d1dc);
        y -= 8;
    }

    /**
     * A marker or label in a column of {@code indent} points, then text wrapped beside it: a list item, a numbered
     * step, a field of the facts block. Kept on one page when it fits on one.
     */
    void item(String marker, Style markerStyle, float indent, String text, Style style) throws IOException {
        List<String> markerLines = wrap(marker, markerStyle, indent - 6);
        List<String> lines = wrap(text, style, width() - indent);
        float height = Math.max(markerLines.size() * markerStyle.leading(), lines.size() * style.leading());
        if (height <= TOP - BOTTOM) {
            ensure(height);
        }
        float top = y;
        int page = document.getNumberOfPages();
        for (int i = 0; i < markerLines.size(); i++) {
            show(markerLines.get(i), markerStyle, LEFT, top - i * markerStyle.leading() - markerStyle.size());
        }
        for (String line : lines) {
            ensure(style.leading());
            show(line, style, LEFT + indent, y - style.size());
            y -= style.leading();
        }
        if (document.getNumberOfPages() == page) {
            y = Math.min(y, top - height);
        }
    }

    void show(String text, Style style, float x, float baseline) throws IOException {
        PDFont font = fonts.get(style.face());
        fill(style.colour());
        canvas.beginText();
        canvas.setFont(font, style.size());
        canvas.newLineAtOffset(x, baseline);
        canvas.showText(printable(text, style.face()));
        canvas.endText();
    }

    void showRight(String text, Style style, float right, float baseline) throws IOException {
        show(text, style, right - widthOf(text, style), baseline);
    }

    void showCentred(String text, Style style, float centre, float baseline) throws IOException {
        show(text, style, centre - widthOf(text, style) / 2, baseline);
    }

    float widthOf(String text, Style style) throws IOException {
        return fonts.get(style.face()).getStringWidth(printable(text, style.face())) / 1000 * style.size();
    }

    /**
     * The lines of {@code text} within {@code width}: words are kept whole where they fit, a word wider than a
     * line is cut, and the line breaks of the text are kept.
     */
    List<String> wrap(String text, Style style, float width) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String hardLine : text.split("\n", -1)) {
            StringBuilder line = new StringBuilder();
            for (String word : hardLine.replace('\t', ' ').split(" +")) {
                if (word.isEmpty()) {
                    continue;
                }
                String tried = line.isEmpty() ? word : line + " " + word;
                if (widthOf(tried, style) <= width) {
                    line.setLength(0);
                    line.append(tried);
                    continue;
                }
                if (!line.isEmpty()) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                word = cut(word, style, width, lines);
                line.append(word);
            }
            lines.add(line.toString());
        }
        return lines;
    }

    // Cuts a word too wide for a line into full lines, and returns what is left to start the next one.
    private String cut(String word, Style style, float width, List<String> lines) throws IOException {
        while (widthOf(word, style) > width) {
            int end = word.offsetByCodePoints(0, 1);
            while (end < word.length()) {
                int next = word.offsetByCodePoints(end, 1);
                if (widthOf(word.substring(0, next), style) > width) {
                    break;
                }
                end = next;
            }
            lines.add(word.substring(0, end));
            word = word.substring(end);
        }
        return word;
    }

    /** The text as the font can print it: no-break spaces as spaces, anything outside WinAnsi as '?'. */
    private String printable(String text, Face face) {
        PDFont font = fonts.get(face);
        Map<Integer, Boolean> known = printable.computeIfAbsent(face, f -> new HashMap<>());
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (c == '\u00a0' || c == '\u202f' || c == '\u2007' || c == '\t') {
                out.append(' ');
            } else if (Character.isISOControl(c)) {
                return;
            } else if (known.computeIfAbsent(c, code -> encodes(font, code))) {
                out.appendCodePoint(c);
            } else {
                out.append('?');
            }
        });
        return out.toString();
    }

    private static boolean encodes(PDFont font, int codePoint) {
        try {
            font.encode(Character.toString(codePoint));
            return true;
        } catch (IllegalArgumentException | IOException e) {
            return false;
        }
    }

    // ---- graphics

    void rule(float from, float to, float at, int colour) throws IOException {
        stroke(colour);
        canvas.setLineWidth(0.6f);
        canvas.moveTo(from, at);
        canvas.lineTo(to, at);
        canvas.stroke();
    }

    void fill(int colour) throws IOException {
        canvas.setNonStrokingColor(red(colour), green(colour), blue(colour));
    }

    void stroke(int colour) throws IOException {
        canvas.setStrokingColor(red(colour), green(colour), blue(colour));
    }

    private static float red(int colour) {
        return ((colour >> 16) & 0xff) / 255f;
    }

    private static float green(int colour) {
        return ((colour >> 8) & 0xff) / 255f;
    }

    private static float blue(int colour) {
        return (colour & 0xff) / 255f;
    }

    // ---- the document

    /**
     * Adds the header and footer to every page, sets the document information and returns the PDF. Nothing here
     * reads the clock: the dates and the file identifier are given, so the same content gives the same bytes.
     *
     * @param headerLeft   the header's left text, on every page
     * @param headerRight  the header's right text
     * @param footerLeft   the footer's left text
     * @param pageNumber   the footer's right text, from the page number and the page count
     * @param title        the document title shown by readers
     * @param language     the document's natural language
     * @param created      the creation and modification date
     * @param id           the file identifier, 16 bytes
     */
    byte[] save(String headerLeft, String headerRight, String footerLeft, BiFunction<Integer, Integer, String> pageNumber,
            String title, String language, Calendar created, byte[] id) throws IOException {
        canvas.close();
        canvas = null;
        int pages = document.getNumberOfPages();
        for (int i = 0; i < pages; i++) {
            try (PDPageContentStream page = new PDPageContentStream(document, document.getPage(i),
                    PDPageContentStream.AppendMode.APPEND, true, true)) {
                canvas = page;
                float top = PAGE.getHeight() - 40;
                show(headerLeft, SMALL, LEFT, top);
                showRight(headerRight, SMALL, RIGHT, top);
                rule(LEFT, RIGHT, top - 7, 0xc9d1dc);
                rule(LEFT, RIGHT, 52, 0xc9d1dc);
                show(footerLeft, SMALL, LEFT, 40);
                showRight(pageNumber.apply(i + 1, pages), SMALL, RIGHT, 40);
            }
        }
        canvas = null;

        PDDocumentInformation information = document.getDocumentInformation();
        information.setTitle(title);
        information.setCreator("Bilan");
        information.setProducer("Bilan");
        information.setCreationDate(created);
        information.setModificationDate(created);
        document.getDocumentCatalog().setLanguage(language);
        PDViewerPreferences preferences = new PDViewerPreferences(new COSDictionary());
        preferences.setDisplayDocTitle(true);
        document.getDocumentCatalog().setViewerPreferences(preferences);
        // Without an ID PDFBox makes one from the current time; both halves are the same for a new file.
        COSArray ids = new COSArray();
        ids.add(new COSString(id));
        ids.add(new COSString(id));
        document.getDocument().getTrailer().setItem(COSName.ID, ids);

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        document.save(bytes);
        return bytes.toByteArray();
    }

    @Override
    public void close() throws IOException {
        if (canvas != null) {
            canvas.close();
        }
        document.close();
    }
}
