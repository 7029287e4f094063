package org.innofund.project.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.innofund.shared.BaseEntity;
import org.innofund.shared.BusinessException;
import org.innofund.shared.FieldProblem;
import org.innofund.shared.InvalidFormException;
import org.innofund.shared.Lengths;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * 异议: an objection to one project of a publicity notice, filed by anyone during the period. The objector's name,
 * contact and address are for the reviewer only: no public answer and no enterprise view carries them.
 */
@Entity
@Table(name = "objection")
public class Objection extends BaseEntity {

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "notice_id", nullable = false, updatable = false)
    private PublicNotice notice;

    @Column(name = "project_id", nullable = false, updatable = false)
    private Long projectId;

    @Column(name = "objector_name", nullable = false, updatable = false, length = ObjectionForm.NAME_MAX)
    private String objectorName;

    @Column(nullable = false, updatable = false, length = ObjectionForm.CONTACT_MAX)
    private String contact;

    @Column(name = "objection_text", nullable = false, updatable = false, length = ObjectionForm.TEXT_MAX)
    private String text;

    /** Where it came from: what the per-address rate limit counts. */
    @Column(name = "client_address", updatable = false, length = Lengths.CLIENT_ADDRESS)
    private String clientAddress;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private ObjectionState state = ObjectionState.OPEN;

    @Column(length = Lengths.REASON)
    private String answer;

    @Column(name = "answered_by", length = Lengths.USERNAME)
    private String answeredBy;

    @Column(name = "answered_at")
    private Instant answeredAt;

    protected Objection() {
    }

    private Objection(PublicNotice notice, ObjectionForm form, String clientAddress, Instant now) {
        super(now);
        this.notice = notice;
        this.projectId = form.projectId();
        this.objectorName = form.name().strip();
        this.contact = form.contact().strip();
        this.text = form.text().strip();
        this.clientAddress = clientAddress;
    }

    /**
     * Filed now against a project of the notice still under publicity (its APPROVED projects, given by the caller):
     * refused after the period (409 naming its last day), for any other project, or with every problem of the form
     * at once (422).
     */
    public static Objection file(PublicNotice notice, Set<Long> underPublicity, ObjectionForm form, String clientAddress,
                                 Instant now) {
        notice.requireOpen(now);
        List<FieldProblem> problems = new ArrayList<>(form.problems());
        if (form.projectId() != null && !underPublicity.contains(form.projectId())) {
            problems.add(FieldProblem.of("projectId", "objection.projectNotOnNotice"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidFormException(problems);
        }
        return new Objection(notice, form, clientAddress, now);
    }

    /** 不予采纳, with the reason the reviewer gives. */
    public void dismiss(String reason, String by, Instant now) {
        answer(ObjectionState.Action.DISMISS, reason, by, now);
    }

    /** 异议成立: the caller withdraws the project's approval with the same reason (Project.withdraw). */
    public void uphold(String reason, String by, Instant now) {
        answer(ObjectionState.Action.UPHOLD, reason, by, now);
    }

    private void answer(ObjectionState.Action action, String reason, String by, Instant now) {
        ObjectionState to = state.after(action);
        if (reason == null || reason.isBlank()) {
            throw BusinessException.invalid("objection.reasonRequired");
        }
        if (reason.strip().length() > Lengths.REASON) {
            throw BusinessException.invalid("validation.Size.max", Lengths.REASON);
        }
        state = to;
        answer = reason.strip();
        answeredBy = by;
        answeredAt = now;
    }

    public PublicNotice getNotice() {
        return notice;
    }

    public Long getProjectId() {
        return projectId;
    }

    public String getObjectorName() {
        return objectorName;
    }

    public String getContact() {
        return contact;
    }

    public String getText() {
        return text;
    }

    public String getClientAddress() {
        return clientAddress;
    }

    public ObjectionState getState() {
        return state;
    }

    public Instant getFiledAt() {
        return getCreatedAt();
    }

    public String getAnswer() {
        return answer;
    }

    public String getAnsweredBy() {
        return answeredBy;
    }

    public Instant getAnsweredAt() {
        return answeredAt;
    }
}
