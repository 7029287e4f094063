package org.innofund.web.api;

import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.innofund.project.application.ApprovalCandidates;
import org.innofund.project.application.ApprovalListView;
import org.innofund.project.application.ApprovalLists;

import java.util.List;

/**
 * A call's 立项建议名单 through the API: its ranked candidates, every version of its list, and drawing up the next one
 * (REVIEWER). The decisions on a version are {@link ApprovalListResource}'s. Delegation only: the rules are the services'.
 */
@Path("calls/{id}/approval-lists")
@Tag(name = "approval")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CallApprovalListResource {

    private static final String PROPOSAL_EXAMPLE = """
            {"lines": [
              {"declarationId": 1201, "proposed": true, "amount": "280000.00"},
              {"declarationId": 1187, "proposed": true, "amount": "150000.00"},
              {"declarationId": 1240, "proposed": false, "reason": "立项评估得分低于 60 分，不予立项"}]}""";

    @EJB
    private ApprovalLists lists;

    @GET
    @Path("candidates")
    @Operation(summary = "The call's candidates ranked by APPROVAL score (ties: earlier submission first), its budget and "
            + "its lists so far (REVIEWER)")
    public ApprovalCandidates candidates(@PathParam("id") long callId) {
        return lists.candidates(callId);
    }

    @GET
    @Operation(summary = "Every version of the call's approval list, the newest first (REVIEWER, APPROVER)")
    public List<ApprovalListView> ofCall(@PathParam("id") long callId) {
        return lists.ofCall(callId);
    }

    @POST
    @Operation(summary = "Draw up the call's approval list (REVIEWER): a decision for every candidate, the amounts at most "
            + "the requested subsidy and the agency's recommendation, their total at most the budget (422 with every "
            + "problem); after a list was sent back, the next version; 409 while a list of the call is live")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "two proposed, one not", value = PROPOSAL_EXAMPLE)))
    public Response propose(@PathParam("id") long callId, ApprovalListResource.Lines body) {
        return Response.status(Response.Status.CREATED).entity(lists.propose(callId, ApprovalListResource.linesOf(body))).build();
    }
}
