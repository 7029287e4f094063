package org.innofund.subsidy.domain;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores an {@link RequestSteps} as JSON in a CLOB. */
@Converter
public class RequestStepsConverter implements AttributeConverter<RequestSteps, String> {

    private static final Jsonb JSONB = JsonbBuilder.create();

    @Override
    public String convertToDatabaseColumn(RequestSteps explanation) {
        return explanation == null ? null : JSONB.toJson(explanation);
    }

    @Override
    public RequestSteps convertToEntityAttribute(String json) {
        return json == null ? null : JSONB.fromJson(json, RequestSteps.class);
    }
}
