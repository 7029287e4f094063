package org.innofund.evaluation.infrastructure;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.innofund.declaration.domain.Attachment;
import org.innofund.shared.BusinessException;
import org.innofund.shared.FieldProblem;
import org.innofund.shared.UploadedFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The report PDFs of a bulk upload: by base name, each inspected; a ZIP read within its limits or refused whole. */
class BatchFilesTest {

    private static byte[] pdf;

    @BeforeAll
    static void aPdf() throws IOException {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.addPage(new PDPage());
            doc.save(out);
            pdf = out.toByteArray();
        }
    }

    @Test
    void filesUploadedOneByOneAreFoundByTheirBaseName() {
        try (BatchFiles files = BatchFiles.read(List.of(file("C:\\报告\\12.pdf", pdf), file("13.pdf", pdf)))) {
            assertTrue(files.pdf("12.pdf").isPresent());
            assertTrue(files.problem("报告/13.pdf").isEmpty());
            assertEquals(Set.of("12.pdf", "13.pdf"), files.names());
            Path stored = files.pdf("12.pdf").orElseThrow().file();
            assertTrue(Files.exists(stored));
            files.close();
            assertFalse(Files.exists(stored), "closing removes the inspected files");
        }
    }

    @Test
    void aFileNamedByNoUploadIsNamedAsNotUploaded() {
        try (BatchFiles files = BatchFiles.read(List.of(file("12.pdf", pdf)))) {
            FieldProblem p = files.problem("14.pdf").orElseThrow();
            assertEquals("batch.reportNotUploaded", p.messageKey());
        }
    }

    @Test
    void aNonPdfAndADamagedPdfAreRefusedByTheirContentNotTheirName() {
        byte[] text = "not a pdf at all".getBytes(StandardCharsets.UTF_8);
        byte[] damaged = Arrays.copyOf(pdf, 40);
        try (BatchFiles files = BatchFiles.read(List.of(file("a.pdf", text), file("b.pdf", damaged)))) {
            assertEquals("attachment.typeNotAllowed", files.problem("a.pdf").orElseThrow().messageKey());
            assertEquals("attachment.pdfDamaged", files.problem("b.pdf").orElseThrow().messageKey());
            assertTrue(files.pdf("a.pdf").isEmpty());
            assertTrue(files.names().contains("a.pdf"), "a refused file is still one the rows must name");
        }
    }

    @Test
    void aZipIsReadEntryByEntryFoldersIgnored() throws IOException {
        byte[] zip = zip(Map.of("报告/12.pdf", pdf, "13.pdf", pdf));
        try (BatchFiles files = BatchFiles.read(List.of(file("reports.ZIP", zip)))) {
            assertEquals(Set.of("12.pdf", "13.pdf"), files.names());
            assertTrue(files.problem("12.pdf").isEmpty());
            assertTrue(files.problems().isEmpty());
        }
    }

    @Test
    void aZipInsideAZipIsNotOpenedButRefusedAsAFile() throws IOException {
        byte[] inner = zip(Map.of("12.pdf", pdf));
        try (BatchFiles files = BatchFiles.read(List.of(file("all.zip", zip(Map.of("inner.zip", inner)))))) {
            assertEquals(Set.of("inner.zip"), files.names());
            assertEquals("attachment.typeNotAllowed", files.problem("inner.zip").orElseThrow().messageKey());
            assertTrue(files.problem("12.pdf").isPresent(), "nothing of the inner archive is taken");
        }
    }

    @Test
    void anEntryThatClimbsOutOfItsFolderRefusesTheWholeZip() throws IOException {
        for (String path : List.of("../12.pdf", "a/../../12.pdf", "/etc/12.pdf", "C:/12.pdf", "..\\12.pdf")) {
            byte[] zip = zip(Map.of("ok.pdf", pdf, path, pdf));
            BusinessException e = assertThrows(BusinessException.class,
                    () -> BatchFiles.read(List.of(file("r.zip", zip))), path);
            assertEquals("batch.zipUnsafe", e.messageKey(), path);
        }
    }

    @Test
    void moreEntriesThanTheLimitRefuseTheWholeZip() throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        for (int i = 0; i < 4; i++) {
            entries.put(i + ".pdf", pdf);
        }
        byte[] zip = zip(entries);
        BatchFiles.read(List.of(file("r.zip", zip)), Long.MAX_VALUE, 4).close();
        BusinessException e = assertThrows(BusinessException.class,
                () -> BatchFiles.read(List.of(file("r.zip", zip)), Long.MAX_VALUE, 3));
        assertEquals("batch.zipUnsafe", e.messageKey());
    }

    /** A bomb of entries each refused on its own (a PDF header, then zeros) still counts every byte it inflates. */
    @Test
    void theInflatedBytesOfEveryEntryCountTowardsTheLimitRefusedOnesToo() throws IOException {
        byte[] fake = new byte[1024 * 1024];
        System.arraycopy("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), 0, fake, 0, 9);
        Map<String, byte[]> entries = new LinkedHashMap<>();
        for (int i = 0; i < 8; i++) {
            entries.put(i + ".pdf", fake);
        }
        byte[] zip = zip(entries);
        assertTrue(zip.length < 100 * 1024, "it compresses well: " + zip.length);
        BatchFiles.read(List.of(file("bomb.zip", zip)), 8L * 1024 * 1024, 100).close();
        BusinessException e = assertThrows(BusinessException.class,
                () -> BatchFiles.read(List.of(file("bomb.zip", zip)), 7L * 1024 * 1024, 100));
        assertEquals("batch.tooLarge", e.messageKey());
        assertEquals(BusinessException.Kind.TOO_LARGE, e.kind());
    }

    /**
     * An entry refused past the attachment limit (20 MB) would have its rest inflated, uncounted, by the next entry's
     * opening: the whole archive is refused at once, however small the limit of the batch is not yet reached.
     */
    @Test
    void anEntryAboveTheAttachmentLimitRefusesTheWholeZip() throws IOException {
        byte[] big = new byte[(int) Attachment.MAX_BYTES + 1024];
        System.arraycopy("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), 0, big, 0, 9);
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("big.pdf", big);
        entries.put("12.pdf", pdf);
        byte[] zip = zip(entries);
        BusinessException e = assertThrows(BusinessException.class,
                () -> BatchFiles.read(List.of(file("r.zip", zip)), Long.MAX_VALUE, 100).close());
        assertEquals("batch.zipUnsafe", e.messageKey());
    }

    @Test
    void twoFilesOfOneNameAreAProblemOfTheUpload() {
        try (BatchFiles files = BatchFiles.read(List.of(file("12.pdf", pdf), file("x/12.pdf", pdf)))) {
            assertEquals(List.of("batch.fileTwice"), files.problems().stream().map(p -> p.messageKey()).toList());
        }
    }

    private static UploadedFile file(String name, byte[] content) {
        return new UploadedFile(name, new ByteArrayInputStream(content));
    }

    private static byte[] zip(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
