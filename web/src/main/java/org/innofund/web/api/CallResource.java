package org.innofund.web.api;

import jakarta.ejb.EJB;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.innofund.program.application.CallCatalog;
import org.innofund.program.application.CallDetail;
import org.innofund.program.application.CallSummary;

import java.util.List;

@Path("calls")
@Tag(name = "calls")
@Produces(MediaType.APPLICATION_JSON)
public class CallResource {

    @EJB
    private CallCatalog catalog;

    @GET
    @Operation(summary = "Published calls that have not closed yet (public)")
    public List<CallSummary> currentCalls() {
        return catalog.currentCalls();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "A published call with its guide, limits, required attachments and scoring template (public)")
    public CallDetail call(@PathParam("id") long id) {
        return catalog.publishedCall(id);
    }
}
