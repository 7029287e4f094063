package org.innofund.web.bureau;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonStructure;
import jakarta.json.JsonWriter;
import jakarta.json.stream.JsonGenerator;
import org.innofund.declaration.application.AttachmentView;
import org.innofund.declaration.application.DeclarationDetail;
import org.innofund.declaration.application.DeclarationService;
import org.innofund.declaration.application.FormalReview;
import org.innofund.declaration.domain.DeclarationAction;
import org.innofund.declaration.domain.DeclarationContent;
import org.innofund.web.shared.BusinessCall;
import org.innofund.web.shared.Feedback;
import org.omnifaces.cdi.Param;

import java.io.Serializable;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One declaration for the formal check, and the reviewer's decision on it. The version read with the page is the
 * version decided on: if another reviewer decided in between, the service refuses and the page offers a reload.
 */
@Named
@ViewScoped
public class DeclarationReviewBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    /** One submitted revision as stored, pretty-printed. */
    public record Revision(int number, String json) implements Serializable {
    }

    @EJB
    private DeclarationService declarations;

    @EJB
    private FormalReview review;

    @Inject
    @Param(name = "id")
    private Long id;

    private DeclarationDetail detail;
    private long version;
    private boolean stale;
    private List<Revision> revisions = List.of();
    private String reason;

    @PostConstruct
    void load() {
        if (id == null) {
            return;
        }
        if (BusinessCall.run(() -> detail = declarations.get(id))) {
            version = detail.summary().version();
            stale = false;
            revisions = new ArrayList<>();
            declarations.revisions(id).forEach((n, json) -> revisions.add(new Revision(n, pretty(json))));
        }
    }

    /** f:viewAction: what the reviewer may not read (a draft, another's) is simply not found, as in the API. */
    public void requireFound() throws java.io.IOException {
        if (detail == null) {
            jakarta.faces.context.FacesContext faces = jakarta.faces.context.FacesContext.getCurrentInstance();
            faces.getExternalContext().responseSendError(404, "");
            faces.responseComplete();
        }
    }

    public void accept() {
        decide(() -> review.accept(id, version), "review.accepted");
    }

    public void returnForRevision() {
        decide(() -> review.returnForRevision(id, version, reason), "review.returned");
    }

    public void reject() {
        decide(() -> review.reject(id, version, reason), "review.rejected");
    }

    private void decide(Runnable decision, String doneLabel) {
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
        return detail != null && !stale && detail.summary().state().allowsAny(DeclarationAction.DECISIONS);
    }

    /** The budget by category, one column per source (summed in {@link DeclarationContent}). */
    public List<DeclarationContent.BudgetRow> getBudgetRows() {
        return content().budgetByCategory();
    }

    /** Whether a (not withdrawn) file is attached for a requirement of the call. */
    public boolean attached(String requirement) {
        return detail.attachments().stream().anyMatch(a -> !a.withdrawn() && requirement.equals(a.requirement()));
    }

    public String downloadPath(AttachmentView a) {
        return "/files/declarations/" + id + "/attachments/" + a.id();
    }

    public String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return String.format(java.util.Locale.ROOT, "%.1f KB", bytes / 1024.0);
        }
        return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }

    private DeclarationContent content() {
        return detail.content() == null ? DeclarationContent.empty() : detail.content();
    }

    private static String pretty(String json) {
        try {
            JsonStructure structure = Json.createReader(new StringReader(json)).read();
            StringWriter out = new StringWriter();
            try (JsonWriter writer = Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true)).createWriter(out)) {
                writer.write(structure);
            }
            return out.toString().strip();
        } catch (RuntimeException e) {
            return json;
        }
    }

    public Long getId() { return id; }
    public DeclarationDetail getDetail() { return detail; }
    public long getVersion() { return version; }
    public boolean isStale() { return stale; }
    public List<Revision> getRevisions() { return revisions; }
    public String getReason() { return reason; }
    public void setReason(String v) { reason = v; }
}
