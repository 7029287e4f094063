package org.innofund.evaluation.application;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;
import org.innofund.declaration.domain.ProjectField;
import org.innofund.evaluation.domain.AgencyProfile;
import org.innofund.evaluation.domain.EvaluationEvents;
import org.innofund.identity.application.OrganisationView;
import org.innofund.identity.application.UserAdministration;
import org.innofund.identity.domain.Organisation;
import org.innofund.identity.domain.OrganisationKind;
import org.innofund.identity.domain.Role;
import org.innofund.identity.application.CurrentUser;
import org.innofund.shared.Versions;
import org.innofund.shared.event.DomainEvent;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The admin's work on evaluation agencies: registration (the organisation and its first users through identity's
 * {@link UserAdministration}, the qualification and fields here), corrections, suspension (暂停) and resumption, each
 * on the version read. The reviewer reads the list to choose an agency.
 */
@Stateless
public class AgencyAdministration {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Clock clock;

    @Inject
    private Validator validator;

    @Inject
    private Event<DomainEvent> events;

    @EJB
    private UserAdministration users;

    @EJB
    private CurrentUser currentUser;

    @Resource
    private SessionContext context;

    /** 登记评估机构: the organisation, its profile and its users in one transaction, or nothing (every problem at once). */
    @RolesAllowed(Role.Names.ADMIN)
    public AgencyView register(@NotNull AgencyRegistration form) {
        form.check(validator).refuseIfAny();
        OrganisationView agency = users.createAgency(form.name(), form.usccValue(), form.contactName().strip(),
                form.contactPhone().strip());
        form.users().forEach(u -> users.createUser(u.username(), u.displayName(), Role.AGENCY, agency.id(), u.password()));
        AgencyProfile profile = new AgencyProfile(agency.id(), clock.instant());
        profile.describe(form.qualification(), form.fields());
        em.persist(profile);
        em.flush();
        events.fire(new EvaluationEvents.AgencyRegistered(currentUser.actor(), agency.id(), names(profile.getFields())));
        return AgencyView.of(organisation(agency.id()), profile);
    }

    /** Corrects the qualification, the fields and the contact, on the version read. */
    @RolesAllowed(Role.Names.ADMIN)
    public AgencyView edit(@NotNull Long agencyId, Long version, String qualification, Set<ProjectField> fields,
                           String contactName, String contactPhone) {
        AgencyProfile profile = profileForChange(agencyId, version);
        List<String> changed = profile.describe(qualification, fields);
        users.changeAgencyContact(agencyId, contactName, contactPhone);
        if (!changed.isEmpty()) {
            events.fire(new EvaluationEvents.AgencyEdited(currentUser.actor(), agencyId, String.join(",", changed)));
        }
        return saved(agencyId, profile);
    }

    /** 暂停: no new assignment while suspended; those it has stay. */
    @RolesAllowed(Role.Names.ADMIN)
    public AgencyView suspend(@NotNull Long agencyId, Long version, String reason) {
        AgencyProfile profile = profileForChange(agencyId, version);
        profile.suspend(reason);
        events.fire(new EvaluationEvents.AgencySuspended(currentUser.actor(), agencyId, profile.getSuspensionReason()));
        return saved(agencyId, profile);
    }

    /** 恢复 */
    @RolesAllowed(Role.Names.ADMIN)
    public AgencyView resume(@NotNull Long agencyId, Long version) {
        AgencyProfile profile = profileForChange(agencyId, version);
        profile.resume();
        events.fire(new EvaluationEvents.AgencyResumed(currentUser.actor(), agencyId));
        return saved(agencyId, profile);
    }

    /** Every agency by name; the reviewer's list leaves out the contact. */
    @RolesAllowed({Role.Names.ADMIN, Role.Names.REVIEWER})
    public List<AgencyView> list() {
        Map<Long, AgencyProfile> profiles = em.createQuery("select p from AgencyProfile p", AgencyProfile.class)
                .getResultList().stream().collect(Collectors.toMap(AgencyProfile::getOrganisationId, Function.identity()));
        boolean admin = context.isCallerInRole(Role.Names.ADMIN);
        return em.createQuery("select o from Organisation o where o.kind = :kind order by o.name, o.id", Organisation.class)
                .setParameter("kind", OrganisationKind.AGENCY).getResultList().stream()
                .map(o -> AgencyView.of(o, profiles.get(o.getId())))
                .map(view -> admin ? view : view.forReviewer()).toList();
    }

    @RolesAllowed(Role.Names.ADMIN)
    public AgencyView get(@NotNull Long agencyId) {
        return AgencyView.of(organisation(agencyId), em.find(AgencyProfile.class, agencyId));
    }

    private AgencyView saved(Long agencyId, AgencyProfile profile) {
        Versions.flush(em);
        return AgencyView.of(organisation(agencyId), profile);
    }

    private AgencyProfile profileForChange(Long agencyId, Long version) {
        Organisation agency = organisation(agencyId);
        AgencyProfile profile = em.find(AgencyProfile.class, agencyId, LockModeType.PESSIMISTIC_WRITE);
        Versions.requireCurrent(AgencyView.versionOf(agency, profile), version);
        if (profile == null) {
            profile = new AgencyProfile(agencyId, clock.instant());
            em.persist(profile);
            em.flush();
        }
        return profile;
    }

    private Organisation organisation(Long agencyId) {
        return Agencies.agency(em, agencyId);
    }

    private static String names(Set<ProjectField> fields) {
        return fields.stream().sorted().map(Enum::name).collect(Collectors.joining(","));
    }
}
