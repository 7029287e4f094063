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
import org.innofund.shared.Lengths;

import java.time.Instant;

/** One step of a project's life: who moved it, when, from where to where, and why. Never changed. */
@Entity
@Table(name = "project_transition")
public class ProjectTransition {

    @Id
    @SequenceGenerator(name = "innofund_seq", sequenceName = "innofund_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "innofund_seq")
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "project_id", nullable = false, updatable = false)
    private Project project;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_state", updatable = false, length = 32)
    private ProjectState fromState;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_state", nullable = false, updatable = false, length = 32)
    private ProjectState toState;

    @Column(nullable = false, updatable = false, length = Lengths.USERNAME)
    private String actor;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt;

    @Column(updatable = false, length = Lengths.REASON)
    private String reason;

    protected ProjectTransition() {
    }

    ProjectTransition(Project project, ProjectState fromState, ProjectState toState, String actor, Instant occurredAt,
                      String reason) {
        this.project = project;
        this.fromState = fromState;
        this.toState = toState;
        this.actor = actor;
        this.occurredAt = occurredAt;
        this.reason = reason;
    }

    public ProjectState getFromState() {
        return fromState;
    }

    public ProjectState getToState() {
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
