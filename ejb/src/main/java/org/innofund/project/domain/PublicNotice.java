package org.innofund.project.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.innofund.shared.BaseEntity;
import org.innofund.shared.BusinessException;
import org.innofund.shared.Lengths;

import java.time.Instant;
import java.util.Objects;

/**
 * 立项公示: the public notice of one approved list, published when the list is approved, open to objections for its
 * period. What it publishes are the list's projects as they were approved (Project keeps them), less the withdrawn.
 */
@Entity
@Table(name = "public_notice")
public class PublicNotice extends BaseEntity {

    @Column(name = "approval_list_id", nullable = false, updatable = false)
    private Long approvalListId;

    @Column(name = "call_id", nullable = false, updatable = false)
    private Long callId;

    @Column(name = "call_title", nullable = false, updatable = false, length = Lengths.TITLE)
    private String callTitle;

    @Column(name = "period_days", nullable = false, updatable = false)
    private int periodDays;

    @Column(name = "ends_at", nullable = false, updatable = false)
    private Instant endsAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private NoticeState state = NoticeState.IN_PERIOD;

    @Column(name = "ended_at")
    private Instant endedAt;

    protected PublicNotice() {
    }

    /** Published now, for the call's period in calendar days. */
    public PublicNotice(long approvalListId, long callId, String callTitle, int periodDays, Instant now) {
        super(now);
        this.approvalListId = approvalListId;
        this.callId = callId;
        this.callTitle = Objects.requireNonNull(callTitle);
        this.periodDays = periodDays;
        this.endsAt = PublicityPeriod.of(now, periodDays).end();
    }

    public PublicityPeriod period() {
        return new PublicityPeriod(getCreatedAt(), endsAt);
    }

    /**
     * Objections are taken during the period only, and not once the end has been drawn (a server whose clock is a
     * moment behind another's): after it, a clear refusal naming the day it ended.
     */
    public void requireOpen(Instant now) {
        if (state != NoticeState.IN_PERIOD || !period().isOpen(now)) {
            throw BusinessException.conflict("objection.periodOver", period().lastDay());
        }
    }

    public Long getApprovalListId() {
        return approvalListId;
    }

    public Long getCallId() {
        return callId;
    }

    public String getCallTitle() {
        return callTitle;
    }

    public int getPeriodDays() {
        return periodDays;
    }

    public Instant getPublishedAt() {
        return getCreatedAt();
    }

    public Instant getEndsAt() {
        return endsAt;
    }

    public NoticeState getState() {
        return state;
    }

    public Instant getEndedAt() {
        return endedAt;
    }
}
