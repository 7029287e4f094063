package org.innofund.evaluation.application;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.constraints.NotNull;
import org.innofund.evaluation.domain.AgencyProfile;
import org.innofund.evaluation.domain.AgencyRelationship;
import org.innofund.evaluation.domain.AssignmentCheck;
import org.innofund.evaluation.domain.EvaluationEvents;
import org.innofund.evaluation.domain.Relationship;
import org.innofund.evaluation.domain.RelationshipKind;
import org.innofund.identity.application.CurrentUser;
import org.innofund.identity.domain.Organisation;
import org.innofund.identity.domain.OrganisationKind;
import org.innofund.identity.domain.Role;
import org.innofund.identity.domain.UserAccount;
import org.innofund.integrity.application.IntegrityRegistry;
import org.innofund.integrity.domain.IntegrityRecord;
import org.innofund.shared.BusinessException;
import org.innofund.shared.event.DomainEvent;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/**
 * Evaluation agencies' standing: the admin suspends and resumes an agency, the reviewer records the ties between an
 * agency and an enterprise, and an assignment asks here whether the agency may take the work. An agency without a
 * profile yet (registered by the admin as an organisation) counts as not suspended.
 */
@Stateless
public class Agencies {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Clock clock;

    @EJB
    private CurrentUser currentUser;

    @EJB
    private IntegrityRegistry integrity;

    @Inject
    private Event<DomainEvent> events;

    /** 暂停 */
    @RolesAllowed(Role.Names.ADMIN)
    public void suspend(@NotNull Long agencyId, String reason) {
        AgencyProfile profile = profileForChange(agencyId);
        profile.suspend(reason);
        events.fire(new EvaluationEvents.AgencySuspended(currentUser.actor(), agencyId, profile.getSuspensionReason()));
    }

    /** 恢复 */
    @RolesAllowed(Role.Names.ADMIN)
    public void resume(@NotNull Long agencyId) {
        profileForChange(agencyId).resume();
        events.fire(new EvaluationEvents.AgencyResumed(currentUser.actor(), agencyId));
    }

    /** 关联关系: recorded by the reviewer, with its source and the date it holds from. */
    @RolesAllowed(Role.Names.REVIEWER)
    public Long recordRelationship(@NotNull Long agencyId, @NotNull Long enterpriseId, RelationshipKind kind, String source,
                                   LocalDate since) {
        agency(agencyId);
        Organisation enterprise = em.find(Organisation.class, enterpriseId);
        if (enterprise == null || enterprise.getKind() != OrganisationKind.ENTERPRISE) {
            throw BusinessException.notFound("relationship.enterpriseNotFound", enterpriseId);
        }
        UserAccount reviewer = currentUser.require();
        AgencyRelationship tie = new AgencyRelationship(agencyId, enterpriseId, kind, source, since, reviewer.getUsername(),
                clock.instant());
        em.persist(tie);
        em.flush();
        events.fire(new EvaluationEvents.RelationshipRecorded(reviewer.actor(), tie.getId(), agencyId, enterpriseId, kind));
        return tie.getId();
    }

    /** The agency as an assignment finds it today: its name and USCC, suspended or not, its blacklist entry if any. */
    @RolesAllowed(Role.Names.REVIEWER)
    public AssignmentCheck.Agency standing(@NotNull Long agencyId) {
        Organisation agency = agency(agencyId);
        AgencyProfile profile = em.find(AgencyProfile.class, agencyId);
        String uscc = agency.getUscc().orElse(null);
        return new AssignmentCheck.Agency(agency.getName(), uscc, profile != null && profile.isSuspended(),
                integrity.inForce(IntegrityRecord.SubjectKind.AGENCY, uscc));
    }

    /** The ties recorded between the agency and the enterprise (the check decides which still bar it). */
    @RolesAllowed(Role.Names.REVIEWER)
    public List<Relationship> ties(@NotNull Long agencyId, @NotNull Long enterpriseId) {
        return em.createQuery("select r from AgencyRelationship r where r.agencyId = :agency and r.enterpriseId = :enterprise "
                        + "order by r.since, r.id", AgencyRelationship.class)
                .setParameter("agency", agencyId).setParameter("enterprise", enterpriseId).getResultList().stream()
                .map(AgencyRelationship::tie).toList();
    }

    /** Every registered evaluation agency, by name, for the reviewer to choose from (suspended ones are refused at assignment, with the reason). */
    @RolesAllowed(Role.Names.REVIEWER)
    public List<AgencyOption> options() {
        return em.createQuery("select new org.innofund.evaluation.application.AgencyOption(o.id, o.name) "
                        + "from Organisation o where o.kind = :kind order by o.name, o.id", AgencyOption.class)
                .setParameter("kind", OrganisationKind.AGENCY).getResultList();
    }

    /** An organisation's USCC, or null. */
    @RolesAllowed(Role.Names.REVIEWER)
    public String usccOf(@NotNull Long organisationId) {
        Organisation o = em.find(Organisation.class, organisationId);
        return o == null ? null : o.getUscc().orElse(null);
    }

    private Organisation agency(Long agencyId) {
        Organisation agency = agencyId == null ? null : em.find(Organisation.class, agencyId);
        if (agency == null || agency.getKind() != OrganisationKind.AGENCY) {
            throw BusinessException.notFound("agency.notFound", agencyId);
        }
        return agency;
    }

    private AgencyProfile profileForChange(Long agencyId) {
        agency(agencyId);
        AgencyProfile profile = em.find(AgencyProfile.class, agencyId, LockModeType.PESSIMISTIC_WRITE);
        if (profile == null) {
            profile = new AgencyProfile(agencyId, clock.instant());
            em.persist(profile);
        }
        return profile;
    }
}
