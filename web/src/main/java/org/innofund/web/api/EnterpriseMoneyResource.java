package org.innofund.web.api;

import jakarta.ejb.EJB;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.innofund.payment.application.EnterpriseMoney;
import org.innofund.payment.application.EnterpriseMoneyView;

/** 资金拨付 of the caller's enterprise through the API. Delegation only. */
@Path("enterprise/money")
@Tag(name = "payment")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class EnterpriseMoneyResource {

    @EJB
    private EnterpriseMoney money;

    @GET
    @Operation(summary = "The caller's enterprise's money per call and year: approved, paid (with the bank's reference "
            + "and date), pending, of it on hold and why, asked back and recovered (ENTERPRISE)")
    public EnterpriseMoneyView mine() {
        return money.mine();
    }
}
