package org.innofund.declaration.infrastructure;

import org.apache.fontbox.ttf.CmapLookup;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;

import org.innofund.platform.pdf.ChineseFont;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Flowing text on A4 pages: headings, rows of wrapped cells (a label and its value, or a table's columns), and a new
 * page whenever the next row does not fit; at the end every page gets its number. One layout writes one document.
 */
final class PdfLayout implements AutoCloseable {

    static final float MARGIN = 56;
    static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;
    private static final float TOP = PDRectangle.A4.getHeight() - 56;
    private static final float BOTTOM = 64;
    private static final float FOOTER = 32;
    private static final float LEADING = 1.45f;
    /** Punctuation that never starts a line in Chinese: it hangs at the end of the line before (悬挂). */
    private static final String NO_LINE_START = "，。、；：？！）》」』”’,.;:?!)";

    private final PDDocument document;
    private final PDFont font;
    private final CmapLookup glyphs;
    private PDPageContentStream stream;
    private float y;

    /** @param glyphs the font's own character map, to print what the font lacks as "?" rather than fail */
    PdfLayout(PDDocument document, PDFont font, CmapLookup glyphs) {
        this.document = document;
        this.font = font;
        this.glyphs = glyphs;
    }

    void title(String text) throws IOException {
        float size = 18;
        String line = printable(text);
        ensureRoom(size * 2);
        show(line, MARGIN + (WIDTH - width(line, size)) / 2, y - size, size);
        y -= size * 2;
    }

    void heading(String text) throws IOException {
        float size = 13;
        ensureRoom(size * LEADING * 3); // never a heading alone at the foot of a page
        y -= size * 0.6f;
        show(printable(text), MARGIN, y - size, size);
        y -= size * LEADING;
        stream.setLineWidth(0.6f);
        stream.moveTo(MARGIN, y + 2);
        stream.lineTo(MARGIN + WIDTH, y + 2);
        stream.stroke();
        y -= 3;
    }

    /**
     * One row of cells side by side, each wrapped within its column; a row that does not fit on the page starts
     * the next one (a row longer than a page is split line by line).
     */
    void row(float size, float[] columns, boolean[] alignRight, String... cells) throws IOException {
        List<List<String>> wrapped = new ArrayList<>();
        int lines = 1;
        for (int i = 0; i < cells.length; i++) {
            List<String> cell = wrap(cells[i] == null ? "" : cells[i], columns[i] - 6, size);
            wrapped.add(cell);
            lines = Math.max(lines, cell.size());
        }
        float lineHeight = size * LEADING;
        ensureRoom(Math.min(lines, 3) * lineHeight);
        for (int line = 0; line < lines; line++) {
            ensureRoom(lineHeight);
            float x = MARGIN;
            for (int i = 0; i < cells.length; i++) {
                if (line < wrapped.get(i).size()) {
                    String text = wrapped.get(i).get(line);
                    float left = alignRight[i] ? x + columns[i] - 6 - width(text, size) : x;
                    show(text, left, y - size, size);
                }
                x += columns[i];
            }
            y -= lineHeight;
        }
        y -= size * 0.25f;
    }

    /** Numbers every page at its foot, centred: the label is given the page's number and the number of pages. */
    void numberPages(BiFunction<Integer, Integer, String> label) throws IOException {
        closeStream();
        int total = document.getNumberOfPages();
        for (int i = 0; i < total; i++) {
            try (PDPageContentStream foot = new PDPageContentStream(document, document.getPage(i),
                    PDPageContentStream.AppendMode.APPEND, true)) {
                String text = printable(label.apply(i + 1, total));
                foot.beginText();
                foot.setFont(font, 9);
                foot.newLineAtOffset(MARGIN + (WIDTH - width(text, 9)) / 2, FOOTER);
                foot.showText(text);
                foot.endText();
            }
        }
    }

    @Override
    public void close() throws IOException {
        closeStream();
    }

    private void ensureRoom(float height) throws IOException {
        if (stream == null || y - height < BOTTOM) {
            closeStream();
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            stream = new PDPageContentStream(document, page);
            y = TOP;
        }
    }

    private void closeStream() throws IOException {
        if (stream != null) {
            stream.close();
            stream = null;
        }
    }

    private void show(String text, float x, float baseline, float size) throws IOException {
        stream.beginText();
        stream.setFont(font, size);
        stream.newLineAtOffset(x, baseline);
        stream.showText(text);
        stream.endText();
    }

    private float width(String text, float size) throws IOException {
        return font.getStringWidth(text) / 1000 * size;
    }

    /**
     * The lines of a text within a width: its own line breaks kept, then broken where the next character would
     * overflow (Chinese breaks anywhere but before its closing punctuation; a Latin word moves whole to the next
     * line if it can).
     */
    List<String> wrap(String text, float maxWidth, float size) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String paragraph : printable(text).split("\n", -1)) {
            StringBuilder line = new StringBuilder();
            int i = 0;
            while (i < paragraph.length()) {
                int cp = paragraph.codePointAt(i);
                String next = line + new String(Character.toChars(cp));
                if (line.length() > 0 && width(next, size) > maxWidth && NO_LINE_START.indexOf(cp) < 0) {
                    int space = line.lastIndexOf(" ");
                    if (Character.isLetterOrDigit(cp) && cp < 0x3000 && space > 0) {
                        lines.add(line.substring(0, space));
                        line.delete(0, space + 1);
                    } else {
                        lines.add(line.toString());
                        line.setLength(0);
                    }
                    continue;
                }
                line.appendCodePoint(cp);
                i += Character.charCount(cp);
            }
            lines.add(line.toString());
        }
        return lines;
    }

    private String printable(String text) {
        return ChineseFont.printable(text, glyphs);
    }
}
