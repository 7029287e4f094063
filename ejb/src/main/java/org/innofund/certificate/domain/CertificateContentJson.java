package org.innofund.certificate.domain;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;

/** What a document prints, as stored with it (read whole, never queried by its parts). */
public final class CertificateContentJson {

    private static final Jsonb JSONB = JsonbBuilder.create();

    private CertificateContentJson() {
    }

    public static String write(CertificateContent content) {
        return JSONB.toJson(content);
    }

    public static CertificateContent read(String json) {
        return JSONB.fromJson(json, CertificateContent.class);
    }
}
