package org.innofund.project.domain;

import org.innofund.shared.BusinessException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ProgressReportFileTest {

    @Test
    void aReportTakesNoneToFiveFiles() {
        for (int n = 0; n <= ProgressReportFile.MAX_PER_REPORT; n++) {
            int count = n;
            assertDoesNotThrow(() -> ProgressReportFile.requireCount(count));
        }
        assertEquals(5, ProgressReportFile.MAX_PER_REPORT);
    }

    @Test
    void aSixthFileIsRefusedNamingTheLimit() {
        BusinessException e = assertThrows(BusinessException.class, () -> ProgressReportFile.requireCount(6));
        assertEquals("progress.tooManyFiles", e.messageKey());
        assertEquals(BusinessException.Kind.INVALID, e.kind());
        assertThrows(BusinessException.class, () -> ProgressReportFile.requireCount(100));
    }
}
