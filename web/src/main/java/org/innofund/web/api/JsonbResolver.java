package org.innofund.web.api;

import jakarta.json.JsonNumber;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.JsonbException;
import jakarta.json.bind.serializer.DeserializationContext;
import jakarta.json.bind.serializer.JsonbDeserializer;
import jakarta.json.stream.JsonParser;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

import java.lang.reflect.Type;
import java.math.BigDecimal;

/**
 * The JSON binding of the API, strict about numbers and yes/no: JSON-P reads 1e300 or 2.5 into an Integer or Long by
 * quietly dropping what does not fit (1e300 became 0), and JSON-B reads "perhaps" as false. Here they are malformed
 * (400) instead.
 */
@Provider
public class JsonbResolver implements ContextResolver<Jsonb> {

    private static final Jsonb JSONB = JsonbBuilder.create(new JsonbConfig()
            .withDeserializers(new ExactInteger(), new ExactLong(), new ExactBoolean()));

    @Override
    public Jsonb getContext(Class<?> type) {
        return JSONB;
    }

    /** The number, or null for JSON null; anything else (a string, a list) is malformed. */
    private static BigDecimal number(JsonParser parser) {
        JsonValue value = parser.getValue();
        if (value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (value instanceof JsonNumber number) {
            return number.bigDecimalValue();
        }
        throw new JsonbException("a number is expected");
    }

    static final class ExactInteger implements JsonbDeserializer<Integer> {
        @Override
        public Integer deserialize(JsonParser parser, DeserializationContext context, Type type) {
            try {
                BigDecimal n = number(parser);
                return n == null ? null : n.intValueExact();
            } catch (ArithmeticException e) {
                throw new JsonbException("not a whole number that fits an int", e);
            }
        }
    }

    static final class ExactBoolean implements JsonbDeserializer<Boolean> {
        @Override
        public Boolean deserialize(JsonParser parser, DeserializationContext context, Type type) {
            JsonValue value = parser.getValue();
            return switch (value.getValueType()) {
                case TRUE -> Boolean.TRUE;
                case FALSE -> Boolean.FALSE;
                case NULL -> null;
                default -> throw new JsonbException("true or false is expected");
            };
        }
    }

    static final class ExactLong implements JsonbDeserializer<Long> {
        @Override
        public Long deserialize(JsonParser parser, DeserializationContext context, Type type) {
            try {
                BigDecimal n = number(parser);
                return n == null ? null : n.longValueExact();
            } catch (ArithmeticException e) {
                throw new JsonbException("not a whole number that fits a long", e);
            }
        }
    }
}
