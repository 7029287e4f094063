package org.innofund.platform.pdf;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChineseFontTest {

    @Test
    void theBuildPutsTheFontIntoTheJarSoNoMachineNeedsItInstalled() {
        assertNotNull(ChineseFont.class.getResource(ChineseFont.BUNDLED), "ejb/pom.xml, execution cjk-font");
        assertNotNull(ChineseFont.class.getResource("/org/innofund/platform/pdf/wqy-microhei-copyright.txt"),
                "the licence travels with the font");
        ChineseFont font = new ChineseFont();
        assertEquals(ChineseFont.FONT_NAME, font.use(f -> f.getName()));
        assertTrue(font.use(f -> f.getUnicodeCmapLookup().getGlyphId('证')) > 0, "has 证");
    }

    @Test
    void theFontIsParsedOnceAndLentAgain() {
        ChineseFont font = new ChineseFont();
        assertSame(font.use(f -> f), font.use(f -> f));
    }
}
