package io.bilan.synthesis;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
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
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.COSObjectable;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.common.PDNumberTreeNode;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDMarkInfo;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDMarkedContentReference;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDParentTreeValue;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureTreeRoot;
import org.apache.pdfbox.pdmodel.documentinterchange.markedcontent.PDPropertyList;
import org.apache.pdfbox.pdmodel.documentinterchange.taggedpdf.StandardStructureTypes;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;
import org.apache.pdfbox.pdmodel.interactive.viewerpreferences.PDViewerPreferences;
import org.apache.pdfbox.util.Matrix;

/**
 * Lays text out on A4 pages with PDFBox: a cursor moving down the page, wrapped paragraphs, a new page when the
 * next block does not fit, and page headers and footers added once the page count is known. Text is set in DejaVu
 * Sans, shipped with this module and embedded as a subset, so every character prints as written: Latin with its
 * diacritics, Greek, Cyrillic, typographic punctuation, arrows and mathematical signs. The file is a PDF/A-2u:
 * XMP metadata, an sRGB output intent, a Unicode mapping for every glyph. It is tagged for PDF/UA-1: every piece
 * of text belongs to an element of the structure tree (heading, paragraph, list item), everything else is an
 * artifact.
 */
final class PdfWriter implements AutoCloseable {

    static final PDRectangle PAGE = PDRectangle.A4;
    private static final byte[] REGULAR_FONT = withoutSubstitutions(resource("fonts/DejaVuSans.ttf"));
    private static final byte[] BOLD_FONT = withoutSubstitutions(resource("fonts/DejaVuSans-Bold.ttf"));
    /** tan 12°: the slant of an oblique face. */
    private static final float ITALIC_SLANT = 0.2126f;
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
    private final Map<Face, Map<Integer, PDFont>> fontOf = new EnumMap<>(Face.class);
    private PDPageContentStream canvas;
    private float y;

    // The structure tree: the document's element, the element text now goes into, and per page the element
    // of each marked-content identifier, in order, for the parent tree.
    private final PDStructureTreeRoot structure = new PDStructureTreeRoot();
    private final PDStructureElement root = new PDStructureElement(StandardStructureTypes.DOCUMENT, structure);
    private final List<COSArray> marked = new ArrayList<>();
    private PDStructureElement element;
    private PDStructureElement parent = root;
    private PDStructureElement list;

    PdfWriter() throws IOException {
        PDFont regular = PDType0Font.load(document, new ByteArrayInputStream(REGULAR_FONT), true);
        fonts.put(Face.REGULAR, regular);
        fonts.put(Face.BOLD, PDType0Font.load(document, new ByteArrayInputStream(BOLD_FONT), true));
        fonts.put(Face.ITALIC, regular);
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
        page.setStructParents(marked.size());
        marked.add(new COSArray());
        document.addPage(page);
        canvas = new PDPageContentStream(document, page);
        y = TOP;
    }

    // ---- text

    /** A paragraph wrapped to the text width less {@code indent}, breaking pages between lines. */
    void paragraph(String text, Style style, float indent) throws IOException {
        element(style == TITLE ? StandardStructureTypes.H1
                : style == SUBHEADING ? StandardStructureTypes.H3 : StandardStructureTypes.P);
        for (String line : wrap(text, style, width() - indent)) {
            ensure(style.leading());
            show(line, style, LEFT + indent, y - style.size());
            y -= style.leading();
        }
    }

    /** A heading kept with at least three lines of what follows it, underlined by a thin rule. */
    void heading(String text) throws IOException {
        heading(text, 3 * BODY.leading());
    }

