package org.innofund.platform;

import org.innofund.program.domain.SubsidyKind;
import org.innofund.shared.Lengths;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each demo call carries a full guide (issue 9, item 15): every part a guide has, within what a call's guide holds. */
class DemoGuidesTest {

    @ParameterizedTest
    @EnumSource(SubsidyKind.class)
    void everyKindsGuideHasEveryPart(SubsidyKind kind) throws IOException {
        String guide;
        try (InputStream in = DemoData.class.getResourceAsStream("guides/" + kind + ".txt")) {
            assertNotNull(in, "no guide for " + kind);
            guide = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        for (String part : List.of("一、支持对象与申报条件", "二、支持方式与标准", "三、申报材料", "四、时间安排", "五、联系方式")) {
            assertTrue(guide.contains(part), kind + " lacks " + part);
        }
        assertTrue(guide.length() <= Lengths.LONG_TEXT, kind + ": " + guide.length() + " characters");
    }
}
