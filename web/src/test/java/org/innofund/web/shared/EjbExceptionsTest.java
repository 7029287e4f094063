package org.innofund.web.shared;

import jakarta.ejb.AccessLocalException;
import jakarta.ejb.EJBAccessException;
import jakarta.ejb.EJBException;
import jakarta.ejb.EJBTransactionRolledbackException;
import org.innofund.shared.BusinessException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertSame;

class EjbExceptionsTest {

    private final BusinessException refusal = BusinessException.notFound("call.notFound");

    @Test
    void anExceptionThatIsNoWrapperIsItself() {
        assertSame(refusal, EjbExceptions.unwrap(refusal));
        IllegalStateException bug = new IllegalStateException("bug");
        assertSame(bug, EjbExceptions.unwrap(bug));
    }

    @Test
    void theCauseBeneathAnEjbException() {
        assertSame(refusal, EjbExceptions.unwrap(new EJBException(refusal)));
    }

    @Test
    void theCauseBeneathSeveralWrappers() {
        EJBException inner = new EJBTransactionRolledbackException("rolled back", new EJBException(refusal));
        assertSame(refusal, EjbExceptions.unwrap(new EJBException(inner)));
    }

    /** getCausedByException is the container's own field; getCause is what a plain chained wrapper carries. */
    @Test
    void aChainedCauseCountsToo() {
        EJBException wrapper = new EJBException("wrapped");
        wrapper.initCause(refusal);
        assertSame(refusal, EjbExceptions.unwrap(wrapper));
    }

    @Test
    void aWrapperWithoutCauseIsItself() {
        EJBException bare = new EJBException("no cause");
        assertSame(bare, EjbExceptions.unwrap(bare));
    }

    @Test
    void anAccessRefusalIsTheAnswerNotAWrapper() {
        EJBAccessException denied = new EJBAccessException("denied");
        assertSame(denied, EjbExceptions.unwrap(new EJBException(denied)));
        AccessLocalException local = new AccessLocalException("denied", new RuntimeException("detail"));
        assertSame(local, EjbExceptions.unwrap(local));
    }
}
