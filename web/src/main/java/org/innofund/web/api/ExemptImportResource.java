package org.innofund.web.api;

import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
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
import org.innofund.shared.BusinessException;
import org.innofund.shared.Messages;
import org.innofund.shared.Money;
import org.innofund.subsidy.application.ExemptImports;
import org.innofund.subsidy.application.RequestView;
import org.innofund.subsidy.domain.ExemptSheet;
import org.innofund.subsidy.infrastructure.ExemptFiles;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;

/**
 * 免申即享导入 through the API (REVIEWER): the template of a call (XLSX or CSV), the upload of the bureau's figures
 * (multipart, the part "file") taken all or nothing, with {@code ?dryRun=true} to check only, and the call's requests.
 */
@Path("calls/{id}/exempt-imports")
@Tag(name = "subsidy")
@SecurityRequirement(name = "bearer")
public class ExemptImportResource {

    @EJB
    private ExemptImports imports;

    @Context
    private HttpHeaders headers;

    @GET
    @Path("template")
    @Produces({ExemptFiles.XLSX, "text/csv"})
    @Operation(summary = "The call's import template: ?format=xlsx (default) or csv (UTF-8 with BOM)")
    public Response template(@PathParam("id") long callId, @QueryParam("format") String format) {
        boolean csv = "csv".equalsIgnoreCase(format);
        byte[] file = imports.template(callId, csv);
        return FileAnswers.file(out -> out.write(file), csv ? "text/csv; charset=UTF-8" : ExemptFiles.XLSX,
                csv ? "免申即享导入模板.csv" : "免申即享导入模板.xlsx", file.length);
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Import the bureau's figures (XLSX or CSV, UTF-8 or GBK): all taken or none; 422 with every bad "
            + "row and column; ?dryRun=true checks and counts who qualifies, storing nothing. A new import replaces the "
            + "unanswered requests of the previous one")
    @APIResponse(responseCode = "422", description = "Some row is bad: nothing stored", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "one bad cell", value = """
                    {"rows": 120, "enterprises": 0, "qualifying": 0, "total": 0.00, "stored": false, "replaced": 0,
                     "problems": [{"row": 7, "column": "rdExpenseTax", "code": "money.invalid",
                       "message": "金额 5200000.123 无效"}]}""")))
    public Response upload(@PathParam("id") long callId, @QueryParam("dryRun") boolean dryRun, List<EntityPart> parts)
            throws IOException {
        Locale locale = ApiErrors.locale(headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
        EntityPart file = (parts == null ? List.<EntityPart>of() : parts).stream()
                .filter(p -> "file".equals(p.getName())).findFirst()
                .orElseThrow(() -> BusinessException.invalid("exempt.fileMissing"));
        ExemptImports.Report r;
        try (InputStream content = file.getContent()) {
            r = imports.importFile(callId, content, dryRun);
        }
        List<Problem> problems = r.problems().stream().map(p -> new Problem(p.row(),
                p.column() == null ? null : p.column().code(), p.messageKey(),
                Messages.get(locale, p.messageKey(), p.arguments().toArray()))).toList();
        return Response.status(problems.isEmpty() ? 200 : 422).type(MediaType.APPLICATION_JSON)
                .entity(new Report(r.rows(), r.enterprises(), r.qualifying(), r.total(), r.stored(), r.replaced(), problems))
                .build();
    }

    @GET
    @Path("requests")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The call's confirmation requests (确认享受) of its imports and their states")
    public List<RequestView> requests(@PathParam("id") long callId) {
        return imports.requests(callId);
    }

    public record Report(int rows, int enterprises, int qualifying, Money total, boolean stored, int replaced,
                         List<Problem> problems) {
    }

    /** A bad cell by row and column code ({@link ExemptSheet.Column#code()}); both null for the whole file. */
    public record Problem(Integer row, String column, String code, String message) {
    }
}
