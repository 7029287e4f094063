package org.innofund.certificate.application;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.innofund.certificate.domain.CertificateContent.Fact;
import org.innofund.certificate.domain.CertificateType;
import org.innofund.payment.application.PaidLines;
import org.innofund.payment.domain.PaymentEvents;
import org.innofund.payment.domain.Tranche;
import org.innofund.program.domain.FundingCall;
import org.innofund.program.domain.Grade;
import org.innofund.program.domain.SubsidyKind;
import org.innofund.project.domain.ApprovalList;
import org.innofund.project.domain.Project;
import org.innofund.project.domain.ProjectEvents;
import org.innofund.shared.Clocks;
import org.innofund.shared.MoneyFormat;
import org.innofund.subsidy.application.PayableLines;
import org.innofund.subsidy.domain.CalculationRun;
import org.innofund.subsidy.domain.RunState;
import org.innofund.subsidy.domain.SubsidyEvents;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Listens to the decisions that reach the enterprise as documents, in the decision's transaction, and says what each
 * document states (in Chinese: the documents are Chinese only): the approval notice when a project's public notice
 * ends clear, the acceptance certificate on a pass, a subsidy confirmation per line of an approved run that grants an
 * amount, a payment notice per item the bank paid.
 */
@Stateless
@PermitAll
public class CertificateDrafts {

    /** The version of a decision that a run's confirmations state. */
    public static String runVersion(long runId) {
        return "run:" + runId;
    }

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Clock clock;

    @EJB
    private CertificateIssuing issuing;

    @Inject
    private PayableLines payableLines;

    @Inject
    private PaidLines paidLines;

    /** 立项通知书 */
    public void onPublicized(@Observes ProjectEvents.ProjectPublicized e) {
        Project p = em.find(Project.class, e.projectId());
        FundingCall call = em.find(FundingCall.class, p.getCallId());
        ApprovalList list = em.find(ApprovalList.class, p.getApprovalListId());
        List<Fact> facts = new ArrayList<>(projectFacts(p, call));
        if (p.getApprovedAmount() != null) {
            facts.add(new Fact("核定支持金额", MoneyFormat.yuan(p.getApprovedAmount()) + " 元"));
        }
        issuing.issue(e.by(), List.of(new CertificateDraft(CertificateType.APPROVAL_NOTICE, p.getEnterpriseId(),
                p.getId(), p.getCallId(), "project:" + p.getId(), "approval-list:" + list.getId(),
                p.getApprovedAmount(), today(), "你单位申报的“" + p.getProjectName() + "”项目，经专家评审、审批和"
                + "公示无异议，准予立项。请按要求签订项目任务书，按期组织实施。", facts, List.of())));
    }

    /** 验收证书 */
    public void onAcceptancePassed(@Observes ProjectEvents.AcceptancePassed e) {
        Project p = em.find(Project.class, e.projectId());
        FundingCall call = em.find(FundingCall.class, p.getCallId());
        List<Fact> facts = new ArrayList<>(projectFacts(p, call));
        facts.add(new Fact("验收结论", "通过"));
        facts.add(new Fact("验收等级", grade(p.getAcceptanceGrade())));
        if (p.getAuditedSpend() != null) {
            facts.add(new Fact("审计确认的研发投入", MoneyFormat.yuan(p.getAuditedSpend()) + " 元"));
        }
        issuing.issue(e.by(), List.of(new CertificateDraft(CertificateType.ACCEPTANCE_CERTIFICATE, p.getEnterpriseId(),
                p.getId(), p.getCallId(), "project:" + p.getId() + ":acceptance",
                "evaluation:" + e.assignmentId() + ":" + e.evaluationVersion(), null, today(),
                "你单位承担的“" + p.getProjectName() + "”项目，经第三方评估机构验收评估，验收通过，验收等级为"
                        + grade(p.getAcceptanceGrade()) + "。特发此证。", facts, List.of())));
    }

