package org.innofund.project.application;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.constraints.NotNull;
import org.innofund.evaluation.application.EvaluationHistory;
import org.innofund.identity.domain.Role;
import org.innofund.project.domain.ApprovalList;
import org.innofund.project.domain.ApprovalListState;
import org.innofund.project.domain.AgreementTransition;
import org.innofund.project.domain.AgreementVersion;
import org.innofund.project.domain.ChangeRequest;
import org.innofund.project.domain.ProgressReport;
import org.innofund.project.domain.ProgressReportFile;
import org.innofund.project.domain.Project;
import org.innofund.project.domain.Objection;
import org.innofund.project.domain.ProjectTransition;
import org.innofund.project.application.TimelineEntry.Kind;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * 项目时间轴: everything that happened to a project, newest first, with who and when — its state changes, the approval
 * decision that created it, objections to it during the public notice and their answers, its evaluations, its agreement's steps and signed versions, progress reports and their files, change
 * requests and their decisions. Built from the stored rows, one query per source. The enterprise reads its own
 * project's without the bureau's internal notes (the reviewer's leave to an agency to correct an evaluation).
 */
@Stateless
@RolesAllowed({Role.Names.ENTERPRISE, Role.Names.REVIEWER, Role.Names.APPROVER, Role.Names.FINANCE})
public class ProjectTimeline {

    @PersistenceContext
    private EntityManager em;

    @EJB
    private ProjectAccess access;

    @EJB
    private EvaluationHistory evaluations;

    public List<TimelineEntry> of(@NotNull Long projectId) {
        Project p = access.readable(projectId);
        boolean bureau = access.seesAll();
        List<TimelineEntry> entries = new ArrayList<>();
        // added in the order of cause and effect, so that of steps at the same instant the effect reads first
        ApprovalList list = em.find(ApprovalList.class, p.getApprovalListId());
        if (list.getState() == ApprovalListState.APPROVED) {
            entries.add(new TimelineEntry(list.getDecidedAt(), Kind.DECISION, list.getDecidedBy(), "timeline.listApproved",
                    List.of(list.getVersionNo()), null));
        }
        em.createQuery("select t from ProjectTransition t where t.project.id = :p order by t.occurredAt, t.id",
                        ProjectTransition.class).setParameter("p", p.getId()).getResultList()
                .forEach(t -> entries.add(new TimelineEntry(t.getOccurredAt(), Kind.STATE, t.getActor(), "timeline.state",
                        List.of(t.getToState().name()), t.getReason())));
        for (EvaluationHistory.Step s : evaluations.of(p.getDeclarationId())) {
            if (bureau && s.correctionAllowedAt() != null) {
                entries.add(new TimelineEntry(s.correctionAllowedAt(), Kind.EVALUATION, s.correctionAllowedBy(),
                        "timeline.correctionAllowed", List.of(s.stage().name(), s.versionNo()), s.correctionReason()));
            }
            if (s.submittedAt() != null) {
                entries.add(new TimelineEntry(s.submittedAt(), Kind.EVALUATION, s.submittedBy(), "timeline.evaluation",
                        List.of(s.stage().name(), s.grade().name(), s.verdict().name()), null));
            }
        }
        em.createQuery("select t from AgreementTransition t, TaskAgreement a where t.agreement = a and a.projectId = :p"
                        + " order by t.occurredAt, t.id", AgreementTransition.class).setParameter("p", p.getId())
                .getResultList().forEach(t -> entries.add(new TimelineEntry(t.getOccurredAt(), Kind.AGREEMENT,
                        t.getActor(), "timeline.agreement", List.of(t.getToState().name()), t.getReason())));
        em.createQuery("select v from AgreementVersion v, TaskAgreement a where v.agreement = a and a.projectId = :p"
                        + " order by v.versionNo", AgreementVersion.class).setParameter("p", p.getId())
                .getResultList().forEach(v -> entries.add(new TimelineEntry(v.getCreatedAt(), Kind.DOCUMENT,
                        v.getCreatedBy(), "timeline.agreementVersion", List.of(v.getVersionNo()), null)));
        em.createQuery("select r from ProgressReport r where r.projectId = :p order by r.createdAt, r.id",
                        ProgressReport.class).setParameter("p", p.getId()).getResultList()
                .forEach(r -> entries.add(new TimelineEntry(r.getCreatedAt(), Kind.REPORT, r.getSubmittedBy(),
                        "timeline.report", List.of(r.getMilestoneNo(), r.getMilestoneTitle()), null)));
        em.createQuery("select f from ProgressReportFile f where f.projectId = :p order by f.createdAt, f.id",
                        ProgressReportFile.class).setParameter("p", p.getId()).getResultList()
                .forEach(f -> entries.add(new TimelineEntry(f.getCreatedAt(), Kind.DOCUMENT, f.getUploadedBy(),
                        "timeline.reportFile", List.of(f.getName()), null)));
        for (ChangeRequest c : em.createQuery("select c from ChangeRequest c where c.projectId = :p"
                + " order by c.createdAt, c.id", ChangeRequest.class).setParameter("p", p.getId()).getResultList()) {
            entries.add(new TimelineEntry(c.getCreatedAt(), Kind.CHANGE, c.getRequestedBy(), "timeline.changeAsked",
                    List.of(c.getKind().name()), c.getReason()));
            if (c.getDecidedAt() != null) {
                entries.add(new TimelineEntry(c.getDecidedAt(), Kind.DECISION, c.getDecidedBy(), "timeline.changeDecided",
                        List.of(c.getKind().name(), c.getState().name()), c.getDecisionReason()));
            }
        }
        for (Objection o : em.createQuery("select o from Objection o where o.projectId = :p order by o.createdAt, o.id",
                Objection.class).setParameter("p", p.getId()).getResultList()) {
            // the objector is never named, to anyone; the objection's text only to the bureau (it may identify them)
            entries.add(new TimelineEntry(o.getFiledAt(), Kind.OBJECTION, null, "timeline.objection", List.of(),
                    bureau ? o.getText() : null));
            if (o.getAnsweredAt() != null) {
                entries.add(new TimelineEntry(o.getAnsweredAt(), Kind.DECISION, o.getAnsweredBy(),
                        "timeline.objectionAnswered", List.of(o.getState().name()), o.getAnswer()));
            }
        }
        // newest first; of steps at the same instant (a signature contracts and starts the project), the later recorded
        entries.sort(Comparator.comparing(TimelineEntry::at));
        List<TimelineEntry> newestFirst = new ArrayList<>(entries.size());
        for (int i = entries.size() - 1; i >= 0; i--) {
            newestFirst.add(entries.get(i));
        }
        return newestFirst;
    }
}
