package org.innofund.identity.domain;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import org.innofund.shared.FlagConverter;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.innofund.shared.BaseEntity;
import org.innofund.shared.BusinessException;
import org.innofund.shared.Lengths;
import org.innofund.shared.event.Actor;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** 用户: one person's login, belonging to exactly one organisation. */
@Entity
@Table(name = "user_account")
public class UserAccount extends BaseEntity {

    @Column(nullable = false, unique = true, length = Lengths.USERNAME)
    private String username;

    @Column(name = "display_name", nullable = false, length = Lengths.PERSON_NAME)
    private String displayName;

    /** 业务科室 for bureau users; optional. */
    @Column(length = Lengths.SHORT_NAME)
    private String department;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @ManyToOne(optional = false, fetch = FetchType.EAGER)
    @JoinColumn(name = "organisation_id", nullable = false)
    private Organisation organisation;

    @Convert(converter = FlagConverter.class)
    @Column(nullable = false)
    private boolean enabled = true;

    @Column(name = "session_epoch", nullable = false)
    private int sessionEpoch;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "user_role", joinColumns = @JoinColumn(name = "user_id"))
    @Column(name = "role", nullable = false, length = 16)
    @Enumerated(EnumType.STRING)
    private Set<Role> roles = EnumSet.noneOf(Role.class);

    protected UserAccount() {
    }

    /** A user of the given roles; every role must fit the kind of the organisation. */
    public UserAccount(String username, String displayName, String passwordHash, Organisation organisation,
                       Set<Role> roles, Instant now) {
        super(now);
        this.username = normalise(username);
        this.displayName = Objects.requireNonNull(displayName).strip();
        this.passwordHash = Objects.requireNonNull(passwordHash);
        this.organisation = Objects.requireNonNull(organisation);
        this.roles = checkedRoles(roles, organisation);
    }

    /**
     * A user may hold several roles, all of the kind of their organisation (a small bureau's section head reviews and
     * approves): the four-eyes rule is kept by person, not by role ({@code FundingCall.publish}).
     */
    private static EnumSet<Role> checkedRoles(Set<Role> roles, Organisation organisation) {
        if (roles == null || roles.isEmpty()) {
            throw BusinessException.invalid("user.noRole");
        }
        for (Role role : roles) {
            if (role.organisationKind() != organisation.getKind()) {
                throw BusinessException.invalid("user.roleDoesNotFitOrganisation", role, organisation.getName());
            }
        }
        return EnumSet.copyOf(roles);
    }

    /**
     * The administrator's correction of name, department and roles. New roles end the user's sessions, whose groups
     * were fixed at login (API tokens read the roles at each call).
     *
     * @return whether the roles changed
     */
    public boolean edit(String newDisplayName, String newDepartment, Set<Role> newRoles) {
        if (newDisplayName == null || newDisplayName.isBlank()) {
            throw BusinessException.invalid("user.displayNameRequired");
        }
        EnumSet<Role> checked = checkedRoles(newRoles, organisation);
        displayName = newDisplayName.strip();
        department = newDepartment == null || newDepartment.isBlank() ? null : newDepartment.strip();
        if (checked.equals(roles)) {
            return false;
        }
        roles.retainAll(checked); // changed in place: the persistent collection records what went and what came
        roles.addAll(checked);
        sessionEpoch++;
        return true;
    }

    /** Enabled and an administrator: one who can still administer. */
    public boolean isActiveAdministrator() {
        return enabled && roles.contains(Role.ADMIN);
    }

    /** User names are compared without case and surrounding blanks. */
    public static String normalise(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }

    /** Ends every session and token opened before: a disabled user is out at once. */
    public void disable() {
        enabled = false;
        sessionEpoch++;
    }

    public void enable() {
        enabled = true;
    }

    /** A new password ends the sessions opened with the old one. */
    public void changePassword(String newPasswordHash) {
        this.passwordHash = Objects.requireNonNull(newPasswordHash);
        sessionEpoch++;
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }

    public Set<String> roleNames() {
        return roles.stream().map(Enum::name).collect(Collectors.toUnmodifiableSet());
    }

    public String getUsername() {
        return username;
    }

    public String getDisplayName() {
        return displayName;
    }

    public Optional<String> getDepartment() {
        return Optional.ofNullable(department);
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    /** This user as an event names who acted. */
    public Actor actor() {
        return new Actor(getUsername(), organisation.getId(), organisation.getName());
    }

    public Organisation getOrganisation() {
        return organisation;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public int getSessionEpoch() {
        return sessionEpoch;
    }

    public Set<Role> getRoles() {
        return Collections.unmodifiableSet(roles);
    }
}
