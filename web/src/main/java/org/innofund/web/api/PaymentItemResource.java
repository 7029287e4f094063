package org.innofund.web.api;

import jakarta.ejb.EJB;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.innofund.payment.application.PaymentItemView;
import org.innofund.payment.application.PaymentItems;
import org.innofund.payment.domain.PaymentItemState;

import java.util.List;

/** 应付款项 through the API: what approved calculation runs owe. Delegation only. */
@Path("payment-items")
@Tag(name = "payment")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class PaymentItemResource {

    @EJB
    private PaymentItems items;

    @GET
    @Operation(summary = "A call's payment items (callId required; state PAYABLE, IN_BATCH, PAID or CANCELLED, or all), the newest "
            + "run first, then by line (page from 0, size up to 500) (FINANCE, APPROVER, REVIEWER)")
    public List<PaymentItemView> ofCall(@QueryParam("callId") Long callId, @QueryParam("state") PaymentItemState state,
                                        @QueryParam("page") @DefaultValue("0") int page,
                                        @QueryParam("size") @DefaultValue("50") int size) {
        return items.ofCall(callId, state, page, size);
    }
}
