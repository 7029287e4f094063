package org.innofund.web.api;

import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.innofund.shared.BusinessException;
import org.innofund.subsidy.application.CalculationRuns;
import org.innofund.subsidy.application.PolicySandbox;
import org.innofund.subsidy.domain.SandboxComparison;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * 政策沙盘 through the API (REVIEWER, APPROVER): a call's calculation with changed parameters or budget beside the
 * call's own, nothing stored. The answer carries the totals, the counts per change and the distribution whole, and one
 * page of the enterprises (most affected first, filtered by change if asked); the export carries every enterprise.
 */
@Path("calls/{id}/sandbox")
@Tag(name = "calculation")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PolicySandboxResource {

    /** Lines in a page unless asked otherwise. */
    static final int DEFAULT_PAGE_SIZE = 100;

    private static final String EXAMPLE = """
            {"parameters": {"band1.rate": "0.07", "minExpense": "2500000.00"}, "budget": "8000000.00",
             "changes": ["GAINED", "LOST"], "page": 0, "size": 100}""";

    @EJB
    private PolicySandbox sandbox;

    @Context
    private HttpHeaders headers;

    @POST
    @Operation(summary = "Try changed rule parameters and/or budget on the call (REVIEWER, APPROVER): totals current vs "
            + "proposed (budget, demand, paid, factor, leftover, eligible), counts per change (GAINED, LOST, MORE, LESS, "
            + "SAME), the amount distribution in the same buckets for both, and one page of the enterprises (most "
            + "affected first; 'changes' filters, 'size' at most 500, default 100). Nothing is stored. 422 for an "
            + "unknown parameter or a value outside its range")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "a higher band-1 rate, a smaller budget", value = EXAMPLE)))
    public Answer compare(@PathParam("id") long callId, Trial body) {
        Trial trial = body == null ? new Trial(null, null, null, null, null) : body;
        int page = trial.page() == null ? 0 : trial.page();
        int size = trial.size() == null ? DEFAULT_PAGE_SIZE : trial.size();
        if (page < 0 || size < 1 || size > CalculationRuns.MAX_PAGE_SIZE) {
            throw BusinessException.invalid("request.malformed");
        }
        SandboxComparison c = sandbox.compare(callId, trial.parameters(), trial.budget());
        List<SandboxComparison.Line> lines = c.linesWith(trial.changes());
        int from = (int) Math.min(lines.size(), (long) page * size);
        return new Answer(c.current(), c.proposed(), c.counts(), c.buckets(), lines.size(), page, size,
                lines.subList(from, Math.min(lines.size(), from + size)));
    }

    @POST
    @Path("export")
    @Produces(EvaluationBatchResource.XLSX)
    @Operation(summary = "The same trial as XLSX in the Accept-Language (REVIEWER, APPROVER): totals, the changes asked, "
            + "the distribution, and every enterprise with both amounts. Nothing is stored")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "a higher band-1 rate", value = EXAMPLE)))
    public Response export(@PathParam("id") long callId, Trial body) {
        Trial trial = body == null ? new Trial(null, null, null, null, null) : body;
        byte[] xlsx = sandbox.export(callId, trial.parameters(), trial.budget(),
                ApiErrors.locale(headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE)));
        return FileAnswers.file(out -> out.write(xlsx), EvaluationBatchResource.XLSX, "政策沙盘-" + callId + ".xlsx",
                xlsx.length);
    }

    /** Parameters by stored name; budget null keeps the call's; changes, page and size only shape the answer's lines. */
    public record Trial(Map<String, BigDecimal> parameters, BigDecimal budget, List<SandboxComparison.Change> changes,
                        Integer page, Integer size) {
    }

    /** {@code lineCount}: the enterprises matching the filter, of which {@code lines} is page {@code page}. */
    public record Answer(SandboxComparison.Totals current, SandboxComparison.Totals proposed,
                         Map<SandboxComparison.Change, Integer> counts, List<SandboxComparison.Bucket> buckets,
                         int lineCount, int page, int size, List<SandboxComparison.Line> lines) {
    }
}
