package org.innofund.project.domain;

import org.innofund.program.domain.SubsidyKind;
import org.innofund.shared.BusinessException;

import java.util.EnumMap;
import java.util.Map;

import static org.innofund.project.domain.ProjectAction.COMPLETE_MIDTERM;
import static org.innofund.project.domain.ProjectAction.CONTRACT;
import static org.innofund.project.domain.ProjectAction.DRAFT_AGREEMENT;
import static org.innofund.project.domain.ProjectAction.FAIL_ACCEPTANCE;
import static org.innofund.project.domain.ProjectAction.OBJECT;
import static org.innofund.project.domain.ProjectAction.PASS_ACCEPTANCE;
import static org.innofund.project.domain.ProjectAction.PUBLICIZE;
import static org.innofund.project.domain.ProjectAction.REPORT_PROGRESS;
import static org.innofund.project.domain.ProjectAction.START;
import static org.innofund.project.domain.ProjectAction.WITHDRAW;

/**
 * Where a project (项目) stands, and the one table of what each state allows (DOMAIN.md): the entity's guards, the
 * services, the API and the pages all ask it. An action that leads back to its own state (an objection, a draft of the
 * agreement, a progress report) is allowed without a transition; every other one is a transition, recorded.
 * <p>
 * The post-subsidy kinds (RD_INVESTMENT, REWARD, SHARED_SERVICE) have no project phase: for them the approved list is
 * the list of enterprises whose verified figures go on to the rule engine, and the project stops at PUBLICIZED. That is
 * the guard of {@link #allows(ProjectAction, SubsidyKind)}: the table's project-phase actions are refused for them.
 */
public enum ProjectState {
    /** 已立项: the approval list was approved; the public notice runs. */
    APPROVED,
    /** 公示结束: the notice period ended without an upheld objection. */
    PUBLICIZED,
    /** 已签订任务书 */
    CONTRACTED,
    /** 实施中 */
    IN_PROGRESS,
    /** 中期评估完成 */
    MIDTERM_DONE,
    /** 验收通过 */
    ACCEPTED_DONE,
    /** 验收不通过 */
    FAILED,
    /** 已撤销立项: an objection was upheld. */
    WITHDRAWN;

    private static final Map<ProjectState, Map<ProjectAction, ProjectState>> LIFECYCLE = new EnumMap<>(Map.of(
            APPROVED, Map.of(OBJECT, APPROVED, PUBLICIZE, PUBLICIZED, WITHDRAW, WITHDRAWN),
            PUBLICIZED, Map.of(DRAFT_AGREEMENT, PUBLICIZED, CONTRACT, CONTRACTED),
            CONTRACTED, Map.of(START, IN_PROGRESS, REPORT_PROGRESS, CONTRACTED),
            IN_PROGRESS, Map.of(REPORT_PROGRESS, IN_PROGRESS, COMPLETE_MIDTERM, MIDTERM_DONE),
            MIDTERM_DONE, Map.of(REPORT_PROGRESS, MIDTERM_DONE, PASS_ACCEPTANCE, ACCEPTED_DONE,
                    FAIL_ACCEPTANCE, FAILED),
            ACCEPTED_DONE, Map.of(),
            FAILED, Map.of(),
            WITHDRAWN, Map.of()));

    static {
        if (LIFECYCLE.size() != values().length) {
            throw new ExceptionInInitializerError("a project state without its row in the lifecycle table");
        }
    }

    /** Whether this state allows the action for a project of the kind (the project phase is PRE_APPROVED's alone). */
    public boolean allows(ProjectAction action, SubsidyKind kind) {
        return LIFECYCLE.get(this).containsKey(action) && (!action.projectPhase() || kind == SubsidyKind.PRE_APPROVED);
    }

    /** Refuses (409, with the message naming the state; the kind's own message for the project phase) what is not allowed. */
    public void require(ProjectAction action, SubsidyKind kind) {
        if (!LIFECYCLE.get(this).containsKey(action)) {
            throw BusinessException.conflict(action.refusalKey(), this);
        }
        if (!allows(action, kind)) {
            throw BusinessException.conflict("project.noProjectPhase", kind);
        }
    }

    /** The state the action leads to from here; refused as {@link #require} does. */
    public ProjectState after(ProjectAction action, SubsidyKind kind) {
        require(action, kind);
        return LIFECYCLE.get(this).get(action);
    }

    /** Whether nothing more can happen to the project. */
    public boolean isFinal() {
        return LIFECYCLE.get(this).isEmpty();
    }
}
