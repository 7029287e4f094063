package org.innofund.web.admin;

import org.innofund.audit.application.AuditEntryView;
import org.innofund.audit.domain.AuditChain;
import org.innofund.audit.domain.AuditExported;
import org.innofund.audit.domain.AuditVerified;
import org.innofund.declaration.domain.DeclarationEvents;
import org.innofund.evaluation.domain.EvaluationEvents;
import org.innofund.program.domain.Grade;
import org.innofund.evaluation.domain.Verdict;
import org.innofund.project.domain.AgreementEvents;
import org.innofund.project.domain.ChangeKind;
import org.innofund.project.domain.ChangeState;
import org.innofund.program.domain.EvaluationStage;
import org.innofund.evaluation.domain.RelationshipKind;
import org.innofund.identity.domain.IdentityEvents;
import org.innofund.identity.domain.Role;
import org.innofund.integrity.domain.IntegrityRecord;
import org.innofund.integrity.domain.IntegrityRecordAdded;
import org.innofund.integrity.domain.IntegrityRecordEnded;
import org.innofund.subsidy.domain.ProviderEvents;
import org.innofund.platform.backup.BackupFile;
import org.innofund.platform.backup.BackupReason;
import org.innofund.platform.backup.BackupTaken;
import org.innofund.program.domain.ProgramEvents;
import org.innofund.program.domain.SubsidyKind;
import org.innofund.project.domain.NoticeEvents;
import org.innofund.subsidy.domain.SubsidyEvents;
import org.innofund.certificate.domain.CertificateEvents;
import org.innofund.certificate.domain.CertificateType;
import org.innofund.payment.domain.PaymentEvents;
import org.innofund.project.domain.ProjectEvents;
import org.innofund.shared.Money;
import org.innofund.shared.FileType;
import org.innofund.shared.event.Actor;
import org.innofund.shared.event.AuditAction;
import org.innofund.shared.event.AuditOutcome;
import org.innofund.shared.event.DomainEvent;
import org.junit.jupiter.api.Test;
import org.innofund.subsidy.domain.ExemptEvents;
import org.innofund.payment.domain.RecoveryEvents;
import org.innofund.payment.domain.RecoveryOrigin;
import org.innofund.payment.domain.PayeeAccountEvents;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every action the trail records reads as words in both languages: what each event stores, as the list shows it. */
class AuditTextTest {

    private static final Actor BY = new Actor("li.na", 1L, "宁波某科技有限公司");
    private static final String SHA = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    private static final String USCC = "91330201MA2H3K4L5N";

    /** One event per action; the words of its action, target and detail in Chinese and in English. */
    private record Sample(DomainEvent event, List<String> chinese, List<String> english) {
        Sample(DomainEvent event, String zhAction, String zhTarget, String zhDetail, String enAction, String enTarget,
               String enDetail) {
            this(event, List.of(zhAction, zhTarget, zhDetail), List.of(enAction, enTarget, enDetail));
        }
    }

