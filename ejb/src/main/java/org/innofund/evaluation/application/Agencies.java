package org.innofund.evaluation.application;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.constraints.NotNull;
import org.innofund.evaluation.domain.AgencyProfile;
import org.innofund.evaluation.domain.AgencyRelationship;
import org.innofund.evaluation.domain.AssignmentCheck;
import org.innofund.evaluation.domain.EvaluationEvents;
import org.innofund.evaluation.domain.Relationship;
import org.innofund.evaluation.domain.RelationshipKind;
import org.innofund.identity.application.CurrentUser;
import org.innofund.identity.application.OrganisationView;
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
 * Evaluation agencies' standing: the reviewer records the ties between an agency and an enterprise, and an assignment
 * asks here whether the agency may take the work (the admin's side is {@link AgencyAdministration}). An agency without a
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

    /** Every recorded tie, the newest first, with the names of both sides. */
    @RolesAllowed(Role.Names.REVIEWER)
    public List<RelationshipView> relationships() {
        return em.createQuery("select r, a.name, e.name from AgencyRelationship r, Organisation a, Organisation e "
                        + "where a.id = r.agencyId and e.id = r.enterpriseId order by r.since desc, r.id desc", Object[].class)
                .getResultList().stream()
                .map(row -> RelationshipView.of((AgencyRelationship) row[0], (String) row[1], (String) row[2])).toList();
    }

    /** The enterprises a tie can be recorded with, by name. */
    @RolesAllowed(Role.Names.REVIEWER)
    public List<OrganisationView> enterprises() {
        return em.createQuery("select o from Organisation o where o.kind = :kind order by o.name, o.id", Organisation.class)
                .setParameter("kind", OrganisationKind.ENTERPRISE).getResultList().stream().map(OrganisationView::of).toList();
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
        return agency(em, agencyId);
    }

    /** The agency of that id, or 404. */
    static Organisation agency(EntityManager em, Long agencyId) {
        Organisation agency = agencyId == null ? null : em.find(Organisation.class, agencyId);
        if (agency == null || agency.getKind() != OrganisationKind.AGENCY) {
            throw BusinessException.notFound("agency.notFound", agencyId);
        }
        return agency;
    }
}
