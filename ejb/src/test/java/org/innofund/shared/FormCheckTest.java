package org.innofund.shared;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.innofund.identity.application.EnterpriseRegistration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Constraint violations and rules become field problems with business message keys, all of a form at once. */
class FormCheckTest {

    private static final ValidatorFactory FACTORY = Validation.buildDefaultValidatorFactory();
    private static final Validator VALIDATOR = FACTORY.getValidator();

    @AfterAll
    static void close() {
        FACTORY.close();
    }

    record Form(@NotBlank String name, @Size(min = 3, max = 5) String code, @Pattern(regexp = "[0-9]+", message = "phone.format") String phone,
                @Min(1) @Max(20) Integer count, @PositiveOrZero Integer staff, @NotNull @MoneyAmount BigDecimal amount,
                @Pattern(regexp = "[a-z]+") String lower) {
    }

    private static List<FieldProblem> problems(Form form) {
        return FormCheck.of(VALIDATOR.validate(form)).problems();
    }

    @Test
    void aValidFormHasNoProblem() {
        assertEquals(List.of(), problems(new Form("a", "abc", "123", 1, 0, new BigDecimal("0.01"), "x")));
    }

    @Test
    void everyViolationIsAProblemOfItsFieldWithAKeyAndTheLimitAsArgument() {
        List<FieldProblem> problems = problems(new Form(" ", "ab", "12a", 21, -1, new BigDecimal("1.001"), "X"));
        assertEquals(List.of(
                FieldProblem.of("amount", "validation.MoneyAmount"),
                FieldProblem.of("code", "validation.Size.min", 3),
                FieldProblem.of("count", "validation.Max", "20"),
                FieldProblem.of("lower", "validation.Pattern"),
                FieldProblem.of("name", "validation.NotBlank"),
                FieldProblem.of("phone", "phone.format"),
                FieldProblem.of("staff", "validation.PositiveOrZero")), problems);
    }

    @Test
    void theEdgesOfASizeNameTheirOwnLimit() {
        assertEquals(List.of(FieldProblem.of("code", "validation.Size.max", 5)),
                problems(new Form("a", "abcdef", "1", 1, 0, BigDecimal.ONE, "x")));
        assertEquals(List.of(), problems(new Form("a", "abcde", "1", 1, 0, BigDecimal.ONE, "x")));
        assertEquals(List.of(FieldProblem.of("count", "validation.Min", "1"), FieldProblem.of("amount", "validation.NotNull")).stream()
                .sorted(java.util.Comparator.comparing(FieldProblem::field)).toList(),
                problems(new Form("a", "abc", "1", 0, 0, null, "x")));
    }

    @Test
    void aRuleThatRefusesBecomesItsFieldsProblemAndTheOthersStillCount() {
        FormCheck check = FormCheck.of(VALIDATOR.validate(new Form(null, "abc", "1", 1, 0, BigDecimal.ONE, "x")));
        assertNull(check.rule("code", () -> {
            throw BusinessException.invalid("uscc.length", 17);
        }));
        assertEquals("ok", check.rule("phone", () -> "ok"));
        assertTrue(check.has("code") && check.has("name"));
        InvalidFormException refused = assertThrows(InvalidFormException.class, check::refuseIfAny);
        assertEquals(List.of(FieldProblem.of("name", "validation.NotBlank"), FieldProblem.of("code", "uscc.length", 17)),
                refused.problems());
        assertEquals("form.invalid", refused.messageKey());
        assertEquals(2, refused.arguments()[0]);
    }

    /** One problem is the refusal itself: its key and arguments, as a client that knew only one problem at a time had them. */
    @Test
    void aFormWithOneProblemIsRefusedWithThatProblem() {
        InvalidFormException refused = new InvalidFormException(List.of(FieldProblem.of("uscc", "uscc.length", 17)));
        assertEquals("uscc.length", refused.messageKey());
        assertEquals(List.of(17), List.of(refused.arguments()));
        assertEquals("uscc", refused.problems().get(0).field());
    }

    @Test
    void nothingToRefuseRefusesNothing() {
        new FormCheck().refuseIfAny();
    }

    @Test
    void theRegistrationFormNamesEveryMistakeInWords() {
        List<FieldProblem> problems = FormCheck.of(VALIDATOR.validate(new EnterpriseRegistration("公司", "91330201MA2H3K4L5N",
                "张三", "abc", "has space", " "))).problems();
        assertEquals(List.of("contactPhone", "password", "username"), problems.stream().map(FieldProblem::field).toList());
        for (FieldProblem p : problems) {
            for (Locale locale : List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)) {
                assertNotEquals(p.messageKey(), Messages.get(locale, p.messageKey(), p.arguments().toArray()), "no words for " + p);
            }
        }
    }

    /** Every constraint the code uses reads as a sentence in both languages (the keys are built from its name). */
    @Test
    void everyConstraintInUseHasItsSentence() {
        for (String key : List.of("validation.NotBlank", "validation.NotNull", "validation.Size.min", "validation.Size.max",
                "validation.Pattern", "validation.Min", "validation.Max", "validation.PositiveOrZero", "validation.Digits",
                "validation.MoneyAmount", "form.invalid")) {
            for (Locale locale : List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)) {
                assertNotEquals(key, Messages.get(locale, key, 1), locale + " " + key);
            }
        }
    }
}
