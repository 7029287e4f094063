package org.innofund.evaluation.application;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.innofund.declaration.domain.ProjectField;
import org.innofund.shared.FieldProblem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The admin's agency registration form: every problem of every field at once, and a good form has none. */
class AgencyRegistrationTest {

    private static ValidatorFactory factory;
    private static Validator validator;

    private static final String USCC = "12330200MB00000032";
    private static final AgencyRegistration.FirstUser USER = new AgencyRegistration.FirstUser("agency.chen", "陈评估",
            "Zq7#river-lamp");

    @BeforeAll
    static void start() {
        factory = Validation.buildDefaultValidatorFactory();
        validator = factory.getValidator();
    }

    @AfterAll
    static void stop() {
        factory.close();
    }

    private static AgencyRegistration form(String name, String uscc, String qualification, Set<ProjectField> fields,
                                           String contactName, String contactPhone, List<AgencyRegistration.FirstUser> users) {
        return new AgencyRegistration(name, uscc, qualification, fields, contactName, contactPhone, users);
    }

    private static AgencyRegistration good() {
        return form("宁波第三方评估有限公司", USCC, "科技评估甲级", Set.of(ProjectField.SMART_APPLIANCES), "陈主任", "0574-87654321",
                List.of(USER));
    }

    private static List<String> problems(AgencyRegistration form) {
        return form.check(validator).problems().stream().map(p -> p.field() + ":" + p.messageKey()).toList();
    }

    @Test
    void aCompleteFormHasNoProblem() {
        assertEquals(List.of(), problems(good()));
        assertEquals(USCC, form("x", " " + USCC.toLowerCase() + " ", "q", Set.of(ProjectField.OTHER), "c", "12345",
                List.of(USER)).usccValue());
    }

    static Stream<Arguments> badForms() {
        String longName = "机".repeat(201);
        String longQualification = "资".repeat(2001);
        Set<ProjectField> none = new HashSet<>();
        Set<ProjectField> withNull = new HashSet<>(Arrays.asList(ProjectField.AUTOMOTIVE, null));
        return Stream.of(
                Arguments.of(form(" ", USCC, "q", Set.of(ProjectField.OTHER), "c", "12345", List.of(USER)), List.of("name:validation.NotBlank")),
                Arguments.of(form(longName, USCC, "q", Set.of(ProjectField.OTHER), "c", "12345", List.of(USER)), List.of("name:validation.Size.max")),
                Arguments.of(form("n", "12330200MB00000033", "q", Set.of(ProjectField.OTHER), "c", "12345", List.of(USER)), List.of("uscc:uscc.checkCharacter")),
                Arguments.of(form("n", "1233", "q", Set.of(ProjectField.OTHER), "c", "12345", List.of(USER)), List.of("uscc:uscc.length")),
                Arguments.of(form("n", null, "q", Set.of(ProjectField.OTHER), "c", "12345", List.of(USER)), List.of("uscc:validation.NotBlank")),
                Arguments.of(form("n", USCC, "", Set.of(ProjectField.OTHER), "c", "12345", List.of(USER)), List.of("qualification:validation.NotBlank")),
                Arguments.of(form("n", USCC, longQualification, Set.of(ProjectField.OTHER), "c", "12345", List.of(USER)), List.of("qualification:validation.Size.max")),
                Arguments.of(form("n", USCC, "q", none, "c", "12345", List.of(USER)), List.of("fields:agency.fieldsRequired")),
                Arguments.of(form("n", USCC, "q", null, "c", "12345", List.of(USER)), List.of("fields:agency.fieldsRequired")),
                Arguments.of(form("n", USCC, "q", withNull, "c", "12345", List.of(USER)), List.of("fields:agency.fieldsRequired")),
                Arguments.of(form("n", USCC, "q", Set.of(ProjectField.OTHER), "", "12345", List.of(USER)), List.of("contactName:validation.NotBlank")),
                Arguments.of(form("n", USCC, "q", Set.of(ProjectField.OTHER), "c", "phone", List.of(USER)), List.of("contactPhone:phone.format")),
                Arguments.of(form("n", USCC, "q", Set.of(ProjectField.OTHER), "c", "12345", List.of()), List.of("users:agency.userRequired")),
                Arguments.of(form("n", USCC, "q", Set.of(ProjectField.OTHER), "c", "12345", Arrays.asList((AgencyRegistration.FirstUser) null)),
                        List.of("users:agency.userRequired")),
                Arguments.of(form("n", USCC, "q", Set.of(ProjectField.OTHER), "c", "12345",
                        List.of(new AgencyRegistration.FirstUser("a b", "陈", "Zq7#river-lamp"))), List.of("username:username.format")),
                Arguments.of(form("n", USCC, "q", Set.of(ProjectField.OTHER), "c", "12345",
                        List.of(new AgencyRegistration.FirstUser("agency.chen", "陈", "short"))), List.of("password:password.tooShort")),
                // everything wrong at once is reported at once
                Arguments.of(form("", "1233", "", none, "", "x", List.of()), List.of("contactName:validation.NotBlank",
                        "contactPhone:phone.format", "fields:agency.fieldsRequired", "name:validation.NotBlank",
                        "qualification:validation.NotBlank", "users:agency.userRequired", "uscc:uscc.length")));
    }

    @ParameterizedTest
    @MethodSource("badForms")
    void eachProblemIsNamedOnItsField(AgencyRegistration form, List<String> expected) {
        assertEquals(expected, problems(form));
    }
}
