package org.innofund.web.api;

import jakarta.ejb.EJB;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.innofund.certificate.application.CertificateView;
import org.innofund.certificate.application.Certificates;
import org.innofund.certificate.application.RunDocuments;
import org.innofund.web.shared.ContentDisposition;

import java.util.List;

/** The subsidy confirmations an approved calculation run issued, listed or as one ZIP. Delegation only. */
@Path("calculation-runs/{id}/certificates")
@Tag(name = "certificate")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class RunCertificateResource {

    @EJB
    private Certificates certificates;

    @GET
    @Operation(summary = "The confirmations the run issued, in serial order (REVIEWER, APPROVER, FINANCE)")
    public List<CertificateView> list(@PathParam("id") long runId) {
        return certificates.ofRun(runId);
    }

    @GET
    @Path("zip")
    @Produces({"application/zip", MediaType.APPLICATION_JSON})
    @Operation(summary = "Every confirmation of the run as one ZIP, streamed as it is written, named by serial number, "
            + "with 清单.csv listing them; X-Expected-Length tells about how many bytes will come (for a progress bar). "
            + "REVIEWER, APPROVER, FINANCE; 404 for a run that issued none")
    public Response zip(@PathParam("id") long runId) {
        RunDocuments zip = certificates.runDocuments(runId); // refused here, before the answer starts
        StreamingOutput content = out -> certificates.writeRunZip(runId, out);
        return Response.ok(content, "application/zip")
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment(zip.fileName()))
                .header("X-Expected-Length", zip.expectedBytes())
                .build();
    }
}
