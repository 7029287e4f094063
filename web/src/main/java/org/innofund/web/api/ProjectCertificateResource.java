package org.innofund.web.api;

import jakarta.ejb.EJB;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.innofund.certificate.application.CertificateView;
import org.innofund.certificate.application.Certificates;

import java.util.List;

/** A project's documents (立项通知书, 验收证书, and the confirmations and payment notices of its money). Delegation only. */
@Path("projects/{projectId}/certificates")
@Tag(name = "certificate")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class ProjectCertificateResource {

    @EJB
    private Certificates certificates;

    @GET
    @Operation(summary = "A project's documents, oldest first: the enterprise's own project only (an empty list "
            + "otherwise), any project for the bureau")
    public List<CertificateView> list(@PathParam("projectId") long projectId) {
        return certificates.ofProject(projectId);
    }
}
