package org.innofund.web.api;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Browsers and HTTP clients send a multipart file name as raw UTF-8 bytes; Jersey reads those bytes as ISO-8859-1.
 * This undoes that when (and only when) the bytes are valid UTF-8, so "可研报告.pdf" stays "可研报告.pdf".
 */
final class MultipartFileNames {

    private MultipartFileNames() {
    }

    static String repair(String name) {
        if (name == null || name.chars().allMatch(c -> c < 0x80) || name.chars().anyMatch(c -> c > 0xFF)) {
            return name;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(name.getBytes(StandardCharsets.ISO_8859_1))).toString();
        } catch (CharacterCodingException notUtf8) {
            return name;
        }
    }
}
