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
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.innofund.subsidy.application.CalculationRuns;
import org.innofund.subsidy.application.RunView;

import java.util.List;

/**
 * A call's calculation runs (核定) through the API: start the next version (REVIEWER) and list them. A run's lines and
 * its approval are {@link CalculationRunResource}'s. Delegation only.
 */
@Path("calls/{id}/calculation-runs")
@Tag(name = "calculation")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CallCalculationRunResource {

    @EJB
    private CalculationRuns runs;

    @POST
    @Operation(summary = "Run the calculation over the call (REVIEWER): every enterprise of the call's inputs by its kind's "
            + "rules, the yearly cap and the budget's pro-rata; stored as the call's next version, a preview until "
            + "approved (201). 409 while the call is a draft")
    public Response start(@PathParam("id") long callId) {
        return Response.status(Response.Status.CREATED).entity(runs.start(callId)).build();
    }

    @GET
    @Operation(summary = "Every run of the call, the newest first, with its totals against the budget (REVIEWER, APPROVER)")
    public List<RunView> ofCall(@PathParam("id") long callId) {
        return runs.ofCall(callId);
    }
}
