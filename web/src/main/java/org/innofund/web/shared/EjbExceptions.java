package org.innofund.web.shared;

import jakarta.ejb.AccessLocalException;
import jakarta.ejb.EJBAccessException;
import jakarta.ejb.EJBException;

/** The one place that looks beneath the container's EJBException for what a business call really threw. */
public final class EjbExceptions {

    /** How deep wrappers are followed; a cause chain longer than this is a loop, not a wrapping. */
    private static final int MAX_DEPTH = 10;

    private EjbExceptions() {
    }

    /**
     * What the call threw beneath any EJBException wrapping it: the exception itself if it is no wrapper. Access
     * refusals (EJBAccessException, AccessLocalException) are EJBExceptions too, but the refusal itself, not a wrapper.
     */
    public static Throwable unwrap(Throwable thrown) {
        Throwable e = thrown;
        for (int depth = 0; depth < MAX_DEPTH && isWrapper(e); depth++) {
            EJBException ejb = (EJBException) e;
            Throwable cause = ejb.getCausedByException() != null ? ejb.getCausedByException() : ejb.getCause();
            if (cause == null || cause == e) {
                return e;
            }
            e = cause;
        }
        return e;
    }

    private static boolean isWrapper(Throwable e) {
        return e instanceof EJBException && !(e instanceof EJBAccessException) && !(e instanceof AccessLocalException);
    }
}
