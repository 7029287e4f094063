package org.innofund.project.domain;

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

/** One step of a task agreement's life: who, when, from, to and why. Never changed. */
@Entity
@Table(name = "task_agreement_transition")
public class AgreementTransition {

    @Id
    @SequenceGenerator(name = "innofund_seq", sequenceName = "innofund_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "innofund_seq")
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "agreement_id", nullable = false, updatable = false)
    private TaskAgreement agreement;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_state", updatable = false, length = 32)
    private AgreementState fromState;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_state", nullable = false, updatable = false, length = 32)
    private AgreementState toState;

    @Column(nullable = false, updatable = false, length = 64)
    private String actor;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt;

    @Column(updatable = false, length = TaskAgreement.REASON_MAX)
    private String reason;

    protected AgreementTransition() {
    }

    AgreementTransition(TaskAgreement agreement, AgreementState fromState, AgreementState toState, String actor,
                        Instant occurredAt, String reason) {
        this.agreement = agreement;
        this.fromState = fromState;
        this.toState = toState;
        this.actor = actor;
        this.occurredAt = occurredAt;
        this.reason = reason;
    }

    public AgreementState getFromState() { return fromState; }
    public AgreementState getToState() { return toState; }
    public String getActor() { return actor; }
    public Instant getOccurredAt() { return occurredAt; }
    public String getReason() { return reason; }
}
