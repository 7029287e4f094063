package org.innofund.web.api;

import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.innofund.evaluation.application.EvaluationBatches;
import org.innofund.shared.BusinessException;
import org.innofund.shared.Messages;
import org.innofund.shared.UploadedFile;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * 批量上传评估 through the API (AGENCY): the template, the upload (multipart: the part "workbook" and the report PDFs
 * as parts "files", several or one ZIP) with {@code ?dryRun=true}, and the row report as a workbook.
 */
@Path("evaluations/batch")
@Tag(name = "evaluation")
@SecurityRequirement(name = "bearer")
public class EvaluationBatchResource {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @EJB
    private EvaluationBatches batches;

    @Context
    private HttpHeaders headers;

    @GET
    @Path("template")
    @Produces(XLSX)
    @Operation(summary = "The XLSX template pre-filled with the agency's open assignments (those to declare listed apart)")
    public Response template() {
        byte[] xlsx = batches.template();
        return FileAnswers.file(out -> out.write(xlsx), XLSX, "评估批量上传模板.xlsx", xlsx.length);
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Upload evaluations in bulk: all taken or none; 422 with every bad row and cell; ?dryRun=true checks only")
    @APIResponse(responseCode = "422", description = "Some row is bad: nothing stored", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "one bad cell", value = """
                    {"rows": 1000, "evaluations": 200, "accepted": 199, "stored": false, "problems": [
                      {"sheet": "评分表", "row": 1000, "cell": "I1000", "code": "evaluation.scoreRange",
                       "message": "指标“技术与产品先进性”的得分 26 无效，应在 0–25 分之间。"}]}""")))
    @APIResponse(responseCode = "413", description = "Above the batch limit (64 MB of reports), refused before it is read")
    public Response upload(@QueryParam("dryRun") boolean dryRun, List<EntityPart> parts) throws IOException {
        Locale locale = ApiErrors.locale(headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
        EvaluationBatches.Report r = withParts(parts, (workbook, files) -> batches.upload(workbook, files, dryRun));
        List<Problem> problems = r.problems().stream().map(p -> new Problem(p.sheet(), p.row(), p.cell(), p.messageKey(),
                Messages.get(locale, p.messageKey(), p.arguments().toArray()))).toList();
        return Response.status(problems.isEmpty() ? 200 : 422).type(MediaType.APPLICATION_JSON)
                .entity(new Report(r.rows(), r.evaluations(), r.accepted(), r.stored(), problems)).build();
    }

    @POST
    @Path("report")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(XLSX)
    @Operation(summary = "The row report of the same upload as XLSX: bad cells filled and commented, an error column; stores nothing")
    public Response report(List<EntityPart> parts) throws IOException {
        Locale locale = ApiErrors.locale(headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
        byte[] xlsx = withParts(parts, (workbook, files) -> batches.markedReport(workbook, files, locale));
        return FileAnswers.file(out -> out.write(xlsx), XLSX, "评估批量上传报告.xlsx", xlsx.length);
    }

    private interface Call<T> {
        T apply(InputStream workbook, List<UploadedFile> files);
    }

    /** The parts' streams straight to the service, the workbook apart from the reports; all closed afterwards. */
    private static <T> T withParts(List<EntityPart> parts, Call<T> call) throws IOException {
        InputStream workbook = null;
        List<UploadedFile> files = new ArrayList<>();
        List<InputStream> open = new ArrayList<>();
        try {
            for (EntityPart p : parts == null ? List.<EntityPart>of() : parts) {
                InputStream content = p.getContent();
                open.add(content);
                if ("workbook".equals(p.getName())) {
                    if (workbook != null) {
                        throw BusinessException.invalid("request.malformed");
                    }
                    workbook = content;
                } else if ("files".equals(p.getName())) {
                    files.add(new UploadedFile(MultipartFileNames.repair(p.getFileName().orElse(null)), content));
                }
            }
            return call.apply(workbook, files);
        } finally {
            for (InputStream in : open) {
                in.close();
            }
        }
    }

    public record Report(int rows, int evaluations, int accepted, boolean stored, List<Problem> problems) {
    }

    /** A bad cell, by sheet, row and cell (row numbers repeat from sheet to sheet); all three null for a file. */
    public record Problem(String sheet, Integer row, String cell, String code, String message) {
    }
}
