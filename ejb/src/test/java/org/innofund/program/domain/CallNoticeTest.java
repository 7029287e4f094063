package org.innofund.program.domain;

import org.innofund.shared.BusinessException;
import org.innofund.shared.FileType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CallNoticeTest {

    private static final Instant AT = Instant.parse("2026-01-05T02:00:00Z");
    private static final String SHA = "a".repeat(64);

    @Test
    void aPdfIsANoticeUnderItsOwnNameMadeSafe() {
        CallNotice n = new CallNotice(5, "C:\\通知\\关于组织申报2027年度科技计划项目的通知.pdf", FileType.PDF, 1536, SHA, "reviewer", AT);
        assertEquals(5L, n.getCallId());
        assertEquals("关于组织申报2027年度科技计划项目的通知.pdf", n.getOriginalName());
        assertEquals(FileType.PDF, n.getType());
        assertEquals(1536, n.getSizeBytes());
        assertEquals(SHA, n.getSha256());
        assertEquals("reviewer", n.getUploadedBy());
        assertEquals(AT, n.getUploadedAt());
    }

    @Test
    void aNoticeNamedOtherwiseGetsTheExtensionOfWhatItHolds() {
        assertEquals("通知.pdf", new CallNotice(5, "通知.docx", FileType.PDF, 10, SHA, "r", AT).getOriginalName());
        assertEquals("attachment.pdf", new CallNotice(5, null, FileType.PDF, 10, SHA, "r", AT).getOriginalName());
    }

    @Test
    void aReplacementTakesEveryDetailOfTheNewFile() {
        CallNotice n = new CallNotice(5, "旧.pdf", FileType.PDF, 10, SHA, "reviewer", AT);
        n.replace("新.pdf", FileType.PDF, 20, "b".repeat(64), "reviewer2", AT.plusSeconds(60));
        assertEquals("新.pdf", n.getOriginalName());
        assertEquals(20, n.getSizeBytes());
        assertEquals("b".repeat(64), n.getSha256());
        assertEquals("reviewer2", n.getUploadedBy());
        assertEquals(AT.plusSeconds(60), n.getUploadedAt());
    }

    @ParameterizedTest
    @EnumSource(value = FileType.class, names = "PDF", mode = EnumSource.Mode.EXCLUDE)
    void aPictureOrASpreadsheetIsNotANotice(FileType type) {
        BusinessException e = assertThrows(BusinessException.class, () -> new CallNotice(5, "x", type, 10, SHA, "r", AT));
        assertEquals(BusinessException.Kind.INVALID, e.kind());
        assertEquals("notice.typeNotAllowed", e.messageKey());
        assertArrayEquals(new Object[] {"PDF"}, e.arguments());
        CallNotice n = new CallNotice(5, "旧.pdf", FileType.PDF, 10, SHA, "r", AT);
        assertThrows(BusinessException.class, () -> n.replace("x", type, 10, SHA, "r", AT));
        assertEquals("旧.pdf", n.getOriginalName()); // a refused replacement changes nothing
    }
}
