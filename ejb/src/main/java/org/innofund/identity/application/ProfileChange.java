package org.innofund.identity.application;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.innofund.shared.Lengths;

/** What an organisation's own users may change on its profile (单位信息), with the version they read. */
public record ProfileChange(
        Long version,
        @Size(max = Lengths.ADDRESS) String address,
        @Size(max = Lengths.PERSON_NAME) String legalRepresentative,
        @NotBlank @Size(max = Lengths.PERSON_NAME) String contactName,
        @NotBlank @Size(max = Lengths.PHONE) @Pattern(regexp = "[0-9+\\- ()]{5,40}", message = "phone.format") String contactPhone) {
}
