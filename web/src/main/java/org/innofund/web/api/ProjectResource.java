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
import org.innofund.project.application.ProjectDetail;
import org.innofund.project.application.ProjectSummary;
import org.innofund.project.application.Projects;
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

    @GET
    @Operation(summary = "Projects, the newest first: the enterprise's own, or all for the bureau; by call and state")
    public List<ProjectSummary> list(@QueryParam("callId") Long callId, @QueryParam("state") ProjectState state) {
        return projects.list(callId, state);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One project with every transition of its life (another enterprise's: 404)")
    public ProjectDetail get(@PathParam("id") long id) {
        return projects.get(id);
    }
}
