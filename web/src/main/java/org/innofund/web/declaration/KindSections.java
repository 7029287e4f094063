package org.innofund.web.declaration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import org.innofund.declaration.domain.kind.FormSection;
import org.innofund.declaration.domain.kind.KindRules;
import org.innofund.program.domain.SubsidyKind;

/** Which form sections a subsidy kind shows, for the pages: {@code #{kinds.shows(kind, 'RD_FIGURES')}}. */
@Named("kinds")
@ApplicationScoped
public class KindSections {

    public boolean shows(SubsidyKind kind, FormSection section) {
        return kind != null && KindRules.of(kind).shows(section);
    }
}
