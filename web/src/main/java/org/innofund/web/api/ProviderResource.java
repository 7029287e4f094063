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
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.innofund.shared.BusinessException;
import org.innofund.subsidy.application.ControllerView;
import org.innofund.subsidy.application.ProviderForm;
import org.innofund.subsidy.application.ProviderView;
import org.innofund.subsidy.application.Providers;
import org.innofund.subsidy.application.SuspensionForm;

import java.util.List;

/** 服务机构库 (REVIEWER): the providers of SHARED_SERVICE and the enterprises' actual controllers. */
@Path("providers")
@Tag(name = "providers")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ProviderResource {

    @EJB
    private Providers providers;

    @GET
    @Operation(summary = "Every provider with its status today (PUBLICITY, LISTED, SUSPENDED) and its suspensions")
    public List<ProviderView> list() {
        return providers.list();
    }

    @POST
    @Operation(summary = "Register a provider {uscc, name, local, controller}: listed 7 days after today; 409 if its "
            + "USCC is registered already")
    public Response register(ProviderForm form) {
        return Response.status(Response.Status.CREATED).entity(providers.register(required(form))).build();
    }

    @PUT
    @Path("{id}")
    @Operation(summary = "Correct name, local and controller {name, local, controller, version}; 409 if changed since")
    public ProviderView edit(@PathParam("id") long id, ProviderForm form) {
        return providers.edit(id, required(form));
    }

    @POST
    @Path("{id}/suspensions")
    @Operation(summary = "Suspend {from, until, reason, version} (dates included, from today on): its invoices of those "
            + "days do not count")
    public ProviderView suspend(@PathParam("id") long id, SuspensionForm form) {
        return providers.suspend(id, required(form));
    }

    @PUT
    @Path("controllers/{uscc}")
    @Operation(summary = "Record an enterprise's actual controller {controller, version (when correcting)}")
    public ControllerView recordController(@PathParam("uscc") String uscc, ControllerForm form) {
        ControllerForm body = required(form);
        return providers.recordController(uscc, body.controller(), body.version());
    }

    @GET
    @Path("controllers/{uscc}")
    @Operation(summary = "An enterprise's recorded actual controller; 404 if none")
    public ControllerView controller(@PathParam("uscc") String uscc) {
        return providers.controller(uscc).orElseThrow(() -> BusinessException.notFound("provider.controllerNotFound", uscc));
    }

    private static <T> T required(T body) {
        if (body == null) {
            throw BusinessException.invalid("request.malformed");
        }
        return body;
    }

    public record ControllerForm(String controller, Long version) {
    }
}
