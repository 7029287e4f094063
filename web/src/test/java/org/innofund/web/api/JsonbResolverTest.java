package org.innofund.web.api;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class JsonbResolverTest {

    public record Counts(Integer staff, Long callId, Boolean required) {
    }

    private final Jsonb jsonb = new JsonbResolver().getContext(Counts.class);

    @Test
    void wholeNumbersThatFitAreRead() {
        assertEquals(new Counts(9_999_999, 9_007_199_254_740_993L, true),
                jsonb.fromJson("{\"staff\":9999999,\"callId\":9007199254740993,\"required\":true}", Counts.class));
        assertEquals(new Counts(-1, 0L, false), jsonb.fromJson("{\"staff\":-1,\"callId\":0,\"required\":false}", Counts.class));
        assertEquals(new Counts(12, 3L, null), jsonb.fromJson("{\"staff\":1.2e1,\"callId\":3.000}", Counts.class));
        Counts none = jsonb.fromJson("{\"staff\":null}", Counts.class);
        assertNull(none.staff());
        assertNull(none.callId());
    }

    /** JSON-P alone reads 1e300 into an Integer as 0 and 2.5 as 2; JSON-B reads "perhaps" as false. */
    @ParameterizedTest
    @ValueSource(strings = {"{\"staff\":1e300}", "{\"staff\":-1e300}", "{\"staff\":2147483648}", "{\"staff\":2.5}",
            "{\"callId\":1e300}", "{\"callId\":9223372036854775808}", "{\"callId\":0.1}", "{\"staff\":\"12\"}",
            "{\"callId\":true}", "{\"staff\":[1]}", "{\"required\":\"perhaps\"}", "{\"required\":1}"})
    void numbersThatDoNotFitAreMalformed(String json) {
        assertThrows(JsonbException.class, () -> jsonb.fromJson(json, Counts.class));
    }
}
