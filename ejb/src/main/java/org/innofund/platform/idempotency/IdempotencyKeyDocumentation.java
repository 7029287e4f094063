package org.innofund.platform.idempotency;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

import java.util.Map;

/**
 * Adds the {@code Idempotency-Key} header to every state-changing operation of the OpenAPI document (one parameter in
 * the components, referred to by each POST, PUT, PATCH and DELETE), since the web module's IdempotencyFilter serves
 * them all. Named by {@code mp.openapi.filter} in this module's microprofile-config.properties: Payara reads the
 * application's configuration, and loads the class it names, with the EAR's class loader, which sees this module and
 * not the WAR's classes.
 */
public class IdempotencyKeyDocumentation implements OASFilter {

    static final String PARAMETER = "IdempotencyKey";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        openAPI.getComponents().addParameter(PARAMETER, OASFactory.createParameter()
                .name(IdempotentRequest.HEADER).in(Parameter.In.HEADER).required(false)
                .description("幂等键 / Idempotency key: 1-" + IdempotentRequest.MAX_KEY_LENGTH + " printable ASCII characters, "
                        + "authenticated calls only (400 otherwise). The same key with the same request within 24 hours "
                        + "returns the first answer again, byte for byte, with the header Idempotent-Replayed: true, and "
                        + "runs nothing; with another body, query or path 409; while the first request runs 409. An answer "
                        + "of 5xx is not kept (a retry runs); a 4xx is.")
                .schema(OASFactory.createSchema().type(Schema.SchemaType.STRING).maxLength(IdempotentRequest.MAX_KEY_LENGTH)));
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (PathItem item : openAPI.getPaths().getPathItems().values()) {
            Map<PathItem.HttpMethod, Operation> operations = item.getOperations();
            if (operations == null) {
                continue;
            }
            operations.forEach((method, operation) -> {
                if (IdempotentRequest.METHODS.contains(method.name())) {
                    operation.addParameter(OASFactory.createParameter().ref(PARAMETER));
                }
            });
        }
    }
}
