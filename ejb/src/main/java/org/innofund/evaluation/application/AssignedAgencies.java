package org.innofund.evaluation.application;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.innofund.declaration.application.AgencyReadGrant;
import org.innofund.evaluation.domain.AssignmentAction;
import org.innofund.evaluation.domain.AssignmentState;

import java.util.Arrays;
import java.util.List;

/** The evaluation context's answer to the declaration's access check: an agency reads what it was assigned, once cleared. */
@Stateless
@PermitAll
public class AssignedAgencies implements AgencyReadGrant {

    /** The states in which the lifecycle table lets the agency read the declaration's content. */
    private static final List<AssignmentState> READABLE = Arrays.stream(AssignmentState.values())
            .filter(s -> s.allows(AssignmentAction.READ_CONTENT)).toList();

    @PersistenceContext
    private EntityManager em;

    @Override
    public boolean mayRead(long agencyOrganisationId, long declarationId) {
        return em.createQuery("select count(a) from Assignment a where a.agencyId = :agency"
                        + " and a.declarationId = :declaration and a.state in :readable", Long.class)
                .setParameter("agency", agencyOrganisationId).setParameter("declaration", declarationId)
                .setParameter("readable", READABLE).getSingleResult() > 0;
    }
}
