package org.innofund.web.api;

import jakarta.ejb.EJB;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.innofund.project.application.ProjectTimeline;
import org.innofund.project.application.TimelineEntry;

import java.util.List;

/** 项目时间轴: every step of a project, newest first (the enterprise its own, without the bureau's internal notes). */
@Path("projects/{projectId}/timeline")
@Tag(name = "projects")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class TimelineResource {

    @EJB
    private ProjectTimeline timeline;

    @GET
    @Operation(summary = "State changes, decisions, evaluations, agreement steps and versions, reports and changes, newest first")
    public List<TimelineEntry> get(@PathParam("projectId") long projectId) {
        return timeline.of(projectId);
    }
}
