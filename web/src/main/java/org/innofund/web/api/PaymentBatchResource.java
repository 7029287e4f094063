package org.innofund.web.api;

import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
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
import org.innofund.payment.application.BankResult;
import org.innofund.payment.application.BatchChange;
import org.innofund.payment.application.BatchPage;
import org.innofund.payment.application.BatchView;
import org.innofund.payment.application.BlockView;
import org.innofund.payment.application.PayableFilter;
import org.innofund.payment.application.PayablePage;
import org.innofund.payment.application.PaymentBatches;
import org.innofund.payment.application.ResultReport;
import org.innofund.payment.application.TreasuryExport;
import org.innofund.payment.domain.BankResultFile;
import org.innofund.payment.domain.PaymentBatchState;
import org.innofund.program.domain.SubsidyKind;
import org.innofund.shared.BusinessException;
import org.innofund.shared.Messages;
import org.innofund.shared.Money;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * 拨付批次 through the API: finance builds a batch from payable items (blocked ones listed with their reasons), submits
 * it, an approver who did not prepare it approves or rejects it, finance downloads the treasury file and records the
 * bank's results (JSON, or the bank's CSV file). Every change carries the batch's version. Delegation only.
 */
@Path("payment-batches")
@Tag(name = "payment")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PaymentBatchResource {

    @EJB
    private PaymentBatches batches;

    @Context
    private HttpHeaders headers;

    @GET
    @Operation(summary = "Batches in one state (DRAFT, SUBMITTED, APPROVED, REJECTED, EXPORTED, CLOSED) or all, the newest "
            + "first (page from 0, size up to 500) (FINANCE, APPROVER)")
    public List<BatchView> list(@QueryParam("state") PaymentBatchState state, @QueryParam("page") @DefaultValue("0") int page,
                                @QueryParam("size") @DefaultValue("50") int size) {
        return batches.list(state, page, size);
    }

    @GET
    @Path("payable")
    @Operation(summary = "Payable items not in a batch, filtered by callId, enterprise (USCC, or part of the name) and kind, "
            + "each with what blocks its payment now (no account, account name not the registered name, account on hold, "
            + "blacklisted, open recovery), with the count and sum of all found (FINANCE)")
    public Payable payable(@QueryParam("callId") Long callId, @QueryParam("enterprise") String enterprise,
                           @QueryParam("kind") SubsidyKind kind, @QueryParam("page") @DefaultValue("0") int page,
                           @QueryParam("size") @DefaultValue("50") int size) {
        Locale locale = locale();
        PayablePage p = batches.payable(new PayableFilter(callId, enterprise, kind), page, size);
        return new Payable(p.items().stream().map(i -> new PayableItem(i.id(), i.callId(), i.callTitle(), i.kind(),
                i.enterpriseId(), i.uscc(), i.payeeName(), i.amount(), reasons(locale, i.blocks()))).toList(),
                p.page(), p.size(), p.count(), p.total());
    }

    @POST
    @Operation(summary = "Build a draft batch (FINANCE) of the payable items named (itemIds) or else of those the filter "
            + "finds (callId, enterprise, kind); a blocked item is left out and listed with its reasons; 409 if none can go in")
    public Response build(Selection body) {
        Selection s = body == null ? new Selection(null, null, null, null, null) : body;
        return Response.status(Response.Status.CREATED).entity(change(batches.build(s.filter(), s.itemIds()))).build();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "A batch with one page of its lines (the item, payee account as approved, the bank's result) "
            + "(FINANCE, APPROVER)")
    public BatchPage get(@PathParam("id") long id, @QueryParam("page") @DefaultValue("0") int page,
                         @QueryParam("size") @DefaultValue("100") int size) {
        return batches.batch(id, page, size);
    }

    @POST
    @Path("{id}/items")
    @Operation(summary = "Add payable items (itemIds, or else the filter's) to a draft, carrying its version; blocked ones "
            + "are listed with their reasons (FINANCE)")
    public Change addItems(@PathParam("id") long id, Selection body) {
        Selection s = body == null ? new Selection(null, null, null, null, null) : body;
        return change(batches.addItems(id, s.version(), s.filter(), s.itemIds()));
    }

    @DELETE
    @Path("{id}/items/{itemId}")
    @Operation(summary = "Take an item out of a draft, carrying its version (?version=): payable again (FINANCE)")
    public BatchView removeItem(@PathParam("id") long id, @PathParam("itemId") long itemId,
                                @QueryParam("version") Long version) {
        return batches.removeItem(id, version, itemId);
    }

    @POST
    @Path("{id}/submit")
    @Operation(summary = "Submit the draft for approval, carrying its version (FINANCE)")
    public BatchView submit(@PathParam("id") long id, Decision body) {
        return batches.submit(id, body == null ? null : body.version());
    }

    @POST
    @Path("{id}/approve")
    @Operation(summary = "Approve the batch, carrying its version (APPROVER; never whoever prepared it: 409)")
    public BatchView approve(@PathParam("id") long id, Decision body) {
        return batches.approve(id, body == null ? null : body.version());
    }

    @POST
    @Path("{id}/reject")
    @Operation(summary = "Reject the batch with a reason, carrying its version: its items are payable again (APPROVER; "
            + "never whoever prepared it: 409)")
    public BatchView reject(@PathParam("id") long id, Decision body) {
        return batches.reject(id, body == null ? null : body.version(), body == null ? null : body.reason());
    }

    @GET
    @Path("{id}/treasury-file")
    @Produces({"text/csv", MediaType.APPLICATION_JSON})
    @Operation(summary = "The treasury payment file (CSV, UTF-8 with BOM, CRLF; layout in the README). The first time, "
            + "for an approved batch, carrying its version (?version=): every line's blocks are checked as of today (the "
            + "payment date), a blocked line fails and is left out of the file — the headers X-Payment-Lines and "
            + "X-Blocked-Items (item ids) say so; later, the same file again (FINANCE)")
    public Response treasuryFile(@PathParam("id") long id, @QueryParam("version") Long version) {
        TreasuryExport export = batches.export(id, version);
        byte[] file = export.content();
        return Response.fromResponse(FileAnswers.file(out -> out.write(file), "text/csv; charset=UTF-8",
                        export.fileName(), file.length))
                .header("X-Payment-Lines", export.lines())
                .header("X-Payment-Total", export.total().amount().toPlainString())
                .header("X-Blocked-Items", export.blocked().stream().map(b -> String.valueOf(b.itemId()))
                        .collect(Collectors.joining(",")))
                .build();
    }

    @POST
    @Path("{id}/results")
    @Operation(summary = "Record the bank's results by hand, carrying the batch's version: PAID (bankReference, paidOn) "
            + "posts the payment; FAILED (reason) makes the item payable again. The same result again changes nothing "
            + "(counted unchanged); a different one for a line that has one: 409. When every line has its result the batch "
            + "is CLOSED (FINANCE)")
    public Results results(@PathParam("id") long id, ResultsBody body) {
        ResultReport r = batches.record(id, body == null ? null : body.version(), body == null ? null : body.results());
        return results(r);
    }

    @POST
    @Path("{id}/result-file")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Import the bank's result file (multipart: the part \"file\", CSV UTF-8; the part \"version\"; "
            + "layout in the README), all or nothing: 422 with every bad line; ?dryRun=true checks and counts only (FINANCE)")
    @APIResponse(responseCode = "422", description = "Some line is bad: nothing recorded", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "one bad line", value = """
                    {"batch": {"id": 12, "state": "EXPORTED"}, "paid": 0, "failed": 0, "unchanged": 0, "stored": false,
                     "problems": [{"line": 3, "code": "bankResult.result", "message": "无法识别的结果“PAYED”：应为 PAID 或 FAILED。"}]}""")))
    public Response resultFile(@PathParam("id") long id, @QueryParam("dryRun") boolean dryRun, List<EntityPart> parts)
            throws IOException {
        List<EntityPart> all = parts == null ? List.of() : parts;
        EntityPart file = all.stream().filter(p -> "file".equals(p.getName())).findFirst()
                .orElseThrow(() -> BusinessException.invalid("bankResult.fileMissing"));
        Long version = null;
        for (EntityPart p : all) {
            if ("version".equals(p.getName())) {
                String text = p.getContent(String.class).strip();
                try {
                    version = text.isEmpty() ? null : Long.valueOf(text);
                } catch (NumberFormatException e) {
                    throw BusinessException.invalid("request.versionRequired");
                }
            }
        }
        byte[] content;
        try (InputStream in = file.getContent()) {
            content = in.readNBytes(BankResultFile.MAX_BYTES + 1);
        }
        Results r = results(batches.importResults(id, version, content, dryRun));
        return Response.status(r.problems().isEmpty() ? 200 : 422).type(MediaType.APPLICATION_JSON).entity(r).build();
    }

    private Results results(ResultReport r) {
        Locale locale = locale();
        return new Results(r.batch(), r.paid(), r.failed(), r.unchanged(), r.stored(), r.problems().stream()
                .map(p -> new Problem(p.line(), p.messageKey(), Messages.get(locale, p.messageKey(), p.arguments().toArray())))
                .toList());
    }

    private Change change(BatchChange c) {
        Locale locale = locale();
        return new Change(c.batch(), c.added(), c.blocked().stream().map(b -> new Blocked(b.itemId(), b.payeeName(), b.amount(),
                reasons(locale, b.blocks()))).toList());
    }

    private static List<Reason> reasons(Locale locale, List<BlockView> blocks) {
        return blocks.stream().map(b -> new Reason(b.block().name(), Messages.get(locale, b.messageKey(),
                b.arguments().toArray()))).toList();
    }

    private Locale locale() {
        return ApiErrors.locale(headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
    }

    /** Which payable items: by id, or else by the filter; {@code version} the batch's, when adding to one. */
    public record Selection(Long version, List<Long> itemIds, Long callId, String enterprise, SubsidyKind kind) {
        PayableFilter filter() {
            return new PayableFilter(callId, enterprise, kind);
        }
    }

    /** The version read, and for a rejection its reason. */
    public record Decision(Long version, String reason) {
    }

    public record ResultsBody(Long version, List<BankResult> results) {
    }

    /** Why an item cannot be paid: the block's code and its text in the caller's language. */
    public record Reason(String code, String message) {
    }

    public record PayableItem(long id, long callId, String callTitle, SubsidyKind kind, long enterpriseId, String uscc,
                              String payeeName, Money amount, List<Reason> blocks) {
    }

    public record Payable(List<PayableItem> items, int page, int size, long count, Money total) {
    }

    public record Blocked(long itemId, String payeeName, Money amount, List<Reason> blocks) {
    }

    public record Change(BatchView batch, int added, List<Blocked> blocked) {
    }

    /** A bad line of the bank's file (0: the whole file). */
    public record Problem(int line, String code, String message) {
    }

    public record Results(BatchView batch, int paid, int failed, int unchanged, boolean stored, List<Problem> problems) {
    }
}