    private static final List<Sample> SAMPLES = List.of(
            new Sample(new IdentityEvents.LoginAttempted(BY, "WEB", AuditOutcome.FAILURE, "invalid; locked"),
                    "登录", "网页", "用户名或密码错误；账号已锁定", "Login", "Web", "Wrong user name or password；Account locked"),
            new Sample(new IdentityEvents.LoggedOut(BY), "退出登录", "", "", "Logout", "", ""),
            new Sample(new IdentityEvents.TokenIssued(BY), "签发接口令牌", "", "", "API token issued", "", ""),
            new Sample(new IdentityEvents.EnterpriseRegistered(BY, 12, USCC), "企业注册", "单位 #12", "统一社会信用代码 " + USCC,
                    "Enterprise registered", "Organisation #12", "USCC " + USCC),
            new Sample(new IdentityEvents.AgencyCreated(BY, 13), "新建机构", "单位 #13", "评估机构",
                    "Organisation created", "Organisation #13", "Agency"),
            new Sample(new IdentityEvents.OrganisationProfileChanged(BY, 12, "address,contactPhone"), "修改单位信息", "单位 #12",
                    "修改了地址、联系电话", "Organisation profile changed", "Organisation #12", "Changed: Address, Contact phone"),
            new Sample(new IdentityEvents.UserCreated(BY, "wang.fang", Role.REVIEWER), "新建用户", "用户 wang.fang", "业务科室",
                    "User created", "User wang.fang", "Reviewer"),
            new Sample(new IdentityEvents.UserDisabled(BY, "wang.fang"), "停用用户", "用户 wang.fang", "",
                    "User disabled", "User wang.fang", ""),
            new Sample(new IdentityEvents.UserEnabled(BY, "wang.fang"), "启用用户", "用户 wang.fang", "",
                    "User enabled", "User wang.fang", ""),
            new Sample(new IdentityEvents.PasswordReset(BY, "wang.fang"), "重置密码", "用户 wang.fang", "",
                    "Password reset", "User wang.fang", ""),
            new Sample(new IdentityEvents.UserUnlocked(BY, "wang.fang"), "解除锁定", "用户 wang.fang", "",
                    "User unlocked", "User wang.fang", ""),
            new Sample(new IdentityEvents.UserEdited(BY, "wang.fang", "王芳 / - / REVIEWER", "王芳 / 高新技术科 / APPROVER,REVIEWER"),
                    "修改用户", "用户 wang.fang", "王芳 / - / 业务科室 改为 王芳 / 高新技术科 / 分管领导、业务科室", "User edited",
                    "User wang.fang", "王芳 / - / Reviewer changed to 王芳 / 高新技术科 / Approver, Reviewer"),
            new Sample(new IntegrityRecordEnded(BY, 9, USCC, LocalDate.of(2026, 6, 30), "已整改到位"), "提前解除失信记录",
                    "失信记录 #9", USCC + " 自 2026-06-30 起解除，理由：已整改到位", "Integrity record ended early",
                    "Integrity record #9", USCC + " ended from 2026-06-30, because: 已整改到位"),
            new Sample(new ProgramEvents.ProgramCreated(BY, 3, SubsidyKind.REWARD), "新建项目类别", "项目类别 #3",
                    label(Locale.SIMPLIFIED_CHINESE, "subsidy.REWARD"), "Program created", "Program #3",
                    label(Locale.ENGLISH, "subsidy.REWARD")),
            new Sample(new ProgramEvents.CallCreated(BY, 5, "2026 年度研发投入后补助"), "新建申报通知", "申报通知 #5",
                    "2026 年度研发投入后补助", "Call created", "Call #5", "2026 年度研发投入后补助"),
            new Sample(new ProgramEvents.CallRevised(BY, 5), "修改申报通知", "申报通知 #5", "", "Call revised", "Call #5", ""),
            new Sample(new ProgramEvents.CallParameterChanged(BY, 5, "maxShareOfSpend", new BigDecimal("0.30")), "修改规则参数",
                    "申报通知 #5", "参数 maxShareOfSpend 改为 0.30", "Rule parameter changed", "Call #5",
                    "Parameter maxShareOfSpend set to 0.30"),
            new Sample(new ProgramEvents.CallAttachmentsReplaced(BY, 5, 3), "设置附件要求", "申报通知 #5", "共 3 项附件要求",
                    "Required attachments set", "Call #5", "3 required attachment(s)"),
            new Sample(new ProgramEvents.CallTemplateReplaced(BY, 5, 6), "设置评审指标", "申报通知 #5", "共 6 项评审指标",
                    "Scoring indicators set", "Call #5", "6 scoring indicator(s)"),
            new Sample(new ProgramEvents.CallPublished(BY, 5), "发布申报通知", "申报通知 #5", "", "Call published", "Call #5", ""),
            new Sample(new ProgramEvents.CallReturned(BY, 5, "预算偏高，请核减"), "退回申报通知", "申报通知 #5", "预算偏高，请核减",
                    "Call sent back to its preparer", "Call #5", "预算偏高，请核减"),
            new Sample(new ProgramEvents.CallNoticeUploaded(BY, 5, FileType.PDF, 1536, SHA, "关于组织申报 2027 年度项目的通知.pdf"),
                    "上传正式通知", "申报通知 #5", "《关于组织申报 2027 年度项目的通知.pdf》，PDF，1.5 KB，SHA-256 " + SHA,
                    "Official notice uploaded", "Call #5", "\"关于组织申报 2027 年度项目的通知.pdf\", PDF, 1.5 KB, SHA-256 " + SHA),
            new Sample(new DeclarationEvents.DeclarationStarted(BY, 107, 5), "新建申报", "申报 #107", "申报通知 #5",
                    "Declaration started", "Declaration #107", "Call #5"),
            new Sample(new DeclarationEvents.DeclarationSaved(BY, 107), "保存申报草稿", "申报 #107", "",
                    "Declaration draft saved", "Declaration #107", ""),
            new Sample(new DeclarationEvents.DeclarationSubmitted(BY, 107, 2), "提交申报", "申报 #107", "第 2 版",
                    "Declaration submitted", "Declaration #107", "Revision 2"),
            new Sample(new DeclarationEvents.DeclarationWithdrawn(BY, 107, "CXKJ-2026-SB-000107"), "撤回申报", "申报 #107",
                    "申报编号 CXKJ-2026-SB-000107", "Declaration withdrawn", "Declaration #107", "Declaration number CXKJ-2026-SB-000107"),
            new Sample(new DeclarationEvents.DraftDeleted(BY, 107, 5, 2), "删除申报草稿", "申报 #107", "申报通知 #5，连同 2 个附件",
                    "Draft declaration deleted", "Declaration #107", "Call #5, with 2 attachment(s)"),
            new Sample(new DeclarationEvents.AttachmentUploaded(BY, 107, 41, FileType.PDF, 1536, SHA), "上传附件", "申报 #107",
                    "附件 #41，PDF，1.5 KB，SHA-256 " + SHA, "Attachment uploaded", "Declaration #107",
                    "Attachment #41, PDF, 1.5 KB, SHA-256 " + SHA),
            new Sample(new DeclarationEvents.AttachmentWithdrawn(BY, 107, 41), "撤回附件", "申报 #107", "附件 #41",
                    "Attachment withdrawn", "Declaration #107", "Attachment #41"),
            new Sample(new DeclarationEvents.DeclarationAccepted(BY, 107), "受理申报", "申报 #107", "",
                    "Declaration accepted", "Declaration #107", ""),
            new Sample(new DeclarationEvents.DeclarationReturned(BY, 107, "预算明细缺少设备清单"), "退回修改", "申报 #107",
                    "预算明细缺少设备清单", "Declaration returned for revision", "Declaration #107", "预算明细缺少设备清单"),
            new Sample(new DeclarationEvents.DeclarationRejected(BY, 107, "不符合申报条件"), "不予受理", "申报 #107", "不符合申报条件",
                    "Declaration rejected", "Declaration #107", "不符合申报条件"),
            new Sample(new DeclarationEvents.DeclarationAccessDenied(BY, 107), "越权访问申报", "申报 #107",
                    "所访问的申报不属于本人或本单位", "Access to another's declaration", "Declaration #107",
                    "The declaration is not the caller's or their organisation's"),
            new Sample(new EvaluationEvents.AssignmentOffered(BY, 31, 107, EvaluationStage.APPROVAL, 13), "分派评估任务",
                    "评估任务 #31", "申报 #107，立项评估，分派给单位 #13", "Evaluation assigned", "Assignment #31",
                    "Declaration #107, Approval evaluation, to Organisation #13"),
            new Sample(new EvaluationEvents.ConflictDeclared(BY, 31, false, null), "回避声明", "评估任务 #31",
                    "无利害关系（已确认承诺）", "Conflict-of-interest declaration", "Assignment #31",
                    "No conflict of interest (statement confirmed)"),
            new Sample(new EvaluationEvents.AssignmentReassigned(BY, 31, 32, "机构申请回避"), "改派评估任务", "评估任务 #31",
                    "改由评估任务 #32承担，理由：机构申请回避", "Evaluation reassigned", "Assignment #31",
                    "Now Assignment #32, because: 机构申请回避"),
            new Sample(new EvaluationEvents.AssignmentAccessDenied(BY, 31), "越权访问评估任务", "评估任务 #31",
                    "所访问的评估任务不属于本机构，或尚未开放申报内容", "Access to another agency's assignment", "Assignment #31",
                    "The assignment is not the agency's, or its content is not open yet"),
            new Sample(new EvaluationEvents.EvaluationReportAttached(BY, 31, 1, 1536, SHA, "评估报告.pdf"), "上传评估报告",
                    "评估任务 #31", "第 1 版：《评估报告.pdf》，1.5 KB，SHA-256 " + SHA, "Evaluation report uploaded",
                    "Assignment #31", "Version 1: \"评估报告.pdf\", 1.5 KB, SHA-256 " + SHA),
            new Sample(new EvaluationEvents.EvaluationSubmitted(BY, 31, 2, new BigDecimal("86.50"), 100,
                    EvaluationStage.ACCEPTANCE, Grade.GOOD, Verdict.PASSED, null), "提交评估", "评估任务 #31",
                    "第 2 版，总分 86.50", "Evaluation submitted", "Assignment #31", "Version 2, total 86.50"),
            new Sample(new EvaluationEvents.EvaluationCorrectionAllowed(BY, 31, 2, "专家姓名有误"), "允许更正评估", "评估任务 #31",
                    "开放第 2 版，理由：专家姓名有误", "Evaluation correction allowed", "Assignment #31",
                    "Version 2 opened, because: 专家姓名有误"),
            new Sample(new ProjectEvents.ApprovalListDrafted(BY, 50, 10, 1, Money.of(new BigDecimal("800000"))),
                    "拟定立项建议名单", "立项建议名单 #50", "申报通知 #10 第 1 版，建议立项金额合计 800000.00 元",
                    "Approval list drawn up", "Approval list #50", "Call #10, version 1, proposed total 800000.00 yuan"),
            new Sample(new ProjectEvents.ApprovalListSubmitted(BY, 50, 10, 1, Money.of(new BigDecimal("800000"))),
                    "提交立项建议名单", "立项建议名单 #50", "申报通知 #10 第 1 版，建议立项金额合计 800000.00 元",
                    "Approval list submitted", "Approval list #50", "Call #10, version 1, proposed total 800000.00 yuan"),
            new Sample(new ProjectEvents.ProjectsApproved(BY, 50, 10, 2, List.of(61L, 62L), Money.of(new BigDecimal("800000"))),
                    "批准立项", "立项建议名单 #50", "申报通知 #10 第 2 版，立项 2 项，金额合计 800000.00 元",
                    "Approval list approved", "Approval list #50", "Call #10, version 2: 2 projects, total 800000.00 yuan"),
            new Sample(new ProjectEvents.ApprovalListReturned(BY, 50, 10, 1, "请压缩金额"), "退回立项建议名单",
                    "立项建议名单 #50", "申报通知 #10 第 1 版，理由：请压缩金额", "Approval list sent back", "Approval list #50",
                    "Call #10, version 1, because: 请压缩金额"),
            new Sample(new ProjectEvents.ProjectAccessDenied(BY, 61), "越权访问项目", "项目 #61",
                    "所访问的项目不属于本单位", "Access to another organisation's project", "Project #61",
                    "The project is not the caller's organisation's"),
            new Sample(new AgreementEvents.AgreementDrafted(BY, 61, 62), "起草任务书", "项目 #61", "任务书 #62",
                    "Task agreement drafted", "Project #61", "Task agreement #62"),
            new Sample(new AgreementEvents.AgreementSubmitted(BY, 61, 62), "提交任务书", "项目 #61", "任务书 #62",
                    "Task agreement submitted", "Project #61", "Task agreement #62"),
            new Sample(new AgreementEvents.AgreementReturned(BY, 61, "里程碑过于笼统"), "退回任务书", "项目 #61",
                    "理由：里程碑过于笼统", "Task agreement returned", "Project #61", "Because: 里程碑过于笼统"),
            new Sample(new AgreementEvents.AgreementConfirmed(BY, 61, true), "确认任务书", "项目 #61",
                    "申报单位确认（任务书签订）", "Task agreement confirmed", "Project #61", "Confirmed by the enterprise (signed)"),
            new Sample(new AgreementEvents.ProgressReported(BY, 61, 2), "提交进度报告", "项目 #61", "第 2 个里程碑",
                    "Progress reported", "Project #61", "Milestone 2"),
            new Sample(new AgreementEvents.ProjectChange(BY, 61, ChangeKind.PERIOD_EXTENDED, ChangeState.REJECTED, "理由不足"),
                    "项目变更", "项目 #61", "延期：不予批准，理由：理由不足", "Project change", "Project #61",
                    "Period extension: Rejected, because: 理由不足"),
            new Sample(new EvaluationEvents.RelationshipRecorded(BY, 40, 13, 12, RelationshipKind.SHAREHOLDING), "登记关联关系",
                    "单位 #13", "与单位 #12存在股权关系", "Agency relationship recorded", "Organisation #13",
                    "Shareholding with Organisation #12"),
            new Sample(new EvaluationEvents.AgencySuspended(BY, 13, "报告质量不合格"), "暂停评估机构", "单位 #13", "报告质量不合格",
                    "Agency suspended", "Organisation #13", "报告质量不合格"),
            new Sample(new EvaluationEvents.AgencyResumed(BY, 13), "恢复评估机构", "单位 #13", "", "Agency resumed",
                    "Organisation #13", ""),
            new Sample(new EvaluationEvents.AgencyRegistered(BY, 13, "AUTOMOTIVE,SMART_APPLIANCES"), "登记评估机构", "单位 #13",
                    "评估领域：汽车制造、智能家电", "Agency registered", "Organisation #13", "Fields: " + label(Locale.ENGLISH,
                    "field.AUTOMOTIVE") + ", " + label(Locale.ENGLISH, "field.SMART_APPLIANCES")),
            new Sample(new EvaluationEvents.AgencyEdited(BY, 13, "qualification,fields"), "修改评估机构", "单位 #13",
                    "修改了资质、评估领域", "Agency edited", "Organisation #13", "Changed: Qualification, Fields"),
            new Sample(new IntegrityRecordAdded(BY, 9, IntegrityRecord.SubjectKind.ENTERPRISE, USCC, LocalDate.of(2026, 1, 1),
                    LocalDate.of(2028, 12, 31)), "登记失信记录", "失信记录 #9", "企业 " + USCC + "，2026-01-01 至 2028-12-31",
                    "Integrity record added", "Integrity record #9", "Enterprise " + USCC + ", 2026-01-01 to 2028-12-31"),
            new Sample(new BackupTaken(BY, new BackupFile("innofund-20261130.zip", Instant.EPOCH, BackupReason.SCHEDULED, 3 * 1024 * 1024)),
                    "数据备份", "备份文件 innofund-20261130.zip", "3 MB", "Database backup", "Backup innofund-20261130.zip", "3 MB"),
            new Sample(new AuditVerified(BY, new AuditChain.Result(true, 1234, null, null)), "核验审计链", "",
                    "已核验 1234 条，链条完整", "Audit chain verified", "", "1234 entries checked, the chain is whole"),
            new Sample(new AuditExported(BY, 250), "导出审计日志", "", "共 250 条", "Audit entries exported", "", "250 entries"),
            new Sample(new NoticeEvents.NoticePublished(BY, 7, 5, 3), "发布立项公示", "立项公示 #7", "立项建议名单 #5，3 个项目",
                    "Public notice published", "Public notice #7", "Approval list #5, 3 projects"),
            new Sample(new NoticeEvents.ObjectionFiled(Actor.ANONYMOUS, 9, 12), "提出异议", "异议 #9", "项目 #12",
                    "Objection filed", "Objection #9", "Project #12"),
            new Sample(new NoticeEvents.ObjectionDismissed(BY, 9, "材料属实"), "异议不予采纳", "异议 #9", "材料属实",
                    "Objection dismissed", "Objection #9", "材料属实"),
            new Sample(new NoticeEvents.ObjectionUpheld(BY, 9, 12, "人数不实"), "异议成立", "异议 #9", "项目 #12 撤销立项：人数不实",
                    "Objection upheld", "Objection #9", "Project #12 withdrawn: 人数不实"),
            new Sample(new NoticeEvents.PublicityEnded(Actor.unknown("system"), 7, 2, 1), "公示期满", "立项公示 #7",
                    "2 个项目公示通过，1 个项目待异议处理", "Public notice period ended", "Public notice #7",
                    "2 projects publicized, 1 waiting for an answer to an objection"),
            new Sample(new SubsidyEvents.CalculationRunStarted(BY, 70, 10, 2, 120, Money.of(new BigDecimal("2999999.99"))),
                    "开始核定", "核定批次 #70", "申报通知 #10 第 2 版，120 家企业，核定金额合计 2999999.99 元",
                    "Calculation run", "Calculation run #70", "Call #10, version 2: 120 enterprises, total 2999999.99 yuan"),
            new Sample(new SubsidyEvents.CalculationRunApproved(BY, 70, 10, 2, Money.of(new BigDecimal("2999999.99")), 69L),
                    "批准核定", "核定批次 #70", "申报通知 #10 第 2 版，核定金额合计 2999999.99 元",
                    "Calculation approved", "Calculation run #70", "Call #10, version 2, total 2999999.99 yuan"),
            new Sample(new ProviderEvents.ProviderRegistered(BY, 4, USCC, "检测中心"), "登记服务机构", "服务机构 #4",
                    USCC + " 检测中心", "Provider registered", "Provider #4", USCC + " 检测中心"),
            new Sample(new ProviderEvents.ProviderEdited(BY, 4, "检测中心", true, "张三"), "修改服务机构", "服务机构 #4",
                    "检测中心，本市，实际控制人 张三", "Provider corrected", "Provider #4", "检测中心, Local, actual controller 张三"),
            new Sample(new ProviderEvents.ProviderSuspended(BY, 4, LocalDate.of(2026, 4, 10), LocalDate.of(2026, 4, 20), "整改"),
                    "暂停服务机构", "服务机构 #4", "2026-04-10~2026-04-20 整改", "Provider suspended", "Provider #4",
                    "2026-04-10~2026-04-20 整改"),
            new Sample(new ProviderEvents.ControllerRecorded(BY, USCC, "张三"), "记录企业实际控制人",
                    "企业 " + USCC + " 的实际控制人", "张三", "Actual controller recorded",
                    "Actual controller of enterprise " + USCC, "张三"),
            new Sample(new ExemptEvents.FiguresImported(BY, 4, 12, 120, 80, 3), "免申即享导入", "申报通知 #12",
                    "导入 #4：120 行，80 家企业待确认，替代 3 个未答复的请求", "Figures imported (免申即享)", "Call #12",
                    "Import #4: 120 rows, 80 enterprises asked to confirm, 3 unanswered requests replaced"),
            new Sample(new ExemptEvents.RequestConfirmed(BY, 9, "300000.00", 1L,
                    new org.innofund.subsidy.domain.BankAccount("甲", "6222021234567890", "工商银行")), "确认享受", "确认请求 #9", "确认享受 300000.00 元",
                    "Subsidy confirmation", "Confirmation request #9", "Confirmed ¥300000.00"),
            new Sample(new ExemptEvents.RequestDeclined(BY, 9), "确认享受", "确认请求 #9", "放弃",
                    "Subsidy confirmation", "Confirmation request #9", "Declined"),
            new Sample(new ExemptEvents.RequestAccessDenied(BY, 9), "确认享受", "确认请求 #9", "所访问的确认请求不属于本单位",
                    "Subsidy confirmation", "Confirmation request #9", "The request is not the caller's organisation's"),
            new Sample(new RecoveryEvents.RecoveryRaised(BY, 5, 10, 12, RecoveryOrigin.INTEGRITY, Money.of(new BigDecimal("20000.00")),
                    LocalDate.of(2026, 6, 30)), "发起追回", "追回 #5", "申报通知 #10，单位 #12，失信追回 20000.00 元，还款期限 2026-06-30",
                    "Recovery raised", "Recovery #5", "Call #10, Organisation #12, Integrity violation: 20000.00 yuan, due 2026-06-30"),
            new Sample(new RecoveryEvents.RecoveryRepaid(BY, 5, Money.of(new BigDecimal("5000.00")), "CMB 0017",
                    Money.of(new BigDecimal("15000.00"))), "登记追回还款", "追回 #5", "还款 5000.00 元（银行流水号 CMB 0017），尚欠 15000.00 元",
                    "Recovery repayment recorded", "Recovery #5", "5000.00 yuan repaid (bank reference CMB 0017), 15000.00 yuan still owed"),
            new Sample(new RecoveryEvents.RecoveryBlockReleased(BY, 5, "已签还款协议"), "解除追回拨付限制", "追回 #5", "理由：已签还款协议",
                    "Recovery payment block released", "Recovery #5", "Because: 已签还款协议"),
            new Sample(new RecoveryEvents.RecoveryAccessDenied(BY, 5), "越权访问追回", "追回 #5", "所访问的追回不属于本单位",
                    "Access to another organisation's recovery", "Recovery #5", "The recovery is not the caller's organisation's"),
            new Sample(new PayeeAccountEvents.AccountChanged(BY, 41, 2, "7890", true), "变更收款账户", "收款账户 #41",
                    "单位 #2 登记首个收款账户，尾号 7890", "Payee account changed", "Payee account #41",
                    "Organisation #2 set its first account, ending 7890"),
            new Sample(new PayeeAccountEvents.AccountChanged(BY, 41, 2, "7890", false), "变更收款账户", "收款账户 #41",
                    "单位 #2 变更收款账户为尾号 7890", "Payee account changed", "Payee account #41",
                    "Organisation #2 changed its account to one ending 7890"),
            new Sample(new PayeeAccountEvents.HoldReleased(BY, 41, 2, "7890", "已电话核实"), "解除账户冻结", "收款账户 #41",
                    "单位 #2 尾号 7890 的账户解除冻结：已电话核实", "Account hold released", "Payee account #41",
                    "Hold on Organisation #2’s account ending 7890 released: 已电话核实"),
            new Sample(new PayeeAccountEvents.AccessDenied(BY, 41), "访问收款账户", "收款账户 #41", "所访问的收款账户不属于本单位",
                    "Payee account access", "Payee account #41", "The account is not the caller's organisation's"),
            new Sample(new PaymentEvents.BatchBuilt(BY, 12, 3, Money.of(new BigDecimal("405000.51"))), "编制拨付批次",
                    "拨付批次 #12", "3 笔，合计 405000.51 元", "Payment batch built", "Payment batch #12",
                    "3 items, total 405000.51 yuan"),
            new Sample(new PaymentEvents.BatchSubmitted(BY, 12, 3, Money.of(new BigDecimal("405000.51"))), "提交拨付批次",
                    "拨付批次 #12", "3 笔，合计 405000.51 元", "Payment batch submitted", "Payment batch #12",
                    "3 items, total 405000.51 yuan"),
            new Sample(new PaymentEvents.BatchApproved(BY, 12, 3, Money.of(new BigDecimal("405000.51"))), "批准拨付批次",
                    "拨付批次 #12", "3 笔，合计 405000.51 元", "Payment batch approved", "Payment batch #12",
                    "3 items, total 405000.51 yuan"),
            new Sample(new PaymentEvents.BatchRejected(BY, 12, "账户待核实"), "退回拨付批次", "拨付批次 #12", "理由：账户待核实",
                    "Payment batch rejected", "Payment batch #12", "Because: 账户待核实"),
            new Sample(new PaymentEvents.BatchExported(BY, 12, 2, Money.of(new BigDecimal("300000.01")), 1), "导出国库支付文件",
                    "拨付批次 #12", "文件 2 笔，合计 300000.01 元；1 笔导出时受阻未列入", "Treasury file exported",
                    "Payment batch #12", "2 items in the file, total 300000.01 yuan; 1 blocked at export, left out"),
            new Sample(new PaymentEvents.ResultsRecorded(BY, 12, 2, 1), "登记银行结果", "拨付批次 #12", "已支付 2 笔，失败 1 笔",
                    "Bank results recorded", "Payment batch #12", "2 paid, 1 failed"),
            new Sample(new CertificateEvents.Issued(BY, CertificateType.SUBSIDY_CONFIRMATION, 3, 2, "CXKJ-2026-BZ-000001",
                    "CXKJ-2026-BZ-000002"), "出具证书", "申报通知 #3", "后补助确认书 2 份：CXKJ-2026-BZ-000001 至 CXKJ-2026-BZ-000002",
                    "Certificates issued", "Call #3", "2 Subsidy confirmation: CXKJ-2026-BZ-000001 to CXKJ-2026-BZ-000002"),
            new Sample(new CertificateEvents.Revoked(BY, 41, "CXKJ-2026-LX-000007", "出具依据有误"), "撤销证书", "证书 #41",
                    "CXKJ-2026-LX-000007：出具依据有误", "Certificate revoked", "Certificate #41", "CXKJ-2026-LX-000007: 出具依据有误"),
            new Sample(new CertificateEvents.AccessDenied(BY, 41), "访问证书", "证书 #41", "所访问的证书不属于本单位",
                    "Certificate access", "Certificate #41", "The document is not the caller's organisation's"));

