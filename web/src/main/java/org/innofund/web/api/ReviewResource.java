package org.innofund.web.api;

import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.innofund.declaration.application.DeclarationSummary;
import org.innofund.declaration.application.FormalReview;
import org.innofund.declaration.domain.DeclarationState;

import java.util.List;

/** 形式审查 through the API (REVIEWER): each decision names the version the reviewer saw. */
@Path("review/declarations")
@Tag(name = "review")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ReviewResource {

    @EJB
    private FormalReview review;

    @GET
    @Operation(summary = "Declarations past the draft stage, by call, state and enterprise")
    public List<DeclarationSummary> queue(@QueryParam("callId") Long callId, @QueryParam("state") DeclarationState state,
                                          @QueryParam("enterprise") String enterprise) {
        return review.queue(callId, state, enterprise);
    }

    @POST
    @Path("{id}/acceptance")
    @Operation(summary = "Accept (受理); 409 if the declaration changed since 'version'")
    public DeclarationSummary accept(@PathParam("id") long id, Decision body) {
        return review.accept(id, orEmpty(body).version());
    }

    @POST
    @Path("{id}/return")
    @Operation(summary = "Return for revision (退回修改) with a reason")
    public DeclarationSummary returnForRevision(@PathParam("id") long id, Decision body) {
        return review.returnForRevision(id, orEmpty(body).version(), orEmpty(body).reason());
    }

    @POST
    @Path("{id}/rejection")
    @Operation(summary = "Reject (不予受理) with a reason")
    public DeclarationSummary reject(@PathParam("id") long id, Decision body) {
        return review.reject(id, orEmpty(body).version(), orEmpty(body).reason());
    }

    /** No body is a decision without a version (and reason), which the service refuses naming what is missing. */
    private static Decision orEmpty(Decision body) {
        return body == null ? new Decision(null, null) : body;
    }

    public record Decision(Long version, String reason) {
    }
}
