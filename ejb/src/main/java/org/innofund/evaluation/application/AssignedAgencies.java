package org.innofund.evaluation.application;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.innofund.declaration.application.AgencyReadGrant;
import org.innofund.evaluation.domain.AssignmentAction;
import org.innofund.evaluation.domain.AssignmentState;

import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

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
        return readableAmong(agencyOrganisationId, List.of(declarationId)).contains(declarationId);
    }

    @Override
    public Set<Long> readableAmong(long agencyOrganisationId, Collection<Long> declarationIds) {
        List<Long> ids = List.copyOf(declarationIds);
        Set<Long> readable = new HashSet<>();
        for (int i = 0; i < ids.size(); i += 500) {
            readable.addAll(em.createQuery("select distinct a.declarationId from Assignment a where a.agencyId = :agency"
                            + " and a.declarationId in :declarations and a.state in :readable", Long.class)
                    .setParameter("agency", agencyOrganisationId)
                    .setParameter("declarations", ids.subList(i, Math.min(ids.size(), i + 500)))
                    .setParameter("readable", READABLE).getResultList());
        }
        return readable;
    }
}
