package org.innofund.program.domain;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores {@link RuleParameters} as sorted "name=value" lines in a CLOB, readable by a person in the database. */
@Converter
public class RuleParametersConverter implements AttributeConverter<RuleParameters, String> {

    @Override
    public String convertToDatabaseColumn(RuleParameters parameters) {
        return parameters == null ? null : parameters.format();
    }

    @Override
    public RuleParameters convertToEntityAttribute(String text) {
        return text == null ? null : RuleParameters.parse(text);
    }
}
