package org.innofund.web.declaration;

import org.innofund.declaration.domain.kind.FormSection;
import org.innofund.program.domain.SubsidyKind;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pages ask the kind's sections, not the kind's name. */
class KindSectionsTest {

    private final KindSections kinds = new KindSections();

    @Test
    void aSectionIsShownOnlyForTheKindsThatAskForIt() {
        assertTrue(kinds.shows(SubsidyKind.PRE_APPROVED, FormSection.BUDGET));
        assertTrue(kinds.shows(SubsidyKind.RD_INVESTMENT, FormSection.RD_FIGURES));
        assertFalse(kinds.shows(SubsidyKind.RD_INVESTMENT, FormSection.BUDGET));
        assertFalse(kinds.shows(SubsidyKind.REWARD, FormSection.SERVICE_RECORDS));
        assertTrue(kinds.shows(SubsidyKind.SHARED_SERVICE, FormSection.SERVICE_RECORDS));
    }

    /** A declaration not loaded yet has no kind: nothing kind-specific is shown. */
    @Test
    void noKindShowsNoSection() {
        for (FormSection s : FormSection.values()) {
            assertFalse(kinds.shows(null, s));
        }
    }
}
