package org.innofund.identity.application;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;
import org.innofund.identity.domain.IdentityEvents;
import org.innofund.identity.domain.Organisation;
import org.innofund.identity.domain.Role;
import org.innofund.identity.domain.UserAccount;
import org.innofund.shared.BusinessException;
import org.innofund.shared.FormCheck;
import org.innofund.shared.Versions;
import org.innofund.shared.event.DomainEvent;

import java.util.List;

/**
 * 单位信息: an enterprise reads and corrects its own profile. Only its own: another organisation's is not found (404),
 * whatever id is asked for, so that nobody learns which ids exist.
 */
@Stateless
@RolesAllowed(Role.Names.ENTERPRISE)
public class OrganisationProfiles {

    @PersistenceContext
    private EntityManager em;

    @EJB
    private CurrentUser currentUser;

    @Inject
    private Validator validator;

    @Inject
    private Event<DomainEvent> events;

    /** The caller's own organisation. */
    public OrganisationProfile mine() {
        return profile(currentUser.require().getOrganisation().getId());
    }

    public OrganisationProfile profile(@NotNull Long id) {
        return view(own(id));
    }

    /** Address, legal representative and contact, at the version read (409 if changed since); every problem at once. */
    public OrganisationProfile change(@NotNull Long id, @NotNull ProfileChange change) {
        FormCheck.of(validator.validate(change)).refuseIfAny();
        Organisation o = own(id);
        Versions.requireCurrent(o.getVersion(), change.version());
        List<String> changed = o.changeProfile(change.address(), change.legalRepresentative(), change.contactName(),
                change.contactPhone());
        Versions.flush(em);
        if (!changed.isEmpty()) {
            events.fire(new IdentityEvents.OrganisationProfileChanged(currentUser.actor(), o.getId(), String.join(",", changed)));
        }
        return view(o);
    }

    private Organisation own(Long id) {
        UserAccount caller = currentUser.require();
        if (!caller.getOrganisation().getId().equals(id)) {
            throw BusinessException.notFound("organisation.notFound", id);
        }
        return em.find(Organisation.class, id);
    }

    private OrganisationProfile view(Organisation o) {
        return OrganisationProfile.of(o, em.createQuery("select u from UserAccount u where u.organisation = :o"
                + " order by u.displayName, u.username", UserAccount.class).setParameter("o", o).getResultList());
    }
}
