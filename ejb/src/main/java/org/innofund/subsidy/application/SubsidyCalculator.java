package org.innofund.subsidy.application;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.innofund.declaration.domain.kind.Calculation;
import org.innofund.declaration.domain.kind.CalculationContext;
import org.innofund.declaration.domain.kind.KindInputs;
import org.innofund.declaration.domain.kind.KindRules;
import org.innofund.program.domain.FundingCall;
import org.innofund.program.domain.RuleParameters;
import org.innofund.program.domain.SubsidyKind;
import org.innofund.shared.BusinessException;
import org.innofund.shared.Clocks;
import org.innofund.shared.FieldProblem;
import org.innofund.shared.InvalidFormException;
import org.innofund.shared.Messages;
import org.innofund.shared.RequestOrigin;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * 政策计算器, for anyone without login: a kind's calculation over typed inputs, with an open call's parameters or the
 * kind's published defaults, through the same {@link KindRules#calculate} a calculation run uses. Nothing is stored;
 * requests are rate limited per client address ({@link CalculatorRate}).
 */
@Stateless
@PermitAll
public class SubsidyCalculator {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Clock clock;

    @Inject
    private RequestOrigin origin;

    @Inject
    private CalculatorRate rate;

    @EJB
    private Providers providers;

    /**
     * The API's request {@code {"kind", "callId" (optional), "inputs": {...}}}: a callId that is not a whole number is a
     * problem on {@code callId}; inputs that are not an object are as good as none (every required field is named).
     */
    public CalculatorResult calculate(JsonObject request, Locale locale) {
        JsonObject body = request == null ? JsonValue.EMPTY_JSON_OBJECT : request;
        JsonValue kind = body.get("kind");
        JsonValue callId = body.get("callId");
        Long call = null;
        if (callId instanceof JsonNumber number && number.isIntegral()) {
            call = number.longValue();
        } else if (callId != null && callId != JsonValue.NULL) {
            throw new InvalidFormException(List.of(FieldProblem.of("callId", "calculator.callNotOpen", callId.toString())));
        }
        return calculate(kind instanceof JsonString name ? name.getString() : null, call,
                body.get("inputs") instanceof JsonObject inputs ? inputs : null, locale);
    }

    /**
     * The result in the visitor's language. 422 naming the field for an unknown kind, a call not open or of another
     * kind, or a bad input; 429 past the per-address limit.
     */
    public CalculatorResult calculate(String kindName, Long callId, JsonObject inputs, Locale locale) {
        Instant now = clock.instant();
        String address = origin.getClientAddress();
        if (address != null && !rate.allow(address, now)) {
            throw new BusinessException(BusinessException.Kind.TOO_MANY, "calculator.tooMany",
                    CalculatorRate.REQUESTS_PER_WINDOW, CalculatorRate.WINDOW.toSeconds());
        }
        SubsidyKind kind = CalculatorInputs.kind(kindName);
        FundingCall call = callId == null ? null : openCall(callId, kind, now);
        LocalDate today = LocalDate.ofInstant(now, Clocks.BUREAU_ZONE);
        int year = call == null ? today.getYear() : call.getYear();
        RuleParameters parameters = call == null ? RuleParameters.defaults(kind) : call.getRuleParameters();
        KindInputs in = CalculatorInputs.parse(kind, inputs, providers::factsOn);
        // a visitor is taken as registered and not blacklisted, and the service period as the call year (a step says so)
        CalculationContext context = new CalculationContext(year, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31),
                today, true, false);
        Calculation calculation = KindRules.of(kind).calculate(in, parameters, context);
        return answer(calculation, call, year, Messages.supported(locale));
    }

    private FundingCall openCall(long callId, SubsidyKind kind, Instant now) {
        FundingCall call = em.find(FundingCall.class, callId);
        if (call == null || !call.isOpen(now)) {
            throw new InvalidFormException(List.of(FieldProblem.of("callId", "calculator.callNotOpen", callId)));
        }
        if (call.getProgram().getSubsidyKind() != kind) {
            throw new InvalidFormException(List.of(FieldProblem.of("kind", "calculator.callKind", call.getTitle(),
                    call.getProgram().getSubsidyKind())));
        }
        return call;
    }

    private static CalculatorResult answer(Calculation c, FundingCall call, int year, Locale locale) {
        boolean english = Locale.ENGLISH.equals(locale);
        List<String> steps = new ArrayList<>();
        steps.add(call == null ? Messages.get(locale, "calculator.defaults", c.kind(), year)
                : Messages.get(locale, "calculator.callParameters", call.getTitle(), year));
        steps.add(Messages.get(locale, "calculator.assumed"));
        if (c.kind() == SubsidyKind.SHARED_SERVICE) {
            steps.add(Messages.get(locale, "calculator.serviceUnknowns"));
        }
        if (c.kind() == SubsidyKind.REWARD) {
            steps.add(Messages.get(locale, "calculator.rewardUnknowns"));
        }
        c.steps().forEach(s -> steps.add(english ? s.en() : s.zh()));
        return new CalculatorResult(c.kind(), call == null ? null : call.getTitle(), c.eligible(), c.amount(),
                c.kind() == SubsidyKind.PRE_APPROVED ? c.recovery() : null,
                c.reasons().stream().map(r -> new CalculatorResult.Reason(r.code(), english ? r.en() : r.zh())).toList(),
                steps);
    }
}
