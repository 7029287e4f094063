package org.innofund.identity.application;

import org.innofund.identity.domain.IdentityEvents;
import jakarta.enterprise.event.Event;
import org.innofund.shared.event.DomainEvent;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;
import org.innofund.identity.domain.ApiToken;
import org.innofund.identity.domain.LastAdministrator;
import org.innofund.shared.LikePatterns;
import org.innofund.shared.Versions;
import org.innofund.identity.domain.LoginThrottle;
import org.innofund.identity.domain.Organisation;
import org.innofund.identity.domain.PasswordPolicy;
import org.innofund.identity.domain.Role;
import org.innofund.identity.domain.Uscc;
import org.innofund.identity.domain.UserAccount;
import org.innofund.identity.infrastructure.PasswordHasher;
import org.innofund.shared.BusinessException;
import org.innofund.shared.Lengths;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** The administrator's work on users and organisations: create, disable, enable, reset a password, unlock. */
@Stateless
@RolesAllowed(Role.Names.ADMIN)
public class UserAdministration {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private PasswordHasher hasher;

    @Inject
    private Clock clock;

    @Inject
    private Event<DomainEvent> events;

    @EJB
    private Accounts accounts;

    @EJB
    private CurrentUser currentUser;

    @Resource
    private SessionContext context;

    public List<UserSummary> listUsers() {
        return listUsers(UserFilter.ALL);
    }

    /** The users that hold the filter's role, belong to an organisation whose name contains its text, and have its status. */
    public List<UserSummary> listUsers(@NotNull UserFilter filter) {
        Instant now = clock.instant();
        StringBuilder where = new StringBuilder();
        if (filter.role() != null) {
            where.append(" and :role member of u.roles");
        }
        boolean byOrganisation = filter.organisation() != null && !filter.organisation().isBlank();
        if (byOrganisation) {
            where.append(" and lower(u.organisation.name) like :organisation").append(LikePatterns.ESCAPE);
        }
        String locked = "exists (select t from LoginThrottle t where t.username = u.username and t.lockedUntil > :now)";
        if (filter.status() != null) {
            where.append(switch (filter.status()) {
                case ACTIVE -> " and u.enabled = true";
                case DISABLED -> " and u.enabled = false";
                case LOCKED -> " and " + locked;
            });
        }
        TypedQuery<UserAccount> query = em.createQuery("select u from UserAccount u"
                + (where.isEmpty() ? "" : " where" + where.substring(4)) + " order by u.username", UserAccount.class);
        if (filter.role() != null) {
            query.setParameter("role", filter.role());
        }
        if (byOrganisation) {
            query.setParameter("organisation", LikePatterns.containingLower(filter.organisation()));
        }
        if (filter.status() == UserFilter.Status.LOCKED) {
            query.setParameter("now", now);
        }
        return query.getResultList().stream().map(u -> UserSummary.of(u, isLocked(u.getUsername(), now))).toList();
    }

    /** The roles this user can be given: those of their organisation's kind (an enterprise's user stays ENTERPRISE). */
    public Set<Role> possibleRoles(@NotNull Long userId) {
        return Role.possibleFor(find(userId).getOrganisation().getKind());
    }

    /**
     * Corrects a user's display name, department (业务科室) and roles, on the version the administrator read. The last
     * enabled administrator keeps the ADMIN role; new roles end the user's sessions.
     */
    public UserSummary edit(@NotNull Long userId, Long version,
                            @NotBlank @Size(max = Lengths.PERSON_NAME) String displayName,
                            @Size(max = Lengths.SHORT_NAME) String department, @NotNull Set<Role> roles) {
        UserAccount user = find(userId);
        Versions.requireCurrent(user.getVersion(), version);
        boolean wasActiveAdmin = user.isActiveAdministrator();
        String before = describe(user);
        boolean rolesChanged = user.edit(displayName, department, roles);
        if (rolesChanged) {
            LastAdministrator.check(user.getUsername(), wasActiveAdmin, user.isActiveAdministrator(),
                    otherActiveAdministrators(user));
        }
        Versions.flush(em);
        events.fire(new IdentityEvents.UserEdited(currentUser.actor(), user.getUsername(), before, describe(user)));
        return UserSummary.of(user, isLocked(user.getUsername(), clock.instant()));
    }

    /** What an edit can change, for the audit trail's before and after. */
    private static String describe(UserAccount user) {
        return user.getDisplayName() + " / " + user.getDepartment().orElse("-") + " / "
                + String.join(",", new TreeSet<>(user.roleNames()));
    }

    /**
     * Enabled administrators other than this user. All their rows (this user's too) stay locked until the transaction
     * ends: two administrators removing each other's role, or one disabling the other, at the same moment must not
     * both count the other one as remaining.
     */
    private long otherActiveAdministrators(UserAccount user) {
        return em.createQuery("select u from UserAccount u where u.enabled = true and :admin member of u.roles",
                        UserAccount.class)
                .setParameter("admin", Role.ADMIN).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList().stream()
                .filter(u -> !u.getId().equals(user.getId())).count();
    }

    /** Organisations a new user of this role can join: the bureau for bureau roles, agencies for AGENCY. */
    public List<OrganisationView> organisationsFor(@NotNull Role role) {
        return em.createQuery("select o from Organisation o where o.kind = :kind order by o.name", Organisation.class)
                .setParameter("kind", role.organisationKind()).getResultList().stream().map(OrganisationView::of).toList();
    }

