package org.innofund.declaration.application;

import org.innofund.shared.FileType;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class DeclarationDetailTest {

    private static AttachmentView file(long id, String requirement, boolean withdrawn) {
        return new AttachmentView(id, requirement, id + ".pdf", FileType.PDF, 1000, "sha", Instant.EPOCH.plusSeconds(id),
                withdrawn, null);
    }

    private static DeclarationDetail with(AttachmentView... files) {
        return new DeclarationDetail(null, null, List.of(files), List.of(), List.of(), List.of(), false);
    }

    @Test
    void aWithdrawnFileIsKeptButNoLongerInForce() {
        DeclarationDetail d = with(file(1, "营业执照", true), file(2, "营业执照", false), file(3, "可研报告", true));
        assertEquals(List.of(file(2, "营业执照", false)), d.currentAttachments());
        assertEquals(file(2, "营业执照", false), d.attachedFor("营业执照"));
        assertNull(d.attachedFor("可研报告"), "only withdrawn");
        assertNull(d.attachedFor("审计报告"), "never attached");
        assertEquals(List.of(), with().currentAttachments());
    }

    @Test
    void ofSeveralFilesInForceTheLatestCounts() {
        DeclarationDetail d = with(file(1, "营业执照", false), file(2, "可研报告", false), file(3, "营业执照", false));
        assertEquals(file(3, "营业执照", false), d.attachedFor("营业执照"));
        assertEquals(file(2, "可研报告", false), d.attachedFor("可研报告"));
    }
}
