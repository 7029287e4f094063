package org.innofund.project.application;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import org.innofund.identity.application.CurrentUser;
import org.innofund.identity.domain.Role;
import org.innofund.identity.domain.UserAccount;
import org.innofund.project.domain.Project;
import org.innofund.project.domain.ProjectEvents;
import org.innofund.shared.BusinessException;
import org.innofund.shared.event.DomainEvent;

/**
 * Who may see and change which project, checked on every read and write as {@code DeclarationAccess} does: an
 * enterprise only its own organisation's; the bureau (reviewers, approvers, finance) every one. Anything else is
 * answered "not found" (nobody learns that another company's project exists) and audited as a denied access.
 */
@Stateless
@PermitAll
public class ProjectAccess {

    @PersistenceContext
    private EntityManager em;

    @EJB
    private CurrentUser currentUser;

    @Inject
    private Event<DomainEvent> events;

    /** The project, if the caller may read it. */
    public Project readable(Long id) {
        UserAccount user = currentUser.require();
        Project p = id == null ? null : em.find(Project.class, id);
        if (p != null && (isOwner(user, p) || isBureau(user))) {
            return p;
        }
        throw denied(id, p != null);
    }

    /** The caller's own organisation's project, locked until the transaction ends and read afresh, for it to change. */
    public Project ownedForChange(Long id) {
        UserAccount user = currentUser.require();
        Project p = id == null ? null : em.find(Project.class, id);
        if (p == null || !isOwner(user, p)) {
            throw denied(id, p != null);
        }
        em.refresh(p, LockModeType.PESSIMISTIC_WRITE);
        return p;
    }

    /** Any project, for the bureau's reviewer to change: locked and read afresh. */
    public Project forReviewer(Long id) {
        UserAccount user = currentUser.require();
        Project p = id == null ? null : em.find(Project.class, id);
        if (p == null || !user.hasRole(Role.REVIEWER)) {
            throw denied(id, p != null);
        }
        em.refresh(p, LockModeType.PESSIMISTIC_WRITE);
        return p;
    }

    /** Whether the caller reads every project (the bureau) rather than its own organisation's. */
    public boolean seesAll() {
        return isBureau(currentUser.require());
    }

    private static boolean isOwner(UserAccount user, Project p) {
        return user.hasRole(Role.ENTERPRISE) && p.belongsTo(user.getOrganisation().getId());
    }

    private static boolean isBureau(UserAccount user) {
        return user.hasRole(Role.REVIEWER) || user.hasRole(Role.APPROVER) || user.hasRole(Role.FINANCE);
    }

    private BusinessException denied(Long id, boolean exists) {
        if (exists) {
            events.fire(new ProjectEvents.ProjectAccessDenied(currentUser.actor(), id));
        }
        return BusinessException.notFound("project.notFound", id);
    }
}
