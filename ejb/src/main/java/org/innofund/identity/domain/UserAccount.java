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
        if (roles.isEmpty()) {
            throw BusinessException.invalid("user.noRole");
        }
        for (Role role : roles) {
            if (role.organisationKind() != organisation.getKind()) {
                throw BusinessException.invalid("user.roleDoesNotFitOrganisation", role, organisation.getName());
            }
        }
        this.roles = EnumSet.copyOf(roles);
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
