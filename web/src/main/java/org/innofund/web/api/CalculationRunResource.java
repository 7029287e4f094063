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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.innofund.subsidy.application.CalculationRuns;
import org.innofund.subsidy.application.LineOrder;
import org.innofund.subsidy.application.RunPage;
import org.innofund.subsidy.application.RunView;

/** One calculation run through the API: read with a page of its lines, and its approval (APPROVER). Delegation only. */
@Path("calculation-runs/{id}")
@Tag(name = "calculation")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CalculationRunResource {

    @EJB
    private CalculationRuns runs;

    @GET
    @Operation(summary = "The run with one page of its lines (page from 0, size up to 500), each with its amounts, reasons "
            + "and explanation steps in Chinese and English; sort POSITION, NAME, USCC, AMOUNT_DESC, AMOUNT_ASC or "
            + "ELIGIBLE (REVIEWER, APPROVER)")
    public RunPage run(@PathParam("id") long runId, @QueryParam("page") @DefaultValue("0") int page,
                       @QueryParam("size") @DefaultValue("50") int size, @QueryParam("sort") LineOrder sort) {
        return runs.run(runId, page, size, sort);
    }

    @POST
    @Path("approval")
    @Operation(summary = "Approve the run (APPROVER, never whoever ran it: 403): only the call's newest run, carrying the "
            + "version read (409 if it changed); freezes it and supersedes the run approved before")
    public RunView approve(@PathParam("id") long runId, Approval body) {
        return runs.approve(runId, body == null ? null : body.version());
    }

    public record Approval(Long version) {
    }
}
