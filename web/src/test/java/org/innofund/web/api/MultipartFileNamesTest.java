package org.innofund.web.api;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class MultipartFileNamesTest {

    private static String asJerseyReadsIt(String name) {
        return new String(name.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }

    @Test
    void utf8BytesReadAsLatin1AreRestored() {
        assertEquals("可行性 研究报告 (终稿).pdf", MultipartFileNames.repair(asJerseyReadsIt("可行性 研究报告 (终稿).pdf")));
        assertEquals("Résumé.pdf", MultipartFileNames.repair(asJerseyReadsIt("Résumé.pdf")));
    }

    @Test
    void namesThatAreNotMangledStayAsTheyAre() {
        assertEquals("report.pdf", MultipartFileNames.repair("report.pdf"));
        assertEquals("可研报告.pdf", MultipartFileNames.repair("可研报告.pdf"), "already decoded correctly");
        // Latin-1 text that is not valid UTF-8 when read back as bytes
        assertEquals("Résumé.pdf", MultipartFileNames.repair("Résumé.pdf"));
        assertNull(MultipartFileNames.repair(null));
    }
}
