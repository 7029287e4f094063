package org.innofund.web.bureau;

import jakarta.json.Json;
import jakarta.json.JsonWriter;
import jakarta.json.stream.JsonGenerator;

import java.io.Serializable;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.Map;

/** One submitted revision of a declaration as stored, pretty-printed for the reviewer (as stored if it is not JSON). */
public record RevisionView(int number, String json) implements Serializable {

    public static RevisionView of(int number, String stored) {
        try {
            StringWriter out = new StringWriter();
            try (JsonWriter writer = Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true)).createWriter(out)) {
                writer.write(Json.createReader(new StringReader(stored)).read());
            }
            return new RevisionView(number, out.toString().strip());
        } catch (RuntimeException e) {
            return new RevisionView(number, stored);
        }
    }
}
