package org.innofund.identity.domain;

import org.innofund.shared.BusinessException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class LastAdministratorTest {

    @Test
    void theLastActiveAdministratorCannotStopBeingOne() {
        BusinessException e = assertThrows(BusinessException.class,
                () -> LastAdministrator.check("admin", true, false, 0));
        assertEquals(BusinessException.Kind.CONFLICT, e.kind());
        assertEquals("user.lastAdministrator", e.messageKey());
        assertArrayEquals(new Object[] {"admin"}, e.arguments());
    }

    /** before, after, other active administrators: every case but the last one losing the role is allowed. */
    @ParameterizedTest(name = "before {0}, after {1}, others {2}")
    @CsvSource({
            "true, false, 1",   // another one remains
            "true, false, 5",
            "true, true, 0",    // stays an administrator (a name or another role changed)
            "false, false, 0",  // was none: a reviewer edited, or a disabled administrator demoted
            "false, true, 0",   // becomes one
            "false, false, 3"})
    void anyOtherChangeIsAllowed(boolean before, boolean after, long others) {
        assertDoesNotThrow(() -> LastAdministrator.check("u", before, after, others));
    }
}
