package org.innofund.web.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

import java.util.Map;

/** The JSON API, version 1: the same business services as the pages, with bearer tokens. */
@ApplicationPath("api/v1")
@OpenAPIDefinition(info = @Info(title = "InnoFund API", version = "1",
        description = "科技项目资金与后补助管理系统 API. Obtain a token with POST /tokens, then send it as Authorization: Bearer <token>. "
                + "Errors are JSON {\"code\", \"message\"}; send Accept-Language: en for English messages."))
@SecurityScheme(securitySchemeName = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer")
public class ApiApplication extends Application {

    /**
     * Bean Validation runs in the business services, where the pages meet it too. Jersey's own validation support
     * is switched off: its mapper (more specific than {@link ApiExceptionMapper}) answered a violation raised in an
     * EJB with a bare 400 that the container then dressed as an HTML error page.
     */
    @Override
    public Map<String, Object> getProperties() {
        return Map.of("jersey.config.beanValidation.disable.server", true);
    }
}
