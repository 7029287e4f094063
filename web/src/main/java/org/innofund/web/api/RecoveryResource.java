package org.innofund.web.api;

import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.innofund.payment.application.Recoverable;
import org.innofund.payment.application.Recoveries;
import org.innofund.payment.application.RecoveryDetail;
import org.innofund.payment.application.RecoveryPage;
import org.innofund.payment.application.RepaymentOutcome;
import org.innofund.payment.domain.RecoveryState;
import org.innofund.shared.Money;

import java.time.LocalDate;
import java.util.List;

/**
 * 追回 through the API: the bureau's list (an enterprise's own, the same address), a reviewer raising one, finance
 * recording repayments, an approver releasing the block on payments. Each change names the version it read. Delegation
 * only.
 */
@Path("recoveries")
@Tag(name = "recoveries")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RecoveryResource {

    @EJB
    private Recoveries recoveries;

    @GET
    @Operation(summary = "Recoveries, open ones first, the earliest due first: amount, repaid, outstanding, reason, due date, "
            + "origin, whether overdue (OPEN and due before the bureau's today) and whether it blocks payments. FINANCE, "
            + "APPROVER, REVIEWER see all (filter by state, overdue, enterprise name or credit code); an ENTERPRISE its "
            + "own. Page from 0, size up to 200")
    public RecoveryPage list(@QueryParam("state") RecoveryState state, @QueryParam("overdue") boolean overdue,
                             @QueryParam("enterprise") String enterprise, @QueryParam("page") @DefaultValue("0") int page,
                             @QueryParam("size") @DefaultValue("50") int size) {
        return recoveries.list(state, overdue, enterprise, page, size);
    }

    @GET
    @Path("recoverable")
    @Operation(summary = "Per call that paid the enterprise of the credit code: paid, asked back already, and what a new "
            + "recovery may still ask (REVIEWER)")
    public List<Recoverable> recoverable(@QueryParam("uscc") String uscc) {
        return recoveries.recoverable(uscc);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One recovery with its repayments; another enterprise's answers 404")
    public RecoveryDetail get(@PathParam("id") long id) {
        return recoveries.get(id);
    }

    @POST
    @Operation(summary = "Raise a recovery for an integrity violation (REVIEWER): the enterprise's credit code, the call, "
            + "the amount (at most what the enterprise was paid in the call less what was asked back there, else 422 "
            + "naming both), the reason, the due date (not past; 30 days from today if left out). Recorded in the "
            + "ledger (paid becomes receivable); 201")
    public Response raise(Raise body) {
        Raise r = body == null ? new Raise(null, null, null, null, null) : body;
        return Response.status(Response.Status.CREATED)
                .entity(recoveries.raise(r.uscc(), r.callId(), r.amount(), r.reason(), r.dueOn())).build();
    }

    @POST
    @Path("{id}/repayments")
    @Operation(summary = "Record a repayment (FINANCE): amount (more than 0.00, at most what is owed), the date received, "
            + "the bank's reference, and the recovery's version read (409 if stale). 201 when recorded; 200 with "
            + "alreadyRecorded when the reference was recorded for this recovery with the same amount and date (nothing "
            + "changes), 409 if with other figures. Settled once nothing is owed")
    public Response repay(@PathParam("id") long id, Repayment body) {
        Repayment p = body == null ? new Repayment(null, null, null, null) : body;
        RepaymentOutcome outcome = recoveries.repay(id, p.version(), p.amount(), p.receivedOn(), p.bankReference());
        return Response.status(outcome.alreadyRecorded() ? Response.Status.OK : Response.Status.CREATED)
                .entity(outcome).build();
    }

    @POST
    @Path("{id}/block-release")
    @Operation(summary = "Release an open recovery's block on payments to the enterprise (APPROVER), with a reason and the "
            + "version read; the debt stands. 409 if settled or released already, or changed since 'version'")
    public RecoveryDetail releaseBlock(@PathParam("id") long id, Release body) {
        Release r = body == null ? new Release(null, null) : body;
        return recoveries.releaseBlock(id, r.version(), r.reason());
    }

    public record Raise(String uscc, Long callId, Money amount, String reason, LocalDate dueOn) {
    }

    public record Repayment(Long version, Money amount, LocalDate receivedOn, String bankReference) {
    }

    public record Release(Long version, String reason) {
    }
}
