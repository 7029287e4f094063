package org.innofund.program.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.innofund.shared.BaseEntity;
import org.innofund.shared.Lengths;

import java.time.Instant;
import java.util.Objects;

/** 科技计划/专项: a funding program with its subsidy kind and owner department. */
@Entity
@Table(name = "program")
public class Program extends BaseEntity {

    @Column(nullable = false, length = Lengths.TITLE)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(name = "subsidy_kind", nullable = false, length = 32)
    private SubsidyKind subsidyKind;

    @Column(nullable = false, length = 100)
    private String department;

    protected Program() {
    }

    public Program(String name, SubsidyKind subsidyKind, String department, Instant now) {
        super(now);
        this.name = Objects.requireNonNull(name).strip();
        this.subsidyKind = Objects.requireNonNull(subsidyKind);
        this.department = Objects.requireNonNull(department).strip();
    }

    public String getName() {
        return name;
    }

    public SubsidyKind getSubsidyKind() {
        return subsidyKind;
    }

    public String getDepartment() {
        return department;
    }
}