    /**
     * 后补助确认书, one per line that grants an amount; the confirmations of the call's run before that this run does
     * not state again (the enterprise is no longer granted anything) are superseded with nothing in their place.
     */
    public void onRunApproved(@Observes SubsidyEvents.CalculationRunApproved e) {
        CalculationRun run = em.find(CalculationRun.class, e.runId());
        if (run.getState() != RunState.APPROVED) {
            return; // an older run's approval heard again after a newer one: it states nothing that still holds
        }
        FundingCall call = em.find(FundingCall.class, e.callId());
        SubsidyKind kind = call.getProgram().getSubsidyKind();
        LocalDate today = today();
        List<CertificateDraft> drafts = new ArrayList<>();
        for (PayableLines.Granted line : payableLines.granted(e.runId())) {
            List<Fact> facts = new ArrayList<>();
            facts.add(new Fact("申报批次", call.getTitle()));
            facts.add(new Fact("年度", call.getYear() + "年"));
            facts.add(new Fact("补助类别", kind(kind)));
            if (line.projectId() != null) {
                facts.add(new Fact("项目名称", em.find(Project.class, line.projectId()).getProjectName()));
            }
            facts.add(new Fact("核定版本", "第 " + run.getVersionNo() + " 版"));
            String subject = "call:" + e.callId() + ":enterprise:" + line.enterpriseId()
                    + (line.projectId() == null ? "" : ":project:" + line.projectId());
            drafts.add(new CertificateDraft(CertificateType.SUBSIDY_CONFIRMATION, line.enterpriseId(), line.projectId(),
                    e.callId(), subject, runVersion(e.runId()), line.amount(), today,
                    "根据" + call.getTitle() + "的政策和核定规则，经核定并批准，你单位获得后补助资金如下（核定依据见"
                            + "核定说明）。", facts, line.steps()));
        }
        issuing.issue(e.by(), drafts);
        issuing.supersedeOthers(CertificateType.SUBSIDY_CONFIRMATION, e.callId(), runVersion(e.runId()));
    }

    /** 拨付通知书, one per item the bank paid. */
    public void onResultsRecorded(@Observes PaymentEvents.ResultsRecorded e) {
        List<CertificateDraft> drafts = new ArrayList<>();
        for (PaidLines.Paid paid : paidLines.paidIn(e.batchId())) {
            FundingCall call = em.find(FundingCall.class, paid.callId());
            List<Fact> facts = new ArrayList<>();
            facts.add(new Fact("申报批次", call.getTitle()));
            if (paid.projectId() != null) {
                facts.add(new Fact("项目名称", em.find(Project.class, paid.projectId()).getProjectName()));
            }
            facts.add(new Fact("拨付类别", tranche(paid.tranche())));
            facts.add(new Fact("收款账户", paid.bankName() + " 尾号 " + paid.accountTail()));
            facts.add(new Fact("支付日期", paid.paidOn().toString()));
            facts.add(new Fact("银行流水号", paid.bankReference()));
            facts.add(new Fact("拨付批次", "PB" + paid.batchId() + " / PI" + paid.itemId()));
            drafts.add(new CertificateDraft(CertificateType.PAYMENT_NOTICE, paid.enterpriseId(), paid.projectId(),
                    paid.callId(), "payment-item:" + paid.itemId(), "paid", paid.amount(), paid.paidOn(),
                    "你单位的" + call.getTitle() + "后补助资金已由财政国库拨付至你单位账户，请注意查收。", facts, List.of()));
        }
        issuing.issue(e.by(), drafts);
    }

    private static List<Fact> projectFacts(Project p, FundingCall call) {
        return List.of(new Fact("项目名称", p.getProjectName()), new Fact("申报批次", call.getTitle()),
                new Fact("年度", call.getYear() + "年"), new Fact("补助类别", kind(p.getKind())));
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(Clocks.BUREAU_ZONE));
    }

    static String kind(SubsidyKind kind) {
        return switch (kind) {
            case PRE_APPROVED -> "事前立项事后补助";
            case RD_INVESTMENT -> "企业研发投入后补助";
            case REWARD -> "奖励性后补助";
            case SHARED_SERVICE -> "共享服务后补助（创新券）";
        };
    }

    static String grade(Grade grade) {
        return switch (grade) {
            case EXCELLENT -> "优秀";
            case GOOD -> "良好";
            case PASS -> "合格";
            case FAIL -> "不合格";
        };
    }

    static String tranche(Tranche tranche) {
        return switch (tranche) {
            case FULL -> "后补助资金";
            case ADVANCE -> "预拨资金";
            case BALANCE -> "清算资金";
        };
    }
}
