package org.innofund.program.domain;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Lob;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.innofund.shared.BaseEntity;
import org.innofund.shared.BusinessException;
import org.innofund.shared.Lengths;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/** 申报通知/指南: one yearly round of a program, open between two instants, with a budget in yuan. */
@Entity
@Table(name = "funding_call")
public class FundingCall extends BaseEntity {

    @ManyToOne(optional = false, fetch = FetchType.EAGER)
    @JoinColumn(name = "program_id", nullable = false)
    private Program program;

    @Column(nullable = false, length = Lengths.TITLE)
    private String title;

    @Column(name = "call_year", nullable = false)
    private int year;

    @Column(name = "opens_at", nullable = false)
    private Instant opensAt;

    @Column(name = "closes_at", nullable = false)
    private Instant closesAt;

    @Column(nullable = false, precision = 16, scale = 2)
    private BigDecimal budget;

    @Lob
    @Basic(fetch = FetchType.LAZY)
    private String guide;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private CallStatus status = CallStatus.DRAFT;

    protected FundingCall() {
    }

    public FundingCall(Program program, String title, int year, Instant opensAt, Instant closesAt, BigDecimal budget,
                       String guide, Instant now) {
        super(now);
        if (!closesAt.isAfter(opensAt)) {
            throw BusinessException.invalid("call.closesBeforeOpens");
        }
        if (budget.signum() < 0 || budget.scale() > 2) {
            throw BusinessException.invalid("money.invalid", budget.toPlainString());
        }
        this.program = Objects.requireNonNull(program);
        this.title = Objects.requireNonNull(title).strip();
        this.year = year;
        this.opensAt = opensAt;
        this.closesAt = closesAt;
        this.budget = budget.setScale(2);
        this.guide = guide;
    }

    public void publish() {
        if (status != CallStatus.DRAFT) {
            throw BusinessException.conflict("call.alreadyPublished", title);
        }
        status = CallStatus.PUBLISHED;
    }

    /** Open for declarations at this instant: published, and between its open and close times. */
    public boolean isOpen(Instant now) {
        return status == CallStatus.PUBLISHED && !now.isBefore(opensAt) && now.isBefore(closesAt);
    }

    public Program getProgram() {
        return program;
    }

    public String getTitle() {
        return title;
    }

    public int getYear() {
        return year;
    }

    public Instant getOpensAt() {
        return opensAt;
    }

    public Instant getClosesAt() {
        return closesAt;
    }

    public BigDecimal getBudget() {
        return budget;
    }

    public String getGuide() {
        return guide;
    }

    public CallStatus getStatus() {
        return status;
    }
}
