package org.innofund.shared;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.innofund.declaration.domain.Attachment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An upload is judged by its bytes alone: magic bytes, a PDF that PDFBox opens, an XLSX that is a workbook, at
 * most the limit read; a refused upload leaves no temporary file behind.
 */
class UploadInspectorTest {

    private static final long LIMIT = 1024 * 1024;
    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
    private static final byte[] JPG_MAGIC = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0};

    /** The upload files that existed before the test (other processes may have their own). */
    private Set<Path> before;

    @BeforeEach
    void noteTheTemporaryFiles() throws IOException {
        before = uploadFiles();
    }

    /** Whatever a test did, accepted or refused, no upload file of this test is left over. */
    @AfterEach
    void nothingIsLeftBehind() throws IOException, InterruptedException {
        assertNothingLeftBehind();
    }

    private static Set<Path> uploadFiles() throws IOException {
        Set<Path> files = new TreeSet<>();
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(Path.of(System.getProperty("java.io.tmpdir")),
                "innofund-upload-*")) {
            dir.forEach(files::add);
        }
        return files;
    }

    private void assertNothingLeftBehind() throws IOException, InterruptedException {
        Set<Path> left = new TreeSet<>(uploadFiles());
        left.removeAll(before);
        if (!left.isEmpty()) {
            // another process's upload in flight goes away by itself; a file this test left stays
            Thread.sleep(300);
            left.retainAll(uploadFiles());
        }
        assertEquals(Set.of(), left);
    }

    private BusinessException refused(byte[] content, String key) throws IOException, InterruptedException {
        return refused(new ByteArrayInputStream(content), LIMIT, key);
    }

    private BusinessException refused(InputStream content, long limit, String key) throws IOException, InterruptedException {
        BusinessException e = assertThrows(BusinessException.class, () -> UploadInspector.inspect(content, limit));
        // too many bytes is 413 however it was found out; every other refusal is 422
        assertEquals(key.equals("attachment.tooLarge") ? BusinessException.Kind.TOO_LARGE : BusinessException.Kind.INVALID,
                e.kind());
        assertEquals(key, e.messageKey());
        assertNothingLeftBehind();
        return e;
    }

    private static UploadInspector.Inspected accepted(byte[] content, FileType type) throws IOException {
        UploadInspector.Inspected file = UploadInspector.inspect(new ByteArrayInputStream(content), LIMIT);
        try {
            assertEquals(type, file.type());
            assertEquals(content.length, file.size());
            assertEquals(sha256(content), file.sha256());
            assertArrayEquals(content, Files.readAllBytes(file.file()), "the file holds exactly what was uploaded");
        } catch (AssertionError e) {
            file.discard();
            throw e;
        }
        return file;
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] concat(byte[] head, byte[] tail) {
        byte[] all = Arrays.copyOf(head, head.length + tail.length);
        System.arraycopy(tail, 0, all, head.length, tail.length);
        return all;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    static byte[] realPdf() throws IOException {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.addPage(new PDPage());
            document.save(out);
            return out.toByteArray();
        }
    }

    private static byte[] zip(String... entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (String entry : entries) {
                zip.putNextEntry(new ZipEntry(entry));
                zip.write(ascii("<?xml version=\"1.0\" encoding=\"UTF-8\"?><x/>"));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    /** The two parts that make a ZIP a workbook, as Excel writes them (with the usual others). */
    static byte[] minimalXlsx() throws IOException {
        return zip("[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels",
                "xl/worksheets/sheet1.xml");
    }

    // ---------------------------------------------------------------------------------------------------------
    // detect: the first bytes

    @Test
    void detectKnowsTheFourTypesByTheirMagicBytes() {
        assertEquals(Optional.of(FileType.PDF), UploadInspector.detect(ascii("%PDF-1.7")));
        assertEquals(Optional.of(FileType.PNG), UploadInspector.detect(PNG_MAGIC));
        assertEquals(Optional.of(FileType.JPG), UploadInspector.detect(JPG_MAGIC));
        assertEquals(Optional.of(FileType.JPG), UploadInspector.detect(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}));
        assertEquals(Optional.of(FileType.XLSX), UploadInspector.detect(new byte[] {'P', 'K', 3, 4, 20, 0, 6, 0}));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "MZ\u0090\u0000\u0003\u0000\u0000\u0000", // Windows executable
            "GIF89a\u0001\u0000",
            "GIF87a",
            "\u007FELF\u0002\u0001\u0001\u0000", // Linux executable
            "BM6\u0000\u0000\u0000", // BMP
            "II*\u0000", // TIFF
            "Rar!\u001A\u0007",
            "PK\u0005\u0006\u0000\u0000", // an empty ZIP: no local file header
            "%!PS-Adobe-3.0",
            "<html><body>",
            "hello, world",
            "%PDF", // four of the five bytes
            " %PDF-1.7", // not at the start
            "\u0089PNG\r\n\u001A", // seven of the eight bytes
            "\u00FF\u00D8", // two of the three bytes
            "PK\u0003"})
    void detectRefusesEverythingElse(String head) {
        assertEquals(Optional.empty(), UploadInspector.detect(ascii(head)), head);
    }

    @Test
    void detectOfNothingIsNothing() {
        assertEquals(Optional.empty(), UploadInspector.detect(new byte[0]));
    }

    // ---------------------------------------------------------------------------------------------------------
    // inspect: accepted uploads

    @Test
    void aRealPdfIsAccepted() throws IOException {
        byte[] pdf = realPdf();
        UploadInspector.Inspected file = accepted(pdf, FileType.PDF);
        file.discard();
    }

    /** The SHA-256 of these 16 bytes, as {@code sha256sum} computed it: no code shared with the inspector. */
    @Test
    void aPngIsAcceptedWithItsHashAndSize() throws IOException {
        byte[] png = concat(PNG_MAGIC, ascii("innofund"));
        UploadInspector.Inspected file = accepted(png, FileType.PNG);
        assertEquals("6827f3e895b582847e1a0aa9486b3e93c5c8b6d02384c71588e7476f20530485", file.sha256());
        assertEquals(16, file.size());
        file.discard();
    }

    @Test
    void aJpgIsAccepted() throws IOException {
        accepted(concat(JPG_MAGIC, new byte[1000]), FileType.JPG).discard();
    }

    @Test
    void aWorkbookIsAccepted() throws IOException {
        accepted(minimalXlsx(), FileType.XLSX).discard();
        accepted(zip("xl/workbook.xml", "[Content_Types].xml"), FileType.XLSX).discard();
    }

    @Test
    void discardDeletesTheFile() throws IOException {
        UploadInspector.Inspected file = accepted(concat(PNG_MAGIC, new byte[10]), FileType.PNG);
        assertTrue(Files.exists(file.file()));
        assertTrue(file.file().getFileName().toString().startsWith("innofund-upload-"));
        file.discard();
        assertFalse(Files.exists(file.file()));
        file.discard(); // twice does no harm
    }

    /** The limit itself is allowed: exactly 20 MB is accepted, one byte more is not. */
    @Test
    void exactlyTheLimitIsAcceptedAndOneByteMoreIsNot() throws IOException, InterruptedException {
        long max = Attachment.MAX_BYTES;
        UploadInspector.Inspected file = UploadInspector.inspect(new Generated(PNG_MAGIC, max), max);
        try {
            assertEquals(max, file.size());
            assertEquals(max, Files.size(file.file()));
        } finally {
            file.discard();
        }
        BusinessException e = refused(new Generated(PNG_MAGIC, max + 1), max, "attachment.tooLarge");
        assertArrayEquals(new Object[] {20L}, e.arguments());
    }

    // ---------------------------------------------------------------------------------------------------------
    // inspect: refused uploads

    @Test
    void anEmptyUploadIsRefused() throws IOException, InterruptedException {
        refused(new byte[0], "attachment.empty");
    }

    /** A program renamed report.pdf: no name reaches the inspector, the content gives it away. */
    @Test
    void anExecutableIsRefusedWhateverItIsCalled() throws IOException, InterruptedException {
        refused(concat(ascii("MZ"), new byte[500]), "attachment.typeNotAllowed");
    }

    @Test
    void otherTypesAreRefused() throws IOException, InterruptedException {
        refused(ascii("GIF89a\u0001\u0000\u0001\u0000"), "attachment.typeNotAllowed");
        refused(ascii("这是一个文本文件".repeat(10)), "attachment.typeNotAllowed");
        refused(new byte[] {1}, "attachment.typeNotAllowed");
    }

    @Test
    void somethingThatStartsLikeAPdfButIsNotOneIsRefused() throws IOException, InterruptedException {
        refused(ascii("%PDF-1.7\nthis is not a PDF at all, just text pretending to be one\n%%EOF\n"), "attachment.pdfDamaged");
        refused(ascii("%PDF-"), "attachment.pdfDamaged");
        byte[] garbage = new byte[4096];
        new java.util.Random(42).nextBytes(garbage);
        refused(concat(ascii("%PDF-1.4\n"), garbage), "attachment.pdfDamaged");
    }

    /**
     * A refused file is closed, not only deleted: on Linux a deleted file still open keeps its disk space (and on
     * Windows it could not be deleted at all). Checked through /proc: the product and its CI run on Linux, so a machine
     * without it fails the test rather than skipping it (a skipped check proves nothing).
     */
    @Test
    void aRefusedFileIsNotLeftOpen() throws IOException, InterruptedException {
        Path fds = Path.of("/proc/self/fd");
        assertTrue(Files.isDirectory(fds), "this check needs Linux's /proc/self/fd");
        byte[] damaged = ascii("%PDF-1.7\nnot a PDF\n%%EOF\n");
        for (int i = 0; i < 10; i++) {
            refused(damaged, "attachment.pdfDamaged");
            refused(zip("readme.txt"), "attachment.typeNotAllowed");
        }
        Set<String> open = new TreeSet<>();
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(fds)) {
            for (Path fd : dir) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.contains("innofund-upload-")) {
                        open.add(target);
                    }
                } catch (IOException gone) {
                    // the descriptor of the listing itself, closed meanwhile
                }
            }
        }
        assertEquals(Set.of(), open);
    }

    // ---------------------------------------------------------------------------------------------------------
    // zip bombs

    /** A workbook whose one sheet is {@code sheetBytes} of zeros: deflate packs about 1,000 zeros into one byte. */
    static byte[] bombXlsx(long sheetBytes) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.setLevel(java.util.zip.Deflater.BEST_COMPRESSION);
            for (String part : new String[] {"[Content_Types].xml", "_rels/.rels", "xl/workbook.xml"}) {
                zip.putNextEntry(new ZipEntry(part));
                zip.write(ascii("<?xml version=\"1.0\" encoding=\"UTF-8\"?><x/>"));
                zip.closeEntry();
            }
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            byte[] zeros = new byte[1024 * 1024];
            for (long written = 0; written < sheetBytes; written += zeros.length) {
                zip.write(zeros, 0, (int) Math.min(zeros.length, sheetBytes - written));
            }
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }

    /** The bomb of the report: about 1 MB that expands to 1 GiB, built here rather than kept in the repository. */
    @Test
    void aZipBombIsNotTakenAsAWorkbook() throws IOException, InterruptedException {
        byte[] bomb = bombXlsx(1024L * 1024 * 1024);
        assertTrue(bomb.length < 2 * 1024 * 1024, "about 1 MB: " + bomb.length);
        long start = System.nanoTime();
        BusinessException e = refused(new ByteArrayInputStream(bomb), Attachment.MAX_BYTES, "attachment.zipBomb");
        assertArrayEquals(new Object[] {10_000, 256L, 100}, e.arguments());
        assertTrue(System.nanoTime() - start < 20_000_000_000L, "refused at the first megabytes, not after inflating it all");
    }

    @Test
    void aWorkbookOfOrdinaryRatioIsAccepted() throws IOException {
        // 3 MB of spreadsheet-like XML compresses far less than 100:1
        StringBuilder rows = new StringBuilder();
        java.util.Random random = new java.util.Random(7);
        while (rows.length() < 3 * 1024 * 1024) {
            rows.append("<row r=\"").append(rows.length()).append("\"><c><v>").append(random.nextInt(1_000_000)).append("</v></c></row>");
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (String part : new String[] {"[Content_Types].xml", "xl/workbook.xml"}) {
                zip.putNextEntry(new ZipEntry(part));
                zip.write(ascii("<x/>"));
                zip.closeEntry();
            }
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            zip.write(ascii(rows.toString()));
            zip.closeEntry();
        }
        accepted(bytes.toByteArray(), FileType.XLSX).discard();
    }

    @Test
    void theRatioIsCheckedOnlyPastTheFirstMegabyte() throws IOException {
        // a small part that compresses 1,000 times (an empty sheet of 900 KB of zeros) is harmless
        accepted(bombXlsx(900 * 1024), FileType.XLSX).discard();
    }

    private static Path tempZip(byte[] content) throws IOException {
        Path file = Files.createTempFile("zip-limits-", ".zip");
        Files.write(file, content);
        return file;
    }

    @Test
    void tooManyEntriesAreRefused() throws IOException {
        String[] names = new String[101];
        for (int i = 0; i < names.length; i++) {
            names[i] = "xl/part" + i + ".xml";
        }
        Path file = tempZip(zip(names));
        try {
            UploadInspector.ZipLimits limits = new UploadInspector.ZipLimits(100, 1024 * 1024, 100);
            assertEquals("attachment.zipBomb", assertThrows(BusinessException.class,
                    () -> UploadInspector.requireModestExpansion(file, limits)).messageKey());
            UploadInspector.requireModestExpansion(file, new UploadInspector.ZipLimits(101, 1024 * 1024, 100));
        } finally {
            Files.delete(file);
        }
    }

    @Test
    void tooMuchInAllIsRefusedEvenAtAnOrdinaryRatio() throws IOException {
        byte[] noise = new byte[600 * 1024];
        new java.util.Random(3).nextBytes(noise);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (int i = 0; i < 2; i++) {
                zip.putNextEntry(new ZipEntry("xl/media/image" + i + ".bin"));
                zip.write(noise);
                zip.closeEntry();
            }
        }
        Path file = tempZip(bytes.toByteArray());
        try {
            assertEquals("attachment.zipBomb", assertThrows(BusinessException.class, () ->
                    UploadInspector.requireModestExpansion(file, new UploadInspector.ZipLimits(100, 1024 * 1024, 100))).messageKey());
            UploadInspector.requireModestExpansion(file, new UploadInspector.ZipLimits(100, 1200 * 1024, 100));
        } finally {
            Files.delete(file);
        }
    }

    @Test
    void aZipThatIsNotAWorkbookIsRefused() throws IOException, InterruptedException {
        refused(zip("readme.txt"), "attachment.typeNotAllowed");
        // a Word document: a workbook needs xl/workbook.xml
        refused(zip("[Content_Types].xml", "word/document.xml"), "attachment.typeNotAllowed");
        // the workbook part without the package's content types
        refused(zip("xl/workbook.xml"), "attachment.typeNotAllowed");
        // a zip header on garbage
        refused(concat(new byte[] {'P', 'K', 3, 4}, new byte[200]), "attachment.typeNotAllowed");
    }

    /** The inspector stops at the limit and one buffer: a 10 MB stream against a 1 MB limit is not read to its end. */
    @Test
    void aTooLargeUploadIsRefusedWithoutReadingItAll() throws IOException, InterruptedException {
        Generated endless = new Generated(concat(PNG_MAGIC, new byte[0]), 10 * LIMIT);
        BusinessException e = refused(endless, LIMIT, "attachment.tooLarge");
        assertArrayEquals(new Object[] {1L}, e.arguments());
        assertTrue(endless.served > LIMIT, "read past the limit: " + endless.served);
        assertTrue(endless.served <= LIMIT + 64 * 1024, "read " + endless.served + " bytes for a limit of " + LIMIT);
    }

    @Test
    void aStreamThatTrickles() throws IOException, InterruptedException {
        // one byte per read call: the limit still holds exactly
        Generated trickle = new Generated(PNG_MAGIC, 5000, 1);
        refused(trickle, 4096, "attachment.tooLarge");
        assertEquals(4097, trickle.served);
    }

    @Test
    void anInterruptedUploadIsRefused() throws IOException, InterruptedException {
        InputStream broken = new Generated(PNG_MAGIC, 100_000) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (served > 50_000) {
                    throw new IOException("connection reset");
                }
                return super.read(b, off, len);
            }
        };
        refused(broken, LIMIT, "attachment.unreadable");
    }

    /** A stream of the given length: the head, then zeros; counts what it served, at most {@code chunk} bytes a call. */
    static class Generated extends InputStream {
        private final byte[] head;
        private final long length;
        private final int chunk;
        long served;

        Generated(byte[] head, long length) {
            this(head, length, Integer.MAX_VALUE);
        }

        Generated(byte[] head, long length, int chunk) {
            this.head = head;
            this.length = length;
            this.chunk = chunk;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) == -1 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (served >= length) {
                return -1;
            }
            int n = (int) Math.min(Math.min(len, chunk), length - served);
            Arrays.fill(b, off, off + n, (byte) 0);
            for (int i = 0; i < n && served + i < head.length; i++) {
                b[off + i] = head[(int) (served + i)];
            }
            served += n;
            return n;
        }
    }

    /** Where only PDFs are taken, anything else is refused under the caller's key, recognised type or not; too large stays too large. */
    @Test
    void aPdfOnlyUploadRefusesEverythingElseUnderItsOwnKey() throws IOException, InterruptedException {
        UploadInspector.Inspected pdf = UploadInspector.inspectPdf(new ByteArrayInputStream(realPdf()), LIMIT, "x.notPdf");
        assertEquals(FileType.PDF, pdf.type());
        pdf.discard();
        for (byte[] other : new byte[][] {concat(PNG_MAGIC, new byte[100]), concat(ascii("MZ"), new byte[500]),
                concat(ascii("%PDF-1.7\n"), new byte[500])}) {
            BusinessException e = assertThrows(BusinessException.class,
                    () -> UploadInspector.inspectPdf(new ByteArrayInputStream(other), LIMIT, "x.notPdf"));
            assertEquals(other[0] == '%' ? "attachment.pdfDamaged" : "x.notPdf", e.messageKey());
        }
        BusinessException large = assertThrows(BusinessException.class,
                () -> UploadInspector.inspectPdf(new ByteArrayInputStream(new byte[(int) LIMIT + 1]), LIMIT, "x.notPdf"));
        assertEquals(BusinessException.Kind.TOO_LARGE, large.kind());
        assertNothingLeftBehind();
    }
}
