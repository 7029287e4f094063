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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.innofund.project.application.PublicNoticeView;
import org.innofund.project.application.PublicNotices;
import org.innofund.project.domain.ObjectionForm;
import org.innofund.shared.BusinessException;

import java.util.List;

/** 立项公示 for anyone, no login: the notices, and objections to their projects during the period. */
@Path("public/notices")
@Tag(name = "public")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class PublicNoticeResource {

    @EJB
    private PublicNotices notices;

    @GET
    @Operation(summary = "Current and past public notices of approved projects (no personal data, nothing not approved)")
    public List<PublicNoticeView> list() {
        return notices.publicList();
    }

    @POST
    @Path("{id}/objections")
    @Operation(summary = "Object to a project of the notice during its period: {projectId, name, contact, text}; 409 after "
            + "the period, 422 with every problem, 429 past the per-address limit. The objector is never shown publicly")
    public Response object(@PathParam("id") long id, ObjectionForm form) {
        if (form == null) {
            throw BusinessException.invalid("request.malformed");
        }
        return Response.status(Response.Status.CREATED).entity(notices.object(id, form)).build();
    }
}
