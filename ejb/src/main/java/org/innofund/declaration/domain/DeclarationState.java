package org.innofund.declaration.domain;

import org.innofund.shared.BusinessException;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

import static org.innofund.declaration.domain.DeclarationAction.ACCEPT;
import static org.innofund.declaration.domain.DeclarationAction.ATTACH_FILE;
import static org.innofund.declaration.domain.DeclarationAction.DELETE;
import static org.innofund.declaration.domain.DeclarationAction.EDIT;
import static org.innofund.declaration.domain.DeclarationAction.REJECT;
import static org.innofund.declaration.domain.DeclarationAction.RETURN;
import static org.innofund.declaration.domain.DeclarationAction.SUBMIT;
import static org.innofund.declaration.domain.DeclarationAction.WITHDRAW;
import static org.innofund.declaration.domain.DeclarationAction.WITHDRAW_FILE;

/**
 * Where a declaration stands in its life (DOMAIN.md), and the one table of what each state allows: the entity's
 * guards, the services, the API and the pages all ask it. Evaluation and approval add their states and rows here.
 */
public enum DeclarationState {
    /** 草稿 */
    DRAFT,
    /** 已提交 */
    SUBMITTED,
    /** 已受理 */
    ACCEPTED,
    /** 退回修改 */
    RETURNED,
    /** 不予受理 */
    REJECTED,
    /**
     * 已撤回: taken back by the enterprise before the reviewer decided. Like a returned declaration it is the
     * enterprise's to revise and resubmit (a state of its own, not DRAFT: it keeps its receipt number and revisions,
     * and a draft is what was never submitted and may still be deleted).
     */
    WITHDRAWN;

    /** Each state's allowed actions and the state each leads to (an action that changes no state leads to its own). */
    private static final Map<DeclarationState, Map<DeclarationAction, DeclarationState>> LIFECYCLE = new EnumMap<>(Map.of(
            DRAFT, Map.of(EDIT, DRAFT, ATTACH_FILE, DRAFT, WITHDRAW_FILE, DRAFT, SUBMIT, SUBMITTED, DELETE, DRAFT),
            SUBMITTED, Map.of(ACCEPT, ACCEPTED, RETURN, RETURNED, REJECT, REJECTED, WITHDRAW, WITHDRAWN),
            ACCEPTED, Map.of(),
            RETURNED, Map.of(EDIT, RETURNED, ATTACH_FILE, RETURNED, WITHDRAW_FILE, RETURNED, SUBMIT, SUBMITTED),
            REJECTED, Map.of(),
            WITHDRAWN, Map.of(EDIT, WITHDRAWN, ATTACH_FILE, WITHDRAWN, WITHDRAW_FILE, WITHDRAWN, SUBMIT, SUBMITTED)));

    static {
        if (LIFECYCLE.size() != values().length) {
            throw new ExceptionInInitializerError("a declaration state without its row in the lifecycle table");
        }
    }

    public boolean allows(DeclarationAction action) {
        return LIFECYCLE.get(this).containsKey(action);
    }

    /** Refuses (409, with the action's message) what this state does not allow. */
    public void require(DeclarationAction action) {
        if (!allows(action)) {
            throw BusinessException.conflict(action.refusalKey(), this);
        }
    }

    /** The state the action leads to from here; refused as {@link #require} does. */
    public DeclarationState after(DeclarationAction action) {
        require(action);
        return LIFECYCLE.get(this).get(action);
    }

    /** Whether any of the actions is allowed (the review page offers the formal check's decisions together). */
    public boolean allowsAny(Set<DeclarationAction> actions) {
        return actions.stream().anyMatch(this::allows);
    }
}
