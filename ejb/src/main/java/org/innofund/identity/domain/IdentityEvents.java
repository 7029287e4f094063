package org.innofund.identity.domain;

import org.innofund.shared.event.Actor;
import org.innofund.shared.event.AuditAction;
import org.innofund.shared.event.AuditOutcome;
import org.innofund.shared.event.DomainEvent;

/** What happens to accounts and organisations: logins, registrations and the administrator's changes. */
public final class IdentityEvents {

    private IdentityEvents() {
    }

    /** A login attempt through {@code channel} (WEB or API), whatever its outcome; {@code detail} says why it failed. */
    public record LoginAttempted(Actor by, String channel, AuditOutcome outcome, String detail) implements DomainEvent {
        public AuditAction action() { return AuditAction.LOGIN; }
        public String target() { return channel; }
    }

    public record LoggedOut(Actor by) implements DomainEvent {
        public AuditAction action() { return AuditAction.LOGOUT; }
        public String target() { return null; }
    }

    public record TokenIssued(Actor by) implements DomainEvent {
        public AuditAction action() { return AuditAction.TOKEN_ISSUE; }
        public String target() { return null; }
    }

    /** 企业注册: an enterprise and its first user. */
    public record EnterpriseRegistered(Actor by, long organisationId, String uscc) implements DomainEvent {
        public AuditAction action() { return AuditAction.REGISTER; }
        public String target() { return "organisation:" + organisationId; }
        public String detail() { return uscc; }
    }

    public record AgencyCreated(Actor by, long organisationId) implements DomainEvent {
        public AuditAction action() { return AuditAction.ORGANISATION_CREATE; }
        public String target() { return "organisation:" + organisationId; }
        public String detail() { return OrganisationKind.AGENCY.name(); }
    }

    public record UserCreated(Actor by, String username, Role role) implements DomainEvent {
        public AuditAction action() { return AuditAction.USER_CREATE; }
        public String target() { return "user:" + username; }
        public String detail() { return role.name(); }
    }

    public record UserDisabled(Actor by, String username) implements DomainEvent {
        public AuditAction action() { return AuditAction.USER_DISABLE; }
        public String target() { return "user:" + username; }
    }

    public record UserEnabled(Actor by, String username) implements DomainEvent {
        public AuditAction action() { return AuditAction.USER_ENABLE; }
        public String target() { return "user:" + username; }
    }

    public record PasswordReset(Actor by, String username) implements DomainEvent {
        public AuditAction action() { return AuditAction.USER_PASSWORD_RESET; }
        public String target() { return "user:" + username; }
    }

    public record UserUnlocked(Actor by, String username) implements DomainEvent {
        public AuditAction action() { return AuditAction.USER_UNLOCK; }
        public String target() { return "user:" + username; }
    }

    /** The administrator corrected a user's name, department or roles; the detail gives them before and after. */
    public record UserEdited(Actor by, String username, String before, String after) implements DomainEvent {
        public AuditAction action() { return AuditAction.USER_EDIT; }
        public String target() { return "user:" + username; }
        public String detail() { return before + " -> " + after; }
    }

    /** An organisation's own user corrected its profile; the detail names the fields changed (ORGANISATION_EDIT). */
    public record OrganisationProfileChanged(Actor by, long organisationId, String fields) implements DomainEvent {
        public AuditAction action() { return AuditAction.ORGANISATION_EDIT; }
        public String target() { return "organisation:" + organisationId; }
        public String detail() { return fields; }
    }
}