    /**
     * A heading kept on one page with the first {@code following} points of what comes after it (a chart, a
     * legend and a row), so a heading never ends a page alone.
     */
    void heading(String text, float following) throws IOException {
        gap(16);
        element(StandardStructureTypes.H2);
        List<String> lines = wrap(text, HEADING, width());
        ensure(lines.size() * HEADING.leading() + 6 + Math.min(following, TOP - BOTTOM - 3 * HEADING.leading()));
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
        PDStructureElement body = null;
        if (list == null) {
            element(StandardStructureTypes.P);
        } else {
            PDStructureElement listItem = element(StandardStructureTypes.LI, list);
            element = element(StandardStructureTypes.LBL, listItem);
            body = element(StandardStructureTypes.L_BODY, listItem);
        }
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
        if (body != null) {
            // The item's text, and any paragraph after it until the next item, is the item's body.
            element = body;
            parent = body;
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
        List<Run> runs = runs(text, style.face());
        if (runs.isEmpty()) {
            return;
        }
        fill(style.colour());
        int page = document.getNumberOfPages() - 1;
        if (element == null) {
            canvas.beginMarkedContent(COSName.ARTIFACT);
        } else {
            COSArray elements = marked.get(page);
            COSDictionary properties = new COSDictionary();
            properties.setInt(COSName.MCID, elements.size());
            canvas.beginMarkedContent(COSName.getPDFName(element.getStructureType()),
                    PDPropertyList.create(properties));
            PDMarkedContentReference reference = new PDMarkedContentReference();
            reference.setMCID(elements.size());
            reference.setPage(document.getPage(page));
            element.appendKid(reference);
            elements.add(element);
        }
        canvas.beginText();
        // Italic is the regular face slanted: one font file less, and the same glyphs.
        canvas.setTextMatrix(style.face() == Face.ITALIC ? new Matrix(1, 0, ITALIC_SLANT, 1, x, baseline)
                : Matrix.getTranslateInstance(x, baseline));
        for (Run run : runs) {
            canvas.setFont(run.font(), style.size());
            canvas.showText(run.text());
        }
        canvas.endText();
        canvas.endMarkedContent();
    }

    void showRight(String text, Style style, float right, float baseline) throws IOException {
        show(text, style, right - widthOf(text, style), baseline);
    }

    void showCentred(String text, Style style, float centre, float baseline) throws IOException {
        show(text, style, centre - widthOf(text, style) / 2, baseline);
    }

    float widthOf(String text, Style style) throws IOException {
        float width = 0;
        for (Run run : runs(text, style.face())) {
            width += run.font().getStringWidth(run.text());
        }
        return width / 1000 * style.size();
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

    /**
     * The text as runs of one font each: the face's font where it has the glyph, else the regular face. No-break
     * spaces are set as spaces and control characters are dropped; a character no embedded font can draw is an
     * {@link UnprintableTextException}, never a replacement.
     */
    private List<Run> runs(String text, Face face) {
        Map<Integer, PDFont> known = fontOf.computeIfAbsent(face, f -> new HashMap<>());
        List<Run> runs = new ArrayList<>();
        StringBuilder run = new StringBuilder(text.length());
        PDFont current = null;
        for (int i = 0; i < text.length(); i += Character.charCount(text.codePointAt(i))) {
            int c = text.codePointAt(i);
            if (c == '\u00a0' || c == '\u202f' || c == '\u2007' || c == '\t') {
                c = ' ';
            } else if (Character.isISOControl(c)) {
                continue;
            }
            PDFont font = known.computeIfAbsent(c, code -> fontFor(face, code));
            if (font == null) {
                throw new UnprintableTextException(c, text);
            }
            if (font != current && !run.isEmpty()) {
                runs.add(new Run(current, run.toString()));
                run.setLength(0);
            }
            current = font;
            run.appendCodePoint(c);
        }
        if (!run.isEmpty()) {
            runs.add(new Run(current, run.toString()));
        }
        return runs;
    }

    private PDFont fontFor(Face face, int codePoint) {
        PDFont own = fonts.get(face);
        if (encodes(own, codePoint)) {
            return own;
        }
        PDFont regular = fonts.get(Face.REGULAR);
        return encodes(regular, codePoint) ? regular : null;
    }

    private static boolean encodes(PDFont font, int codePoint) {
        try {
            font.encode(Character.toString(codePoint));
            return true;
        } catch (IllegalArgumentException | IOException e) {
            return false;
        }
    }

    private record Run(PDFont font, String text) {
    }

    // ---- graphics

    void rule(float from, float to, float at, int colour) throws IOException {
        canvas.beginMarkedContent(COSName.ARTIFACT);
        stroke(colour);
        canvas.setLineWidth(0.6f);
        canvas.moveTo(from, at);
        canvas.lineTo(to, at);
        canvas.stroke();
        canvas.endMarkedContent();
    }

    /** Starts drawing that is decoration for a reader of the text (bars, grids): an artifact until {@link #endArtifact}. */
    void beginArtifact() throws IOException {
        canvas.beginMarkedContent(COSName.ARTIFACT);
    }

    void endArtifact() throws IOException {
        canvas.endMarkedContent();
    }

    // ---- the structure

    /** Starts a new element of the structure tree (a heading, a paragraph): the text shown next belongs to it. */
    void element(String type) {
        element = element(type, parent);
    }

    private PDStructureElement element(String type, PDStructureElement in) {
        PDStructureElement created = new PDStructureElement(type, in);
        created.setPage(document.getPage(document.getNumberOfPages() - 1));
        in.appendKid(created);
        return created;
    }

    /** Starts a list: each {@link #item} until {@link #endList} is one of its items, its marker as the label. */
    void beginList() {
        list = element(StandardStructureTypes.L, root);
    }

    void endList() {
        list = null;
        parent = root;
    }

    private void tag(PDDocumentCatalog catalog, String language) {
        root.setLanguage(language);
        structure.appendKid(root);
        Map<Integer, COSObjectable> parents = new HashMap<>();
        for (int page = 0; page < marked.size(); page++) {
            parents.put(page, new PDParentTreeValue(marked.get(page)));
        }
        PDNumberTreeNode parentTree = new PDNumberTreeNode(PDParentTreeValue.class);
        parentTree.setNumbers(parents);
        structure.setParentTree(parentTree);
        structure.setParentTreeNextKey(marked.size());
        catalog.setStructureTreeRoot(structure);
        PDMarkInfo markInfo = new PDMarkInfo();
        markInfo.setMarked(true);
        catalog.setMarkInfo(markInfo);
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
        element = null;
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
        PDDocumentCatalog catalog = document.getDocumentCatalog();
        catalog.setLanguage(language);
        tag(catalog, language);
        catalog.setMetadata(metadata(title, language, created));
        catalog.addOutputIntent(srgb());
        PDViewerPreferences preferences = new PDViewerPreferences(new COSDictionary());
        preferences.setDisplayDocTitle(true);
        catalog.setViewerPreferences(preferences);
        // Without an ID PDFBox makes one from the current time; both halves are the same for a new file.
        COSArray ids = new COSArray();
        ids.add(new COSString(id));
        ids.add(new COSString(id));
        document.getDocument().getTrailer().setItem(COSName.ID, ids);

        document.setVersion(1.7f);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        document.save(bytes);
        return bytes.toByteArray();
    }

    // The XMP packet PDF/A requires: the same title, tools and dates as the document information, and the claim.
    private PDMetadata metadata(String title, String language, Calendar created) throws IOException {
        String date = DateTimeFormatter.ISO_INSTANT.format(created.toInstant());
        String xmp = """
                <?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>
                <x:xmpmeta xmlns:x="adobe:ns:meta/">
                 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
                  <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
                   <dc:format>application/pdf</dc:format>
                   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">%1$s</rdf:li></rdf:Alt></dc:title>
                   <dc:language><rdf:Bag><rdf:li>%2$s</rdf:li></rdf:Bag></dc:language>
                  </rdf:Description>
                  <rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">
                   <xmp:CreatorTool>Bilan</xmp:CreatorTool>
                   <xmp:CreateDate>%3$s</xmp:CreateDate>
                   <xmp:ModifyDate>%3$s</xmp:ModifyDate>
                  </rdf:Description>
                  <rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">
                   <pdf:Producer>Bilan</pdf:Producer>
                  </rdf:Description>
                  <rdf:Description rdf:about="" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">
                   <pdfaid:part>2</pdfaid:part>
                   <pdfaid:conformance>U</pdfaid:conformance>
                  </rdf:Description>
                  <rdf:Description rdf:about="" xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">
                   <pdfuaid:part>1</pdfuaid:part>
                  </rdf:Description>
                  <rdf:Description rdf:about="" xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/"
                    xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#"
                    xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">
                   <pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType="Resource">
                    <pdfaSchema:schema>PDF/UA identification schema</pdfaSchema:schema>
                    <pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>
                    <pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>
                    <pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType="Resource">
                     <pdfaProperty:name>part</pdfaProperty:name>
                     <pdfaProperty:valueType>Integer</pdfaProperty:valueType>
                     <pdfaProperty:category>internal</pdfaProperty:category>
                     <pdfaProperty:description>Part of ISO 14289 the file conforms to</pdfaProperty:description>
                    </rdf:li></rdf:Seq></pdfaSchema:property>
                   </rdf:li></rdf:Bag></pdfaExtension:schemas>
                  </rdf:Description>
                 </rdf:RDF>
                </x:xmpmeta>
                <?xpacket end="w"?>""".formatted(xml(title), xml(language), date);
        PDMetadata metadata = new PDMetadata(document);
        metadata.importXMPMetadata(xmp.getBytes(StandardCharsets.UTF_8));
        return metadata;
    }

    private static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    // Colours are given in device RGB, which PDF/A allows once an output intent says what RGB means: sRGB.
    private PDOutputIntent srgb() throws IOException {
        byte[] profile = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();
        PDOutputIntent intent = new PDOutputIntent(document, new ByteArrayInputStream(profile));
        intent.setInfo("sRGB IEC61966-2.1");
        intent.setOutputCondition("sRGB IEC61966-2.1");
        intent.setOutputConditionIdentifier("sRGB IEC61966-2.1");
        intent.setRegistryName("http://www.color.org");
        return intent;
    }

    /**
     * The font with its glyph substitution table (GSUB) hidden: PDFBox would otherwise print "fi" as the ligature
     * glyph, which reads back — copied, searched, spoken — as U+FB01 instead of the two letters written. Renaming the
     * table's tag in the font's table directory is enough: nothing then finds it, and the embedded subset leaves it out.
     */
    static byte[] withoutSubstitutions(byte[] font) {
        byte[] patched = font.clone();
        int tables = ((patched[4] & 0xff) << 8) | (patched[5] & 0xff);
        for (int i = 0; i < tables; i++) {
            int at = 12 + 16 * i;
            if (patched[at] == 'G' && patched[at + 1] == 'S' && patched[at + 2] == 'U' && patched[at + 3] == 'B') {
                patched[at] = 'X';
            }
        }
        return patched;
    }

    private static byte[] resource(String name) {
        try (InputStream in = PdfWriter.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + name, e);
        }
    }

    @Override
    public void close() throws IOException {
        if (canvas != null) {
            canvas.close();
        }
        document.close();
    }
}
