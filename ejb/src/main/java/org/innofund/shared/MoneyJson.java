package org.innofund.shared;

import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.JsonbException;
import jakarta.json.bind.serializer.DeserializationContext;
import jakarta.json.bind.serializer.JsonbDeserializer;
import jakarta.json.bind.serializer.JsonbSerializer;
import jakarta.json.bind.serializer.SerializationContext;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonParser;

import java.lang.reflect.Type;

/**
 * {@link Money} in JSON (declared on the class, so every Jsonb uses it): written as a number with two decimals,
 * 300000.00, as the API wrote its BigDecimal amounts; read from a number or from a string like "300000.00".
 */
public final class MoneyJson {

    private MoneyJson() {
    }

    public static final class Writer implements JsonbSerializer<Money> {
        @Override
        public void serialize(Money money, JsonGenerator generator, SerializationContext context) {
            generator.write(money.amount());
        }
    }

    public static final class Reader implements JsonbDeserializer<Money> {
        @Override
        public Money deserialize(JsonParser parser, DeserializationContext context, Type type) {
            JsonValue value = parser.getValue();
            try {
                if (value instanceof JsonNumber number) {
                    return Money.of(number.bigDecimalValue());
                }
                if (value instanceof JsonString string) {
                    return Money.parse(string.getString());
                }
            } catch (BusinessException e) {
                throw new JsonbException("not an amount of money: " + value, e);
            }
            if (value.getValueType() == JsonValue.ValueType.NULL) {
                return null;
            }
            throw new JsonbException("an amount of money is expected, a number or a string like \"300000.00\"");
        }
    }
}
