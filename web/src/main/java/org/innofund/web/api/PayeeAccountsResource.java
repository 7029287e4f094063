package org.innofund.web.api;

import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.innofund.payment.application.PayeeAccountView;
import org.innofund.payment.application.PayeeAccounts;
import org.innofund.payment.application.PayeeHoldView;

import java.util.List;

/** Payee accounts by id and their holds through the API (finance; an enterprise its own). Delegation only. */
@Path("payee-accounts")
@Tag(name = "payment")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PayeeAccountsResource {

    @EJB
    private PayeeAccounts accounts;

    @GET
    @Path("holds")
    @Operation(summary = "Current accounts on hold now by the default days, the longest-waiting first, with the account "
            + "each replaced (bank and last four digits) (FINANCE)")
    public List<PayeeHoldView> holds() {
        return accounts.holds();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One account, current or past (FINANCE; ENTERPRISE its own: another's is 404)")
    public PayeeAccountView get(@PathParam("id") long id) {
        return accounts.account(id);
    }

    @POST
    @Path("{id}/hold-release")
    @Operation(summary = "Release a changed account's hold after confirming the change with the company, saying how "
            + "(FINANCE); at the version read (409 if changed since, or if the account is not held)")
    public PayeeAccountView release(@PathParam("id") long id, Release body) {
        Release r = body == null ? new Release(null, null) : body;
        return accounts.releaseHold(id, r.version(), r.note());
    }

    /** The version read and how the change was confirmed. */
    public record Release(Long version, String note) {
    }
}
