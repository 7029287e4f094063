package org.innofund.subsidy.domain;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores an {@link Explanation} as JSON in a CLOB. */
@Converter
public class ExplanationConverter implements AttributeConverter<Explanation, String> {

    private static final Jsonb JSONB = JsonbBuilder.create();

    @Override
    public String convertToDatabaseColumn(Explanation explanation) {
        return explanation == null ? null : JSONB.toJson(explanation);
    }

    @Override
    public Explanation convertToEntityAttribute(String json) {
        return json == null ? null : JSONB.fromJson(json, Explanation.class);
    }
}
