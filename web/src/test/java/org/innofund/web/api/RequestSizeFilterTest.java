package org.innofund.web.api;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The size a request may have: a JSON body 1 MB, an upload one file, a bulk upload or a progress report more. */
class RequestSizeFilterTest {

    private static final long MB = 1024 * 1024;

    @Test
    void aProgressReportTakesFiveFilesOfTwentyMegabytes() {
        assertEquals(101 * MB, RequestSizeFilter.limit("multipart/form-data; boundary=x",
                "/innofund/api/v1/projects/42/agreement/reports"));
        assertEquals(101 * MB, RequestSizeFilter.limit("Multipart/Form-Data; boundary=x",
                "/innofund/api/v1/projects/42/agreement/reports/"));
    }

    @Test
    void otherUploadsTakeOneFileAndJsonOneMegabyte() {
        assertEquals(21 * MB, RequestSizeFilter.limit("multipart/form-data; boundary=x",
                "/innofund/api/v1/assignments/7/evaluation/report"));
        assertEquals(21 * MB, RequestSizeFilter.limit("multipart/form-data; boundary=x",
                "/innofund/api/v1/projects/42/agreement/reports/files/9"));
        assertEquals(MB, RequestSizeFilter.limit("application/json", "/innofund/api/v1/projects/42/agreement/reports"));
        assertEquals(MB, RequestSizeFilter.limit(null, "/innofund/api/v1/projects/42/agreement/reports"));
        assertEquals(RequestSizeFilter.MAX_BATCH_BYTES, RequestSizeFilter.limit("multipart/form-data",
                "/innofund/api/v1/evaluations/batch"));
    }

    @Test
    void aPdfToVerifyIsRefusedAboveTwoMegabytesBeforeItIsRead() {
        assertEquals(2 * MB + 64 * 1024, RequestSizeFilter.limit("multipart/form-data; boundary=x",
                "/innofund/api/v1/certificates/verify"));
        assertEquals(MB, RequestSizeFilter.limit("application/json", "/innofund/api/v1/certificates/verify"));
    }
}
