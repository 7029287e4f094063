package org.innofund.declaration.domain;

import org.innofund.shared.FileType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The client's file name is only ever displayed: no directory, no control character, no quote survives. */
class AttachmentTest {

    private static String display(String original) {
        return Attachment.displayName(original, FileType.PDF);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "report.pdf|report.pdf",
            "/home/me/report.pdf|report.pdf",
            "../../etc/passwd|passwd.pdf",
            "C:\\Users\\me\\Desktop\\可行性报告.pdf|可行性报告.pdf",
            "\\\\server\\share\\scan.pdf|scan.pdf",
            "mixed/dirs\\and/back\\slashes.pdf|slashes.pdf",
            "'  spaced name.pdf  '|spaced name.pdf"})
    void theDirectoryPartIsDropped(String original, String expected) {
        assertEquals(expected, display(original));
    }

    @Test
    void controlCharactersAndQuotesAreRemoved() {
        assertEquals("abc.pdf", display("a\u0000b\nc.pdf"));
        assertEquals("report.pdf", display("re\rport\t.pdf\u007F"));
        assertEquals("x.pdf", display("\"x\".pdf"));
        // no quote is left to end a header parameter early
        assertEquals("; filename=name.pdf", display("\"; filename=\"\"name.pdf"));
    }

    /** C1 controls (U+0080-U+009F) are control characters as much as C0 ones (NEL, CSI...). */
    @Test
    void c1ControlCharactersAreRemovedToo() {
        assertEquals("report.pdf", display("re\u0085port\u009B.pdf"));
    }

    /** A right-to-left override would show "report\u202Efdp.exe" as "reportexe.pdf": bidi controls are removed. */
    @Test
    void bidirectionalControlsCannotFakeAnExtension() {
        assertEquals("reportfdp.pdf", display("report\u202Efdp.exe"));
        assertEquals("ab.pdf", display("a\u2066\u200Fb\u2069.pdf"));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "dir/", "C:\\dir\\", "\"\"", "\u0000\u0001", "a/b/ \t"})
    void nothingLeftGivesTheDefaultName(String original) {
        assertEquals("attachment.pdf", display(original));
    }

    @ParameterizedTest
    @EnumSource(FileType.class)
    void theDefaultNameHasTheExtensionOfTheType(FileType type) {
        assertEquals("attachment." + type.extension(), Attachment.displayName(null, type));
    }

    /** The name ends in the extension of the type found in the content, whatever the client called the file. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "evil.pdf.exe|PDF|evil.pdf",
            "report|PDF|report.pdf",
            "report.PDF|PDF|report.pdf",
            "scan.pdf|JPG|scan.jpg",
            "photo.jpeg|JPG|photo.jpg",
            "photo.JPG|JPG|photo.jpg",
            "budget.xls|XLSX|budget.xlsx",
            "budget.xlsx.zip|XLSX|budget.xlsx",
            "logo.gif|PNG|logo.png",
            "v1.2 report|PDF|v1.2 report.pdf",
            "可行性 研究报告 (终稿).pdf|PDF|可行性 研究报告 (终稿).pdf",
            "archive.tar.gz|PDF|archive.tar.pdf",
            ".exe|PDF|attachment.pdf"})
    void theExtensionFollowsTheContent(String original, FileType type, String expected) {
        assertEquals(expected, Attachment.displayName(original, type));
    }

    @ParameterizedTest
    @EnumSource(FileType.class)
    void everyTypeReplacesAForeignExtension(FileType type) {
        assertEquals("evil." + type.extension(), Attachment.displayName("evil." + type.extension() + ".exe", type));
        assertEquals("evil." + type.extension(), Attachment.displayName("evil.exe", type));
        assertEquals("evil." + type.extension(), Attachment.displayName("evil", type));
    }

    @Test
    void aLongNameKeepsItsEndAndTheExtension() {
        assertEquals(255, display("z".repeat(300) + ".exe").length());
        assertTrue(display("z".repeat(300) + ".exe").endsWith("zzz.pdf"));
    }

    /** A file that was on the declaration when it was last submitted is in a submitted revision; a later one is not. */
    @Test
    void onlyAFileThereAtTheLastSubmissionIsPartOfASubmission() {
        Declaration d = Declaration.start(Fixtures.call(org.innofund.program.domain.SubsidyKind.PRE_APPROVED),
                Fixtures.enterprise(), "e1", Fixtures.OPENS);
        Instant submittedAt = Fixtures.OPENS.plusSeconds(3600);
        Attachment before = new Attachment(d, "营业执照", "a.pdf", FileType.PDF, 1, "ab".repeat(32), "e1", submittedAt.minusMillis(1));
        Attachment atTheInstant = new Attachment(d, "营业执照", "b.pdf", FileType.PDF, 1, "ab".repeat(32), "e1", submittedAt);
        Attachment after = new Attachment(d, "营业执照", "c.pdf", FileType.PDF, 1, "ab".repeat(32), "e1", submittedAt.plusMillis(1));
        assertFalse(before.isPartOfASubmission(), "a draft never submitted keeps nothing");
        d.submit("e1", submittedAt, java.util.List.of());
        assertTrue(before.isPartOfASubmission());
        assertTrue(atTheInstant.isPartOfASubmission(), "the same instant counts as there (kept rather than lost)");
        assertFalse(after.isPartOfASubmission());
    }

    @Test
    void aLongNameKeepsItsEnd() {
        String name = display("x".repeat(300) + ".pdf");
        assertEquals(255, name.length());
        assertTrue(name.endsWith("x.pdf"));
        assertEquals(255, display("y".repeat(251) + ".pdf").length());
    }

    /** Cutting to 255 never leaves half of a character outside the Basic Multilingual Plane. */
    @Test
    void aLongNameIsNeverCutInsideASurrogatePair() {
        String emoji = "\uD83D\uDCC4"; // 📄, two UTF-16 units
        String name = display(emoji.repeat(200) + ".pdf");
        assertFalse(Character.isLowSurrogate(name.charAt(0)), "starts with a lone low surrogate");
        assertTrue(name.length() <= 255, String.valueOf(name.length()));
        assertTrue(name.endsWith(emoji + ".pdf"));
        assertEquals(name, new String(name.codePoints().toArray(), 0, name.codePointCount(0, name.length())));
    }

    @Test
    void theStoredNameIsTheServersOwn() {
        Instant now = Instant.parse("2025-03-15T02:00:00Z");
        Attachment a = new Attachment(null, "营业执照", "../../evil/name.exe", FileType.PNG, 10, "ab".repeat(32), "e1", now);
        Attachment b = new Attachment(null, "营业执照", "../../evil/name.exe", FileType.PNG, 10, "ab".repeat(32), "e1", now);
        assertTrue(a.getStoredName().matches("[0-9a-f]{32}\\.png"), a.getStoredName());
        assertNotEquals(a.getStoredName(), b.getStoredName());
        assertEquals("name.png", a.getOriginalName());
        assertEquals(FileType.PNG, a.getType());
        assertEquals(10, a.getSizeBytes());
        assertEquals("e1", a.getUploadedBy());
        assertEquals(now, a.getUploadedAt());
        assertEquals("营业执照", a.getRequirement());
    }

    @Test
    void aWithdrawnAttachmentIsKept() {
        Attachment a = new Attachment(null, "营业执照", "a.pdf", FileType.PDF, 1, "0".repeat(64), "e1", Instant.EPOCH);
        assertFalse(a.isWithdrawn());
        a.withdraw();
        assertTrue(a.isWithdrawn());
        assertEquals("a.pdf", a.getOriginalName());
    }

    @Test
    void theLimitsAreTwentyMegabytesAFileAndAHundredADeclaration() {
        assertEquals(20L * 1024 * 1024, Attachment.MAX_BYTES);
        assertEquals(100L * 1024 * 1024, Attachment.MAX_BYTES_PER_DECLARATION);
    }

    /** 其他材料: several files the call did not list, each with what it is, under the reserved requirement name. */
    @Test
    void anOtherMaterialCarriesItsDescription() {
        Attachment a = Attachment.otherMaterial(null, "  发明专利证书  ", "专利.pdf", FileType.PDF, 1, "0".repeat(64), "e1",
                Instant.EPOCH);
        assertEquals(org.innofund.program.domain.AttachmentRequirement.OTHER_MATERIALS, a.getRequirement());
        assertEquals("发明专利证书", a.getDescription());
        assertEquals("专利.pdf", a.getOriginalName());
        assertEquals(null, new Attachment(null, "营业执照", "a.pdf", FileType.PDF, 1, "0".repeat(64), "e1", Instant.EPOCH)
                .getDescription(), "a listed requirement's file has none");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\t\n"})
    void anOtherMaterialWithoutADescriptionIsRefused(String description) {
        org.innofund.shared.BusinessException e = org.junit.jupiter.api.Assertions.assertThrows(
                org.innofund.shared.BusinessException.class, () -> Attachment.otherMaterial(null, description, "a.pdf",
                        FileType.PDF, 1, "0".repeat(64), "e1", Instant.EPOCH));
        assertEquals("attachment.descriptionRequired", e.messageKey());
    }

    @Test
    void aDescriptionHoldsAtMost200Characters() {
        assertEquals("说".repeat(200), Attachment.describing(" " + "说".repeat(200) + " "));
        assertEquals("attachment.descriptionRequired", org.junit.jupiter.api.Assertions.assertThrows(
                org.innofund.shared.BusinessException.class, () -> Attachment.describing("说".repeat(201))).messageKey());
    }
}
