package org.innofund.project.application;

import org.innofund.declaration.domain.ProjectField;
import org.innofund.program.domain.Grade;
import org.innofund.shared.Money;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A publicity notice as the public reads it (no login): the call, the period and the approved projects still under
 * it or past it — enterprise, project, field, amount, grade. No person's name, phone or user, nothing not approved.
 * {@code open}: objections are taken now. {@code total}: the amounts of the projects listed, so an upheld objection's
 * withdrawn project frees its amount from it.
 */
public record PublicNoticeView(long id, long callId, String callTitle, Instant publishedAt, int periodDays,
                               LocalDate lastDay, Instant endsAt, boolean open, List<Entry> projects, Money total)
        implements Serializable {

    public PublicNoticeView(long id, long callId, String callTitle, Instant publishedAt, int periodDays, LocalDate lastDay,
                            Instant endsAt, boolean open, List<Entry> projects) {
        this(id, callId, callTitle, publishedAt, periodDays, lastDay, endsAt, open, List.copyOf(projects),
                Money.sum(projects.stream().map(Entry::approvedAmount)));
    }

    /** One approved project on the notice. */
    public record Entry(long projectId, String enterpriseName, String projectName, ProjectField field, Money approvedAmount,
                        Grade agencyGrade) implements Serializable {
    }
}