    private static String label(Locale locale, String key) {
        return ResourceBundle.getBundle("org.innofund.web.i18n.messages", locale).getString(key);
    }

    private static AuditText text(Locale locale) {
        return new AuditText(ResourceBundle.getBundle("org.innofund.web.i18n.messages", locale));
    }

    /** The event as the trail stores it and the list reads it back. */
    private static AuditEntryView stored(DomainEvent e) {
        return new AuditEntryView(1, Instant.EPOCH, e.by().username(), e.by().organisationName(), e.action().name(),
                e.target(), e.outcome(), e.detail(), "127.0.0.1", "hash");
    }

    private static List<String> words(AuditText text, DomainEvent event) {
        AuditEntryView entry = stored(event);
        return List.of(text.action(entry.action()), text.target(entry.target()), text.detail(entry));
    }

    @Test
    void everyActionHasASample() {
        Set<AuditAction> sampled = new TreeSet<>();
        SAMPLES.forEach(s -> sampled.add(s.event().action()));
        assertEquals(new TreeSet<>(Arrays.asList(AuditAction.values())), sampled, "an action without a sample is not known to read as words");
    }

    @Test
    void everyActionReadsAsWordsInChinese() {
        AuditText zh = text(Locale.SIMPLIFIED_CHINESE);
        for (Sample s : SAMPLES) {
            assertEquals(s.chinese(), words(zh, s.event()), s.event().toString());
        }
    }

