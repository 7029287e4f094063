package org.innofund.web.admin;

import org.innofund.audit.application.AuditEntryView;
import org.innofund.shared.event.AuditAction;
import org.innofund.web.shared.Formats;

import java.text.MessageFormat;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * An audit entry in words of the reader's language. The trail stores (and hashes) language-neutral codes —
 * {@code DECLARATION_SUBMIT}, {@code declaration:107}, {@code revision 2} — and this reads them back as 提交申报,
 * 申报 #107, 第 2 版. A stored text this version does not recognise is shown as it is, never dropped.
 */
public final class AuditText {

    /** The stored detail of one action: its shape, and how the parts of that shape read. */
    private record DetailShape(Pattern shape, Function<Matcher, String> words) {
        DetailShape(String shape, Function<Matcher, String> words) {
            this(Pattern.compile(shape), words);
        }
    }

    private static final Pattern TARGET = Pattern.compile("([a-z][a-zA-Z]*):(.+)");

    private final ResourceBundle labels;
    private final Map<AuditAction, DetailShape> details = new EnumMap<>(AuditAction.class);

    public AuditText(ResourceBundle labels) {
        this.labels = labels;
        // each shape is what the action's event writes (see the DomainEvent records' detail())
        details.put(AuditAction.LOGIN, new DetailShape("(.+)", m -> Arrays.stream(m.group(1).split(";\\s*"))
                .map(code -> label("auditDetail.login." + code, code)).collect(Collectors.joining("；"))));
        details.put(AuditAction.REGISTER, new DetailShape("(.+)", m -> label("auditDetail.uscc", m.group(), m.group(1))));
        details.put(AuditAction.ORGANISATION_CREATE, new DetailShape("([A-Z_]+)", m -> label("kind." + m.group(1), m.group())));
        details.put(AuditAction.ORGANISATION_EDIT, new DetailShape("[a-zA-Z]+(,[a-zA-Z]+)*",
                m -> label("auditDetail.profileFields", m.group(), Arrays.stream(m.group().split(","))
                        .map(field -> label("profile." + field, field)).collect(Collectors.joining(listSeparator())))));
        details.put(AuditAction.USER_CREATE, new DetailShape("([A-Z_]+)", m -> label("role." + m.group(1), m.group())));
        details.put(AuditAction.PROGRAM_CREATE, new DetailShape("([A-Z_]+)", m -> label("subsidy." + m.group(1), m.group())));
        details.put(AuditAction.CALL_PARAMETER, new DetailShape("([^=]+)=(.+)",
                m -> label("auditDetail.parameter", m.group(), m.group(1), m.group(2))));
        details.put(AuditAction.CALL_ATTACHMENTS, new DetailShape("(\\d+) requirement\\(s\\)",
                m -> label("auditDetail.requirements", m.group(), m.group(1))));
        details.put(AuditAction.CALL_TEMPLATE, new DetailShape("(\\d+) indicator\\(s\\)",
                m -> label("auditDetail.indicators", m.group(), m.group(1))));
        details.put(AuditAction.CALL_NOTICE, new DetailShape("(\\S+) (\\d+) (\\S+) (.+)",
                m -> label("auditDetail.notice", m.group(), m.group(4), m.group(1), Formats.bytesOf(Long.parseLong(m.group(2))),
                        m.group(3))));
        details.put(AuditAction.DECLARATION_START, new DetailShape("call:\\d+", m -> target(m.group())));
        details.put(AuditAction.DECLARATION_SUBMIT, new DetailShape("revision (\\d+)",
                m -> label("auditDetail.revision", m.group(), m.group(1))));
        details.put(AuditAction.DECLARATION_WITHDRAW, new DetailShape("(.+)", m -> label("auditDetail.receipt", m.group(), m.group(1))));
        details.put(AuditAction.DECLARATION_DELETE, new DetailShape("(call:\\d+) files:(\\d+)",
                m -> label("auditDetail.draftDeleted", m.group(), target(m.group(1)), m.group(2))));
        details.put(AuditAction.ATTACHMENT_UPLOAD, new DetailShape("(\\d+) (\\S+) (\\d+) (\\S+)",
                m -> label("auditDetail.upload", m.group(), m.group(1), m.group(2), Formats.bytesOf(Long.parseLong(m.group(3))),
                        m.group(4))));
        details.put(AuditAction.ATTACHMENT_WITHDRAW, new DetailShape("(\\d+)", m -> label("auditDetail.attachment", m.group(), m.group(1))));
        details.put(AuditAction.DECLARATION_ACCESS, new DetailShape("not the caller's", m -> label("auditDetail.notTheCallers", m.group())));
        details.put(AuditAction.ASSIGNMENT_CREATE, new DetailShape("(declaration:\\d+) ([A-Z_]+) (organisation:\\d+)",
                m -> label("auditDetail.assignmentCreated", m.group(), target(m.group(1)),
                        label("evaluationStage." + m.group(2), m.group(2)), target(m.group(3)))));
        details.put(AuditAction.ASSIGNMENT_CONFLICT_DECLARATION, new DetailShape("no conflict|conflict: (.*)",
                m -> m.group(1) == null ? label("auditDetail.noConflict", m.group()) : label("auditDetail.conflict", m.group(), m.group(1))));
        details.put(AuditAction.ASSIGNMENT_REASSIGN, new DetailShape("(assignment:\\d+): (.*)",
                m -> label("auditDetail.reassigned", m.group(), target(m.group(1)), m.group(2))));
        details.put(AuditAction.ASSIGNMENT_ACCESS, new DetailShape("not the caller's", m -> label("auditDetail.notTheAgencys", m.group())));
        details.put(AuditAction.EVALUATION_REPORT, new DetailShape("version (\\d+) (\\d+) (\\S+) (.+)",
                m -> label("auditDetail.evaluationReport", m.group(), m.group(1), m.group(4),
                        Formats.bytesOf(Long.parseLong(m.group(2))), m.group(3))));
        details.put(AuditAction.EVALUATION_SUBMIT, new DetailShape("version (\\d+), total (\\S+)",
                m -> label("auditDetail.evaluationSubmitted", m.group(), m.group(1), m.group(2))));
        details.put(AuditAction.EVALUATION_CORRECTION, new DetailShape("version (\\d+): (.*)",
                m -> label("auditDetail.correctionAllowed", m.group(), m.group(1), m.group(2))));
        details.put(AuditAction.APPROVAL_LIST_DRAFT, new DetailShape("(call:\\d+) version (\\d+) total (\\S+)",
                m -> label("auditDetail.approvalList", m.group(), target(m.group(1)), m.group(2), m.group(3))));
        details.put(AuditAction.APPROVAL_LIST_SUBMIT, new DetailShape("(call:\\d+) version (\\d+) total (\\S+)",
                m -> label("auditDetail.approvalList", m.group(), target(m.group(1)), m.group(2), m.group(3))));
        details.put(AuditAction.APPROVAL_LIST_APPROVE, new DetailShape("(call:\\d+) version (\\d+) projects (\\d+) total (\\S+)",
                m -> label("auditDetail.approvalListApproved", m.group(), target(m.group(1)), m.group(2), m.group(3),
                        m.group(4))));
        details.put(AuditAction.APPROVAL_LIST_RETURN, new DetailShape("(call:\\d+) version (\\d+): (.*)",
                m -> label("auditDetail.approvalListReturned", m.group(), target(m.group(1)), m.group(2), m.group(3))));
        details.put(AuditAction.PROJECT_ACCESS, new DetailShape("not the caller's", m -> label("auditDetail.notTheCallersProject", m.group())));
        details.put(AuditAction.AGREEMENT_DRAFT, new DetailShape("agreement:\\d+", m -> target(m.group())));
        details.put(AuditAction.AGREEMENT_SUBMIT, new DetailShape("agreement:\\d+", m -> target(m.group())));
        details.put(AuditAction.AGREEMENT_RETURN, new DetailShape("(.*)", m -> label("auditDetail.because", m.group(), m.group(1))));
        details.put(AuditAction.AGREEMENT_CONFIRM, new DetailShape("(enterprise|reviewer)",
                m -> label("auditDetail.confirmedBy." + m.group(1), m.group())));
        details.put(AuditAction.PROGRESS_REPORT, new DetailShape("milestone (\\d+)",
                m -> label("auditDetail.milestone", m.group(), m.group(1))));
        details.put(AuditAction.PROJECT_CHANGE, new DetailShape("([A-Z_]+) ([A-Z_]+)(?:: (.*))?",
                m -> label(m.group(3) == null ? "auditDetail.projectChange" : "auditDetail.projectChangeBecause", m.group(),
                        label("changeKind." + m.group(1), m.group(1)), label("changeState." + m.group(2), m.group(2)),
                        m.group(3))));
        details.put(AuditAction.RELATIONSHIP_RECORD, new DetailShape("([A-Z_]+) (organisation:\\d+)",
                m -> label("auditDetail.relationship", m.group(), label("relationshipKind." + m.group(1), m.group(1)), target(m.group(2)))));
        details.put(AuditAction.AGENCY_REGISTER, new DetailShape("[A-Z_]+(,[A-Z_]+)*",
                m -> label("auditDetail.agencyFields", m.group(), Arrays.stream(m.group().split(","))
                        .map(field -> label("field." + field, field)).collect(Collectors.joining(listSeparator())))));
        details.put(AuditAction.AGENCY_EDIT, new DetailShape("[a-zA-Z]+(,[a-zA-Z]+)*",
                m -> label("auditDetail.profileFields", m.group(), Arrays.stream(m.group().split(","))
                        .map(field -> label("agency." + field, field)).collect(Collectors.joining(listSeparator())))));
        details.put(AuditAction.INTEGRITY_ADD, new DetailShape("([A-Z_]+) (\\S+) (\\S+)~(\\S+)",
                m -> label("auditDetail.integrity", m.group(), label("integrityKind." + m.group(1), m.group(1)), m.group(2),
                        m.group(3), m.group(4))));
        details.put(AuditAction.USER_EDIT, new DetailShape("(.*) / (.*) / ([A-Z_,]*) -> (.*) / (.*) / ([A-Z_,]*)",
                m -> label("auditDetail.userEdited", m.group(), m.group(1), m.group(2), roles(m.group(3)), m.group(4), m.group(5),
                        roles(m.group(6)))));
        details.put(AuditAction.INTEGRITY_END, new DetailShape("(\\S+) (\\d{4}-\\d{2}-\\d{2}): (.*)",
                m -> label("auditDetail.integrityEnd", m.group(), m.group(1), m.group(2), m.group(3))));
        details.put(AuditAction.DATABASE_BACKUP, new DetailShape("(\\d+) bytes", m -> Formats.bytesOf(Long.parseLong(m.group(1)))));
        details.put(AuditAction.AUDIT_VERIFY, new DetailShape("(checked|firstBroken)=(\\d+)",
                m -> label("auditDetail." + m.group(1), m.group(), m.group(2))));
        details.put(AuditAction.AUDIT_EXPORT, new DetailShape("(\\d+) entries", m -> label("auditDetail.exported", m.group(), m.group(1))));
        details.put(AuditAction.NOTICE_PUBLISH, new DetailShape("approvalList:(\\d+) projects:(\\d+)",
                m -> label("auditDetail.noticePublished", m.group(), m.group(1), m.group(2))));
        details.put(AuditAction.OBJECTION_FILE, new DetailShape("project:(\\d+)", m -> label("auditDetail.project", m.group(), m.group(1))));
        details.put(AuditAction.OBJECTION_UPHOLD, new DetailShape("project:(\\d+): (.*)",
                m -> label("auditDetail.objectionUpheld", m.group(), m.group(1), m.group(2))));
        details.put(AuditAction.NOTICE_END, new DetailShape("publicized:(\\d+) waiting:(\\d+)",
                m -> label("auditDetail.noticeEnded", m.group(), m.group(1), m.group(2))));
        details.put(AuditAction.CALCULATION_RUN_START, new DetailShape("(call:\\d+) version (\\d+) lines (\\d+) total (\\S+)",
                m -> label("auditDetail.calculationRunStarted", m.group(), target(m.group(1)), m.group(2), m.group(3),
                        m.group(4))));
        details.put(AuditAction.CALCULATION_RUN_APPROVE, new DetailShape("(call:\\d+) version (\\d+) total (\\S+)",
                m -> label("auditDetail.calculationRunApproved", m.group(), target(m.group(1)), m.group(2), m.group(3))));
        details.put(AuditAction.PROVIDER_EDIT, new DetailShape("local:(true|false) controller:(.*) name:(.*)",
                m -> label("auditDetail.providerEdited", m.group(), m.group(3),
                        "true".equals(m.group(1)) ? label("providers.localYes", "local") : label("providers.localNo", "non-local"),
                        m.group(2))));
        details.put(AuditAction.EXEMPT_IMPORT, new DetailShape("import:(\\d+) rows:(\\d+) requests:(\\d+) replaced:(\\d+)",
                m -> label("auditDetail.exemptImported", m.group(), m.group(1), m.group(2), m.group(3), m.group(4))));
        details.put(AuditAction.EXEMPT_CONFIRM, new DetailShape("confirmed (\\S+)|declined|not the caller's",
                m -> m.group(1) != null ? label("auditDetail.exemptConfirmed", m.group(), m.group(1))
                        : label(m.group().equals("declined") ? "auditDetail.exemptDeclined" : "auditDetail.notTheCallersRequest",
                        m.group())));
        details.put(AuditAction.RECOVERY_RAISE, new DetailShape("(call:\\d+) (organisation:\\d+) ([A-Z_]+) (\\S+) due (\\S+)",
                m -> label("auditDetail.recoveryRaised", m.group(), target(m.group(1)), target(m.group(2)),
                        label("recoveryOrigin." + m.group(3), m.group(3)), m.group(4), m.group(5))));
        details.put(AuditAction.RECOVERY_REPAY, new DetailShape("(\\S+) ref (.+) outstanding (\\S+)",
                m -> label("auditDetail.recoveryRepaid", m.group(), m.group(1), m.group(2), m.group(3))));
        details.put(AuditAction.RECOVERY_RELEASE, new DetailShape("(.*)", m -> label("auditDetail.because", m.group(), m.group(1))));
        details.put(AuditAction.RECOVERY_ACCESS, new DetailShape("not the caller's",
                m -> label("auditDetail.notTheCallersRecovery", m.group())));
        details.put(AuditAction.PAYEE_ACCOUNT_CHANGE, new DetailShape("(organisation:\\d+) (first|changed) tail (\\d+)",
                m -> label("auditDetail.payeeAccount." + m.group(2), m.group(), target(m.group(1)), m.group(3))));
        details.put(AuditAction.PAYEE_HOLD_RELEASE, new DetailShape("(?s)(organisation:\\d+) tail (\\d+): (.*)",
                m -> label("auditDetail.payeeHoldReleased", m.group(), target(m.group(1)), m.group(2), m.group(3))));
        details.put(AuditAction.PAYEE_ACCOUNT_ACCESS, new DetailShape("not the caller's",
                m -> label("auditDetail.notTheCallersAccount", m.group())));
        DetailShape batch = new DetailShape("lines (\\d+) total (\\S+)",
                m -> label("auditDetail.paymentBatch", m.group(), m.group(1), m.group(2)));
        details.put(AuditAction.PAYMENT_BATCH_BUILD, batch);
        details.put(AuditAction.PAYMENT_BATCH_SUBMIT, batch);
        details.put(AuditAction.PAYMENT_BATCH_APPROVE, batch);
        details.put(AuditAction.PAYMENT_BATCH_REJECT, new DetailShape("(.*)", m -> label("auditDetail.because", m.group(), m.group(1))));
        details.put(AuditAction.PAYMENT_BATCH_EXPORT, new DetailShape("lines (\\d+) total (\\S+) blocked (\\d+)",
                m -> label("auditDetail.paymentBatchExported", m.group(), m.group(1), m.group(2), m.group(3))));
        details.put(AuditAction.PAYMENT_RESULT, new DetailShape("paid (\\d+) failed (\\d+)",
                m -> label("auditDetail.paymentResults", m.group(), m.group(1), m.group(2))));
        details.put(AuditAction.CERTIFICATE_ISSUE, new DetailShape("([A-Z_]+) (\\d+): (\\S+)(?: \\.\\. (\\S+))?",
                m -> label("auditDetail.certificatesIssued", m.group(), label("certificateType." + m.group(1), m.group(1)),
                        m.group(2), m.group(3), m.group(4) == null ? m.group(3) : m.group(4))));
        details.put(AuditAction.CERTIFICATE_REVOKE, new DetailShape("(?s)(\\S+): (.*)",
                m -> label("auditDetail.certificateRevoked", m.group(), m.group(1), m.group(2))));
        details.put(AuditAction.CERTIFICATE_ACCESS, new DetailShape("not the caller's",
                m -> label("auditDetail.notTheCallersCertificate", m.group())));
    }

