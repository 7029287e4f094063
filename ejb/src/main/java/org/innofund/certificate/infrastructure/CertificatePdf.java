package org.innofund.certificate.infrastructure;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.innofund.certificate.domain.CapitalNumerals;
import org.innofund.certificate.domain.CertificateContent;
import org.innofund.certificate.domain.CertificateContent.Fact;
import org.innofund.platform.pdf.ChineseFont;
import org.innofund.shared.MoneyFormat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A certificate or notice (证书与通知书) as one A4 page in Chinese: the issuer and the document's title at the head, its
 * serial number at the top right, the enterprise it is addressed to, the statement, the facts in a ruled table with
 * the amount in figures and in capital numerals, the steps of a calculation when there are any, the issuer and the
 * date at the foot on the right and, on the left, the QR code of the public verification page beside the code and
 * its address. Steps that do not fit run onto a second page; the foot is on the last.
 * <p>
 * It prints the content and nothing else (no clock, no random): the same content gives the same bytes. The
 * {@link ChineseFont} is embedded as a subset and lent to one document at a time. The QR code is drawn as filled
 * squares, not an image: sharp at any scale, and a few hundred bytes.
 */
@ApplicationScoped
public class CertificatePdf {

    private static final PDRectangle A4 = PDRectangle.A4;
    private static final float MARGIN = 64;
    private static final float WIDTH = A4.getWidth() - 2 * MARGIN;
    private static final float RIGHT = MARGIN + WIDTH;
    private static final float TOP = A4.getHeight() - 64;
    /** Where the text of a page that goes on stops. */
    private static final float BOTTOM = 72;
    /** Where the text of the last page stops: below are the issuer, the date and the verification band. */
    private static final float FOOT = 236;
    private static final float BAND = 154;
    private static final float QR_SIZE = 84;

    private static final float BODY = 11;
    private static final float SMALL = 9;
    private static final float LEADING = 1.55f;
    private static final float LABEL = 128;
    private static final float PAD = 5;
    /** The frame's dark red, as a printed certificate's border. */
    private static final float[] FRAME = {0.55f, 0.1f, 0.1f};
    private static final float SHADE = 0.95f;
    /** Punctuation that never starts a line in Chinese: it hangs at the end of the line before (悬挂). */
    private static final String NO_LINE_START = "，。、；：？！）》」』”’,.;:?!)";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");

    @Inject
    ChineseFont font;

    protected CertificatePdf() {
        // for CDI
    }

    public CertificatePdf(ChineseFont font) {
        this.font = font;
    }

    /** The document as issued, unsigned: one page, a second only if the steps need it. */
    public byte[] render(CertificateContent content) {
        return font.use(ttf -> new Writer(ttf, content).write());
    }

    /** Lays out one document. */
    private static final class Writer {

        private final TrueTypeFont ttf;
        private final CmapLookup glyphs;
        private final CertificateContent c;
        private PDDocument document;
        private PDType0Font font;
        private PDPageContentStream stream;
        private float y;

        Writer(TrueTypeFont ttf, CertificateContent content) throws IOException {
            this.ttf = ttf;
            this.glyphs = ttf.getUnicodeCmapLookup();
            this.c = content;
        }

        byte[] write() throws IOException {
            try (PDDocument doc = new PDDocument()) {
                document = doc;
                PDDocumentInformation info = doc.getDocumentInformation();
                info.setTitle(c.type().title() + " " + c.serialNo());
                info.setSubject(c.type().title());
                info.setAuthor(c.issuer());
                info.setProducer("InnoFund");
                // no creation date: the renderer has no clock (the signature carries the time of signing); and the
                // file identifier, which PDFBox would make from the time, made from what identifies the document
                doc.getDocument().setDocumentID(identifier());
                font = PDType0Font.load(doc, ttf, true); // a subset: only the characters used

                newPage();
                head();
                addressee();
                table();
                steps();
                if (y < FOOT) {
                    newPage();
                }
                signature();
                verification();
                closeStream();
                numberPages();

                ByteArrayOutputStream out = new ByteArrayOutputStream(32 * 1024);
                doc.save(out);
                return out.toByteArray();
            }
        }

        /** The file identifier (ID, both halves): the serial number and the verification code, hashed. */
        private COSArray identifier() {
            try {
                byte[] hash = MessageDigest.getInstance("SHA-256").digest(
                        (c.serialNo() + "\n" + c.verificationCode()).getBytes(StandardCharsets.UTF_8));
                COSArray id = new COSArray();
                id.add(new COSString(Arrays.copyOf(hash, 16)));
                id.add(new COSString(Arrays.copyOf(hash, 16)));
                return id;
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e); // every Java has SHA-256
            }
        }

        private void head() throws IOException {
            text("编号：" + c.serialNo(), RIGHT - width("编号：" + c.serialNo(), SMALL), TOP + 8, SMALL);
            centred(orDash(c.issuer()), A4.getHeight() - 108, 15);
            centred(c.type().title(), A4.getHeight() - 160, 28);
            y = A4.getHeight() - 196;
        }

