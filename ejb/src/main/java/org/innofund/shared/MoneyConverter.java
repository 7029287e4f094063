package org.innofund.shared;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import java.math.BigDecimal;

/** A {@link Money} attribute in a NUMBER(16,2) column; named on each attribute ({@code @Convert}), never applied by type. */
@Converter(autoApply = false)
public class MoneyConverter implements AttributeConverter<Money, BigDecimal> {

    @Override
    public BigDecimal convertToDatabaseColumn(Money money) {
        return money == null ? null : money.amount();
    }

    @Override
    public Money convertToEntityAttribute(BigDecimal column) {
        return Money.ofNullable(column);
    }
}
