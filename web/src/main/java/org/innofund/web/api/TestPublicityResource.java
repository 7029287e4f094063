package org.innofund.web.api;

import jakarta.ejb.EJB;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.innofund.project.application.PublicityEndCheck;

import java.util.List;

/** The publicity period's end check run at once (ADMIN, tests only, as the test clock): what the timer does. */
@Path("test/publicity-end")
@Tag(name = "test")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class TestPublicityResource {

    @EJB
    private PublicityEndCheck check;

    @POST
    @Operation(summary = "Run the public notices' end check now, after moving the clock past a period (tests only)")
    public List<PublicityEndCheck.NoticeEnd> run() {
        return check.endDueForTests();
    }
}
