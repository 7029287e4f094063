package org.innofund.web.api;

import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.innofund.identity.application.CallerView;
import org.innofund.identity.application.EnterpriseRegistration;
import org.innofund.identity.application.Registration;
import org.innofund.shared.BusinessException;

@Path("registrations")
@Tag(name = "identity")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class RegistrationResource {

    @EJB
    private Registration registration;

    @POST
    @Operation(summary = "Register an enterprise (USCC checked per GB 32100-2015) with its first user")
    public Response register(EnterpriseRegistration form) {
        if (form == null) {
            throw BusinessException.invalid("request.malformed");
        }
        CallerView created = registration.registerEnterprise(form);
        return Response.status(Response.Status.CREATED).entity(new MeResource.Me(created.username(), created.displayName(),
                created.roles(), new MeResource.OrganisationRef(created.organisationId(), created.organisationName(),
                created.organisationKind(), created.organisationUscc()))).build();
    }
}
