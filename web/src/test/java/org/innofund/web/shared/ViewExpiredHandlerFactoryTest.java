package org.innofund.web.shared;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ViewExpiredHandlerFactoryTest {

    @ParameterizedTest(name = "{0} posted to {1} -> {2}")
    @CsvSource(nullValues = "null", value = {
            // back to the page the form was on, with its query
            "http://localhost:8080/innofund/call.xhtml?id=13, /innofund/call.xhtml, /innofund/call.xhtml?id=13&expired=1",
            "https://funds.example.cn/innofund/enterprise/declaration.xhtml?id=5&x=1, /innofund/enterprise/declaration.xhtml, /innofund/enterprise/declaration.xhtml?id=5&x=1&expired=1",
            // a second expiry does not pile up the flag
            "http://localhost:8080/innofund/login.xhtml?expired=1, /innofund/login.xhtml, /innofund/login.xhtml?expired=1",
            "http://localhost:8080/innofund/home.xhtml?expired, /innofund/home.xhtml, /innofund/home.xhtml?expired=1",
            // no referer, another site's, another application's, or garbage: the address posted to
            "null, /innofund/login.xhtml, /innofund/login.xhtml?expired=1",
            "https://evil.example.com/phish, /innofund/login.xhtml, /innofund/login.xhtml?expired=1",
            "https://evil.example.com/innofund-evil/x, /innofund/login.xhtml, /innofund/login.xhtml?expired=1",
            "http://localhost:8080/other/page, /innofund/index.xhtml, /innofund/index.xhtml?expired=1",
            "'http://bad host/%%', /innofund/index.xhtml, /innofund/index.xhtml?expired=1",
            "//evil.example.com/innofund/x, /innofund/index.xhtml, /innofund/x?expired=1"})
    void theUserGoesBackToThePageOfThisApplicationTheFormWasOn(String referer, String requestUri, String expected) {
        assertEquals(expected, ViewExpiredHandlerFactory.returnPath(referer, requestUri, "/innofund"));
    }
}
