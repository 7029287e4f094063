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
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.innofund.program.application.CallAdministration;
import org.innofund.program.application.CallDetail;
import org.innofund.program.application.CallNotices;
import org.innofund.program.application.NoticeView;
import org.innofund.program.application.ProgramView;
import org.innofund.program.domain.EvaluationStage;
import org.innofund.program.domain.SubsidyKind;
import org.innofund.shared.BusinessException;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** Programs and calls for the bureau: reviewers prepare, an approver (not the preparer) publishes. */
@Path("bureau")
@Tag(name = "calls")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CallAdministrationResource {

    @EJB
    private CallAdministration calls;

    @EJB
    private CallNotices notices;

    @GET
    @Path("programs")
    @Operation(summary = "All programs with how many calls each has, drafts included (REVIEWER, APPROVER)")
    public List<ProgramView> programs() {
        return calls.programs();
    }

    @POST
    @Path("programs")
    @Operation(summary = "Create a program with its subsidy kind (REVIEWER)")
    public Response createProgram(NewProgram body) {
        if (body == null) {
            throw BusinessException.invalid("request.malformed");
        }
        return Response.status(Response.Status.CREATED)
                .entity(calls.createProgram(body.name(), body.subsidyKind(), body.department())).build();
    }

    @GET
    @Path("calls")
    @Operation(summary = "All calls, drafts included (REVIEWER, APPROVER)")
    public List<CallDetail> list() {
        return calls.calls();
    }

    @GET
    @Path("calls/{id}")
    public CallDetail get(@PathParam("id") long id) {
        return calls.call(id);
    }

    @POST
    @Path("calls")
    @Operation(summary = "Create a draft call with the defaults of its kind (REVIEWER)")
    public Response create(CallData body) {
        if (body == null) {
            throw BusinessException.invalid("request.malformed");
        }
        CallDetail created = calls.createCall(body.programId(), body.title(), body.yearOrZero(), body.opensAt(), body.closesAt(),
                body.budget(), body.maxRequest(), body.guide());
        return Response.status(Response.Status.CREATED).entity(created).build();
    }

    @PUT
    @Path("calls/{id}")
    @Operation(summary = "Revise a draft call (REVIEWER); a published call is frozen (409)")
    public CallDetail revise(@PathParam("id") long id, CallData body) {
        if (body == null) {
            throw BusinessException.invalid("request.malformed");
        }
        return calls.revise(id, body.version(), body.title(), body.yearOrZero(), body.opensAt(), body.closesAt(), body.budget(),
                body.maxRequest(), body.guide());
    }

    @PUT
    @Path("calls/{id}/parameters/{name}")
    @Operation(summary = "Change one rule parameter of a draft call (REVIEWER)")
    public CallDetail parameter(@PathParam("id") long id, @PathParam("name") String name, ParameterValue body) {
        if (body == null || body.value() == null) {
            throw BusinessException.invalid("request.malformed");
        }
        return calls.changeParameter(id, body.version(), name, body.value());
    }

    @PUT
    @Path("calls/{id}/attachments")
    @Operation(summary = "Replace the required attachments of a draft call (REVIEWER)")
    public CallDetail attachments(@PathParam("id") long id, Requirements body) {
        if (body == null || body.requirements() == null) {
            throw BusinessException.invalid("request.malformed");
        }
        return calls.replaceRequiredAttachments(id, body.version(), body.requirements().stream().map(r -> r == null ? null
                : new CallDetail.Requirement(r.name(), Boolean.TRUE.equals(r.required()), r.allowedTypes())).toList());
    }

    @PUT
    @Path("calls/{id}/template")
    @Operation(summary = "Replace the scoring template of a draft call; the weights must sum to 100 (REVIEWER)")
    public CallDetail template(@PathParam("id") long id, Template body) {
        if (body == null || body.indicators() == null) {
            throw BusinessException.invalid("request.malformed");
        }
        return calls.replaceScoringTemplate(id, body.version(), body.indicators().stream().map(i -> i == null ? null
                : new CallDetail.Indicator(i.name(), i.weight() == null ? 0 : i.weight())).toList());
    }

    @PUT
    @Path("calls/{id}/evaluation")
    @Operation(summary = "Set the evaluation stages of a draft call's projects and whether a consolidated score sheet "
            + "(汇总评分表) is taken (REVIEWER)")
    public CallDetail evaluation(@PathParam("id") long id, EvaluationSetting body) {
        if (body == null || body.stages() == null) {
            throw BusinessException.invalid("request.malformed");
        }
        return calls.changeEvaluation(id, body.version(), body.stages(), Boolean.TRUE.equals(body.consolidatedSheetAllowed()));
    }

    @POST
    @Path("calls/{id}/publication")
    @Operation(summary = "Publish a call (APPROVER, not its preparer); it is frozen from then on")
    public CallDetail publish(@PathParam("id") long id, VersionOnly body) {
        return calls.publish(id, body == null ? null : body.version());
    }

    @POST
    @Path("calls/{id}/return")
    @Operation(summary = "Send a draft call back to its preparer with an opinion (APPROVER, not its preparer); it stays a draft")
    public CallDetail sendBack(@PathParam("id") long id, Opinion body) {
        if (body == null) {
            throw BusinessException.invalid("request.malformed");
        }
        return calls.returnToPreparer(id, body.version(), body.opinion());
    }

    @PUT
    @Path("calls/{id}/notice")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Upload or replace the official notice (正式通知, a PDF recognised by content, at most 10 MB) of a draft "
            + "call read at 'version' (REVIEWER); a published call's notice is fixed (409)")
    public NoticeView notice(@PathParam("id") long id, @FormParam("version") String version, @FormParam("file") EntityPart file)
            throws IOException {
        if (file == null || version == null || !version.strip().matches("\\d{1,18}")) {
            throw BusinessException.invalid("request.malformed");
        }
        try (InputStream content = file.getContent()) {
            return notices.upload(id, Long.valueOf(version.strip()), MultipartFileNames.repair(file.getFileName().orElse(null)),
                    content);
        }
    }

    public record Opinion(Long version, String opinion) {
    }

    public record NewProgram(String name, SubsidyKind subsidyKind, String department) {
    }

    // Boxed numbers and flags on purpose: JSON-B reads them exactly (JsonbResolver); a primitive would take 2.5 as 2.
    public record CallData(Long version, Long programId, String title, Integer year, Instant opensAt, Instant closesAt,
                           BigDecimal budget, BigDecimal maxRequest, String guide) {
        int yearOrZero() {
            return year == null ? 0 : year; // 0 is refused by the service as out of range
        }
    }

    public record ParameterValue(Long version, BigDecimal value) {
    }

    public record Requirements(Long version, List<RequirementData> requirements) {
    }

    public record RequirementData(String name, Boolean required, String allowedTypes) {
    }

    public record Template(Long version, List<IndicatorData> indicators) {
    }

    public record IndicatorData(String name, Integer weight) {
    }

    public record EvaluationSetting(Long version, java.util.Set<EvaluationStage> stages, Boolean consolidatedSheetAllowed) {
    }

    public record VersionOnly(Long version) {
    }
}
