package org.innofund.project.domain;

import org.innofund.shared.FieldProblem;
import org.innofund.shared.Lengths;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/** What anyone gives to object to a project under publicity: who (never shown publicly), how to reach them, and why. */
public record ObjectionForm(Long projectId, String name, String contact, String text) implements Serializable {

    public static final int NAME_MAX = Lengths.PERSON_NAME;
    public static final int CONTACT_MAX = Lengths.SHORT_NAME;
    /** Short enough to read, long enough to state a case with its facts. */
    public static final int TEXT_MIN = 10;
    public static final int TEXT_MAX = 1000; // 3,000 bytes of Chinese: within Oracle's 4,000-byte VARCHAR2

    /** Every problem of the form at once (the public page shows each at its field). */
    public List<FieldProblem> problems() {
        List<FieldProblem> problems = new ArrayList<>();
        if (projectId == null) {
            problems.add(FieldProblem.of("projectId", "objection.projectRequired"));
        }
        required(problems, "name", name, 1, NAME_MAX);
        required(problems, "contact", contact, 1, CONTACT_MAX);
        required(problems, "text", text, TEXT_MIN, TEXT_MAX);
        return problems;
    }

    private static void required(List<FieldProblem> problems, String field, String value, int min, int max) {
        int length = value == null ? 0 : value.strip().length();
        if (length == 0) {
            problems.add(FieldProblem.of(field, "validation.NotBlank"));
        } else if (length < min) {
            problems.add(FieldProblem.of(field, "validation.Size.min", min));
        } else if (length > max) {
            problems.add(FieldProblem.of(field, "validation.Size.max", max));
        }
    }
}