    public Locale locale() {
        return labels.getLocale();
    }

    /** {@code DECLARATION_SUBMIT} → 提交申报. */
    public String action(String stored) {
        return stored == null ? "" : label("auditAction." + stored, stored);
    }

    /** {@code declaration:107} → 申报 #107; {@code WEB}, a login's channel → 网页. */
    public String target(String stored) {
        if (stored == null) {
            return "";
        }
        Matcher m = TARGET.matcher(stored);
        return m.matches() ? label("auditTarget." + m.group(1), stored, m.group(2)) : label("auditTarget." + stored, stored);
    }

    /** {@code revision 2} of a submission → 第 2 版; a reason or a title as it was written. */
    public String detail(AuditEntryView entry) {
        String stored = entry.detail();
        AuditAction action = AuditAction.ofStored(entry.action());
        DetailShape shape = action == null ? null : details.get(action);
        if (stored == null || shape == null) {
            return stored == null ? "" : stored;
        }
        Matcher m = shape.shape().matcher(stored);
        return m.matches() ? shape.words().apply(m) : stored;
    }

    private String roles(String codes) {
        return Arrays.stream(codes.split(",")).filter(c -> !c.isEmpty()).map(c -> label("role." + c, c))
                .collect(Collectors.joining(listSeparator()));
    }

    private String listSeparator() {
        return "zh".equals(labels.getLocale().getLanguage()) ? "、" : ", ";
    }

    /** The label of {@code key} filled with {@code arguments}, or {@code otherwise} where there is no such label. */
    private String label(String key, String otherwise, Object... arguments) {
        try {
            String pattern = labels.getString(key);
            return arguments.length == 0 ? pattern : new MessageFormat(pattern, labels.getLocale()).format(arguments);
        } catch (MissingResourceException e) {
            return otherwise;
        }
    }
}
