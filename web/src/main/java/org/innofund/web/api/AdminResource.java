package org.innofund.web.api;

import org.innofund.audit.application.AuditEntryView;
import org.innofund.integrity.application.IntegrityEntry;
import org.innofund.identity.application.OrganisationView;
import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.innofund.audit.application.AuditSearch;
import org.innofund.audit.application.AuditTrail;
import org.innofund.audit.domain.AuditChain;
import org.innofund.shared.event.AuditAction;
import org.innofund.shared.event.AuditOutcome;
import org.innofund.identity.application.UserAdministration;
import org.innofund.identity.application.UserFilter;
import org.innofund.identity.application.UserSummary;
import org.innofund.identity.domain.Role;
import org.innofund.integrity.application.IntegrityRegistry;
import org.innofund.integrity.domain.IntegrityRecord;
import org.innofund.shared.BusinessException;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** Administration through the API (ADMIN only; the services refuse everyone else). */
@Path("admin")
@Tag(name = "admin")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class AdminResource {

    @EJB
    private UserAdministration users;

    @EJB
    private AuditTrail audit;

    @EJB
    private IntegrityRegistry integrity;

    @GET
    @Path("users")
    @Operation(summary = "The users, narrowed by role, text in the organisation's name and status (ACTIVE, DISABLED, LOCKED)")
    public List<UserSummary> listUsers(@QueryParam("role") Role role, @QueryParam("organisation") String organisation,
                                       @QueryParam("status") UserFilter.Status status) {
        return users.listUsers(new UserFilter(role, organisation, status));
    }

    @PUT
    @Path("users/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Correct a user's name, department (业务科室) and roles on the version read (409 if changed since)")
    public UserSummary editUser(@PathParam("id") long id, UserEdit body) {
        if (body == null || body.roles() == null || body.roles().contains(null)) {
            throw BusinessException.invalid("request.malformed");
        }
        return users.edit(id, body.version(), body.displayName(), body.department(), body.roles());
    }

    @POST
    @Path("users")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a bureau or agency user (enterprises register themselves)")
    public Response createUser(NewUser body) {
        if (body == null || body.role() == null) {
            throw BusinessException.invalid("request.malformed");
        }
        UserSummary created = users.createUser(body.username(), body.displayName(), body.role(), body.organisationId(),
                body.password());
        return Response.status(Response.Status.CREATED).entity(created).build();
    }

    @GET
    @Path("organisations")
    @Operation(summary = "Organisations a new user of the given role can belong to")
    public List<OrganisationView> organisations(@QueryParam("role") Role role) {
        if (role == null) {
            throw BusinessException.invalid("request.malformed");
        }
        return users.organisationsFor(role);
    }

    @POST
    @Path("users/{id}/disable")
    @Operation(summary = "Disable a user: their sessions end and their tokens are revoked")
    public Response disable(@PathParam("id") long id) {
        users.disable(id);
        return Response.noContent().build();
    }

    @POST
    @Path("users/{id}/enable")
    public Response enable(@PathParam("id") long id) {
        users.enable(id);
        return Response.noContent().build();
    }

    @POST
    @Path("users/{id}/unlock")
    @Operation(summary = "Lift a lockout after failed logins")
    public Response unlock(@PathParam("id") long id) {
        users.unlock(id);
        return Response.noContent().build();
    }

    @POST
    @Path("users/{id}/password")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set a new password (the policy applies); the user's sessions and tokens end")
    public Response resetPassword(@PathParam("id") long id, PasswordReset body) {
        if (body == null || body.password() == null) {
            throw BusinessException.invalid("request.malformed");
        }
        users.resetPassword(id, body.password());
        return Response.noContent().build();
    }

    @GET
    @Path("integrity")
    @Operation(summary = "The integrity blacklist (科研诚信记录)")
    public List<IntegrityEntry> integrityRecords() {
        return integrity.list();
    }

    @POST
    @Path("integrity")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Put an enterprise or agency on the integrity blacklist for a period")
    public Response addIntegrityRecord(NewIntegrityRecord body) {
        if (body == null || body.subjectKind() == null) {
            throw BusinessException.invalid("request.malformed");
        }
        return Response.status(Response.Status.CREATED).entity(integrity.add(body.subjectKind(), body.uscc(),
                body.subjectName(), body.reason(), body.validFrom(), body.validUntil())).build();
    }

    @POST
    @Path("integrity/{id}/end")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "End a blacklist entry early, from today, with a reason; the entry keeps its original period")
    public IntegrityEntry endIntegrityRecord(@PathParam("id") long id, IntegrityEnd body) {
        if (body == null) {
            throw BusinessException.invalid("request.malformed");
        }
        return integrity.endEarly(id, body.version(), body.reason());
    }

    @GET
    @Path("audit")
    @Operation(summary = "Audit entries, newest first, filtered; a page ('max') holds 1 to 500 entries")
    public List<AuditEntryView> auditEntries(@QueryParam("username") String username, @QueryParam("action") AuditAction action,
                                             @QueryParam("outcome") AuditOutcome outcome,
                                             @QueryParam("first") @DefaultValue("0") int first,
                                             @QueryParam("max") @DefaultValue("50") int max) {
        return audit.search(new AuditSearch(username, action, outcome, null, null), first, max);
    }

    @POST
    @Path("audit/verification")
    @Operation(summary = "Walk the audit hash chain and report the first broken entry, if any")
    public AuditChain.Result verify() {
        return audit.verify();
    }

    public record PasswordReset(String password) {
    }

    public record NewIntegrityRecord(IntegrityRecord.SubjectKind subjectKind, String uscc, String subjectName, String reason,
                                     LocalDate validFrom, LocalDate validUntil) {
    }

    public record UserEdit(Long version, String displayName, String department, Set<Role> roles) {
    }

    public record IntegrityEnd(Long version, String reason) {
    }

    public record NewUser(String username, String displayName, Role role, Long organisationId, String password) {
    }
}
