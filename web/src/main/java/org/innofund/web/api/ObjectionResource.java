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
import org.innofund.project.application.ObjectionView;
import org.innofund.project.application.PublicNotices;
import org.innofund.web.api.ReviewResource.Decision;

import java.util.List;

/** 异议处理 (REVIEWER): the objections to publicity notices, each answered once with a reason on the version read. */
@Path("objections")
@Tag(name = "project")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ObjectionResource {

    @EJB
    private PublicNotices notices;

    @GET
    @Operation(summary = "Every objection, open ones first, with the objector's name and contact (bureau only)")
    public List<ObjectionView> list() {
        return notices.objections();
    }

    @POST
    @Path("{id}/dismissal")
    @Operation(summary = "不予采纳 with a reason; after the period's end the project is then PUBLICIZED if nothing else is open")
    public ObjectionView dismiss(@PathParam("id") long id, Decision body) {
        Decision d = body == null ? new Decision(null, null) : body;
        return notices.dismiss(id, d.version(), d.reason());
    }

    @POST
    @Path("{id}/upholding")
    @Operation(summary = "异议成立 with a reason: the project's approval is withdrawn (APPROVED → WITHDRAWN) with it")
    public ObjectionView uphold(@PathParam("id") long id, Decision body) {
        Decision d = body == null ? new Decision(null, null) : body;
        return notices.uphold(id, d.version(), d.reason());
    }
}
