package org.innofund.shared.event;

/**
 * Every action the audit trail records, one per {@link DomainEvent} type. The name is what is stored (and hashed) in
 * the trail, so a name is never changed once released; the pages show a label per name in both languages.
 */
public enum AuditAction {
    LOGIN,
    LOGOUT,
    TOKEN_ISSUE,
    REGISTER,
    ORGANISATION_CREATE,
    ORGANISATION_EDIT,
    USER_CREATE,
    USER_DISABLE,
    USER_ENABLE,
    USER_PASSWORD_RESET,
    USER_UNLOCK,
    USER_EDIT,
    PROGRAM_CREATE,
    CALL_CREATE,
    CALL_REVISE,
    CALL_PARAMETER,
    CALL_ATTACHMENTS,
    CALL_TEMPLATE,
    CALL_PUBLISH,
    CALL_RETURN,
    CALL_NOTICE,
    DECLARATION_START,
    DECLARATION_SAVE,
    DECLARATION_SUBMIT,
    DECLARATION_WITHDRAW,
    DECLARATION_DELETE,
    ATTACHMENT_UPLOAD,
    ATTACHMENT_WITHDRAW,
    DECLARATION_ACCEPT,
    DECLARATION_RETURN,
    DECLARATION_REJECT,
    DECLARATION_ACCESS,
    ASSIGNMENT_CREATE,
    ASSIGNMENT_CONFLICT_DECLARATION,
    ASSIGNMENT_REASSIGN,
    ASSIGNMENT_ACCESS,
    RELATIONSHIP_RECORD,
    AGENCY_REGISTER,
    AGENCY_EDIT,
    AGENCY_SUSPEND,
    AGENCY_RESUME,
    EVALUATION_REPORT,
    EVALUATION_SUBMIT,
    EVALUATION_CORRECTION,
    APPROVAL_LIST_DRAFT,
    APPROVAL_LIST_SUBMIT,
    APPROVAL_LIST_APPROVE,
    APPROVAL_LIST_RETURN,
    PROJECT_ACCESS,
    AGREEMENT_DRAFT,
    AGREEMENT_SUBMIT,
    AGREEMENT_RETURN,
    AGREEMENT_CONFIRM,
    PROGRESS_REPORT,
    PROJECT_CHANGE,
    INTEGRITY_ADD,
    INTEGRITY_END,
    DATABASE_BACKUP,
    AUDIT_VERIFY,
    AUDIT_EXPORT,
    NOTICE_PUBLISH,
    OBJECTION_FILE,
    OBJECTION_DISMISS,
    OBJECTION_UPHOLD,
    NOTICE_END,
    CALCULATION_RUN_START,
    CALCULATION_RUN_APPROVE,
    PROVIDER_REGISTER,
    PROVIDER_EDIT,
    PROVIDER_SUSPEND,
    CONTROLLER_RECORD,
    EXEMPT_IMPORT,
    EXEMPT_CONFIRM,
    PAYEE_ACCOUNT_CHANGE,
    PAYEE_HOLD_RELEASE,
    PAYEE_ACCOUNT_ACCESS;

    /** The action of a stored name, or null for a name this version does not know. */
    public static AuditAction ofStored(String name) {
        for (AuditAction a : values()) {
            if (a.name().equals(name)) {
                return a;
            }
        }
        return null;
    }
}