        /** "宁波甬创智能科技有限公司：" and the statement below it, indented as a letter's first paragraph. */
        private void addressee() throws IOException {
            paragraph(orDash(c.enterpriseName()) + "：", 0, 12);
            if (c.statement() != null && !c.statement().isBlank()) {
                paragraph("\u3000\u3000" + c.statement(), 0, 12);
            }
            y -= 6;
        }

        private void table() throws IOException {
            row("企业名称", orDash(c.enterpriseName()));
            row("统一社会信用代码", orDash(c.enterpriseUscc()));
            for (Fact fact : c.facts()) {
                row(fact.label(), orDash(fact.value()));
            }
            if (c.amount() != null) {
                row("金额（小写）", MoneyFormat.yuan(c.amount()) + " 元");
                row("金额（大写）", "人民币" + CapitalNumerals.of(c.amount()));
            }
            y -= 12;
        }

        private void steps() throws IOException {
            if (c.steps().isEmpty()) {
                return;
            }
            ensureRoom(BODY * LEADING * 3);
            text("核定说明", MARGIN, y - BODY, BODY + 1);
            y -= (BODY + 1) * LEADING + 2;
            int n = 0;
            for (String step : c.steps()) {
                n++;
                String number = n + ". ";
                float indent = width("00. ", 10);
                List<String> lines = wrap(step == null ? "" : step, WIDTH - indent, 10);
                for (int i = 0; i < lines.size(); i++) {
                    ensureRoom(10 * LEADING);
                    if (i == 0) {
                        text(number, MARGIN + indent - width(number, 10), y - 10, 10);
                    }
                    text(lines.get(i), MARGIN + indent, y - 10, 10);
                    y -= 10 * LEADING;
                }
            }
        }

        /** The issuer and the date, centred on each other at the right, where a seal would go. */
        private void signature() throws IOException {
            String issuer = orDash(c.issuer());
            String date = DATE.format(c.date());
            float block = Math.max(width(issuer, 12), width(date, 12));
            float centre = RIGHT - block / 2;
            text(issuer, centre - width(issuer, 12) / 2, FOOT - 22, 12);
            text(date, centre - width(date, 12) / 2, FOOT - 44, 12);
        }

        /** A rule, then the QR code with the code, the address and what to do with them beside it. */
        private void verification() throws IOException {
            stream.setStrokingColor(0.6f);
            stream.setLineWidth(0.4f);
            stream.moveTo(MARGIN, BAND);
            stream.lineTo(RIGHT, BAND);
            stream.stroke();
            stream.setStrokingColor(0f);
            float x = MARGIN;
            if (c.verificationUrl() != null && !c.verificationUrl().isBlank()) {
                qr(c.verificationUrl(), MARGIN, BAND - 8 - QR_SIZE, QR_SIZE);
                x = MARGIN + QR_SIZE + 14;
            }
            float line = BAND - 8 - 10;
            text("验证码：" + orDash(c.verificationCode()), x, line, 10);
            line -= 10 * LEADING + 2;
            for (String part : wrap("核验网址：" + orDash(c.verificationUrl()), RIGHT - x, SMALL)) {
                text(part, x, line, SMALL);
                line -= SMALL * LEADING;
            }
            text("扫描二维码或访问上述网址核验本文件真伪", x, line - 2, SMALL);
        }

