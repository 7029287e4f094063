package org.innofund.project.domain;

import org.innofund.shared.BusinessException;

import java.util.EnumMap;
import java.util.Map;

import static org.innofund.project.domain.AgreementAction.CONFIRM_BY_ENTERPRISE;
import static org.innofund.project.domain.AgreementAction.CONFIRM_BY_REVIEWER;
import static org.innofund.project.domain.AgreementAction.EDIT;
import static org.innofund.project.domain.AgreementAction.FOLLOW_UP;
import static org.innofund.project.domain.AgreementAction.RETURN;
import static org.innofund.project.domain.AgreementAction.SUBMIT;

/** Where a task agreement (任务书) stands, and the one table of what each state allows and where it leads. */
public enum AgreementState {
    /** 草稿: the enterprise writes it (prefilled from its declaration). */
    DRAFT,
    /** 待审核: with the reviewer. */
    SUBMITTED,
    /** 退回修改: back to the enterprise with the reviewer's reason. */
    RETURNED,
    /** 业务科室已确认: waits for the enterprise's own confirmation. */
    CONFIRMED_BY_REVIEWER,
    /** 已签订: both confirmed; the project is contracted. Changes come as change requests, each a new version. */
    SIGNED;

    private static final Map<AgreementState, Map<AgreementAction, AgreementState>> LIFECYCLE = new EnumMap<>(Map.of(
            DRAFT, Map.of(EDIT, DRAFT, SUBMIT, SUBMITTED),
            SUBMITTED, Map.of(RETURN, RETURNED, CONFIRM_BY_REVIEWER, CONFIRMED_BY_REVIEWER),
            RETURNED, Map.of(EDIT, RETURNED, SUBMIT, SUBMITTED),
            CONFIRMED_BY_REVIEWER, Map.of(CONFIRM_BY_ENTERPRISE, SIGNED),
            SIGNED, Map.of(FOLLOW_UP, SIGNED)));

    static {
        if (LIFECYCLE.size() != values().length) {
            throw new ExceptionInInitializerError("an agreement state without its row in the lifecycle table");
        }
    }

    public boolean allows(AgreementAction action) {
        return LIFECYCLE.get(this).containsKey(action);
    }

    /** Refuses (409, with the action's message) what this state does not allow. */
    public void require(AgreementAction action) {
        if (!allows(action)) {
            throw BusinessException.conflict(action.refusalKey(), this);
        }
    }

    public AgreementState after(AgreementAction action) {
        require(action);
        return LIFECYCLE.get(this).get(action);
    }
}
