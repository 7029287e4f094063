package org.innofund.web.shared;

import jakarta.ejb.EJBException;
import org.innofund.shared.BusinessException;

/** Runs a business call from a backing bean, turning a refusal into a page message. */
public final class BusinessCall {

    private BusinessCall() {
    }

    /** True if the call went through; false if it was refused (the reason is on the page). */
    public static boolean run(Runnable call) {
        try {
            call.run();
            return true;
        } catch (BusinessException e) {
            Feedback.error(e);
            return false;
        } catch (EJBException e) {
            Throwable cause = EjbExceptions.unwrap(e);
            if (cause instanceof BusinessException b) {
                Feedback.error(b);
                return false;
            }
            if (cause instanceof jakarta.validation.ConstraintViolationException cve) {
                String details = cve.getConstraintViolations().stream()
                        .map(v -> v.getPropertyPath() + ": " + v.getMessage()).sorted()
                        .reduce((a, b) -> a + "; " + b).orElse("");
                Feedback.errorKey("validation.failed", details);
                return false;
            }
            throw e;
        }
    }
}
