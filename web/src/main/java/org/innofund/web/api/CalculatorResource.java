package org.innofund.web.api;

import jakarta.ejb.EJB;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.innofund.subsidy.application.CalculatorResult;
import org.innofund.subsidy.application.SubsidyCalculator;

/** 政策计算器 for anyone, no login: nothing is stored. */
@Path("calculator")
@Tag(name = "public")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class CalculatorResource {

    @EJB
    private SubsidyCalculator calculator;

    @POST
    @Operation(summary = "Compute a subsidy from typed figures: {kind, callId (an open call, optional: else the kind's "
            + "default parameters), inputs}. Inputs: PRE_APPROVED approvedAmount, grade, auditedSpend, advancePaid; "
            + "RD_INVESTMENT rdExpenseTax, rdExpenseStat (may be null), rdExpensePrevYear, revenue, inventionPatents, "
            + "inventionApplications, rdStaff, totalStaff; REWARD achievements [{type, certificateNo, date}]; "
            + "SHARED_SERVICE firstYear, records [{providerUscc, invoiceNo, invoiceDate, amount}]. Money as numbers or "
            + "strings like \"300000.00\". 200 {kind, eligible, amount, recovery (PRE_APPROVED), reasons [{code, "
            + "message}], steps} also when not eligible (amount 0); 422 naming each bad field; 429 past the "
            + "per-address limit. Messages in the Accept-Language (zh default)")
    public CalculatorResult calculate(JsonObject request, @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String language) {
        return calculator.calculate(request, ApiErrors.locale(language));
    }
}