    @Test
    void everyActionReadsAsWordsInEnglish() {
        AuditText en = text(Locale.ENGLISH);
        for (Sample s : SAMPLES) {
            assertEquals(s.english(), words(en, s.event()), s.event().toString());
        }
    }

    @Test
    void whatThisVersionDoesNotKnowIsShownAsStored() {
        AuditText zh = text(Locale.SIMPLIFIED_CHINESE);
        AuditEntryView future = new AuditEntryView(1, Instant.EPOCH, "a", null, "PAYMENT_SEND", "payment:7",
                AuditOutcome.SUCCESS, "batch 3", null, "h");
        assertEquals(List.of("PAYMENT_SEND", "payment:7", "batch 3"),
                List.of(zh.action(future.action()), zh.target(future.target()), zh.detail(future)));
        AuditEntryView oddDetail = new AuditEntryView(1, Instant.EPOCH, "a", null, "DECLARATION_SUBMIT", "declaration:1",
                AuditOutcome.SUCCESS, "revision two", null, "h");
        assertEquals("revision two", zh.detail(oddDetail));
    }

    @Test
    void noTwoActionsShareALabel() {
        for (Locale locale : new Locale[] {Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH}) {
            AuditText text = text(locale);
            Set<String> labels = new TreeSet<>();
            Arrays.stream(AuditAction.values()).forEach(a -> labels.add(text.action(a.name())));
            assertEquals(AuditAction.values().length, labels.size(), locale + ": the filter would offer two alike: " + labels);
        }
    }
}
