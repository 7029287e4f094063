package org.innofund.web.shared;

import jakarta.ejb.EJBException;
import org.innofund.shared.BusinessException;
import org.innofund.shared.FormCheck;
import org.innofund.shared.InvalidFormException;

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
                // sentences in the page's language beside the fields, never "form.contactPhone: must match ..."
                Feedback.error(new InvalidFormException(FormCheck.of(cve.getConstraintViolations()).problems()));
                return false;
            }
            throw e;
        }
    }
}
