package org.innofund.web.api;

import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.innofund.declaration.application.AttachmentService;
import org.innofund.declaration.application.AttachmentView;
import org.innofund.declaration.application.DeclarationDetail;
import org.innofund.declaration.application.DeclarationService;
import org.innofund.declaration.application.DeclarationSummary;
import org.innofund.declaration.application.RevisionChanges;
import org.innofund.declaration.domain.DeclarationContent;
import org.innofund.shared.BusinessException;
import org.innofund.web.shared.ContentDisposition;

import java.io.IOException;
import java.io.InputStream;
import java.util.function.BiFunction;
import java.util.List;

/** An enterprise's declarations and their attachments (the bureau reads them too); the same services as the pages. */
@Path("declarations")
@Tag(name = "declarations")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class DeclarationResource {

    @EJB
    private DeclarationService declarations;

    @EJB
    private AttachmentService attachments;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Start a draft declaration in an open call (ENTERPRISE)")
    public Response start(NewDeclaration body) {
        if (body == null || body.callId() == null) {
            throw BusinessException.invalid("request.malformed");
        }
        DeclarationDetail created = declarations.start(body.callId());
        return Response.status(Response.Status.CREATED).entity(created).build();
    }

    @GET
    @Operation(summary = "The caller's organisation's declarations (ENTERPRISE)")
    public List<DeclarationSummary> mine() {
        return declarations.mine();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One declaration with content, attachments, history and the problems still open")
    public DeclarationDetail get(@PathParam("id") long id) {
        return declarations.get(id);
    }

    @GET
    @Path("{id}/revisions")
    @Operation(summary = "The content of every submitted revision (JSON), by revision number")
    public java.util.Map<Integer, String> revisions(@PathParam("id") long id) {
        return declarations.revisions(id);
    }

    @GET
    @Path("{id}/revisions/{revision}/changes")
    @Operation(summary = "修改对比: what changed from submitted revision n-1 to n (fields, budget lines, files; 404 without both)")
    public RevisionChanges changes(@PathParam("id") long id, @PathParam("revision") int revision) {
        return declarations.changes(id, revision);
    }

    @GET
    @Path("{id}/revisions/{revision}/pdf")
    @Produces({"application/pdf", MediaType.APPLICATION_JSON})
    @Operation(summary = "申报书: submitted revision n as a printable PDF (404 for a revision never submitted)")
    public Response printout(@PathParam("id") long id, @PathParam("revision") int revision,
                             @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String language) {
        byte[] pdf = declarations.printout(id, revision, ApiErrors.locale(language));
        return Response.ok(pdf, "application/pdf")
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment("申报书-" + id + "-" + revision + ".pdf"))
                .header("X-Content-Type-Options", "nosniff")
                .build();
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Save the draft; 'version' must be the one last read (409 otherwise)")
    public DeclarationDetail save(@PathParam("id") long id, SaveDeclaration body) {
        if (body == null || body.content() == null) {
            throw BusinessException.invalid("request.malformed");
        }
        return declarations.save(id, body.version(), body.content());
    }

    @POST
    @Path("{id}/submission")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Submit: everything is checked at once; 422 lists every problem in 'details'")
    public DeclarationDetail submit(@PathParam("id") long id, VersionRef body) {
        return declarations.submit(id, body == null ? null : body.version());
    }

    @POST
    @Path("{id}/withdrawal")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Withdraw a submission the reviewer has not decided on (409 once decided); it can be revised and resubmitted")
    public DeclarationDetail withdraw(@PathParam("id") long id, VersionRef body) {
        return declarations.withdraw(id, body == null ? null : body.version());
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Delete a draft never submitted, with its files; '?version=' must be the one last read")
    public Response delete(@PathParam("id") long id, @QueryParam("version") Long version) {
        declarations.delete(id, version);
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/attachments")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Attach a file (PDF, JPG, PNG, XLSX by content; at most 20 MB) for one of the call's requirements")
    public Response upload(@PathParam("id") long id, @FormParam("requirement") String requirement,
                           @FormParam("file") EntityPart file) throws IOException {
        if (requirement == null || file == null) {
            throw BusinessException.invalid("request.malformed");
        }
        return stored(file, (name, content) -> attachments.upload(id, requirement, name, content));
    }

    @POST
    @Path("{id}/other-materials")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Attach a file the call did not list (其他材料) with a description of what it is; several allowed, same checks")
    public Response uploadOther(@PathParam("id") long id, @FormParam("description") String description,
                                @FormParam("file") EntityPart file) throws IOException {
        if (file == null) {
            throw BusinessException.invalid("request.malformed");
        }
        return stored(file, (name, content) -> attachments.uploadOther(id, description, name, content));
    }

    /** The part's stream goes straight to the service under the client's (repaired) file name: 201 with what was stored. */
    private static Response stored(EntityPart file, BiFunction<String, InputStream, AttachmentView> attach) throws IOException {
        try (InputStream content = file.getContent()) {
            return Response.status(Response.Status.CREATED)
                    .entity(attach.apply(MultipartFileNames.repair(file.getFileName().orElse(null)), content)).build();
        }
    }

    @GET
    @Path("{id}/attachments/{attachmentId}")
    @Produces(MediaType.WILDCARD)
    @Operation(summary = "Download an attachment under its original name")
    public Response download(@PathParam("id") long id, @PathParam("attachmentId") long attachmentId) {
        AttachmentView a = attachments.describe(id, attachmentId);
        return FileAnswers.file(out -> attachments.download(id, attachmentId, out), a.type().mediaType(), a.originalName(),
                a.sizeBytes());
    }

    @DELETE
    @Path("{id}/attachments/{attachmentId}")
    @Operation(summary = "Withdraw an attachment from a declaration still being edited (it stays stored)")
    public Response withdraw(@PathParam("id") long id, @PathParam("attachmentId") long attachmentId) {
        attachments.withdraw(id, attachmentId);
        return Response.noContent().build();
    }

    public record NewDeclaration(Long callId) {
    }

    public record SaveDeclaration(Long version, DeclarationContent content) {
    }

    public record VersionRef(Long version) {
    }
}
