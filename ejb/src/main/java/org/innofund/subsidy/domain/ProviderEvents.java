package org.innofund.subsidy.domain;

import org.innofund.shared.event.Actor;
import org.innofund.shared.event.AuditAction;
import org.innofund.shared.event.DomainEvent;

import java.time.LocalDate;

/** What the reviewers do to the provider registry (服务机构库): each decides whether vouchers are paid. */
public final class ProviderEvents {

    private ProviderEvents() {
    }

    /** 登记服务机构: listed after its publicity. */
    public record ProviderRegistered(Actor by, long providerId, String uscc, String name) implements DomainEvent {
        public AuditAction action() { return AuditAction.PROVIDER_REGISTER; }
        public String target() { return "provider:" + providerId; }
        public String detail() { return uscc + " " + name; }
    }

    /** 修改服务机构: name, locality or controller corrected. */
    public record ProviderEdited(Actor by, long providerId, String name, boolean local, String controller)
            implements DomainEvent {
        public AuditAction action() { return AuditAction.PROVIDER_EDIT; }
        public String target() { return "provider:" + providerId; }
        public String detail() { return "local:" + local + " controller:" + controller + " name:" + name; }
    }

    /** 暂停服务机构 */
    public record ProviderSuspended(Actor by, long providerId, LocalDate from, LocalDate until, String reason)
            implements DomainEvent {
        public AuditAction action() { return AuditAction.PROVIDER_SUSPEND; }
        public String target() { return "provider:" + providerId; }
        public String detail() { return from + "~" + until + " " + reason; }
    }

    /** 记录企业实际控制人 */
    public record ControllerRecorded(Actor by, String enterpriseUscc, String controller) implements DomainEvent {
        public AuditAction action() { return AuditAction.CONTROLLER_RECORD; }
        public String target() { return "controller:" + enterpriseUscc; }
        public String detail() { return controller; }
    }
}
