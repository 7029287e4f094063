package org.innofund.declaration.application;

import java.util.Collection;
import java.util.Set;

/**
 * Whether an evaluation agency may read a declaration as last submitted. The evaluation context answers it (an
 * assignment of the declaration to that agency, in a state that lets it read the content: after it declared no
 * conflict); the declaration context asks it in {@link DeclarationAccess}, so that every read of a declaration, its
 * revisions and its files goes through the one check, and declaration needs no knowledge of evaluation.
 */
public interface AgencyReadGrant {

    boolean mayRead(long agencyOrganisationId, long declarationId);

    /** Those of the declarations the agency may read, as {@link #mayRead} answers each. */
    Set<Long> readableAmong(long agencyOrganisationId, Collection<Long> declarationIds);
}
