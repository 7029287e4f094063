package org.innofund.web.api;

import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.innofund.declaration.application.DeclarationDetail;
import org.innofund.evaluation.application.AssignmentView;
import org.innofund.evaluation.application.Assignments;
import org.innofund.evaluation.domain.AssignmentState;
import org.innofund.program.domain.EvaluationStage;

import java.time.LocalDate;
import java.util.List;

/** 评估任务 through the API: the agency's own (AGENCY) and the reviewer's assignment and reassignment (REVIEWER). */
@Path("assignments")
@Tag(name = "evaluation")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AssignmentResource {

    @EJB
    private Assignments assignments;

    @GET
    @Operation(summary = "The agency's assignments, by state and stage")
    public List<AssignmentView> mine(@QueryParam("state") AssignmentState state, @QueryParam("stage") EvaluationStage stage) {
        return assignments.mine(state, stage);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One assignment (the enterprise's name and the project's title; no content)")
    public AssignmentView get(@PathParam("id") long id) {
        return assignments.get(id);
    }

    @GET
    @Path("{id}/declaration")
    @Operation(summary = "The declaration behind the assignment, as last submitted; 404 until no conflict is declared")
    public DeclarationDetail declaration(@PathParam("id") long id) {
        return assignments.declaration(id);
    }

    @POST
    @Path("{id}/conflict-declaration")
    @Operation(summary = "回避声明: no conflict (the fixed statement) or a conflict with its reason; 409 if stale")
    public AssignmentView declare(@PathParam("id") long id, ConflictDeclaration body) {
        ConflictDeclaration d = body == null ? new ConflictDeclaration(null, false, null) : body;
        return assignments.declareConflict(id, d.version(), d.conflict(), d.reason());
    }

    @POST
    @Operation(summary = "Assign accepted declarations to an agency for a stage (all or none; each refusal named)")
    public List<AssignmentView> assign(Assignment body) {
        Assignment a = body == null ? new Assignment(null, null, null, null) : body;
        return assignments.assign(a.declarationIds(), a.stage(), a.agencyId(), a.dueOn());
    }

    @POST
    @Path("{id}/reassignment")
    @Operation(summary = "Reassign (改派) to another agency with a reason; the old assignment is kept")
    public AssignmentView reassign(@PathParam("id") long id, Reassignment body) {
        Reassignment r = body == null ? new Reassignment(null, null, null, null) : body;
        return assignments.reassign(id, r.version(), r.agencyId(), r.dueOn(), r.reason());
    }

    @GET
    @Path("overdue-count")
    @Operation(summary = "Open assignments past their due date: the agency's own, or all for the reviewer")
    public long overdue() {
        return assignments.overdueCount();
    }

    public record ConflictDeclaration(Long version, boolean conflict, String reason) {
    }

    public record Assignment(List<Long> declarationIds, EvaluationStage stage, Long agencyId, LocalDate dueOn) {
    }

    public record Reassignment(Long version, Long agencyId, LocalDate dueOn, String reason) {
    }
}
