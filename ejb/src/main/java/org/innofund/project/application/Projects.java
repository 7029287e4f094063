package org.innofund.project.application;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.validation.constraints.NotNull;
import org.innofund.identity.application.CurrentUser;
import org.innofund.identity.domain.Role;
import org.innofund.project.domain.Project;
import org.innofund.project.domain.ProjectState;

import java.util.List;

/**
 * 项目: the projects as their enterprise (its own) and the bureau (all) read them. Access is {@link ProjectAccess}'s:
 * another enterprise's project answers 404 and is audited.
 */
@Stateless
@RolesAllowed({Role.Names.ENTERPRISE, Role.Names.REVIEWER, Role.Names.APPROVER, Role.Names.FINANCE})
public class Projects {

    /** A list shows at most this many projects, the newest first. */
    public static final int LIST_MAX = 2000;

    @PersistenceContext
    private EntityManager em;

    @EJB
    private CurrentUser currentUser;

    @EJB
    private ProjectAccess access;

    /** The caller's projects (an enterprise: its own; the bureau: all), optionally of one call and in one state. */
    public List<ProjectSummary> list(Long callId, ProjectState state) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        boolean all = access.seesAll();
        if (!all) {
            where.append(" and p.enterpriseId = :enterprise");
        }
        if (callId != null) {
            where.append(" and p.callId = :call");
        }
        if (state != null) {
            where.append(" and p.state = :state");
        }
        TypedQuery<Project> q = em.createQuery("select p from Project p" + where + " order by p.createdAt desc, p.id desc",
                Project.class);
        if (!all) {
            q.setParameter("enterprise", currentUser.require().getOrganisation().getId());
        }
        if (callId != null) {
            q.setParameter("call", callId);
        }
        if (state != null) {
            q.setParameter("state", state);
        }
        return q.setMaxResults(LIST_MAX).getResultList().stream().map(ProjectSummary::of).toList();
    }

    /** One project with its transitions. */
    public ProjectDetail get(@NotNull Long id) {
        return ProjectDetail.of(access.readable(id));
    }
}
