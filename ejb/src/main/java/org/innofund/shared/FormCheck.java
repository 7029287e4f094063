package org.innofund.shared;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Collects the problems of a form field by field — its Bean Validation constraints and the rules a service adds — and
 * refuses the form once with all of them ({@link InvalidFormException}).
 * <p>
 * A constraint speaks through the business messages: {@code @Pattern(message = "phone.format")} names its own key; a
 * constraint left with its default message reads as {@code validation.NotBlank}, {@code validation.Size.max} and the like.
 */
public final class FormCheck {

    /** A constraint's message that is one of ours: a message key, not a sentence or a {jakarta...} template. */
    private static final Pattern OWN_KEY = Pattern.compile("[a-z][A-Za-z0-9]*(\\.[A-Za-z0-9]+)+");

    private final List<FieldProblem> problems = new ArrayList<>();

    /** A check that starts from the constraint violations of a form (one field's problems in the order of the form). */
    public static FormCheck of(Set<? extends ConstraintViolation<?>> violations) {
        FormCheck check = new FormCheck();
        violations.stream().map(FormCheck::problem)
                .sorted(Comparator.comparing(FieldProblem::field).thenComparing(FieldProblem::messageKey))
                .forEach(check.problems::add);
        return check;
    }

    public void add(String field, String messageKey, Object... arguments) {
        problems.add(FieldProblem.of(field, messageKey, arguments));
    }

    /** Whether the field already has a problem: a rule on a value that is not even well-formed would only repeat it. */
    public boolean has(String field) {
        return problems.stream().anyMatch(p -> p.field().equals(field));
    }

    /** Runs a rule of one field that refuses with a {@link BusinessException}; its refusal becomes that field's problem. */
    public <T> T rule(String field, Supplier<T> rule) {
        try {
            return rule.get();
        } catch (BusinessException refused) {
            problems.add(new FieldProblem(field, refused.messageKey(), Arrays.asList(refused.arguments())));
            return null;
        }
    }

    public List<FieldProblem> problems() {
        return List.copyOf(problems);
    }

    public void refuseIfAny() {
        if (!problems.isEmpty()) {
            throw new InvalidFormException(problems);
        }
    }

    static FieldProblem problem(ConstraintViolation<?> v) {
        String field = leaf(v.getPropertyPath());
        String template = v.getMessageTemplate();
        if (OWN_KEY.matcher(template).matches()) {
            return FieldProblem.of(field, template);
        }
        Map<String, Object> attributes = v.getConstraintDescriptor().getAttributes();
        String constraint = v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
        if ("Size".equals(constraint)) {
            int min = (Integer) attributes.get("min");
            int max = (Integer) attributes.get("max");
            Object value = v.getInvalidValue();
            int length = value instanceof CharSequence s ? s.length() : value instanceof java.util.Collection<?> c ? c.size() : 0;
            return length < min ? FieldProblem.of(field, "validation.Size.min", min) : FieldProblem.of(field, "validation.Size.max", max);
        }
        if (attributes.containsKey("value") && attributes.get("value") instanceof Number limit) {
            return FieldProblem.of(field, "validation." + constraint, String.valueOf(limit)); // Min, Max: a year reads 2026, not 2,026
        }
        return FieldProblem.of(field, "validation." + constraint);
    }

    private static String leaf(Path path) {
        String name = "";
        for (Path.Node node : path) {
            if (node.getName() != null) {
                name = node.getName();
            }
        }
        return name;
    }
}
