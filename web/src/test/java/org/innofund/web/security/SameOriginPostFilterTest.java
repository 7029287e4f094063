package org.innofund.web.security;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SameOriginPostFilterTest {

    @ParameterizedTest(name = "Origin {0}, Referer {1}, Host {2}, X-Forwarded-Host {3}: {4}")
    @CsvSource(nullValues = "-", value = {
            // the product's own pages
            "http://localhost:8080,           -,                                      localhost:8080,    -,                 true",
            "HTTP://LOCALHOST:8080,           -,                                      localhost:8080,    -,                 true",
            "https://innofund.example,        -,                                      innofund.example:443, -,              true",
            "http://innofund.example:80,      -,                                      innofund.example,  -,                 true",
            "-,                               http://localhost:8080/innofund/login.xhtml, localhost:8080, -,                true",
            "https://innofund.example,        -,                                      127.0.0.1:8080,    innofund.example,  true",
            // a program, not a browser: nothing to forge
            "-,                               -,                                      localhost:8080,    -,                 true",
            // another site
            "http://attacker.example,         -,                                      localhost:8080,    -,                 false",
            "http://localhost:8081,           -,                                      localhost:8080,    -,                 false",
            "http://localhost.attacker.example:8080, -,                               localhost:8080,    -,                 false",
            "-,                               http://attacker.example/page,           localhost:8080,    -,                 false",
            "http://attacker.example,         http://localhost:8080/innofund/,        localhost:8080,    -,                 false",
            "null,                            -,                                      localhost:8080,    -,                 false",
            "'http://bad host',               -,                                      localhost:8080,    -,                 false",
            "http://attacker.example,         -,                                      -,                 -,                 false",
    })
    void aPostIsAcceptedOnlyFromTheProductsOwnPages(String origin, String referer, String host, String forwardedHost,
                                                    boolean accepted) {
        assertEquals(accepted, SameOriginPostFilter.fromOwnPage(origin, referer, host, forwardedHost));
    }
}
