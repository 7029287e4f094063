package org.innofund.web.api;

import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.innofund.project.application.AgreementView;
import org.innofund.project.application.TaskAgreements;
import org.innofund.project.domain.AgreementContent;
import org.innofund.project.domain.ChangeKind;
import org.innofund.shared.BusinessException;
import org.innofund.shared.UploadedFile;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * 任务书 through the API: the enterprise drafts, saves (PUT with the version read), submits and finally confirms; the
 * reviewer returns or confirms; progress reports and change requests once signed. Another enterprise's project: 404.
 */
@Path("projects/{projectId}/agreement")
@Tag(name = "projects")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AgreementResource {

    private static final String CONTENT = """
            {"goals": "研制新一代伺服电机并实现小批量试产", "periodStart": "2027-01-01", "periodEnd": "2027-12-31",
             "targets": [{"name": "发明专利申请", "value": 3, "unit": "件"}],
             "budget": [{"category": "EQUIPMENT", "source": "SUBSIDY", "amount": "200000.00"},
                        {"category": "MATERIALS", "source": "SUBSIDY", "amount": "100000.00"},
                        {"category": "LABOUR", "source": "SELF_FUNDED", "amount": "500000.00"}],
             "milestones": [{"title": "样机完成", "dueOn": "2027-06-30", "midterm": true},
                            {"title": "小批量试产", "dueOn": "2027-12-31", "midterm": false}]}""";

    @EJB
    private TaskAgreements agreements;

    @GET
    @Operation(summary = "The project's task agreement with its reports and change requests (404 while none was drafted)")
    public AgreementView get(@PathParam("projectId") long projectId) {
        AgreementView view = agreements.get(projectId);
        if (view == null) {
            throw BusinessException.notFound("agreement.notFound", projectId);
        }
        return view;
    }

    @POST
    @Operation(summary = "Start the draft (ENTERPRISE), prefilled from the declaration; 'version' is the project's")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "start", value = "{\"version\": 3}")))
    public Response start(@PathParam("projectId") long projectId, Decision body) {
        return Response.status(Response.Status.CREATED).entity(agreements.start(projectId, orEmpty(body).version())).build();
    }

    @PUT
    @Operation(summary = "Save the draft (ENTERPRISE) on the version read; 409 if it changed since")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "draft", value = "{\"version\": 0, \"content\": " + CONTENT + "}")))
    public AgreementView save(@PathParam("projectId") long projectId, Draft body) {
        if (body == null || body.content() == null) {
            throw BusinessException.invalid("request.malformed");
        }
        return agreements.save(projectId, body.version(), body.content());
    }

    @POST
    @Path("submission")
    @Operation(summary = "Submit (ENTERPRISE); 422 naming every field wrong, e.g. 'budget' when the subsidy part is not the approved amount")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "submit", value = "{\"version\": 1}")))
    public AgreementView submit(@PathParam("projectId") long projectId, Decision body) {
        return agreements.submit(projectId, orEmpty(body).version());
    }

    @POST
    @Path("return")
    @Operation(summary = "Return for revision (REVIEWER) with a reason")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "return", value = "{\"version\": 2, \"reason\": \"里程碑过于笼统\"}")))
    public AgreementView returnForRevision(@PathParam("projectId") long projectId, Decision body) {
        return agreements.returnForRevision(projectId, orEmpty(body).version(), orEmpty(body).reason());
    }

    @POST
    @Path("reviewer-confirmation")
    @Operation(summary = "Confirm (REVIEWER); then the enterprise confirms")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "confirm", value = "{\"version\": 2}")))
    public AgreementView confirmByReviewer(@PathParam("projectId") long projectId, Decision body) {
        return agreements.confirmByReviewer(projectId, orEmpty(body).version());
    }

    @POST
    @Path("enterprise-confirmation")
    @Operation(summary = "Confirm (ENTERPRISE): signed as version 1; the project is CONTRACTED, then IN_PROGRESS")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "confirm", value = "{\"version\": 3}")))
    public AgreementView confirmByEnterprise(@PathParam("projectId") long projectId, Decision body) {
        return agreements.confirmByEnterprise(projectId, orEmpty(body).version());
    }

    @POST
    @Path("reports")
    @Operation(summary = "Report progress against a milestone (ENTERPRISE), once per milestone")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "report",
            value = "{\"milestoneNo\": 1, \"text\": \"样机已完成并通过内部测试\", \"figures\": \"专利申请 2 件\"}")))
    public AgreementView report(@PathParam("projectId") long projectId, Report body) {
        if (body == null || body.milestoneNo() == null) {
            throw BusinessException.invalid("request.malformed");
        }
        return agreements.report(projectId, body.milestoneNo(), body.text(), body.figures());
    }

    @POST
    @Path("reports")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Report progress with files (ENTERPRISE): parts 'milestoneNo', 'text', 'figures' and 0 to 5 "
            + "'files' (PDFs recognised by their content, at most 20 MB each); 422 for any other file, nothing stored")
    public AgreementView reportWithFiles(@PathParam("projectId") long projectId, List<EntityPart> parts) throws IOException {
        Map<String, String> fields = new HashMap<>();
        List<UploadedFile> files = new ArrayList<>();
        List<InputStream> open = new ArrayList<>();
        try {
            for (EntityPart p : parts == null ? List.<EntityPart>of() : parts) {
                if ("files".equals(p.getName())) {
                    InputStream content = p.getContent();
                    open.add(content);
                    files.add(new UploadedFile(MultipartFileNames.repair(p.getFileName().orElse(null)), content));
                } else {
                    try (InputStream in = p.getContent()) {
                        // text parts as UTF-8 whatever the client declares, as form posts are read
                        fields.put(p.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
                    }
                }
            }
            String milestoneNo = fields.get("milestoneNo");
            if (milestoneNo == null || !milestoneNo.strip().matches("\\d{1,3}")) {
                throw BusinessException.invalid("request.malformed");
            }
            return agreements.report(projectId, Integer.parseInt(milestoneNo.strip()), fields.get("text"),
                    fields.get("figures"), files);
        } finally {
            for (InputStream in : open) {
                in.close();
            }
        }
    }

    @GET
    @Path("reports/files/{fileId}")
    @Produces({"application/pdf", MediaType.APPLICATION_JSON})
    @Operation(summary = "A progress report's file (whoever may read the project; another enterprise's: 404)")
    public Response reportFile(@PathParam("projectId") long projectId, @PathParam("fileId") long fileId) {
        AgreementView.ReportFile file = agreements.reportFile(projectId, fileId);
        return FileAnswers.file(out -> agreements.downloadReportFile(projectId, fileId, out), "application/pdf",
                file.name(), file.size());
    }

    @POST
    @Path("changes")
    @Operation(summary = "Ask for a change (ENTERPRISE): the whole agreement as it would read, its kind and the reason")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "extension",
            value = "{\"version\": 4, \"kind\": \"PERIOD_EXTENDED\", \"reason\": \"设备到货延迟\", \"proposed\": "
                    + CONTENT + "}")))
    public AgreementView askChange(@PathParam("projectId") long projectId, ChangeAsked body) {
        if (body == null || body.proposed() == null) {
            throw BusinessException.invalid("request.malformed");
        }
        return agreements.askChange(projectId, body.version(), body.kind(), body.proposed(), body.reason());
    }

    @POST
    @Path("changes/{changeId}/decision")
    @Operation(summary = "Decide a change (REVIEWER): approve (the agreement's next version) or reject with a reason")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = {
            @ExampleObject(name = "approve", value = "{\"version\": 0, \"approve\": true}"),
            @ExampleObject(name = "reject", value = "{\"version\": 0, \"approve\": false, \"reason\": \"指标不得降低\"}")}))
    public AgreementView decideChange(@PathParam("projectId") long projectId, @PathParam("changeId") long changeId,
                                      ChangeDecision body) {
        if (body == null || body.approve() == null) {
            throw BusinessException.invalid("request.malformed");
        }
        return agreements.decideChange(projectId, changeId, body.version(), body.approve(), body.reason());
    }

    private static Decision orEmpty(Decision body) {
        return body == null ? new Decision(null, null) : body;
    }

    public record Decision(Long version, String reason) {
    }

    public record Draft(Long version, AgreementContent content) {
    }

    public record Report(Integer milestoneNo, String text, String figures) {
    }

    public record ChangeAsked(Long version, ChangeKind kind, String reason, AgreementContent proposed) {
    }

    public record ChangeDecision(Long version, Boolean approve, String reason) {
    }
}
