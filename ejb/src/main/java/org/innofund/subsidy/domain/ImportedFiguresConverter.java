package org.innofund.subsidy.domain;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores a request's {@link ImportedFigures} as JSON in a CLOB: read whole with the request, never queried by part. */
@Converter
public class ImportedFiguresConverter implements AttributeConverter<ImportedFigures, String> {

    private static final Jsonb JSONB = JsonbBuilder.create();

    @Override
    public String convertToDatabaseColumn(ImportedFigures figures) {
        return figures == null ? null : JSONB.toJson(figures);
    }

    @Override
    public ImportedFigures convertToEntityAttribute(String json) {
        return json == null ? null : JSONB.fromJson(json, ImportedFigures.class);
    }
}