    /** A bureau or agency user; enterprises register themselves. */
    public UserSummary createUser(@NotBlank @Size(min = 3, max = Lengths.USERNAME) String username,
                                  @NotBlank @Size(max = Lengths.PERSON_NAME) String displayName,
                                  @NotNull Role role, @NotNull Long organisationId,
                                  @NotBlank String initialPassword) {
        if (role == Role.ENTERPRISE) {
            throw BusinessException.invalid("user.enterpriseRegistersItself");
        }
        if (!username.strip().matches("[A-Za-z0-9._@-]+")) {
            throw BusinessException.invalid("user.usernameCharacters");
        }
        Organisation organisation = em.find(Organisation.class, organisationId);
        if (organisation == null) {
            throw BusinessException.notFound("organisation.notFound", organisationId);
        }
        PasswordPolicy.check(username, initialPassword);
        accounts.requireUsernameFree(username);
        UserAccount user = new UserAccount(username, displayName, hasher.hash(initialPassword), organisation,
                Set.of(role), clock.instant());
        em.persist(user);
        accounts.flushUnique("registration.usernameTaken", user.getUsername());
        accounts.forgetFailedLogins(user.getUsername());
        events.fire(new IdentityEvents.UserCreated(currentUser.actor(), user.getUsername(), role));
        return UserSummary.of(user, false);
    }

    /** A new evaluation agency (第三方评估机构), to which agency users can then be added. */
    public OrganisationView createAgency(@NotBlank @Size(max = Lengths.ORGANISATION_NAME) String name, String usccText,
                                     @Size(max = Lengths.PERSON_NAME) String contactName,
                                     @Size(max = Lengths.PHONE) String contactPhone) {
        Uscc uscc = usccText == null || usccText.isBlank() ? null : Uscc.parse(usccText.toUpperCase(java.util.Locale.ROOT));
        if (uscc != null && accounts.usccTaken(uscc.value())) {
            throw BusinessException.conflict("registration.usccTaken", uscc.value());
        }
        Organisation agency = Organisation.agency(name, uscc, contactName, contactPhone, clock.instant());
        em.persist(agency);
        accounts.flushUnique("registration.usccTaken", uscc == null ? "" : uscc.value());
        events.fire(new IdentityEvents.AgencyCreated(currentUser.actor(), agency.getId()));
        return OrganisationView.of(agency);
    }

    /**
     * Corrects an agency's contact (the admin keeps it; the agency's users do not edit their own organisation here).
     *
     * @return the names of the fields that changed
     */
    public List<String> changeAgencyContact(@NotNull Long organisationId,
                                            @NotBlank @Size(max = Lengths.PERSON_NAME) String contactName,
                                            @NotBlank @Size(max = Lengths.PHONE) String contactPhone) {
        Organisation agency = em.find(Organisation.class, organisationId);
        if (agency == null || agency.getKind() != org.innofund.identity.domain.OrganisationKind.AGENCY) {
            throw BusinessException.notFound("organisation.notFound", organisationId);
        }
        List<String> changed = agency.changeProfile(agency.getAddress(), agency.getLegalRepresentative(), contactName,
                contactPhone);
        if (!changed.isEmpty()) {
            events.fire(new IdentityEvents.OrganisationProfileChanged(currentUser.actor(), agency.getId(),
                    String.join(",", changed)));
        }
        return changed;
    }

    /** Disabling ends the user's sessions (at their next request) and revokes every API token at once. */
    public void disable(@NotNull Long userId) {
        UserAccount user = find(userId);
        if (currentUsername().equals(user.getUsername())) {
            throw BusinessException.invalid("user.cannotDisableSelf");
        }
        // With the caller an enabled administrator this never refuses; it holds the administrators' rows against a
        // simultaneous removal of the caller's own ADMIN role by the user being disabled.
        LastAdministrator.check(user.getUsername(), user.isActiveAdministrator(), false, otherActiveAdministrators(user));
        user.disable();
        revokeTokens(user);
        events.fire(new IdentityEvents.UserDisabled(currentUser.actor(), user.getUsername()));
    }

    public void enable(@NotNull Long userId) {
        UserAccount user = find(userId);
        user.enable();
        events.fire(new IdentityEvents.UserEnabled(currentUser.actor(), user.getUsername()));
    }

    /** Sets a new password chosen by the administrator; the user's sessions and tokens end. */
    public void resetPassword(@NotNull Long userId, @NotBlank String newPassword) {
        UserAccount user = find(userId);
        PasswordPolicy.check(user.getUsername(), newPassword);
        user.changePassword(hasher.hash(newPassword));
        revokeTokens(user);
        events.fire(new IdentityEvents.PasswordReset(currentUser.actor(), user.getUsername()));
    }

    /** Lifts a lockout after failed logins. */
    public void unlock(@NotNull Long userId) {
        UserAccount user = find(userId);
        LoginThrottle throttle = em.find(LoginThrottle.class, user.getUsername());
        if (throttle != null) {
            throttle.unlock();
        }
        events.fire(new IdentityEvents.UserUnlocked(currentUser.actor(), user.getUsername()));
    }

    private void revokeTokens(UserAccount user) {
        em.createQuery("select t from ApiToken t where t.user = :user and t.revoked = :revoked", ApiToken.class)
                .setParameter("user", user).setParameter("revoked", false).getResultList().forEach(ApiToken::revoke);
    }

    private boolean isLocked(String username, Instant now) {
        LoginThrottle t = em.find(LoginThrottle.class, username);
        return t != null && t.isLocked(now);
    }

    private UserAccount find(Long userId) {
        UserAccount user = em.find(UserAccount.class, userId);
        if (user == null) {
            throw BusinessException.notFound("user.notFound", userId);
        }
        return user;
    }

    private String currentUsername() {
        return UserAccount.normalise(context.getCallerPrincipal().getName());
    }
}
