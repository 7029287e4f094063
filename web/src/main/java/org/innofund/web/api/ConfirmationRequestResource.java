package org.innofund.web.api;

import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.innofund.subsidy.application.ConfirmationRequests;
import org.innofund.subsidy.application.RequestView;

import java.util.List;

/** 确认享受 through the API (ENTERPRISE): its own requests by its USCC, and its answer on the version it read. */
@Path("confirmation-requests")
@Tag(name = "subsidy")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ConfirmationRequestResource {

    @EJB
    private ConfirmationRequests requests;

    @GET
    @Operation(summary = "The caller's confirmation requests: amount, explanation, state (EXPIRED once the call closed)")
    public List<RequestView> mine() {
        return requests.mine();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One request; another enterprise's answers 404")
    public RequestView get(@PathParam("id") long id) {
        return requests.get(id);
    }

    @POST
    @Path("{id}/confirmation")
    @Operation(summary = "Confirm (确认享受) with the bank account: the account name is the registered company name, "
            + "the number 8 to 32 digits; 409 if answered already, changed since 'version', or the call has closed")
    public RequestView confirm(@PathParam("id") long id, Confirmation body) {
        Confirmation c = body == null ? new Confirmation(null, null, null, null) : body;
        return requests.confirm(id, c.version(), c.accountName(), c.accountNumber(), c.bankName());
    }

    @POST
    @Path("{id}/declination")
    @Operation(summary = "Decline (放弃) the amount")
    public RequestView decline(@PathParam("id") long id, Decision body) {
        return requests.decline(id, body == null ? null : body.version());
    }

    public record Confirmation(Long version, String accountName, String accountNumber, String bankName) {
    }

    public record Decision(Long version) {
    }
}
