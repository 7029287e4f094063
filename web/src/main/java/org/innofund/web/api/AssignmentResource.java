package org.innofund.web.api;

import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.innofund.declaration.application.DeclarationDetail;
import org.innofund.evaluation.application.AssignmentView;
import org.innofund.evaluation.application.Assignments;
import org.innofund.evaluation.application.EvaluationView;
import org.innofund.evaluation.application.Evaluations;
import org.innofund.evaluation.domain.AssignmentState;
import org.innofund.evaluation.domain.Conclusion;
import org.innofund.evaluation.domain.EvaluationInput;
import org.innofund.evaluation.domain.ExpertSheet;
import org.innofund.shared.BusinessException;
import org.innofund.program.domain.EvaluationStage;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * 评估任务 through the API: the agency's own (AGENCY), its evaluation (draft, report, submission), and the reviewer's
 * assignment, reassignment and correction permission (REVIEWER). Delegation only: the rules are the services'.
 */
@Path("assignments")
@Tag(name = "evaluation")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AssignmentResource {

    @EJB
    private Assignments assignments;

    @EJB
    private Evaluations evaluations;

    private static final String DRAFT_EXAMPLE = """
            {"version": 3, "consolidated": false,
             "experts": [
              {"name": "王立", "title": "教授级高工", "employer": "宁波大学", "scores": [22, 21, 17, 13, 13]},
              {"name": "李敏", "title": "研究员", "employer": "中科院宁波材料所", "scores": [20, 20, 16, 12, 12]},
              {"name": "陈刚", "title": "高级工程师", "employer": "某检测中心", "scores": [24, 23, 18, 14, 14]},
              {"name": "赵云", "title": "副教授", "employer": "浙江工业大学", "scores": [10, 10, 8, 6, 6]},
              {"name": "周平", "title": "正高级会计师", "employer": "某会计师事务所", "scores": [25, 25, 20, 15, 15]}],
             "conclusion": {"verdict": "RECOMMEND", "recommendedAmount": "250000.00"},
             "opinion": "技术路线清晰，研发投入有保障，建议立项。"}""";

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
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = {
            @ExampleObject(name = "no conflict", value = "{\"version\": 0, \"conflict\": false}"),
            @ExampleObject(name = "conflict", value = "{\"version\": 0, \"conflict\": true, \"reason\": \"近三年曾为该企业提供咨询服务\"}")}))
    public AssignmentView declare(@PathParam("id") long id, ConflictDeclaration body) {
        ConflictDeclaration d = body == null ? new ConflictDeclaration(null, false, null) : body;
        return assignments.declareConflict(id, d.version(), d.conflict(), d.reason());
    }

    @POST
    @Operation(summary = "Assign accepted declarations to an agency for a stage (all or none; each refusal named)",
            description = "A MIDTERM or ACCEPTANCE evaluation is due on the day of assignment (Beijing time) plus the call's "
                    + "evaluationDays.MIDTERM / .ACCEPTANCE; dueOn is then not needed and not used. Other stages are due on dueOn.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "two declarations",
            value = "{\"declarationIds\": [107, 108], \"stage\": \"APPROVAL\", \"agencyId\": 13, \"dueOn\": \"2026-06-30\"}")))
    public List<AssignmentView> assign(Assignment body) {
        Assignment a = body == null ? new Assignment(null, null, null, null) : body;
        return assignments.assign(a.declarationIds(), a.stage(), a.agencyId(), a.dueOn());
    }

    @POST
    @Path("{id}/reassignment")
    @Operation(summary = "Reassign (改派) to another agency with a reason; the old assignment is kept")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "reassignment",
            value = "{\"version\": 2, \"agencyId\": 14, \"dueOn\": \"2026-07-15\", \"reason\": \"原机构申请回避\"}")))
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

    @PUT
    @Path("{id}/evaluation")
    @Operation(summary = "Save the evaluation's draft (AGENCY, after no conflict): the experts' sheets (scores in the call's "
            + "indicator order), the stage's conclusion, the opinion; total, grade and dispersion are computed. A draft may be "
            + "incomplete; what is given must be right (422 naming each field). 'version' is the assignment's (409 if stale)")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "five experts, approval of a PRE_APPROVED project", value = DRAFT_EXAMPLE)))
    public EvaluationView draft(@PathParam("id") long id, Draft body) {
        if (body == null) {
            throw BusinessException.invalid("request.malformed");
        }
        return evaluations.draft(id, body.version(), body.input());
    }

    @POST
    @Path("{id}/evaluation/report")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Upload the evaluation report (a PDF recognised by its content, at most 20 MB) with the 'version' "
            + "read (AGENCY); replaces the draft's earlier report")
    public EvaluationView report(@PathParam("id") long id, @FormParam("version") String version,
                                 @FormParam("file") EntityPart file) throws IOException {
        if (file == null || version == null || !version.strip().matches("\\d{1,18}")) {
            throw BusinessException.invalid("request.malformed");
        }
        try (InputStream content = file.getContent()) {
            return evaluations.attachReport(id, Long.valueOf(version.strip()),
                    MultipartFileNames.repair(file.getFileName().orElse(null)), content);
        }
    }

    @POST
    @Path("{id}/evaluation/submission")
    @Operation(summary = "Submit the evaluation (AGENCY): final; everything must be there (422 naming each missing field)")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "submission", value = "{\"version\": 5}")))
    public EvaluationView submit(@PathParam("id") long id, VersionOnly body) {
        return evaluations.submit(id, body == null ? null : body.version());
    }

    @POST
    @Path("{id}/correction-permission")
    @Operation(summary = "Allow a correction of the submitted evaluation with a reason (REVIEWER): a new version, the old kept")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "correction", value = "{\"version\": 6, \"reason\": \"专家姓名有误，请更正\"}")))
    public EvaluationView allowCorrection(@PathParam("id") long id, Correction body) {
        if (body == null) {
            throw BusinessException.invalid("request.malformed");
        }
        return evaluations.allowCorrection(id, body.version(), body.reason());
    }

    @GET
    @Path("{id}/evaluation")
    @Operation(summary = "The newest version of the evaluation, with every version listed (the agency's own after no "
            + "conflict, any for the reviewer)")
    public EvaluationView evaluation(@PathParam("id") long id) {
        return evaluations.current(id);
    }

    @GET
    @Path("{id}/evaluation/versions")
    @Operation(summary = "Every version of the evaluation; the newest submitted one counts")
    public List<EvaluationView.VersionView> versions(@PathParam("id") long id) {
        return evaluations.versions(id);
    }

    @GET
    @Path("{id}/evaluation/report")
    @Produces({"application/pdf", MediaType.APPLICATION_JSON})
    @Operation(summary = "The report PDF of the newest version, or of ?version=n (each version keeps its own)")
    public Response reportFile(@PathParam("id") long id, @QueryParam("version") Integer version) {
        EvaluationView.ReportView report = evaluations.report(id, version);
        return FileAnswers.file(out -> evaluations.downloadReport(id, version, out), "application/pdf", report.name(), report.size());
    }

    /** The draft as JSON: the expert sheets flattened (name, title, employer, scores). */
    public record Draft(Long version, Boolean consolidated, List<Expert> experts, Conclusion conclusion, String opinion) {
        EvaluationInput input() {
            List<ExpertSheet> sheets = experts == null ? List.of() : experts.stream().map(e -> e == null
                    ? new ExpertSheet(new ExpertSheet.Expert(null, null, null), List.of())
                    : new ExpertSheet(new ExpertSheet.Expert(e.name(), e.title(), e.employer()),
                    e.scores() == null ? List.of() : e.scores())).toList();
            return new EvaluationInput(sheets, Boolean.TRUE.equals(consolidated), conclusion, opinion);
        }
    }

    public record Expert(String name, String title, String employer, List<BigDecimal> scores) {
    }

    public record Correction(Long version, String reason) {
    }

    public record VersionOnly(Long version) {
    }

    public record ConflictDeclaration(Long version, boolean conflict, String reason) {
    }

    public record Assignment(List<Long> declarationIds, EvaluationStage stage, Long agencyId, LocalDate dueOn) {
    }

    public record Reassignment(Long version, Long agencyId, LocalDate dueOn, String reason) {
    }
}
