package org.innofund.project.domain;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/**
 * Stores an {@link AgreementContent} as JSON in a CLOB, as declaration revisions are: a version is read and shown
 * whole, never queried by its parts, and its shape (lists of targets, lines, milestones) would be four tables per version.
 */
@Converter
public class AgreementContentConverter implements AttributeConverter<AgreementContent, String> {

    private static final Jsonb JSONB = JsonbBuilder.create();

    @Override
    public String convertToDatabaseColumn(AgreementContent content) {
        return content == null ? null : JSONB.toJson(content);
    }

    @Override
    public AgreementContent convertToEntityAttribute(String json) {
        return json == null ? null : JSONB.fromJson(json, AgreementContent.class);
    }
}