        /** The modules as filled squares, a row's neighbours as one rectangle; no quiet zone (the page is white). */
        private void qr(String url, float left, float bottom, float size) throws IOException {
            BitMatrix matrix;
            try {
                matrix = new QRCodeWriter().encode(url, BarcodeFormat.QR_CODE, 0, 0,
                        Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 0));
            } catch (WriterException e) {
                throw new IllegalArgumentException("No QR code for " + url, e);
            }
            float module = size / matrix.getWidth();
            for (int row = 0; row < matrix.getHeight(); row++) {
                int col = 0;
                while (col < matrix.getWidth()) {
                    if (!matrix.get(col, row)) {
                        col++;
                        continue;
                    }
                    int start = col;
                    while (col < matrix.getWidth() && matrix.get(col, row)) {
                        col++;
                    }
                    stream.addRect(left + start * module, bottom + size - (row + 1) * module, (col - start) * module, module);
                }
            }
            stream.fill();
        }

        /** A ruled row: the label on a shaded ground, the value wrapped beside it; split across pages if need be. */
        private void row(String label, String value) throws IOException {
            List<String> labels = wrap(label, LABEL - 2 * PAD, BODY);
            List<String> values = wrap(value, WIDTH - LABEL - 2 * PAD, BODY);
            int lines = Math.max(labels.size(), values.size());
            float lineHeight = BODY * LEADING;
            int done = 0;
            while (done < lines) {
                ensureRoom(lineHeight + 2 * PAD);
                int fit = Math.max(1, (int) ((y - BOTTOM - 2 * PAD) / lineHeight));
                int now = Math.min(fit, lines - done);
                float height = now * lineHeight + 2 * PAD;
                stream.setNonStrokingColor(SHADE);
                stream.addRect(MARGIN, y - height, LABEL, height);
                stream.fill();
                stream.setNonStrokingColor(0f);
                stream.setLineWidth(0.6f);
                stream.addRect(MARGIN, y - height, WIDTH, height);
                stream.moveTo(MARGIN + LABEL, y);
                stream.lineTo(MARGIN + LABEL, y - height);
                stream.stroke();
                for (int i = 0; i < now; i++) {
                    float baseline = y - PAD - i * lineHeight - BODY - (lineHeight - BODY) / 2 + 1;
                    int index = done + i;
                    if (index < labels.size()) {
                        text(labels.get(index), MARGIN + PAD, baseline, BODY);
                    }
                    if (index < values.size()) {
                        text(values.get(index), MARGIN + LABEL + PAD, baseline, BODY);
                    }
                }
                y -= height;
                done += now;
                if (done < lines) {
                    newPage();
                }
            }
        }

        private void paragraph(String text, float indent, float size) throws IOException {
            for (String line : wrap(text, WIDTH - indent, size)) {
                ensureRoom(size * LEADING);
                text(line, MARGIN + indent, y - size, size);
                y -= size * LEADING;
            }
        }

        private void ensureRoom(float height) throws IOException {
            if (y - height < BOTTOM) {
                newPage();
            }
        }

        /** A framed page; one that goes on from another repeats the serial number at its head. */
        private void newPage() throws IOException {
            boolean first = stream == null && document.getNumberOfPages() == 0;
            closeStream();
            PDPage page = new PDPage(A4);
            document.addPage(page);
            stream = new PDPageContentStream(document, page);
            stream.setStrokingColor(FRAME[0], FRAME[1], FRAME[2]);
            stream.setLineWidth(1.6f);
            stream.addRect(24, 24, A4.getWidth() - 48, A4.getHeight() - 48);
            stream.stroke();
            stream.setLineWidth(0.5f);
            stream.addRect(29, 29, A4.getWidth() - 58, A4.getHeight() - 58);
            stream.stroke();
            stream.setStrokingColor(0f);
            if (!first) {
                String serial = "编号：" + c.serialNo() + "（续）";
                text(serial, RIGHT - width(serial, SMALL), TOP + 8, SMALL);
                y = TOP - 12;
            }
        }

        /** "第 1 页 共 2 页" at the foot of each page, only when there is more than one. */
        private void numberPages() throws IOException {
            int total = document.getNumberOfPages();
            if (total < 2) {
                return;
            }
            for (int i = 0; i < total; i++) {
                try (PDPageContentStream foot = new PDPageContentStream(document, document.getPage(i),
                        PDPageContentStream.AppendMode.APPEND, true)) {
                    String label = "第 " + (i + 1) + " 页 共 " + total + " 页";
                    foot.beginText();
                    foot.setFont(font, 8);
                    foot.newLineAtOffset((A4.getWidth() - width(label, 8)) / 2, 38);
                    foot.showText(label);
                    foot.endText();
                }
            }
        }

        private void closeStream() throws IOException {
            if (stream != null) {
                stream.close();
                stream = null;
            }
        }

        private void centred(String text, float baseline, float size) throws IOException {
            for (String line : wrap(text, WIDTH, size)) {
                text(line, (A4.getWidth() - width(line, size)) / 2, baseline, size);
                baseline -= size * 1.2f;
            }
        }

        private void text(String text, float x, float baseline, float size) throws IOException {
            stream.beginText();
            stream.setFont(font, size);
            stream.newLineAtOffset(x, baseline);
            stream.showText(printable(text).replace('\n', ' '));
            stream.endText();
        }

        private float width(String text, float size) throws IOException {
            return font.getStringWidth(printable(text)) / 1000 * size;
        }

        /**
         * The lines of a text within a width: its own line breaks kept, then broken where the next character would
         * overflow (Chinese anywhere but before its closing punctuation; a Latin word moves whole if it can).
         */
        private List<String> wrap(String text, float maxWidth, float size) throws IOException {
            List<String> lines = new ArrayList<>();
            for (String paragraph : printable(text).split("\n", -1)) {
                StringBuilder line = new StringBuilder();
                float lineWidth = 0;
                int i = 0;
                while (i < paragraph.length()) {
                    int cp = paragraph.codePointAt(i);
                    String character = new String(Character.toChars(cp));
                    float w = font.getStringWidth(character) / 1000 * size;
                    if (line.length() > 0 && lineWidth + w > maxWidth && NO_LINE_START.indexOf(cp) < 0) {
                        int space = line.lastIndexOf(" ");
                        if (Character.isLetterOrDigit(cp) && cp < 0x3000 && space > 0) {
                            lines.add(line.substring(0, space));
                            line.delete(0, space + 1);
                        } else {
                            lines.add(line.toString());
                            line.setLength(0);
                        }
                        lineWidth = width(line.toString(), size);
                        continue;
                    }
                    line.append(character);
                    lineWidth += w;
                    i += character.length();
                }
                lines.add(line.toString());
            }
            return lines;
        }

        private String printable(String text) {
            return ChineseFont.printable(text, glyphs);
        }

        private static String orDash(String value) {
            return value == null || value.isBlank() ? "—" : value;
        }
    }
}
