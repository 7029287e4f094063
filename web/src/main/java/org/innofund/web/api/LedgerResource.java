package org.innofund.web.api;

import jakarta.ejb.EJB;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.innofund.payment.application.BudgetView;
import org.innofund.payment.application.Ledger;
import org.innofund.payment.application.LedgerTransactionView;
import org.innofund.payment.domain.LedgerAccount;

import java.util.List;

/** 预算台账 through the API: budgets per call and per program-year, and the transactions behind each figure. Delegation only. */
@Path("ledger")
@Tag(name = "ledger")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class LedgerResource {

    @EJB
    private Ledger ledger;

    @GET
    @Operation(summary = "Every published call's budget: allocated, committed (approved, not paid), paid, receivable "
            + "(asked back, not repaid), recovered (repaid) and available, derived from the ledger's entries "
            + "(FINANCE, APPROVER, REVIEWER)")
    public List<BudgetView> budgets() {
        return ledger.budgets();
    }

    @GET
    @Path("calls/{id}")
    @Operation(summary = "One call's budget (FINANCE, APPROVER, REVIEWER)")
    public BudgetView call(@PathParam("id") long callId) {
        return ledger.budget(callId);
    }

    @GET
    @Path("calls/{id}/transactions")
    @Operation(summary = "The transactions of the call moving one account (SOURCE, AVAILABLE, COMMITTED, PAID, RECEIVABLE), "
            + "the newest first, each with its movement of every account in yuan, debit positive (page from 0, size up to 200)")
    public List<LedgerTransactionView> transactions(@PathParam("id") long callId, @QueryParam("account") LedgerAccount account,
                                                    @QueryParam("page") @DefaultValue("0") int page,
                                                    @QueryParam("size") @DefaultValue("50") int size) {
        return ledger.transactions(callId, account, page, size);
    }

    @GET
    @Path("programs/{id}/years/{year}")
    @Operation(summary = "A program's calls of one year, their budgets summed (FINANCE, APPROVER, REVIEWER)")
    public BudgetView programYear(@PathParam("id") long programId, @PathParam("year") int year) {
        return ledger.programYear(programId, year);
    }
}
