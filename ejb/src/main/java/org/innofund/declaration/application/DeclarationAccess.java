package org.innofund.declaration.application;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.innofund.audit.application.AuditLog;
import org.innofund.audit.domain.AuditOutcome;
import org.innofund.declaration.domain.Declaration;
import org.innofund.identity.application.CurrentUser;
import org.innofund.identity.domain.Role;
import org.innofund.identity.domain.UserAccount;
import org.innofund.shared.BusinessException;

/**
 * Who may see and change which declaration, checked on every read and write: an enterprise only its own
 * organisation's, the bureau's reviewers and approvers any. Anything else is answered "not found" (so nobody learns
 * that another company's declaration exists) and audited as a denied access.
 */
@Stateless
@PermitAll
public class DeclarationAccess {

    @PersistenceContext
    private EntityManager em;

    @EJB
    private CurrentUser currentUser;

    @EJB
    private AuditLog auditLog;

    public Declaration readable(Long id) {
        UserAccount user = currentUser.require();
        Declaration d = id == null ? null : em.find(Declaration.class, id);
        if (d != null && (user.hasRole(Role.REVIEWER) || user.hasRole(Role.APPROVER)
                || (user.hasRole(Role.ENTERPRISE) && d.belongsTo(user.getOrganisation().getId())))) {
            return d;
        }
        throw denied(id, d != null);
    }

    /** The caller's own organisation's declaration, for the enterprise to change. */
    public Declaration ownedForWrite(Long id) {
        UserAccount user = currentUser.require();
        Declaration d = id == null ? null : em.find(Declaration.class, id);
        if (d != null && user.hasRole(Role.ENTERPRISE) && d.belongsTo(user.getOrganisation().getId())) {
            return d;
        }
        throw denied(id, d != null);
    }

    private BusinessException denied(Long id, boolean exists) {
        if (exists) {
            auditLog.recordIndependently("DECLARATION_ACCESS", "declaration:" + id, AuditOutcome.DENIED, "not the caller's");
        }
        return BusinessException.notFound("declaration.notFound", id);
    }
}
