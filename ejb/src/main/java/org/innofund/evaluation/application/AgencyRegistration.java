package org.innofund.evaluation.application;

import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.innofund.declaration.domain.ProjectField;
import org.innofund.evaluation.domain.AgencyProfile;
import org.innofund.identity.domain.PasswordPolicy;
import org.innofund.identity.domain.Uscc;
import org.innofund.shared.FormCheck;
import org.innofund.shared.Lengths;

import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What the admin gives to register an evaluation agency (第三方评估机构登记): the organisation (name, USCC, contact), its
 * qualification (资质) and fields, and its first users, each with an initial password.
 */
public record AgencyRegistration(
        @NotBlank @Size(max = Lengths.ORGANISATION_NAME) String name,
        @NotBlank @Size(max = 32) String uscc,
        @NotBlank @Size(max = AgencyProfile.QUALIFICATION_MAX) String qualification,
        @NotEmpty(message = "agency.fieldsRequired") Set<ProjectField> fields,
        @NotBlank @Size(max = Lengths.PERSON_NAME) String contactName,
        @NotBlank @Size(max = Lengths.PHONE) @Pattern(regexp = "[0-9+\\- ()]{5,40}", message = "phone.format") String contactPhone,
        @NotEmpty(message = "agency.userRequired") List<@Valid FirstUser> users) implements Serializable {

    /** An AGENCY user created with the agency. */
    public record FirstUser(
            @NotBlank @Size(min = 3, max = Lengths.USERNAME) @Pattern(regexp = "[A-Za-z0-9._@-]+", message = "username.format") String username,
            @NotBlank @Size(max = Lengths.PERSON_NAME) String displayName,
            @NotBlank @Size(max = Lengths.PASSWORD_MAX) String password) implements Serializable {
    }

    /** Every problem of the form at once: its constraints, the USCC's check character, each user's password policy. */
    public FormCheck check(Validator validator) {
        FormCheck check = FormCheck.of(validator.validate(this));
        if (!check.has("uscc")) {
            check.rule("uscc", () -> Uscc.parse(usccValue()));
        }
        if (fields != null && fields.stream().anyMatch(java.util.Objects::isNull)) {
            check.add("fields", "agency.fieldsRequired");
        }
        if (users != null && users.stream().anyMatch(java.util.Objects::isNull) && !check.has("users")) {
            check.add("users", "agency.userRequired"); // a JSON "users": [null]
        }
        if (users != null && !check.has("password")) {
            users.stream().filter(u -> u != null && u.username() != null && u.password() != null).forEach(u ->
                    check.rule("password", () -> {
                        PasswordPolicy.check(u.username(), u.password());
                        return u;
                    }));
        }
        return check;
    }

    /** The USCC as stored: upper case. */
    String usccValue() {
        return uscc.strip().toUpperCase(Locale.ROOT);
    }
}
