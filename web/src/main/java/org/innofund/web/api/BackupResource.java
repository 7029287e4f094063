package org.innofund.web.api;

import jakarta.ejb.EJB;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.innofund.platform.backup.BackupFile;
import org.innofund.platform.backup.Backups;

import java.util.List;

/** Database backups (ADMIN only; the service refuses everyone else). */
@Path("admin/backups")
@Tag(name = "admin")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class BackupResource {

    @EJB
    private Backups backups;

    @GET
    @Operation(summary = "The backups kept, newest first")
    public List<BackupFile> list() {
        return backups.list();
    }

    @POST
    @Operation(summary = "Take a backup now (written, then opened and checked)")
    public Response takeNow() {
        return Response.status(Response.Status.CREATED).entity(backups.takeNow()).build();
    }
}
