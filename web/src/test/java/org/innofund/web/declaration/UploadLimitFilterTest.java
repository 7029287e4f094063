package org.innofund.web.declaration;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class UploadLimitFilterTest {

    /** Quotes, backslashes, markup and CDATA ends cannot break out of the literal, the script or the XML. */
    @Test
    void messagesBecomeSafeJavaScriptStrings() {
        assertEquals("'20 MB'", UploadLimitFilter.jsString("20 MB"));
        assertEquals("'\\u5355\\u4e2a'", UploadLimitFilter.jsString("单个"));
        String tricky = UploadLimitFilter.jsString("a'b\"c\\d</script>]]>&\n");
        assertEquals("'a\\u0027b\\u0022c\\u005cd\\u003c/script\\u003e\\u005d\\u005d\\u003e\\u0026\\u000a'", tricky);
    }
}
