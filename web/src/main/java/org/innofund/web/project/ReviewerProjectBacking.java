package org.innofund.web.project;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import org.innofund.project.application.AgreementView;
import org.innofund.project.domain.AgreementAction;
import org.innofund.project.domain.ChangeState;

/** The reviewer's project page: the agreement read-only, returned or confirmed; change requests decided. */
@Named
@ViewScoped
public class ReviewerProjectBacking extends ProjectPage {

    private static final long serialVersionUID = 1L;

    public void returnForRevision() {
        act(() -> agreements.returnForRevision(getId(), agreementVersion(), getReason()), "agreement.returnedDone");
    }

    public void confirm() {
        act(() -> agreements.confirmByReviewer(getId(), agreementVersion()), "agreement.reviewerConfirmed");
    }

    public void approve(AgreementView.Change change) {
        act(() -> agreements.decideChange(getId(), change.id(), change.version(), true, null), "change.approved");
    }

    public void reject(AgreementView.Change change) {
        act(() -> agreements.decideChange(getId(), change.id(), change.version(), false, getReason()), "change.rejected");
    }

    public boolean isDecidable() {
        return getAgreement() != null && getAgreement().state().allows(AgreementAction.CONFIRM_BY_REVIEWER);
    }

    /** The change request waiting for a decision, if there is one. */
    public AgreementView.Change getOpenChange() {
        return getAgreement() == null ? null : getAgreement().changes().stream()
                .filter(c -> c.state() == ChangeState.REQUESTED).findFirst().orElse(null);
    }
}
