package org.innofund.web.api;

import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.innofund.project.application.ApprovalListView;
import org.innofund.project.application.ApprovalLists;
import org.innofund.project.domain.Proposal;
import org.innofund.shared.BusinessException;

import java.util.List;

/**
 * 立项建议名单 through the API, one version by its id: the reviewer changes a draft and submits it; an approver who did
 * not prepare it approves it (which creates the projects) or sends it back with a reason. Every change and decision
 * names the list's version as read. Drawing a list up is {@link CallApprovalListResource}'s. Delegation only.
 */
@Path("approval-lists")
@Tag(name = "approval")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ApprovalListResource {

    @EJB
    private ApprovalLists lists;

    @GET
    @Path("{id}")
    @Operation(summary = "One version of an approval list (REVIEWER, APPROVER)")
    public ApprovalListView get(@PathParam("id") long id) {
        return lists.get(id);
    }

    @PUT
    @Path("{id}")
    @Operation(summary = "Change a draft list's decisions (REVIEWER), checked as when drawn up; 409 if it changed since 'version'")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "revised draft",
            value = "{\"version\": 1, \"lines\": [{\"declarationId\": 1201, \"proposed\": true, \"amount\": \"250000.00\"}]}")))
    public ApprovalListView revise(@PathParam("id") long id, Lines body) {
        return lists.revise(id, body == null ? null : body.version(), linesOf(body));
    }

    @POST
    @Path("{id}/submission")
    @Operation(summary = "Submit a draft list to the approvers (REVIEWER)")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "submission", value = "{\"version\": 2}")))
    public ApprovalListView submit(@PathParam("id") long id, Decision body) {
        return lists.submit(id, orEmpty(body).version());
    }

    @POST
    @Path("{id}/approval")
    @Operation(summary = "Approve a submitted list (APPROVER, never its preparer: 403 approvalList.approverIsPreparer); "
            + "creates a project (APPROVED) for each proposed line")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "approval", value = "{\"version\": 3}")))
    public ApprovalListView approve(@PathParam("id") long id, Decision body) {
        return lists.approve(id, orEmpty(body).version());
    }

    @POST
    @Path("{id}/return")
    @Operation(summary = "Send a submitted list back with a reason (APPROVER, never its preparer); it is kept, and the "
            + "reviewer draws up the next version")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "return", value = "{\"version\": 3, \"reason\": \"请按预算压缩第 3 名的金额\"}")))
    public ApprovalListView returnList(@PathParam("id") long id, Decision body) {
        return lists.returnList(id, orEmpty(body).version(), orEmpty(body).reason());
    }

    static List<Proposal> linesOf(Lines body) {
        if (body == null || body.lines() == null) {
            throw BusinessException.invalid("request.malformed");
        }
        return body.lines();
    }

    /** No body is a decision without a version (and reason), which the service refuses naming what is missing. */
    private static Decision orEmpty(Decision body) {
        return body == null ? new Decision(null, null) : body;
    }

    /** The reviewer's decisions, one per candidate; {@code version}: the draft's as read (a new list has none). */
    public record Lines(Long version, List<Proposal> lines) {
    }

    public record Decision(Long version, String reason) {
    }
}
