package org.innofund.shared.event;

/**
 * Something that happened in a context, fired as a CDI event in the transaction of the action (an
 * {@code Event<DomainEvent>}). The audit trail observes every one; other contexts observe the types they care about.
 * Each event type names the action it is recorded under, so the trail's action names come from one place.
 */
public interface DomainEvent {

    /** Who acted. */
    Actor by();

    /** The action it is recorded under in the audit trail, fixed per event type. */
    AuditAction action();

    /** What it happened to, as {@code kind:id} (e.g. {@code declaration:42}), or null. */
    String target();

    /** A short note for the audit trail, or null. */
    default String detail() {
        return null;
    }

    default AuditOutcome outcome() {
        return AuditOutcome.SUCCESS;
    }

    /**
     * Whether the event is recorded even if the action's transaction rolls back: a refusal that ends in an
     * exception must still leave its trace.
     */
    default boolean recordedEvenOnRollback() {
        return false;
    }
}
