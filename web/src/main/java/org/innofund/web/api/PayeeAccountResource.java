package org.innofund.web.api;

import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.innofund.payment.application.MyPayeeAccount;
import org.innofund.payment.application.PayeeAccountChange;
import org.innofund.payment.application.PayeeAccountView;
import org.innofund.payment.application.PayeeAccounts;
import org.innofund.shared.BusinessException;

/** 收款账户 of the caller's enterprise through the API. Delegation only. */
@Path("payee-account")
@Tag(name = "payment")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PayeeAccountResource {

    @EJB
    private PayeeAccounts accounts;

    @GET
    @Operation(summary = "The caller's enterprise's payee account (null: none yet) with every account it had, the "
            + "newest first, and the days a change holds payments by default (ENTERPRISE)")
    public MyPayeeAccount mine() {
        return accounts.mine();
    }

    @PUT
    @Operation(summary = "Set or change the account (ENTERPRISE): 'replaces' and 'version' name the current account "
            + "read (both null when none); 409 if it changed since. The name must be the registered name, the number "
            + "8 to 32 digits, bank and branch given. The same account changes nothing; a change holds payments to "
            + "the new account for the call's days unless finance releases it")
    public PayeeAccountView change(PayeeAccountChange body) {
        if (body == null) {
            throw BusinessException.invalid("request.malformed");
        }
        return accounts.change(body);
    }
}
