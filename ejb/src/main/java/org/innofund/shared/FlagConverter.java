package org.innofund.shared;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/**
 * Yes/no flags as {@code NUMBER(1)} 1/0, Oracle 19c having no BOOLEAN column. Without it EclipseLink sometimes bound
 * a flag as a JDBC BOOLEAN, which H2's Oracle mode refuses to compare with NUMBER(1) (seen under load: HTTP 500s).
 */
@Converter
public class FlagConverter implements AttributeConverter<Boolean, Integer> {

    @Override
    public Integer convertToDatabaseColumn(Boolean flag) {
        return flag == null ? null : (flag ? 1 : 0);
    }

    @Override
    public Boolean convertToEntityAttribute(Integer value) {
        return value == null ? null : value != 0;
    }
}
