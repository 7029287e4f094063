package org.innofund.web.project;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.innofund.project.application.ApprovalListView;
import org.innofund.project.application.ApprovalLists;
import org.innofund.project.domain.ApprovalListState;
import org.innofund.web.shared.BusinessCall;
import org.innofund.web.shared.Feedback;
import org.omnifaces.cdi.Param;

import java.io.Serializable;

/**
 * 立项审批 (?list=): the approver reads a submitted approval list and approves it (which creates the projects) or sends
 * it back with a reason. The decision names the version the page read; the four-eyes rule is the service's.
 */
@Named
@ViewScoped
public class ApproverApprovalBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private ApprovalLists lists;

    @Inject
    @Param(name = "list")
    private Long listId;

    private ApprovalListView list;
    private String reason;

    @PostConstruct
    void load() {
        if (listId != null) {
            BusinessCall.run(() -> list = lists.get(listId));
        }
    }

    /** 批准 (the confirmation was asked first). */
    public void approve() {
        if (BusinessCall.run(() -> list = lists.approve(list.id(), list.version()))) {
            Feedback.info("approval.approved", list.callTitle(), list.proposedCount());
        }
    }

    /** 退回: the reason was checked by the dialog before the question was asked. */
    public void sendBack() {
        if (BusinessCall.run(() -> list = lists.returnList(list.id(), list.version(), reason))) {
            Feedback.info("approval.returned", list.callTitle());
            reason = null;
        }
    }

    public boolean isDecidable() {
        return list != null && list.state() == ApprovalListState.SUBMITTED;
    }

    public ApprovalListView getList() { return list; }
    public String getReason() { return reason; }
    public void setReason(String reason) { this.reason = reason; }
}
