package org.innofund.identity.application;

import org.innofund.identity.domain.Organisation;
import org.innofund.identity.domain.OrganisationKind;

import java.io.Serializable;

/** An organisation as lists, forms and the API show it. */
public record OrganisationView(Long id, String name, OrganisationKind kind, String uscc) implements Serializable {

    public static OrganisationView of(Organisation o) {
        return new OrganisationView(o.getId(), o.getName(), o.getKind(), o.getUscc().orElse(null));
    }
}
