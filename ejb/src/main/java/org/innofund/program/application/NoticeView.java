package org.innofund.program.application;

import org.innofund.program.domain.CallNotice;
import org.innofund.shared.FileType;

import java.io.Serializable;
import java.time.Instant;

/** 正式通知 as the pages and the API show it; {@code callVersion} is the call's version after the upload. */
public record NoticeView(Long callId, String originalName, FileType type, long sizeBytes, String sha256, Instant uploadedAt,
                         long callVersion) implements Serializable {

    static NoticeView of(CallNotice n, long callVersion) {
        return new NoticeView(n.getCallId(), n.getOriginalName(), n.getType(), n.getSizeBytes(), n.getSha256(),
                n.getUploadedAt(), callVersion);
    }
}
