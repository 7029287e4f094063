package org.innofund.web.api;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.innofund.web.shared.ContentDisposition;

/** A file as an API answer: streamed, under its own (possibly Chinese) name, of the type found in it, never sniffed. */
final class FileAnswers {

    private FileAnswers() {
    }

    static Response file(StreamingOutput body, String mediaType, String fileName, long size) {
        return Response.ok(body, mediaType)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment(fileName))
                .header(HttpHeaders.CONTENT_LENGTH, size)
                .header("X-Content-Type-Options", "nosniff")
                .build();
    }
}
