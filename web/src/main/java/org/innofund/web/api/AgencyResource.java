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
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.innofund.declaration.domain.ProjectField;
import org.innofund.evaluation.application.AgencyAdministration;
import org.innofund.evaluation.application.AgencyRegistration;
import org.innofund.evaluation.application.AgencyView;
import org.innofund.shared.BusinessException;

import java.util.List;
import java.util.Set;

/** 第三方评估机构: registered, corrected, suspended and resumed by the admin (ADMIN); listed for the reviewer too. */
@Path("agencies")
@Tag(name = "evaluation")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AgencyResource {

    @EJB
    private AgencyAdministration agencies;

    @GET
    @Operation(summary = "Every agency with its fields and whether it is suspended (ADMIN; REVIEWER without the contact)")
    public List<AgencyView> list() {
        return agencies.list();
    }

    @POST
    @Operation(summary = "Register an agency with its qualification, fields, contact and first AGENCY users (all or nothing)")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "agency", value = """
            {"name": "宁波第三方科技评估有限公司", "uscc": "91330200MA2AGY0016", "qualification": "科技评估机构甲级资质",
             "fields": ["SMART_APPLIANCES", "AUTOMOTIVE"], "contactName": "陈主任", "contactPhone": "0574-87654321",
             "users": [{"username": "chenping", "displayName": "陈评估", "password": "an initial password"}]}""")))
    public Response register(AgencyRegistration body) {
        if (body == null) {
            throw BusinessException.invalid("request.malformed");
        }
        return Response.status(Response.Status.CREATED).entity(agencies.register(body)).build();
    }

    @PUT
    @Path("{id}")
    @Operation(summary = "Correct the qualification, fields and contact on the version read (409 if changed since)")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "edit", value = """
            {"version": 0, "qualification": "科技评估机构甲级资质", "fields": ["SMART_APPLIANCES"],
             "contactName": "陈主任", "contactPhone": "0574-87654321"}""")))
    public AgencyView edit(@PathParam("id") long id, Edit body) {
        Edit e = body == null ? new Edit(null, null, null, null, null) : body;
        return agencies.edit(id, e.version(), e.qualification(), e.fields(), e.contactName(), e.contactPhone());
    }

    @POST
    @Path("{id}/suspension")
    @Operation(summary = "暂停: no new assignment while suspended, with the reason; on the version read")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "suspension",
            value = "{\"version\": 1, \"reason\": \"评估报告质量经核查不合格\"}")))
    public AgencyView suspend(@PathParam("id") long id, Suspension body) {
        Suspension s = body == null ? new Suspension(null, null) : body;
        return agencies.suspend(id, s.version(), s.reason());
    }

    @POST
    @Path("{id}/resumption")
    @Operation(summary = "恢复: the agency can be assigned again; on the version read")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "resumption",
            value = "{\"version\": 2}")))
    public AgencyView resume(@PathParam("id") long id, Resumption body) {
        return agencies.resume(id, body == null ? null : body.version());
    }

    public record Edit(Long version, String qualification, Set<ProjectField> fields, String contactName, String contactPhone) {
    }

    public record Suspension(Long version, String reason) {
    }

    public record Resumption(Long version) {
    }
}
