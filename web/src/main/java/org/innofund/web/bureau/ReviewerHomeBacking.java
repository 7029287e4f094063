package org.innofund.web.bureau;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import org.innofund.declaration.application.DeclarationSummary;
import org.innofund.declaration.application.FormalReview;
import org.innofund.declaration.domain.DeclarationState;
import org.innofund.evaluation.application.Assignments;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The reviewer's home: how many submitted declarations wait to be accepted, per call. */
@Named
@ViewScoped
public class ReviewerHomeBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    /** One call with work waiting. */
    public record Waiting(Long callId, String callTitle, int toAccept) implements Serializable {
    }

    @EJB
    private FormalReview review;

    @EJB
    private Assignments assignments;

    private List<Waiting> waiting;
    /** 逾期评估任务: every agency's, by the server's clock. */
    private long overdue;

    @PostConstruct
    void load() {
        Map<Long, Waiting> byCall = new LinkedHashMap<>();
        for (DeclarationSummary d : review.queue(null, DeclarationState.SUBMITTED, null)) {
            byCall.merge(d.callId(), new Waiting(d.callId(), d.callTitle(), 1),
                    (a, b) -> new Waiting(a.callId(), a.callTitle(), a.toAccept() + 1));
        }
        waiting = List.copyOf(byCall.values());
        overdue = assignments.overdueCount();
    }

    public List<Waiting> getWaiting() {
        return waiting;
    }

    public long getOverdue() {
        return overdue;
    }

    public int getTotal() {
        return waiting.stream().mapToInt(Waiting::toAccept).sum();
    }
}
