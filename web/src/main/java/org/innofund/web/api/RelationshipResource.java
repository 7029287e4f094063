package org.innofund.web.api;

import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.innofund.evaluation.application.Agencies;
import org.innofund.evaluation.application.RelationshipView;
import org.innofund.evaluation.domain.RelationshipKind;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** 关联关系 between an agency and an enterprise, recorded by the reviewer (REVIEWER). */
@Path("relationships")
@Tag(name = "evaluation")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RelationshipResource {

    @EJB
    private Agencies agencies;

    @GET
    @Operation(summary = "Every recorded tie, the newest first, with both sides' names and who recorded it")
    public List<RelationshipView> list() {
        return agencies.relationships();
    }

    @POST
    @Operation(summary = "Record a tie (shareholding, same controller, consulting contract) with its source and date")
    public Map<String, Long> record(Tie body) {
        Tie t = body == null ? new Tie(null, null, null, null, null) : body;
        return Map.of("id", agencies.recordRelationship(t.agencyId(), t.enterpriseId(), t.kind(), t.source(), t.since()));
    }

    public record Tie(Long agencyId, Long enterpriseId, RelationshipKind kind, String source, LocalDate since) {
    }
}
