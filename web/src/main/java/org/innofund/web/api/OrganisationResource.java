package org.innofund.web.api;

import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.innofund.identity.application.OrganisationProfile;
import org.innofund.identity.application.OrganisationProfiles;
import org.innofund.identity.application.ProfileChange;
import org.innofund.shared.BusinessException;

/**
 * 单位信息 over the API: the organisation {@code GET /me} names, read and corrected by its own users. Another
 * organisation's id is not found (404).
 */
@Path("organisations")
@Tag(name = "identity")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class OrganisationResource {

    @EJB
    private OrganisationProfiles profiles;

    @GET
    @Path("{id}")
    @Operation(summary = "The caller's own organisation with its users (ENTERPRISE); another's is 404")
    public OrganisationProfile get(@PathParam("id") long id) {
        return profiles.profile(id);
    }

    @PUT
    @Path("{id}")
    @Operation(summary = "Change address, legal representative and contact at the version read (ENTERPRISE); name and USCC are the bureau's")
    public OrganisationProfile change(@PathParam("id") long id, ProfileChange body) {
        if (body == null) {
            throw BusinessException.invalid("request.malformed");
        }
        return profiles.change(id, body);
    }
}
