package org.innofund.evaluation.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.Instant;

/** One step of an assignment's life: who moved it, when, from where to where, and why. Never changed. */
@Entity
@Table(name = "assignment_transition")
public class AssignmentTransition {

    @Id
    @SequenceGenerator(name = "innofund_seq", sequenceName = "innofund_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "innofund_seq")
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "assignment_id", nullable = false, updatable = false)
    private Assignment assignment;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_state", updatable = false, length = 32)
    private AssignmentState fromState;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_state", nullable = false, updatable = false, length = 32)
    private AssignmentState toState;

    @Column(nullable = false, updatable = false, length = 64)
    private String actor;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt;

    @Column(updatable = false, length = Assignment.REASON_MAX)
    private String reason;

    protected AssignmentTransition() {
    }

    AssignmentTransition(Assignment assignment, AssignmentState fromState, AssignmentState toState, String actor,
                         Instant occurredAt, String reason) {
        this.assignment = assignment;
        this.fromState = fromState;
        this.toState = toState;
        this.actor = actor;
        this.occurredAt = occurredAt;
        this.reason = reason;
    }

    public AssignmentState getFromState() {
        return fromState;
    }

    public AssignmentState getToState() {
        return toState;
    }

    public String getActor() {
        return actor;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public String getReason() {
        return reason;
    }
}
