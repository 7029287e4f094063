package org.innofund.web.api;

import jakarta.ejb.EJB;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.innofund.identity.application.CallerView;
import org.innofund.identity.application.CurrentUser;
import org.innofund.identity.domain.OrganisationKind;
import org.innofund.shared.BusinessException;

import java.util.Set;

@Path("me")
@Tag(name = "identity")
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {

    @EJB
    private CurrentUser currentUser;

    @GET
    @Operation(summary = "The authenticated user, roles and organisation")
    @SecurityRequirement(name = "bearer")
    public Me me() {
        CallerView c = currentUser.view().orElseThrow(() ->
                new BusinessException(BusinessException.Kind.UNAUTHENTICATED, "auth.required"));
        return new Me(c.username(), c.displayName(), c.roles(),
                new OrganisationRef(c.organisationId(), c.organisationName(), c.organisationKind(), c.organisationUscc()));
    }

    public record Me(String username, String displayName, Set<String> roles, OrganisationRef organisation) {
    }

    public record OrganisationRef(Long id, String name, OrganisationKind kind, String uscc) {
    }
}
