package org.innofund.web.api;

import jakarta.ejb.EJB;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.innofund.project.application.DueEvaluation;
import org.innofund.project.application.ProjectDetail;
import org.innofund.project.application.ProjectSummary;
import org.innofund.project.application.Projects;
import org.innofund.project.application.TaskAgreements;
import org.innofund.project.domain.ProjectState;

import java.util.List;

/** 项目 through the API: an enterprise reads its own, the bureau all; another enterprise's project answers 404. */
@Path("projects")
@Tag(name = "project")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class ProjectResource {

    @EJB
    private Projects projects;

    @EJB
    private TaskAgreements agreements;

    @GET
    @Operation(summary = "Projects, the newest first: the enterprise's own, or all for the bureau; by call and state")
    public List<ProjectSummary> list(@QueryParam("callId") Long callId, @QueryParam("state") ProjectState state) {
        return projects.list(callId, state);
    }

    @GET
    @Path("evaluations-due")
    @Operation(summary = "For the reviewer: running projects whose MIDTERM or ACCEPTANCE evaluation has come (the midterm "
            + "milestone's date or the period's end has passed, by the server's clock) and is not assigned yet")
    public List<DueEvaluation> evaluationsDue() {
        return agreements.evaluationsDue();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One project with every transition of its life (another enterprise's: 404)")
    public ProjectDetail get(@PathParam("id") long id) {
        return projects.get(id);
    }
}
