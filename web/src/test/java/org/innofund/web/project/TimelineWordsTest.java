package org.innofund.web.project;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every timeline message the service writes has its words, and as many arguments as the page fills in, in both languages. */
class TimelineWordsTest {

    /** What ProjectTimeline writes: each message key with its number of arguments. */
    private static final Set<String> WRITTEN = Set.of("timeline.state", "timeline.listApproved", "timeline.correctionAllowed",
            "timeline.evaluation", "timeline.agreement", "timeline.agreementVersion", "timeline.report",
            "timeline.changeAsked", "timeline.changeDecided", "timeline.objection", "timeline.objectionAnswered");

    @Test
    void everyMessageOfTheTimelineHasItsArgumentsInBothLanguages() throws IOException {
        assertEquals(WRITTEN, new TreeSet<>(TimelineWords.ARGUMENTS.keySet()));
        for (String bundle : new String[] {"messages_zh_CN.properties", "messages_en.properties"}) {
            Properties p = new Properties();
            try (InputStream in = TimelineWordsTest.class.getResourceAsStream("/org/innofund/web/i18n/" + bundle)) {
                p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
            }
            for (var e : TimelineWords.ARGUMENTS.entrySet()) {
                String pattern = p.getProperty(e.getKey());
                assertTrue(pattern != null, bundle + " " + e.getKey());
                for (int i = 0; i < e.getValue().size(); i++) {
                    assertTrue(pattern.contains("{" + i + "}"), bundle + " " + e.getKey() + " lacks {" + i + "}");
                }
                assertTrue(!pattern.contains("{" + e.getValue().size() + "}"), bundle + " " + e.getKey() + " has too many");
            }
        }
    }
}
