package org.innofund.identity.application;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.innofund.shared.Lengths;

/** What an enterprise gives to register itself (企业注册). */
public record EnterpriseRegistration(
        @NotBlank @Size(max = Lengths.ORGANISATION_NAME) String companyName,
        @NotBlank @Size(max = 32) String uscc,
        @NotBlank @Size(max = Lengths.PERSON_NAME) String contactName,
        @NotBlank @Size(max = Lengths.PHONE) @Pattern(regexp = "[0-9+\\- ()]{5,40}", message = "phone.format") String contactPhone,
        @NotBlank @Size(min = 3, max = Lengths.USERNAME) @Pattern(regexp = "[A-Za-z0-9._@-]+", message = "username.format") String username,
        @NotBlank @Size(max = Lengths.PASSWORD_MAX) String password) {
}
