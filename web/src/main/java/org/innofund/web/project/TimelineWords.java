package org.innofund.web.project;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import org.innofund.project.application.TimelineEntry;
import org.innofund.web.shared.Feedback;

import java.util.List;
import java.util.Map;

/**
 * A timeline entry in words of the page's language: its message with each argument that names an enum value (a state,
 * a stage, a grade, a verdict, a kind of change) read through its label, numbers and titles as they are.
 */
@Named
@ApplicationScoped
public class TimelineWords {

    /** For each message, the label prefix of each argument; null leaves the argument as it is. */
    static final Map<String, List<String>> ARGUMENTS = Map.ofEntries(
            Map.entry("timeline.state", List.of("projectState.")),
            Map.entry("timeline.listApproved", List.of("")),
            Map.entry("timeline.objection", List.of()),
            Map.entry("timeline.objectionAnswered", List.of("objectionState.")),
            Map.entry("timeline.correctionAllowed", List.of("evaluationStage.", "")),
            Map.entry("timeline.evaluation", List.of("evaluationStage.", "grade.", "verdict.")),
            Map.entry("timeline.agreement", List.of("agreementState.")),
            Map.entry("timeline.agreementVersion", List.of("")),
            Map.entry("timeline.report", List.of("", "")),
            Map.entry("timeline.changeAsked", List.of("changeKind.")),
            Map.entry("timeline.changeDecided", List.of("changeKind.", "changeState.")));

    public String text(TimelineEntry e) {
        List<String> prefixes = ARGUMENTS.get(e.what());
        Object[] arguments = e.arguments().toArray();
        for (int i = 0; i < arguments.length && prefixes != null && i < prefixes.size(); i++) {
            if (!prefixes.get(i).isEmpty()) {
                arguments[i] = Feedback.label(prefixes.get(i) + arguments[i]);
            } else if (arguments[i] instanceof Number n) {
                arguments[i] = String.valueOf(n);
            }
        }
        return Feedback.label(e.what(), arguments);
    }
}
