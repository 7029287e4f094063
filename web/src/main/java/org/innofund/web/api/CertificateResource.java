package org.innofund.web.api;

import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.innofund.certificate.application.CertificateView;
import org.innofund.certificate.application.Certificates;
import org.innofund.certificate.application.UploadVerification;
import org.innofund.certificate.application.Verification;
import org.innofund.shared.BusinessException;
import org.innofund.web.shared.ContentDisposition;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * 证书与通知书: the caller's documents and their PDFs (the enterprise its own, the bureau any), revocation by an
 * approver, and the public verification (no login) by code or by the PDF itself.
 * Delegation only.
 */
@Path("certificates")
@Tag(name = "certificate")
@Produces(MediaType.APPLICATION_JSON)
public class CertificateResource {

    @EJB
    private Certificates certificates;

    @GET
    @Operation(summary = "The caller's enterprise's documents, newest first (ENTERPRISE)")
    public List<CertificateView> mine() {
        return certificates.mine();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One document (404 for one not the caller's to see)")
    public CertificateView get(@PathParam("id") long id) {
        return certificates.get(id);
    }

    @GET
    @Path("{id}/pdf")
    @Produces({"application/pdf", MediaType.APPLICATION_JSON})
    @Operation(summary = "The signed PDF of a document the caller may see, named by its serial number")
    public Response pdf(@PathParam("id") long id) {
        CertificateView d = certificates.get(id);
        return Response.ok(certificates.pdf(id), "application/pdf")
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment(d.fileName()))
                .build();
    }

    @POST
    @Path("{id}/revoke")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Revoke a valid document with a reason (APPROVER): {version, reason}; 409 if it changed since "
            + "or is not valid. The public verification then shows it revoked, with the reason")
    public CertificateView revoke(@PathParam("id") long id, Revocation body) {
        return certificates.revoke(id, body == null ? null : body.version(), body == null ? null : body.reason());
    }

    @GET
    @Path("verify/{code}")
    @Operation(summary = "Public, no login: what the document of a verification code is (type, serial number, enterprise, "
            + "amount, date, status valid/superseded/revoked, SHA-256 of its PDF); 404 for an unknown code, 429 past "
            + "the per-address limit a minute")
    public Verification verify(@PathParam("code") String code) {
        return certificates.verify(code);
    }

    @POST
    @Path("verify")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Public, no login: upload a PDF (part 'file', at most 2 MB): whether it is exactly an issued "
            + "document and whether the bureau's signature over all of it is intact; 429 past the per-address limit")
    public UploadVerification verifyUpload(List<EntityPart> parts) throws IOException {
        EntityPart file = (parts == null ? List.<EntityPart>of() : parts).stream()
                .filter(p -> "file".equals(p.getName())).findFirst()
                .orElseThrow(() -> BusinessException.invalid("certificate.uploadEmpty"));
        try (InputStream content = file.getContent()) {
            byte[] bytes = content.readNBytes(Certificates.MAX_UPLOAD_BYTES + 1);
            return certificates.verifyUpload(bytes);
        }
    }

    /** The version read and the reason of a revocation. */
    public record Revocation(Long version, String reason) {
    }
}
