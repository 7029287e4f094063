package org.innofund.project.domain;

import org.innofund.shared.BusinessException;

import java.util.EnumMap;
import java.util.Map;

/**
 * Where an objection (异议) to a publicity notice stands, and the one table of what each state allows: the reviewer
 * answers an open objection once, by dismissing it or upholding it, each with a reason.
 */
public enum ObjectionState {
    /** 待处理 */
    OPEN,
    /** 不予采纳: the project goes on (to PUBLICIZED once the period is over and nothing else is open). */
    DISMISSED,
    /** 异议成立: the project's approval is withdrawn. */
    UPHELD;

    /** What the reviewer may do with an objection. */
    public enum Action {
        DISMISS, UPHOLD
    }

    private static final Map<ObjectionState, Map<Action, ObjectionState>> LIFECYCLE = new EnumMap<>(Map.of(
            OPEN, Map.of(Action.DISMISS, DISMISSED, Action.UPHOLD, UPHELD),
            DISMISSED, Map.of(),
            UPHELD, Map.of()));

    static {
        if (LIFECYCLE.size() != values().length) {
            throw new ExceptionInInitializerError("an objection state without its row in the lifecycle table");
        }
    }

    public boolean allows(Action action) {
        return LIFECYCLE.get(this).containsKey(action);
    }

    /** The state the action leads to; refused (409, "already answered") from a state that does not allow it. */
    public ObjectionState after(Action action) {
        if (!allows(action)) {
            throw BusinessException.conflict("objection.answered", this);
        }
        return LIFECYCLE.get(this).get(action);
    }
}
