package org.innofund.web.bureau;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.innofund.declaration.application.DeclarationService;
import org.innofund.declaration.application.DeclarationService.ArchivedDeclaration;
import org.innofund.declaration.application.RevisionChanges;
import org.innofund.declaration.application.FormalReview;
import org.innofund.declaration.application.ReviewSheet;
import org.innofund.declaration.domain.DeclarationAction;
import org.innofund.web.shared.BusinessCall;
import org.innofund.web.shared.Feedback;
import org.omnifaces.cdi.Param;
import org.omnifaces.util.Faces;

import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One declaration for the formal check, and the reviewer's decision on it. The version read with the page is the
 * version decided on: if another reviewer decided in between, the service refuses and the page offers a reload.
 */
@Named
@ViewScoped
public class DeclarationReviewBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private DeclarationService declarations;

    @EJB
    private FormalReview review;

    @Inject
    @Param(name = "id")
    private Long id;

    private ReviewSheet sheet;
    private boolean stale;
    /** The submitted revisions, newest first, each with what changed from the one before. */
    private List<ArchivedDeclaration> revisions = List.of();
    private String reason;

    @PostConstruct
    void load() {
        if (id != null && BusinessCall.run(() -> sheet = review.sheet(id))) {
            stale = false;
            revisions = new ArrayList<>(declarations.archive(id));
            Collections.reverse(revisions);
        }
    }

    /** f:viewAction: what the reviewer may not read (a draft, another's) is simply not found, as in the API. */
    public void requireFound() throws IOException {
        if (sheet == null) {
            Faces.responseSendError(404, "");
        }
    }

    public void accept() {
        decide(() -> review.accept(id, getVersion()), "review.accepted");
    }

    public void returnForRevision() {
        decide(() -> review.returnForRevision(id, getVersion(), reason), "review.returned");
    }

    public void reject() {
        decide(() -> review.reject(id, getVersion(), reason), "review.rejected");
    }

    private void decide(Runnable decision, String doneLabel) {
        long version = getVersion();
        if (BusinessCall.run(decision)) {
            Feedback.info(doneLabel);
            reason = null;
            load();
        } else {
            // a refusal because someone else decided first: say so, stop offering the decision, offer a reload
            BusinessCall.run(() -> stale = declarations.get(id).summary().version() != version);
        }
    }

    public boolean isDecidable() {
        return sheet != null && !stale && sheet.declaration().summary().state().allowsAny(DeclarationAction.DECISIONS);
    }

    public Long getId() { return id; }
    public ReviewSheet getSheet() { return sheet; }
    public long getVersion() { return sheet.declaration().summary().version(); }
    public boolean isStale() { return stale; }
    public List<ArchivedDeclaration> getRevisions() { return revisions; }
    /** What changed in the revision under review, or null for a first submission. */
    public RevisionChanges getLatestChanges() { return revisions.isEmpty() ? null : revisions.get(0).changes(); }
    public String getReason() { return reason; }
    public void setReason(String v) { reason = v; }
}
