package org.innofund.web.api;

import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.innofund.identity.application.TokenService;
import org.innofund.shared.BusinessException;

import java.time.Instant;

@Path("tokens")
@Tag(name = "identity")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class TokenResource {

    @EJB
    private TokenService tokens;

    @POST
    @Operation(summary = "Issue a bearer token (valid 8 hours) for a user name and password; the login lockout applies.")
    @APIResponse(responseCode = "201", description = "The token, shown only now")
    @APIResponse(responseCode = "401", description = "Wrong credentials, locked or disabled account")
    public Response issue(TokenRequest request) {
        if (request == null || request.username() == null || request.password() == null) {
            throw BusinessException.invalid("validation.failed", "username, password");
        }
        TokenService.IssuedToken issued = tokens.issue(request.username(), request.password());
        return Response.status(Response.Status.CREATED).entity(new TokenResponse(issued.token(), issued.expiresAt())).build();
    }

    public record TokenRequest(String username, String password) {
    }

    public record TokenResponse(String token, Instant expiresAt) {
    }
}
