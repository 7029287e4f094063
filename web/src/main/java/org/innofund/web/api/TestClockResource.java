package org.innofund.web.api;

import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.innofund.platform.clock.ClockAdministration;
import org.innofund.platform.clock.ClockAdministration.ClockView;

import java.time.Duration;

/**
 * The tests' clock (ADMIN), only where the test flag is on (innofund.test-clock, set by the tests' domain alone);
 * elsewhere the path answers 404 exactly as one that does not exist.
 */
@Path("test/clock")
@Tag(name = "test")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TestClockResource {

    @EJB
    private ClockAdministration clock;

    @GET
    @Operation(summary = "How far the server's clock runs ahead, and its time now (tests only)")
    public ClockView read() {
        requireMovable();
        return clock.read();
    }

    @PUT
    @Operation(summary = "Run the server's clock this far ahead, e.g. {\"offset\":\"P2D\"}; \"PT0S\" puts it back (tests only)")
    public ClockView move(Offset body) {
        requireMovable();
        return clock.moveTo(body == null ? null : body.offset());
    }

    private void requireMovable() {
        if (!clock.isMovable()) {
            throw new NotFoundException();
        }
    }

    public record Offset(Duration offset) {
    }
}
